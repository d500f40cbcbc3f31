"""Workbooks re-saved by LibreOffice (as a partner without Excel would) still read the same."""

from pathlib import Path

import pytest

from competency_maps.xlsx.blank import write_blank_workbook
from competency_maps.inputs.reader import read_workbook
from competency_maps.model.schema import LISTS_SHEET, build_schema

pytestmark = pytest.mark.slow  # builds reports or drives a real client

INPUTS = Path(__file__).resolve().parents[2] / "inputs"


@pytest.fixture(scope="module")
def resaved(tmp_path_factory, convert_with_libreoffice):
    """(original, re-saved) pairs for a blank workbook and a filled sample, in one LibreOffice run."""
    src = tmp_path_factory.mktemp("src")
    blank = write_blank_workbook(build_schema(), src / "blank.xlsx", "Mov'eo")
    sample = src / "moveo.xlsx"
    sample.write_bytes((INPUTS / "moveo.xlsx").read_bytes())
    out = tmp_path_factory.mktemp("libreoffice")
    new_blank, new_sample = convert_with_libreoffice([blank, sample], out / "xlsx")
    return {"blank": (blank, new_blank), "sample": (sample, new_sample)}


def _issues(res):
    return [(i.code, i.location, dict(i.params)) for i in res.issues]


def test_blank_workbook_resaved_by_libreoffice(resaved, schema, comparable):
    original, again = resaved["blank"]
    a, b = read_workbook(original, schema), read_workbook(again, schema)
    assert original.name == again.name  # so that the locations compare equal
    assert comparable(b.cluster) == comparable(a.cluster)
    assert b.cluster.name == "Mov'eo"
    assert _issues(b) == _issues(a)
    # a blank workbook only lacks what the partner must still fill in
    assert [(i.location.sheet, i.location.cell) for i in b.issues] == [("Cluster", "B4"), ("Cluster", "B9")]


def test_blank_workbook_keeps_its_dropdowns_in_libreoffice(resaved, schema):
    from openpyxl import load_workbook

    original, again = resaved["blank"]
    wb = load_workbook(again)
    assert wb.sheetnames == load_workbook(original).sheetnames
    for sheet in schema.sheets:
        ws = wb[sheet.name]
        for letter, col in zip("ABCD", sheet.columns):
            if col.closed:
                dvs = [dv for dv in ws.data_validations.dataValidation
                       if f"{letter}2" in dv.sqref and dv.type == "list"]
                assert dvs and LISTS_SHEET in dvs[0].formula1, (sheet.name, col.name)


def test_filled_sample_resaved_by_libreoffice(resaved, schema, comparable):
    original, again = resaved["sample"]
    a, b = read_workbook(original, schema), read_workbook(again, schema)
    assert a.issues == [] and b.issues == [], [str(i) for i in b.issues]
    assert comparable(b.cluster) == comparable(a.cluster)
    assert [e.row for e in b.cluster.swot] == [e.row for e in a.cluster.swot]


def test_filled_workbook_with_emphasis_resaved_by_libreoffice(tmp_path, make_workbook, sample_cluster,
                                                              schema, comparable, convert_with_libreoffice):
    src = tmp_path / "src"
    src.mkdir()
    original = make_workbook(src, sample_cluster)
    [again] = convert_with_libreoffice([original], tmp_path / "out")
    res = read_workbook(again, schema)
    assert res.issues == [], [str(i) for i in res.issues]
    assert comparable(res.cluster) == comparable(sample_cluster)


def test_a_missing_tool_skips_locally_and_fails_on_ci(require_tool, monkeypatch):
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        require_tool("soffice", "libreoffice")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="required on CI"):
        require_tool("soffice", "libreoffice")


def test_libreoffice_computes_the_summary_as_the_partner_types(resaved, schema):
    """The Summary sheet's formulas (never read by the tool) count what the reader reads."""
    from openpyxl import load_workbook

    from competency_maps.model.schema import QUADRANTS, STRATEGIES, SUMMARY_SHEET
    original, again = resaved["sample"]
    cluster = read_workbook(original, schema).cluster
    ws = load_workbook(again, data_only=True)[SUMMARY_SHEET]
    rows = {r[0]: r[1:] for r in ws.iter_rows(values_only=True) if r[0]}
    swot, tows = cluster.swot_counts(), cluster.tows_counts()
    topics = list(schema.topics)
    got = [list(r) for r in ws.iter_rows(min_row=4, max_row=3 + len(topics), min_col=2, max_col=5,
                                         values_only=True)]
    assert got == [[swot.get((t, q), 0) for q in QUADRANTS] for t in topics]
    start = 3 + len(topics) + 4 + 2  # the TOWS table's header row (after the SWOT table's 4 problem rows)
    got = [list(r) for r in ws.iter_rows(min_row=start + 1, max_row=start + len(topics), min_col=2,
                                         max_col=5, values_only=True)]
    assert got == [[tows.get((t, s), 0) for s in STRATEGIES] for t in topics]
    assert rows["Rows in Step 1"][0] == len(cluster.step1)
