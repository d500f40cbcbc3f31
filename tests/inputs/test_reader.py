import zipfile
from dataclasses import replace

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from competency_maps.errors import Severity
from competency_maps.model.cluster import SwotEntry
from competency_maps.inputs.reader import read_workbook
from competency_maps.model.richtext import Block, BlockKind, Span
from competency_maps.model.schema import PROFILE_SHEET
from conftest import typed

FILE = "cluster.xlsx"


@pytest.fixture
def read(schema):
    return lambda path: read_workbook(path, schema)


def at(result, sheet, cell=""):
    return [i for i in result.issues if i.location.sheet == sheet and i.location.cell == cell]


def only_error_at(result, sheet, cell):
    """The one issue of the file: an error at sheet › cell, named in its text."""
    assert len(result.issues) == 1, [str(i) for i in result.issues]
    [issue] = result.issues
    assert issue.severity is Severity.ERROR
    assert (issue.location.file, issue.location.sheet, issue.location.cell) == (FILE, sheet, cell)
    where = f"{FILE} › {sheet} › {cell}" if cell else f"{FILE} › {sheet}"
    assert where in str(issue)
    return issue


def only_warning_at(result, sheet, cell):
    assert len(result.issues) == 1, [str(i) for i in result.issues]
    [issue] = result.issues
    assert issue.severity is Severity.WARNING
    assert (issue.location.file, issue.location.sheet, issue.location.cell) == (FILE, sheet, cell)
    assert str(issue).startswith("WARNING ")
    return issue


# --- round trip --------------------------------------------------------------------------------


def test_round_trip_gives_the_same_model(tmp_path, make_workbook, sample_cluster, read, comparable):
    res = read(make_workbook(tmp_path, sample_cluster))
    assert res.issues == []
    assert comparable(res.cluster) == comparable(sample_cluster)
    assert res.cluster.source == tmp_path / FILE


def test_round_trip_details(tmp_path, make_workbook, sample_cluster, read):
    c = read(make_workbook(tmp_path, sample_cluster)).cluster
    assert c.profile.founded == 2010 and c.profile.members == 120 and c.profile.smes == 80
    assert c.profile.about == (Span("A "), Span("test", bold=True), Span(" cluster with "),
                               Span("emphasis", italic=True), Span("."))
    assert c.step1[1].text == (Span("We learnt "), Span("a lot", bold=True), Span(" from "),
                               Span("ESCA", italic=True), Span("."))
    assert [b.number for b in c.step1 if b.kind is BlockKind.NUMBERED] == [1, 2, 1]
    assert c.step1[8].plain == "First line\nsecond line"
    assert c.step1[9].text == (Span("Bold and italic", bold=True, italic=True),)
    assert c.swot[1].text == (Span("Strength 1b with "), Span("bold", bold=True),
                              Span("\nand a second line"))
    assert [e.row for e in c.swot[:3]] == [2, 3, 4]
    assert c.tows[3].format == "Paragraph" and c.tows[0].format == "Bullet"


def test_round_trip_of_an_empty_optional_profile(tmp_path, make_workbook, sample_cluster, read, comparable):
    sample_cluster.profile = replace(sample_cluster.profile, full_name="", founded=None, members=None,
                                     smes=None, website="")
    res = read(make_workbook(tmp_path, sample_cluster))
    assert res.issues == []
    assert comparable(res.cluster) == comparable(sample_cluster)


# --- tolerance ---------------------------------------------------------------------------------


def test_tolerates_case_plurals_and_dashes(tmp_path, make_workbook, read, schema):
    res = read(make_workbook(tmp_path, edit=typed({
        "SWOT!B2": "strengths",
        "SWOT!B3": " Threat ",
        "TOWS!B2": "S\u2013O",
        "TOWS!C2": "paragraph",
        "Step 1!A2": "heading",
        "SWOT!A2": "Cluster\u2019s business model and internal management",
    })))
    assert res.errors + res.warnings == []  # B3 moves a Financial entry among the Threats: an info
    c = res.cluster
    assert (c.swot[0].topic, c.swot[0].quadrant) == (schema.topics[0], "Strength")
    assert c.swot[1].quadrant == "Threat"
    assert (c.tows[0].strategy, c.tows[0].format) == ("S-O", "Paragraph")
    assert c.step1[0].kind is BlockKind.HEADING


def test_empty_style_and_format_take_their_defaults(tmp_path, make_workbook, read):
    c = read(make_workbook(tmp_path, edit=typed({
        "Step 1!A3": None,
        "TOWS!C5": None,  # was Paragraph (W-T)
    }))).cluster
    assert c.step1[1].kind is BlockKind.PARAGRAPH
    assert c.tows[3].format == "Bullet"


