"""A copy of a partner's workbook with its problems marked in it: what `check --annotate DIR` writes,
for the coordinator to send back instead of writing a mail.

Every cell with an error or a warning is highlighted and carries a comment with the message and
the fix; a first sheet "Check" lists every problem (information lines too) with a link to its cell.
The copy stays a workbook of the standard: the reader never reads the Check sheet, comments or
fills, so once the partner has fixed the cells `check` passes on the copy itself. Annotating an
annotated copy again first removes the earlier marks.
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import column_index_from_string, get_column_letter, quote_sheetname
from openpyxl.worksheet.hyperlink import Hyperlink

from competency_maps import i18n
from competency_maps.i18n import pN_
from competency_maps.xlsx.blank import HEADER_FILL, HEADER_FONT, add_validations, list_refs
from competency_maps import messages
from competency_maps.errors import Issue, Location, ReportError, Severity, WorkbookError
from competency_maps.xlsx.text_cells import put
from competency_maps.model.schema import CHECK_SHEET, LISTS_SHEET, Schema, name_key
from competency_maps.inputs.workbook_file import open_workbook

AUTHOR = "Coordinator's check"
FILLS = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFEB9C"}  # Excel's light red and light yellow
LABELS = {Severity.ERROR: pN_("severity", "Error"), Severity.WARNING: pN_("severity", "Warning"),
          Severity.INFO: pN_("severity", "For information")}
MAX_MARKED = 200  # cells of one range that are highlighted (a merged block, a row)
_REF = re.compile(r"\$?([A-Z]{1,3})\$?(\d*)(?::\$?([A-Z]{1,3})\$?(\d*))?")


def copy_path(source: Path, out_dir: Path, stem: str = "") -> Path:
    """The copy keeps the file's name (or `stem`); it is always .xlsx (macros are never loaded, so
    none are kept)."""
    return out_dir / f"{stem or source.stem}.xlsx"


def _cells(ref: str) -> list[str]:
    """The cells an issue's location names: B14, a range A2:A4, a row A5:E5, a column C:C (its
    header cell), a bare column A (its first cell). Other references: none."""
    m = _REF.fullmatch(ref)
    if not m:
        return []
    c1, r1, c2, r2 = m.group(1), m.group(2), m.group(3) or m.group(1), m.group(4) or m.group(2)
    r1, r2 = int(r1 or 1), int(r2 or r1 or 1)
    out = [f"{get_column_letter(c)}{r}" for r in range(r1, r2 + 1)
           for c in range(column_index_from_string(c1), column_index_from_string(c2) + 1)]
    return out[:MAX_MARKED]


def _worksheet(wb, title: str):
    """The worksheet of that title, else None (a chart sheet has no cells to mark)."""
    return next((ws for ws in wb.worksheets if ws.title == title), None)


def _anchor(ws, coord: str):
    """The cell a comment can go on: a merged range's top-left cell (the others are read-only)."""
    cell = ws[coord]
    if isinstance(cell, MergedCell):
        for rng in ws.merged_cells.ranges:
            if coord in rng:
                return ws.cell(row=rng.min_row, column=rng.min_col)
    return cell


def _clear_earlier_marks(wb) -> None:
    ours = _worksheet(wb, CHECK_SHEET)
    if ours is not None:
        wb.remove(ours)
    ours = {PatternFill("solid", fgColor=c).fgColor.rgb for c in FILLS.values()}
    for ws in wb.worksheets:
        for cell in list(ws._cells.values()):
            if cell.comment is not None and cell.comment.author == AUTHOR:
                cell.comment = None
            if cell.fill is not None and cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb in ours:
                cell.fill = PatternFill()


def _label(severity: Severity, language: str) -> str:
    return i18n.translator(language).pgettext("severity", LABELS[severity])


