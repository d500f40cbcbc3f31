"""Workbook -> model. Tolerant where a person would be, precise where it cannot be.

Each problem becomes an Issue with file › sheet › cell; reading goes on so that a partner gets
every problem in one report. Nothing typed is dropped without an error or a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from .errors import SortsIssues, Issue, Location, ReportError, error, warning
from .model import Cluster, Profile, SwotEntry, TowsEntry
from .richtext import Block, BlockKind, Span, Text, normalise, number_lists, plain
from .schema import (LISTS_SHEET, PROFILE_COLUMNS, PROFILE_FIELDS, PROFILE_SHEET, README_SHEET,
                     Column, Schema, Sheet, name_key, match_choice)
from .textsafety import clean_text, decode_excel_escapes
from .workbook_file import open_workbook

MAX_ROWS = 20_000  # per sheet: far above any real competency map


@dataclass
class ReadResult(SortsIssues):
    path: Path
    cluster: Cluster | None
    issues: list[Issue]


class _Ctx:
    def __init__(self, path: Path):
        self.file = path.name
        self.issues: list[Issue] = []

    def loc(self, sheet: str = "", cell: str = "") -> Location:
        return Location(self.file, sheet, cell)

    def err(self, sheet: str, cell: str, msg: str, hint: str = "") -> None:
        self.issues.append(error(self.loc(sheet, cell), msg, hint))

    def warn(self, sheet: str, cell: str, msg: str, hint: str = "") -> None:
        self.issues.append(warning(self.loc(sheet, cell), msg, hint))


# --- cells -----------------------------------------------------------------------------------


def _cell_text(ctx: _Ctx, sheet: str, cell) -> Text | None:
    """A cell as rich text; None when the cell holds something that is not text (reported)."""
    v = cell.value
    coord = cell.coordinate
    if v is None:
        return ()
    if cell.data_type == "f":
        typed = v if isinstance(v, str) else getattr(v, "text", None) or "a data table"  # array formula
        ctx.err(sheet, coord, f"This cell holds a formula ({str(typed)[:60]}) where text is expected.",
                "Type the text itself instead of a formula (copy, then Paste Special › Values).")
        return None
    if cell.data_type == "e":
        ctx.err(sheet, coord, f"This cell holds the error value {v}.", "Replace it with the text you meant.")
        return None
    if isinstance(v, CellRichText):
        spans = []
        for part in v:
            if isinstance(part, TextBlock):
                f = part.font
                spans.append(Span(part.text, bool(f and f.b), bool(f and f.i)))
            else:
                spans.append(Span(str(part)))
        text = normalise(spans)
    elif isinstance(v, bool):
        text = (Span("TRUE" if v else "FALSE"),)
    elif isinstance(v, float) and v.is_integer():
        text = (Span(str(int(v))),)
    elif isinstance(v, (dt.datetime, dt.date)):
        text = (Span(v.date().isoformat() if isinstance(v, dt.datetime) and not v.time().hour
                     and not v.time().minute else v.isoformat()),)
    else:
        f = cell.font  # a whole cell made bold or italic counts as such
        text = (Span(str(v), bool(f and f.b), bool(f and f.i)),)
    # Excel writes control characters (and the CR of pasted CR LF line ends) as _xHHHH_, which
    # openpyxl leaves as they are: decode them so they are cleaned and reported like the others
    text = tuple(Span(decode_excel_escapes(s.text), s.bold, s.italic) for s in text)
    cleaned, replaced = clean_text(text)
    if replaced:
        ctx.warn(sheet, coord, f"contains {replaced} invisible control character(s) that cannot "
                 "appear in a document; each is shown as \ufffd.", "Delete them from the cell.")
    return _strip(cleaned)


def _plain_breaks(spans: list[Span]) -> list[Span]:
    """A line break has no bold or italic of its own: editors attach it to either neighbour
    (LibreOffice moves it into the run before), so it is always kept as plain text."""
    out: list[Span] = []
    for s in spans:
        if not (s.bold or s.italic) or "\n" not in s.text:
            out.append(s)
            continue
        for k, part in enumerate(s.text.split("\n")):
            if k:
                out.append(Span("\n"))
            out.append(Span(part, s.bold, s.italic))
    return out


def _strip(text: Text) -> Text:
    """Trim white space at both ends, keeping line breaks inside; normalise Windows line ends."""
    spans = [Span(s.text.replace("\r\n", "\n").replace("\r", "\n"), s.bold, s.italic) for s in text]
    spans = _plain_breaks(spans)
    while spans and not spans[0].text.strip():
        spans.pop(0)
    while spans and not spans[-1].text.strip():
        spans.pop()
    if spans:
        spans[0] = Span(spans[0].text.lstrip(), spans[0].bold, spans[0].italic)
        spans[-1] = Span(spans[-1].text.rstrip(), spans[-1].bold, spans[-1].italic)
    return normalise(spans)


def _merged_in(ws: Worksheet, min_row: int, cols: range) -> list[str]:
    return [str(r) for r in ws.merged_cells.ranges
            if r.max_row >= min_row and r.min_col <= cols.stop - 1 and r.max_col >= cols.start]


# --- sheets ----------------------------------------------------------------------------------


def _find_sheet(ctx: _Ctx, wb: Workbook, name: str) -> Worksheet | None:
    for ws in wb.worksheets:
        if ws.title == name or name_key(ws.title) == name_key(name):
            return ws
    ctx.err(name, "", f"The sheet '{name}' is missing (sheets found: {', '.join(wb.sheetnames)}).",
            f"Rename the sheet back to '{name}', or copy your entries into a fresh standard workbook.")
    return None


def _header_map(ctx: _Ctx, ws: Worksheet, names: tuple[str, ...],
                optional: frozenset[str] = frozenset()) -> dict[str, int] | None:
    """Column index per header name; reports renamed, missing and extra headers.

    Optional columns (added by a later template version) may be absent from older workbooks."""
    found: dict[str, int] = {}
    extra: list[tuple[int, str]] = []
    for cell in ws[1] if ws.max_row >= 1 else ():
        if cell.value is None or str(cell.value).strip() == "":
            continue
        label = str(cell.value).strip()
        match = next((n for n in names if name_key(n) == name_key(label)), None)
        if match and match not in found:
            found[match] = cell.column
        else:
            extra.append((cell.column, label))
    missing = [n for n in names if n not in found and n not in optional]
    for n in missing:
        expected = get_column_letter(names.index(n) + 1)
        got = ws.cell(row=1, column=names.index(n) + 1).value
        what = f"has '{got}'" if got not in (None, "") else "is empty"
        ctx.err(ws.title, f"{expected}1", f"The header '{n}' is missing: this cell {what}.",
                f"Type '{n}' back into {expected}1 (the headers must be: {' | '.join(names)}).")
    if missing:
        return None
    for col, label in extra:
        ctx.warn(ws.title, f"{get_column_letter(col)}1",
                 f"The column '{label}' is not part of the standard workbook; its cells will not "
                 "appear in the report.", "Move anything important into the standard columns.")
    return found


def _rows(ctx: _Ctx, ws: Worksheet, cols: dict[str, int]):
    """Yield (row number, {column name: cell}) for every non-blank data row."""
    last = _last_row(ws)  # rows only formatted below the entries do not count
    if last > MAX_ROWS:
        ctx.err(ws.title, "", f"has {last} rows with content; a competency map has at most {MAX_ROWS}.",
                "Delete the empty or pasted rows below your entries.")
        return
    for merged in _merged_in(ws, 2, range(1, max(cols.values()) + 1)):
        ctx.err(ws.title, merged, "Merged cells in the entries area cannot be read row by row.",
                "Unmerge them (Home › Merge & Center) and put one entry per row.")
    stray = _stray_cells(ws, set(cols.values()))
    for r in range(2, last + 1):
        for coord in stray.get(r, ()):
            ctx.warn(ws.title, coord, "Text outside the standard columns will not appear in the report.",
                     "Move it into the right column.")
        cells = {name: ws.cell(row=r, column=c) for name, c in cols.items()}
        if all(c.value is None or (isinstance(c.value, str) and not c.value.strip())
               for c in cells.values()):
            continue
        yield r, cells


def _last_row(ws: Worksheet) -> int:
    """The last row with something typed in it. Excel keeps rows that are only formatted (a whole
    column coloured, say) as cells without a value: 100,000 of them are no entries."""
    return max((r for (r, _), cell in ws._cells.items()  # openpyxl has no public "existing cells"
                if cell.value is not None and str(cell.value).strip()), default=1)


def _stray_cells(ws: Worksheet, used: set[int]) -> dict[int, list[str]]:
    """Text typed outside the standard columns would be lost: its cells, by row, in order.

    Only the cells the file holds are visited, once: asking openpyxl for any other cell creates it,
    so walking every column of every row (one note in column XFD means 16,384 columns) took minutes
    and gigabytes, and `ws.max_column` rescans the whole sheet at each call.
    """
    out: dict[int, list[str]] = {}
    for (r, c), cell in sorted(ws._cells.items()):  # openpyxl has no public "existing cells"
        if r >= 2 and c not in used and cell.value is not None and str(cell.value).strip():
            out.setdefault(r, []).append(cell.coordinate)
    return out


def _choice(ctx: _Ctx, sheet: str, cell, col: Column) -> str | None:
    text = _cell_text(ctx, sheet, cell)
    if text is None:
        return None
    raw = plain(text).strip()
    if not raw:
        if col.default:
            return col.default
        return ""
    m = match_choice(raw, col.choices)
    if m is None:
        ctx.err(sheet, cell.coordinate, f"'{raw}' is not an allowed {col.name}.",
                f"Choose one of: {', '.join(col.choices)}.")
    return m


def _read_profile(ctx: _Ctx, ws: Worksheet) -> Profile | None:
    cols = _header_map(ctx, ws, PROFILE_COLUMNS)
    if cols is None:
        return None
    by_key = {name_key(f.label): f for f in PROFILE_FIELDS}
    values: dict[str, object] = {}
    seen: set[str] = set()
    bad: set[str] = set()  # fields whose cell already has an error: not also "required but empty"
    for r, cells in _rows(ctx, ws, cols):
        label_cell, value_cell = cells["Field"], cells["Value"]
        label = str(label_cell.value or "").strip()
        f = by_key.get(name_key(label))
        if f is None:
            if value_cell.value not in (None, ""):
                ctx.warn(ws.title, label_cell.coordinate,
                         f"'{label}' is not a profile field; its value will not appear.",
                         f"The fields are: {', '.join(x.label for x in PROFILE_FIELDS)}.")
            continue
        seen.add(f.attr)
        text = _cell_text(ctx, ws.title, value_cell)
        if text is None:
            bad.add(f.attr)
            continue
        raw = plain(text).strip()
        if f.kind in ("year", "count") and not raw:
            values[f.attr] = None
        elif f.kind in ("year", "count"):
            n = _whole_number(raw)
            if n is None or n < 0 or (f.kind == "year" and not 1800 <= n <= 2100):
                ctx.err(ws.title, value_cell.coordinate,
                        f"{f.label} must be a whole number{' (a year)' if f.kind == 'year' else ''}, "
                        f"not '{raw}'.", f"Type digits only, e.g. {f.example}.")
                bad.add(f.attr)
                continue
            values[f.attr] = n
        elif f.attr == "about":
            values[f.attr] = text
        else:
            values[f.attr] = raw
    for f in PROFILE_FIELDS:
        if f.attr not in seen:
            ctx.err(ws.title, "A", f"The row '{f.label}' is missing.",
                    f"Add a row with '{f.label}' in column A and its value in column B.")
        elif f.required and not values.get(f.attr) and f.attr not in bad:
            row = _row_of(ws, f.label)
            ctx.err(ws.title, f"B{row}" if row else "B", f"{f.label} is required but empty.",
                    f"Fill it in: {f.help}")
    return Profile(**{k: v for k, v in values.items()}) if values.get("short_name") else None


def _row_of(ws: Worksheet, label: str) -> int | None:
    for r in range(2, ws.max_row + 1):
        if name_key(str(ws.cell(row=r, column=1).value or "")) == name_key(label):
            return r
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


def _read_step1(ctx: _Ctx, ws: Worksheet, sheet: Sheet) -> list[Block]:
    cols = _header_map(ctx, ws, tuple(c.name for c in sheet.columns))
    if cols is None:
        return []
    blocks = []
    for r, cells in _rows(ctx, ws, cols):
        style = _choice(ctx, ws.title, cells["Style"], sheet.column("Style"))
        text = _cell_text(ctx, ws.title, cells["Text"])
        if text is None or style is None:
            continue
        if not text:
            ctx.warn(ws.title, cells["Text"].coordinate, "has a Style but no text; the row is skipped.",
                     "Type the text, or clear the row.")
            continue
        blocks.append(Block(BlockKind(style.lower()), text))
    return number_lists(blocks)


def _read_entries(ctx: _Ctx, ws: Worksheet, sheet: Sheet, kind: str) -> list:
    names = tuple(c.name for c in sheet.columns)
    cols = _header_map(ctx, ws, names, frozenset(c.name for c in sheet.columns if c.optional))
    if cols is None:
        return []
    out = []
    for r, cells in _rows(ctx, ws, cols):
        vals = {c.name: "" for c in sheet.columns if c.name not in cols}
        ok = True
        for c in sheet.columns:
            if c.name == "Entry" or c.name not in cols:
                continue
            if c.closed:
                vals[c.name] = _choice(ctx, ws.title, cells[c.name], c)
            else:
                t = _cell_text(ctx, ws.title, cells[c.name])
                vals[c.name] = plain(t).strip() if t is not None else None
            ok = ok and vals[c.name] is not None
        text = _cell_text(ctx, ws.title, cells["Entry"])
        if not ok or text is None:
            continue
        entry_cell = cells["Entry"].coordinate
        if not text:
            ctx.warn(ws.title, entry_cell, "This row has no entry; it is skipped.",
                     "Type the entry, or clear the row.")
            continue
        missing = [c for c in sheet.columns if c.required and c.closed and not vals[c.name]]
        for c in missing:
            ctx.err(ws.title, cells[c.name].coordinate,
                    f"The entry in {entry_cell} has no {c.name}.",
                    f"Choose one of: {', '.join(c.choices)}.")
        if missing:
            continue
        if kind == "swot":
            out.append(SwotEntry(vals["Topic"], vals["Quadrant"], vals["Group"] or "", text, r,
                                 vals.get("Theme") or ""))
        else:
            out.append(TowsEntry(vals["Topic"], vals["Strategy"], vals["Format"] or "Bullet", text, r))
    return out


def _check_sheet_names(ctx: _Ctx, wb: Workbook, schema: Schema) -> None:
    known = {name_key(n) for n in schema.all_sheet_names}
    for ws in wb.worksheets:
        if name_key(ws.title) not in known:
            ctx.warn(ws.title, "", f"The sheet '{ws.title}' is not part of the standard workbook; "
                     "nothing in it will appear in the report.",
                     "Move its content into Step 1, SWOT or TOWS, or delete the sheet.")


def read_workbook(path: Path, schema: Schema) -> ReadResult:
    ctx = _Ctx(path)
    try:
        wb = open_workbook(path)
    except ReportError as e:
        return ReadResult(path, None, [e.as_issue()])
    _check_sheet_names(ctx, wb, schema)
    profile_ws = _find_sheet(ctx, wb, PROFILE_SHEET)
    profile = _read_profile(ctx, profile_ws) if profile_ws is not None else None
    sheets = {s.name: _find_sheet(ctx, wb, s.name) for s in schema.sheets}
    step1 = _read_step1(ctx, sheets["Step 1"], schema.sheet("Step 1")) if sheets["Step 1"] else []
    swot = _read_entries(ctx, sheets["SWOT"], schema.sheet("SWOT"), "swot") if sheets["SWOT"] else []
    tows = _read_entries(ctx, sheets["TOWS"], schema.sheet("TOWS"), "tows") if sheets["TOWS"] else []
    wb.close()
    cluster = Cluster(profile, step1, swot, tows, path) if profile else None
    return ReadResult(path, cluster, ctx.issues)


__all__ = ["read_workbook", "ReadResult", "README_SHEET", "LISTS_SHEET"]
