"""The standard partner workbook, generated from the schema (never edited by hand), in a language.

Besides the sheets the reader reads, it helps the partner while typing, in Excel and LibreOffice
alike and without macros: dropdowns and help in the partner's language, cells still to fill in or
holding a value not allowed turn red (conditional formatting), the Summary counts what `check`
reads. The header rows, Read me, Summary and Lists are protected without a password, and so is the
workbook's structure (no sheet added, renamed or deleted by accident). Every rule and dropdown runs
from the header's next row to the end of the sheet, and the data rows are editable even when a row
inserted under the header copies the header's style (an editable range of the sheet's protection),
so that no inserted row is a trap. Every sheet prints to the page's width with a footer: the
cluster, the sheet, page N of M and the template version. It opens on the Read me.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.dimensions import ColumnDimension
from openpyxl.worksheet.protection import SheetProtection

from competency_maps import i18n
from competency_maps.i18n import N_
from competency_maps.model.schema import (LANGUAGE_PROPERTY, LISTS_SHEET, PROFILE_COLUMNS, PROFILE_FIELDS,
                                          PROFILE_SHEET, README_SHEET, REQUIRED_WORD, SUMMARY_SHEET,
                                          VERSION_PROPERTY, Schema, Sheet)
from competency_maps.model.readme import PREPARED_FOR, TEMPLATE_VERSION, readme_rows
from competency_maps.xlsx.text_cells import put
from competency_maps.xlsx.summary import LAST_ROW, Lists, not_allowed_formula, write_lists, write_summary

__all__ = ["make_blank_workbook", "write_blank_workbook", "readme_rows", "PREPARED_FOR", "TEMPLATE_VERSION",
           "add_validations", "list_refs", "protect", "LIMITS"]

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
HEADER_LOOK, HEADER_LOOK_FONT = PatternFill(bgColor="1F3864"), Font(bold=True, color="FFFFFF")  # as a rule
# Office's limits on a data validation's texts (Excel refuses to open a longer one)
LIMITS = {"promptTitle": 32, "prompt": 255, "errorTitle": 32, "error": 224}


class Styles:
    """What the Summary borrows from the sheets' look."""

    header_font, header_fill = HEADER_FONT, HEADER_FILL

    @staticmethod
    def zero_is_red(ws, area: str) -> None:
        ws.conditional_formatting.add(area, CellIsRule(operator="equal", formula=["0"], fill=TO_FILL,
                                                       font=TO_FILL_FONT))

    @staticmethod
    def above_zero_is_red(ws, area: str) -> None:
        ws.conditional_formatting.add(area, CellIsRule(operator="greaterThan", formula=["0"], fill=TO_FILL,
                                                       font=TO_FILL_FONT))


def protect(ws, data_from: int = 0) -> None:
    """Locked cells stay as they are; free cells can be typed into and formatted (bold, italic),
    rows inserted and deleted, sorted and filtered. No password: this guards against accidents.
    `data_from`: the first data row; from there down every cell is editable even when locked (a row
    inserted under the header copies the header's locked style)."""
    ws.protection = SheetProtection(
        sheet=True, formatCells=False, formatColumns=False, formatRows=False, insertRows=False,
        deleteRows=False, insertHyperlinks=False, sort=False, autoFilter=False)


def _fit(text: str, limit: int, shorter: str = "") -> str:
    """A validation's text within Office's limit: the shorter wording when the full one is too long."""
    return text if len(text) <= limit else (shorter if len(shorter) <= limit else shorter[:limit - 1] + "…")


def _free_columns(ws, first: int) -> None:
    """Every cell from column `first` rightwards is free, header row included unless it has its own
    (locked) style: so that typing anywhere, and deleting whole rows, is allowed."""
    letter = get_column_letter(first)
    ws.column_dimensions[letter] = ColumnDimension(ws, index=letter, min=first, max=LAST_COLUMN)
    ws.column_dimensions[letter].protection = FREE


def _print_setup(ws, landscape: bool, footer: str, language: str) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0  # as wide as the page, as long as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    page = i18n.translator(language).gettext(N_("Page {page} of {pages}")).format(page="&P", pages="&N")
    for hf in (ws.oddFooter, ws.evenFooter, ws.firstFooter):
        hf.left.text, hf.center.text, hf.right.text = footer.replace("&", "&&"), "&A", page
        hf.left.size = hf.center.size = hf.right.size = 8


