"""`build.py site`: what the folder holds, the pins checked, the page's words coded, the server."""

from __future__ import annotations

import json
import re
import urllib.request
import zipfile
from pathlib import Path

import pytest

from competency_maps import messages
from competency_maps.errors import ReportError
from competency_maps.site import fetch, pins
from competency_maps.site.build import CSP, _summary
from competency_maps.site.deliverable import unpack
from competency_maps.site.preview import for_screen
from site_corpus import ROOT
from site_fixtures import built_site, node, served  # noqa: F401 - fixtures
from reports import run_cli

SITE_TEMPLATES = ROOT / "templates" / "site"


@pytest.mark.slow
def test_the_site_holds_what_site_json_lists_and_fits_a_first_visit_in_8_mb(built_site):
    manifest = json.loads((built_site / "site.json").read_text())
    assert manifest["pyodide"] == pins.PYODIDE_VERSION
    for name in manifest["wheels"]:
        assert zipfile.is_zipfile(built_site / "wheels" / name), name
    assert {p.name for p in (built_site / "pyodide").iterdir()} == set(pins.PYODIDE_FILES)
    assert len(manifest["wheels"]) == len(pins.WHEELS) + 2
    summary = _summary(built_site)
    assert summary.first_visit <= 8 * 1024 * 1024
    assert sorted(p.name for p in (built_site / "preview" / "fonts").glob("*.woff2")) == sorted(
        f"{n}.woff2" for n in ("Carlito-Bold", "Carlito-BoldItalic", "Carlito-Italic", "Carlito-Regular",
                               "DejaVuSans", "DejaVuSansMono"))
    assert ".ttf" not in (built_site / "preview" / "report.css").read_text()


@pytest.mark.slow
def test_what_the_checker_imports_is_shipped_compiled(built_site, node):
    """Node.js is there (node fixture), so the build compiled the checker's modules ahead."""
    stdlib = zipfile.ZipFile(built_site / "pyodide" / "python_stdlib.zip").namelist()
    assert "zipfile/__init__.pyc" in stdlib and "zipfile/__init__.py" not in stdlib
    assert "tkinter/__init__.py" in stdlib or not any(n.startswith("tkinter/") for n in stdlib)  # rest: sources
    [own] = (built_site / "wheels").glob("competency_maps-*.whl")
    names = zipfile.ZipFile(own).namelist()
    assert "competency_maps/inputs/reader.pyc" in names and "competency_maps/inputs/reader.py" not in names
    assert "competency_maps/site/preview.py" in names  # imported after the page is ready: source


@pytest.mark.slow
def test_the_page_allows_only_its_own_files_and_webassembly(built_site):
    html = (built_site / "index.html").read_text()
    [policy] = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert policy.replace("&#39;", "'") == CSP
    sources = set(re.findall(r"'[a-z-]+'", CSP))
    assert sources == {"'self'", "'wasm-unsafe-eval'", "'none'"}
    assert "<script>" not in html and "style=" not in html and "<style" not in html  # nothing inline
    assert "http" not in html.replace('http-equiv', '')


@pytest.mark.slow
def test_markupsafe_is_its_pure_fallback_and_the_project_wheel_holds_the_reports_template(built_site):
    wheels = built_site / "wheels"
    [ms] = wheels.glob("markupsafe-*-py3-none-any.whl")
    names = zipfile.ZipFile(ms).namelist()
    assert "markupsafe/_native.py" in names and not [n for n in names if n.endswith((".c", ".so", ".pyd"))]
    [own] = wheels.glob("competency_maps-*.whl")
    names = zipfile.ZipFile(own).namelist()
    assert "competency_maps/templates/report.html.j2" in names and "competency_maps/site/preview.py" in names
    assert not [n for n in names if n.endswith((".ttf", ".docx"))]


def test_every_word_of_the_page_is_a_coded_template():
    script = (SITE_TEMPLATES / "app.js").read_text() + (SITE_TEMPLATES / "index.html.j2").read_text()
    used = set(re.findall(r"""(?:\bt|hint)\(["'`]([a-z_.]+)["'`]""", script)) | \
        set(re.findall(r'data-msg(?:-hint)?="([a-z_.]+)"', script))
    used |= {f"site.severity.{s}" for s in messages.SEVERITIES}
    assert len(used) > 20 and used <= set(messages.codes())
    assert "site.limit.pictures" in messages.codes()


