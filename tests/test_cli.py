"""The command line, called as `main(argv)`: exit codes and what the coordinator reads."""

import io
from pathlib import Path

import pytest
from conftest import typed

from competency_maps import commands
from competency_maps.cli import main
from competency_maps.console import Console
from competency_maps.inputs.reader import read_workbook
from competency_maps.model.schema import build_schema

INPUTS = Path(__file__).resolve().parent.parent / "inputs"


class Run:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err


def run(*argv) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], Console(out, err, progress=False))
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def rendered(monkeypatch):
    """Replace the renderers: these tests are about reading the inputs, and stay fast."""
    calls = []

    def fake_render_all(content, output, stem, only, console, pdf_process=None, also=()):
        calls.append((content, output, stem, only))
        return []

    monkeypatch.setattr(commands, "render_all", fake_render_all)
    monkeypatch.setenv("COMPETENCY_MAPS_JOBS", "1")  # no second process for a PDF never made
    return calls


def assert_nothing_written(out: Path):
    assert not out.exists() or not any(out.iterdir())


# --- check -------------------------------------------------------------------------------------


def test_check_good_file(tmp_path, make_workbook):
    r = run("--inputs", INPUTS, "check", make_workbook(tmp_path))
    assert r.code == 0
    assert "No errors." in r.out
    assert "cluster.xlsx (Test Cluster): OK, 0 warning(s)" in r.out


def test_check_broken_file(tmp_path, make_workbook):
    r = run("--inputs", INPUTS, "check", make_workbook(tmp_path, edit=typed({"SWOT!B2": "Stength"})))
    assert r.code == 1
    assert "cluster.xlsx › SWOT › B2" in r.out and "'Stength'" in r.out
    assert "1 error(s)" in r.out and "No errors." not in r.out


def test_check_lists_every_file(tmp_path, make_workbook):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a workbook")
    r = run("--inputs", INPUTS, "check", make_workbook(tmp_path), bad, tmp_path / "absent.xlsx")
    assert r.code == 1
    assert "cluster.xlsx (Test Cluster): OK" in r.out
    assert "ERROR notes.xlsx: is not an Excel workbook" in r.out
    assert "ERROR absent.xlsx: cannot be opened" in r.out
    assert "2 error(s)" in r.out


def test_check_prints_warnings_but_succeeds(tmp_path, make_workbook):
    r = run("--inputs", INPUTS, "check", make_workbook(tmp_path, edit=typed({"SWOT!F3": "a note"})))
    assert r.code == 0
    assert "WARNING cluster.xlsx › SWOT › F3" in r.out and "1 warning(s)" in r.out


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
    assert f"ERROR {path}: cannot be written" in r.out
    assert "internal error" not in r.out


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
    from openpyxl import load_workbook
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
    line = next(x for x in r.out.splitlines() if "Test Cluster" in x and "WARNING" in x)
    assert "extra.xlsx › Cluster › B2" in line and "not in the deliverable's list" in line


@pytest.mark.slow
def test_build_with_an_unreadable_workbook(inputs, tmp_path):
    (inputs / "zone.xlsx").write_bytes(b"")
    r = run("--inputs", inputs, "--output", tmp_path / "out")
    assert r.code == 1
    assert "ERROR zone.xlsx: is empty" in r.out
    assert "Zone Cluster: no workbook" in r.out


def test_build_without_inputs_folder(tmp_path):
    r = run("--inputs", tmp_path / "nowhere", "--output", tmp_path / "out")
    assert r.code == 1
    assert "does not exist" in r.out


@pytest.mark.parametrize("extra", [[], ["--draft"]])
def test_a_broken_configuration_stops_the_build_a_draft_too(inputs, tmp_path, extra):
    (inputs / "deliverable.toml").write_text("[deliverable\nnumber = ", encoding="utf-8")
    r = run("--inputs", inputs, "--output", tmp_path / "out", *extra)
    assert r.code == 1 and "deliverable.toml" in r.out and "template" not in r.out
    assert_nothing_written(tmp_path / "out")


def test_new_workbook_never_overwrites_a_file_without_force(tmp_path):
    import io

    from competency_maps.cli import main
    from competency_maps.console import Console
    target = tmp_path / "Moveo.xlsx"
    target.write_bytes(b"a partner's returned workbook")
    out = io.StringIO()
    assert main(["new-workbook", "Mov'eo", "-o", str(target)], Console(out, io.StringIO(), progress=False)) == 1
    assert "already exists" in out.getvalue() and target.read_bytes() == b"a partner's returned workbook"
    assert main(["new-workbook", "Mov'eo", "-o", str(target), "--force"],
                Console(io.StringIO(), io.StringIO(), progress=False)) == 0
    assert target.read_bytes().startswith(b"PK")


@pytest.mark.parametrize("extra", [[], ["--draft"], ["proof", "Mobinov"]])
def test_without_deliverable_toml_nothing_is_built_not_even_a_draft(inputs, tmp_path, extra):
    (inputs / "deliverable.toml").unlink()
    r = run("--inputs", inputs, "--output", tmp_path / "out", *extra)
    assert r.code == 1
    assert "deliverable.toml" in r.out and "is missing" in r.out and "template" not in r.out
    assert_nothing_written(tmp_path / "out")
