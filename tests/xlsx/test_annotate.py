"""`build.py check FILE… --annotate DIR`: a copy of each workbook with its problems marked, which
opens in LibreOffice with its comments and Check sheet, and checks clean once the fixes are typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font

from competency_maps import messages
from competency_maps.errors import Severity
from competency_maps.xlsx.annotate import AUTHOR
from competency_maps.inputs.reader import read_workbook
from conftest import INPUTS, parts, typed, write_parts
from recording import Run, run

# A workbook as a hurried partner returns it: each cell typed here is a problem of its own.
PROBLEMS = {
    "SWOT!B2": "Weakness, Threat",  # two quadrants in one cell: an error
    "Cluster!B4": None,  # Country, required: an error
    "TOWS!D3": "TBD",  # a placeholder: a warning
    "SWOT!F5": "ask Anna",  # beside the table: a warning
    "SWOT!D6": "• Matchmaking\n• Training",  # split in two entries: information only
}
FIXES = {"SWOT!B2": "Weakness", "Cluster!B4": "Belgium", "TOWS!D3": "S-T for topic 1, at last",
         "SWOT!F5": None}


def check(*args) -> Run:
    """`build.py check ARGS…` with a recording console: unpacks as (exit code, what it printed)."""
    return run("--inputs", INPUTS, "check", *args)


@pytest.fixture
def returned(tmp_path, make_workbook) -> Path:
    (tmp_path / "returned").mkdir()
    return make_workbook(tmp_path / "returned", edit=typed(PROBLEMS), name="Moveo.xlsx")


@pytest.mark.slow
def test_the_copy_marks_every_problem_in_its_cell(tmp_path, returned):
    before = returned.read_bytes()
    code, out = r = check(returned, "--annotate", tmp_path / "annotated")
    copy = tmp_path / "annotated" / "Moveo.xlsx"
    assert code == 1 and r.lines("console.check.annotated") == [{"file": str(copy)}]
    assert returned.read_bytes() == before  # the partner's own file is untouched
    wb = load_workbook(copy)
    assert wb.sheetnames[0] == "Check" and wb.active.title == "Check"
    for ref in ("SWOT!B2", "Cluster!B4", "TOWS!D3", "SWOT!F5"):
        sheet, cell = ref.split("!")
        c = wb[sheet][cell]
        [found] = r.at("Moveo.xlsx", sheet, cell)
        assert c.comment is not None and c.comment.author == AUTHOR and found.message in c.comment.text, ref
        assert c.fill.fgColor.rgb.endswith(("FFC7CE", "FFEB9C")), ref
    assert wb["SWOT"]["D6"].comment is None  # information is listed, not marked
    rows = list(wb["Check"].iter_rows(min_row=4, values_only=True))
    assert sorted(r[0] for r in rows[:2]) == ["Cluster › B4", "SWOT › B2"]  # errors first
    assert {r[1] for r in rows} == {"Error", "Warning", "For information"}
    links = {wb["Check"].cell(row=r, column=1).value: wb["Check"].cell(row=r, column=1).hyperlink
             for r in range(4, 4 + len(rows))}
    assert links["SWOT › B2"].location == "'SWOT'!B2" and links["Cluster › B4"].location == "'Cluster'!B4"


@pytest.mark.slow
def test_the_copy_opens_in_libreoffice_and_checks_clean_once_fixed(tmp_path, returned,
                                                                   convert_with_libreoffice):
    first = check(returned, "--annotate", tmp_path / "annotated")
    # the partner opens the copy in LibreOffice and saves it: comments and Check sheet are kept
    [resaved] = convert_with_libreoffice([tmp_path / "annotated" / "Moveo.xlsx"], tmp_path / "lo")
    wb = load_workbook(resaved)
    assert wb.sheetnames[0] == "Check"
    for sheet, cell in (("SWOT", "B2"), ("Cluster", "B4")):
        [found] = first.at("Moveo.xlsx", sheet, cell)
        assert found.message in wb[sheet][cell].comment.text
    assert wb["Check"]["A4"].hyperlink is not None
    typed(FIXES)(wb)  # the partner types the fixes into the copy
    wb.save(resaved)
    code, out = r = check(resaved)
    assert code == 0, out
    [head] = r.lines("console.check.file")
    assert not [i for i in r.issues if i.severity.value != "info"]  # the bulleted cell's information stays
    assert (head["errors"].code, head["warnings"].params) == ("console.count.ok", {"count": 0})


@pytest.mark.slow
def test_annotating_again_replaces_the_earlier_marks(tmp_path, returned):
    check(returned, "--annotate", tmp_path / "first")
    copy = tmp_path / "first" / "Moveo.xlsx"
    wb = load_workbook(copy, rich_text=True)
    typed(FIXES)(wb)
    wb.save(copy)
    code, out = r = check(copy, "--annotate", tmp_path / "second")
    assert code == 0, out
    again = load_workbook(tmp_path / "second" / "Moveo.xlsx")
    assert again.sheetnames.count("Check") == 1
    assert all(c.comment is None for ws in again.worksheets for row in ws.iter_rows() for c in row)
    assert again["SWOT"]["B2"].fill.fill_type is None  # the highlight of the fixed cell is gone
    assert again["Check"]["A1"].value == messages.render("annotate.summary", {"file": "Moveo.xlsx", "errors": 0,
                                                                               "warnings": 0}).message


def test_the_copy_never_replaces_the_original(tmp_path, returned):
    before = returned.read_bytes()
    code, out = r = check(returned, "--annotate", returned.parent)
    assert "console.check.not_annotated" in r.codes()
    assert [i.code for i in r.issues if i.code.startswith("annotate.")] == ["annotate.same_file"]
    assert returned.read_bytes() == before


def test_a_file_that_is_no_workbook_gets_no_copy(tmp_path):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    code, out = r = check(bad, "--annotate", tmp_path / "annotated")
    assert code == 1 and "console.check.not_annotated" in r.codes()
    assert [(i.code, i.location.file) for i in r.issues] == [("workbook.not_zip", "notes.xlsx")] * 2  # read, copy
    assert "Traceback" not in out and not (tmp_path / "annotated" / "notes.xlsx").exists()


def test_a_struck_row_in_the_copy_keeps_its_strike(tmp_path, make_workbook):
    def edit(wb):
        wb["SWOT"]["D2"].font = Font(strike=True)

    path = make_workbook(tmp_path, edit=edit)
    check(path, "--annotate", tmp_path / "annotated")
    wb = load_workbook(tmp_path / "annotated" / path.name)
    assert wb["SWOT"]["D2"].font.strike and "struck through" in wb["SWOT"]["D2"].comment.text


def test_dropdowns_the_copy_would_lose_are_put_back(tmp_path, make_workbook, schema):
    # Excel stores a dropdown whose list is on another sheet in an extension openpyxl cannot keep
    def edit(wb):
        wb["SWOT"].data_validations.dataValidation = []

    path = make_workbook(tmp_path, edit=edit)
    check(path, "--annotate", tmp_path / "annotated")
    ws = load_workbook(tmp_path / "annotated" / path.name)["SWOT"]
    from competency_maps.xlsx.blank import list_refs
    [topics] = [dv for dv in ws.data_validations.dataValidation if dv.type == "list" and "A2" in dv.sqref]
    assert topics.formula1 == list_refs(schema)["Topics"]


def test_text_typed_as_a_formula_stays_text_in_the_copy(tmp_path, make_workbook):
    """A partner's "=…" typed as text, and the Check sheet quoting it, are string cells in the copy."""
    hyperlink = '=HYPERLINK("http://example.org/?leak=1","click")'

    def edit(wb):
        for ref, value in (("SWOT!D3", hyperlink), ("SWOT!B2", '=WEBSERVICE("http://example.org")'),
                           ("TOWS!D2", "#N/A")):
            sheet, cell = ref.split("!")
            wb[sheet][cell] = value
            wb[sheet][cell].data_type = "s"
        wb.create_sheet("=1+1")["A1"] = "a sheet whose name looks like a formula"

    path = make_workbook(tmp_path, edit=edit, name="Moveo.xlsx")
    code, out = r = check(path, "--annotate", tmp_path / "annotated")
    copy = tmp_path / "annotated" / "Moveo.xlsx"
    assert code == 1 and copy.exists(), out
    wb = load_workbook(copy)
    assert wb["SWOT"]["D3"].value == hyperlink and wb["SWOT"]["D3"].data_type == "s"
    assert wb["SWOT"]["B2"].data_type == "s" and wb["TOWS"]["D2"].data_type == "s"
    check_cells = [c for row in wb["Check"].iter_rows() for c in row if isinstance(c.value, str)]
    assert check_cells and {c.data_type for c in check_cells} == {"s"}
    assert any(c.value.startswith("=1+1") for c in check_cells)  # the place of the odd sheet's issue


