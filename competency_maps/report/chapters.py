"""A partner's chapter of the report (its SWOT tables, TOWS tables, notes) and its block in "About the
partners": model `Cluster` → view, with the deliverable's headings, topics and labels."""

from __future__ import annotations

from competency_maps.model.deliverable import Deliverable
from competency_maps.labels import Labels
from competency_maps.model.cluster import Cluster, SwotEntry, TowsEntry
from competency_maps.model.richtext import linkify, linkify_blocks, plain, text_of, web_address
from competency_maps.model.schema import QUADRANTS, STRATEGIES
from competency_maps.report.direction import rtl_language, rtl_text
from competency_maps.report.view import (AboutBlock, Chapter, Group, Picture, StepNote, SwotPair, SwotRow, TopicBlock,
                                         TowsCell, TowsEntryView, TowsRow, TowsTable)
from competency_maps.slugs import slug


def chapter_title(name: str, d: Deliverable) -> str:
    return d.heading("chapter").format(name=name, project=d.project_acronym)


def _swot_blocks(entries: list[SwotEntry], quadrant: str, topics: tuple[str, ...]) -> dict[str, TopicBlock]:
    blocks = {}
    for t in topics:
        groups: list[Group] = []
        for e in entries:
            if e.topic != t or e.quadrant != quadrant:
                continue
            if not groups or groups[-1].name != e.group:
                groups.append(Group(e.group, []))
            groups[-1].entries.append(linkify(e.text))
            groups[-1].rtl.append(rtl_text(e.plain))
        if groups:
            blocks[t] = TopicBlock(t, groups)
    return blocks


def _tows_cell(entries: list[TowsEntry], topic: str, strategy: str, d: Deliverable) -> TowsCell:
    caption, lb = d.caption(strategy), d.labels
    return TowsCell(strategy, lb("tows_strategy", strategy=lb.strategy(strategy)),
                    lb("tows_caption", caption=caption) if caption else "",
                    [TowsEntryView(e.format, linkify(e.text), rtl_text(e.plain)) for e in entries
                     if e.topic == topic and e.strategy == strategy])


def chapter(cluster: Cluster, d: Deliverable) -> Chapter:
    """The steps [chapter] switches on; a required step left empty (only in a draft or a proof: it
    is an error otherwise) shows a placeholder under its heading."""
    on = d.chapter
    ch = Chapter(cluster.name, "ch-" + slug(cluster.name), chapter_title(cluster.name, d),
                 _step_headings(d), linkify_blocks(cluster.step1) if on.step1 else [])
    if on.step2:
        ch.step2_notes = [StepNote(n.label, list(n.blocks), _other_language(n.language, d.language),
                                   rtl_language(n.language) if n.language else
                                   rtl_text(n.label + "".join(plain(b.text) for b in n.blocks)))
                          for n in cluster.step2_notes]
    by_quadrant = {q: _swot_blocks(cluster.swot, q, d.topics) for q in QUADRANTS}
    lb = d.labels
    for a, b in (("Strength", "Weakness"), ("Opportunity", "Threat")) if on.swot and cluster.swot else ():
        left, right = by_quadrant[a], by_quadrant[b]
        rows = [SwotRow(t, left.get(t), right.get(t)) for t in d.topics if t in left or t in right]
        ch.swot_pairs.append(SwotPair(lb.quadrant(a), lb.quadrant(b), rows))
    for t in d.topics if on.tows else ():
        if not any(e.topic == t for e in cluster.tows):
            continue
        so, st, wo, wt = (_tows_cell(cluster.tows, t, s, d) for s in STRATEGIES)
        ch.tows.append(TowsTable(
            lb("tows_corner", topic=d.short_topic(t)),
            [lb.quadrant("Opportunity"), lb.quadrant("Threat")],
            [TowsRow(lb.quadrant("Strength"), [so, st]),
             TowsRow(lb.quadrant("Weakness"), [wo, wt])]))
    empty = {"step1": on.step1 and not cluster.step1, "swot": on.swot and not cluster.swot,
             "tows": on.tows and not cluster.tows}
    ch.placeholders = {step: lb("placeholder_step_empty") for step, is_empty in empty.items() if is_empty}
    return ch


def _other_language(language: str, report: str) -> str:
    """A note's language, when it differs from the report's (so only that needs marking)."""
    return language if language and language.casefold() != report.casefold() else ""


def _step_headings(d: Deliverable) -> list[str]:
    """The three step headings; "" for a step switched off, or whose heading is set to "" (its
    content is shown, without a heading or a contents line)."""
    on = d.chapter
    shown = {"step1": on.step1, "step2": on.step2 or on.swot, "step3": on.tows}
    return [d.heading(k).format(project=d.project_acronym, name="").strip() if shown[k] else ""
            for k in ("step1", "step2", "step3")]


def placeholder_chapter(name: str, reason: str, d: Deliverable) -> Chapter:
    return Chapter(name, "ch-" + slug(name), chapter_title(name, d), placeholder=reason)


def about_block(cluster: Cluster, labels: Labels) -> AboutBlock:
    p = cluster.profile
    facts = []
    if p.founded:
        facts.append(labels("about_founded", value=p.founded))
    if p.members is not None:
        facts.append(labels("about_members", value=p.members))
    if p.smes is not None:
        facts.append(labels("about_smes", value=p.smes))
    country = labels("about_country", country=p.country) if p.country else ""
    return AboutBlock(p.display_name, country, linkify(p.about) if p.about else text_of(""),
                      labels("about_facts_separator").join(facts), p.website.strip(),
                      web_address(p.website) if p.website.strip() else "")


def partner_logo(cluster: Cluster, key: str, labels: Labels) -> Picture | None:
    logo = cluster.profile.logo
    return Picture(key, logo, labels("partner_logo_alt", name=cluster.profile.display_name)) if logo else None
