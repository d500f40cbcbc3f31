"""version_log.py: the row --log adds to deliverable.toml, and the toml edited as a person would."""

from __future__ import annotations

import dataclasses
import shutil
import tomllib

import pytest

from competency_maps.inputs import config
from competency_maps.errors import ConfigError
from competency_maps.dataset.version_log import new_row, next_version, with_row
from competency_maps.model.deliverable import VersionLog
from reports import INPUTS


@pytest.fixture
def inputs(tmp_path):
    d = tmp_path / "inputs"
    shutil.copytree(INPUTS, d, ignore=shutil.ignore_patterns("*.xlsx"))
    return d


@pytest.mark.parametrize("column, expected", [([], "1"), ([""], "1"), (["", ""], "2"), (["1", "v2", ""], "3"),
                                               (["Draft 1", "Final 4"], "5")])
def test_the_next_version_follows_the_highest_number(column, expected):
    assert next_version([("x", v) for v in column], 1) == expected


def test_the_row_fills_each_column_by_its_heading():
    d = config.load(INPUTS)
    assert new_row(d, "Comments integrated", "Mov'eo: 1 edited") == (
        "02/10/2020", "1", "Mov'eo", "Comments integrated (Mov'eo: 1 edited)")
    d = dataclasses.replace(d, version_log=VersionLog(("Version", "Date", "Notes", "Entity"), ()))
    assert new_row(d, "Round 2", "") == ("1", "02/10/2020", "Round 2", "Mov'eo")


def test_a_toml_without_a_version_log_gets_one(inputs):
    toml = (inputs / "deliverable.toml").read_text(encoding="utf-8")
    start = toml.index("[version_log]")
    toml = toml[:start] + toml[toml.index("[history]"):]
    (inputs / "deliverable.toml").write_text(toml, encoding="utf-8")
    text = 'Quotes " and a backslash \\ kept'
    data, d = with_row(inputs, ("02/10/2020", "1", "Mov'eo", text))
    assert d.version_log.rows == (("02/10/2020", "1", "Mov'eo", text),)
    assert tomllib.loads(data.decode())["version_log"]["rows"] == [["02/10/2020", "1", "Mov'eo", text]]
    assert (inputs / "deliverable.toml").read_text(encoding="utf-8") == toml  # nothing written


def test_a_row_the_toml_s_schema_refuses_is_an_error_naming_the_file(inputs):
    with pytest.raises(ConfigError) as e:
        with_row(inputs, ("02/10/2020", "1"))
    assert e.value.code == "version_log.row.invalid" and e.value.location.file == "deliverable.toml"
    [first] = e.value.issues
    assert e.value.params["reason"] == first.phrase() and e.value.params["reason_hint"] == first.phrase("hint")
