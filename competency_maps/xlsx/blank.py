"""The standard partner workbook, generated from the schema (never edited by hand).

Besides the sheets the reader reads, it gives the partner feedback while typing, in Excel and
LibreOffice alike and without macros: cells still to fill in turn red (conditional formatting), the
Summary sheet counts the entries, required fields say so, and the header rows, the Read me, the
Summary and the Lists are protected without a password while every data cell stays free and rows
can be inserted and deleted. It opens on the Read me and prints each sheet to the page's width.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.dimensions import ColumnDimension
from openpyxl.worksheet.protection import SheetProtection

from competency_maps.model.readme import readme_rows
from competency_maps.model.schema import (LISTS_SHEET, MAX_DATA_ROWS, PROFILE_COLUMNS, PROFILE_FIELDS,
                                          PROFILE_SHEET, QUADRANTS, README_SHEET, STRATEGIES, SUMMARY_SHEET,
                                          VERSION_PROPERTY, Schema, Sheet)
from competency_maps.xlsx.text_cells import put

HEADER_FILL = PatternFill("solid", fgColor="1F3864")
FONT = "Calibri"
HEADER_FONT = Font(name=FONT, bold=True, color="FFFFFF")
LABEL_FONT = Font(name=FONT, bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
FREE = Protection(locked=False)
# Excel's own "light red fill with dark red text", for a cell still to fill in
TO_FILL = PatternFill(bgColor="FFC7CE")
TO_FILL_FONT = Font(color="9C0006")
LAST_COLUMN = 16_384  # XFD


def protect(ws) -> None:
    """Locked cells stay as they are; free cells can be typed into and formatted (bold, italic),
    rows inserted and deleted, sorted and filtered. No password: this guards against accidents."""
    ws.protection = SheetProtection(
        sheet=True, formatCells=False, formatColumns=False, formatRows=False, insertRows=False,
        deleteRows=False, insertHyperlinks=False, sort=False, autoFilter=False)


def _free_columns(ws, first: int) -> None:
    """Every cell from column `first` rightwards is free, header row included unless it has its own
    (locked) style: so that typing anywhere, and deleting whole rows, is allowed."""
    letter = get_column_letter(first)
    ws.column_dimensions[letter] = ColumnDimension(ws, index=letter, min=first, max=LAST_COLUMN)
    ws.column_dimensions[letter].protection = FREE


def _print_setup(ws, landscape: bool) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0  # as wide as the page, as long as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True


def _header(ws, names: tuple[str, ...], widths: tuple[int, ...]) -> None:
    for i, (name, width) in enumerate(zip(names, widths), start=1):
        c = ws.cell(row=1, column=i, value=name)
        c.font, c.fill = HEADER_FONT, HEADER_FILL
        c.alignment = Alignment(vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"


def list_refs(schema: Schema) -> dict[str, str]:
    """Each dropdown's source: its column of the Lists sheet (inline lists are capped at 255
    characters by Excel)."""
    return {name: f"{quote_sheetname(LISTS_SHEET)}!${get_column_letter(col)}$2:"
                  f"${get_column_letter(col)}${len(values) + 1}"
            for col, (name, values) in enumerate(schema.lists.items(), start=1)}


def _lists_sheet(wb: Workbook, schema: Schema) -> dict[str, str]:
    ws = wb.create_sheet(LISTS_SHEET)
    for col, (name, values) in enumerate(schema.lists.items(), start=1):
        ws.cell(row=1, column=col, value=name)
        for row, v in enumerate(values, start=2):
            put(ws, row, col, v)
    ws.sheet_state = "hidden"
    protect(ws)
    return list_refs(schema)


def _readme(ws, schema: Schema, short_name: str) -> None:
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 50
    rows = readme_rows(schema, short_name)
    widths = (22, 60, 50)
    for r, (a, b, c, bold) in enumerate(rows, start=1):
        for col, v in enumerate((a, b, c), start=1):
            cell = put(ws, r, col, v or None)
            cell.alignment = Alignment(vertical="top") if r == 1 else WRAP
            cell.font = Font(name=FONT, bold=bold or r == 1, size=14 if r == 1 else 11)
        if r > 1:  # spreadsheets do not grow rows for wrapped text they did not lay out themselves
            lines = max(-(-len(v or "") // int(w * 1.1)) for v, w in zip((a, b, c), widths))
            ws.row_dimensions[r].height = 15 * max(1, lines)
    protect(ws)
    _print_setup(ws, landscape=False)


def _profile(ws, short_name: str) -> None:
    _header(ws, PROFILE_COLUMNS, (22, 100))
    ws.column_dimensions["B"].protection = FREE
    _free_columns(ws, 3)
    for r, f in enumerate(PROFILE_FIELDS, start=2):
        ws.cell(row=r, column=1, value=f.shown_label).font = LABEL_FONT
        v = put(ws, r, 2, short_name if f.attr == "short_name" and short_name else None)
        v.alignment, v.protection = WRAP, FREE
        if f.kind in ("year", "count"):
            lo, hi = (1800, 2100) if f.kind == "year" else (0, 10_000_000)
            dv = DataValidation(type="whole", operator="between", formula1=str(lo), formula2=str(hi),
                                allow_blank=True)
            dv.error = f"{f.label} must be a whole number. {f.help}"
        else:
            dv = DataValidation(allow_blank=True)
        dv.prompt, dv.promptTitle = f.help, f.label[:32]
        dv.showInputMessage = dv.showErrorMessage = True
        ws.add_data_validation(dv)
        dv.add(v.coordinate)
        if f.required:
            ws.conditional_formatting.add(v.coordinate, FormulaRule(
                formula=[f"LEN(TRIM({v.coordinate}))=0"], fill=TO_FILL, font=TO_FILL_FONT))
    ws.row_dimensions[len(PROFILE_FIELDS) + 1].height = 90  # About
    protect(ws)
    _print_setup(ws, landscape=False)


def _incomplete_rows(ws, sheet: Sheet) -> None:
    """A required cell turns red while the rest of its row holds something: an entry without a
    quadrant, a quadrant without its entry."""
    cols = {c.name: get_column_letter(i) for i, c in enumerate(sheet.columns, start=1)}
    row = [cols[c.name] for c in sheet.columns if not c.alone]
    filled = f"COUNTA(${row[0]}2:${row[-1]}2)>0" if row == sorted(row) and len(row) > 1 else \
        "OR(" + ",".join(f'${x}2<>""' for x in row) + ")"
    for c in sheet.columns:
        if c.required:
            x = cols[c.name]
            ws.conditional_formatting.add(f"{x}2:{x}{MAX_DATA_ROWS + 1}", FormulaRule(
                formula=[f"AND({filled},LEN(TRIM({x}2))=0)"], fill=TO_FILL, font=TO_FILL_FONT))


def add_validations(ws, sheet: Sheet, refs: dict[str, str]) -> None:
    """The dropdowns of the closed columns and the help shown on every column's cells."""
    for i, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(i)
        area = f"{letter}2:{letter}{MAX_DATA_ROWS + 1}"
        if col.closed:
            dv = DataValidation(type="list", formula1=refs[col.list_name], allow_blank=True)
            dv.error = f"Choose a {col.name} from the list: {', '.join(col.choices)}"[:255]
            dv.errorTitle = f"{col.name} not in the list"[:32]
        else:
            dv = DataValidation(allow_blank=True)
        dv.prompt, dv.promptTitle = col.help[:255], col.name[:32]
        dv.showInputMessage = dv.showErrorMessage = True
        ws.add_data_validation(dv)
        dv.add(area)