def test_blank_rows_in_between_are_skipped(tmp_path, schema, make_workbook, read):
    t = schema.topics[0]

    def edit(wb):
        ws = wb["SWOT"]
        ws.delete_rows(2, ws.max_row)
        ws.append([t, "Strength", None, "first"])
        ws.append([None, None, None, None])
        ws.append([None, "   ", None, "  "])  # spaces only: blank as well
        ws.append([t, "Weakness", None, "second"])

    res = read(make_workbook(tmp_path, edit=edit))
    assert res.issues == []
    assert [(e.plain, e.row) for e in res.cluster.swot] == [("first", 2), ("second", 5)]


def test_number_typed_in_entry_is_text(tmp_path, make_workbook, read):
    res = read(make_workbook(tmp_path, edit=typed({"SWOT!D2": 42, "SWOT!D3": 3.0, "SWOT!D4": 2.5})))
    assert res.issues == []
    assert [e.plain for e in res.cluster.swot[:3]] == ["42", "3", "2.5"]


def test_numbers_typed_as_text_in_profile(tmp_path, make_workbook, read):
    res = read(make_workbook(tmp_path, edit=typed({
        "Cluster!B5": " 2006 ",
        "Cluster!B6": "1 234",
        "Cluster!B7": "1,000",
    })))
    assert res.issues == []
    p = res.cluster.profile
    assert (p.founded, p.members, p.smes) == (2006, 1234, 1000)


def test_line_breaks_and_spaces_in_a_cell(tmp_path, make_workbook, read):
    c = read(make_workbook(tmp_path, edit=typed({"SWOT!D2": "  first line\r\nsecond line\n  "}))).cluster
    assert c.swot[0].plain == "first line\nsecond line"


def test_a_line_break_has_no_emphasis_of_its_own(tmp_path, make_workbook, read):
    # LibreOffice saves "**bold**\nnext" with the break inside the bold run
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    c = read(make_workbook(tmp_path, edit=typed({
        "SWOT!D2": CellRichText([TextBlock(InlineFont(b=True), "bold\n"), "next"]),
        "SWOT!D3": CellRichText(["a", TextBlock(InlineFont(i=True), "b\nc")]),
    }))).cluster
    assert c.swot[0].text == (Span("bold", bold=True), Span("\nnext"))
    assert c.swot[1].text == (Span("a"), Span("b", italic=True), Span("\n"), Span("c", italic=True))


def test_whole_cell_bold_counts_as_bold(tmp_path, make_workbook, read):
    from openpyxl.styles import Font

    def edit(wb):
        wb["Step 1"]["B4"].font = Font(bold=True)  # "First bullet", a plain-text cell

    c = read(make_workbook(tmp_path, edit=edit)).cluster
    assert c.step1[2].text == (Span("First bullet", bold=True),)


def test_renamed_sheet_with_other_case_or_spacing_is_accepted(tmp_path, make_workbook, read):
    def edit(wb):
        wb["SWOT"].title = "Swot "
        wb["Step 1"].title = "step1"

    res = read(make_workbook(tmp_path, edit=edit))
    assert res.issues == []
    assert len(res.cluster.swot) == 24 and len(res.cluster.step1) == 10


def test_headers_in_another_order_are_followed(tmp_path, make_workbook, read, sample_cluster, comparable):
    def edit(wb):
        ws = wb["SWOT"]
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            row[0].value, row[3].value = row[3].value, row[0].value

    res = read(make_workbook(tmp_path, sample_cluster, edit=edit))
    assert res.issues == []
    assert comparable(res.cluster) == comparable(sample_cluster)


# --- every problem, with its cell --------------------------------------------------------------


def test_missing_sheet(tmp_path, make_workbook, read):
    res = read(make_workbook(tmp_path, edit=lambda wb: wb.remove(wb["TOWS"])))
    issue = only_error_at(res, "TOWS", "")
    assert issue.code == "sheet.missing" and issue.params["name"] == "TOWS"
    assert res.cluster is not None and res.cluster.tows == []


def test_renamed_sheet(tmp_path, make_workbook, read):
    def edit(wb):
        wb["SWOT"].title = "SWOT analysis"

    res = read(make_workbook(tmp_path, edit=edit))
    [err] = res.errors
    assert (err.location.file, err.location.sheet, err.location.cell) == (FILE, "SWOT", "")
    assert err.code == "sheet.missing" and err.params["name"] == "SWOT" and "SWOT analysis" in err.params["found"]
    [warn] = res.warnings
    assert warn.location.sheet == "SWOT analysis"
    assert warn.code == "sheet.unknown"
    assert res.cluster.swot == [] and res.cluster.step1 and res.cluster.tows  # the rest is still read


