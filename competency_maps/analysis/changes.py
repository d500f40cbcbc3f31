"""What changed between two versions of the clusters' data (a build's snapshot and today's workbooks).

Entries are matched as a reviewer would: first the unchanged ones, in order (difflib's
SequenceMatcher over whole entries); then, inside each stretch that differs, an old and a new entry
at about the same place whose texts are similar enough are one *edited* entry (before → after),
even when a word, the quadrant or the bold changed; the rest were removed or added.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, NamedTuple

from competency_maps.messages import Phrase, render
from competency_maps.dataset.records import PROFILE_ATTRS, style_name, to_markdown
from competency_maps.model.cluster import Cluster, Profile
from competency_maps.model.richtext import Block
from competency_maps.model.schema import PROFILE_FIELDS, name_key

ADDED, REMOVED, EDITED = "added", "removed", "edited"
KINDS = (ADDED, REMOVED, EDITED)
SIMILAR = 0.6  # SequenceMatcher ratio from which two texts at one place are one entry, edited
KEPT, KEPT_RATIO = 0.85, 0.3  # ... or the shorter kept at 85 % in the longer, with a ratio of 0.3
WINDOW = 25  # how far ahead an edited entry is looked for among the new ones
LABELS = {f.attr: f.label for f in PROFILE_FIELDS}


PARTS = {"Profile": "changes.part.profile", "Step 1": "changes.part.step1", "Step 2 notes": "changes.part.notes",
         "SWOT": "changes.part.swot", "TOWS": "changes.part.tows"}


class Line(NamedTuple):
    """One line of the changes: a template's code and parameters (messages/changes.py), indented."""
    code: str
    params: dict[str, Any]
    indent: int = 0


@dataclass(frozen=True)
class Change:
    kind: str  # added | removed | edited
    part: str  # Profile | Step 1 | Step 2 notes | SWOT | TOWS (the keys of PARTS)
    where: str  # "Cluster's business model… › Strength", "Members"
    before: str = ""  # the old text (Markdown), for removed and edited
    after: str = ""  # the new text (Markdown), for added and edited
    row: int = 0  # the new entry's row in today's workbook, where known

    def place(self) -> Phrase:
        """"SWOT › Topic › Strength (row 3)": the part in the reader's language; a profile field's
        label as the workbook shows it in that language; the rest (topics, quadrants…) as typed."""
        part = Phrase(PARTS[self.part], {})
        if self.part == "Profile" and self.where:
            place = Phrase("changes.place.field", {"part": part, "field": self.where})
        else:
            place = Phrase("changes.place", {"part": part, "where": self.where}) if self.where else part
        return Phrase("changes.place.row", {"place": place, "row": self.row}) if self.row else place

    def lines(self, indent: int = 0) -> list[Line]:
        if self.kind == EDITED:
            return [Line("changes.line.edited", {"place": self.place()}, indent),
                    Line("changes.line.before", {"text": _line(self.before)}, indent + 1),
                    Line("changes.line.after", {"text": _line(self.after)}, indent + 1)]
        text = _line(self.after if self.kind == ADDED else self.before)
        return [Line(f"changes.line.{self.kind}", {"place": self.place(), "text": text}, indent)]


@dataclass
class ClusterChanges:
    name: str
    changes: list[Change] = field(default_factory=list)
    status: str = "compared"  # compared | new | gone | not compared
    note: Phrase | None = None  # why it was not compared; what a new cluster holds

    def counts(self) -> dict[str, int]:
        return {k: sum(1 for c in self.changes if c.kind == k) for k in KINDS}

    def summary(self) -> Phrase:
        """"1 added, 1 removed, 1 edited", "new (…)", "no longer in the report", in words of
        messages/changes.py."""
        if self.status == "new":
            return Phrase("changes.summary.new", {"note": self.note})
        if self.status == "gone":
            return Phrase("changes.summary.gone", {})
        if self.status == "not compared":
            return Phrase("changes.summary.not_compared", {"note": self.note})
        n = self.counts()
        counts = [Phrase(f"changes.count.{k}", {"count": n[k]}) for k in (ADDED, REMOVED, EDITED) if n[k]]
        return Phrase("changes.summary.counts", {"counts": counts}) if counts else Phrase("changes.summary.none", {})

    @property
    def changed(self) -> bool:
        return self.status in ("new", "gone") or bool(self.changes)


def _line(markdown: str) -> str | Phrase:
    return markdown.replace("\\\n", " / ").replace("\n", " / ") or Phrase("changes.empty", {})


# --- matching -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One comparable thing: its identity (`key`), its words for similarity, and how it is shown."""
    key: Hashable
    plain: str
    where: str
    shown: str
    row: int = 0