def test_a_download_that_does_not_match_its_pin_is_refused(tmp_path, monkeypatch):
    artifact = pins.Artifact("openpyxl", "3.1.5", "openpyxl-3.1.5-py2.py3-none-any.whl", "0" * 64, "pypi")

    def tampered(a, folder: Path) -> Path:
        (folder / a.filename).write_bytes(b"not what was pinned")
        return folder / a.filename
    monkeypatch.setattr(fetch, "_download", tampered)
    with pytest.raises(ReportError) as e:
        fetch.fetched(artifact, tmp_path)
    assert e.value.code == "site.command.hash_mismatch"
    assert list(tmp_path.iterdir()) == []  # nothing kept in the cache


def test_a_cached_file_is_checked_again(tmp_path, monkeypatch):
    data = b"pinned bytes"
    import hashlib
    artifact = pins.Artifact("x", "1", "x-1.whl", hashlib.sha256(data).hexdigest(), "pypi")
    (tmp_path / "x-1.whl").write_bytes(b"changed since")
    calls = []

    def download(a, folder):
        calls.append(a)
        (folder / a.filename).write_bytes(data)
        return folder / a.filename
    monkeypatch.setattr(fetch, "_download", download)
    assert fetch.fetched(artifact, tmp_path).read_bytes() == data and len(calls) == 1
    assert fetch.fetched(artifact, tmp_path).read_bytes() == data and len(calls) == 1


def test_the_deliverable_unpacks_only_inside_its_folder(tmp_path):
    for bad in ("../evil.toml", "/etc/x.toml", "a/b/c.md", "other/x.svg"):
        with pytest.raises(ValueError):
            unpack({"files": {bad: {"text": ""}, "deliverable.toml": {"text": ""}}}, tmp_path / "d")
    assert not (tmp_path / "evil.toml").exists()


def test_the_preview_keeps_nothing_the_frame_would_fetch_or_run():
    html = ('<html><head><link rel="stylesheet" href="report.css"><style>@page{}</style></head><body>'
            '<col style="width:22%"><img src="memory:logo-ch1" alt="Logo" class="x">'
            '<a href="https://example.org/">site</a><a href="#ch1">back</a>'
            '<p>&lt;img src=x&gt; style=&#34;a&#34;</p></body></html>')
    out = for_screen(html, "http://127.0.0.1:8000/preview/")
    assert '<base href="http://127.0.0.1:8000/preview/">' in out
    assert 'href="report.css"' in out and 'href="preview.css"' in out
    assert "style=\"" not in out and "<style>" not in out and "memory:" not in out
    assert "example.org" not in out and 'href="#ch1"' in out
    assert "&lt;img src=x&gt; style=&#34;a&#34;" in out  # partner text as the template escaped it


@pytest.mark.slow
def test_build_py_site_writes_replaces_and_refuses_a_folder_that_is_not_a_site(tmp_path, served, built_site):
    code, out = run_cli("site", "-o", str(tmp_path / "s"), "--inputs", str(ROOT / "inputs"))
    assert code == 0 and (tmp_path / "s" / "index.html").is_file(), out
    code, out = run_cli("site", "-o", str(tmp_path / "s"), "--inputs", str(ROOT / "inputs"))
    assert code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["s"]  # no building or old folder left beside it
    other = tmp_path / "notes"
    other.mkdir()
    (other / "mine.txt").write_text("keep me")
    code, out = run_cli("site", "-o", str(other), "--inputs", str(ROOT / "inputs"))
    assert code == 1 and "notes" in out and (other / "mine.txt").read_text() == "keep me"
    with urllib.request.urlopen(served + "pyodide/pyodide.asm.wasm") as r:  # noqa: S310 - 127.0.0.1
        assert r.headers["Content-Type"] == "application/wasm"
        assert r.headers["Content-Security-Policy"] == CSP
    with urllib.request.urlopen(served + "worker.js") as r:  # noqa: S310
        assert r.headers["Content-Type"].startswith("text/javascript")
