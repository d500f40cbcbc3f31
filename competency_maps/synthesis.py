"""Consortium synthesis: what the clusters' SWOT entries share (convergences) and where one
cluster's strength meets another's weakness (complementarities).

Entries are tagged with the coordinator's themes by keyword, unless the partner chose a Theme
in the workbook, which wins. Pure analysis of the model: no layout here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .labels import QUADRANT_PLURALS
from .model import Cluster, SwotEntry
from .schema import QUADRANTS

MAX_PAIRS_PER_THEME = 3


@dataclass(frozen=True)
class Theme:
    name: str
    keywords: tuple[str, ...]

    def pattern(self) -> re.Pattern:
        words = "|".join(re.escape(k.lower()) for k in self.keywords if k.strip())
        return re.compile(rf"(?<![\w])(?:{words})", re.IGNORECASE) if words else re.compile(r"(?!x)x")


@dataclass(frozen=True)
class Quote:
    cluster: str
    entry: str


@dataclass
class Convergence:
    theme: str
    quadrant: str  # Strength | Weakness | Opportunity | Threat
    title: str  # "Threats"
    quotes: list[Quote]


@dataclass
class Pairing:
    theme: str
    strong: Quote
    weak: Quote


@dataclass
class Complementarity:
    theme: str
    pairs: list[Pairing]
    more: int = 0  # pairings not listed


@dataclass
class HeatRow:
    cluster: str
    counts: list[int]  # per quadrant
    by_topic: list[list[int]]  # per topic, per quadrant


@dataclass
class Synthesis:
    quadrants: list[str]
    topics: list[str]
    rows: list[HeatRow]
    convergences: list[Convergence]
    complementarities: list[Complementarity]
    max_count: int = 0
    themes: list[str] = field(default_factory=list)


def themes_of(entry: SwotEntry, themes: list[Theme], patterns: list[re.Pattern]) -> list[str]:
    if entry.theme:
        return [entry.theme]
    text = entry.plain
    return [t.name for t, p in zip(themes, patterns) if p.search(text)]


def analyse(clusters: list[Cluster], topics: tuple[str, ...], themes: list[Theme],
            min_clusters: int = 3) -> Synthesis:
    patterns = [t.pattern() for t in themes]
    # theme -> quadrant -> cluster -> first entry
    found: dict[str, dict[str, dict[str, str]]] = {t.name: {q: {} for q in QUADRANTS} for t in themes}
    counts: dict[str, dict[str, dict[str, int]]] = {t.name: {q: {} for q in QUADRANTS} for t in themes}
    rows = []
    for c in clusters:
        per_q = c.quadrant_counts()
        per_t = [[sum(1 for e in c.swot if e.quadrant == q and e.topic == t) for q in QUADRANTS]
                 for t in topics]
        rows.append(HeatRow(c.name, per_q, per_t))
        for e in c.swot:
            for name in themes_of(e, themes, patterns):
                if name not in found:
                    continue
                found[name][e.quadrant].setdefault(c.name, e.plain)
                n = counts[name][e.quadrant]
                n[c.name] = n.get(c.name, 0) + 1
    convergences = []
    for t in themes:
        for q in QUADRANTS:
            quotes = found[t.name][q]
            if len(quotes) >= min_clusters:
                convergences.append(Convergence(t.name, q, QUADRANT_PLURALS[q],
                                                [Quote(c, e) for c, e in quotes.items()]))
    complementarities = []
    for t in themes:
        strong, weak = found[t.name]["Strength"], found[t.name]["Weakness"]
        pairs = [Pairing(t.name, Quote(a, strong[a]), Quote(b, weak[b]))
                 for a in strong for b in weak if a != b]
        # most telling first: the strongest cluster on the theme meets the weakest
        pairs.sort(key=lambda p: (-counts[t.name]["Strength"][p.strong.cluster],
                                  -counts[t.name]["Weakness"][p.weak.cluster]))
        if pairs:
            complementarities.append(Complementarity(t.name, pairs[:MAX_PAIRS_PER_THEME],
                                                     max(0, len(pairs) - MAX_PAIRS_PER_THEME)))
    max_count = max((n for r in rows for n in r.counts), default=0)
    return Synthesis(list(QUADRANTS), list(topics), rows, convergences, complementarities, max_count,
                     [t.name for t in themes])
