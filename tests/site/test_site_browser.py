"""The built site in headless Chromium, used as a partner uses it; every request recorded."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import openpyxl
import pytest
from openpyxl.drawing.image import Image as XlImage
from PIL import Image as Pil

from competency_maps.site.browser import Session
from site_corpus import ROOT, SAMPLE
from once import folder_for, once
from site_fixtures import built_site, chromium, corpus, node  # noqa: F401 - fixtures

BROWSER_CHECK = Path(__file__).with_name("browser_check.mjs")


def drive(node: str, url: str, broken: Path, clean: Path, out: Path, *flags: str) -> dict:
    done = subprocess.run([node, str(BROWSER_CHECK), url, str(broken), str(clean), str(out), *flags],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert "error" not in result, result["error"]
    return result


MARKUP = "<img src=x onerror=alert(1)> & <b>not bold</b>"


def _workbook(folder: Path, name: str, cells: dict[str, str]) -> Path:
    """Mov'eo's workbook with `cells` typed and a pasted PNG logo (the annotated copy must keep it)."""
    buf = io.BytesIO()
    Pil.new("RGB", (60, 30), "teal").save(buf, "PNG")
    wb = openpyxl.load_workbook(SAMPLE / "moveo.xlsx", rich_text=True)
    for ref, value in cells.items():
        sheet, cell = ref.split("!")
        wb[sheet][cell] = value
    wb["Cluster"].add_image(XlImage(buf), "D2")
    path = folder / name
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def session_result(built_site, corpus, node, chromium):
    """Once per run, whichever worker asks first (tests/once.py): Chromium's session takes seconds."""
    return once("browser session", lambda: _session(built_site, node))


def _session(built_site: Path, node: str) -> tuple[str, Path, dict]:
    import threading
    from competency_maps.site.serve import server
    folder = folder_for("browser")
    folder.mkdir(parents=True, exist_ok=True)
    broken = _workbook(folder, "Mov'eo broken.xlsx", {"SWOT!B3": "Strenght", "SWOT!D4": "=1+1", "SWOT!B5": MARKUP})
    clean = _workbook(folder, "Mov'eo clean.xlsx", {"SWOT!D6": MARKUP})
    httpd = server(built_site, 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/"
        return url, broken, drive(node, url, broken, clean, folder)
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.slow
def test_no_request_leaves_the_site(session_result):
    url, _, result = session_result
    assert result["requests"]
    outside = [u for u in result["requests"] if not u.startswith(url) and not u.startswith("blob:" + url[:-1])]
    assert outside == []
    assert result["problems"] == []  # no script error, no refused resource, no 404


@pytest.mark.slow
def test_the_page_shows_the_issues_check_gives_grouped_by_sheet(session_result):
    _, broken, result = session_result
    _, issues = Session(SAMPLE).issues(broken)
    expected = [(i.location.sheet, i.code, i.location.cell, i.severity.value, i.text().message) for i in issues]
    shown = [(g["sheet"], i["code"], i["cell"], i["severity"], i["message"])
             for g in result["broken"]["groups"] for i in g["issues"]]
    assert sorted(shown) == sorted(expected) and len(expected) == 3
    assert [g["heading"] for g in result["broken"]["groups"]] == ["Sheet SWOT"]
    assert all(i["shown_cell"] == f"Cell {i['cell']}" for g in result["broken"]["groups"] for i in g["issues"])
    assert result["broken"]["summary"].startswith("Mov'eo broken.xlsx (Mov'eo): errors 3")
    assert result["broken"]["preview_disabled"]
    assert result["broken"]["limits"] and "Pictures" in result["broken"]["limits"][0]


@pytest.mark.slow
def test_partner_text_stays_text_on_the_page_and_in_the_preview(session_result):
    _, _, result = session_result
    [quoted] = [i for g in result["broken"]["groups"] for i in g["issues"] if i["cell"] == "B5"]
    assert MARKUP in quoted["message"] and result["broken"]["elements"] == {"img": 0, "b": 0}
    assert MARKUP in result["preview"]["text"] and result["preview"]["elements"] == {"img": 0, "b": 0}
    assert result["preview"]["scripts"] == 0
    assert result["sandbox"] == "allow-same-origin"  # no scripts in the frame


@pytest.mark.slow
def test_the_annotated_copy_downloads_with_its_marks_and_the_logo(session_result):
    _, broken, result = session_result
    assert result["download"]["name"] == broken.name
    wb = openpyxl.load_workbook(result["download"]["path"])
    assert wb.sheetnames[0] == "Check"
    assert wb["SWOT"]["B3"].comment is not None and wb["SWOT"]["D4"].comment is not None
    [logo] = wb["Cluster"]._images  # kept without Pillow
    assert (logo.format, logo.width, logo.height) == ("png", 60, 30)


@pytest.mark.slow
def test_the_preview_is_the_chapter_in_the_bundled_fonts(session_result):
    _, _, result = session_result
    p = result["preview"]
    assert p["h1"][0] == "Mov'eo competency map"
    assert any(h.startswith("Step 2") for h in p["h2"])
    assert "Carlito" in p["fonts"]
    assert "Strong cash flow" in p["text"]
    assert result["clean"]["summary"] == "Mov'eo clean.xlsx (Mov'eo): no errors. You can send it to the coordinator."
