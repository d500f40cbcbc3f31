import re

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from conftest import shipped_schema

from competency_maps.xlsx.blank import write_blank_workbook
from competency_maps.inputs.reader import read_workbook
from competency_maps.model.schema import (COORDINATOR_SHEET, LISTS_SHEET, NOTES_SHEET,
                                    PROFILE_COLUMNS, PROFILE_FIELDS, PROFILE_SHEET, QUADRANTS,
                                    README_SHEET, SUMMARY_SHEET, VERSION_PROPERTY, build_schema)

DATA_SHEETS = ("Step 1", "SWOT", "TOWS")


@pytest.fixture(scope="module")
def blank_path(tmp_path_factory):
    """Written once for the module's tests, which only read it (twenty loads of it were a second)."""
    return write_blank_workbook(shipped_schema(), tmp_path_factory.mktemp("blank") / "blank.xlsx", "Mov'eo")


@pytest.fixture(scope="module")
def wb(blank_path):
    """The blank workbook as saved, loaded again: what a partner receives (no test changes it)."""
    return load_workbook(blank_path)


def test_sheet_names(wb):
    assert wb.sheetnames == [README_SHEET, PROFILE_SHEET, "Step 1", "SWOT", "TOWS", SUMMARY_SHEET,
                             NOTES_SHEET, COORDINATOR_SHEET, LISTS_SHEET]
    assert wb.sheetnames[:5] == ["Read me", "Cluster", "Step 1", "SWOT", "TOWS"]
    assert wb[LISTS_SHEET].sheet_state == "hidden"
    assert all(wb[n].sheet_state == "visible" for n in wb.sheetnames[:-1])


def test_opens_on_the_read_me(wb):
    assert wb.active.title == README_SHEET


def test_header_rows(wb, schema):
    assert [c.value for c in wb[PROFILE_SHEET][1]] == list(PROFILE_COLUMNS)
    for sheet in schema.sheets:
        assert [c.value for c in wb[sheet.name][1]] == [c.name for c in sheet.columns], sheet.name
        # the header's look is a rule of each column (on row 1 alone), so that an inserted row copies none of it
        rules = {str(cf.sqref): cf.rules for cf in wb[sheet.name].conditional_formatting}
        for letter in "ABCD"[:len(sheet.columns)]:
            head = rules[f"{letter}1:{letter}1048576"][0]
            assert head.formula == ["ROW()=1"] and head.dxf.font.b and head.stopIfTrue, (sheet.name, letter)


def test_frozen_panes(wb):
    for name in (PROFILE_SHEET, *DATA_SHEETS):
        assert wb[name].freeze_panes == "A2", name


def test_profile_labels_and_prefilled_short_name(wb):
    ws = wb[PROFILE_SHEET]
    assert [ws.cell(row=r, column=1).value for r in range(2, len(PROFILE_FIELDS) + 2)] == [
        f.label + (" (required)" if f.required else "") for f in PROFILE_FIELDS]
    assert ws["B2"].value == "Mov'eo"
    assert all(ws.cell(row=r, column=2).value is None for r in range(3, len(PROFILE_FIELDS) + 2))


def test_without_short_name_nothing_is_prefilled(tmp_path, schema):
    ws = load_workbook(write_blank_workbook(schema, tmp_path / "b.xlsx"))[PROFILE_SHEET]
    assert ws["B2"].value is None


def test_no_example_rows_in_data_sheets(wb):
    for name in DATA_SHEETS:
        ws = wb[name]
        values = [c.value for row in ws.iter_rows(min_row=2) for c in row]
        assert all(v is None for v in values), name


def _validations_for(ws, cell: str):
    return [dv for dv in ws.data_validations.dataValidation if cell in dv.sqref]


def _resolve(wb, formula: str) -> list:
    m = re.fullmatch(r"=?(?:'([^']+)'|([^'!]+))!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)", formula)
    assert m, f"not a range reference: {formula}"
    sheet = m.group(1) or m.group(2)
    ws = wb[sheet]
    assert m.group(3) == m.group(5)
    return [ws[f"{m.group(3)}{r}"].value for r in range(int(m.group(4)), int(m.group(6)) + 1)]


def test_dropdowns_are_list_ranges_on_every_closed_column(wb, schema):
    for sheet in schema.sheets:
        ws = wb[sheet.name]
        for i, col in enumerate(sheet.columns, start=1):
            letter = get_column_letter(i)
            first, last = f"{letter}2", f"{letter}1048576"  # to the end of the sheet
            dvs = _validations_for(ws, first)
            assert len(dvs) == 1, (sheet.name, col.name)
            dv = dvs[0]
            assert last in dv.sqref and f"{letter}1" in dv.sqref  # the header too: an inserted row is inside
            assert dv.showInputMessage and dv.showErrorMessage, (sheet.name, col.name)
            assert dv.prompt, (sheet.name, col.name)
            if not col.closed:
                assert dv.type != "list", (sheet.name, col.name)
                continue
            assert dv.type == "list"
            f = dv.formula1
            assert not f.startswith("="), f  # OOXML stores formulas without "=", as Excel writes them
            assert LISTS_SHEET in f and '"' not in f, f  # a range on Lists, not an inline list
            assert tuple(_resolve(wb, f)) == col.choices, (sheet.name, col.name)


