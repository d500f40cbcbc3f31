"""The rows of Step 1, SWOT, TOWS and the notes sheets, as the model: paragraphs, entries, notes.

Here the habits of partners (`habits.py`) meet their cells: a cell typed as a list becomes several
entries, placeholders and repeats are left out, groups are gathered. Each is said with its cell,
as an information line when the report shows what the partner meant, as a warning otherwise.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from typing import Iterable

from openpyxl.utils import get_column_letter

from competency_maps.inputs.cells import Ctx, cell_text, choice, quote
from competency_maps.inputs.habits import (LANGUAGE_NAMES, group_key, is_placeholder, language_code, language_suggestion,
                     same_text_key, typed_list, unwrap)
from competency_maps.model.cluster import Note, SwotEntry, TowsEntry
from competency_maps.model.richtext import Block, BlockKind, Text, number_lists, plain
from competency_maps.model.schema import Sheet

JOINS_SHOWN = 3  # joins a message quotes; it counts the others
Rows = Iterable[tuple[int, dict]]  # (row number, {column name: cell}), from reader.rows


def _skipped(ctx: Ctx, sheet: str, cell, text: Text | None) -> bool:
    """A free-text cell that gives nothing to print: not text (reported), struck through as a
    whole (reported), or a placeholder (reported here)."""
    if text is None or (sheet, cell.coordinate) in ctx.struck:
        return True
    if text and is_placeholder(plain(text)):
        ctx.at(sheet, cell.coordinate, "row.placeholder", text=quote(plain(text)))
        return True
    return False


def _unwrapped(ctx: Ctx, sheet: str, coord: str, texts: list[Text]) -> list[Text]:
    """The texts of one cell with the line breaks of a PDF joined and its stray page numbers left
    out (habits.unwrap), each said once for the cell."""
    out, joined, dropped = [], [], []
    for t in texts:
        u = unwrap(t, ctx.words)
        out.append(u.text)
        joined += u.joined
        dropped += u.dropped
    if joined:
        ctx.at(sheet, coord, "text.pdf.joined", count=len(joined),
               joins=tuple(quote(j) for j in joined[:JOINS_SHOWN]))
    for line in dropped:
        ctx.at(sheet, coord, "text.pdf.page_number", line=quote(line))
    return out


def _blocks_of_row(ctx: Ctx, sheet: str, coord: str, style: str, text: Text) -> list[Block]:
    """One row of Step 1 or of a Step 2 note: one block, or one per item of a list typed in it."""
    kind = BlockKind(style.lower())
    tl = typed_list(text) if kind not in (BlockKind.HEADING, BlockKind.SUBHEADING) else None
    if tl is None:
        [text] = _unwrapped(ctx, sheet, coord, [text])
        return [Block(kind, text)]
    n = len(tl.items)
    if kind is BlockKind.PARAGRAPH:
        if tl.numbered and n < 2:  # "1. Introduction" as a paragraph: printed as typed
            return [Block(kind, text)]
        kind = BlockKind.NUMBERED if tl.numbered else BlockKind.BULLET
        ctx.at(sheet, coord, "list.typed.numbered" if tl.numbered else "list.typed.bulleted", count=n)
    else:
        _said_list(ctx, sheet, coord, tl, "item")
    return [Block(kind, item) for item in _unwrapped(ctx, sheet, coord, tl.items)]


def _said_list(ctx: Ctx, sheet: str, coord: str, tl, each: str) -> None:
    """The information line for a cell typed as a list: split (each line an "item" of Step 1 or a
    note, or an "entry" of SWOT or TOWS), or only its marker left out."""
    typed = "numbered" if tl.numbered else "bulleted"
    if len(tl.items) > 1:
        ctx.at(sheet, coord, f"list.lines.{typed}.{each}", count=len(tl.items))
    else:
        ctx.at(sheet, coord, "list.marker.number" if tl.numbered else "list.marker.bullet")


def read_step1(ctx: Ctx, title: str, sheet: Sheet, cols: dict[str, int], rows: Rows) -> list[Block]:
    blocks: list[Block] = []
    for r, cells in rows:
        style = choice(ctx, title, cells["Style"], sheet.column("Style"))
        text = cell_text(ctx, title, cells["Text"], drop_struck=True)
        if style is None or _skipped(ctx, title, cells["Text"], text):
            continue
        if not text:
            ctx.at(title, cells["Text"].coordinate, "row.style_without_text")
            continue
        blocks += _blocks_of_row(ctx, title, cells["Text"].coordinate, style, text)
    return number_lists(blocks)


def _entry_items(ctx: Ctx, sheet: str, coord: str, text: Text, fmt: str) -> tuple[list[Text], str]:
    """The entries of one SWOT or TOWS cell: several when it holds a typed list (one per line, the
    bullets or numbers left to the report). `fmt` is how the row is printed (Bullet or Paragraph)."""
    tl = typed_list(text)
    if tl is None:
        return [text], fmt
    n = len(tl.items)
    if fmt == "Paragraph":
        if tl.numbered:  # a TOWS paragraph has no numbered form: printed as typed
            return [text], fmt
        ctx.at(sheet, coord, "list.typed.bullets", count=n)
        return tl.items, "Bullet"
    _said_list(ctx, sheet, coord, tl, "entry")
    return tl.items, fmt


def read_entries(ctx: Ctx, title: str, sheet: Sheet, cols: dict[str, int], rows: Rows) -> list:
    """SWOT or TOWS entries (`sheet` says which), one or more per row."""
    kind = "swot" if "Quadrant" in cols else "tows"
    out = []
    first: dict[tuple[str, str, str], str] = {}  # (topic, quadrant or strategy, text) -> its cell
    for r, cells in rows:
        entry = cells["Entry"]
        text = cell_text(ctx, title, entry, drop_struck=True)
        if (title, entry.coordinate) in ctx.struck:
            continue  # a row struck through: said once, on its entry
        vals = {c.name: "" for c in sheet.columns if c.name not in cols}
        ok = True
        for c in sheet.columns:
            if c.name == "Entry" or c.name not in cols:
                continue
            if c.closed:
                vals[c.name] = choice(ctx, title, cells[c.name], c)
            else:
                t = cell_text(ctx, title, cells[c.name])
                vals[c.name] = plain(t).strip() if t is not None else None
            ok = ok and vals[c.name] is not None
        if not ok or _skipped(ctx, title, entry, text):
            continue
        if not text:
            ctx.at(title, entry.coordinate, "entry.empty")
            continue
        missing = [c for c in sheet.columns if c.required and c.closed and not vals[c.name]]
        for c in missing:
            ctx.at(title, cells[c.name].coordinate, "entry.choice.missing", entry_cell=entry.coordinate,
                   column=c.name, choices=c.choices)
        if missing:
            continue
        fmt = "Bullet" if kind == "swot" else vals["Format"] or "Bullet"
        items, fmt = _entry_items(ctx, title, entry.coordinate, text, fmt)
        items = _unwrapped(ctx, title, entry.coordinate, items)
        where = vals["Quadrant"] if kind == "swot" else vals["Strategy"]
        for item in items:
            if is_placeholder(plain(item)):
                ctx.at(title, entry.coordinate, "entry.placeholder", text=quote(plain(item)))
                continue
            key = (vals["Topic"], where, same_text_key(plain(item)))
            if key in first:
                ctx.at(title, entry.coordinate, "entry.repeated", first_cell=first[key], text=quote(plain(item)))
                continue
            first[key] = entry.coordinate
            if kind == "swot":
                out.append(SwotEntry(vals["Topic"], vals["Quadrant"], vals["Group"] or "", item, r,
                                     vals.get("Theme") or ""))
            else:
                out.append(TowsEntry(vals["Topic"], vals["Strategy"], fmt, item, r))
    if kind == "swot":
        out = _gather_groups(ctx, title, get_column_letter(cols["Group"]), out)
    return out


def _gather_groups(ctx: Ctx, sheet: str, letter: str, entries: list[SwotEntry]) -> list[SwotEntry]:
    """Group headings compared without case or spacing ('HR', 'hr ') and, inside a topic's quadrant,
    gathered in order of first appearance: 'HR', 'Financial', 'HR' prints one 'HR'. A row without a
    group stays with the group above it (people leave the cell empty for 'same as above')."""
    spelling: dict[str, tuple[str, int]] = {}
    out: list[SwotEntry] = []
    for e in entries:
        k = group_key(e.group)
        if k:
            name, row = spelling.setdefault(k, (e.group, e.row))
            if e.group != name:
                ctx.at(sheet, f"{letter}{e.row}", "group.spelling", group=quote(e.group), name=name,
                       first_cell=f"{letter}{row}")
                e = replace(e, group=name)
        out.append(e)
    rank: dict[tuple[str, str, str], int] = {}
    keys: list[tuple[str, str, str]] = []
    current: dict[tuple[str, str], str] = {}
    regroup: set[tuple[str, str]] = set()
    for e in out:
        bucket = (e.topic, e.quadrant)
        k = group_key(e.group) or current.get(bucket, "")
        key = (*bucket, k)
        if key in rank and current.get(bucket) != k:
            regroup.add(bucket)
            ctx.at(sheet, f"{letter}{e.row}", "group.regathered", group=e.group,
                   first_cell=f"{letter}{spelling[k][1]}")
        rank.setdefault(key, len(rank))
        current[bucket] = k
        keys.append(key)
    for bucket in regroup:
        at = [i for i, e in enumerate(out) if (e.topic, e.quadrant) == bucket]
        moved = sorted(at, key=lambda i: rank[keys[i]])  # stable: rows keep their order in a group
        out = _place(out, at, _same_as_above([out[i] for i in moved]))
    return out


def _same_as_above(entries: list[SwotEntry]) -> list[SwotEntry]:
    """Rows left without a group, moved with the group above them, say its name: so that the
    gathered group is printed under one heading."""
    out, above = [], ""
    for e in entries:
        if e.group.strip():
            above = e.group
        elif above:
            e = replace(e, group=above)
        out.append(e)
    return out


def _place(items: list, at: list[int], values: list) -> list:
    out = list(items)
    for i, v in zip(at, values):
        out[i] = v
    return out


# --- Step 2 notes and notes to the coordinator ------------------------------------------------------


@dataclass
class _NoteDraft:
    label: str
    label_row: int
    language: str = ""
    language_cell: str = ""
    blocks: list[Block] = field(default_factory=list)


def _language(ctx: Ctx, sheet: str, cell) -> str | None:
    """The code typed in a Language cell ('' when empty); None when it is not one (reported)."""
    t = cell_text(ctx, sheet, cell)
    if t is None:
        return None
    raw = plain(t).strip()
    if not raw:
        return ""
    code = language_code(raw)
    if code is None:
        country = language_suggestion(raw)
        close = difflib.get_close_matches(raw.casefold(), list(LANGUAGE_NAMES), n=1, cutoff=0.75)
        if country:
            ctx.at(sheet, cell.coordinate, "language.country", value=quote(raw), typed=raw.strip(),
                   language=country)
        elif close:
            ctx.at(sheet, cell.coordinate, "language.close", value=quote(raw), code=LANGUAGE_NAMES[close[0]],
                   name=close[0].capitalize())
        else:
            ctx.at(sheet, cell.coordinate, "language.unknown", value=quote(raw))
    return code


def read_notes(ctx: Ctx, title: str, sheet: Sheet, cols: dict[str, int], rows: Rows) -> list[Note]:
    """Step 2 notes: a row with a Label starts a note, the rows below continue it."""
    drafts: list[_NoteDraft] = []
    label_letter = get_column_letter(cols["Label"])
    for r, cells in rows:
        label_t = cell_text(ctx, title, cells["Label"])
        language = _language(ctx, title, cells["Language"])
        style = choice(ctx, title, cells["Style"], sheet.column("Style"))
        text = cell_text(ctx, title, cells["Text"], drop_struck=True)
        label = " ".join(plain(label_t).split()) if label_t else ""
        if label or not drafts:
            drafts.append(_NoteDraft(label, r))
        note = drafts[-1]
        if language:
            if not note.language:
                note.language, note.language_cell = language, cells["Language"].coordinate
            elif language != note.language:
                params = dict(label_row=note.label_row, language=note.language,
                              language_cell=note.language_cell, label_cell=f"{label_letter}{r}")
                if note.label:
                    ctx.at(title, cells["Language"].coordinate, "note.language.mixed", label=quote(note.label),
                           **params)
                else:
                    ctx.at(title, cells["Language"].coordinate, "note.language.mixed.unlabelled", **params)
        if style is None or _skipped(ctx, title, cells["Text"], text):
            continue
        if not text:
            if not label and cells["Style"].value not in (None, ""):
                ctx.at(title, cells["Text"].coordinate, "row.style_without_text")
            continue
        note.blocks += _blocks_of_row(ctx, title, cells["Text"].coordinate, style, text)
    notes = []
    for d in drafts:
        if not d.blocks and d.label:
            ctx.at(title, f"{label_letter}{d.label_row}", "note.no_text", label=quote(d.label))
        if d.blocks or d.label:
            notes.append(Note(d.label, tuple(number_lists(d.blocks)), d.language))
    return notes


def read_coordinator_notes(ctx: Ctx, title: str, sheet: Sheet, cols: dict[str, int],
                           rows: Rows) -> list[tuple[str, str]]:
    """(cell, text) of each note to the coordinator: printed by `check`, never by the report."""
    out = []
    for _, cells in rows:
        t = cell_text(ctx, title, cells["Note"])
        if t:
            out.append((cells["Note"].coordinate, plain(t)))
    return out


