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

from competency_maps.inputs.cells import Ctx, cell_text, quote
from competency_maps.inputs.entries import read_coordinator_notes, read_entries, read_notes, read_step1
from competency_maps.errors import SortsIssues, Issue, ReportError
from competency_maps.inputs.habits import is_placeholder, is_website
from competency_maps.inputs.images import Image, ImageError
from competency_maps.inputs.images import load as load_image
from competency_maps.model.cluster import Cluster, Profile
from competency_maps.model.richtext import plain
from competency_maps.model.schema import (CHECK_SHEET, COORDINATOR_SHEET, LISTS_SHEET, NOTES_SHEET, PROFILE_COLUMNS,
                     PROFILE_FIELDS, PROFILE_SHEET, README_SHEET, SUMMARY_SHEET, Schema, field_for_label, name_key)
from competency_maps.inputs.template_check import template_issues, workbook_language
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


def _merged_in(ws: Worksheet, min_row: int, cols: range) -> list[str]:
    return [str(r) for r in ws.merged_cells.ranges
            if r.max_row >= min_row and r.min_col <= cols.stop - 1 and r.max_col >= cols.start]


# --- sheets ----------------------------------------------------------------------------------


def _find_sheet(ctx: Ctx, wb: Workbook, name: str, optional: bool = False) -> Worksheet | None:
    for ws in wb.worksheets:
        if ws.title == name or name_key(ws.title) == name_key(name):
            return ws
    if optional:  # added by a later template version (see template_issues)
        return None
    ctx.err(name, "", f"The sheet '{name}' is missing (sheets found: {', '.join(wb.sheetnames)}).",
            f"Rename the sheet back to '{name}', or copy your entries into a fresh standard workbook.")
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
            ctx.warn(ws.title, first if first == last else f"{first}:{last}",
                     f"Row {r} is above the header row (row {header}) and is not read: "
                     f"{quote(' '.join(str(c.value) for c in rows[r]))}.",
                     f"Delete row {r} (right-click its number › Delete), or leave it: the headers "
                     f"in row {header} are found anyway.")
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
        what = f"has '{got}'" if got not in (None, "") else "is empty"
        ctx.err(ws.title, f"{expected}{header}", f"The header '{n}' is missing: this cell {what}.",
                f"Type '{n}' back into {expected}{header} (the headers must be: {' | '.join(names)}).")
    if missing:
        return None
    for col, label in extra:
        ctx.warn(ws.title, f"{get_column_letter(col)}{header}",
                 f"The column '{label}' is not part of the standard workbook; its cells will not "
                 "appear in the report.", "Move anything important into the standard columns.")
    return found, header


def _rows(ctx: Ctx, ws: Worksheet, cols: dict[str, int], header: int = 1):
    """Yield (row number, {column name: cell}) for every non-blank data row below the header."""
    last = _last_row(ws)  # rows only formatted below the entries do not count
    if last > MAX_ROWS:
        ctx.err(ws.title, "", f"has {last} rows with content; a competency map has at most {MAX_ROWS}.",
                "Delete the empty or pasted rows below your entries.")
        return
    for merged in _merged_in(ws, header + 1, range(1, max(cols.values()) + 1)):
        ctx.err(ws.title, merged, "Merged cells in the entries area cannot be read row by row.",
                "Unmerge them (Home › Merge & Center) and put one entry per row.")
    stray = _stray_cells(ws, set(cols.values()), header)
    hidden_rows = {r for r, d in ws.row_dimensions.items() if d.hidden and r > header}
    _hidden_columns(ctx, ws, cols)
    span = f"{get_column_letter(min(cols.values()))}{{r}}:{get_column_letter(max(cols.values()))}{{r}}"
    for r in range(header + 1, last + 1):
        for coord in stray.get(r, ()):
            ctx.warn(ws.title, coord, "Text outside the standard columns will not appear in the "
                     f"report: {quote(ws[coord].value)}.", "Move it into the right column, or into "
                     f"the sheet '{COORDINATOR_SHEET}' if it is a note for the coordinator.")
        cells = {name: ws.cell(row=r, column=c) for name, c in cols.items()}
        if all(c.value is None or (isinstance(c.value, str) and not c.value.strip())
               for c in cells.values()):
            continue
        if r in hidden_rows:
            ctx.warn(ws.title, span.format(r=r), f"Row {r} is hidden, but it is read: what it holds "
                     "is printed in the report.", f"Unhide it to see it (select rows {r - 1} to {r + 1}, "
                     "right-click › Unhide); delete the row if it should not be printed.")
        yield r, cells