def _chart_sheet(wb, title: str) -> None:
    """`title` becomes a chart sheet at the same place (a partner who moved a chart onto its own sheet)."""
    data = wb.create_sheet("data")
    data.append([1])
    index = wb.sheetnames.index(title)
    wb.remove(wb[title])
    bars = BarChart()
    bars.add_data(Reference(data, min_col=1, min_row=1, max_row=1))
    wb.create_chartsheet(title, index).add_chart(bars)


def test_merged_entry_cells_are_marked_on_their_first_cell(tmp_path, make_workbook):
    def edit(wb):
        ws = wb["SWOT"]
        ws["B3"] = "Strenght"
        ws.merge_cells("B2:B3")  # an issue at B3, a read-only merged cell
        ws.merge_cells("D4:D5")

    path = make_workbook(tmp_path, edit=edit, name="Merged.xlsx")
    code, out = r = check(path, "--annotate", tmp_path / "annotated")
    assert code == 1 and "console.internal_error" not in r.codes() and "SWOT › B2:B3" in out, out
    wb = load_workbook(tmp_path / "annotated" / "Merged.xlsx")
    assert wb["SWOT"]["B2"].comment is not None and "D3" in wb["SWOT"]["B2"].comment.text
    assert wb["SWOT"]["D4"].comment is not None


