"""The browser's checker answers as the command line: the corpus through Pyodide under Node.js (the
built site's own runtime and wheels, no Pillow, no lxml) and through CPython (`build.py check`)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from competency_maps import messages
from competency_maps.site.browser import Session
from site_corpus import ROOT, SAMPLE
from site_fixtures import built_site, corpus, node  # noqa: F401 - fixtures
from once import once
from reports import run_cli

NODE_CHECK = Path(__file__).with_name("pyodide_check.mjs")


def _printed(record: dict) -> str:
    """An issue record as the command line prints it (errors.Issue.__str__)."""
    where = " › ".join(p for p in (record["file"], record["sheet"], record["cell"]) if p)
    tail = f" {record['hint']}" if record["hint"] else ""
    return f"{record['severity'].upper()} {where + ': ' if where else ''}{record['message']}{tail}"


def _check_in_pyodide(node: str, site: Path, corpus: list[Path]) -> dict[str, dict]:
    done = subprocess.run([node, str(NODE_CHECK), str(site), *map(str, corpus)], capture_output=True,
                          text=True, timeout=900, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return {r["file"]: r for r in map(json.loads, done.stdout.splitlines())}


@pytest.fixture(scope="module")
def in_pyodide(built_site, corpus, node) -> dict[str, dict]:
    """Once per run (tests/once.py): Pyodide's start under Node takes seconds."""
    return once("in pyodide", lambda: _check_in_pyodide(node, built_site, corpus))


@pytest.mark.slow
def test_pyodide_runs_without_pillow_and_checks_every_workbook(in_pyodide, corpus):
    assert sorted(in_pyodide) == sorted(p.name for p in corpus)
    assert not any(r["pillow"] for r in in_pyodide.values())


@pytest.mark.slow
def test_the_same_issues_codes_cells_and_severities_as_cpython(in_pyodide, corpus):
    session = Session(SAMPLE)  # CPython, with Pillow and lxml: the command line's environment
    for path in corpus:
        _, issues = session.issues(path)
        expected = [(i.code, i.severity.value, i.location.file, i.location.sheet, i.location.cell) for i in issues]
        got = [(r["code"], r["severity"], r["file"], r["sheet"], r["cell"]) for r in in_pyodide[path.name]["issues"]]
        assert got == expected, path.name
        assert [r["params"] for r in in_pyodide[path.name]["issues"]] == \
            [messages.jsonable(dict(i.params)) for i in issues], path.name


@pytest.mark.slow
def test_the_same_lines_as_build_py_check_prints(in_pyodide, corpus):
    for path in corpus:
        code, out = run_cli("check", "--inputs", str(SAMPLE), str(path))
        printed = [line.strip() for line in out.splitlines() if line.strip().startswith(("ERROR ", "WARNING ", "INFO "))]
        assert printed == [_printed(r) for r in in_pyodide[path.name]["issues"]], path.name
        assert code == (1 if in_pyodide[path.name]["errors"] else 0)


@pytest.mark.slow
def test_each_broken_copy_is_caught_where_it_is_broken(in_pyodide):
    def places(name, severity="error"):
        return [(r["sheet"], r["cell"]) for r in in_pyodide[name]["issues"] if r["severity"] == severity]
    assert places("bad-quadrant.xlsx") == [("SWOT", "B3")]
    assert places("formula.xlsx") == [("SWOT", "D4")]
    assert places("control-character.xlsx", "warning") == [("SWOT", "D5")]
    assert places("gif-logo.xlsx") == [("Cluster", "D2")]  # the GIF refused, as by Pillow
    assert places("second-picture.xlsx", "warning") == [("Cluster", "D12")]
    for name in ("truncated.xlsx", "text-file.xlsx", "doctype.xlsx"):
        assert places(name) == [("", "")], name
    for name in ("e-mobility.xlsx", "mobinov.xlsx", "moveo.xlsx", "rai.xlsx", "zone.xlsx"):
        assert in_pyodide[name]["errors"] == 0, name
    # what the browser checks differently is said on the page: pictures read from their headers
    assert in_pyodide["gif-logo.xlsx"]["limits"] == ["site.limit.pictures"]
    assert in_pyodide["moveo.xlsx"]["limits"] == []
