"""Consortium synthesis: the numbers behind the heat map, and the *candidate* findings — themes that
several clusters name in the same quadrant (convergences), a strength of one cluster that meets a
weakness of another (complementarities). The build only proposes them: the coordinator decides which
are printed (decisions.py).

Entries are tagged with the coordinator's themes by keyword: whole words, in any of their forms
("funding" also finds "funds" and "funded", never "fundamental"), through a Snowball stemmer for the
report's language; a keyword of several words matches those words in a row. A Theme that the partner
chose in the workbook wins over the keywords. Pure analysis of the model: no layout, no wording.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import snowballstemmer

from competency_maps.model.cluster import Cluster, SwotEntry
from competency_maps.model.deliverable import Theme
from competency_maps.model.schema import QUADRANTS

CONVERGENCE, COMPLEMENTARITY = "Convergence", "Complementarity"
KINDS = (CONVERGENCE, COMPLEMENTARITY)

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
    candidates: list[Candidate] = field(default_factory=list)  # convergences first, then pairings
    max_count: int = 0
    themes: list[str] = field(default_factory=list)

    @property
    def convergences(self) -> list[Candidate]:
        return [c for c in self.candidates if c.kind == CONVERGENCE]

    @property
    def complementarities(self) -> list[Candidate]:
        return [c for c in self.candidates if c.kind == COMPLEMENTARITY]


def heat_rows(clusters: list[Cluster], topics: tuple[str, ...]) -> list[HeatRow]:
    return [HeatRow(c.name, c.quadrant_counts(),
                    [[sum(1 for e in c.swot if e.quadrant == q and e.topic == t) for q in QUADRANTS]
                     for t in topics]) for c in clusters]


def analyse(clusters: list[Cluster], topics: tuple[str, ...], themes: list[Theme],
            min_clusters: int = 3, language: str = "en") -> Synthesis:
    matcher = Matcher(themes, language)
    names = [t.name for t in themes]
    # theme -> quadrant -> cluster -> its entries on that theme, in workbook order
    found: dict[str, dict[str, dict[str, list[str]]]] = {n: {q: {} for q in QUADRANTS} for n in names}
    for c in clusters:
        for e in c.swot:
            for name in matcher.themes_of(e):
                if name in found:
                    found[name][e.quadrant].setdefault(c.name, []).append(e.plain)
    candidates = []
    for name in names:
        for q in QUADRANTS:
            by_cluster = found[name][q]
            if len(by_cluster) >= min_clusters:
                candidates.append(Candidate(CONVERGENCE, name, tuple(
                    Quote(c, q, entries[0]) for c, entries in by_cluster.items()), q))
    for name in names:
        strong, weak = found[name]["Strength"], found[name]["Weakness"]
        candidates += [Candidate(COMPLEMENTARITY, name, (Quote(a, "Strength", s), Quote(b, "Weakness", w)))
                       for a, strengths in strong.items() for s in strengths
                       for b, weaknesses in weak.items() if b != a for w in weaknesses]
    rows = heat_rows(clusters, topics)
    max_count = max((n for r in rows for n in r.counts), default=0)
    return Synthesis(list(QUADRANTS), list(topics), rows, candidates, max_count, names)