@pytest.mark.parametrize("title", ["SWOT", "Lists", "Cluster"])
def test_a_chart_sheet_where_a_sheet_of_cells_belongs_is_a_located_error(tmp_path, make_workbook, title):
    def edit(wb):
        _chart_sheet(wb, title)
        if title != "SWOT":
            wb["SWOT"]["B2"] = "Strenght"

    path = make_workbook(tmp_path, edit=edit, name="Chart.xlsx")
    code, out = r = check(path, "--annotate", tmp_path / "annotated")
    copy = tmp_path / "annotated" / "Chart.xlsx"
    assert code == 1 and "console.internal_error" not in r.codes() and copy.exists(), out
    assert title in load_workbook(copy).sheetnames  # the partner's chart sheet is kept
    if title != "Lists":  # the check's own issues: the file is read once
        assert [(i.code, i.location.sheet) for i in r.issues if i.code == "sheet.chart"
                and i.severity is Severity.ERROR] == [("sheet.chart", title)]


def _strict(source: Path, target: Path) -> Path:
    """The same workbook in Strict Open XML's namespaces, as Excel's "Strict Open XML Spreadsheet" saves it."""
    members = {name: data.replace(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                  b"http://purl.oclc.org/ooxml/spreadsheetml/main")
               .replace(b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                        b"http://purl.oclc.org/ooxml/officeDocument/relationships")
               for name, data in parts(source).items()}
    return write_parts(target, members)


def test_a_strict_open_xml_workbook_is_named_and_gets_no_copy(tmp_path, make_workbook, schema):
    strict = _strict(make_workbook(tmp_path, name="plain.xlsx"), tmp_path / "Strict.xlsx")
    code, out = r = check(strict, "--annotate", tmp_path / "annotated")
    assert code == 1 and {i.code for i in r.issues} == {"workbook.strict"} and "console.internal_error" not in r.codes(), out
    assert not (tmp_path / "annotated" / "Strict.xlsx").exists()
    res = read_workbook(strict, schema)
    assert [i.code for i in res.errors] == ["workbook.strict"]


def test_a_workbook_of_chart_sheets_only_gets_no_copy(tmp_path):
    """A copy holding only the Check sheet would lose everything of the partner's: none is written."""
    from openpyxl import Workbook
    wb = Workbook()
    data = wb.active
    data.append([1])
    bars = BarChart()
    bars.add_data(Reference(data, min_col=1, min_row=1, max_row=1))
    wb.create_chartsheet("Chart").add_chart(bars)
    wb.remove(data)
    path = tmp_path / "Charts.xlsx"
    wb.save(path)
    code, out = r = check(path, "--annotate", tmp_path / "annotated")
    assert code == 1 and "console.internal_error" not in r.codes()
    assert not (tmp_path / "annotated" / "Charts.xlsx").exists()
