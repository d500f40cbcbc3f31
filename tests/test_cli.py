"""The command line, called as `main(argv)`: exit codes and what the coordinator reads."""

import io
import json
from pathlib import Path

import pytest
from conftest import typed
from recording import Recording, Run, run
from openpyxl import load_workbook

from competency_maps.cli import main
from competency_maps.commands import build as build_command
from competency_maps.commands import proof as proof_command
from competency_maps.console import Console
from competency_maps.errors import Issue, Location, issue
from competency_maps.inputs.reader import read_workbook
from competency_maps.messages import commands as command_messages
from competency_maps.model.schema import build_schema

INPUTS = Path(__file__).resolve().parent.parent / "inputs"


@pytest.fixture
def rendered(monkeypatch):
    """Replace the renderers: these tests are about reading the inputs, and stay fast."""
    calls = []

    def fake_render_all(content, output, stem, *, console, only=None, pdf_process=None, also=()):
        calls.append((content, output, stem, only))
        return []

    monkeypatch.setattr(build_command, "render_all", fake_render_all)
    monkeypatch.setattr(proof_command, "render_all", fake_render_all)
    monkeypatch.setenv("COMPETENCY_MAPS_JOBS", "1")  # no second process for a PDF never made
    return calls


def assert_nothing_written(out: Path):
    assert not out.exists() or not any(out.iterdir())


# --- check -------------------------------------------------------------------------------------


def test_check_good_file(tmp_path, make_workbook):
    r = run("--inputs", INPUTS, "check", make_workbook(tmp_path))
    assert r.code == 0 and r.codes()[-1] == "console.check.passed"
    [head] = r.lines("console.check.file")
    assert (head["file"], head["cluster"], head["errors"].code, head["warnings"].params) == (
        "cluster.xlsx", "Test Cluster", "console.count.ok", {"count": 0})
    [counts] = r.lines("console.check.counts")
    assert counts == {"strengths": 6, "weaknesses": 6, "opportunities": 6, "threats": 6, "tows": 12, "step1": 10}


def test_check_broken_file(tmp_path, make_workbook):
    r = run("--inputs", INPUTS, "check", make_workbook(tmp_path, edit=typed({"SWOT!B2": "Stength"})))
    assert r.code == 1
    [found] = r.at("cluster.xlsx", "SWOT", "B2")
    assert found.is_error and str(found.location) in r.out
    assert r.lines("console.check.failed") == [{"count": 1}] and "console.check.passed" not in r.codes()
    assert r.lines("console.check.file")[0]["errors"].params == {"count": 1}


def test_check_lists_every_file(tmp_path, make_workbook):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a workbook")
    r = run("--inputs", INPUTS, "check", make_workbook(tmp_path), bad, tmp_path / "absent.xlsx")
    assert r.code == 1
    assert [(h["file"], h["cluster"], h["errors"].code) for h in r.lines("console.check.file")] == [
        ("cluster.xlsx", "Test Cluster", "console.count.ok")]
    assert [h["file"] for h in r.lines("console.check.file.unread")] == ["notes.xlsx", "absent.xlsx"]
    assert [i.is_error for i in r.at("notes.xlsx") + r.at("absent.xlsx")] == [True, True]
    assert r.lines("console.check.failed") == [{"count": 2}]


def test_check_prints_warnings_but_succeeds(tmp_path, make_workbook):
    r = run("--inputs", INPUTS, "check", make_workbook(tmp_path, edit=typed({"SWOT!F3": "a note"})))
    assert r.code == 0
    [found] = r.at("cluster.xlsx", "SWOT", "F3")
    assert not found.is_error and f"WARNING {found.location}" in r.out
    assert r.lines("console.check.file")[0]["warnings"].params == {"count": 1}


def test_check_without_a_file_is_a_usage_error(capsys):
    assert run("check").code == 2
    assert "FILE" in capsys.readouterr().err


# --- new-workbook ------------------------------------------------------------------------------


def test_new_workbook(tmp_path):
    path = tmp_path / "blank.xlsx"
    r = run("--inputs", INPUTS, "new-workbook", "Mov'eo", "-o", path)
    assert r.code == 0 and str(path) in r.out
    res = read_workbook(path, build_schema())
    assert res.cluster is not None and res.cluster.name == "Mov'eo"


def test_new_workbook_into_a_missing_folder_is_a_clear_error(tmp_path):
    path = tmp_path / "no-such-folder" / "blank.xlsx"
    r = run("--inputs", INPUTS, "new-workbook", "X", "-o", path)
    assert r.code == 1
    [found] = r.at(str(path))
    assert found.code == "new_workbook.write_failed" and found.params["reason"] == "No such file or directory"
    assert f"ERROR {path}: " in r.out and "console.internal_error" not in r.codes()


