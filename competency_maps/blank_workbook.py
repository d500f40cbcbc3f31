"""The standard partner workbook, generated from the schema (never edited by hand)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from .schema import (LISTS_SHEET, MAX_DATA_ROWS, PROFILE_COLUMNS, PROFILE_FIELDS, PROFILE_SHEET,
                     README_SHEET, VERSION_PROPERTY, Schema)

HEADER_FILL = PatternFill("solid", fgColor="1F3864")
FONT = "Calibri"
HEADER_FONT = Font(name=FONT, bold=True, color="FFFFFF")
LABEL_FONT = Font(name=FONT, bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
WRAPPED_ROWS = 300  # rows pre-formatted to wrap long entries


def _header(ws, names: tuple[str, ...], widths: tuple[int, ...]) -> None:
    for i, (name, width) in enumerate(zip(names, widths), start=1):
        c = ws.cell(row=1, column=i, value=name)
        c.font, c.fill = HEADER_FONT, HEADER_FILL
        c.alignment = Alignment(vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"


def _lists_sheet(wb: Workbook, schema: Schema) -> dict[str, str]:
    """Dropdown sources as ranges (inline lists are capped at 255 characters by Excel)."""
    ws = wb.create_sheet(LISTS_SHEET)
    refs = {}
    for col, (name, values) in enumerate(schema.lists.items(), start=1):
        ws.cell(row=1, column=col, value=name)
        for row, v in enumerate(values, start=2):
            ws.cell(row=row, column=col, value=v)
        letter = get_column_letter(col)
        refs[name] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
    ws.sheet_state = "hidden"
    return refs


def _readme(ws, schema: Schema, short_name: str) -> None:
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 50
    rows: list[tuple[str, str, str, bool]] = [
        ("Cluster competency map workbook", "", "", True),
        (f"Prepared for: {short_name}" if short_name else "", f"Template version {schema.version}", "",
         False),
        ("", "", "", False),
        ("How to fill it in",
         "Fill the sheets Cluster, Step 1, SWOT and TOWS. Keep the sheet names and the header rows as "
         "they are. One entry per row, in the order it should appear in the report. Choose values "
         "from the dropdowns where a column has one. Type text, not formulas. Bold and italic inside "
         "a cell are kept; Alt+Enter makes a line break inside a cell.", "", False),
        ("Before sending", "Save it as an Excel workbook (.xlsx) and send it back to the coordinator, "
         "who checks it and tells you the sheet and cell of anything to correct.", "", False),
        ("", "", "", False),
        ("Sheet / column", "What to enter", "Example", True),
        (PROFILE_SHEET, "The cluster's profile: one field per row, the value in column B.", "", True),
    ]
    for f in PROFILE_FIELDS:
        rows.append((f"  {f.label}" + (" (required)" if f.required else ""), f.help, f.example, False))
    for sheet in schema.sheets:
        rows.append((sheet.name, sheet.purpose, "", True))
        for c in sheet.columns:
            allowed = f" Allowed: {', '.join(c.choices)}." if c.closed else ""
            rows.append((f"  {c.name}" + (" (required)" if c.required else ""), c.help + allowed,
                         c.example, False))
    widths = (22, 60, 50)
    for r, (a, b, c, bold) in enumerate(rows, start=1):
        for col, v in enumerate((a, b, c), start=1):
            cell = ws.cell(row=r, column=col, value=v or None)
            cell.alignment = Alignment(vertical="top") if r == 1 else WRAP
            cell.font = Font(name=FONT, bold=bold or r == 1, size=14 if r == 1 else 11)
        if r > 1:  # spreadsheets do not grow rows for wrapped text they did not lay out themselves
            lines = max(-(-len(v or "") // int(w * 1.1)) for v, w in zip((a, b, c), widths))
            ws.row_dimensions[r].height = 15 * max(1, lines)


def _profile(ws, short_name: str) -> None:
    _header(ws, PROFILE_COLUMNS, (18, 100))
    for r, f in enumerate(PROFILE_FIELDS, start=2):
        ws.cell(row=r, column=1, value=f.label).font = LABEL_FONT
        v = ws.cell(row=r, column=2, value=short_name if f.attr == "short_name" and short_name else None)
        v.alignment = WRAP
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
    ws.row_dimensions[len(PROFILE_FIELDS) + 1].height = 90  # About


def _data_sheet(ws, sheet, refs: dict[str, str]) -> None:
    _header(ws, tuple(c.name for c in sheet.columns), tuple(c.width for c in sheet.columns))
    for i, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(i)
        area = f"{letter}2:{letter}{MAX_DATA_ROWS + 1}"
        for r in range(2, WRAPPED_ROWS + 2):
            ws.cell(row=r, column=i).alignment = WRAP
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


def make_blank_workbook(schema: Schema, short_name: str = "") -> Workbook:
    wb = Workbook()
    readme = wb.active
    readme.title = README_SHEET
    _readme(readme, schema, short_name)
    _profile(wb.create_sheet(PROFILE_SHEET), short_name)
    refs = _lists_sheet(wb, schema)
    for sheet in schema.sheets:
        ws = wb.create_sheet(sheet.name, index=len(wb.sheetnames) - 1)
        _data_sheet(ws, sheet, refs)
    wb.custom_doc_props.append(StringProperty(name=VERSION_PROPERTY, value=str(schema.version)))
    wb.active = 1
    return wb


def write_blank_workbook(schema: Schema, path: Path, short_name: str = "") -> Path:
    make_blank_workbook(schema, short_name).save(path)
    return path