def _data_sheet(ws, sheet: Sheet, refs: dict[str, str]) -> None:
    _header(ws, tuple(c.name for c in sheet.columns), tuple(c.width for c in sheet.columns))
    for i in range(1, len(sheet.columns) + 1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].alignment = WRAP  # the column's format: typed text wraps
        ws.column_dimensions[letter].protection = FREE
    add_validations(ws, sheet, refs)
    _free_columns(ws, len(sheet.columns) + 1)
    _incomplete_rows(ws, sheet)
    protect(ws)
    _print_setup(ws, landscape=sum(c.width for c in sheet.columns) > 110)


def _count_table(ws, top: int, title: str, source: str, key_col: str, by_col: str,
                 topics: tuple[str, ...], kinds: tuple[str, ...]) -> int:
    """Entries of `source` per topic (rows) and kind (columns), with totals; a zero turns red.
    Returns the row after the table."""
    src = quote_sheetname(source)
    heads = (title, *kinds, "Total")
    for i, h in enumerate(heads, start=1):
        c = ws.cell(row=top, column=i, value=h)
        c.font, c.fill = HEADER_FONT, HEADER_FILL
    for r, topic in enumerate(topics, start=top + 1):
        put(ws, r, 1, topic).alignment = WRAP
        for i in range(2, len(kinds) + 2):
            k = get_column_letter(i)
            ws.cell(row=r, column=i, value=f"=COUNTIFS({src}!${key_col}:${key_col},$A{r},"
                                           f"{src}!${by_col}:${by_col},{k}${top})")
        last = get_column_letter(len(kinds) + 1)
        ws.cell(row=r, column=len(kinds) + 2, value=f"=SUM(B{r}:{last}{r})")
    end = top + len(topics)
    ws.conditional_formatting.add(f"B{top + 1}:{get_column_letter(len(kinds) + 1)}{end}",
                                  CellIsRule(operator="equal", formula=["0"], fill=TO_FILL, font=TO_FILL_FONT))
    return end + 2