def _hidden_columns(ctx: Ctx, ws: Worksheet, cols: dict[str, int]) -> None:
    for name, c in cols.items():
        letter = get_column_letter(c)
        if any(d.hidden and (d.min or 0) <= c <= (d.max or 0) for d in ws.column_dimensions.values()):
            ctx.warn(ws.title, f"{letter}:{letter}", f"Column {letter} ({name}) is hidden, but it is "
                     "read: what it holds is printed in the report.",
                     "Unhide it to see it (select the columns around it, right-click › Unhide).")


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
        ctx.warn(ws.title, cell(extra), "holds a second picture; only the first one is the logo.",
                 "Keep only the cluster's logo on this sheet.")
    try:
        data = pictures[0]._data()
        return load_image(data, f"logo.{(pictures[0].format or 'png').lower()}")
    except ImageError as e:
        ctx.err(ws.title, cell(pictures[0]), f"The picture pasted here cannot be the logo: it {e}",
                "Paste the logo as a plain PNG or JPEG picture, or delete the picture.")
    except Exception as e:  # openpyxl could not give the picture's bytes back
        ctx.err(ws.title, cell(pictures[0]), f"The picture pasted here cannot be read ({type(e).__name__}).",
                "Paste the logo again as a PNG or JPEG picture.")
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
                ctx.warn(ws.title, label_cell.coordinate,
                         f"'{label}' is not a profile field; its value will not appear.",
                         f"The fields are: {', '.join(x.label for x in PROFILE_FIELDS)}.")
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
                ctx.err(ws.title, coord,
                        f"{f.label} must be a whole number{' (a year)' if f.kind == 'year' else ''}, "
                        f"not '{raw}'.", f"Type digits only, e.g. {f.example}.")
                bad.add(f.attr)
                continue
            values[f.attr] = n
        elif raw and is_placeholder(raw):
            bad.add(f.attr)
            if f.required:
                ctx.err(ws.title, coord, f"{f.label} holds only {quote(raw)}, a placeholder; it is "
                        "required.", f"Fill it in: {f.help}")
            else:
                ctx.warn(ws.title, coord, f"{quote(raw)} looks like a placeholder: {f.label} is left "
                         "out of the report.", "Type the real value, or clear the cell.")
        elif f.kind == "url" and raw and not is_website(raw):
            bad.add(f.attr)
            what = "an e-mail address, not a web address" if "@" in raw else "not a web address"
            ctx.err(ws.title, coord, f"{quote(raw)} is {what}.",
                    f"Type the cluster's website as in the browser's address bar, e.g. {f.example} "
                    f"or {f.example.removeprefix('https://')}.")
        elif f.attr == "about":
            values[f.attr] = text
        else:
            values[f.attr] = raw
    for f in PROFILE_FIELDS:
        if f.attr not in rows:
            ctx.err(ws.title, "A", f"The row '{f.label}' is missing.",
                    f"Add a row with '{f.label}' in column A and its value in column B.")
        elif f.required and not values.get(f.attr) and f.attr not in bad \
                and (ws.title, f"B{rows[f.attr]}") not in ctx.struck:
            ctx.err(ws.title, f"B{rows[f.attr]}", f"{f.label} is required but empty.", f"Fill it in: {f.help}")
    return Profile(**{k: v for k, v in values.items()}) if values.get("short_name") else None


def _number_in_date_cell(ctx: Ctx, ws: Worksheet, cell, f) -> int | None:
    """2019 typed into a date-formatted cell is stored as the number 2019 and shown as a date
    (1905-07-11): the number typed is read back from the date."""
    v = cell.value
    serial = to_excel(v, ws.parent.epoch)
    shown = v.strftime("%Y-%m-%d")
    if float(serial).is_integer() and (f.kind == "count" or 1800 <= serial <= 2100):
        ctx.info(ws.title, cell.coordinate, f"{f.label} is typed into a date-formatted cell, which shows "
                 f"{shown}: it is read as {int(serial)}.", "Set the cell's format to General "
                 "(Home › Number Format) so that it shows the number.")
        return int(serial)
    if f.kind == "year" and 1800 <= v.year <= 2100:
        ctx.info(ws.title, cell.coordinate, f"{f.label} is a date ({shown}): its year, {v.year}, is used.",
                 "Type the year alone (four digits).")
        return v.year
    ctx.err(ws.title, cell.coordinate, f"{f.label} must be a whole number, not the date {shown}.",
            f"Type digits only, e.g. {f.example}, and set the cell's format to General.")
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
            ctx.warn(ws.title, "", f"The sheet '{ws.title}' is not part of the standard workbook; "
                     "nothing in it will appear in the report.",
                     f"Move its content into Step 1, SWOT or TOWS (or '{COORDINATOR_SHEET}' if it is a "
                     "note for the coordinator), or delete the sheet.")


def read_workbook(path: Path, schema: Schema) -> ReadResult:
    ctx = Ctx(path)
    try:
        wb = open_workbook(path)
    except ReportError as e:
        return ReadResult(path, None, [e.as_issue()])
    ctx.language = workbook_language(wb)
    _check_sheet_names(ctx, wb, schema)
    ctx.issues += template_issues(wb, schema, ctx.file)
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
