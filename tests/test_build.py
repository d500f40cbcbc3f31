"""The coordinator's build: status, never losing the last good report, drafts and proofs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from reports import docx_paragraphs, sample_docx, sample_docx_pdf_numbers, sample_gathered, sample_pdf
from reports import run_cli as run

from competency_maps.commands import build as build_command
from competency_maps.messages import render
from competency_maps.publish.files import write_atomically
from competency_maps.render.docx import paginate

pytestmark = pytest.mark.slow  # builds reports or drives a real client

STEM = "D2.1-clusters-competency-maps"
CLUSTERS = ["E-Mobility Cluster", "Mobinov", "Mov'eo", "RAI Automotive Industry NL", "Zone Cluster"]


@pytest.fixture
def fast(monkeypatch):
    """Render only the DOCX unless a test needs the PDF (the PDF has tests of its own)."""
    return ["--only", "docx"]


def _break(path: Path) -> None:
    wb = load_workbook(path, rich_text=True)
    wb["SWOT"]["B2"] = "Strenght"
    wb.save(path)


def test_build_writes_both_outputs_and_a_status_table(inputs, tmp_path, monkeypatch):
    """End to end, as the coordinator runs it: every workbook returned, both files written."""
    monkeypatch.setenv("COMPETENCY_MAPS_JOBS", "2")  # the PDF in the second process, on any machine
    monkeypatch.delenv("COMPETENCY_MAPS_TOC_PAGES")  # the default: the contents' numbers from LibreOffice
    out_dir = tmp_path / "out"
    r = run("--inputs", str(inputs), "--output", str(out_dir))
    code, out = r
    assert code == 0, out
    assert "console.problems" not in r.codes() and not r.issues
    for name in CLUSTERS:
        assert name in out
    assert out.count("returned") == 5  # the status table
    sizes = {Path(w["file"]).name: w["size"] for w in r.lines("console.wrote.sized")}
    assert sizes[f"{STEM}.pdf"].code == "console.count.pages" and sizes[f"{STEM}.pdf"].params["count"] > 10
    assert sorted(p.name for p in out_dir.iterdir()) == [f"{STEM}-synthesis-review.xlsx", f"{STEM}.docx", f"{STEM}.pdf",
                                                        f"{STEM}.snapshot.json"]
    # the very report that the inputs give, laid out in one process or two
    assert (out_dir / f"{STEM}.docx").read_bytes() == sample_docx()
    assert (out_dir / f"{STEM}.pdf").read_bytes() == sample_pdf().data


def test_the_pdf_page_numbers_switch_skips_libreoffice(inputs, tmp_path, monkeypatch):
    """COMPETENCY_MAPS_TOC_PAGES=pdf (as every other test builds): the Word file's contents list
    shows the PDF's page numbers, and LibreOffice is not run."""
    monkeypatch.setenv("COMPETENCY_MAPS_TOC_PAGES", "pdf")
    monkeypatch.setattr(paginate, "libreoffice_pages", lambda *a: pytest.fail("LibreOffice was run"))
    out_dir = tmp_path / "out"
    assert run("--inputs", str(inputs), "--output", str(out_dir), "--only", "docx")[0] == 0
    assert (out_dir / f"{STEM}.docx").read_bytes() == sample_docx_pdf_numbers()


def test_a_broken_workbook_leaves_previous_output_bytes_unchanged(inputs, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    before = {f"{STEM}.docx": sample_docx(), f"{STEM}.pdf": sample_pdf().data}  # the last good build's
    for name, data in before.items():
        (out_dir / name).write_bytes(data)
    _break(inputs / "mobinov.xlsx")
    code, out = run("--inputs", str(inputs), "--output", str(out_dir))
    assert code == 1
    assert "ERROR mobinov.xlsx › SWOT › B2: " in out  # the place; the words are messages/' to test
    assert "unchanged" in out
    assert {p.name: p.read_bytes() for p in out_dir.iterdir()} == before


def test_a_failed_render_leaves_no_partial_file_and_keeps_the_old_one(inputs, tmp_path, monkeypatch):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / f"{STEM}.docx").write_bytes(b"previous good report")

    def killed(content):
        raise KeyboardInterrupt

    import competency_maps.render.pdf.render as rp
    monkeypatch.setattr(rp, "render_pdf", killed)
    monkeypatch.setenv("COMPETENCY_MAPS_JOBS", "1")  # the patch is in this process only
    code, out = run("--inputs", str(inputs), "--output", str(out_dir))
    assert code == 130
    assert sorted(p.name for p in out_dir.iterdir()) == [f"{STEM}.docx"]
    assert (out_dir / f"{STEM}.docx").read_bytes() == b"previous good report"


