"""The coordinator's decisions on the synthesis's candidate findings: the review file's rows matched
with this build's candidates. Pure: no file is read or written here.

A row is the same candidate as long as its Kind, Theme and quoted Entries are: when a partner edits
an entry, its candidates are new (marked in the next review file, listed on the console) and the old
rows match nothing (kept, greyed, never silently dropped; a Yes among them is warned about).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from competency_maps.analysis.synthesis import MAX_COMPLEMENTARITIES, PER_PAIR, Candidate, Synthesis
from competency_maps.errors import Issue, Location, SortsIssues, issue
from competency_maps.model.richtext import Text

REVIEW_NAME = "synthesis-review.xlsx"  # in inputs/; the build writes `<report>-synthesis-review.xlsx`
SHEET = "Review"
COLUMNS = ("Kind", "Theme", "Clusters", "Entries", "Include", "Wording")
YES, NO = "Yes", "No"
CELL_LIMIT = 32_767  # characters Excel keeps in a cell


def review_file_name(stem: str) -> str:
    """The review file the build writes beside the report named `stem`."""
    return f"{stem}-synthesis-review.xlsx"


def entries_text(c: Candidate) -> str:
    """The Entries cell: each quoted entry on a line of its own, with its cluster and quadrant."""
    return "\n".join(f"{q.cluster} ({q.quadrant}): “{q.entry}”" for q in c.quotes)[:CELL_LIMIT]


def key_of(kind: str, theme: str, entries: str) -> tuple[str, str, str]:
    """What makes two rows the same candidate; white space and the case of Kind and Theme aside
    (a spreadsheet program may rewrap a cell, a person retype a name)."""
    return kind.strip().casefold(), " ".join(theme.split()).casefold(), " ".join(entries.split())


def candidate_key(c: Candidate) -> tuple[str, str, str]:
    return key_of(c.kind, c.theme, entries_text(c))


@dataclass(frozen=True)
class ReviewRow:
    row: int  # the row's number in the sheet
    kind: str
    theme: str
    clusters: str
    entries: str
    include: bool | None  # None: empty (not decided yet), or not readable (an error says so)
    wording: Text = ()
    typed: str = ""  # the Include cell as typed, kept for the next review file when not readable

    @property
    def key(self) -> tuple[str, str, str]:
        return key_of(self.kind, self.theme, self.entries)


@dataclass
class Review(SortsIssues):
    """The coordinator's review file as read: `path` None when there is none."""
    path: Path | None = None
    rows: list[ReviewRow] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name if self.path else REVIEW_NAME


@dataclass(frozen=True)
class Decision:
    """A candidate of this build and the review file's row for it; either may be missing: a new
    candidate has no row, a row whose entries changed has no candidate."""
    candidate: Candidate | None
    row: ReviewRow | None

    @property
    def include(self) -> bool | None:
        return self.row.include if self.row else None

    @property
    def wording(self) -> Text:
        return self.row.wording if self.row else ()


def endorsed_by(review: Review | None) -> Callable[[Candidate], bool]:
    """Whether the review file marks a candidate Yes: such a finding keeps its entries (synthesis.py)."""
    yes = frozenset(row.key for row in review.rows if row.include) if review else frozenset()
    return lambda c: bool(yes) and candidate_key(c) in yes


def reconcile(candidates: list[Candidate], review: Review | None) -> list[Decision]:
    """The review file's rows in its order, each with its candidate if it still has one; then the
    candidates that no row names (new), in the build's order. A row repeating an earlier one has no
    candidate of its own."""
    by_key = {candidate_key(c): c for c in candidates}
    taken: set[tuple[str, str, str]] = set()
    out = []
    for row in review.rows if review else []:
        c = by_key.get(row.key) if row.key not in taken else None
        if c is not None:
            taken.add(row.key)
        out.append(Decision(c, row))
    out += [Decision(c, None) for k, c in by_key.items() if k not in taken]
    return out


def stale_issues(decisions: list[Decision], review: Review, output_name: str) -> list[Issue]:
    """A warning for every row marked Yes whose entries no candidate of this build quotes."""
    out = []
    for d in decisions:
        if d.candidate is None and d.row is not None and d.row.include:
            out.append(issue("decision.stale", Location(review.name, SHEET, f"A{d.row.row}"), kind=d.row.kind,
                             theme=d.row.theme, yes=YES, output=output_name))
    return out


def capped_issue(s: Synthesis, review_name: str) -> Issue | None:
    """A warning when the synthesis proposes fewer complementarities than it found (see synthesis.py)."""
    if not s.capped:
        return None
    return issue("synthesis.capped", Location(review_name), kept=len(s.complementarities), possible=s.possible,
                 per_pair=PER_PAIR, limit=MAX_COMPLEMENTARITIES)
