"""A partner's chapter of the report (its SWOT tables, TOWS tables, notes) and its block in "About the
partners": model `Cluster` → view, with the deliverable's headings, topics and labels."""

from __future__ import annotations

from dataclasses import replace

from competency_maps.model.deliverable import Deliverable
from competency_maps.labels import QUADRANT_PLURALS, Labels
from competency_maps.model.cluster import Cluster, SwotEntry, TowsEntry
from competency_maps.model.richtext import Text, linkify, linkify_blocks, plain, text_of, web_address
from competency_maps.model.schema import QUADRANTS, STRATEGIES
from competency_maps.report.direction import rtl_language, rtl_text
from competency_maps.report.view import (AboutBlock, Chapter, Group, Picture, StepNote, SwotPair, SwotRow, TopicBlock,
                                         TowsCell, TowsEntryView, TowsRow, TowsTable)
from competency_maps.slugs import slug

# A topic row is cut between entries into pieces of about PIECE_LINES lines (each side), unless it is at
# most WHOLE_LINES long. Rows never split across pages (report.css, the Word rows' cantSplit), so a
# piece that does not fit moves to the next page: at most about a sixth of a page stays blank (the
# page rules want every page 60 % full). The lines are estimated, not measured: the view knows no
# layout; CHARS_PER_LINE is a little under what a half-width cell holds at 9.5 pt (about 50), so a
# piece is rather shorter than planned, never much longer.
PIECE_LINES, WHOLE_LINES, CHARS_PER_LINE = 10, 15, 46


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