def test_missing_profile_sheet_gives_no_cluster(tmp_path, make_workbook, read):
    res = read(make_workbook(tmp_path, edit=lambda wb: wb.remove(wb["Cluster"])))
    only_error_at(res, PROFILE_SHEET, "")
    assert res.cluster is None


def test_renamed_header(tmp_path, make_workbook, read):
    res = read(make_workbook(tmp_path, edit=typed({"SWOT!C1": "Category"})))
    issue = only_error_at(res, "SWOT", "C1")
    assert "SWOT › C1" in str(issue)
    assert issue.code == "header.missing" and (issue.params["name"], issue.params["found"]) == ("Group", "Category")
    assert res.cluster.swot == []  # the sheet cannot be read without its headers


def test_deleted_header(tmp_path, make_workbook, read):
    issue = only_error_at(read(make_workbook(tmp_path, edit=typed({"TOWS!B1": None}))), "TOWS", "B1")
    assert issue.code == "header.missing.empty" and issue.params["name"] == "Strategy"


def test_renamed_profile_header(tmp_path, make_workbook, read):
    res = read(make_workbook(tmp_path, edit=typed({"Cluster!B1": "Answer"})))
    only_error_at(res, PROFILE_SHEET, "B1")
    assert res.cluster is None


def test_value_outside_a_dropdown(tmp_path, make_workbook, read):
    res = read(make_workbook(tmp_path, edit=typed({"SWOT!B2": "Stength"})))
    issue = only_error_at(res, "SWOT", "B2")
    assert issue.code == "cell.choice.unknown.close" and issue.params["value"] == "Stength"
    assert issue.params["choices"] == ("Strength", "Weakness", "Opportunity", "Threat")
    assert len(res.cluster.swot) == 23  # the row is not used


@pytest.mark.parametrize("sheet, cell, value", [
    ("SWOT", "A3", "Cluster's finances"),
    ("TOWS", "B3", "S-X"),
    ("TOWS", "C3", "Table"),
    ("Step 1", "A3", "Banner"),
])
@pytest.mark.slow
def test_values_outside_other_dropdowns(tmp_path, make_workbook, read, sheet, cell, value):
    def edit(wb):
        wb[sheet][cell] = value

    issue = only_error_at(read(make_workbook(tmp_path, edit=edit)), sheet, cell)
    assert issue.code.startswith("cell.choice.unknown") and issue.params["value"] == value


@pytest.mark.parametrize("cell, column", [("A2", "Topic"), ("B2", "Quadrant")])
def test_entry_without_topic_or_quadrant(tmp_path, make_workbook, read, cell, column):
    def edit(wb):
        wb["SWOT"][cell] = None

    res = read(make_workbook(tmp_path, edit=edit))
    issue = only_error_at(res, "SWOT", cell)
    assert issue.code == "entry.choice.missing"
    assert (issue.params["column"], issue.params["entry_cell"]) == (column, "D2")
    assert len(res.cluster.swot) == 23


def test_tows_entry_without_strategy(tmp_path, make_workbook, read):
    issue = only_error_at(read(make_workbook(tmp_path, edit=typed({"TOWS!B4": None}))), "TOWS", "B4")
    assert issue.code == "entry.choice.missing" and issue.params["column"] == "Strategy"


def test_row_without_entry_is_a_warning(tmp_path, make_workbook, read):
    issue = only_warning_at(read(make_workbook(tmp_path, edit=typed({"SWOT!D2": None}))), "SWOT", "D2")
    assert issue.code == "entry.empty"


def test_style_without_text_is_a_warning(tmp_path, make_workbook, read):
    only_warning_at(read(make_workbook(tmp_path, edit=typed({"Step 1!B3": None}))), "Step 1", "B3")


@pytest.mark.parametrize("label, cell", [("Short name", "B2"), ("Country", "B4"), ("About", "B9")])
def test_empty_required_profile_field(tmp_path, make_workbook, read, label, cell):
    def edit(wb):
        wb["Cluster"][cell] = None

    res = read(make_workbook(tmp_path, edit=edit))
    issue = only_error_at(res, PROFILE_SHEET, cell)
    assert issue.code == "profile.required.empty" and issue.params["field"] == label
    if label == "Short name":
        assert res.cluster is None
    else:
        assert res.cluster is not None


