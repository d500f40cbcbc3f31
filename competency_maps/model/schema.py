"""The partner workbook's schema, written once.

The blank workbook, the reader, the validation and the `Read me` sheet are all derived from these
definitions: rename a column here and every one of them follows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

SCHEMA_VERSION = 2  # 2: Step 2 notes, Notes to the coordinator, Summary; protected header rows
VERSION_PROPERTY = "CompetencyMapSchemaVersion"

README_SHEET = "Read me"
PROFILE_SHEET = "Cluster"
LISTS_SHEET = "Lists"  # hidden: the ranges behind the dropdowns
SUMMARY_SHEET = "Summary"  # counts that update themselves while the partner types; never read
CHECK_SHEET = "Check"  # the problems, in a copy annotated by `check --annotate`; never read
NOTES_SHEET = "Step 2 notes"
COORDINATOR_SHEET = "Notes to the coordinator"  # printed by `check`, never by the report
REQUIRED_MARK = " (required)"  # after a required field's label on the Cluster sheet
LOGO_HELP = ("Paste the cluster's logo (a PNG or JPEG picture) anywhere on this sheet: the report shows it by "
             "the chapter's title and in 'About the partners'.")

STYLES = ("Heading", "Subheading", "Paragraph", "Bullet", "Numbered")
QUADRANTS = ("Strength", "Weakness", "Opportunity", "Threat")
STRATEGIES = ("S-O", "S-T", "W-O", "W-T")
FORMATS = ("Bullet", "Paragraph")

D21_TOPICS = (
    "Cluster's business model and internal management",
    "Cluster's services and ability to attract/retain members",
    "Cluster in its environment: funders, partners, network",
)

MAX_DATA_ROWS = 2000  # rows prepared with dropdowns in the blank workbook


@dataclass(frozen=True)
class Field:
    """One row of the `Cluster` sheet."""

    label: str
    attr: str
    help: str
    example: str
    required: bool = False
    kind: str = "text"  # text | year | count | url

    @property
    def shown_label(self) -> str:
        """The label as the Cluster sheet shows it: required fields say so."""
        return self.label + (REQUIRED_MARK if self.required else "")


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    width: int
    example: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    default: str = ""
    list_name: str = ""  # the column of the Lists sheet that feeds its dropdown
    optional: bool = False  # may be absent from a workbook (added in a later template version)
    alone: bool = False  # may be the only cell filled in its row (a note's label): never "incomplete"

    @property
    def closed(self) -> bool:
        return bool(self.choices)


@dataclass(frozen=True)
class Sheet:
    name: str
    purpose: str
    columns: tuple[Column, ...]
    optional: bool = False  # added by a later template version: an older workbook may lack it

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


PROFILE_COLUMNS = ("Field", "Value")

PROFILE_FIELDS = (
    Field("Short name", "short_name", "The cluster's name as used in headings.", "Mov'eo", True),
    Field("Full name", "full_name", "The full name, if it differs from the short name.",
          "E-Mobility Cluster Regensburg"),
    Field("Country", "country", "The country the cluster is based in.", "France", True),
    Field("Founded", "founded", "Year the cluster was created (four digits).", "2006", kind="year"),
    Field("Members", "members", "Number of members (a whole number).", "620", kind="count"),
    Field("SMEs", "smes", "How many of the members are SMEs (a whole number, at most Members).", "360",
          kind="count"),
    Field("Website", "website", "The cluster's web address (https:// may be left out); printed as a "
          "link in 'About the partners'.", "https://pole-moveo.org", kind="url"),
    Field("About", "about",
          "One paragraph presenting the cluster, for the chapter 'About the partners'.",
          "Gold Label automotive and mobility cluster that strengthens innovation ...", True),
)


@dataclass(frozen=True)
class Schema:
    version: int
    topics: tuple[str, ...]
    sheets: tuple[Sheet, ...]

    def sheet(self, name: str) -> Sheet:
        return next(s for s in self.sheets if s.name == name)

    @property
    def lists(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        for s in self.sheets:
            for c in s.columns:
                if c.closed:
                    out.setdefault(c.list_name, c.choices)
        return out

    @property
    def all_sheet_names(self) -> tuple[str, ...]:
        return (README_SHEET, PROFILE_SHEET, *(s.name for s in self.sheets), SUMMARY_SHEET, LISTS_SHEET,
                CHECK_SHEET)


def build_schema(topics: Sequence[str] = D21_TOPICS, themes: Sequence[str] = ()) -> Schema:
    topics = tuple(topics)
    theme_column = (
        Column("Theme", "Optional: the theme this entry is about, for the consortium synthesis. "
               "Leave empty to let the keywords decide.", 22, themes[0], choices=tuple(themes),
               list_name="Themes", optional=True),) if themes else ()
    step1 = Sheet(
        "Step 1",
        "The narrative: areas for skills improvement identified during peer-learning, "
        "benchmarking and consultations. One paragraph, heading or list item per row, in order.",
        (
            Column("Style", "Heading, Subheading, Paragraph, Bullet or Numbered. Empty means Paragraph.",
                   14, "Paragraph", choices=STYLES, default="Paragraph", list_name="Styles"),
            Column("Text", "The text. Use Excel's bold and italic inside the cell for emphasis; "
                   "Alt+Enter starts a new line inside the cell.", 110,
                   "The ESCA benchmarking was very enriching for us.", required=True),
        ),
    )
    swot = Sheet(
        "SWOT",
        "Step 2, the SWOT analysis on the cluster's own resources. One entry per row, in the order "
        "they should appear.",
        (
            Column("Topic", "One of the deliverable's topics (choose from the list).", 42, topics[0],
                   required=True, choices=topics, list_name="Topics"),
            Column("Quadrant", "Strength, Weakness, Opportunity or Threat.", 14, "Strength",
                   required=True, choices=QUADRANTS, list_name="Quadrants"),
            Column("Group", "Optional sub-heading inside a topic, e.g. HR, Organization, Financial.", 16,
                   "HR"),
            Column("Entry", "The entry itself, one idea per row.", 90,
                   "Collaborative spirit and commitment within the team", required=True),
            *theme_column,
        ),
    )
    tows = Sheet(
        "TOWS",
        "Step 3, the first action plan with a TOWS analysis. One strategy per row, in order.",
        (
            Column("Topic", "One of the deliverable's topics (choose from the list).", 42, topics[0],
                   required=True, choices=topics, list_name="Topics"),
            Column("Strategy", "S-O, S-T, W-O or W-T.", 11, "S-O", required=True, choices=STRATEGIES,
                   list_name="Strategies"),
            Column("Format", "Bullet or Paragraph. Empty means Bullet.", 11, "Bullet", choices=FORMATS,
                   default="Bullet", list_name="Formats"),
            Column("Entry", "The strategy or action.", 90,
                   "Develop project-based funding", required=True),
        ),
    )
    notes = Sheet(
        NOTES_SHEET,
        "Optional: free notes printed at the start of Step 2, before the SWOT tables, such as your "
        "own workshop notes, in any language. A row with a Label starts a note; the rows below "
        "without a label continue it, one paragraph, heading or list item per row, as in Step 1.",
        (
            Column("Label", "Starts a note: its heading in the report, e.g. 'Strengths / Stärken'. "
                   "Leave it empty on the rows that continue the note.", 24, "Strengths / Stärken",
                   alone=True),
            Column("Style", "Heading, Subheading, Paragraph, Bullet or Numbered. Empty means Paragraph.",
                   14, "Bullet", choices=STYLES, default="Paragraph", list_name="Styles"),
            Column("Text", "The text. Bold and italic inside the cell are kept.", 90,
                   "Starke Partnerschaften (reg. / ind. / int.)", required=True),
            Column("Language", "The note's language as a code, on the row with its Label: de (German), "
                   "fr (French), hu (Hungarian), nl (Dutch), pt (Portuguese)... Empty means the "
                   "report's language.", 12, "de", alone=True),
        ),
        optional=True,
    )
    coordinator = Sheet(
        COORDINATOR_SHEET,
        "Optional: anything you want the coordinator to know (a question, what is still missing). "
        "The coordinator's check prints it; the report never does.",
        (Column("Note", "One note per row.", 110, "The TOWS for topic 3 follows next week."),),
        optional=True,
    )
    return Schema(SCHEMA_VERSION, topics, (step1, swot, tows, notes, coordinator))


def profile_label_key(label: str) -> str:
    """A Cluster sheet label without its "(required)" or "*" mark, as name_key compares it."""
    s = label.strip()
    for mark in (REQUIRED_MARK.strip(), "*"):
        s = s.removesuffix(mark).strip()
    return name_key(s)


# --- matching what people type against what the schema allows -------------------------------

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")


def name_key(s: str) -> str:
    """What two spellings of a sheet, header, field or cluster name must share to be the same:
    letters and digits, case and accents folded; quotes, spaces, punctuation and invisible
    characters dropped, hyphens too. `Mov’eo`, `Móv'eo`, `MOV'EO` and `Mov'eo` with a zero-width
    space are one cluster, as are "Zone Cluster" and "Zone-Cluster": a stale copy under another
    spelling is a duplicate, not a second chapter."""
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", s).translate(_DASHES).casefold())
    return "".join(c for c in s if unicodedata.category(c)[0] in "LN" and c not in _QUOTE_LETTERS)


_QUOTE_LETTERS = frozenset("\u02b9\u02bb\u02bc\u02bd\u02be\u02bf\u02c8\u02ca\u02cb")  # ʼ ʻ ˈ…: apostrophes typed as letters


def _topic_key(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).translate(_DASHES).casefold().replace("\u2019", "'")
    s = re.sub(r"^\s*topic\s*\d*\s*[:.-]?\s*", "", s)
    return re.sub(r"[^0-9a-z]+", "", s)


def _variants(choice: str) -> set[str]:
    k = name_key(choice)
    out = {k, k + "s", k + "es"}
    if k.endswith("y"):
        out.add(k[:-1] + "ies")
    return out


def match_choice(value: str, choices: Sequence[str]) -> str | None:
    """The allowed value a person meant, forgiving case, spaces, plurals and dashes; else None."""
    k = name_key(value)
    for c in choices:
        if k in _variants(c):
            return c
    tk = _topic_key(value)
    for c in choices:
        if tk and tk == _topic_key(c):
            return c
    return None