def _header(ws, names: tuple[str, ...], widths: tuple[int, ...], *, data: bool = False) -> None:
    """The header row. On a data sheet (`data`) its cells are free and look plain, their look comes
    from the column's rules (`_red_cells`): a row inserted under the header copies the header's
    format (Excel's "format same as above"; LibreOffice copies its rules too), which must be a data
    row's, not a locked navy header's."""
    for i, (name, width) in enumerate(zip(names, widths), start=1):
        c = ws.cell(row=1, column=i, value=name)
        if data:
            c.protection = FREE
        else:
            c.font, c.fill = HEADER_FONT, HEADER_FILL
            c.alignment = Alignment(vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = width

    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"


def list_refs(schema: Schema) -> dict[str, str]:
    """Each dropdown's source: its column of the Lists sheet (inline lists are capped at 255
    characters by Excel). The same places as `summary.write_lists` fills."""
    from openpyxl.utils import quote_sheetname
    return {name: f"{quote_sheetname(LISTS_SHEET)}!${get_column_letter(col)}$2:"
                  f"${get_column_letter(col)}${len(values) + 1}"
            for col, (name, values) in enumerate(schema.lists.items(), start=1)}


def _readme(ws, schema: Schema, short_name: str, language: str, *, contact: str, deadline: str,
            entry_language: str) -> None:
    widths = (22, 60, 50)
    for i, w in enumerate(widths):
        ws.column_dimensions["ABC"[i]].width = w
    rows = readme_rows(schema, short_name, language=language, contact=contact, deadline=deadline,
                       entry_language=entry_language)
    for r, (a, b, c, bold) in enumerate(rows, start=1):
        for col, v in enumerate((a, b, c), start=1):
            cell = put(ws, r, col, v or None)
            cell.alignment = Alignment(vertical="top") if r == 1 else WRAP
            cell.font = Font(name=FONT, bold=bold or r == 1, size=14 if r == 1 else 11)
        if r > 1:  # spreadsheets do not grow rows for wrapped text they did not lay out themselves
            lines = max(-(-len(v or "") // int(w * 1.1)) for v, w in zip((a, b, c), widths))
            ws.row_dimensions[r].height = 15 * max(1, lines)
    protect(ws)


def _profile(ws, short_name: str, language: str) -> None:
    tr = i18n.translator(language)
    _header(ws, PROFILE_COLUMNS, (22, 100))
    ws.column_dimensions["B"].protection = FREE
    _free_columns(ws, 3)
    for r, f in enumerate(PROFILE_FIELDS, start=2):
        label = tr.gettext(f.label) + (" " + tr.gettext(REQUIRED_WORD) if f.required else "")
        ws.cell(row=r, column=1, value=label).font = LABEL_FONT
        v = put(ws, r, 2, short_name if f.attr == "short_name" and short_name else None)
        v.alignment, v.protection = WRAP, FREE
        if f.kind in ("year", "count"):
            lo, hi = (1800, 2100) if f.kind == "year" else (0, 10_000_000)
            dv = DataValidation(type="whole", operator="between", formula1=str(lo), formula2=str(hi),
                                allow_blank=True)
            dv.error = tr.gettext(N_("Type a 4-digit year, such as {example}.") if f.kind == "year" else
                                  N_("Type a whole number, such as {example}.")).format(example=f.example)
            dv.errorTitle = _fit(tr.gettext(f.label), LIMITS["errorTitle"])
        else:
            dv = DataValidation(allow_blank=True)
        dv.prompt = _fit(tr.gettext(f.help), LIMITS["prompt"])
        dv.promptTitle = _fit(tr.gettext(f.label), LIMITS["promptTitle"])
        dv.showInputMessage = dv.showErrorMessage = True
        ws.add_data_validation(dv)
        dv.add(v.coordinate)
        if f.required:
            ws.conditional_formatting.add(v.coordinate, FormulaRule(
                formula=[f"LEN(TRIM({v.coordinate}))=0"], fill=TO_FILL, font=TO_FILL_FONT))
    ws.row_dimensions[len(PROFILE_FIELDS) + 1].height = 90  # About
    protect(ws)


def _red_cells(ws, sheet: Sheet, lists: Lists | None) -> None:
    """A required cell turns red while the rest of its row holds something (an entry without a
    quadrant, a quadrant without its entry); a closed cell turns red when it holds a value that
    `check` refuses (typed or pasted over the dropdown). The rules cover whole columns, header
    included (and skipped by ROW()>1): a row inserted right under the header is inside them."""
    cols = {c.name: get_column_letter(i) for i, c in enumerate(sheet.columns, start=1)}
    row = [cols[c.name] for c in sheet.columns if not c.alone]
    filled = f"COUNTA(${row[0]}1:${row[-1]}1)>0" if row == sorted(row) and len(row) > 1 else \
        "OR(" + ",".join(f'${x}1<>""' for x in row) + ")"
    for c in sheet.columns:
        x = cols[c.name]
        area = f"{x}1:{x}{LAST_ROW}"
        ws.conditional_formatting.add(area, FormulaRule(formula=["ROW()=1"], fill=HEADER_LOOK,
                                                        font=HEADER_LOOK_FONT, stopIfTrue=True))
        if c.required:
            ws.conditional_formatting.add(area, FormulaRule(
                formula=[f"AND(ROW()>1,{filled},LEN(TRIM({x}1))=0)"], fill=TO_FILL, font=TO_FILL_FONT))
        if c.closed and lists is not None:
            ws.conditional_formatting.add(area, FormulaRule(
                formula=[f"AND(ROW()>1,{not_allowed_formula(f'{x}1', lists, c.list_name)})"], fill=TO_FILL,
                font=TO_FILL_FONT))


def add_validations(ws, sheet: Sheet, refs: dict[str, str], language: str = "en") -> None:
    """The dropdowns of the closed columns and the help shown on every column's cells, from the
    header to the end of the sheet: a row inserted right under the header is inside the range (the
    header's own value is never offered, and typing over it is refused)."""
    tr = i18n.translator(language)
    for i, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(i)
        area = f"{letter}1:{letter}{LAST_ROW}"
        title = _fit(tr.pgettext("column", col.name), LIMITS["promptTitle"])
        if col.closed:
            dv = DataValidation(type="list", formula1=refs[col.list_name], allow_blank=True)
            labels = [i18n.choice_label(v, language) for v in col.choices]
            listed = "\n".join(f"• {v}" for v in labels)
            short = tr.gettext(N_("Choose a value from the cell's dropdown list."))
            dv.error = _fit(short + "\n" + listed, LIMITS["error"], short)
            dv.errorTitle = _fit(tr.gettext(N_("Not in the list")), LIMITS["errorTitle"])
        else:
            dv = DataValidation(allow_blank=True)
        dv.prompt, dv.promptTitle = _fit(tr.gettext(col.help), LIMITS["prompt"]), title
        dv.showInputMessage = dv.showErrorMessage = True
        ws.add_data_validation(dv)
        dv.add(area)


def _data_sheet(ws, sheet: Sheet, lists: Lists, language: str) -> None:
    _header(ws, tuple(c.name for c in sheet.columns), tuple(c.width for c in sheet.columns), data=True)
    for i in range(1, len(sheet.columns) + 1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].alignment = WRAP  # the column's format: typed text wraps
        ws.column_dimensions[letter].protection = FREE
    add_validations(ws, sheet, lists.dropdown, language)
    _free_columns(ws, len(sheet.columns) + 1)
    _red_cells(ws, sheet, lists)
    protect(ws, data_from=2)


def make_blank_workbook(schema: Schema, short_name: str = "", *, language: str = "en", contact: str = "",
                        deadline: str = "", entry_language: str = "en") -> Workbook:
    """The workbook for one partner, in `language` (one of i18n.LANGUAGES): its texts, help and
    dropdown labels; sheet names and headers are the same in every language."""
    language = i18n.language(language)
    tr = i18n.translator(language)
    wb = Workbook()
    readme = wb.active
    readme.title = README_SHEET
    _readme(readme, schema, short_name, language, contact=contact, deadline=deadline,
            entry_language=entry_language)
    _profile(wb.create_sheet(PROFILE_SHEET), short_name, language)
    lists_ws = wb.create_sheet(LISTS_SHEET)
    lists = write_lists(lists_ws, schema, language)
    protect(lists_ws)
    for sheet in schema.sheets:
        if sheet.optional and SUMMARY_SHEET not in wb.sheetnames:
            write_summary(wb.create_sheet(SUMMARY_SHEET, index=len(wb.sheetnames) - 1), schema, lists,
                          language, Styles)
        _data_sheet(wb.create_sheet(sheet.name, index=len(wb.sheetnames) - 1), sheet, lists, language)
    if SUMMARY_SHEET not in wb.sheetnames:
        write_summary(wb.create_sheet(SUMMARY_SHEET, index=len(wb.sheetnames) - 1), schema, lists, language,
                      Styles)
    protect(wb[SUMMARY_SHEET])
    footer = " · ".join(p for p in (short_name, tr.gettext(TEMPLATE_VERSION).format(version=schema.version)) if p)
    widths = {s.name: sum(c.width for c in s.columns) for s in schema.sheets}
    for ws in wb.worksheets:
        _print_setup(ws, widths.get(ws.title, 0) > 110, footer, language)
    wb.custom_doc_props.append(StringProperty(name=VERSION_PROPERTY, value=str(schema.version)))
    wb.custom_doc_props.append(StringProperty(name=LANGUAGE_PROPERTY, value=language))
    wb.security = WorkbookProtection(lockStructure=True)  # no password: against accidents only
    wb.calculation.fullCalcOnLoad = True  # the Summary's formulas have no stored results
    wb.active = 0
    return wb


def write_blank_workbook(schema: Schema, path: Path, short_name: str = "", **options) -> Path:
    make_blank_workbook(schema, short_name, **options).save(path)
    return path
