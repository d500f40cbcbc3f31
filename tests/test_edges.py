"""The command line at its edges: exit codes that mean what the README says (1 for the inputs and
the environment, with the path named; 3 only for a fault of the tool), options after the command,
`check` on what is not a workbook, and messages that say which file when names collide."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from reports import run_cli as run

from competency_maps.cli import _parser
from competency_maps.errors import Location
from competency_maps.messages import render
from competency_maps.model.schema import build_schema

ROOT = Path(__file__).resolve().parent.parent


def _edit(inputs: Path, old: str, new: str) -> None:
    toml = inputs / "deliverable.toml"
    text = toml.read_text(encoding="utf-8")
    assert old in text
    toml.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("old, new, code, where", [
    ('number = "D2.1"', "number = 21", "config.text.type", ("deliverable", "number")),
    ("date = 2020-10-02", "date = 2020", "config.date.type", ("deliverable", "date")),
    ('chapter = "{name} competency map"', 'chapter = "{name map"',  # the sample's own [headings]
     "config.pattern.invalid", ("headings", "chapter")),
    ('funding = "funding.md"', 'funding = "."', "input_file.folder", ("texts", "funding")),
    ('funding = "funding.md"', 'funding = "../../../../../../../../etc/passwd"', "input_file.up",
     ("texts", "funding")),
])
def test_a_wrong_toml_is_exit_1_with_its_place_and_no_workbook_judged(inputs, tmp_path, old, new, code, where):
    _edit(inputs, old, new)
    r = run("--inputs", str(inputs), "--output", str(tmp_path / "out"), "--only", "docx")
    assert r.code == 1, r.out
    assert [(i.code, i.location) for i in r.issues if i.is_error] == [(code, Location("deliverable.toml", *where))]
    assert str(Location("deliverable.toml", *where)) in r.out
    assert all(i.location.file == "deliverable.toml" for i in r.issues)  # no workbook was judged against it
    assert r.codes() == ["console.problems", "console.build.config_errors"]
    assert not (tmp_path / "out").exists()


def test_a_toml_that_is_a_folder_is_exit_1(inputs, tmp_path):
    (inputs / "deliverable.toml").unlink()
    (inputs / "deliverable.toml").mkdir()
    code, out = run("--inputs", str(inputs), "--output", str(tmp_path / "out"))
    folder = render("input_file.folder", {"name": "deliverable.toml"}).message
    assert code == 1 and f"deliverable.toml: {folder}" in out, out


def test_inputs_naming_a_file_is_named_as_such(tmp_path):
    f = tmp_path / "report.xlsx"
    f.write_bytes(b"x")
    code, out = run("--inputs", str(f), "--output", str(tmp_path / "out"))
    assert code == 1 and f"{f}: {render('inputs.not_folder', {}).message}" in out, out


def test_options_are_accepted_after_the_command():
    args = _parser().parse_args(["proof", "Mobinov", "--output", "D", "--only", "pdf", "--inputs", "I"])
    assert (args.output, args.only, args.inputs) == (Path("D"), "pdf", Path("I"))
    args = _parser().parse_args(["--output", "D", "proof", "Mobinov"])  # before it, as always
    assert args.output == Path("D") and args.inputs == Path("inputs")
    assert _parser().parse_args(["check", "a.xlsx", "--inputs", "I"]).inputs == Path("I")


def test_check_says_when_it_has_no_deliverable_to_check_against(tmp_path, make_workbook, monkeypatch):
    path = make_workbook(tmp_path)
    monkeypatch.chdir(tmp_path)  # run from another folder: no inputs/ here
    r = run("check", str(path))
    assert r.code == 0, r.out
    [note] = [i for i in r.issues if i.code == "check.config.default"]
    assert note.params == {"config": "deliverable.toml", "folder": "inputs"}


def test_check_with_a_broken_toml_names_it_and_judges_no_workbook(inputs, tmp_path, make_workbook):
    path = make_workbook(tmp_path)
    _edit(inputs, "[swot]\ntopics = [", "[swot]\ntopics = \"x\"\nold = [")
    r = run("check", str(path), "--inputs", str(inputs))
    assert r.code == 1, r.out
    assert [(i.code, i.location) for i in r.issues if i.is_error] == [
        ("config.list.type", Location("deliverable.toml", "swot", "topics"))]
    assert "cluster.xlsx" not in r.out and r.codes() == ["console.file", "console.check.config_broken"]


def test_check_names_files_by_path_when_their_names_collide(tmp_path, make_workbook):
    from conftest import typed
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    make_workbook(a, name="x.xlsx")
    make_workbook(b, name="x.xlsx", edit=typed({"SWOT!B2": "Strenght"}))
    r = run("check", str(a / "x.xlsx"), str(b / "x.xlsx"), "--inputs", str(ROOT / "inputs"))
    assert r.code == 1
    assert [(h["file"], h["errors"].code) for h in r.lines("console.check.file")] == [
        (str(a / "x.xlsx"), "console.count.ok"), (str(b / "x.xlsx"), "console.count.errors")]
    assert [i.code for i in r.at(str(b / "x.xlsx"), "SWOT", "B2")] == ["cell.choice.unknown.close"]


@pytest.mark.slow
def test_check_of_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "returned.xlsx"
    os.mkfifo(fifo)  # opening it would wait for a writer forever
    proc = subprocess.run([sys.executable, str(ROOT / "build.py"), "check", str(fifo),
                           "--inputs", str(ROOT / "inputs")], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stdout
    assert f"returned.xlsx: {render('workbook.not_regular', {}).message}" in proc.stdout


def test_rows_only_formatted_below_the_entries_are_not_counted(tmp_path, make_workbook, monkeypatch):
    """Excel keeps a formatted empty row as cells without a value; 100,000 of them used to be
    refused as 'has 100000 rows'. Here the limit is lowered instead of writing 100,000 rows."""
    from openpyxl.styles import PatternFill

    from competency_maps.inputs import reader

    def formatted(wb):
        ws = wb["SWOT"]
        for r in range(ws.max_row + 1, ws.max_row + 300):
            ws.cell(row=r, column=4).fill = PatternFill("solid", fgColor="FFFF00")

    monkeypatch.setattr(reader, "MAX_ROWS", 200)
    path = make_workbook(tmp_path, edit=formatted)
    code, out = run("check", str(path), "--inputs", str(ROOT / "inputs"))
    assert code == 0, out
    assert "sheet.too_many_rows" not in [i.code for i in reader.read_workbook(path, build_schema()).issues]
