"""`build.py export`: the whole validated dataset for the analysts of later work packages and for
dashboards, as JSON (dataset.py, with its schema), a tidy CSV or an XLSX of tidy tables.

The CSV is one row per record: every SWOT entry and TOWS strategy, every Step 1 paragraph and Step 2
note paragraph, every profile field, with a `part` column saying which; UTF-8 with a BOM, so that
Excel reads the accents right. A cell that a spreadsheet would run as a formula (starting with =, +,
-, @) starts with an apostrophe there; the JSON and the XLSX hold every text exactly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from competency_maps.analysis.synthesis import Matcher
from competency_maps.dataset import records as dataset
from competency_maps.inputs.config import Deliverable
from competency_maps.model.cluster import Cluster
from competency_maps.model.schema import PROFILE_FIELDS
from competency_maps.xlsx.stable_zip import stable_workbook

FORMATS = ("json", "csv", "xlsx")
CSV_COLUMNS = ("cluster", "part", "order", "topic", "quadrant", "strategy", "group", "format", "style",
               "label", "language", "field", "theme", "themes", "text", "markdown")


def export_data(clusters: list[Cluster], d: Deliverable) -> dict:
    """The JSON export's data: readings included, each SWOT entry with its synthesis themes."""
    matcher = Matcher(list(d.themes), d.language)
    return dataset.to_data(clusters, d, matcher.themes_of)


def to_json(data: dict) -> bytes:
    return dataset.dumps(data)


def records(data: dict) -> list[dict]:
    """Every record of the dataset, tidy: the columns of CSV_COLUMNS, in report order per cluster."""
    out: list[dict] = []
    by_cluster: dict[str, list[dict]] = {c["name"]: [] for c in data["clusters"]}
    for c in data["clusters"]:
        rows = by_cluster[c["name"]]
        p = c["profile"]
        for n, f in enumerate(PROFILE_FIELDS, start=1):
            v = p[f.attr]
            text, md = (v["text"], v["markdown"]) if f.attr == "about" else ("" if v is None else str(v),) * 2
            rows.append({"part": "Profile", "order": n, "field": f.label, "text": text, "markdown": md})
        for n, b in enumerate(c["step1"], start=1):
            rows.append({"part": "Step 1", "order": n, "style": b["style"], "text": b["text"],
                         "markdown": b["markdown"]})
        n = 0
        for note in c["step2_notes"]:
            for b in note["blocks"]:
                n += 1
                rows.append({"part": "Step 2 notes", "order": n, "label": note["label"],
                             "language": note["language"], "style": b["style"], "text": b["text"],
                             "markdown": b["markdown"]})
    for r in data["swot"]:
        by_cluster[r["cluster"]].append({**r, "part": "SWOT", "themes": "; ".join(r["themes"])})
    for r in data["tows"]:
        by_cluster[r["cluster"]].append({**r, "part": "TOWS"})
    for name, rows in by_cluster.items():
        out += [{k: r.get(k, name if k == "cluster" else "") for k in CSV_COLUMNS} for r in rows]
    return out


def _no_formula(v: object) -> object:
    """OWASP's rule for CSV: a text a spreadsheet would run as a formula is quoted with an apostrophe."""
    return f"'{v}" if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r") else v


def to_csv(data: dict) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for r in records(data):
        w.writerow([_no_formula(r[k]) for k in CSV_COLUMNS])
    return buf.getvalue().encode("utf-8-sig")


XLSX_SHEETS = (
    ("SWOT", "swot", ("cluster", "order", "topic", "quadrant", "group", "theme", "themes", "text", "markdown")),
    ("TOWS", "tows", ("cluster", "order", "topic", "strategy", "format", "text", "markdown")),
)


def to_xlsx(data: dict, date: dt.date) -> bytes:
    """Tidy tables, one per sheet (SWOT, TOWS, Profiles, Step 1, Step 2 notes), every cell text as
    text (never a formula); same data, same bytes (dated with the deliverable's date)."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, key, columns in XLSX_SHEETS:
        _sheet(wb, title, columns, [[("; ".join(r[c]) if c == "themes" else r[c]) for c in columns]
                                    for r in data[key]])
    fields = [f.attr for f in PROFILE_FIELDS]
    _sheet(wb, "Profiles", ("cluster", *fields, "about_markdown"),
           [[c["name"], *(c["profile"][a]["text"] if a == "about" else c["profile"][a] for a in fields),
             c["profile"]["about"]["markdown"]] for c in data["clusters"]])
    _sheet(wb, "Step 1", ("cluster", "order", "style", "text", "markdown"),
           [[c["name"], n, b["style"], b["text"], b["markdown"]]
            for c in data["clusters"] for n, b in enumerate(c["step1"], start=1)])
    _sheet(wb, "Step 2 notes", ("cluster", "label", "language", "order", "style", "text", "markdown"),
           [[c["name"], note["label"], note["language"], n, b["style"], b["text"], b["markdown"]]
            for c in data["clusters"]
            for n, (note, b) in enumerate(((note, b) for note in c["step2_notes"] for b in note["blocks"]),
                                          start=1)])
    when = dt.datetime.combine(date, dt.time())
    wb.properties.created = wb.properties.modified = when
    wb.properties.creator = "competency-maps"
    buf = io.BytesIO()
    wb.save(buf)
    return stable_workbook(buf.getvalue(), date)


def _sheet(wb, title: str, columns: tuple[str, ...], rows: list[list]) -> None:
    ws = wb.create_sheet(title)
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([None if v in ("", None) else v for v in row])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # "=..." typed by a partner is text, not a formula
    for i, name in enumerate(columns, start=1):
        wide = name in ("text", "markdown", "about", "about_markdown")
        ws.column_dimensions[get_column_letter(i)].width = 70 if wide else 16
        if wide:
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions


def export_bytes(clusters: list[Cluster], d: Deliverable, fmt: str) -> bytes:
    data = export_data(clusters, d)
    if fmt == "json":
        return to_json(data)
    if fmt == "csv":
        return to_csv(data)
    return to_xlsx(data, d.date)
