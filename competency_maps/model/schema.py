"""The partner workbook's schema, written once.

The blank workbook, the reader, the validation and the `Read me` sheet are all derived from these
definitions: rename a column here and every one of them follows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from competency_maps.i18n import LANGUAGES, N_, choice_label, pN_, translator
from competency_maps.model.choices import NATIVE

SCHEMA_VERSION = 3  # 2: Step 2 notes, Notes to the coordinator, Summary; 3: six languages, no traps
VERSION_PROPERTY = "CompetencyMapSchemaVersion"
LANGUAGE_PROPERTY = "CompetencyMapLanguage"  # the language the workbook was written in (i18n.LANGUAGES)

README_SHEET = "Read me"
PROFILE_SHEET = "Cluster"
LISTS_SHEET = "Lists"  # hidden: the ranges behind the dropdowns
SUMMARY_SHEET = "Summary"  # counts that update themselves while the partner types; never read
CHECK_SHEET = "Check"  # the problems, in a copy annotated by `check --annotate`; never read
NOTES_SHEET = "Step 2 notes"
COORDINATOR_SHEET = "Notes to the coordinator"  # printed by `check`, never by the report
REQUIRED_WORD = N_("(required)")
REQUIRED_MARK = " " + REQUIRED_WORD  # after a required field's label on the Cluster sheet
LOGO_HELP = N_("Paste the cluster's logo (a PNG or JPEG picture) anywhere on this sheet: the report shows it by "
             "the chapter's title and in 'About the partners'.")

STYLES = (pN_("choice", "Heading"), pN_("choice", "Subheading"), pN_("choice", "Paragraph"),
          pN_("choice", "Bullet"), pN_("choice", "Numbered"))
QUADRANTS = (pN_("choice", "Strength"), pN_("choice", "Weakness"), pN_("choice", "Opportunity"),
             pN_("choice", "Threat"))
STRATEGIES = (pN_("choice", "S-O"), pN_("choice", "S-T"), pN_("choice", "W-O"), pN_("choice", "W-T"))
FORMATS = ("Bullet", "Paragraph")

D21_TOPICS = (
    pN_("choice", "Cluster's business model and internal management"),
    pN_("choice", "Cluster's services and ability to attract/retain members"),
    pN_("choice", "Cluster in its environment: funders, partners, network"),
)



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
    Field(N_("Short name"), "short_name", N_("The cluster's name as used in headings."), "Mov'eo", True),
    Field(N_("Full name"), "full_name", N_("The full name, if it differs from the short name."),
          "E-Mobility Cluster Regensburg"),
    Field(N_("Country"), "country", N_("The country the cluster is based in."), "France", True),
    Field(N_("Founded"), "founded", N_("The year the cluster was founded, as a 4-digit year."), "2006",
          kind="year"),
    Field(N_("Members"), "members", N_("The number of members (a whole number)."), "620", kind="count"),
    Field(N_("SMEs"), "smes", N_("How many members are SMEs (a whole number, at most Members)."), "360",
          kind="count"),
    Field(N_("Website"), "website", N_("The cluster's web address (https:// may be left out). The report "
          "links to it in 'About the partners'."), "https://pole-moveo.org", kind="url"),
    Field(N_("About"), "about",
          N_("One paragraph presenting the cluster, for the chapter 'About the partners'."),
          N_("Gold Label automotive and mobility cluster that strengthens innovation ..."), True),
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
        Column(pN_("column", "Theme"), N_("Optional: the theme of this entry, for the consortium synthesis. "
               "Leave it empty to let the keywords decide."), 22, themes[0], choices=tuple(themes),
               list_name="Themes", optional=True),) if themes else ()
    styles_help = N_("Heading, Subheading, Paragraph, Bullet or Numbered. Empty means Paragraph.")
    step1 = Sheet(
        "Step 1",
        N_("The narrative: areas for skills improvement found during peer learning, benchmarking and "
           "consultations. One paragraph, heading or list item per row, in order."),
        (
            Column(pN_("column", "Style"), styles_help, 14, "Paragraph", choices=STYLES, default="Paragraph",
                   list_name="Styles"),
            Column(pN_("column", "Text"), N_("The text. Bold and italic inside the cell are kept. For a new "
                   "line inside the cell: Alt+Enter (Windows), Ctrl+Option+Return (Mac)."), 110,
                   N_("The ESCA benchmarking was very enriching for us."), required=True),
        ),
    )
    topic_help = N_("One of the deliverable's topics (choose it from the list).")
    swot = Sheet(
        "SWOT",
        N_("Step 2, the SWOT analysis of the cluster's own resources. One entry per row, in the order "
           "of the report."),
        (
            Column(pN_("column", "Topic"), topic_help, 42, topics[0], required=True, choices=topics,
                   list_name="Topics"),
            Column(pN_("column", "Quadrant"), N_("Strength, Weakness, Opportunity or Threat."), 14, "Strength",
                   required=True, choices=QUADRANTS, list_name="Quadrants"),
            Column(pN_("column", "Group"), N_("Optional: a sub-heading inside a topic, such as HR, "
                   "Organization, Financial."), 16, N_("HR")),
            Column(pN_("column", "Entry"), N_("The entry itself, one idea per row."), 90,
                   N_("Collaborative spirit and commitment within the team"), required=True),
            *theme_column,
        ),
    )
    tows = Sheet(
        "TOWS",
        N_("Step 3, the first action plan as a TOWS analysis. One strategy per row, in order."),
        (
            Column(pN_("column", "Topic"), topic_help, 42, topics[0], required=True, choices=topics,
                   list_name="Topics"),
            Column(pN_("column", "Strategy"), N_("S-O, S-T, W-O or W-T (see the Read me)."), 11, "S-O",
                   required=True, choices=STRATEGIES, list_name="Strategies"),
            Column(pN_("column", "Format"), N_("Bullet or Paragraph. Empty means Bullet."), 11, "Bullet",
                   choices=FORMATS, default="Bullet", list_name="Formats"),
            Column(pN_("column", "Entry"), N_("The strategy or action."), 90,
                   N_("Develop project-based funding"), required=True),
        ),
    )
    notes = Sheet(
        NOTES_SHEET,
        N_("Optional: free notes printed at the start of Step 2, before the SWOT tables, such as your "
           "own workshop notes, in any language. A row with a Label starts a note. The rows below it "
           "without a Label continue it: one paragraph, heading or list item per row, as in Step 1."),
        (
            Column(pN_("column", "Label"), N_("Starts a note: its heading in the report, e.g. 'Strengths / "
                   "Stärken'. Leave it empty on the rows that continue the note."), 24,
                   "Strengths / Stärken", alone=True),
            Column(pN_("column", "Style"), styles_help, 14, "Bullet", choices=STYLES, default="Paragraph",
                   list_name="Styles"),
            Column(pN_("column", "Text"), N_("The text. Bold and italic inside the cell are kept."), 90,
                   "Starke Partnerschaften (reg. / ind. / int.)", required=True),
            Column(pN_("column", "Language"), N_("The note's language as a code, on the row of its Label: "
                   "de (German), fr (French), hu (Hungarian), nl (Dutch), pt (Portuguese)... Empty means "
                   "the report's language."), 12, "de", alone=True),
        ),
        optional=True,
    )
    coordinator = Sheet(
        COORDINATOR_SHEET,
        N_("Optional: anything the coordinator should know (a question, what is still missing). "
           "The coordinator's check shows it; the report never does."),
        (Column(pN_("column", "Note"), N_("One note per row."), 110,
                N_("The TOWS for topic 3 follows next week.")),),
        optional=True,
    )
    return Schema(SCHEMA_VERSION, topics, (step1, swot, tows, notes, coordinator))


def profile_label_key(label: str) -> str:
    """A Cluster sheet label without its "(required)" or "*" mark, as name_key compares it."""
    s = label.strip()
    for mark in (REQUIRED_MARK.strip(), "*"):
        s = s.removesuffix(mark).strip()
    return name_key(s)


@lru_cache(maxsize=1)
def _field_keys() -> dict[str, Field]:
    out: dict[str, Field] = {}
    for lang in reversed(LANGUAGES):  # English last: its spelling wins
        tr = translator(lang)
        mark = tr.gettext(REQUIRED_WORD)
        for f in PROFILE_FIELDS:
            out[name_key(tr.gettext(f.label))] = f
            out[name_key(tr.gettext(f.label) + mark)] = f
    return out


def field_for_label(label: str) -> Field | None:
    """The profile field a Cluster sheet label names, in any of the workbook's languages, with or
    without its "(required)" mark."""
    keys = _field_keys()
    return keys.get(name_key(label.strip())) or keys.get(profile_label_key(label))


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


@lru_cache(maxsize=64)
def aliases(choices: tuple[str, ...]) -> dict[str, str]:
    """Every spelling of a column's allowed values that is read as one of them (name_key → value):
    the value itself, its label in each language, and the partners' own words (choices.NATIVE)."""
    out: dict[str, str] = {}
    for c in choices:
        words = [*(choice_label(c, lang) for lang in LANGUAGES), *NATIVE.get(c, ())]
        for w in words:
            out.setdefault(name_key(w), c)
    for c in choices:  # the value itself wins over another value's translation
        out[name_key(c)] = c
    return out


def spellings(choice: str) -> tuple[str, ...]:
    """The words a spreadsheet formula must find for one value (COUNTIF folds case, not accents):
    the value, its labels, the partners' words, each also without accents."""
    words = [choice, *(choice_label(choice, lang) for lang in LANGUAGES), *NATIVE.get(choice, ())]
    bare = ["".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c)) for w in words]
    return tuple(dict.fromkeys(w.casefold() for w in [*words, *bare]))


def is_label_of(value: str, choice: str, language: str) -> bool:
    """`value` is how the workbook's own dropdown, or English, spells `choice` (no need to say how
    it was read)."""
    k = name_key(value)
    return k in _variants(choice) or k == name_key(choice_label(choice, language))


def match_choice(value: str, choices: Sequence[str]) -> str | None:
    """The allowed value a person meant, forgiving case, accents, spaces, plurals and dashes, in
    any of the six languages; else None."""
    k = name_key(value)
    for c in choices:
        if k in _variants(c):
            return c
    found = aliases(tuple(choices)).get(k)
    if found is not None:
        return found
    tk = _topic_key(value)
    for c in choices:
        if tk and tk == _topic_key(c):
            return c
    return None