def test_new_workbook_default_name_is_a_safe_file_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("--inputs", tmp_path / "no-inputs", "new-workbook", "Mov'eo / ../x")
    assert r.code == 0
    [written] = list(tmp_path.rglob("*.xlsx"))  # in the current folder, not in ../
    assert written.parent == tmp_path
    assert written.name == "Mov-eo-..-x-competency-map.xlsx"


def test_new_workbook_uses_the_deliverable_topics(tmp_path, inputs):
    toml = inputs / "deliverable.toml"
    text = toml.read_text(encoding="utf-8")
    start = text.index("topics = [")
    end = text.index("]", start) + 1
    text = text[:start] + 'topics = ["Only topic"]' + text[end:]
    if "short_topics = [" in text:  # one short name per topic
        start = text.index("short_topics = [")
        text = text[:start] + 'short_topics = ["Only"]' + text[text.index("]", start) + 1:]
    toml.write_text(text, encoding="utf-8")
    path = tmp_path / "blank.xlsx"
    assert run("--inputs", inputs, "new-workbook", "X", "-o", path).code == 0
    lists = load_workbook(path)["Lists"]
    topics_col = next(c for c in lists[1] if c.value == "Topics").column
    assert lists.cell(row=2, column=topics_col).value == "Only topic"
    assert lists.cell(row=3, column=topics_col).value is None


# --- help and usage ----------------------------------------------------------------------------


def test_help(capsys):
    assert run("--help").code == 0
    out = capsys.readouterr().out
    for word in ("check", "new-workbook", "proof", "--inputs", "--draft", "exit codes"):
        assert word in out


def test_version(capsys):
    assert run("--version").code == 0
    assert "0.1.0" in capsys.readouterr().out


def test_unknown_option(capsys):
    assert run("--frobnicate").code == 2
    assert "--frobnicate" in capsys.readouterr().err


def test_unknown_command(capsys):
    assert run("chek", "x.xlsx").code == 2


# --- build -------------------------------------------------------------------------------------
# (the build itself, end to end, is test_build.py's; help texts and the README, test_docs.py's)


@pytest.mark.slow
def test_build_reads_every_listed_cluster(inputs, tmp_path, rendered):
    r = run("--inputs", inputs, "--output", tmp_path / "out", "--only", "docx")
    assert r.code == 0, r.out
    [(content, output, stem, only)] = rendered
    assert (output, only) == (tmp_path / "out", "docx")


@pytest.mark.slow
def test_build_warns_about_an_unlisted_cluster(inputs, tmp_path, make_workbook, rendered):
    make_workbook(inputs, name="extra.xlsx")
    r = run("--inputs", inputs, "--output", tmp_path / "out")
    assert r.code == 0, r.out
    [found] = r.at("extra.xlsx", "Cluster", "B2")
    assert not found.is_error and f"WARNING {found.location}" in r.out


@pytest.mark.slow
def test_build_with_an_unreadable_workbook(inputs, tmp_path):
    (inputs / "zone.xlsx").write_bytes(b"")
    r = run("--inputs", inputs, "--output", tmp_path / "out")
    assert r.code == 1
    assert [i.is_error for i in r.at("zone.xlsx")] == [True]
    assert [i.params["cluster"] for i in r.issues if i.code == "inputs.workbook.missing"] == ["Zone Cluster"]


def test_build_without_inputs_folder(tmp_path):
    r = run("--inputs", tmp_path / "nowhere", "--output", tmp_path / "out")
    assert r.code == 1 and [i.code for i in r.issues] == ["inputs.missing"]
    assert r.codes() == ["console.problems", "console.build.no_config"]


@pytest.mark.parametrize("extra", [[], ["--draft"]])
def test_a_broken_configuration_stops_the_build_a_draft_too(inputs, tmp_path, extra):
    (inputs / "deliverable.toml").write_text("[deliverable\nnumber = ", encoding="utf-8")
    r = run("--inputs", inputs, "--output", tmp_path / "out", *extra)
    assert r.code == 1 and "template" not in r.out
    assert {i.location.file for i in r.issues if i.is_error} == {"deliverable.toml"}
    assert_nothing_written(tmp_path / "out")


