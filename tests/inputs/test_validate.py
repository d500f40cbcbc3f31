"""Checks across cells (validate.py), run on workbooks as `check` runs them; and across the
workbooks of the inputs folder (gather.py), which stop the build before anything is written."""

import pytest
import shutil
from dataclasses import replace
from pathlib import Path

from competency_maps.errors import Severity
from competency_maps.inputs.gather import gather
from competency_maps.inputs.reader import read_workbook
from competency_maps.inputs.validate import validate_cluster
from competency_maps.model.cluster import Note
from competency_maps.model.deliverable import Chapter
from recording import run

INPUTS = Path(__file__).resolve().parents[2] / "inputs"

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
    assert (issue.code, issue.params["smes"], issue.params["members"]) == ("profile.smes_above_members", 20, 10)
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
    assert (issue.code, issue.params["quadrant"]) == ("swot.quadrant.empty", "Opportunity")
    assert str(issue).startswith(f"WARNING {FILE} › SWOT:")


@pytest.mark.slow
def test_a_missing_tows_strategy_is_a_warning(tmp_path, make_workbook, sample_cluster, schema):
    t2 = schema.topics[1]
    sample_cluster.tows = [e for e in sample_cluster.tows if (e.topic, e.strategy) != (t2, "W-O")]
    [issue] = check(make_workbook(tmp_path, sample_cluster), schema)
    assert locations([issue]) == [(Severity.WARNING, FILE, "TOWS", "")]
    assert (issue.code, issue.params["strategy"], issue.params["topic"]) == ("tows.strategy.empty", "W-O", t2)


def test_an_empty_required_step_is_an_error_at_its_first_row(tmp_path, make_workbook, sample_cluster, schema):
    sample_cluster.tows, sample_cluster.step1 = [], []
    issues = check(make_workbook(tmp_path, sample_cluster), schema)
    assert sorted(locations(issues)) == [(Severity.ERROR, FILE, "Step 1", "A2"),
                                         (Severity.ERROR, FILE, "TOWS", "A2")]
    assert {i.code for i in issues} == {"step.empty"}


def test_a_step_switched_off_is_not_judged_and_its_entries_are_said_unprinted(sample_cluster, schema):
    sample_cluster.tows = []
    steps = Chapter(tows=False, step2=False, step1=False)
    sample_cluster.step2_notes = [Note("Context", (), "")]
    issues = validate_cluster(sample_cluster, schema.topics, steps=steps)
    assert sorted((i.code, i.location.sheet) for i in issues) == [("step.unused", "Step 1"),
                                                                  ("step.unused", "Step 2 notes")]
    assert all(not i.is_error for i in issues)


def test_location_without_a_source_file_uses_the_cluster_name(sample_cluster, schema):
    sample_cluster.profile = replace(sample_cluster.profile, members=1, smes=2)
    [issue] = validate_cluster(sample_cluster, schema.topics)
    assert issue.location.file == "Test Cluster"


# --- across workbooks -------------------------------------------------------------------------


@pytest.mark.slow  # over a second: many workbooks read and written
def test_two_workbooks_for_one_cluster_stop_the_build_naming_both(tmp_path, make_workbook):
    inputs = tmp_path / "inputs"  # the shipped configuration and texts, without the sample workbooks
    shutil.copytree(INPUTS, inputs, ignore=shutil.ignore_patterns("*.xlsx"))
    make_workbook(inputs, name="a-first.xlsx")
    make_workbook(inputs, name="b-second.xlsx")

    g = gather(inputs)
    [issue] = [i for i in g.issues if i.code == "inputs.cluster.twice"]
    assert issue.is_error and issue.location.file == "b-second.xlsx"
    assert dict(issue.params) == {"cluster": "Test Cluster", "first": "a-first.xlsx", "second": "b-second.xlsx"}

    r = run("--inputs", inputs, "--output", tmp_path / "out")
    assert r.code == 1, r.out
    assert "a-first.xlsx" in r.out and "b-second.xlsx" in r.out
    assert "Traceback" not in r.out and "console.internal_error" not in r.codes()
    assert not (tmp_path / "out").exists()
