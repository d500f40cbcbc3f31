"""Which bundled font draws a character: one answer for the PDF, the heat map's PNG and `check`.

The report's fonts are bundled in templates/fonts, in the order the PDF falls back through them
(report.css, heatmap.svg.j2): Carlito (Latin, Greek, Cyrillic), DejaVu Sans (symbols, Hebrew,
Arabic, Armenian, Georgian…), Noto Sans Devanagari and Noto Sans Thai. A character none of them has
(Chinese, Japanese, Korean, emoji) would print as an empty box: `check` and the build warn about it
with the cell named. Noto Sans CJK would draw the first three but weighs 20 MB a weight.

What each font covers is read once from the fonts by `tools/font_coverage.py` into
templates/fonts/coverage.json (a test keeps it equal to the fonts): reading the fonts themselves
would take 0.4 s of every `check`.
"""

from __future__ import annotations

import bisect
import functools
import json
import unicodedata

from competency_maps.resources import TEMPLATES

FONTS_DIR = TEMPLATES / "fonts"
COVERAGE = FONTS_DIR / "coverage.json"
# In fallback order; the first is the report's text font (bold and italic faces beside it).
FONTS = ("Carlito-Regular.ttf", "DejaVuSans.ttf", "NotoSansDevanagari-Regular.ttf", "NotoSansThai-Regular.ttf")


@functools.lru_cache(maxsize=1)
def _coverage() -> tuple[tuple[str, tuple[int, ...], tuple[int, ...]], ...]:
    """Per font: the starts and ends (inclusive) of the code point ranges it draws, sorted."""
    ranges = json.loads(COVERAGE.read_text(encoding="utf-8"))
    return tuple((font, tuple(r[0] for r in ranges[font]), tuple(r[1] for r in ranges[font])) for font in FONTS)


def font_for(ch: str) -> str | None:
    """The file name of the first bundled font that draws `ch`, or None."""
    cp = ord(ch)
    for font, starts, ends in _coverage():
        i = bisect.bisect_right(starts, cp) - 1
        if i >= 0 and cp <= ends[i]:
            return font
    return None


def _invisible(ch: str) -> bool:
    """White space and format characters (joiners, variation selectors, marks of direction) are
    laid out, not drawn: no font needs a glyph for them."""
    return ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc", "Mn") and font_for(ch) is None \
        or 0xFE00 <= ord(ch) <= 0xFE0F


def undrawable(text: str) -> list[str]:
    """The distinct characters of `text` that no bundled font draws, in order of appearance."""
    if text.isascii():
        return []
    out: dict[str, None] = {}
    for ch in text:
        if ord(ch) > 0x7F and ch not in out and font_for(ch) is None and not _invisible(ch):
            out[ch] = None
    return list(out)


def runs(text: str) -> list[tuple[str, str]]:
    """`text` cut into runs of one font each, as (font file, text): how the heat map's PNG draws
    what the PDF's fallback draws. White space and format characters between two runs of one font
    belong to it (an Arabic name of two words is one run, laid out right to left as a whole); a
    character no font has stays with the run before it."""
    fonts: list[str | None] = [None if _invisible(ch) else (FONTS[0] if ch.isascii() else font_for(ch)) for ch in text]
    for i, f in enumerate(fonts):
        if f is None and not _invisible(text[i]):  # no font has it: drawn as a box, in the run before
            fonts[i] = next((g for g in reversed(fonts[:i]) if g), FONTS[0])
    for i, f in enumerate(fonts):
        if f is None:
            before = next((g for g in reversed(fonts[:i]) if g), None)
            after = next((g for g in fonts[i + 1:] if g), None)
            fonts[i] = before if before == after and before else FONTS[0]
    out: list[tuple[str, str]] = []
    for ch, font in zip(text, fonts):
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


def needs_shaping(text: str) -> bool:
    """Whether `text` needs more than glyphs set one after the other: right-to-left letters,
    combining marks, or a script laid out by shaping (Devanagari, Thai). weasyprint's SVG text places
    each letter on its own (no shaping, no bidi), so a heat map with such a name is a picture."""
    return not text.isascii() and any(
        unicodedata.bidirectional(ch) in ("R", "AL", "AN") or unicodedata.category(ch) in ("Mn", "Mc")
        or font_for(ch) in FONTS[2:] for ch in text)
