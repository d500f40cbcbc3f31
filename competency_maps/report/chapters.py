"""A partner's chapter of the report (its SWOT tables, TOWS tables, notes) and its block in "About the
partners": model `Cluster` → view, with the deliverable's headings, topics and labels."""

from __future__ import annotations

from dataclasses import replace

from competency_maps.model.deliverable import Deliverable
from competency_maps.labels import Labels
from competency_maps.model.cluster import Cluster, SwotEntry, TowsEntry
from competency_maps.model.richtext import Text, linkify, linkify_blocks, plain, text_of, web_address
from competency_maps.model.schema import QUADRANTS, STRATEGIES
from competency_maps.report.direction import rtl_language, rtl_text
from competency_maps.report.view import (AboutBlock, Chapter, Group, Picture, StepNote, SwotPair, SwotRow, TopicBlock,
                                         TowsCell, TowsEntryView, TowsRow, TowsTable)
from competency_maps.slugs import slug

# A topic row is cut between entries into pieces of about PIECE_LINES lines (each side), unless it is at
# most WHOLE_LINES long. Rows never split across pages (report.css, the Word rows' cantSplit), so a
# piece that does not fit moves to the next page: about a sixth of a page stays blank at most, or
# what one entry takes when an entry is longer (the page rules allow a short page before a block that
# cannot fit). The lines are estimated, not measured: the view knows no layout; CHARS_PER_LINE is a
# little under what a half-width cell holds at 9.5 pt (about 50), so a piece is rather shorter than
# planned, never much longer.
PIECE_LINES, WHOLE_LINES, CHARS_PER_LINE = 10, 15, 46
TOWS_CHARS_PER_LINE = 34  # a TOWS cell is narrower (66 mm, its bullets indented)


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


def _lines(text: Text, per_line: int = CHARS_PER_LINE) -> int:
    """The lines an entry takes in a half-width cell, about (its hard line breaks count)."""
    return sum(1 + len(part) // per_line for part in plain(text).split("\n"))


def _entries(block: TopicBlock | None) -> list[tuple[int, int, int]]:
    """(group, entry, lines) for each entry of a side: the lines of the topic's title and of a group's
    name count with the entry under them."""
    out = []
    for gi, g in enumerate(block.groups if block else []):
        for ei, e in enumerate(g.entries):
            out.append((gi, ei, _lines(e) + (1 if ei == 0 and g.name else 0) + (1 if not out else 0)))
    return out


def _cut(heights: list[list[int]]) -> list[list[list[int]]]:
    """The pieces of a row: for each piece and side, the indexes of its entries. A piece takes the next
    entry of every side that has one left, then more while no side grows past the taller of
    PIECE_LINES and the piece's height so far: so the sides of a piece end at about the same height,
    and a piece is no taller than its tallest entry needs."""
    at = [0] * len(heights)
    pieces = []
    while any(k < len(side) for k, side in zip(at, heights)):
        taken: list[list[int]] = [[] for _ in heights]
        used = [0] * len(heights)
        grew = True
        first = True
        while grew:
            grew = False
            limit = max(PIECE_LINES, *used)
            for s, side in enumerate(heights):
                if at[s] < len(side) and (first or used[s] + side[at[s]] <= limit):
                    taken[s].append(at[s])
                    used[s] += side[at[s]]
                    at[s] += 1
                    grew = True
            first = False
        pieces.append(taken)
    return pieces


def _piece(block: TopicBlock, entries: list[tuple[int, int, int]], first: bool) -> TopicBlock:
    """The entries of one piece of a side, in their groups; a group that began in an earlier piece
    goes on without its name."""
    groups: list[Group] = []
    last = None
    for gi, ei, _ in entries:
        g = block.groups[gi]
        if gi != last:
            groups.append(Group(g.name if ei == 0 else "", []))
            last = gi
        groups[-1].entries.append(g.entries[ei])
        groups[-1].rtl.append(g.rtl[ei] if ei < len(g.rtl) else False)
    return TopicBlock(block.title if first else "", groups)


def topic_rows(topic: str, left: TopicBlock | None, right: TopicBlock | None, *, key: str,
               continued: str) -> list[SwotRow]:
    """A topic's row, or its pieces when it is taller than WHOLE_LINES (see _cut)."""
    sides = [_entries(left), _entries(right)]
    if max(sum(h for _, _, h in side) for side in sides) <= WHOLE_LINES:
        return [SwotRow(topic, left, right, key=f"{key}-0")]
    rows = []
    pieces = _cut([[h for _, _, h in side] for side in sides])
    for n, taken in enumerate(pieces):
        blocks = [_piece(block, [side[i] for i in idx], n == 0) if block and idx else None
                  for block, side, idx in zip((left, right), sides, taken)]
        rows.append(SwotRow(topic, blocks[0], blocks[1], key=f"{key}-{n}", continued=continued if n else "",
                            last=n == len(pieces) - 1))
    return rows


def tows_rows(row: TowsRow, *, key: str, continued: str) -> list[TowsRow]:
    """A TOWS row, or its pieces when it is tall, cut as a SWOT row is (its captions count as two lines)."""
    heights = [[_lines(e.text, TOWS_CHARS_PER_LINE) + (2 if i == 0 else 0) for i, e in enumerate(c.entries)]
               for c in row.cells]
    if max(sum(side) for side in heights) <= WHOLE_LINES:
        return [replace(row, key=f"{key}-0")]
    out = []
    for n, taken in enumerate(_cut(heights)):
        cells = [TowsCell(c.strategy, c.label if n == 0 else "", c.caption if n == 0 else "",
                          [c.entries[i] for i in idx]) for c, idx in zip(row.cells, taken)]
        out.append(TowsRow(row.heading if n == 0 else "", cells, key=f"{key}-{n}", continued=continued if n else ""))
    return out


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
    for p, (a, b) in enumerate((("Strength", "Weakness"), ("Opportunity", "Threat")) if on.swot and cluster.swot
                               else ()):
        left, right = by_quadrant[a], by_quadrant[b]
        rows = [row for i, t in enumerate(d.topics) if t in left or t in right
                for row in topic_rows(t, left.get(t), right.get(t), key=f"piece-{ch.anchor}-{p}-{i}",
                                      continued=lb("topic_continued", topic=t))]
        ch.swot_pairs.append(SwotPair(lb.quadrant(a), lb.quadrant(b), rows))
    for i, t in enumerate(d.topics if on.tows else ()):
        if not any(e.topic == t for e in cluster.tows):
            continue
        so, st, wo, wt = (_tows_cell(cluster.tows, t, s, d) for s in STRATEGIES)
        rows = [piece for q, cells in (("Strength", [so, st]), ("Weakness", [wo, wt]))
                for piece in tows_rows(TowsRow(lb.quadrant(q), cells), key=f"piece-{ch.anchor}-tows-{i}-{q}",
                                       continued=lb("topic_continued", topic=lb.quadrant(q)))]
        ch.tows.append(TowsTable(
            lb("tows_corner", topic=d.short_topic(t)),
            [lb.quadrant("Opportunity"), lb.quadrant("Threat")], rows))
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
