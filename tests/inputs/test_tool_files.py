"""The tool's own workbooks among a partner's: `check inputs/*.xlsx` on the shipped inputs has the
synthesis review; recognised by content (its sheet and headers, the export's document property), never
judged as a broken partner's workbook."""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import load_workbook
from reports import sample_gathered
from test_cli import INPUTS, run

from competency_maps.analysis.decisions import REVIEW_NAME, SHEET
from competency_maps.dataset.export import export_bytes
from competency_maps.inputs.gather import gather


def test_check_on_every_shipped_workbook_passes():
    r = run("--inputs", INPUTS, "check", *sorted(INPUTS.glob("*.xlsx")))
    assert r.code == 0, r.out
    assert [i.code for i in r.at(REVIEW_NAME)] == ["check.tool_file.review"]
    assert not [i for i in r.issues if i.is_error]


def test_a_broken_review_is_checked_as_a_review_whatever_its_name(tmp_path):
    wb = load_workbook(INPUTS / REVIEW_NAME)
    wb[SHEET]["E2"] = "Maybe"
    path = tmp_path / "my decisions.xlsx"
    wb.save(path)
    r = run("--inputs", INPUTS, "check", path, "--format", "json")
    assert r.code == 1
    assert '"tool_file": "synthesis review"' in r.out and '"review.include.unknown"' in r.out
    assert '"sheet.missing"' not in r.out


def test_an_export_is_named_and_skipped(tmp_path):
    g = sample_gathered()  # the sample's XLSX export, as `export` writes it (the command: test_export.py)
    out = tmp_path / "data.xlsx"
    out.write_bytes(export_bytes(g.clusters, g.deliverable, "xlsx"))
    r = run("--inputs", INPUTS, "check", out)
    assert r.code == 0
    assert [i.code for i in r.at("data.xlsx")] == ["check.tool_file.export"]


def test_a_partner_sheet_named_review_is_still_a_partners_workbook(tmp_path, make_workbook):
    def add_review(wb):
        ws = wb.create_sheet(SHEET)
        ws.append(["Kind", "Theme", "Entries", "Include"])
    r = run("--inputs", INPUTS, "check", make_workbook(tmp_path, edit=add_review))
    assert "cluster.xlsx (Test Cluster)" in r.out
    assert "check.tool_file.review" not in {i.code for i in r.issues}


def test_the_build_names_a_review_saved_under_another_name(tmp_path):
    inputs = Path(shutil.copytree(INPUTS, tmp_path / "inputs"))
    (inputs / REVIEW_NAME).rename(inputs / "review-v2.xlsx")
    g = gather(inputs)
    [found] = [i for i in g.issues if i.location.file == "review-v2.xlsx"]
    assert found.code == "inputs.tool_file.review" and found.params["name"] == REVIEW_NAME
    assert "review-v2" not in {p.name for p in g.partners} and not g.errors
