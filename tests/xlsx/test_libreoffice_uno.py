"""No traps in LibreOffice: a row inserted under the header is free and keeps its dropdown and its rules
(through UNO, as a partner's Insert Rows Above), and the Summary counts exactly what `check` reads."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from competency_maps.inputs.reader import read_workbook
from competency_maps.model.schema import QUADRANTS, STRATEGIES, SUMMARY_SHEET
from competency_maps.xlsx.writer import fill_workbook
from conftest import make_sample_cluster

pytestmark = pytest.mark.slow  # drives a real client
UNO_SCRIPT = Path(__file__).resolve().parents[1] / "uno_insert_row.py"
SYSTEM_PYTHON = "/usr/bin/python3"


def _uno_python(require_tool) -> str:
    require_tool("soffice", "libreoffice")
    ok = Path(SYSTEM_PYTHON).exists() and subprocess.run(
        [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0
    if not ok:
        msg = "LibreOffice's Python bridge is missing (Debian package python3-uno; tools/setup.sh --test)"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    return SYSTEM_PYTHON


@pytest.mark.parametrize("lang", ["en", "hu"])
def test_a_row_inserted_under_the_header_is_free_and_keeps_dropdown_and_rules(lang, tmp_path, schema,
                                                                               require_tool):
    python = _uno_python(require_tool)
    path = tmp_path / "cluster.xlsx"
    fill_workbook(schema, make_sample_cluster(schema.topics), language=lang).save(path)
    proc = subprocess.run([python, str(UNO_SCRIPT), str(path), (tmp_path / "profile").as_uri(), "SWOT"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert found["protected"]
    topic, quadrant, group, entry = found["cells"]
    for cell in found["cells"]:
        assert not cell["locked"] and not cell["bold"] and cell["background"] == -1  # a data row, not a header
        assert cell["rules"][0] == "ROW()=1"  # the header's look: not on this row
    assert topic["validation"] == quadrant["validation"] == "LIST"  # com.sun.star.sheet.ValidationType
    assert any("COUNTIF(" in r for r in quadrant["rules"])  # a value not allowed turns red
    assert any("LEN(TRIM(D1))=0" in r or "LEN(TRIM(D2))=0" in r for r in entry["rules"])


def test_the_summary_counts_what_check_reads(tmp_path, schema, convert_with_libreoffice):
    cluster = make_sample_cluster(schema.topics)
    path = tmp_path / "cluster.xlsx"
    wb = fill_workbook(schema, cluster)
    swot, tows = wb["SWOT"], wb["TOWS"]
    swot["B2"] = "Strenght"  # not allowed: an error, counted apart
    swot["B3"] = "forces"  # read as Strength: counted as such
    swot["B4"] = "Kansen"
    tows["B2"] = "so"
    last = tows.max_row + 1
    tows[f"A{last}"], tows[f"B{last}"] = schema.topics[0], "W-O"  # a strategy without an Entry: not read
    wb.save(path)
    res = read_workbook(path, schema)
    assert [(i.location.sheet, i.location.cell) for i in res.errors] == [("SWOT", "B2")]
    [again] = convert_with_libreoffice([path], tmp_path / "lo")
    ws = load_workbook(again, data_only=True)[SUMMARY_SHEET]
    values = {r[0]: list(r[1:6]) for r in ws.iter_rows(values_only=True) if r[0]}
    n = len(schema.topics)
    table = [list(r) for r in ws.iter_rows(min_row=4, max_row=3 + n, min_col=2, max_col=5, values_only=True)]
    counts = res.cluster.swot_counts()
    assert table == [[counts.get((t, q), 0) for q in QUADRANTS] for t in schema.topics]
    start = 3 + n + 4 + 2
    table = [list(r) for r in ws.iter_rows(min_row=start + 1, max_row=start + n, min_col=2, max_col=5,
                                           values_only=True)]
    counts = res.cluster.tows_counts()
    assert table == [[counts.get((t, s), 0) for s in STRATEGIES] for t in schema.topics]
    assert values["Entries with a Quadrant not in the list"][0] == len(res.errors) == 1
    assert values["Entries without a Quadrant"][0] == 0
    assert values["Entries with a Strategy not in the list"][0] == 0
