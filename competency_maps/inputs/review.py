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

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from competency_maps.analysis.decisions import COLUMNS, NO, REVIEW_NAME, SHEET, YES, Review, ReviewRow
from competency_maps.analysis.synthesis import KINDS
from competency_maps.errors import ReportError, issue
from competency_maps.inputs.cells import Ctx, cell_text, quote
from competency_maps.inputs.workbook_file import open_workbook
from competency_maps.model.richtext import Text, plain

REQUIRED = ("Kind", "Theme", "Entries", "Include")
ANSWERS = {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False}
KEEP_HEADER = ("Keep the first row as the build wrote it: " + ", ".join(COLUMNS) + ".")


def read_review(inputs: Path) -> Review:
    """inputs/synthesis-review.xlsx, read and checked; without one, an empty Review (no issue)."""
    path = inputs / REVIEW_NAME
    if not path.exists() and not path.is_symlink():
        return Review()
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
    return get_column_letter(col)
