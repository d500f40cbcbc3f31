"""Everything is read and judged before anything is written (gather.py): the configuration first,
then the workbooks, one chapter per cluster however its name is spelt."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from reports import copy_deliverable

from competency_maps.inputs.gather import gather
from competency_maps.model.schema import name_key

INPUTS = Path(__file__).resolve().parents[2] / "inputs"


@pytest.fixture
def inputs(tmp_path) -> Path:
    """The shipped toml and texts, expecting one cluster, Mov'eo; no workbook yet."""
    d = copy_deliverable(tmp_path / "inputs")
    toml = d / "deliverable.toml"
    text = toml.read_text(encoding="utf-8")
    start = text.index("order = [")
    toml.write_text(text[:start] + "order = [\"Mov'eo\"]" + text[text.index("]", start) + 1:], encoding="utf-8")
    return d


def _named(cluster, name: str):
    return replace(cluster, profile=replace(cluster.profile, short_name=name))


@pytest.mark.parametrize("spelling", ["Mov’eo", "Móv'eo", "Mov'\u200beo", "MOV'EO", "Mov\u02bceo", "Mov'eo ",
                                      "Mov-eo", "Mov\u2011eo", "Mov.eo"])
def test_spellings_of_one_name_are_one_key(spelling):
    assert name_key(spelling) == name_key("Mov'eo")


def test_names_that_differ_stay_apart():
    assert len({name_key(n) for n in ("Mov'eo", "Moveo 2", "Mobinov", "E-Mobility", "Łódź")}) == 5


@pytest.mark.slow
@pytest.mark.parametrize("stale", ["Mov’eo", "Móv'eo", "Mov'\u200beo", "Mov-eo"])
def test_a_stale_copy_under_another_spelling_is_a_duplicate_not_a_second_chapter(
        inputs, make_workbook, sample_cluster, stale):
    make_workbook(inputs, _named(sample_cluster, "Mov'eo"), name="moveo.xlsx")
    make_workbook(inputs, _named(sample_cluster, stale), name="moveo-old.xlsx")
    g = gather(inputs)
    assert [p.name for p in g.partners] == ["Mov'eo"]
    assert any(i.code == "inputs.cluster.twice" for i in g.errors), g.all_issues


def test_a_config_error_stops_before_any_workbook_is_judged(inputs, make_workbook, sample_cluster):
    make_workbook(inputs, _named(sample_cluster, "Mov'eo"), name="moveo.xlsx")
    toml = inputs / "deliverable.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('number = "D2.1"', "number = 21"), encoding="utf-8")
    g = gather(inputs)
    assert not g.configured and not g.partners
    assert [(i.code, str(i.location), dict(i.params)) for i in g.all_issues] == [
        ("config.text.type", "deliverable.toml › deliverable › number",
         {"kind": "a number", "value": "21", "key": "number", "typed": "21"})]


def test_inputs_naming_a_file_says_so(tmp_path):
    f = tmp_path / "inputs.txt"
    f.write_text("x")
    g = gather(f)
    assert not g.configured and [i.code for i in g.issues] == ["inputs.not_folder"]
