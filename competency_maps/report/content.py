"""The report's view, built: gathered inputs' model and deliverable → `ReportContent` (`view.py`).

The builders of its parts are in `chapters.py`, `front.py` and `synthesis.py`; this module puts them
together in reading order (chapters, synthesis, conclusions, about) with the contents list.
"""

from __future__ import annotations

from competency_maps.analysis.decisions import Review, endorsed_by
from competency_maps.analysis.synthesis import analyse
from competency_maps.model.deliverable import Deliverable
from competency_maps.model.cluster import Cluster
from competency_maps.model.richtext import linkify_blocks
from competency_maps.report.chapters import about_block, chapter, partner_logo, placeholder_chapter
from competency_maps.report.front import cofunding, front_matter, project_logo
from competency_maps.report.synthesis import synthesis_view
from competency_maps.report.view import (BackPage, Chapter, Furniture, Link, Properties, ReportContent, SynthesisView,
                                         TocEntry)
from competency_maps.slugs import slug

__all__ = ["ReportContent", "build_content", "chapter", "placeholder_chapter", "about_block"]


def _toc(chapters: list[Chapter], syn: SynthesisView | None, d: Deliverable, *, proof: bool) -> list[TocEntry]:
    toc = []
    for ch in chapters:
        toc.append(TocEntry(1, ch.title, ch.anchor))
        for n, step in enumerate(ch.steps, start=1):
            if step:  # a step switched off, or without a heading, has no contents line
                toc.append(TocEntry(2, step, f"{ch.anchor}-step{n}"))
    if syn is not None:
        toc.append(TocEntry(1, syn.heading, "synthesis"))
        for text, anchor in syn.sections:
            toc.append(TocEntry(2, text, anchor))
    if not proof:
        toc.append(TocEntry(1, d.heading("conclusions"), "conclusions"))
    toc.append(TocEntry(1, _about_heading(d), "about"))
    for n, entry in enumerate(toc, start=1):
        entry.bookmark, entry.bookmark_id = f"_Toc{n:05d}", n
    return toc


def _about_heading(d: Deliverable) -> str:
    return d.heading("about").format(project=d.project_acronym, name="")


def build_content(d: Deliverable, chapters: list[Chapter], clusters: list[Cluster], *,
                  about_order: tuple[str, ...] = (), draft: bool = False,
                  proof: bool = False, draft_note: str = "", review: Review | None = None) -> ReportContent:
    """Everything the templates show. The synthesis needs at least two clusters to compare; it prints
    the findings that `review` (the coordinator's review file) marks Yes."""
    lb = d.labels
    for i, ch in enumerate(chapters, start=1):  # unique even for names slug() cannot spell
        ch.anchor = f"ch{i}-{slug(ch.name)}"
    by_name = {c.name: c for c in clusters}
    ordered = [by_name[n] for n in about_order if n in by_name]
    ordered += [c for c in clusters if c not in ordered]
    syn = None
    if d.synthesis.shown and d.themes and d.chapter.swot and not proof and len(clusters) >= 2:  # of SWOT entries
        syn = synthesis_view(analyse(clusters, d.topics, list(d.themes), d.synthesis.min_clusters, d.language,
                                     min_share=d.synthesis.min_share, endorsed=endorsed_by(review),
                                     topics_for=d.topics_for),
                             d, review=review, draft=draft)
    title = f"{d.number} {d.title}"
    before, _, rest = lb("page_footer", page="\0", pages="\1").partition("\0")
    between, _, after = rest.partition("\1")
    furniture = Furniture(lb("running_header", project=d.project_acronym, number=d.number, title=d.title),
                          before, between, after, lb("draft_mark") if draft else "")
    back = None if proof else BackPage(
        d.project_acronym, [Link(lb("link", label=x.label), x.text, x.url)
                            for x in d.links], cofunding(d), project_logo(d))
    for i, ch in enumerate(chapters, start=1):
        if ch.name in by_name:
            ch.logo = partner_logo(by_name[ch.name], f"logo-ch{i}", lb)
    about = [about_block(c, lb) for c in ordered]
    for i, (a, c) in enumerate(zip(about, ordered), start=1):
        a.logo = partner_logo(c, f"logo-about{i}", lb)
    toc = _toc(chapters, syn, d, proof=proof)
    properties = Properties(d.language, d.date, d.info.authors, d.project.full_title, d.info.keywords)
    return ReportContent(
        properties, title, lb("document_title_draft", title=title) if draft else title, furniture,
        None if proof else front_matter(d, draft_note if draft else None),
        d.heading("contents"), toc, chapters, syn,
        d.heading("conclusions"), None if proof else linkify_blocks(d.text("conclusions")),
        _about_heading(d), about, back, draft, proof,
        {e.anchor: e for e in toc})