def _summary(ws, schema: Schema) -> None:
    """Counts that update themselves while the partner types (formulas: never read by the tool)."""
    ws.column_dimensions["A"].width = 58
    for i in range(2, 7):
        ws.column_dimensions[get_column_letter(i)].width = 12
    ws.cell(row=1, column=1, value="Counted from the sheets while you type: a red 0 is a topic or "
            "quadrant with no entry yet.").font = LABEL_FONT
    swot, tows = schema.sheet("SWOT"), schema.sheet("TOWS")
    letter = {s.name: {c.name: get_column_letter(i) for i, c in enumerate(s.columns, start=1)}
              for s in (swot, tows)}
    row = _count_table(ws, 3, "SWOT entries", swot.name, letter["SWOT"]["Topic"], letter["SWOT"]["Quadrant"],
                       schema.topics, QUADRANTS)
    row = _count_table(ws, row, "TOWS strategies", tows.name, letter["TOWS"]["Topic"],
                       letter["TOWS"]["Strategy"], schema.topics, STRATEGIES)
    for sheet in schema.sheets:  # rows filled in each sheet of free text
        if sheet.name in ("SWOT", "TOWS"):
            continue
        text = next((get_column_letter(i) for i, c in enumerate(sheet.columns, start=1) if c.required),
                    "A")
        ws.cell(row=row, column=1, value=f"Rows in {sheet.name}")
        ws.cell(row=row, column=2, value=f"=MAX(0,COUNTA({quote_sheetname(sheet.name)}!${text}:${text})-1)")
        row += 1
    protect(ws)
    _print_setup(ws, landscape=False)


def make_blank_workbook(schema: Schema, short_name: str = "") -> Workbook:
    wb = Workbook()
    readme = wb.active
    readme.title = README_SHEET
    _readme(readme, schema, short_name)
    _profile(wb.create_sheet(PROFILE_SHEET), short_name)
    refs = _lists_sheet(wb, schema)
    for sheet in schema.sheets:
        if sheet.optional and not any(name == SUMMARY_SHEET for name in wb.sheetnames):
            _summary(wb.create_sheet(SUMMARY_SHEET, index=len(wb.sheetnames) - 1), schema)
        _data_sheet(wb.create_sheet(sheet.name, index=len(wb.sheetnames) - 1), sheet, refs)
    if SUMMARY_SHEET not in wb.sheetnames:
        _summary(wb.create_sheet(SUMMARY_SHEET, index=len(wb.sheetnames) - 1), schema)
    wb.custom_doc_props.append(StringProperty(name=VERSION_PROPERTY, value=str(schema.version)))
    wb.calculation.fullCalcOnLoad = True  # the Summary's formulas have no stored results
    wb.active = 0
    return wb


def write_blank_workbook(schema: Schema, path: Path, short_name: str = "") -> Path:
    make_blank_workbook(schema, short_name).save(path)
    return path