def test_dropdowns_follow_custom_topics(tmp_path):
    schema = build_schema(["Alpha topic", "Beta topic"])
    wb = load_workbook(write_blank_workbook(schema, tmp_path / "b.xlsx"))
    [dv] = _validations_for(wb["SWOT"], "A2")
    assert _resolve(wb, dv.formula1) == ["Alpha topic", "Beta topic"]


def test_profile_numbers_are_whole_number_validations(wb):
    ws = wb[PROFILE_SHEET]
    for r, f in enumerate(PROFILE_FIELDS, start=2):
        [dv] = _validations_for(ws, f"B{r}")
        assert dv.showInputMessage and dv.prompt == f.help
        assert dv.type == ("whole" if f.kind in ("year", "count") else None), f.label


def test_lists_sheet_holds_the_choices(wb, schema):
    ws = wb[LISTS_SHEET]
    for col, (name, values) in enumerate(schema.lists.items(), start=1):
        assert ws.cell(row=1, column=col).value == name
        got = [ws.cell(row=r, column=col).value for r in range(2, len(values) + 2)]
        assert tuple(got) == values
        assert ws.cell(row=len(values) + 2, column=col).value is None


def test_schema_version_property(wb, schema):
    assert wb.custom_doc_props[VERSION_PROPERTY].value == str(schema.version)


def test_read_me_mentions_every_column_and_allowed_value(wb, schema):
    ws = wb[README_SHEET]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    labels = {str(ws.cell(row=r, column=1).value or "").strip().removesuffix(" (required)")
              for r in range(1, ws.max_row + 1)}
    for f in PROFILE_FIELDS:
        assert f.label in labels, f.label
    for sheet in schema.sheets:
        assert sheet.name in labels
        for c in sheet.columns:
            assert c.name in labels, (sheet.name, c.name)
            for choice in c.choices:
                assert choice in text, (sheet.name, c.name, choice)
    assert "Prepared for: Mov'eo" in text


def test_read_me_marks_required_columns(wb, schema):
    ws = wb[README_SHEET]
    col_a = [str(ws.cell(row=r, column=1).value or "") for r in range(1, ws.max_row + 1)]
    for f in PROFILE_FIELDS:
        assert (f"  {f.label} (required)" in col_a) == f.required, f.label


@pytest.mark.slow
def test_blank_workbook_reads_without_entries(blank_path, schema):
    res = read_workbook(blank_path, schema)
    assert res.cluster is not None and res.cluster.name == "Mov'eo"
    assert res.cluster.step1 == [] and res.cluster.swot == [] and res.cluster.tows == []
    # only the required profile fields that a partner still has to fill in
    assert sorted((i.location.sheet, i.location.cell) for i in res.errors) == [
        (PROFILE_SHEET, "B4"), (PROFILE_SHEET, "B9")]
    assert res.warnings == []


# --- feedback while the partner types (issue 16, item 3) ------------------------------------------


def test_header_rows_read_me_summary_and_lists_are_protected_data_cells_free(wb, schema):
    for name in (README_SHEET, SUMMARY_SHEET, LISTS_SHEET, PROFILE_SHEET, *(s.name for s in schema.sheets)):
        p = wb[name].protection
        assert p.sheet and not p.password, name  # against accidents, not people
        assert not p.insertRows and not p.deleteRows and not p.formatCells, name  # allowed
    assert wb[PROFILE_SHEET]["A1"].protection.locked  # the Cluster sheet's header row
    for sheet in schema.sheets:  # a data sheet's header is free: a row inserted under it copies it
        assert not wb[sheet.name]["A1"].protection.locked, sheet.name
    for sheet in (PROFILE_SHEET, *(s.name for s in schema.sheets)):
        ws = wb[sheet]
        free = [d for d in ws.column_dimensions.values() if d.protection and not d.protection.locked]
        assert any(d.max == 16384 for d in free), sheet  # every column right of the table: rows deletable
    for sheet in schema.sheets:
        ws = wb[sheet.name]
        assert all(not ws.column_dimensions[get_column_letter(i)].protection.locked
                   for i in range(1, len(sheet.columns) + 1)), sheet.name
    assert not wb[PROFILE_SHEET]["B3"].protection.locked and wb[PROFILE_SHEET]["A3"].protection.locked


