"""The hidden Lists sheet and the Summary: what the dropdowns offer, and counts that agree with `check`.

The Lists sheet holds, per closed column, the dropdown's labels in the workbook's language, and
every spelling `check` reads as each value (its labels in the six languages, the partners' own words,
without accents too: `schema.spellings`). The Summary counts, with formulas only (no macros), exactly
the rows `check` reads: rows with an Entry, per topic and quadrant (or strategy), whatever language
or spelling the cells use; values `check` refuses and entries missing a value are counted apart.
The red-cell rules use the same spellings, so a cell is red exactly when `check` would refuse it.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from competency_maps import i18n
from competency_maps.i18n import N_
from competency_maps.model.schema import LISTS_SHEET, QUADRANTS, STRATEGIES, Schema, Sheet, spellings
from competency_maps.xlsx.text_cells import put

LAST_ROW = 1_048_576  # the last row of a sheet: rules and counts cover every row a partner may insert
TOPIC_ROWS = 200  # the Lists sheet's rows from which each topic's spellings run across
PROBLEM_ROWS = {"Quadrant": (N_("Entries with a Quadrant not in the list"), N_("Entries without a Quadrant")),
                "Strategy": (N_("Entries with a Strategy not in the list"), N_("Entries without a Strategy"))}


@dataclass(frozen=True)
class Lists:
    """Where each closed column's values are, as defined names of the workbook."""

    dropdown: dict[str, str]  # list name → the dropdown's source (labels, in the workbook's language)
    allowed: dict[str, str]  # list name → the defined name of every accepted spelling
    each: dict[tuple[str, str], str]  # (list name, value) → the defined name of that value's spellings


def _name(*parts: str) -> str:
    return "cm_" + "_".join("".join(ch if ch.isalnum() else "_" for ch in p) for p in parts)


def _area(col: int, first: int, last: int) -> str:
    x = get_column_letter(col)
    return f"{quote_sheetname(LISTS_SHEET)}!${x}${first}:${x}${last}"


def write_lists(ws: Worksheet, schema: Schema, language: str) -> Lists:
    """The Lists sheet (hidden): dropdown labels in columns A…, then every spelling per list, then
    per value; topics' spellings run across rows (for the Summary's two-way counts)."""
    wb = ws.parent
    dropdown, allowed, each = {}, {}, {}
    col = 1
    for name, values in schema.lists.items():
        ws.cell(row=1, column=col, value=name)
        for row, v in enumerate(values, start=2):
            put(ws, row, col, i18n.choice_label(v, language))
        dropdown[name] = _area(col, 2, len(values) + 1)
        col += 1
    for name, values in schema.lists.items():
        words = list(dict.fromkeys(w for v in values for w in spellings(v)))
        ws.cell(row=1, column=col, value=f"{name}: all")
        for row, w in enumerate(words, start=2):
            put(ws, row, col, w)
        allowed[name] = _name(name, "all")
        wb.defined_names[allowed[name]] = DefinedName(allowed[name], attr_text=_area(col, 2, len(words) + 1))
        col += 1
        for v in values:
            if name == "Topics":
                continue
            words = spellings(v)
            ws.cell(row=1, column=col, value=v)
            for row, w in enumerate(words, start=2):
                put(ws, row, col, w)
            each[(name, v)] = _name(name, v)
            wb.defined_names[each[(name, v)]] = DefinedName(each[(name, v)], attr_text=_area(col, 2, len(words) + 1))
            col += 1
    for k, topic in enumerate(schema.topics):  # across: a row per topic
        row = TOPIC_ROWS + k
        words = spellings(topic)
        for c, w in enumerate(words, start=1):
            put(ws, row, c, w)
        last = get_column_letter(len(words))
        each[("Topics", topic)] = _name("Topics", str(k + 1))
        wb.defined_names[each[("Topics", topic)]] = DefinedName(
            each[("Topics", topic)], attr_text=f"{quote_sheetname(LISTS_SHEET)}!$A${row}:${last}${row}")
    ws.sheet_state = "hidden"
    return Lists(dropdown, allowed, each)


def not_allowed_formula(cell: str, lists: Lists, list_name: str) -> str:
    """True for a cell holding something that is not one of its column's values, in any spelling."""
    return f'AND(LEN(TRIM({cell}))>0,COUNTIF({lists.allowed[list_name]},TRIM({cell}))=0)'


def _col(sheet: Sheet, name: str) -> str:
    x = get_column_letter(next(i for i, c in enumerate(sheet.columns, start=1) if c.name == name))
    return f"{quote_sheetname(sheet.name)}!${x}$2:${x}${LAST_ROW}"


