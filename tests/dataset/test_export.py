"""export.py and `build.py export`: the whole validated dataset as JSON (valid against the schema
shipped in the package), a tidy CSV that spreadsheets open with accents intact, and an XLSX."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import tomllib
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from openpyxl import load_workbook
from reports import INPUTS, sample_gathered
from reports import run_cli as run

from competency_maps.dataset import export
from competency_maps.commands.build import STATUS_HEADER, status_rows
from competency_maps.model.cluster import Cluster, Profile, SwotEntry, TowsEntry
from competency_maps.model.richtext import Block, BlockKind, Span

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample_data() -> dict:
    g = sample_gathered()
    return export.export_data(g.clusters, g.deliverable)


def shipped_schema() -> dict:
    return json.loads(resources.files("competency_maps.dataset").joinpath("export.schema.json").read_text("utf-8"))


def test_the_schema_is_package_data():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "export.schema.json" in pyproject["tool"]["setuptools"]["package-data"]["competency_maps.dataset"]


def test_the_json_export_validates_and_holds_what_the_status_table_counts(sample_data):
    jsonschema.validate(json.loads(export.to_json(sample_data)), shipped_schema(),
                        cls=jsonschema.Draft202012Validator)
    g = sample_gathered()
    col = {name: i for i, name in enumerate(STATUS_HEADER)}
    for row in status_rows(g):
        name = row[col["Cluster"]]
        swot = [r for r in sample_data["swot"] if r["cluster"] == name]
        for letter, quadrant in zip("SWOT", ("Strength", "Weakness", "Opportunity", "Threat")):
            assert str(sum(r["quadrant"] == quadrant for r in swot)) == row[col[letter]], (name, quadrant)
        assert str(sum(r["cluster"] == name for r in sample_data["tows"])) == row[col["TOWS"]]
    assert len(sample_data["swot"]) == 263 and len(sample_data["tows"]) == 168
    for c, d in zip(g.clusters, sample_data["clusters"]):  # the narratives
        assert [b["text"] for b in d["step1"]] == [b.plain for b in c.step1] and d["step1"]
        assert d["profile"]["about"]["text"] == "".join(s.text for s in c.profile.about)
    assert all(r["text"] and r["markdown"] and "themes" in r for r in sample_data["swot"])
    assert any(r["themes"] and not r["theme"] for r in sample_data["swot"])  # found by the keywords


@pytest.mark.slow
def test_the_command_writes_the_same_bytes_as_the_module(tmp_path, sample_data):
    out = tmp_path / "data.json"
    code, printed = run("--inputs", INPUTS, "export", "-o", out)  # the format from the extension
    assert code == 0 and "263 SWOT entries and 168 TOWS strategies of 5 clusters" in printed
    assert out.read_bytes() == export.to_json(sample_data)


def test_the_csv_is_tidy_one_row_per_record(sample_data):
    data = export.to_csv(sample_data)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the accents right
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(export.CSV_COLUMNS) and {len(r) for r in rows} == {len(export.CSV_COLUMNS)}
    parts = [r[1] for r in rows[1:]]
    g = sample_gathered()
    assert parts.count("SWOT") == 263 and parts.count("TOWS") == 168
    assert parts.count("Step 1") == sum(len(c.step1) for c in g.clusters)
    assert parts.count("Profile") == 8 * len(g.clusters)


def accented() -> Cluster:
    return Cluster(
        Profile("Łódź Mobilité", "Straße – ẞ", "Magyarország", 2001, 10, 5, "",
                (Span("Ça va, "), Span("naïve", bold=True))),
        [Block(BlockKind.BULLET, (Span("Ærø, “quoted”, 中文"),))],
        [SwotEntry("Topic é", "Strength", "Grüppe", (Span("=1+1 ő ű"),)),
         SwotEntry("Topic é", "Threat", "", (Span("-20 % members, @home"),))],
        [TowsEntry("Topic é", "S-O", "Bullet", (Span("line one\nline two, ő"),))])


def test_a_text_a_spreadsheet_would_run_is_quoted_in_the_csv_and_text_in_the_xlsx():
    data = export.export_data([accented()], _deliverable())
    rows = list(csv.DictReader(io.StringIO(export.to_csv(data).decode("utf-8-sig"), newline="")))
    swot = [r["text"] for r in rows if r["part"] == "SWOT"]
    assert swot == ["'=1+1 ő ű", "'-20 % members, @home"]
    ws = load_workbook(io.BytesIO(export.to_xlsx(data, _deliverable().date)))["SWOT"]
    cell = ws.cell(2, 8)
    assert cell.value == "=1+1 ő ű" and cell.data_type == "s"


@pytest.mark.slow
def test_libreoffice_opens_the_csv_with_accents_intact(tmp_path, require_tool):
    """As its import dialog does, LibreOffice is left to detect the character set (the BOM says UTF-8)."""
    soffice = require_tool("soffice", "libreoffice")
    path = tmp_path / "export.csv"
    path.write_bytes(export.to_csv(export.export_data([accented()], _deliverable())))
    proc = subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                           "--infilter=CSV:44,34,0", "--convert-to", "xlsx", "--outdir", str(tmp_path / "out"),
                           str(path)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and (tmp_path / "out" / "export.xlsx").exists(), proc.stderr
    rows = list(load_workbook(tmp_path / "out" / "export.xlsx").active.iter_rows(values_only=True))
    assert rows[0][0] == "cluster"  # the BOM read as such, not as characters
    texts = {r[14] for r in rows[1:]}
    assert {"Łódź Mobilité", "Straße – ẞ", "Magyarország", "Ça va, naïve", "Ærø, “quoted”, 中文",
            "line one\nline two, ő"} <= texts
    assert {r[6] for r in rows[1:]} >= {"Grüppe"}


def _deliverable():
    from competency_maps.inputs import config
    return config.load(INPUTS)


@pytest.mark.slow
def test_the_xlsx_holds_tidy_tables_and_is_the_same_every_time(sample_data):
    date = _deliverable().date
    data = export.to_xlsx(sample_data, date)
    assert export.to_xlsx(sample_data, date) == data
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["SWOT", "TOWS", "Profiles", "Step 1", "Step 2 notes"]
    assert wb["SWOT"].max_row == 264 and wb["TOWS"].max_row == 169 and wb["Profiles"].max_row == 6
    header = [c.value for c in wb["SWOT"][1]]
    first = dict(zip(header, [c.value for c in wb["SWOT"][2]]))
    assert first["cluster"] == sample_data["swot"][0]["cluster"] and first["order"] == 1
    assert first["text"] == sample_data["swot"][0]["text"]


@pytest.fixture
def broken_inputs(tmp_path) -> Path:
    d = tmp_path / "inputs"
    shutil.copytree(INPUTS, d)
    wb = load_workbook(d / "zone.xlsx", rich_text=True)
    wb["SWOT"]["B2"] = "Strenght"
    wb.save(d / "zone.xlsx")
    return d


@pytest.mark.slow
def test_no_export_while_a_workbook_has_errors(broken_inputs, tmp_path):
    r = run("--inputs", broken_inputs, "export", "--format", "csv", "-o", tmp_path / "x.csv")
    assert r.code == 1 and [str(i.location) for i in r.issues] == ["zone.xlsx › SWOT › B2"]
    assert r.lines("console.export.errors") == [{"count": 1}]
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.slow
def test_a_file_without_a_format_or_in_the_inputs_is_refused(tmp_path):
    code, printed = run("--inputs", INPUTS, "export", "-o", tmp_path / "data.txt")
    assert code == 1 and "--format json, csv or xlsx" in printed and not (tmp_path / "data.txt").exists()
    inputs = tmp_path / "inputs"
    shutil.copytree(INPUTS, inputs)
    before = (inputs / "moveo.xlsx").read_bytes()
    code, printed = run("--inputs", inputs, "export", "--format", "xlsx", "-o", inputs / "moveo.xlsx")
    assert code == 1 and "is in the inputs folder" in printed
    assert (inputs / "moveo.xlsx").read_bytes() == before
    code, printed = run("--inputs", inputs, "export", "-o", inputs / "new.xlsx")  # the build would read it
    assert code == 1 and not (inputs / "new.xlsx").exists()
