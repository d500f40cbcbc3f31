"""Consortium synthesis: the numbers behind the heat map, and the *candidate* findings — themes that
several clusters name in the same quadrant (convergences), a strength of one cluster that meets a
weakness of another (complementarities). The build only proposes them: the coordinator decides which
are printed (decisions.py).

Entries are tagged with the coordinator's themes by keyword: whole words, in any of their forms
("funding" also finds "funds" and "funded", never "fundamental"), through a Snowball stemmer for the
report's language; a keyword of several words matches those words in a row. A Theme that the partner
chose in the workbook wins over the keywords. Pure analysis of the model: no layout, no wording.

A convergence needs at least `min_clusters` clusters and at least `min_share` of the partners compared
(with two partners, a theme they happen to share is not yet a consortium's convergence unless
min_clusters says so; with twenty, three are not enough).

One entry is quoted in at most one finding of a kind: a reviewer should not read the same strength in
four complementarities. Convergences quote each cluster's first entry on the theme not quoted by an
earlier convergence (themes in the toml's order); complementarities are made in turn, every theme and
pair of clusters taking its next strength and next weakness not yet quoted (a cluster's own order puts
its telling entries first), at most `PER_PAIR` each and `MAX_COMPLEMENTARITIES` in all (two workbooks
of 700 strengths and 700 weaknesses once made a million pairings); kept in the build's order
(theme, strong cluster, weak cluster), `possible` says how many the rule allows without the cap.
The coordinator's decisions win over the rule: a finding the review file marks Yes is kept as it was
proposed, and claims its entries first (`endorsed`), so nothing endorsed silently disappears.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import snowballstemmer

from competency_maps.model.cluster import Cluster, SwotEntry
from competency_maps.model.deliverable import Theme
from competency_maps.model.schema import QUADRANTS

CONVERGENCE, COMPLEMENTARITY = "Convergence", "Complementarity"
KINDS = (CONVERGENCE, COMPLEMENTARITY)
PER_PAIR = 12  # complementarities per theme and pair of clusters (the sample has at most 10)
MAX_COMPLEMENTARITIES = 1_000  # in all: a review file a coordinator can read

# ISO 639-1 codes of the report's language -> Snowball's stemmers; any other language: exact words.
STEMMERS = {"ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german",
            "el": "greek", "en": "english", "es": "spanish", "et": "estonian", "eu": "basque",
            "fi": "finnish", "fr": "french", "ga": "irish", "hu": "hungarian", "hy": "armenian",
            "id": "indonesian", "it": "italian", "lt": "lithuanian", "nb": "norwegian",
            "nl": "dutch", "nn": "norwegian", "no": "norwegian", "pl": "polish", "pt": "portuguese",
            "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish", "tr": "turkish"}
WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=8)
def _stemmer(language: str):
    """Snowball's stemmer for a BCP 47 language ("en", "en-GB"), or None (words compared as typed).
    """
    name = STEMMERS.get(language.split("-")[0].casefold())
    if name is None:
        return None
    return snowballstemmer.stemmer(name)


class Matcher:
    """Which themes an entry is about: its words' stems against each keyword's stems."""

    def __init__(self, themes: list[Theme], language: str = "en"):
        self._stemmer = _stemmer(language)
        self._stems: dict[str, str] = {}
        self.themes = [(t.name, [self.words(k) for k in t.keywords if WORD.search(k)]) for t in themes]

    def words(self, text: str) -> tuple[str, ...]:
        out = []
        for w in WORD.findall(text.casefold()):
            stem = self._stems.get(w)
            if stem is None:
                stem = self._stems[w] = self._stemmer.stemWord(w) if self._stemmer else w
            out.append(stem)
        return tuple(out)

    def themes_of(self, entry: SwotEntry) -> list[str]:
        if entry.theme:
            return [entry.theme]
        words = self.words(entry.plain)
        present = set(words)
        found = []
        for name, keywords in self.themes:
            if any(_contains(words, present, k) for k in keywords):
                found.append(name)
        return found


def _contains(words: tuple[str, ...], present: set[str], phrase: tuple[str, ...]) -> bool:
    if not all(w in present for w in phrase):
        return False
    n = len(phrase)
    return n == 1 or any(words[i:i + n] == phrase for i in range(len(words) - n + 1))


@dataclass(frozen=True)
class Quote:
    cluster: str
    quadrant: str  # Strength | Weakness | Opportunity | Threat
    entry: str


@dataclass(frozen=True)
class Candidate:
    """A finding the build proposes. A convergence quotes, for each of at least `min_clusters`
    clusters, its first entry on the theme in the quadrant (its own order puts the telling one
    first); a complementarity quotes one strength and one weakness of two clusters, so that every
    pairing of entries can be judged on its own."""
    kind: str  # Convergence | Complementarity
    theme: str
    quotes: tuple[Quote, ...]
    quadrant: str = ""  # a convergence's quadrant

    @property
    def clusters(self) -> list[str]:
        return list(dict.fromkeys(q.cluster for q in self.quotes))


Endorsed = Callable[[Candidate], bool]
Key = tuple[str, str, str]  # an entry: its cluster, quadrant and text


@dataclass
class HeatRow:
    cluster: str
    counts: list[int]  # per quadrant
    by_topic: list[list[int] | None]  # per topic, per quadrant; None: a topic not asked of the cluster


@dataclass
class Synthesis:
    quadrants: list[str]
    topics: list[str]
    rows: list[HeatRow]
    candidates: list[Candidate] = field(default_factory=list)  # convergences first, then pairings
    max_count: int = 0
    themes: list[str] = field(default_factory=list)
    possible: int = 0  # complementarities before the cap: more than len(complementarities) when capped

    @property
    def capped(self) -> bool:
        return self.possible > len(self.complementarities)

    @property
    def convergences(self) -> list[Candidate]:
        return [c for c in self.candidates if c.kind == CONVERGENCE]

    @property
    def complementarities(self) -> list[Candidate]:
        return [c for c in self.candidates if c.kind == COMPLEMENTARITY]


def heat_rows(clusters: list[Cluster], topics: tuple[str, ...],
              topics_for: Callable[[str], tuple[str, ...]] | None = None) -> list[HeatRow]:
    """Each cluster's counts per topic and quadrant; None for a topic not asked of it
    ([swot.partner_topics]) and without entries: shown blank, not as zeros."""
    rows = []
    for c in clusters:
        asked = topics_for(c.name) if topics_for is not None else topics
        counts = [[sum(1 for e in c.swot if e.quadrant == q and e.topic == t) for q in QUADRANTS] for t in topics]
        rows.append(HeatRow(c.name, c.quadrant_counts(),
                            [n if t in asked or any(n) else None for t, n in zip(topics, counts)]))
    return rows


def convergence_threshold(min_clusters: int, min_share: float, partners: int) -> int:
    """How many clusters make a convergence: at least `min_clusters`, and at least `min_share` of the
    partners compared (with ten partners and a share of 0.5, five; never a theme that two of them
    happen to share)."""
    return max(min_clusters, math.ceil(min_share * partners - 1e-9))


def analyse(clusters: list[Cluster], topics: tuple[str, ...], themes: list[Theme],
            min_clusters: int = 3, language: str = "en", *, min_share: float = 0.0,
            endorsed: Endorsed | None = None,
            topics_for: Callable[[str], tuple[str, ...]] | None = None) -> Synthesis:
    """`endorsed`: whether the coordinator's review marks a candidate Yes (decisions.endorsed_by);
    those keep their entries, whatever the one-quote rule would have chosen (see the module)."""
    matcher = Matcher(themes, language)
    names = [t.name for t in themes]
    # theme -> quadrant -> cluster -> its entries on that theme, in workbook order
    found: dict[str, dict[str, dict[str, list[str]]]] = {n: {q: {} for q in QUADRANTS} for n in names}
    for c in clusters:
        for e in c.swot:
            for name in matcher.themes_of(e):
                if name in found:
                    found[name][e.quadrant].setdefault(c.name, []).append(e.plain)
    need = convergence_threshold(min_clusters, min_share, len(clusters))
    candidates = convergences(found, names, need, endorsed=endorsed)
    pairings, possible = complementarities(found, names, endorsed=endorsed)
    rows = heat_rows(clusters, topics, topics_for)
    max_count = max((n for r in rows for n in r.counts), default=0)
    return Synthesis(list(QUADRANTS), list(topics), rows, candidates + pairings, max_count, names, possible)


def convergences(found: dict[str, dict[str, dict[str, list[str]]]], names: list[str], need: int, *,
                 endorsed: Endorsed | None = None) -> list[Candidate]:
    """A theme that at least `need` clusters name in one quadrant, quoting each cluster's first entry
    on it not yet quoted by another convergence (one entry, one convergence). The coordinator's
    endorsed convergences claim their entries first."""
    used: set[Key] = set()
    kept: dict[tuple[str, str], Candidate] = {}
    for name in names:  # first the endorsed, as the build first proposed them
        for q in QUADRANTS:
            first = Candidate(CONVERGENCE, name, tuple(Quote(c, q, e[0]) for c, e in found[name][q].items()), q)
            if len(first.quotes) >= need and endorsed is not None and endorsed(first):
                kept[name, q] = first
                used.update(_key(x) for x in first.quotes)
    for name in names:
        for q in QUADRANTS:
            if (name, q) in kept:
                continue
            quotes = tuple(Quote(c, q, x) for c, entries in found[name][q].items()
                           for x in [next((e for e in entries if (c, q, e) not in used), None)] if x is not None)
            if len(quotes) >= need:
                kept[name, q] = Candidate(CONVERGENCE, name, quotes, q)
                used.update(_key(x) for x in quotes)
    return [kept[n, q] for n in names for q in QUADRANTS if (n, q) in kept]


def _key(q: Quote) -> Key:
    return q.cluster, q.quadrant, q.entry


def best_pairs(strengths: int, weaknesses: int, limit: int = PER_PAIR) -> list[tuple[int, int]]:
    """The `limit` best (strength, weakness) positions of two clusters' entries on a theme, best first:
    by the sum of their places in the clusters' own order, then by the strength's. Never more than
    limit² pairs looked at, however long the lists. (What earlier builds proposed: an endorsed
    complementarity is one of these.)"""
    pairs = [(i, j) for i in range(min(strengths, limit)) for j in range(min(weaknesses, limit))]
    return sorted(pairs, key=lambda p: (p[0] + p[1], p[0]))[:limit]


def complementarities(found: dict[str, dict[str, dict[str, list[str]]]], names: list[str],
                      per_pair: int = PER_PAIR, limit: int = MAX_COMPLEMENTARITIES, *,
                      endorsed: Endorsed | None = None) -> tuple[list[Candidate], int]:
    """One cluster's strength and another's weakness on a theme, each entry in one complementarity at
    most: every theme and pair of clusters in turn takes its next strength and weakness not yet
    quoted, up to `per_pair` each and `limit` in all (see the module's docstring); and how many the
    rule allows without `limit`. The endorsed ones come first and keep their entries."""
    groups = [(t, name, a_i, a, strengths, b_i, b, weaknesses)
              for t, name in enumerate(names)
              for a_i, (a, strengths) in enumerate(found[name]["Strength"].items())
              for b_i, (b, weaknesses) in enumerate(found[name]["Weakness"].items()) if b != a]
    used: set[Key] = set()
    chosen: list[tuple[tuple, Candidate]] = []  # (place in the build's order, candidate)
    taken: dict[int, int] = {}  # per group: how many it has
    for g, (t, name, a_i, a, strengths, b_i, b, weaknesses) in enumerate(groups):
        for i, j in best_pairs(len(strengths), len(weaknesses), per_pair) if endorsed is not None else ():
            c = _pairing(name, a, strengths[i], b, weaknesses[j])
            if endorsed(c):
                chosen.append(((t, a_i, b_i, i, j), c))
                used.update(_key(x) for x in c.quotes)
                taken[g] = taken.get(g, 0) + 1
    proposed: list[tuple[tuple, Candidate]] = []  # in turn: every group's next one, then the next…
    cursors = {g: [0, 0] for g in range(len(groups))}
    for _ in range(per_pair):
        progress = False
        for g, (t, name, a_i, a, strengths, b_i, b, weaknesses) in enumerate(groups):
            if taken.get(g, 0) >= per_pair:
                continue
            cur = cursors[g]
            while cur[0] < len(strengths) and (a, "Strength", strengths[cur[0]]) in used:
                cur[0] += 1
            while cur[1] < len(weaknesses) and (b, "Weakness", weaknesses[cur[1]]) in used:
                cur[1] += 1
            if cur[0] >= len(strengths) or cur[1] >= len(weaknesses):
                continue
            c = _pairing(name, a, strengths[cur[0]], b, weaknesses[cur[1]])
            proposed.append(((t, a_i, b_i, cur[0], cur[1]), c))
            used.update(_key(x) for x in c.quotes)
            taken[g] = taken.get(g, 0) + 1
            progress = True
        if not progress:
            break
    possible = len(chosen) + len(proposed)
    kept = chosen + proposed[:max(limit - len(chosen), 0)]
    return [c for _, c in sorted(kept, key=lambda r: r[0])], possible


def _pairing(theme: str, a: str, strength: str, b: str, weakness: str) -> Candidate:
    return Candidate(COMPLEMENTARITY, theme, (Quote(a, "Strength", strength), Quote(b, "Weakness", weakness)))