def test_new_workbook_never_overwrites_a_file_without_force(tmp_path):
    target = tmp_path / "Moveo.xlsx"
    target.write_bytes(b"a partner's returned workbook")
    r = run("new-workbook", "Mov'eo", "-o", target)
    assert r.code == 1 and [i.code for i in r.at(str(target))] == ["new_workbook.exists"]
    assert target.read_bytes() == b"a partner's returned workbook"
    assert run("new-workbook", "Mov'eo", "-o", target, "--force").code == 0
    assert target.read_bytes().startswith(b"PK")


@pytest.mark.parametrize("extra", [[], ["--draft"], ["proof", "Mobinov"]])
def test_without_deliverable_toml_nothing_is_built_not_even_a_draft(inputs, tmp_path, extra):
    (inputs / "deliverable.toml").unlink()
    r = run("--inputs", inputs, "--output", tmp_path / "out", *extra)
    assert r.code == 1
    assert [(i.code, i.location.file) for i in r.issues] == [("inputs.config.missing",
                                                               str(inputs / "deliverable.toml"))]
    assert "template" not in r.out
    assert_nothing_written(tmp_path / "out")


# --- check --format json -----------------------------------------------------------------------


def test_check_as_json_gives_each_file_its_cluster_and_coded_issues(tmp_path, make_workbook):
    good = make_workbook(tmp_path)
    bad = make_workbook(tmp_path, name="broken.xlsx", edit=typed({"SWOT!B2": "Stength", "SWOT!F3": "a note"}))
    r = run("--inputs", INPUTS, "check", "--format", "json", good, bad)
    assert r.code == 1 and r.issues == []  # nothing printed as text: one JSON document
    doc = json.loads(r.out)
    assert [(f["file"], f["cluster"], f["errors"], f["warnings"]) for f in doc["files"]] == [
        ("cluster.xlsx", "Test Cluster", 0, 0), ("broken.xlsx", "Test Cluster", 1, 1)]
    assert doc["errors"] == 1 and doc["issues"] == []
    issues = doc["files"][1]["issues"]
    assert [(i["severity"], i["file"], i["sheet"], i["cell"]) for i in issues] == [
        ("error", "broken.xlsx", "SWOT", "B2"), ("warning", "broken.xlsx", "SWOT", "F3")]
    for i in issues:
        assert set(i) == {"code", "severity", "file", "sheet", "cell", "message", "hint", "params"}
        assert i["code"] and i["message"] and isinstance(i["params"], dict)


def test_check_as_json_of_the_sample_inputs_passes(tmp_path):
    files = [p for p in sorted(INPUTS.glob("*.xlsx")) if p.name != "synthesis-review.xlsx"]
    r = run("--inputs", INPUTS, "check", "--format", "json", *files)
    doc = json.loads(r.out)
    assert r.code == 0 and doc["errors"] == 0 and len(doc["files"]) == len(files)
    assert all(f["cluster"] and f["issues"] == [] for f in doc["files"])


def test_check_as_json_without_a_configuration_notes_it_as_a_coded_issue(tmp_path, make_workbook):
    r = run("--inputs", tmp_path / "none", "check", "--format", "json", make_workbook(tmp_path))
    doc = json.loads(r.out)
    [note] = doc["issues"]
    assert r.code == 0 and note["code"] == "check.config.default" and note["severity"] == "info"
    assert note["params"] == {"config": "deliverable.toml", "folder": str(tmp_path / "none")}


def test_check_as_json_stays_json_when_a_file_cannot_be_read(tmp_path):
    r = run("--inputs", INPUTS, "check", "--format", "json", tmp_path / "absent.xlsx")
    doc = json.loads(r.out)
    assert r.code == 1 and doc["errors"] == 1
    assert [(i["severity"], i["file"]) for i in doc["files"][0]["issues"]] == [("error", "absent.xlsx")]


def test_the_commands_messages_name_what_to_do():
    """The words of the commands' own messages (messages/commands.py): the one test that reads them."""
    for code, template in command_messages.TEMPLATES.items():
        found = issue(code, Location("x.xlsx"), **{f: "F" for f in template.fields()})
        assert found.message and str(found).startswith(f"{template.severity.upper()} x.xlsx: ")
    assert str(issue("new_workbook.prefilled.exist_several", Location("a.xlsx, b.xlsx"))) == (
        "ERROR a.xlsx, b.xlsx: already exist: nothing was written. Choose another -o, or add --force to "
        "replace them.")
    assert str(issue("environment.os_error", Location("in"), reason="Permission denied")) == (
        "ERROR in: Permission denied. Check the path, its permissions and the free disk space; nothing in "
        "the output folder was changed.")