def _lines(text: Text) -> int:
    """The lines an entry takes in a half-width cell, about (its hard line breaks count)."""
    return sum(1 + len(part) // CHARS_PER_LINE for part in plain(text).split("\n"))


def _positions(block: TopicBlock | None) -> list[tuple[int, int, int]]:
    """(line the entry starts on, group, entry) for each entry of a side, the topic's title first."""
    out, y = [], 1
    for gi, g in enumerate(block.groups if block else []):
        y += 1 if g.name else 0
        for ei, e in enumerate(g.entries):
            out.append((y, gi, ei))
            y += _lines(e)
    return out


def _piece(block: TopicBlock, entries: list[tuple[int, int, int]], first: bool) -> TopicBlock:
    """The entries of one piece of a side, in their groups; a group that began in an earlier piece
    goes on without its name."""
    groups: list[Group] = []
    last = None
    for _, gi, ei in entries:
        g = block.groups[gi]
        if gi != last:
            groups.append(Group(g.name if ei == 0 else "", []))
            last = gi
        groups[-1].entries.append(g.entries[ei])
        groups[-1].rtl.append(g.rtl[ei] if ei < len(g.rtl) else False)
    return TopicBlock(block.title if first else "", groups)


def topic_rows(topic: str, left: TopicBlock | None, right: TopicBlock | None, *, key: str,
               continued: str) -> list[SwotRow]:
    """A topic's row, or its pieces when it is tall: each entry goes to the piece of the line it
    starts on, on both sides alike, so that the two cells of a piece end at about the same height."""
    sides = [_positions(left), _positions(right)]
    height = max((y + _lines((left, right)[s].groups[gi].entries[ei]) for s, side in enumerate(sides)
                  for y, gi, ei in side), default=0)
    if height <= WHOLE_LINES:
        return [SwotRow(topic, left, right, key=f"{key}-0")]
    count = max(y for side in sides for y, _, _ in side) // PIECE_LINES + 1
    wanted = [k for k in range(count) if any(y // PIECE_LINES == k for side in sides for y, _, _ in side)]
    rows = []
    for n, k in enumerate(wanted):
        parts = [[p for p in side if p[0] // PIECE_LINES == k] for side in sides]
        blocks = [_piece(block, part, n == 0) if block and part else None
                  for block, part in zip((left, right), parts)]
        rows.append(SwotRow(topic, blocks[0], blocks[1], key=f"{key}-{n}", continued=continued if n else "",
                            last=n == len(wanted) - 1))
    return rows


def tows_rows(row: TowsRow, *, key: str, continued: str) -> list[TowsRow]:
    """A TOWS row, or its pieces when it is tall, cut as topic_rows cuts a SWOT row."""
    sides, height = [], 0
    for c in row.cells:
        y, starts = 2, []  # the caption first
        for e in c.entries:
            starts.append(y)
            y += _lines(e.text)
        sides.append(starts)
        height = max(height, y)
    if height <= WHOLE_LINES:
        return [replace(row, key=f"{key}-0")]
    wanted = sorted({y // PIECE_LINES for side in sides for y in side})
    out = []
    for n, k in enumerate(wanted):
        cells = [TowsCell(c.strategy, c.label if n == 0 else "", c.caption if n == 0 else "",
                          [e for e, y in zip(c.entries, side) if y // PIECE_LINES == k])
                 for c, side in zip(row.cells, sides)]
        out.append(TowsRow(row.heading if n == 0 else "", cells, key=f"{key}-{n}", continued=continued if n else ""))
    return out


def _tows_cell(entries: list[TowsEntry], topic: str, strategy: str, d: Deliverable) -> TowsCell:
    caption = d.tows.captions.get(strategy, "")
    return TowsCell(strategy, d.labels("tows_strategy", strategy=strategy),
                    d.labels("tows_caption", caption=caption) if caption else "",
                    [TowsEntryView(e.format, linkify(e.text), rtl_text(e.plain)) for e in entries
                     if e.topic == topic and e.strategy == strategy])


def chapter(cluster: Cluster, d: Deliverable) -> Chapter:
    ch = Chapter(cluster.name, "ch-" + slug(cluster.name), chapter_title(cluster.name, d),
                 _step_headings(d), linkify_blocks(cluster.step1))
    ch.step2_notes = [StepNote(n.label, list(n.blocks), _other_language(n.language, d.language),
                               rtl_language(n.language) if n.language else
                               rtl_text(n.label + "".join(plain(b.text) for b in n.blocks)))
                      for n in cluster.step2_notes]
    by_quadrant = {q: _swot_blocks(cluster.swot, q, d.topics) for q in QUADRANTS}
    for p, (a, b) in enumerate((("Strength", "Weakness"), ("Opportunity", "Threat"))):
        left, right = by_quadrant[a], by_quadrant[b]
        rows = [row for i, t in enumerate(d.topics) if t in left or t in right
                for row in topic_rows(t, left.get(t), right.get(t), key=f"piece-{ch.anchor}-{p}-{i}",
                                      continued=d.labels("topic_continued", topic=t))]
        ch.swot_pairs.append(SwotPair(QUADRANT_PLURALS[a], QUADRANT_PLURALS[b], rows))
    for i, t in enumerate(d.topics):
        if not any(e.topic == t for e in cluster.tows):
            continue
        so, st, wo, wt = (_tows_cell(cluster.tows, t, s, d) for s in STRATEGIES)
        rows = [piece for q, cells in (("Strength", [so, st]), ("Weakness", [wo, wt]))
                for piece in tows_rows(TowsRow(QUADRANT_PLURALS[q], cells), key=f"piece-{ch.anchor}-tows-{i}-{q}",
                                       continued=d.labels("topic_continued", topic=QUADRANT_PLURALS[q]))]
        ch.tows.append(TowsTable(
            d.labels("tows_corner", topic=d.short_topic(t)),
            [QUADRANT_PLURALS["Opportunity"], QUADRANT_PLURALS["Threat"]], rows))
    return ch


def _other_language(language: str, report: str) -> str:
    """A note's language, when it differs from the report's (so only that needs marking)."""
    return language if language and language.casefold() != report.casefold() else ""


def _step_headings(d: Deliverable) -> list[str]:
    return [d.heading(k).format(project=d.project_acronym, name="") for k in ("step1", "step2", "step3")]


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