def _table(ws: Worksheet, top: int, *, title: str, sheet: Sheet, by: str, kinds: tuple[str, ...],
           list_name: str, schema: Schema, lists: Lists, language: str, styles) -> int:
    """Rows with an Entry per topic (rows) and `by` value (columns), with totals; a zero turns red.
    Then the rows `check` refuses: a value not in a list, an Entry without a topic or a value.
    Returns the row after the table."""
    tr = i18n.translator(language)
    entry, topic, value = _col(sheet, "Entry"), _col(sheet, "Topic"), _col(sheet, by)
    heads = (title, *(i18n.choice_label(k, language) for k in kinds), tr.gettext("Total"))
    for i, h in enumerate(heads, start=1):
        c = ws.cell(row=top, column=i, value=h)
        c.font, c.fill = styles.header_font, styles.header_fill
    for r, t in enumerate(schema.topics, start=top + 1):
        put(ws, r, 1, i18n.choice_label(t, language)).alignment = Alignment(wrap_text=True,
                                                                                               vertical="top")
        ws.row_dimensions[r].height = 30  # a long topic on two lines
        for i, k in enumerate(kinds, start=2):
            ws.cell(row=r, column=i, value=f'=SUMPRODUCT(COUNTIFS({entry},"<>",{topic},'
                                           f'{lists.each[("Topics", t)]},{value},{lists.each[(list_name, k)]}))')
        ws.cell(row=r, column=len(kinds) + 2, value=f"=SUM(B{r}:{get_column_letter(len(kinds) + 1)}{r})")
    end = top + len(schema.topics)
    not_in_list, without = PROBLEM_ROWS[by]
    rows = [
        (tr.gettext(not_in_list),
         f'=COUNTIFS({entry},"<>",{value},"<>")-SUMPRODUCT(COUNTIFS({entry},"<>",{value},{lists.allowed[list_name]}))'),
        (tr.gettext("Entries with a Topic not in the list"),
         f'=COUNTIFS({entry},"<>",{topic},"<>")-SUMPRODUCT(COUNTIFS({entry},"<>",{topic},{lists.allowed["Topics"]}))'),
        (tr.gettext(without),
         f'=COUNTIFS({entry},"<>")-COUNTIFS({entry},"<>",{value},"<>")'),
        (tr.gettext("Entries without a Topic"), f'=COUNTIFS({entry},"<>")-COUNTIFS({entry},"<>",{topic},"<>")'),
    ]
    for k, (label, formula) in enumerate(rows, start=end + 1):
        ws.cell(row=k, column=1, value=label).font = Font(name="Calibri", italic=True)
        ws.cell(row=k, column=2, value=formula)
    styles.zero_is_red(ws, f"B{top + 1}:{get_column_letter(len(kinds) + 1)}{end}")
    styles.above_zero_is_red(ws, f"B{end + 1}:B{end + len(rows)}")
    return end + len(rows) + 2


def write_summary(ws: Worksheet, schema: Schema, lists: Lists, language: str, styles) -> None:
    """Counts that update themselves while the partner types (formulas: never read by the tool)."""
    tr = i18n.translator(language)
    ws.column_dimensions["A"].width = 58
    for i in range(2, 7):
        ws.column_dimensions[get_column_letter(i)].width = 12
    ws.cell(row=1, column=1, value=tr.gettext(N_(
        "Counted from the sheets while you type, as the coordinator's check reads them: only rows with "
        "an Entry. A red 0 is a topic or quadrant without entries; a red count below a table is a "
        "problem to fix."))).font = Font(name="Calibri", bold=True)
    ws.cell(row=1, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A1:F1")
    ws.row_dimensions[1].height = 48
    swot, tows = schema.sheet("SWOT"), schema.sheet("TOWS")
    row = _table(ws, 3, title=tr.gettext("SWOT entries"), sheet=swot, by="Quadrant", kinds=QUADRANTS,
                 list_name="Quadrants", schema=schema, lists=lists, language=language, styles=styles)
    row = _table(ws, row, title=tr.gettext("TOWS strategies"), sheet=tows, by="Strategy", kinds=STRATEGIES,
                 list_name="Strategies", schema=schema, lists=lists, language=language, styles=styles)
    for sheet in schema.sheets:  # rows filled in each sheet of free text
        if sheet.name in ("SWOT", "TOWS"):
            continue
        text = next((get_column_letter(i) for i, c in enumerate(sheet.columns, start=1) if c.required), "A")
        ws.cell(row=row, column=1, value=tr.gettext("Rows in {sheet}").format(sheet=sheet.name))
        ws.cell(row=row, column=2, value=f"=COUNTA({quote_sheetname(sheet.name)}!${text}$2:${text}${LAST_ROW})")
        row += 1
