"""Checks across cells (validate.py), run on workbooks as `check` runs them."""

from dataclasses import replace

from competency_maps.errors import Severity
from competency_maps.reader import read_workbook
from competency_maps.validate import validate_cluster

FILE = "cluster.xlsx"


def check(path, schema):
    res = read_workbook(path, schema)
    assert res.issues == [], [str(i) for i in res.issues]
    return validate_cluster(res.cluster, schema.topics)


def locations(issues):
    return [(i.severity, i.location.file, i.location.sheet, i.location.cell) for i in issues]


def test_the_sample_cluster_is_complete(tmp_path, make_workbook, schema):
    assert check(make_workbook(tmp_path), schema) == []


def test_smes_greater_than_members(tmp_path, make_workbook, schema):
    def edit(wb):
        wb["Cluster"]["B6"], wb["Cluster"]["B7"] = 10, 20

    [issue] = check(make_workbook(tmp_path, edit=edit), schema)
    assert locations([issue]) == [(Severity.ERROR, FILE, "Cluster", "B7")]
    assert "SMEs (20) is greater than Members (10)" in issue.message
    assert f"{FILE} › Cluster › B7" in str(issue)


def test_smes_equal_to_members_or_unknown_is_fine(tmp_path, make_workbook, schema):
    def edit(wb):
        wb["Cluster"]["B6"], wb["Cluster"]["B7"] = 20, 20

    assert check(make_workbook(tmp_path, edit=edit), schema) == []

    def edit2(wb):
        wb["Cluster"]["B6"], wb["Cluster"]["B7"] = None, 20

    assert check(make_workbook(tmp_path, edit=edit2, name="b.xlsx"), schema) == []


def test_a_quadrant_with_no_entries_is_a_warning(tmp_path, make_workbook, sample_cluster, schema):
    sample_cluster.swot = [e for e in sample_cluster.swot if e.quadrant != "Opportunity"]
    [issue] = check(make_workbook(tmp_path, sample_cluster), schema)
    assert locations([issue]) == [(Severity.WARNING, FILE, "SWOT", "")]
    assert "no Opportunities" in issue.message
    assert str(issue).startswith(f"WARNING {FILE} › SWOT:")


def test_a_missing_tows_strategy_is_a_warning(tmp_path, make_workbook, sample_cluster, schema):
    t2 = schema.topics[1]
    sample_cluster.tows = [e for e in sample_cluster.tows if (e.topic, e.strategy) != (t2, "W-O")]
    [issue] = check(make_workbook(tmp_path, sample_cluster), schema)
    assert locations([issue]) == [(Severity.WARNING, FILE, "TOWS", "")]
    assert "W-O" in issue.message and t2 in issue.message


def test_no_tows_and_no_step1_are_warnings(tmp_path, make_workbook, sample_cluster, schema):
    sample_cluster.tows, sample_cluster.step1 = [], []
    issues = check(make_workbook(tmp_path, sample_cluster), schema)
    assert sorted(locations(issues)) == [(Severity.WARNING, FILE, "Step 1", ""),
                                         (Severity.WARNING, FILE, "TOWS", "")]


def test_location_without_a_source_file_uses_the_cluster_name(sample_cluster, schema):
    sample_cluster.profile = replace(sample_cluster.profile, members=1, smes=2)
    [issue] = validate_cluster(sample_cluster, schema.topics)
    assert issue.location.file == "Test Cluster"
