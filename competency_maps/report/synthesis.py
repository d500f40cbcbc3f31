"""The consortium synthesis chapter: the analysis's candidates, as the coordinator's review decided
them (`analysis/decisions.py`), → view: the heat map, the endorsed convergences and complementarities."""

from __future__ import annotations

from competency_maps.analysis.decisions import Decision, Review, reconcile
from competency_maps.analysis.synthesis import COMPLEMENTARITY, CONVERGENCE, Candidate, Synthesis
from competency_maps.model.deliverable import Deliverable
from competency_maps.labels import Labels
from competency_maps.model.richtext import Text, linkify_blocks, normalise, text_of
from competency_maps.report.figures import heatmaps
from competency_maps.report.view import Finding, SynthesisView


def _finding(c: Candidate, lb: Labels, wording: Text, *, proposed: bool) -> Finding:
    """The generated sentence, or the coordinator's wording in its place; then the quotes."""
    if c.kind == CONVERGENCE:
        sentence = lb("convergence", theme=c.theme, count=len(c.quotes),
                      quadrant=lb.quadrant(c.quadrant, in_sentence=True))
        items = [lb.rich("convergence_quote", cluster=q.cluster, entry=q.entry) for q in c.quotes]
    else:
        strong, weak = c.quotes
        sentence = lb("complementarity", theme=c.theme, strong=strong.cluster, weak=weak.cluster)
        items = [lb.rich("complementarity_strength", cluster=strong.cluster, entry=strong.entry),
                 lb.rich("complementarity_weakness", cluster=weak.cluster, entry=weak.entry)]
    text = wording or text_of(sentence)
    if proposed:
        before, _, after = lb("finding_proposed", finding="\0").partition("\0")
        text = normalise(text_of(before) + text + text_of(after))
    return Finding(text, items)


def _findings(decisions: list[Decision], kind: str, lb: Labels, *, draft: bool) -> list[Finding]:
    """The rows of a kind marked Yes, in the review file's order; in a draft also the undecided and
    the new ones, marked "proposed". A No, or a row whose entries changed, is never printed."""
    return [_finding(dec.candidate, lb, dec.wording, proposed=dec.include is None) for dec in decisions
            if dec.candidate is not None and dec.candidate.kind == kind
            and (dec.include or (dec.include is None and draft))]


def synthesis_view(s: Synthesis, d: Deliverable, *, review: Review | None, draft: bool) -> SynthesisView:
    lb, h = d.labels, d.heading
    note = lb("counts_topics_note", list=lb("counts_topics_separator").join(
        lb("counts_topics_item", n=n, topic=t) for n, t in enumerate(s.topics, start=1)))
    decisions = reconcile(s.candidates, review)
    return SynthesisView(
        h("synthesis"), linkify_blocks(d.text("synthesis_intro")),
        h("synthesis_overview"), linkify_blocks(d.text("synthesis_overview")), heatmaps(s, lb),
        lb("heatmap_caption", quadrants=lb("heatmap_key_separator").join(
            lb("heatmap_key_item", letter=lb.letter(q), quadrant=lb.quadrant(q)) for q in s.quadrants)), note,
        h("synthesis_convergences"), linkify_blocks(d.text("synthesis_convergences")),
        _findings(decisions, CONVERGENCE, lb, draft=draft),
        h("synthesis_complementarities"), linkify_blocks(d.text("synthesis_complementarities")),
        _findings(decisions, COMPLEMENTARITY, lb, draft=draft),
        decisions, s, review is not None and review.path is not None)
