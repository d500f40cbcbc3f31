"""deliverable.toml is checked whole against its schema (config.py, options.py): every key typed,
every problem listed at once with its section and key, unknown keys warned, files kept inside."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from reports import copy_deliverable

from competency_maps.inputs import config
from competency_maps.errors import ConfigError
from competency_maps.inputs.options import pattern_fields

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


def problems(inputs: Path) -> tuple[list[str], list[str]]:
    d, issues = config.validate(inputs)
    errors = [str(i) for i in issues if i.is_error]
    assert (d is None) == bool(errors)
    return errors, [str(i) for i in issues if not i.is_error]


def test_the_shipped_toml_has_no_problem(inputs):
    assert problems(inputs) == ([], [])


@pytest.mark.parametrize("old, new, expected", [
    ('funding = "funding.md"', 'funding = "../secret.txt"', "texts › funding: names '../secret.txt', which goes up"),
    ('funding = "funding.md"', 'funding = "/etc/passwd"', "texts › funding: names '/etc/passwd', a path outside"),
    ('funding = "funding.md"', 'funding = "/dev/zero"', "texts › funding: names '/dev/zero', a path outside"),
    ('funding = "funding.md"', 'funding = "."', "texts › funding: '.' is a folder"),
])
def test_a_text_file_outside_the_inputs_folder_is_never_read(inputs, old, new, expected):
    errors, _ = problems(edit(inputs, old, new))
    assert len(errors) == 1 and expected in errors[0], errors


@pytest.mark.parametrize("old, new, expected", [
    ('number = "D2.1"', "number = 21", "deliverable › number: must be text in quotes, not a number (21)"),
    ("date = 2020-10-02", "date = 2020", "deliverable › date: must be a date (YYYY-MM-DD), not 2020"),
    ("date = 2020-10-02", 'date = "02/10/2020"', "deliverable › date: must be a date"),
    ("enabled = true", 'enabled = "yes"', "synthesis › enabled: must be true or false"),
    ("min_clusters = 3", "min_clusters = 1", "synthesis › min_clusters: must be at least 2"),
    ("[swot]\ntopics = [", "[swot]\ntopics = \"x\"\nold_topics = [", "swot › topics: must be a list in brackets"),
    ('order = ["E-Mobility Cluster", "Mobinov", "Mov\'eo", "RAI Automotive Industry NL", "Zone Cluster"]',
     'order = "Mov\'eo"', "clusters › order: must be a list in brackets"),
    ('rows = [["25/09/2020", "", "Mov\'eo", ""]]', 'rows = [["25/09/2020", 2, "Mov\'eo", ""]]',
     "version_log › rows: row 1 has a number (2) where text in quotes is expected"),
    ('rows = [["25/09/2020", "", "Mov\'eo", ""]]', 'rows = [["25/09/2020", "Mov\'eo"]]',
     "version_log › rows: row 1 has 2 cells for 4 columns"),
    ('nature = [["report", true]', 'nature = [["report", "yes"]', "info › nature: must be a list of [label, true/false]"),
    ("[[links]]\nlabel", "[[links]]\nlabel = 3\nold", "links 1 › label: must be text in quotes"),
    ('[[synthesis.themes]]\nname = "Funding"', "[[synthesis.themes]]\nname = ''", "synthesis › themes 1 › name: must not be empty"),
])
@pytest.mark.slow
def test_a_wrong_type_is_a_located_error_never_a_crash_or_letters(inputs, old, new, expected):
    errors, _ = problems(edit(inputs, old, new))
    assert any(expected in e for e in errors), errors
    assert all(e.startswith("ERROR deliverable.toml › ") for e in errors)


@pytest.mark.parametrize("pattern, expected", [
    ("{name", "is not a valid pattern"),
    ("{name} }", "is not a valid pattern"),
    ("{0} map", "is not a valid pattern"),
    ("{name.__class__} map", "is not a valid pattern"),
    ("{name!r} map", "is not a valid pattern"),
    ("{cluster} map", "uses blanks that do not exist: cluster"),
])
def test_heading_patterns_are_checked(inputs, pattern, expected):
    (inputs / "deliverable.toml").open("a", encoding="utf-8").write(f"\n[headings]\nchapter = {pattern!r}\n")
    errors, _ = problems(inputs)
    assert len(errors) == 1 and "headings › chapter: " in errors[0] and expected in errors[0], errors


def test_a_good_heading_pattern_is_used(inputs):
    (inputs / "deliverable.toml").open("a", encoding="utf-8").write(
        "\n[headings]\nchapter = 'Carte des compétences de {name} ({project}) {{draft}}'\n")
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


def test_unknown_keys_and_sections_are_warned_with_the_closest_name(inputs):
    edit(inputs, 'title = "Clusters competency maps"', 'titel = "Clusters competency maps"\ntitle = "X"')
    (inputs / "deliverable.toml").open("a", encoding="utf-8").write("\n[synthesys]\nenabled = false\n")
    errors, warnings = problems(inputs)
    assert not errors
    assert any("deliverable › titel: unknown key 'titel', ignored. Did you mean 'title'?" in w for w in warnings)
    assert any("synthesys: unknown section 'synthesys', ignored. Did you mean 'synthesis'?" in w for w in warnings)


def test_a_missing_required_key_is_named(inputs):
    edit(inputs, 'title = "Clusters competency maps"\n', "")
    errors, _ = problems(inputs)
    assert errors == ["ERROR deliverable.toml › deliverable › title: is required but missing. "
                      "Add title = … under [deliverable]."]


def test_a_byte_order_mark_is_accepted(inputs):
    path = inputs / "deliverable.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    (inputs / "abstract.md").write_bytes(b"\xef\xbb\xbf" + (inputs / "abstract.md").read_bytes())
    d = config.load(inputs)
    assert d.number == "D2.1" and not d.text("abstract")[0].plain.startswith("\ufeff")


def test_a_markdown_file_that_is_not_utf8_is_named_not_the_toml(inputs):
    (inputs / "conclusions.md").write_bytes("Conclusions: caf\xe9.".encode("latin-1"))
    errors, _ = problems(inputs)
    assert errors == ["ERROR conclusions.md: is not UTF-8 text (byte 0xe9 on line 1). "
                      "Save it as UTF-8 (in most editors: Save As › Encoding › UTF-8)."]


def test_markdown_nested_beyond_reading_is_an_error_at_its_line(inputs):
    deep = "".join("  " * i + f"- level {i}\n" for i in range(40))
    (inputs / "conclusions.md").write_text("Intro.\n\n" + deep + "\nAfter.\n", encoding="utf-8")
    errors, _ = problems(inputs)
    assert len(errors) == 1 and "texts › conclusions: conclusions.md, line " in errors[0], errors
    assert "nested too deeply" in errors[0]


@pytest.mark.parametrize("make, expected", [
    (lambda p: (p.unlink(), p.mkdir()), "'deliverable.toml' is a folder, not a file"),
    (lambda p: p.write_bytes("number = 'caf\xe9'".encode("latin-1")), "is not UTF-8 text"),
    (lambda p: p.write_text("[deliverable\n", encoding="utf-8"), "cannot be read: "),
])
def test_a_toml_that_cannot_be_read_is_one_located_error(inputs, make, expected):
    make(inputs / "deliverable.toml")
    errors, _ = problems(inputs)
    assert len(errors) == 1 and errors[0].startswith("ERROR deliverable.toml: ") and expected in errors[0], errors


def test_values_reach_the_deliverable(inputs):
    d = config.load(inputs)
    assert d.date == dt.date(2020, 10, 2) and d.topics[0].startswith("Cluster's business model")
    assert d.clusters[2] == "Mov'eo" and d.synthesis and d.synthesis_min_clusters == 3
    assert d.info["nature"][0] == ("report", True) and d.version_log == [("25/09/2020", "", "Mov'eo", "")]
    assert d.links[0]["url"] == "https://recipe4mobility.eu/" and d.themes[0].keywords[0] == "funding"