def test_write_atomically_cleans_up_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")

    def boom(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, b"new")
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
    assert target.read_bytes() == b"old"


def test_a_missing_partner_is_named_and_nothing_is_written(inputs, tmp_path, fast):
    (inputs / "zone.xlsx").unlink()
    r = run("--inputs", str(inputs), "--output", str(tmp_path / "out"), *fast)
    code, out = r
    assert code == 1
    assert render("inputs.workbook.missing", {"cluster": "Zone Cluster", "folder": "inputs"}).message in out
    assert "MISSING" in out  # the status table
    assert r.lines("console.build.errors") == [{"count": 1, "folder": str(tmp_path / "out")}]
    assert not (tmp_path / "out").exists()


def test_a_draft_shows_placeholders_marks_every_page_and_says_what_was_left_out(
        inputs, tmp_path, require_tool):
    import subprocess
    for name in ("zone", "e-mobility", "rai"):  # not returned yet (fewer pages to lay out, too)
        (inputs / f"{name}.xlsx").unlink()
    _break(inputs / "mobinov.xlsx")
    out_dir = tmp_path / "out"
    r = run("--inputs", str(inputs), "--output", str(out_dir), "--draft")
    code, out = r
    assert code == 0, out
    assert render("inputs.workbook.missing", {"cluster": "Zone Cluster", "folder": "inputs"}).message in out
    assert r.lines("console.build.draft") == [
        {"count": 4, "names": ["E-Mobility Cluster", "Mobinov", "RAI Automotive Industry NL", "Zone Cluster"]}]
    assert sorted(p.name for p in out_dir.iterdir()) == [f"{STEM}-DRAFT.docx", f"{STEM}-DRAFT.pdf"]

    path = out_dir / f"{STEM}-DRAFT.docx"
    paras = [t for _, t in docx_paragraphs(path.read_bytes())]
    assert "Workbook not returned." in paras
    assert "Workbook has 1 error — not shown." in paras
    assert any(t.startswith("DRAFT — not for circulation") for t in paras)
    from docx import Document
    header = Document(path).sections[0].header.paragraphs[0].text
    assert "DRAFT" in header

    pdf = out_dir / f"{STEM}-DRAFT.pdf"
    text = subprocess.run([require_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")[:-1]
    assert pages and all("DRAFT" in p for p in pages)
    assert "Workbook not returned." in text


def test_proof_holds_exactly_one_chapter(inputs, tmp_path):
    out_dir = tmp_path / "out"
    code, out = run("--inputs", str(inputs), "--output", str(out_dir), "--only", "docx", "proof", "Mobinov")
    assert code == 0, out
    [docx] = out_dir.glob("*proof*.docx")
    h1 = [t.strip() for s, t in docx_paragraphs(docx.read_bytes()) if s == "Heading 1"]  # then the logo
    assert h1 == ["Mobinov competency map", "About the RECIPE4Mobility Partners"]
    assert "Mobinov (Portugal)" in [t.strip() for _, t in docx_paragraphs(docx.read_bytes())]


def test_proof_of_an_unknown_cluster_says_which_exist(inputs, tmp_path):
    code, out = run("--inputs", str(inputs), "--output", str(tmp_path), "proof", "Nope")
    assert code == 1 and "Mobinov" in out


def test_an_internal_fault_is_a_message_not_a_traceback(inputs, tmp_path, monkeypatch):
    def bug(*a, **k):
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(build_command, "gather", bug)
    r = run("--inputs", str(inputs), "--output", str(tmp_path))
    assert r.code == 3 and "Traceback" not in r.out
    assert r.lines("console.internal_error") == [{"error_type": "ZeroDivisionError", "detail": "oops"}]


class _Table:
    """A console that keeps the status table it is given."""
    language = "en"

    def table(self, header, rows):
        self.header, self.rows = header, rows


@pytest.mark.parametrize("switch, gone", [({"tows": False}, ["TOWS"]),
                                          ({"swot": False}, ["S", "W", "O", "T", "per topic"])])
def test_the_status_table_has_no_column_of_a_step_switched_off(switch, gone):
    g = sample_gathered()
    d = replace(g.deliverable, chapter=replace(g.deliverable.chapter, **switch))
    full, shown = _Table(), _Table()
    build_command.print_status(g, full)
    build_command.print_status(replace(g, deliverable=d), shown)
    assert [h for h in full.header if h not in gone] == shown.header
    assert all(len(row) == len(shown.header) for row in shown.rows) and len(shown.rows) == len(full.rows)