def test_required_field_of_spaces_only_is_empty(tmp_path, make_workbook, read):
    only_error_at(read(make_workbook(tmp_path, edit=typed({"Cluster!B4": "   "}))), PROFILE_SHEET, "B4")


def test_missing_profile_row(tmp_path, make_workbook, read):
    def edit(wb):
        wb["Cluster"].delete_rows(8)  # Website

    issue = only_error_at(read(make_workbook(tmp_path, edit=edit)), PROFILE_SHEET, "A")
    assert issue.code == "profile.row.missing" and issue.params["field"] == "Website"


def test_profile_rows_in_another_order(tmp_path, make_workbook, read):
    def edit(wb):
        ws = wb["Cluster"]
        ws["A3"], ws["B3"], ws["A4"], ws["B4"] = "Country", "Belgium", "Full name", "TCA"

    res = read(make_workbook(tmp_path, edit=edit))
    assert res.issues == []
    assert (res.cluster.profile.country, res.cluster.profile.full_name) == ("Belgium", "TCA")


@pytest.mark.parametrize("cell, value", [("B5", "two thousand"), ("B5", 1700), ("B6", "many"),
                                         ("B6", -3), ("B7", 12.5), ("B7", "1,5"),
                                         ("B6", "1,234.00"), ("B5", 2006.5)])
@pytest.mark.slow
def test_bad_numbers_in_profile(tmp_path, make_workbook, read, cell, value):
    def edit(wb):
        wb["Cluster"][cell] = value

    issue = only_error_at(read(make_workbook(tmp_path, edit=edit)), PROFILE_SHEET, cell)
    assert issue.code in ("profile.year.invalid", "profile.number.invalid")
    assert issue.params["value"] == str(value)


@pytest.mark.parametrize("sheet, cell", [("SWOT", "D2"), ("SWOT", "B3"), ("Step 1", "B2"),
                                         ("TOWS", "A2"), ("Cluster", "B3"), ("Cluster", "B4")])
@pytest.mark.slow
def test_formula_where_text_is_expected(tmp_path, make_workbook, read, sheet, cell):
    def edit(wb):
        wb[sheet][cell] = "=A1"

    issue = only_error_at(read(make_workbook(tmp_path, edit=edit)), sheet, cell)
    assert issue.code == "cell.formula" and issue.params["formula"] == "=A1"


@pytest.mark.parametrize("sheet, cell", [("SWOT", "D2"), ("TOWS", "B2"), ("Cluster", "B9")])
def test_error_value(tmp_path, make_workbook, read, sheet, cell):
    def edit(wb):
        wb[sheet][cell] = "#N/A"

    issue = only_error_at(read(make_workbook(tmp_path, edit=edit)), sheet, cell)
    assert issue.code == "cell.error_value" and issue.params["value"] == "#N/A"


def test_merged_cells_in_the_data_area(tmp_path, make_workbook, read):
    def edit(wb):
        wb["TOWS"].merge_cells("D2:E2")  # within one row: nothing else is lost

    issue = only_error_at(read(make_workbook(tmp_path, edit=edit)), "TOWS", "D2:E2")
    assert issue.code == "cells.merged"


def test_merged_topic_cells_down_a_column(tmp_path, make_workbook, read):
    # a common layout: one Topic cell merged over its entries; the rows below lose their Topic
    def edit(wb):
        wb["SWOT"].merge_cells("A2:A4")

    res = read(make_workbook(tmp_path, edit=edit))
    assert [(i.location.sheet, i.location.cell) for i in res.errors] == [
        ("SWOT", "A2:A4"), ("SWOT", "A3"), ("SWOT", "A4")]
    assert [i.code for i in res.errors] == ["cells.merged", "entry.choice.missing", "entry.choice.missing"]


def test_merged_cells_in_the_header_row_only_are_fine(tmp_path, make_workbook, read):
    def edit(wb):
        ws = wb["SWOT"]
        ws["F1"] = "Notes"
        ws.merge_cells("F1:G1")

    res = read(make_workbook(tmp_path, edit=edit))
    assert res.errors == []


def test_unknown_extra_sheet(tmp_path, make_workbook, read):
    def edit(wb):
        wb.create_sheet("Notes")["A1"] = "my notes"

    issue = only_warning_at(read(make_workbook(tmp_path, edit=edit)), "Notes", "")
    assert issue.code == "sheet.unknown" and issue.params["name"] == "Notes"