def _rules(ws) -> dict[str, list[str]]:
    return {str(cf.sqref): [f for rule in cf.rules for f in rule.formula] for cf in ws.conditional_formatting}


def test_incomplete_rows_and_required_fields_turn_red(wb, schema):
    swot = _rules(wb["SWOT"])
    n = 1048576  # to the end of the sheet, from the header (skipped by ROW()>1)
    for letter in "ABD":  # Topic, Quadrant, Entry: required; Group is not
        formula = swot[f"{letter}1:{letter}{n}"][1]
        assert formula.startswith("AND(ROW()>1,COUNTA($A1:$") and f"LEN(TRIM({letter}1))=0" in formula
    assert swot[f"C1:C{n}"] == ["ROW()=1"]  # the header's look only
    for letter in "AB":  # Topic, Quadrant: a value not allowed turns red too
        assert swot[f"{letter}1:{letter}{n}"][2].startswith(f"AND(ROW()>1,AND(LEN(TRIM({letter}1))>0,COUNTIF(cm_")
    notes = _rules(wb[NOTES_SHEET])
    formula = notes[f"C1:C{n}"][1]  # a note's Text; a Label alone is a note's heading, never incomplete
    assert "$A1" not in formula and "$B1" in formula
    profile = _rules(wb[PROFILE_SHEET])
    required = {f"B{r}" for r, f in enumerate(PROFILE_FIELDS, start=2) if f.required}
    assert set(profile) == required


def test_each_sheet_prints_to_the_page_width_with_its_header_row(wb, schema):
    for name in (README_SHEET, PROFILE_SHEET, SUMMARY_SHEET, *(s.name for s in schema.sheets)):
        ws = wb[name]
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) in ((1, 0), ("1", "0")), name
    for name in (PROFILE_SHEET, *(s.name for s in schema.sheets)):
        assert wb[name].print_title_rows in ("1:1", "$1:$1"), name
    assert wb["SWOT"].page_setup.orientation == "landscape"


def test_the_summary_counts_with_formulas(wb, schema):
    ws = wb[SUMMARY_SHEET]
    cells = {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}
    assert cells["A3"] == "SWOT entries" and [cells[f"{x}3"] for x in "BCDE"] == list(QUADRANTS)
    assert cells["A4"] == schema.topics[0]
    # rows with an Entry, the topic and the quadrant in any spelling check reads (the Lists sheet's)
    assert cells["B4"] == ('=SUMPRODUCT(COUNTIFS(\'SWOT\'!$D$2:$D$1048576,"<>",\'SWOT\'!$A$2:$A$1048576,cm_Topics_1,'
                           '\'SWOT\'!$B$2:$B$1048576,cm_Quadrants_Strength))')
    assert wb.calculation.fullCalcOnLoad  # the formulas have no stored results yet


@pytest.mark.slow
def test_libreoffice_prints_the_blank_workbook_a_page_a_sheet(blank_path, tmp_path, convert_with_libreoffice):
    from pypdf import PdfReader
    [pdf] = convert_with_libreoffice([blank_path], tmp_path / "pdf", "pdf")
    visible = [n for n in load_workbook(blank_path).sheetnames if n != LISTS_SHEET]
    assert len(PdfReader(pdf).pages) <= len(visible) + 1  # the Read me may take two


def test_columns_keep_their_widths(wb, schema):
    assert wb[PROFILE_SHEET].column_dimensions["B"].width == 100
    for sheet in schema.sheets:
        ws = wb[sheet.name]
        assert [ws.column_dimensions[get_column_letter(i)].width for i in range(1, len(sheet.columns) + 1)] == [
            c.width for c in sheet.columns], sheet.name


def test_every_sheet_prints_with_a_footer_and_the_structure_is_locked(wb, schema):
    for ws in wb.worksheets:
        footer = ws.oddFooter
        assert footer.left.text == f"Mov'eo · Template version {schema.version}", ws.title
        assert footer.center.text == "&A" and footer.right.text == "Page &P of &N", ws.title
    assert wb.security.lockStructure and not wb.security.workbookPassword  # no sheet added or renamed by accident


def test_the_workbook_records_its_language_and_template_version(tmp_path, schema):
    from competency_maps.model.schema import LANGUAGE_PROPERTY
    wb = load_workbook(write_blank_workbook(schema, tmp_path / "nl.xlsx", "RAI", language="nl"))
    assert wb.custom_doc_props[LANGUAGE_PROPERTY].value == "nl"
    assert wb.custom_doc_props[VERSION_PROPERTY].value == str(schema.version)
    assert wb["SWOT"].oddFooter.right.text == "Pagina &P van &N"
    lists = wb["Lists"]
    col = next(c.column for c in lists[1] if c.value == "Quadrants")
    assert lists.cell(row=2, column=col).value == "Sterkte"  # the Quadrant dropdown, in Dutch