def _comment(issues: list[Issue], language: str = "en") -> Comment:
    texts = [(i, i.text(language)) for i in issues]
    text = "\n\n".join(f"{_label(i.severity, language)}: {t.message}" + (f"\n{t.hint}" if t.hint else "")
                       for i, t in texts)
    c = Comment(text, AUTHOR)
    c.width, c.height = 320, min(400, 60 + 14 * (len(text) // 45 + text.count("\n")))
    return c


def _mark(wb, issues: list[Issue], language: str = "en") -> dict[tuple[str, str], tuple[str, str]]:
    """Highlight and comment every cell named by an error or a warning; return, per (sheet, cell) of
    an issue, the sheet's title and first cell to link to."""
    sheets = {name_key(ws.title): ws for ws in wb.worksheets}
    targets: dict[tuple[str, str], tuple[str, str]] = {}
    by_cell: dict[tuple[str, str], list[Issue]] = {}
    for i in issues:
        ws = sheets.get(name_key(i.location.sheet)) if i.location.sheet else None
        if ws is None:
            continue
        cells = _cells(i.location.cell) if i.location.cell else []
        targets[(i.location.sheet, i.location.cell)] = (ws.title, cells[0] if cells else "A1")
        if cells and i.severity in FILLS:
            by_cell.setdefault((ws.title, i.location.cell), []).append(i)
    for (title, ref), found in by_cell.items():
        ws = wb[title]
        worst = Severity.ERROR if any(i.is_error for i in found) else Severity.WARNING
        cells = _cells(ref)
        for coord in cells:
            ws[coord].fill = PatternFill("solid", fgColor=FILLS[worst])
        first = _anchor(ws, cells[0])
        earlier = first.comment.text + "\n\n" if first.comment is not None and first.comment.author == AUTHOR else ""
        first.comment = _comment(found, language)
        if earlier:  # two ranges starting at one cell: keep both messages
            first.comment = Comment(earlier + first.comment.text, AUTHOR, width=320, height=400)
    return targets


def _check_sheet(wb, source: Path, issues: list[Issue], targets, language: str = "en") -> None:
    tr = i18n.translator(language)
    ws = wb.create_sheet(CHECK_SHEET, 0)
    put(ws, 1, 1, messages.render("annotate.summary", {
        "file": source.name, "errors": sum(i.is_error for i in issues),
        "warnings": sum(i.severity is Severity.WARNING for i in issues)}, language=language).message)
    ws["A1"].font = Font(bold=True)
    ws["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A1:D1")
    ws.row_dimensions[1].height = 45
    heads = ((tr.gettext("Place"), 22), (tr.gettext("Kind"), 12), (tr.gettext("Problem"), 50),
             (tr.gettext("What to do"), 45))
    for col, (head, width) in enumerate(heads, start=1):
        c = ws.cell(row=3, column=col, value=head)
        c.font, c.fill = HEADER_FONT, HEADER_FILL
        ws.column_dimensions[get_column_letter(col)].width = width
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    for r, i in enumerate(sorted(issues, key=lambda i: order[i.severity]), start=4):
        place = " › ".join(p for p in (i.location.sheet, i.location.cell) if p) or source.name
        where = put(ws, r, 1, place)
        target = targets.get((i.location.sheet, i.location.cell))
        if target:
            title, cell = target
            where.hyperlink = Hyperlink(ref=where.coordinate, location=f"{quote_sheetname(title)}!{cell}",
                                        display=place)
            where.font = Font(color="0563C1", underline="single")
        kind = ws.cell(row=r, column=2, value=_label(i.severity, language))
        if i.severity in FILLS:
            kind.fill = PatternFill("solid", fgColor=FILLS[i.severity])
        words = i.text(language)
        put(ws, r, 3, words.message)  # a message quoting "=…" stays text
        put(ws, r, 4, words.hint or None)
        for col in range(1, 5):
            ws.cell(row=r, column=col).alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.paperSize, ws.page_setup.orientation = ws.PAPERSIZE_A4, "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0  # as wide as the page, as long as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.active = 0
    for other in wb.worksheets[1:]:
        other.sheet_view.tabSelected = False


def _restore_dropdowns(wb, schema: Schema, language: str = "en") -> None:
    """openpyxl cannot keep the dropdowns Excel stores in its own extension (a list on another
    sheet): where a standard sheet lost them, the copy gets the blank workbook's back, provided
    the Lists sheet and the sheet's headers are still the standard ones."""
    lists = _worksheet(wb, LISTS_SHEET)
    if lists is None or [c.value for c in lists[1]][:len(schema.lists)] != list(schema.lists):
        return
    refs = list_refs(schema)
    for sheet in schema.sheets:
        ws = next((w for w in wb.worksheets if name_key(w.title) == name_key(sheet.name)), None)
        if ws is None or not any(c.closed for c in sheet.columns) or \
                any(dv.type == "list" for dv in ws.data_validations.dataValidation):
            continue
        if [c.value for c in ws[1]][:len(sheet.columns)] == [c.name for c in sheet.columns]:
            add_validations(ws, sheet, refs, language)


def annotate(source: Path, issues: list[Issue], out_dir: Path, stem: str = "",
             schema: Schema | None = None, *, language: str = "en") -> Path:
    """Write the annotated copy of `source` (its `issues`, as `check` found them) into `out_dir`;
    return its path. With the `schema`, dropdowns the copy would lose are put back. Comments and
    the Check sheet are in `language`."""
    target = copy_path(source, out_dir, stem)
    if target.resolve() == source.resolve():
        raise ReportError("annotate.same_file", Location(str(target)))
    wb = open_workbook(source)
    if not wb.worksheets:  # never a copy without the partner's sheets
        raise WorkbookError("workbook.no_worksheets", Location(source.name))
    _clear_earlier_marks(wb)
    if schema is not None:
        _restore_dropdowns(wb, schema, language)
    _check_sheet(wb, source, issues, _mark(wb, issues, language), language)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        wb.save(target)
    except OSError as e:
        raise ReportError("annotate.unwritable", Location(str(target)), reason=str(e.strerror or e))
    return target