def test_columns_and_text_outside_the_standard_ones_are_warnings(tmp_path, make_workbook, read, monkeypatch):
    def edit(wb):
        wb["SWOT"]["E1"], wb["SWOT"]["E3"] = "Comment", "see HR plan"  # a column of one's own
        wb["SWOT"]["F3"] = "a comment"
        wb["TOWS"]["G40"] = "forgotten"  # on a blank row
        wb["SWOT"]["XFD2"] = "far away"  # the last column Excel has

    path = make_workbook(tmp_path, edit=edit)
    created: list[tuple[str, int, int]] = []  # cells the reader asks for that the file does not hold
    get_cell = Worksheet._get_cell

    def counted(ws, row, column):
        if (row, column) not in ws._cells:
            created.append((ws.title, row, column))
        return get_cell(ws, row, column)

    monkeypatch.setattr(Worksheet, "_get_cell", counted)
    res = read(path)
    # each existing cell visited, none created: nothing filled in up to XFD (16,384 columns), whatever the machine
    assert max((column for _, _, column in created), default=0) <= 8 and len(created) < 1000, created[:5]
    where = sorted((i.severity.value, i.location.file, i.location.sheet, i.location.cell) for i in res.issues)
    assert where == [("warning", FILE, "SWOT", c) for c in ("E1", "E3", "F3", "XFD2")] + [
        ("warning", FILE, "TOWS", "G40")]
    for i in res.issues:
        if i.location.cell == "E1":
            assert i.code == "column.extra" and i.params["label"] == "Comment"
        else:
            assert i.code == "cell.outside_columns"
    assert len(res.cluster.swot) == 24  # the entries are all read


def test_unknown_profile_field_with_a_value(tmp_path, make_workbook, read):
    def edit(wb):
        wb["Cluster"]["A12"], wb["Cluster"]["B12"] = "Budget", "1 M€"

    issue = only_warning_at(read(make_workbook(tmp_path, edit=edit)), PROFILE_SHEET, "A12")
    assert issue.code == "profile.field.unknown" and issue.params["label"] == "Budget"


def _patch_xml(path, old: str, new: str):
    """Replace text in the workbook's XML, as Excel would have written it."""
    data = {}
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        for i in infos:
            data[i.filename] = z.read(i.filename)
    hits = [n for n, d in data.items() if old.encode() in d]
    assert hits, old
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for i in infos:
            z.writestr(i.filename, data[i.filename].replace(old.encode(), new.encode()))


def test_excel_escaped_carriage_return_is_a_line_break(tmp_path, make_workbook, read):
    # text pasted with Windows line ends is saved by Excel as "_x000D_" + LF
    path = make_workbook(tmp_path, edit=typed({"SWOT!D2": "first lineMARK\nsecond _x line"}))
    _patch_xml(path, "MARK", "_x000D_")
    res = read(path)
    assert res.issues == []
    assert res.cluster.swot[0].plain == "first line\nsecond _x line"


def test_escaped_underscore_stays_literal(tmp_path, make_workbook, read):
    # a typed "_x0041_" is written by Excel as "_x005F_x0041_" and must come back as typed
    path = make_workbook(tmp_path, edit=typed({"SWOT!D2": "codeMARK"}))
    _patch_xml(path, "MARK", "_x005F_x0041_")
    assert read(path).cluster.swot[0].plain == "code_x0041_"


def test_every_problem_is_reported_at_once(tmp_path, make_workbook, read):
    res = read(make_workbook(tmp_path, edit=typed({
        "SWOT!B2": "Stength",
        "SWOT!D5": "=A1",
        "TOWS!B3": None,
        "Cluster!B4": None,
    })))
    assert sorted((i.location.sheet, i.location.cell) for i in res.errors) == [
        ("Cluster", "B4"), ("SWOT", "B2"), ("SWOT", "D5"), ("TOWS", "B3")]


def test_swot_entry_keeps_its_row(tmp_path, make_workbook, read):
    res = read(make_workbook(tmp_path))
    assert isinstance(res.cluster.swot[5], SwotEntry) and res.cluster.swot[5].row == 7
    assert isinstance(res.cluster.step1[0], Block)


def test_characters_no_bundled_font_draws_are_warned_with_the_cell(tmp_path, make_workbook, read):
    res = read(make_workbook(tmp_path, edit=typed({"SWOT!D2": "Partner in 中国 and 日本", "SWOT!D3": "שלום नमस्ते"})))
    issue = only_warning_at(res, "SWOT", "D2")
    assert issue.code == "text.glyphs.missing" and issue.params["characters"] == "'中 国 日 本'"
    assert res.cluster.swot[0].plain == "Partner in 中国 and 日本"  # kept as typed
