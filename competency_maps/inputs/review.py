"""The coordinator's review of the synthesis: the build proposes, the coordinator decides.

Every build writes `output/<report>-synthesis-review.xlsx`: one row per candidate finding (Kind,
Theme, Clusters, Entries), with Include (Yes/No) and an optional Wording. Saved as
`inputs/synthesis-review.xlsx`, it decides what the report prints: the rows marked Yes, in its order,
each with its Wording (if any) in place of the generated sentence.

A row is the same candidate as long as its Kind, Theme and quoted Entries are: when a partner edits
an entry, its candidates are new (marked in the next review file, listed on the console) and the old
rows match nothing (kept, greyed, never silently dropped; a Yes among them is warned about).

The review file comes back by e-mail like a partner's workbook: it is opened by the same safe
`open_workbook`, and every cell read through `cells.cell_text` (no formula evaluated, control
characters shown); every problem is an issue naming file › sheet › cell and the fix.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from competency_maps.inputs.cells import Ctx, cell_text, quote
from competency_maps.errors import Issue, Location, ReportError, SortsIssues, issue, warning
from competency_maps.model.richtext import Text, plain
from competency_maps.xlsx.stable_zip import stable_workbook
from competency_maps.analysis.synthesis import KINDS, MAX_COMPLEMENTARITIES, PER_PAIR, Candidate, Synthesis

REVIEW_NAME = "synthesis-review.xlsx"  # in inputs/; the build writes `<report>-synthesis-review.xlsx`
SHEET = "Review"
README_SHEET = "Read me"
COLUMNS = ("Kind", "Theme", "Clusters", "Entries", "Include", "Wording")
REQUIRED = ("Kind", "Theme", "Entries", "Include")
YES, NO = "Yes", "No"
ANSWERS = {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False}
CELL_LIMIT = 32_767  # characters Excel keeps in a cell
KEEP_HEADER = ("Keep the first row as the build wrote it: " + ", ".join(COLUMNS) + ".")


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


# --- reading ------------------------------------------------------------------------------------


def read_review(inputs: Path) -> Review:
    """inputs/synthesis-review.xlsx, read and checked; without one, an empty Review (no issue)."""
    path = inputs / REVIEW_NAME
    if not path.exists() and not path.is_symlink():
        return Review()
    from competency_maps.inputs.workbook_file import open_workbook
    review = Review(path)
    try:
        wb = open_workbook(path)
    except ReportError as e:
        review.issues.append(e.as_issue())
        return review
    ctx = Ctx(path)
    ws = wb[SHEET] if SHEET in wb.sheetnames else None
    if ws is None:
        ctx.err("", "", f"has no sheet '{SHEET}'.",
                f"Start again from the review file the build wrote in the output folder; keep its sheet '{SHEET}'.")
        review.issues += ctx.issues
        return review
    columns = _columns(ctx, ws)
    if columns is not None:
        review.rows = _rows(ctx, ws, columns)
        _other_columns(ctx, ws, columns)
    review.issues += ctx.issues
    return review


def _columns(ctx: Ctx, ws) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for cell in next(ws.iter_rows(min_row=1, max_row=1), ()):
        name = " ".join(str(cell.value or "").split()).casefold()
        for col in COLUMNS:
            if name == col.casefold() and col not in found:
                found[col] = cell.column
    missing = [c for c in REQUIRED if c not in found]
    if missing:
        ctx.err(ws.title, "row 1", f"The first row has no column {', '.join(repr(m) for m in missing)}.", KEEP_HEADER)
        return None
    return found


def _rows(ctx: Ctx, ws, columns: dict[str, int]) -> list[ReviewRow]:
    rows = []
    seen: dict[tuple[str, str, str], int] = {}
    for cells in ws.iter_rows(min_row=2, max_col=max(columns.values())):  # not a stray cell's far column
        by_col = {c.column: c for c in cells if hasattr(c, "column")}
        texts: dict[str, Text] = {}
        for name, col in columns.items():
            cell = by_col.get(col)
            text = cell_text(ctx, ws.title, cell) if cell is not None else ()
            texts[name] = text if text is not None else ()
        if not any(plain(t).strip() for t in texts.values()):
            continue
        r = cells[0].row
        include = _include(ctx, ws.title, by_col.get(columns["Include"]), plain(texts["Include"]))
        row = ReviewRow(r, plain(texts["Kind"]), plain(texts["Theme"]), plain(texts.get("Clusters", ())),
                        plain(texts["Entries"]), include, texts.get("Wording", ()), plain(texts["Include"]).strip())
        _check_row(ctx, ws.title, row, columns, seen, empty=not plain(texts["Include"]).strip())
        rows.append(row)
    return rows


def _other_columns(ctx: Ctx, ws, columns: dict[str, int]) -> None:
    """A column the build does not read (a note of the coordinator's) is said once: the next review
    file, written from the findings, will not have it."""
    known = set(columns.values())
    first: dict[int, str] = {}
    for (_, col), cell in sorted(ws._cells.items()):  # the cells the file holds, none created
        if col not in known and col not in first and str(cell.value or "").strip():
            first[col] = cell.coordinate
    for col, coordinate in first.items():
        ctx.warn(ws.title, coordinate, f"Column {_letter(col)} is not read: what it holds is not carried "
                 "into the next review file the build writes.",
                 "Keep such notes in a file of your own; a sentence to print goes in Wording.")


def _include(ctx: Ctx, sheet: str, cell, raw: str) -> bool | None:
    value = raw.strip()
    if not value:
        return None
    answer = ANSWERS.get(value.casefold())
    if answer is None:
        ctx.err(sheet, cell.coordinate, f"{quote(value)} is not {YES} or {NO}.",
                f"Choose {YES} (print it) or {NO} (leave it out) in the cell's dropdown, or leave it "
                "empty to decide later.")
    return answer


def _check_row(ctx: Ctx, sheet: str, row: ReviewRow, columns: dict[str, int],
               seen: dict[tuple[str, str, str], int], empty: bool) -> None:
    where = f"{_letter(columns['Kind'])}{row.row}"
    if row.kind and row.kind.strip().casefold() not in {k.casefold() for k in KINDS}:
        ctx.warn(sheet, where, f"{quote(row.kind)} is not a kind of finding the build proposes "
                 f"({' or '.join(KINDS)}): this row matches no candidate.",
                 "Keep Kind, Theme and Entries as the build wrote them.")
    if row.key in seen:
        ctx.warn(sheet, where, f"This row repeats row {seen[row.key]}: only row {seen[row.key]}'s "
                 "Include and Wording count.", "Delete one of the two rows.")
    else:
        seen[row.key] = row.row
    if empty and plain(row.wording).strip() and "Wording" in columns:
        ctx.warn(sheet, f"{_letter(columns['Wording'])}{row.row}", "This row has a Wording but no "
                 "Include: it is not printed.", f"Set Include to {YES} to print it with this wording.")


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(col)


def stale_issues(decisions: list[Decision], review: Review, output_name: str) -> list[Issue]:
    """A warning for every row marked Yes whose entries no candidate of this build quotes."""
    out = []
    for d in decisions:
        if d.candidate is None and d.row is not None and d.row.include:
            out.append(warning(Location(review.name, SHEET, f"A{d.row.row}"),
                               f"This row ({d.row.kind}, {d.row.theme}) is marked {YES} but the build "
                               "no longer proposes it: its entries have changed in the workbooks (or "
                               "in this row). It is not printed.",
                               f"Find it among the rows marked new in {output_name} and set Include "
                               f"to {YES} there."))
    return out


def capped_issue(s: Synthesis, review_name: str) -> Issue | None:
    """A warning when the synthesis proposes fewer complementarities than it found (see synthesis.py)."""
    if not s.capped:
        return None
    return issue("synthesis.capped", Location(review_name), kept=len(s.complementarities), possible=s.possible,
                 per_pair=PER_PAIR, limit=MAX_COMPLEMENTARITIES)


# --- writing ------------------------------------------------------------------------------------

README = (
    "The synthesis chapter prints only what you endorse. Each row of the sheet 'Review' is a finding "
    "the build proposes: a convergence (a theme that several clusters name in the same SWOT quadrant) "
    "or a complementarity (one cluster's strength and another's weakness on the same theme), with the "
    "entries it quotes.",
    f"Include: {YES} prints the row, {NO} leaves it out; an empty cell is not printed either (a draft "
    "shows it marked 'proposed').",
    "Wording (optional): a sentence of yours that replaces the generated one; the entries are still "
    "quoted under it.",
    "The report prints the rows marked Yes in this sheet's order: move rows to change the order. Keep "
    "Kind, Theme and Entries as they are: they tell the build which finding a row is.",
    f"When you are done, save this file as {REVIEW_NAME} in the inputs folder and build again.",
    "Yellow rows are new since that file (a partner changed an entry, or a theme's keywords changed). "
    "Grey rows match no finding of the last build: kept so that nothing you typed is lost, never printed.",
)
WIDTHS = {"Kind": 16, "Theme": 24, "Clusters": 30, "Entries": 90, "Include": 10, "Wording": 60}
NEW_FILL, STALE_FILL, HEADER_FILL = "FFF2CC", "EDEDED", "1F3864"
NEW_NOTE = f"New since {REVIEW_NAME} in the inputs folder."
STALE_NOTE = "Matches no finding of this build (its entries changed, or it repeats a row): not printed."


def review_workbook(decisions: list[Decision], marked: bool, when: date, *, capped: Issue | None = None) -> bytes:
    """The review file for these decisions. `marked`: there was a review file, so rows without one
    are new and are marked. Cell values are always text, never formulas (an entry may start with
    "="). Same decisions, same bytes (`when` stamps the file). `capped`: the synthesis proposes only
    some of its complementarities; said first in the Read me and in a comment on the header."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET)
    for i, name in enumerate(COLUMNS, start=1):
        ws.column_dimensions[_letter(i)].width = WIDTHS[name]
    ws.freeze_panes = "A2"
    looks = {}  # one styled cell per look, whose style the others copy: 3x faster than styling each
    for kind, colour in ((None, None), ("new", NEW_FILL), ("stale", STALE_FILL), ("header", HEADER_FILL)):
        proto = WriteOnlyCell(ws)
        proto.alignment = Alignment(wrap_text=True, vertical="top")
        if colour:
            proto.fill = PatternFill("solid", fgColor=colour)
        if kind == "header":
            proto.font = Font(bold=True, color="FFFFFF")
        looks[kind] = proto._style

    def cell(value: str, look: str | None = None) -> WriteOnlyCell:
        # a character no workbook can hold (a theme's name in the toml may have one) shows as U+FFFD
        c = WriteOnlyCell(ws, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", value) or None)
        if value:
            c.data_type = "s"  # text as typed: "=HYPERLINK(…)" in an entry stays text
        c._style = copy.copy(looks[look])
        return c

    header = [cell(name, "header") for name in COLUMNS]
    cap = f"{capped.message} {capped.hint}" if capped is not None else ""
    if cap:
        header[0].comment = Comment(cap, "competency-maps")
    ws.append(header)
    for d in decisions:
        state = "stale" if d.candidate is None else ("new" if marked and d.row is None else None)
        if d.candidate is not None:
            c = d.candidate
            values = [c.kind, c.theme, ", ".join(c.clusters), entries_text(c)]
        else:
            values = [d.row.kind, d.row.theme, d.row.clusters, d.row.entries]
        include = {True: YES, False: NO, None: d.row.typed if d.row else ""}[d.include]
        row = [cell(v[:CELL_LIMIT], state) for v in values + [include, plain(d.wording)]]
        if state:
            row[0].comment = Comment(NEW_NOTE if state == "new" else STALE_NOTE, "competency-maps")
        ws.append(row)
    last = len(decisions) + 1
    answers = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=True,
                             showErrorMessage=True, error=f"Choose {YES} or {NO}.")
    answers.add(f"E2:E{max(last, 2)}")
    ws.data_validations.append(answers)
    ws.auto_filter.ref = f"A1:F{last}"
    notes = wb.create_sheet(README_SHEET)
    notes.column_dimensions["A"].width = 110
    for line in (cap, *README) if cap else README:
        notes.append([cell(line)])
    buf = io.BytesIO()
    wb.save(buf)
    return stable_workbook(buf.getvalue(), when)


# --- what the console says ----------------------------------------------------------------------


def summary(decisions: list[Decision], review: Review, output_name: str, draft: bool) -> list[str]:
    """The lines the build prints about the review: how to review when there is no review file; the
    candidates new since it; the rows still undecided."""
    candidates = [d for d in decisions if d.candidate is not None]
    if review.path is None:
        if not candidates:
            return []
        shown = (f"the draft shows its {len(candidates)} proposed finding(s) marked 'proposed'" if draft
                 else "the report shows the heat map but no convergence or complementarity")
        return [f"No {REVIEW_NAME} in the inputs folder: {shown}.",
                f"To choose them: open {output_name}, set Include to {YES} for each finding to print "
                f"(and {NO} for the others), optionally write its Wording, save it as {REVIEW_NAME} in "
                "the inputs folder and build again."]
    lines = []
    new = [d.candidate for d in candidates if d.row is None]
    if new:
        lines.append(f"{len(new)} synthesis finding(s) new since {review.name} (marked in {output_name}):")
        lines += [f"  {c.kind} · {c.theme} · {' / '.join(c.clusters)}" for c in new[:MAX_LISTED]]
        if len(new) > MAX_LISTED:
            lines.append(f"  … and {len(new) - MAX_LISTED} more, marked in {output_name}.")
    undecided = sum(1 for d in candidates if d.row is not None and d.include is None)
    if undecided:
        lines.append(f"{undecided} finding(s) in {review.name} have no Include yet: "
                     + ("shown marked 'proposed' in the draft." if draft else "not printed."))
    return lines


MAX_LISTED = 30  # new findings named one by one on the console; all are in the review file
