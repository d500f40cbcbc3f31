"""Reading the coordinator's review of the synthesis (`inputs/synthesis-review.xlsx`).

Every build writes `output/<report>-synthesis-review.xlsx` (`xlsx/review.py`): one row per candidate
finding (Kind, Theme, Clusters, Entries), with Include (Yes/No) and an optional Wording. Saved as
`inputs/synthesis-review.xlsx`, it decides what the report prints (`analysis/decisions.py`): the rows
marked Yes, in its order, each with its Wording (if any) in place of the generated sentence.

The review file comes back by e-mail like a partner's workbook: it is opened by the same safe
`open_workbook`, and every cell read through `cells.cell_text` (no formula evaluated, control
characters shown); every problem is an issue naming file › sheet › cell and the fix.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from competency_maps.analysis.decisions import COLUMNS, REVIEW_NAME, SHEET, Review, ReviewRow
from competency_maps.analysis.synthesis import KINDS
from competency_maps.errors import ReportError, issue
from competency_maps.inputs.cells import Ctx, cell_text, quote
from competency_maps.inputs.workbook_file import open_workbook
from competency_maps.model.richtext import Text, plain

REQUIRED = ("Kind", "Theme", "Entries", "Include")
ANSWERS = MappingProxyType({"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False})


REVIEW_FILE, EXPORT_FILE = "synthesis review", "export"  # the tool's own workbooks (tool_file_kind)
TOOL_CREATOR = "competency-maps"  # the document property the tool's exports carry


def tool_file_kind(wb: Workbook) -> str | None:
    """Which of the tool's own workbooks this is, by its content (never its name), or None: a
    synthesis review has a sheet 'Review' whose first row holds the review's columns; an export
    (`build.py export --format xlsx`) is made by the tool and its SWOT sheet starts with 'cluster'.
    A partner's workbook with a sheet of its own named 'Review' is still a partner's (it has SWOT
    with its own headers)."""
    sheets = {" ".join(t.split()).casefold(): ws for t in wb.sheetnames
              if isinstance(ws := wb[t], Worksheet)}
    swot = sheets.get("swot")
    if swot is not None:
        exported = (wb.properties.creator == TOOL_CREATOR and "profiles" in sheets
                    and str(swot.cell(1, 1).value or "").strip() == "cluster")
        return EXPORT_FILE if exported else None
    review = sheets.get(SHEET.casefold())
    if review is None:
        return None
    first = {" ".join(str(c.value or "").split()).casefold() for c in next(review.iter_rows(max_row=1), ())}
    return REVIEW_FILE if {c.casefold() for c in REQUIRED} <= first else None


def read_review(inputs: Path) -> Review:
    """inputs/synthesis-review.xlsx, read and checked; without one, an empty Review (no issue)."""
    path = inputs / REVIEW_NAME
    if not path.exists() and not path.is_symlink():
        return Review()
    return read_review_file(path)


def read_review_file(path: Path) -> Review:
    """A review workbook, read and checked, wherever it is and whatever its name (`check` is given
    one among the partners' workbooks)."""
    review = Review(path)
    try:
        wb = open_workbook(path)
    except ReportError as e:
        review.issues.append(e.as_issue())
        return review
    ctx = Ctx(path)
    ws = wb[SHEET] if SHEET in wb.sheetnames else None
    if ws is not None and not isinstance(ws, Worksheet):  # a chart sheet named Review
        review.issues.append(issue("sheet.chart", ctx.loc(SHEET), sheet=f"'{SHEET}'"))
        return review
    if ws is None:
        ctx.at("", "", "review.sheet.missing", sheet=SHEET)
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
        ctx.at(ws.title, "row 1", "review.columns.missing", columns=tuple(repr(m) for m in missing),
             expected=COLUMNS)
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
        include = _include(ctx, ws.title, by_col.get(columns["Include"]), raw=plain(texts["Include"]))
        row = ReviewRow(r, plain(texts["Kind"]), plain(texts["Theme"]), plain(texts.get("Clusters", ())),
                        plain(texts["Entries"]), include, texts.get("Wording", ()), plain(texts["Include"]).strip())
        _check_row(ctx, ws.title, row, columns=columns, seen=seen, empty=not plain(texts["Include"]).strip())
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
        ctx.at(ws.title, coordinate, "review.column.unread", column=get_column_letter(col))


def _include(ctx: Ctx, sheet: str, cell, *, raw: str) -> bool | None:
    value = raw.strip()
    if not value:
        return None
    answer = ANSWERS.get(value.casefold())
    if answer is None:
        ctx.at(sheet, cell.coordinate, "review.include.unknown", value=quote(value))
    return answer


def _check_row(ctx: Ctx, sheet: str, row: ReviewRow, *, columns: dict[str, int],
               seen: dict[tuple[str, str, str], int], empty: bool) -> None:
    where = f"{get_column_letter(columns['Kind'])}{row.row}"
    if row.kind and row.kind.strip().casefold() not in {k.casefold() for k in KINDS}:
        ctx.at(sheet, where, "review.kind.unknown", kind=quote(row.kind), kinds=" or ".join(KINDS))
    if row.key in seen:
        ctx.at(sheet, where, "review.row.repeated", first=seen[row.key])
    else:
        seen[row.key] = row.row
    if empty and plain(row.wording).strip() and "Wording" in columns:
        ctx.at(sheet, f"{get_column_letter(columns['Wording'])}{row.row}", "review.wording.undecided")
