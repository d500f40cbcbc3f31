"""What the report says, in reading order: one structure that both the DOCX and the HTML template walk.

The content logic lives here once (grouping SWOT entries by quadrant, topic and group; filling
TOWS cells; ordering chapters); the templates only lay it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .config import Deliverable
from .figures import Heatmap, heatmap
from .synthesis import Synthesis, analyse
from .model import QUADRANT_TITLES, Cluster, SwotEntry, TowsEntry
from .richtext import Block, Text, text_of
from .schema import QUADRANTS, STRATEGIES


@dataclass
class Group:
    name: str
    entries: list[Text]


@dataclass
class TopicBlock:
    title: str
    groups: list[Group]


@dataclass
class SwotCell:
    quadrant: str
    title: str
    topics: list[TopicBlock]


@dataclass
class SwotRow:
    topic: str
    left: TopicBlock | None
    right: TopicBlock | None


@dataclass
class SwotPair:
    """Strengths | Weaknesses (or Opportunities | Threats), one row per topic, so tables break
    between topics and repeat their header on the next page."""

    left: str
    right: str
    rows: list[SwotRow]


@dataclass
class TowsEntryView:
    format: str  # Bullet | Paragraph
    text: Text


@dataclass
class TowsCell:
    strategy: str
    label: str  # "S-O Strategy"
    caption: str
    entries: list[TowsEntryView]


@dataclass
class TowsTable:
    topic: str
    so: TowsCell
    st: TowsCell
    wo: TowsCell
    wt: TowsCell


@dataclass
class Chapter:
    name: str
    anchor: str
    title: str
    step1: list[Block] = field(default_factory=list)
    swot: dict[str, SwotCell] = field(default_factory=dict)  # keyed S, W, O, T
    swot_pairs: list[SwotPair] = field(default_factory=list)
    tows: list[TowsTable] = field(default_factory=list)
    placeholder: str = ""  # draft: why this chapter is not shown


@dataclass
class AboutBlock:
    name: str
    country: str
    about: Text
    facts: str  # "Founded 2006 · 620 members · 360 SMEs"


@dataclass
class ReportContent:
    d: Deliverable
    title: str
    chapters: list[Chapter]
    about: list[AboutBlock]
    headings: dict[str, str]
    draft: bool = False
    proof: bool = False
    draft_note: str = ""
    synthesis: Synthesis | None = None
    heatmap: Heatmap | None = None


def slug(s: str) -> str:
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s or "x"


def _swot_cell(entries: list[SwotEntry], quadrant: str, topics: tuple[str, ...]) -> SwotCell:
    blocks = []
    for t in topics:
        groups: list[Group] = []
        for e in entries:
            if e.topic != t or e.quadrant != quadrant:
                continue
            if not groups or groups[-1].name != e.group:
                groups.append(Group(e.group, []))
            groups[-1].entries.append(e.text)
        if groups:
            blocks.append(TopicBlock(t, groups))
    return SwotCell(quadrant, QUADRANT_TITLES[quadrant], blocks)


def _tows_cell(entries: list[TowsEntry], topic: str, strategy: str, d: Deliverable) -> TowsCell:
    return TowsCell(strategy, f"{strategy} Strategy", d.captions.get(strategy, ""),
                    [TowsEntryView(e.format, e.text) for e in entries
                     if e.topic == topic and e.strategy == strategy])


def chapter(cluster: Cluster, d: Deliverable) -> Chapter:
    ch = Chapter(cluster.name, "ch-" + slug(cluster.name),
                 d.heading("chapter").format(name=cluster.name), list(cluster.step1))
    ch.swot = {q[0]: _swot_cell(cluster.swot, q, d.topics) for q in QUADRANTS}
    for a, b in (("S", "W"), ("O", "T")):
        left, right = ch.swot[a], ch.swot[b]
        lt = {tb.title: tb for tb in left.topics}
        rt = {tb.title: tb for tb in right.topics}
        rows = [SwotRow(t, lt.get(t), rt.get(t)) for t in d.topics if t in lt or t in rt]
        ch.swot_pairs.append(SwotPair(left.title, right.title, rows))
    for t in d.topics:
        if not any(e.topic == t for e in cluster.tows):
            continue
        cells = [_tows_cell(cluster.tows, t, s, d) for s in STRATEGIES]
        ch.tows.append(TowsTable(t, *cells))
    return ch


def placeholder_chapter(name: str, reason: str, d: Deliverable) -> Chapter:
    return Chapter(name, "ch-" + slug(name), d.heading("chapter").format(name=name), placeholder=reason)


def about_block(cluster: Cluster) -> AboutBlock:
    p = cluster.profile
    facts = []
    if p.founded:
        facts.append(f"Founded {p.founded}")
    if p.members is not None:
        facts.append(f"{p.members} members")
    if p.smes is not None:
        facts.append(f"{p.smes} SMEs")
    return AboutBlock(p.display_name, p.country, p.about or text_of(""), " · ".join(facts))


def build_content(d: Deliverable, chapters: list[Chapter], clusters: list[Cluster],
                  about_order: tuple[str, ...] = (), draft: bool = False,
                  proof: bool = False, draft_note: str = "") -> ReportContent:
    """Everything the templates show. The synthesis needs at least two clusters to compare."""
    for i, ch in enumerate(chapters, start=1):  # unique even for names slug() cannot spell
        ch.anchor = f"ch{i}-{slug(ch.name)}"
    by_name = {c.name: c for c in clusters}
    ordered = [by_name[n] for n in about_order if n in by_name]
    ordered += [c for c in clusters if c not in ordered]
    headings = {k: d.heading(k).format(project=d.project_acronym, name="")
                for k in ("step1", "step2", "step3", "about", "conclusions", "executive_summary",
                          "abstract", "contents", "document_information", "synthesis")}
    syn = None
    if d.synthesis and d.themes and not proof and len(clusters) >= 2:
        syn = analyse(clusters, d.topics, list(d.themes), d.synthesis_min_clusters)
    return ReportContent(d, f"{d.number} {d.title}", chapters, [about_block(c) for c in ordered],
                         headings, draft, proof, draft_note, syn, heatmap(syn) if syn else None)
