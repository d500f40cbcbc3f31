"""One cell of a partner's workbook, read: as rich text or as one of a column's allowed values.

Every problem becomes an Issue with file › sheet › cell in the `Ctx` that reading carries, so that
a partner gets every problem of the workbook in one report.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

from openpyxl.cell.rich_text import CellRichText, TextBlock

from competency_maps.errors import Collector
from competency_maps.inputs.habits import several_choices, text_words
from competency_maps.model.richtext import Span, Text, normalise, plain
from competency_maps.model.schema import Column, is_label_of, match_choice
from competency_maps.inputs.glyph_check import missing_glyphs
from competency_maps.inputs.number_format import cell_shown
from competency_maps.inputs.textsafety import clean_text, decode_excel_escapes

QUOTE = 60  # characters of a partner's text quoted in a message


class Ctx(Collector):
    """What reading one workbook carries along: its issues (`ctx.at(sheet, cell, code, **params)`),
    and the cells struck through as a whole (so that their row is said once, not again as "no
    entry")."""

    def __init__(self, path: Path):
        super().__init__(path.name)
        self.struck: set[tuple[str, str]] = set()  # (sheet, cell) whose whole text is struck through
        self.language = "en"  # the workbook's own (its dropdowns' labels need no explanation)
        self.words: frozenset[str] = frozenset()  # the workbook's words (habits.unwrap), in lower case


def workbook_words(wb) -> frozenset[str]:
    """Every word the workbook's text cells hold, in lower case: a hyphen that a PDF put at a line's
    end is left out only when the word it splits is written whole somewhere in the workbook."""
    words: set[str] = set()
    for ws in wb.worksheets:
        for cell in ws._cells.values():  # the cells the file holds, none created
            v = cell.value
            if isinstance(v, (str, CellRichText)):
                words |= text_words(str(v))
    return frozenset(words)


def quote(s: str) -> str:
    """A partner's text in a message: one line, cut short."""
    s = " ".join(str(s).split())
    return f"'{s[:QUOTE]}…'" if len(s) > QUOTE else f"'{s}'"


# --- cells -----------------------------------------------------------------------------------


def cell_text(ctx: Ctx, sheet: str, cell, drop_struck: bool = False) -> Text | None:
    """A cell as rich text; None when the cell holds something that is not text (reported).

    With `drop_struck`, struck-through text (how people mark a deletion) is left out, with a
    warning; a cell struck through as a whole is remembered in `ctx.struck`."""
    v = cell.value
    coord = cell.coordinate
    struck: list[str] = []
    if v is None:
        return ()
    if cell.data_type == "f":
        typed = v if isinstance(v, str) else getattr(v, "text", None)  # array formula
        if typed:
            ctx.at(sheet, coord, "cell.formula", formula=str(typed)[:60])
        else:
            ctx.at(sheet, coord, "cell.formula.table")
        return None
    if cell.data_type == "e":
        ctx.at(sheet, coord, "cell.error_value", value=v)
        return None
    if isinstance(v, CellRichText):
        spans = []
        whole_strike = bool(cell.font and cell.font.strike)
        for part in v:
            if isinstance(part, TextBlock):
                f = part.font
                if drop_struck and (f.strike if f and f.strike is not None else whole_strike):
                    struck.append(part.text)
                    continue
                spans.append(Span(part.text, bool(f and f.b), bool(f and f.i)))
            elif drop_struck and whole_strike:
                struck.append(str(part))
            else:
                spans.append(Span(str(part)))
        text = normalise(spans)
    elif drop_struck and isinstance(v, str) and cell.font and cell.font.strike:
        struck.append(v)
        text = ()
    elif (shown := cell_shown(cell, ctx.loc(sheet, coord), ctx.issues)) is not None:
        text = (Span(shown, bool(cell.font and cell.font.b), bool(cell.font and cell.font.i)),)  # "35%", not "0.35"
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
        ctx.at(sheet, coord, "cell.control_characters", count=replaced)
    out = _strip(cleaned)
    ctx.issues += missing_glyphs(ctx.loc(sheet, coord), plain(out))
    if "".join(struck).strip():
        if not out:
            ctx.struck.add((sheet, coord))
        ctx.at(sheet, coord, "cell.struck.part" if out else "cell.struck.whole", text=quote("".join(struck)))
    return out


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


def choice(ctx: Ctx, sheet: str, cell, col: Column) -> str | None:
    """The allowed value a cell means ('strengths' is Strength), its column's default when empty,
    or None (reported: two values in one cell, or an unknown one with the nearest suggested)."""
    text = cell_text(ctx, sheet, cell)
    if text is None:
        return None
    raw = plain(text).strip()
    if not raw:
        return col.default or ""
    m = match_choice(raw, col.choices)
    if m is not None:
        if not is_label_of(raw, m, ctx.language):  # another language or spelling: say how it was read
            ctx.at(sheet, cell.coordinate, "choice.native", cell_value=quote(raw), choice=m)
        return m
    several = several_choices(raw, lambda part: match_choice(part, col.choices))
    if several:
        ctx.at(sheet, cell.coordinate, "cell.choice.several", value=quote(raw), count=len(several),
               column=col.name, first=several[0], others=several[1:])
        return None
    by_key = {c.casefold(): c for c in col.choices}
    close = difflib.get_close_matches(raw.casefold(), list(by_key), n=1, cutoff=0.75)
    if close:
        ctx.at(sheet, cell.coordinate, "cell.choice.unknown.close", value=raw, column=col.name,
               suggestion=by_key[close[0]], choices=col.choices)
    else:
        ctx.at(sheet, cell.coordinate, "cell.choice.unknown", value=raw, column=col.name, choices=col.choices)
    return None
