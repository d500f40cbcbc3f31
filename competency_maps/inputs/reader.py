"""Workbook -> model. Tolerant where a person would be, precise where it cannot be.

Each problem becomes an Issue with file › sheet › cell; reading goes on so that a partner gets
every problem in one report. Nothing typed is dropped without an error or a warning.
This module finds the sheets, their header rows and their rows; `cells.py` reads one cell,
`entries.py` turns rows into paragraphs, entries and notes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from competency_maps.inputs.cells import Ctx, cell_text, quote, workbook_words
from competency_maps.inputs.entries import read_coordinator_notes, read_entries, read_notes, read_step1
from competency_maps.errors import SortsIssues, Issue, ReportError, issue
from competency_maps.inputs.habits import is_placeholder, is_website
from competency_maps.inputs.images import Image, ImageError
from competency_maps.inputs.images import load as load_image
from competency_maps.model.cluster import Cluster, Profile
from competency_maps.model.richtext import plain
from competency_maps.model.schema import (CHECK_SHEET, COORDINATOR_SHEET, LISTS_SHEET, NOTES_SHEET, PROFILE_COLUMNS,
                     PROFILE_FIELDS, PROFILE_SHEET, README_SHEET, SUMMARY_SHEET, Schema, field_for_label, name_key)
from competency_maps.inputs.template_check import template_issues, workbook_language
from competency_maps.inputs.review import tool_file_kind
from competency_maps.inputs.workbook_file import open_workbook

MAX_ROWS = 20_000  # per sheet: far above any real competency map
HEADER_SEARCH_ROWS = 5  # a title row or two typed above the header row is looked past


@dataclass
class ReadResult(SortsIssues):
    path: Path
    cluster: Cluster | None
    issues: list[Issue]
    coordinator_notes: list[tuple[str, str]] = field(default_factory=list)  # (cell, text): for `check`
    language: str = "en"  # the workbook's language (its document property): `check` answers in it
    tool_file: str | None = None  # one of the tool's own workbooks (review.tool_file_kind): not read


def _merged_in(ws: Worksheet, min_row: int, cols: range) -> list[str]:
    return [str(r) for r in ws.merged_cells.ranges
            if r.max_row >= min_row and r.min_col <= cols.stop - 1 and r.max_col >= cols.start]


# --- sheets ----------------------------------------------------------------------------------


def _find_sheet(ctx: Ctx, wb: Workbook, name: str, optional: bool = False) -> Worksheet | None:
    for ws in wb.worksheets:
        if ws.title == name or name_key(ws.title) == name_key(name):
            return ws
    chart = next((c for c in wb.chartsheets if name_key(c.title) == name_key(name)), None)
    if chart is not None:  # a chart where the table should be: said, not "missing"
        ctx.issues.append(issue("sheet.chart", ctx.loc(chart.title), sheet=quote(chart.title)))
        return None
    if optional:  # added by a later template version (see template_issues)
        return None
    ctx.at(name, "", "sheet.missing", name=name, found=wb.sheetnames)
    return None


def _top_rows(ws: Worksheet, limit: int) -> dict[int, list]:
    """The non-blank cells the file holds in rows 1 to limit, left to right, in one pass over the
    cells it has (none created: see _stray_cells)."""
    rows: dict[int, list] = {r: [] for r in range(1, limit + 1)}
    for (r, c), cell in ws._cells.items():
        if r <= limit and cell.value is not None and str(cell.value).strip():
            rows[r].append((c, cell))
    return {r: [cell for _, cell in sorted(cells, key=lambda x: x[0])] for r, cells in rows.items()}


def _header_row(ctx: Ctx, ws: Worksheet, names: tuple[str, ...], optional: frozenset[str],
                rows: dict[int, list]) -> int:
    """The row of the headers: 1, or a lower one when a title row was typed above it (said, quoted)."""
    required = {name_key(n) for n in names if n not in optional}
    header = next((r for r in rows if required <= {name_key(str(c.value)) for c in rows[r]}), 1)
    for r in range(1, header):
        if rows[r]:
            first, last = rows[r][0].coordinate, rows[r][-1].coordinate
            ctx.at(ws.title, first if first == last else f"{first}:{last}", "sheet.row_above_header",
                   row=r, header=header, text=quote(" ".join(str(c.value) for c in rows[r])))
    return header


def _header_map(ctx: Ctx, ws: Worksheet, names: tuple[str, ...],
                optional: frozenset[str] = frozenset()) -> tuple[dict[str, int], int] | None:
    """Column index per header name, and the header row; reports renamed, missing and extra headers.

    Optional columns (added by a later template version) may be absent from older workbooks."""
    found: dict[str, int] = {}
    extra: list[tuple[int, str]] = []
    rows = _top_rows(ws, HEADER_SEARCH_ROWS)
    header = _header_row(ctx, ws, names, optional, rows)
    for cell in rows[header]:
        label = str(cell.value).strip()
        match = next((n for n in names if name_key(n) == name_key(label)), None)
        if match and match not in found:
            found[match] = cell.column
        else:
            extra.append((cell.column, label))
    missing = [n for n in names if n not in found and n not in optional]
    for n in missing:
        expected = get_column_letter(names.index(n) + 1)
        got = ws.cell(row=header, column=names.index(n) + 1).value
        where = f"{expected}{header}"
        if got in (None, ""):
            ctx.at(ws.title, where, "header.missing.empty", name=n, cell=where, headers=names)
        else:
            ctx.at(ws.title, where, "header.missing", name=n, found=got, cell=where, headers=names)
    if missing:
        return None
    for col, label in extra:
        ctx.at(ws.title, f"{get_column_letter(col)}{header}", "column.extra", label=label)
    return found, header


def _rows(ctx: Ctx, ws: Worksheet, cols: dict[str, int], header: int = 1):
    """Yield (row number, {column name: cell}) for every non-blank data row below the header."""
    last = _last_row(ws)  # rows only formatted below the entries do not count
    if last > MAX_ROWS:
        ctx.at(ws.title, "", "sheet.too_many_rows", rows=last, max_rows=MAX_ROWS)
        return
    for merged in _merged_in(ws, header + 1, range(1, max(cols.values()) + 1)):
        ctx.at(ws.title, merged, "cells.merged")
    stray = _stray_cells(ws, set(cols.values()), header)
    hidden_rows = {r for r, d in ws.row_dimensions.items() if d.hidden and r > header}
    _hidden_columns(ctx, ws, cols)
    span = f"{get_column_letter(min(cols.values()))}{{r}}:{get_column_letter(max(cols.values()))}{{r}}"
    for r in range(header + 1, last + 1):
        for coord in stray.get(r, ()):
            ctx.at(ws.title, coord, "cell.outside_columns", text=quote(ws[coord].value),
                   coordinator_sheet=COORDINATOR_SHEET)
        cells = {name: ws.cell(row=r, column=c) for name, c in cols.items()}
        if all(c.value is None or (isinstance(c.value, str) and not c.value.strip())
               for c in cells.values()):
            continue
        if r in hidden_rows:
            ctx.at(ws.title, span.format(r=r), "row.hidden", row=r, before=r - 1, after=r + 1)
        yield r, cells


def _hidden_columns(ctx: Ctx, ws: Worksheet, cols: dict[str, int]) -> None:
    for name, c in cols.items():
        letter = get_column_letter(c)
        if any(d.hidden and (d.min or 0) <= c <= (d.max or 0) for d in ws.column_dimensions.values()):
            ctx.at(ws.title, f"{letter}:{letter}", "column.hidden", letter=letter, name=name)


def _last_row(ws: Worksheet) -> int:
    """The last row with something typed in it. Excel keeps rows that are only formatted (a whole
    column coloured, say) as cells without a value: 100,000 of them are no entries."""
    return max((r for (r, _), cell in ws._cells.items()  # openpyxl has no public "existing cells"
                if cell.value is not None and str(cell.value).strip()), default=1)


def _stray_cells(ws: Worksheet, used: set[int], header: int = 1) -> dict[int, list[str]]:
    """Text typed outside the standard columns would be lost: its cells, by row, in order.

    Only the cells the file holds are visited, once: asking openpyxl for any other cell creates it,
    so walking every column of every row (one note in column XFD means 16,384 columns) took minutes
    and gigabytes, and `ws.max_column` rescans the whole sheet at each call.
    """
    out: dict[int, list[str]] = {}
    for (r, c), cell in sorted(ws._cells.items()):  # openpyxl has no public "existing cells"
        if r > header and c not in used and cell.value is not None and str(cell.value).strip():
            out.setdefault(r, []).append(cell.coordinate)
    return out


# --- the Cluster sheet --------------------------------------------------------------------------


def _pasted_logo(ctx: Ctx, ws: Worksheet) -> Image | None:
    """The picture pasted on the Cluster sheet: the cluster's logo, checked as any image is (a file
    in inputs/logos/ named after the cluster takes its place, see logos.py)."""
    pictures = list(getattr(ws, "_images", ()))
    if not pictures:
        return None

    def cell(picture) -> str:
        start = getattr(picture.anchor, "_from", None)
        return f"{get_column_letter(start.col + 1)}{start.row + 1}" if start is not None else ""

    for extra in pictures[1:]:
        ctx.at(ws.title, cell(extra), "logo.pasted.second")
    try:
        data = pictures[0]._data()
        return load_image(data, f"logo.{(pictures[0].format or 'png').lower()}")
    except ImageError as e:
        ctx.at(ws.title, cell(pictures[0]), "logo.pasted.unusable", reason=e.phrase())
    except Exception as e:  # openpyxl could not give the picture's bytes back
        ctx.at(ws.title, cell(pictures[0]), "logo.pasted.unreadable", error_type=type(e).__name__)
    return None


def _read_profile(ctx: Ctx, ws: Worksheet) -> Profile | None:
    found = _header_map(ctx, ws, PROFILE_COLUMNS)
    if found is None:
        return None
    cols, header = found
    values: dict[str, object] = {}
    rows: dict[str, int] = {}
    bad: set[str] = set()  # fields whose cell already has an error: not also "required but empty"
    for r, cells in _rows(ctx, ws, cols, header):
        label_cell, value_cell = cells["Field"], cells["Value"]
        label = str(label_cell.value or "").strip()
        f = field_for_label(label)
        if f is None:
            if value_cell.value not in (None, ""):
                ctx.at(ws.title, label_cell.coordinate, "profile.field.unknown", label=label,
                       fields=[x.label for x in PROFILE_FIELDS])
            continue
        rows[f.attr] = r
        if f.kind in ("year", "count") and isinstance(value_cell.value, (dt.datetime, dt.date)):
            n = _number_in_date_cell(ctx, ws, value_cell, f)
            if n is None:
                bad.add(f.attr)
            values[f.attr] = n
            continue
        text = cell_text(ctx, ws.title, value_cell, drop_struck=f.attr == "about")
        if text is None:
            bad.add(f.attr)
            continue
        raw = plain(text).strip()
        coord = value_cell.coordinate
        if f.kind in ("year", "count") and not raw:
            values[f.attr] = None
        elif f.kind in ("year", "count"):
            n = _whole_number(raw)
            if n is None or n < 0 or (f.kind == "year" and not 1800 <= n <= 2100):
                ctx.at(ws.title, coord, "profile.year.invalid" if f.kind == "year" else "profile.number.invalid",
                       field=f.label, value=raw, example=f.example)
                bad.add(f.attr)
                continue
            values[f.attr] = n
        elif raw and is_placeholder(raw):
            bad.add(f.attr)
            if f.required:
                ctx.at(ws.title, coord, "profile.placeholder.required", field=f.label, value=quote(raw),
                       help=f.help)
            else:
                ctx.at(ws.title, coord, "profile.placeholder", field=f.label, value=quote(raw))
        elif f.kind == "url" and raw and not is_website(raw):
            bad.add(f.attr)
            ctx.at(ws.title, coord, "profile.website.email" if "@" in raw else "profile.website.invalid",
                   value=quote(raw), example=f.example, example_bare=f.example.removeprefix("https://"))
        elif f.attr == "about":
            values[f.attr] = text
        else:
            values[f.attr] = raw
    for f in PROFILE_FIELDS:
        if f.attr not in rows:
            ctx.at(ws.title, "A", "profile.row.missing", field=f.label)
        elif f.required and not values.get(f.attr) and f.attr not in bad \
                and (ws.title, f"B{rows[f.attr]}") not in ctx.struck:
            ctx.at(ws.title, f"B{rows[f.attr]}", "profile.required.empty", field=f.label, help=f.help)
    return Profile(**{k: v for k, v in values.items()}) if values.get("short_name") else None


def _number_in_date_cell(ctx: Ctx, ws: Worksheet, cell, f) -> int | None:
    """2019 typed into a date-formatted cell is stored as the number 2019 and shown as a date
    (1905-07-11): the number typed is read back from the date."""
    v = cell.value
    serial = to_excel(v, ws.parent.epoch)
    shown = v.strftime("%Y-%m-%d")
    if float(serial).is_integer() and (f.kind == "count" or 1800 <= serial <= 2100):
        ctx.at(ws.title, cell.coordinate, "profile.number.date_cell", field=f.label, shown=shown,
               number=int(serial))
        return int(serial)
    if f.kind == "year" and 1800 <= v.year <= 2100:
        ctx.at(ws.title, cell.coordinate, "profile.year.date", field=f.label, shown=shown, year=v.year)
        return v.year
    ctx.at(ws.title, cell.coordinate, "profile.number.date", field=f.label, shown=shown, example=f.example)
    return None


_GROUPED = re.compile(r"\d{1,3}(?:[\s\u00a0\u202f,.'’]\d{3})+")  # 1 234, 1,234, 1.234, 1'234


def _whole_number(raw: str) -> int | None:
    # separators are dropped only between groups of three digits: 12.5 is not 125
    s = re.sub(r"[\s\u00a0\u202f,.'’]", "", raw) if _GROUPED.fullmatch(raw) else raw
    try:
        f = float(s)
    except ValueError:
        return None
    return int(f) if f.is_integer() else None


# --- the workbook ----------------------------------------------------------------------------------


def _check_sheet_names(ctx: Ctx, wb: Workbook, schema: Schema) -> None:
    known = {name_key(n) for n in schema.all_sheet_names}
    for ws in wb.worksheets:
        if name_key(ws.title) not in known:
            ctx.at(ws.title, "", "sheet.unknown", name=ws.title, coordinator_sheet=COORDINATOR_SHEET)


def read_workbook(path: Path, schema: Schema) -> ReadResult:
    ctx = Ctx(path)
    try:
        wb = open_workbook(path)
    except ReportError as e:
        return ReadResult(path, None, [e.as_issue()])
    kind = tool_file_kind(wb)
    if kind is not None:  # the caller says what it makes of it: never judged as a broken partner
        wb.close()
        return ReadResult(path, None, [], tool_file=kind)
    ctx.language = workbook_language(wb)
    ctx.words = workbook_words(wb)
    _check_sheet_names(ctx, wb, schema)
    template_issues(ctx, wb, schema)
    profile_ws = _find_sheet(ctx, wb, PROFILE_SHEET)
    profile = _read_profile(ctx, profile_ws) if profile_ws is not None else None
    if profile is not None:
        profile.logo = _pasted_logo(ctx, profile_ws)
    sheets = {s.name: _find_sheet(ctx, wb, s.name, s.optional) for s in schema.sheets}

    def read(name: str, reader):
        ws = sheets.get(name)
        if ws is None:
            return []
        sheet = schema.sheet(name)
        found = _header_map(ctx, ws, tuple(c.name for c in sheet.columns),
                            frozenset(c.name for c in sheet.columns if c.optional))
        if found is None:
            return []
        cols, header = found
        return reader(ctx, ws.title, sheet, cols, _rows(ctx, ws, cols, header))

    step1 = read("Step 1", read_step1)
    swot = read("SWOT", read_entries)
    tows = read("TOWS", read_entries)
    notes = read(NOTES_SHEET, read_notes)
    to_coordinator = read(COORDINATOR_SHEET, read_coordinator_notes)
    wb.close()
    cluster = Cluster(profile, step1, swot, tows, path, notes) if profile else None
    return ReadResult(path, cluster, ctx.issues, to_coordinator, ctx.language)


__all__ = ["read_workbook", "ReadResult", "README_SHEET", "LISTS_SHEET", "SUMMARY_SHEET", "CHECK_SHEET"]