def diff(old: Sequence[Item], new: Sequence[Item], part: str) -> list[Change]:
    """The changes from `old` to `new`, in the new order."""
    out: list[Change] = []
    sm = SequenceMatcher(None, [i.key for i in old], [i.key for i in new], autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        out.extend(_pair(old[i1:i2], new[j1:j2], part))
    return out


def _similarity(a: str, b: str) -> float:
    """SequenceMatcher's ratio; a text kept whole inside a longer one ("Strong cash flow" → "Strong
    cash flow, and reserves for two years") counts as similar too, when it is most of its words."""
    if a == b:
        return 1.0
    m = SequenceMatcher(None, a, b, autojunk=False)
    if m.real_quick_ratio() < KEPT_RATIO or m.quick_ratio() < KEPT_RATIO:  # upper bounds, cheap
        return 0.0
    ratio = m.ratio()
    if ratio >= SIMILAR or ratio < KEPT_RATIO:
        return ratio
    kept = sum(block.size for block in m.get_matching_blocks()) / max(1, min(len(a), len(b)))
    return SIMILAR if kept >= KEPT else ratio


def _pair(old: Sequence[Item], new: Sequence[Item], part: str) -> list[Change]:
    """Inside one differing stretch: each old item, in order, is edited into the next new one if
    that is similar enough, else into the most similar of the few after it (WINDOW), else removed;
    new items left unpaired were added. Bounded work, however long the stretch (every entry of a
    renamed topic differs)."""
    pairs: dict[int, int] = {}  # new index -> old index
    start = 0
    for i, o in enumerate(old):
        best, best_j = 0.0, -1
        for j in range(start, min(len(new), start + WINDOW)):
            score = _similarity(o.plain, new[j].plain)
            if score > best:
                best, best_j = score, j
            if j == start and score >= SIMILAR or score == 1.0:  # the next in order, or the same text
                break
        if best >= SIMILAR:
            pairs[best_j] = i
            start = best_j + 1
    paired_old = set(pairs.values())
    out = [Change(REMOVED, part, o.where, before=o.shown) for i, o in enumerate(old) if i not in paired_old]
    for j, n in enumerate(new):
        if j in pairs:
            o = old[pairs[j]]
            where = n.where if o.where == n.where else f"{o.where} → {n.where}"
            out.append(Change(EDITED, part, where, o.shown, n.shown, n.row))
        else:
            out.append(Change(ADDED, part, n.where, after=n.shown, row=n.row))
    return out


# --- the parts of a cluster ---------------------------------------------------------------------


def _profile_value(p: Profile, attr: str) -> str:
    v = getattr(p, attr)
    if attr == "about":
        return to_markdown(v)
    return "" if v is None else str(v)


def profile_changes(old: Profile, new: Profile) -> list[Change]:
    out = []
    for attr in PROFILE_ATTRS:
        a, b = _profile_value(old, attr), _profile_value(new, attr)
        if a != b:
            out.append(Change(EDITED, "Profile", LABELS.get(attr, attr), a, b))
    return out


def _block_items(blocks: Sequence[Block], where: Callable[[Block], str]) -> list[Item]:
    return [Item((b.kind, b.text, b.rows), b.plain, where(b), to_markdown(b.text)) for b in blocks]


def cluster_changes(old: Cluster, new: Cluster) -> list[Change]:
    """Profile, Step 1, Step 2 notes, SWOT, TOWS: in the order of the report."""
    out = profile_changes(old.profile, new.profile)
    out += diff(_block_items(old.step1, lambda b: style_name(b.kind)),
                _block_items(new.step1, lambda b: style_name(b.kind)), "Step 1")

    def notes(c: Cluster) -> list[Item]:
        return [Item((n.label, n.language, b.kind, b.text), b.plain, n.label or style_name(b.kind),
                     to_markdown(b.text)) for n in c.step2_notes for b in n.blocks]

    out += diff(notes(old), notes(new), "Step 2 notes")

    def swot(c: Cluster) -> list[Item]:
        return [Item((e.topic, e.quadrant, e.group, e.text, e.theme), e.plain,
                     " › ".join(x for x in (e.topic, e.quadrant, e.group) if x), to_markdown(e.text), e.row)
                for e in c.swot]

    def tows(c: Cluster) -> list[Item]:
        return [Item((e.topic, e.strategy, e.format, e.text), e.plain, f"{e.topic} › {e.strategy}",
                     to_markdown(e.text), e.row) for e in c.tows]

    return out + diff(swot(old), swot(new), "SWOT") + diff(tows(old), tows(new), "TOWS")


def compare(old: list[Cluster], new: list[Cluster], not_compared: dict[str, Phrase] | None = None
            ) -> list[ClusterChanges]:
    """Per cluster (matched by name, spelling aside): today's clusters in report order, then those
    that left. `not_compared`: clusters of today without a readable workbook, and why."""
    not_compared = not_compared or {}
    before = {name_key(c.name): c for c in old}
    out = []
    for c in new:
        o = before.pop(name_key(c.name), None)
        if o is None:
            held = Phrase("changes.held", {"swot": Phrase("console.count.swot", {"count": len(c.swot)}),
                                           "tows": Phrase("console.count.tows", {"count": len(c.tows)})})
            out.append(ClusterChanges(c.name, status="new", note=held))
        else:
            out.append(ClusterChanges(c.name, cluster_changes(o, c)))
    for name, why in not_compared.items():
        before.pop(name_key(name), None)
        out.append(ClusterChanges(name, status="not compared", note=why))
    out += [ClusterChanges(c.name, status="gone") for c in before.values()]
    return out


def report_lines(result: list[ClusterChanges]) -> list[Line]:
    """What the build and `changes` print: each changed cluster with its changes, then the rest."""
    lines = []
    for cc in result:
        if cc.changed or cc.status == "not compared":
            lines.append(Line("changes.cluster", {"name": cc.name, "summary": cc.summary()}))
            for ch in cc.changes:
                lines += ch.lines(indent=1)
    same = [cc.name for cc in result if not cc.changed and cc.status == "compared"]
    if same:
        lines.append(Line("changes.same", {"names": same}))
    return lines


def log_summary(result: list[ClusterChanges], language: str) -> str:
    """The per-cluster counts for the version log, in `language` (the deliverable's: the row is
    part of the coordinator's document): "Mov'eo: 1 added, 1 removed, 1 edited; …"."""
    changed = [render("changes.cluster", {"name": cc.name, "summary": cc.summary()}, language=language).message
               for cc in result if cc.changed]
    return "; ".join(changed) if changed else render("changes.log.none", {}, language=language).message
