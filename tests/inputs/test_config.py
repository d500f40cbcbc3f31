"""deliverable.toml is checked whole against its schema (config.py, options.py): every key typed,
every problem listed at once with its section and key, unknown keys warned, files kept inside."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from toml_edit import set_keys
from reports import copy_deliverable

from competency_maps.errors import ConfigError, Issue, Location, ReportError
from competency_maps.inputs import config
from competency_maps.inputs.files import CONFIG_NAME
from competency_maps.inputs.options import ValidationError, pattern_fields

INPUTS = Path(__file__).resolve().parents[2] / "inputs"


@pytest.fixture
def inputs(tmp_path) -> Path:
    """The shipped toml and its Markdown files, without the workbooks."""
    d = copy_deliverable(tmp_path / "inputs")
    (tmp_path / "secret.txt").write_text("SECRET FROM OUTSIDE", encoding="utf-8")
    return d


def edit(inputs: Path, old: str, new: str) -> Path:
    path = inputs / "deliverable.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return inputs


def problems(inputs: Path) -> tuple[list[Issue], list[Issue]]:
    d, issues = config.validate(inputs)
    errors = [i for i in issues if i.is_error]
    assert (d is None) == bool(errors)
    return errors, [i for i in issues if not i.is_error]


def at(section: str, key: str) -> Location:
    return Location(CONFIG_NAME, section, key)


def test_the_shipped_toml_has_no_problem(inputs):
    assert problems(inputs) == ([], [])


@pytest.mark.parametrize("old, new, code", [
    ('funding = "funding.md"', 'funding = "../secret.txt"', "input_file.up"),
    ('funding = "funding.md"', 'funding = "/etc/passwd"', "input_file.absolute"),
    ('funding = "funding.md"', 'funding = "/dev/zero"', "input_file.absolute"),
    ('funding = "funding.md"', 'funding = "."', "input_file.folder"),
])
def test_a_text_file_outside_the_inputs_folder_is_never_read(inputs, old, new, code):
    errors, _ = problems(edit(inputs, old, new))
    assert [(e.location, e.code) for e in errors] == [(at("texts", "funding"), code)], errors
    assert not any("SECRET" in str(v) or "root:" in str(v) for e in errors for v in e.params.values())


@pytest.mark.parametrize("old, new, where, code, params", [
    ('number = "D2.1"', "number = 21", ("deliverable", "number"), "config.text.type",
     {"kind": "a number", "value": "21", "key": "number", "typed": "21"}),
    ("date = 2020-10-02", "date = 2020", ("deliverable", "date"), "config.date.type", {"value": "2020", "key": "date"}),
    ("date = 2020-10-02", 'date = "02/10/2020"', ("deliverable", "date"), "config.date.type",
     {"value": "'02/10/2020'", "key": "date"}),
    ("enabled = true", 'enabled = "yes"', ("synthesis", "enabled"), "config.flag.type",
     {"kind": "text", "value": "'yes'", "key": "enabled"}),
    ("min_clusters = 3", "min_clusters = 1", ("synthesis", "min_clusters"), "config.number.small",
     {"minimum": 2, "value": 1}),
    ("min_share = 0.5", "min_share = 1.5", ("synthesis", "min_share"), "config.share.range",
     {"value": 1.5, "key": "min_share"}),
    ("min_share = 0.5", 'min_share = "half"', ("synthesis", "min_share"), "config.share.type",
     {"kind": "text", "value": "'half'", "key": "min_share"}),
    ("[swot]\ntopics = [", "[swot]\ntopics = \"x\"\nold_topics = [", ("swot", "topics"), "config.list.type",
     {"kind": "text", "value": "'x'", "key": "topics"}),
    ('order = ["E-Mobility Cluster", "Mobinov", "Mov\'eo", "RAI Automotive Industry NL", "Zone Cluster"]',
     'order = "Mov\'eo"', ("clusters", "order"), "config.list.type", {"kind": "text", "value": '"Mov\'eo"', "key": "order"}),
    ('rows = [["25/09/2020", "", "Mov\'eo", ""]]', 'rows = [["25/09/2020", 2, "Mov\'eo", ""]]',
     ("version_log", "rows"), "config.rows.cell", {"row": 1, "kind": "a number", "value": "2"}),
    ('rows = [["25/09/2020", "", "Mov\'eo", ""]]', 'rows = [["25/09/2020", "Mov\'eo"]]',
     ("version_log", "rows"), "config.rows.width", {"row": 1, "cells": 2, "columns": 4}),
    ('nature = [["report", true]', 'nature = [["report", "yes"]', ("info", "nature"), "config.ticks.type",
     {"key": "nature"}),
    ("[[links]]\nlabel", "[[links]]\nlabel = 3\nold", ("links 1", "label"), "config.text.type",
     {"kind": "a number", "value": "3", "key": "label", "typed": "3"}),
    ('[[synthesis.themes]]\nname = "Funding"', "[[synthesis.themes]]\nname = ''", ("synthesis › themes 1", "name"),
     "config.empty", {}),
])
@pytest.mark.slow
def test_a_wrong_type_is_a_located_error_never_a_crash_or_letters(inputs, old, new, where, code, params):
    errors, _ = problems(edit(inputs, old, new))
    assert any(e.location == at(*where) and e.code == code and dict(e.params) == params for e in errors), errors
    assert all(e.location.file == CONFIG_NAME and e.location.sheet for e in errors)


@pytest.mark.parametrize("pattern, code, params", [
    ("{name", "config.pattern.invalid", None),
    ("{name} }", "config.pattern.invalid", None),
    ("{0} map", "config.pattern.invalid", None),
    ("{name.__class__} map", "config.pattern.invalid", None),
    ("{name!r} map", "config.pattern.invalid", None),
    ("{cluster} map", "config.pattern.blanks", {"blanks": ("cluster",), "allowed": "{name}, {project}"}),
])
def test_heading_patterns_are_checked(inputs, pattern, code, params):
    set_keys(inputs, "headings", chapter=pattern)
    errors, _ = problems(inputs)
    assert [(e.location, e.code) for e in errors] == [(at("headings", "chapter"), code)], errors
    if params is not None:
        assert dict(errors[0].params) == params
    else:
        assert errors[0].params["allowed"] == "{name}, {project}"


def test_a_good_heading_pattern_is_used(inputs):
    set_keys(inputs, "headings", chapter="Carte des compétences de {name} ({project}) {{draft}}")
    d = config.load(inputs)
    assert d.heading("chapter") == "Carte des compétences de {name} ({project}) {{draft}}"
    assert pattern_fields(d.heading("chapter")) == {"name", "project"}


def test_every_problem_is_listed_at_once(inputs):
    edit(inputs, 'number = "D2.1"', "number = 21")
    edit(inputs, "date = 2020-10-02", "date = 2020")
    edit(inputs, 'funding = "funding.md"', 'funding = "../secret.txt"')
    errors, _ = problems(inputs)
    assert len(errors) == 3, errors
    with pytest.raises(ConfigError) as e:
        config.load(inputs)
    assert len([i for i in e.value.issues if i.is_error]) == 3
    assert (e.value.code, e.value.location) == ("config.text.type", at("deliverable", "number"))


def test_unknown_keys_and_sections_are_warned_with_the_closest_name(inputs):
    edit(inputs, 'title = "Clusters competency maps"', 'titel = "Clusters competency maps"\ntitle = "X"')
    (inputs / "deliverable.toml").open("a", encoding="utf-8").write("\n[synthesys]\nenabled = false\n")
    errors, warnings = problems(inputs)
    assert not errors
    found = {(w.location, w.code): dict(w.params) for w in warnings}
    assert found[(at("deliverable", "titel"), "config.key.unknown")] == {"noun": "key", "name": "titel", "close": "title"}
    assert found[(at("", "synthesys"), "config.key.unknown")] == {"noun": "section", "name": "synthesys",
                                                                 "close": "synthesis"}


def test_an_unknown_label_is_an_error_and_an_unknown_caption_a_warning(inputs):
    edit(inputs, "[tows.captions]\n", "[tows.captions]\nXY = 'x'\n")
    set_keys(inputs, "labels", zzz_nothing_like_it="x")
    errors, warnings = problems(inputs)
    assert [(e.location, e.code, e.params["name"]) for e in errors] == [
        (at("labels", "zzz_nothing_like_it"), "config.label.unknown.listed", "zzz_nothing_like_it")]
    assert [(w.location, w.code) for w in warnings] == [(at("tows › captions", "XY"), "config.key.unknown.listed")]


def test_a_missing_required_key_is_named(inputs):
    edit(inputs, 'title = "Clusters competency maps"\n', "")
    errors, _ = problems(inputs)
    assert [(e.location, e.code, dict(e.params)) for e in errors] == [
        (at("deliverable", "title"), "config.key.required", {"key": "title", "section": "deliverable"})]


def test_a_byte_order_mark_is_accepted(inputs):
    path = inputs / "deliverable.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    (inputs / "abstract.md").write_bytes(b"\xef\xbb\xbf" + (inputs / "abstract.md").read_bytes())
    d = config.load(inputs)
    assert d.number == "D2.1" and not d.text("abstract")[0].plain.startswith("\ufeff")


def test_a_markdown_file_that_is_not_utf8_is_named_not_the_toml(inputs):
    (inputs / "conclusions.md").write_bytes("Conclusions: caf\xe9.".encode("latin-1"))
    errors, _ = problems(inputs)
    assert [(e.location, e.code, dict(e.params)) for e in errors] == [
        (Location("conclusions.md"), "input_file.not_utf8", {"byte": "0xe9", "line": 1})], errors


def test_markdown_nested_beyond_reading_is_an_error_at_its_line(inputs):
    deep = "".join("  " * i + f"- level {i}\n" for i in range(40))
    (inputs / "conclusions.md").write_text("Intro.\n\n" + deep + "\nAfter.\n", encoding="utf-8")
    [error], _ = problems(inputs)
    assert (error.location, error.code) == (at("texts", "conclusions"), "config.markdown.line"), error
    assert error.params["file"] == "conclusions.md" and 3 <= error.params["line"] <= 42


@pytest.mark.parametrize("make, code", [
    (lambda p: (p.unlink(), p.mkdir()), "input_file.folder"),
    (lambda p: p.write_bytes("number = 'caf\xe9'".encode("latin-1")), "input_file.not_utf8"),
    (lambda p: p.write_text("[deliverable\n", encoding="utf-8"), "config.toml.syntax"),
])
def test_a_toml_that_cannot_be_read_is_one_located_error(inputs, make, code):
    make(inputs / "deliverable.toml")
    [error], _ = problems(inputs)
    assert (error.location, error.code) == (Location(CONFIG_NAME), code) and error.hint


def test_without_keys_every_value_is_its_declared_default(inputs):
    """The default a key is declared with is the one a toml without the key gets (declared once)."""
    (inputs / "deliverable.toml").write_text('[deliverable]\nnumber = "D2.1"\ntitle = "Clusters competency maps"\n',
                                             encoding="utf-8")
    d, bare = config.load(inputs), config.Deliverable()
    for section in ("deliverable", "project", "info", "version_log", "history", "clusters", "swot", "tows",
                    "synthesis"):
        assert getattr(d, section) == getattr(bare, section), section
    assert (d.headings, d.label_patterns, d.links) == (bare.headings, bare.label_patterns, bare.links)
    assert dataclasses.replace(d.cover, logo=None) == bare.cover and d.text("abstract")  # the usual abstract.md


def test_a_wrong_value_is_an_error_of_the_tool_s_kind():
    assert issubclass(ValidationError, ReportError) and issubclass(ValidationError, ConfigError)


def test_the_deliverable_is_frozen(inputs):
    d = config.load(inputs)
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.cover.action = "X"  # type: ignore[misc]


def test_values_reach_the_deliverable(inputs):
    d = config.load(inputs)
    assert d.date == dt.date(2020, 10, 2) and d.topics[0].startswith("Cluster's business model")
    assert d.clusters.order[2] == "Mov'eo" and d.synthesis.shown and d.synthesis.min_clusters == 3
    assert d.info.nature[0] == ("report", True) and d.version_log.rows == (("25/09/2020", "", "Mov'eo", ""),)
    assert d.links[0].url == "https://recipe4mobility.eu/" and d.themes[0].keywords[0] == "funding"
    assert d.cover.logo is not None and d.cover.logo_text == "RECIPE4MOBILITY" and d.info.authors == "Mov'eo"


def test_a_markdown_image_is_warned_with_its_file_and_line_not_dropped_silently(inputs):
    (inputs / "conclusions.md").write_text("Intro.\n\nSee the map\nbelow: ![Figure 1](figure.png) and"
                                           " ![](logos/x.svg).\n", encoding="utf-8")
    d, issues = config.validate(inputs)
    images = [i for i in issues if i.code == "markdown.image.omitted"]
    assert d is not None and [(str(i.location), dict(i.params)) for i in images] == [
        ("conclusions.md › line 4", {"alt": "Figure 1", "src": "figure.png"}),
        ("conclusions.md › line 4", {"alt": "", "src": "logos/x.svg"})]
    assert all(not i.is_error for i in images)
    assert not [i for i in config.validate(copy_deliverable(inputs.parent / "again"))[1]
                if i.code == "markdown.image.omitted"]  # the shipped texts have none
