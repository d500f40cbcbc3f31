"""The synthesis heat map, as geometry shared by the SVG (PDF) and PNG (DOCX) versions.

The geometry is computed once here; templates/heatmap.svg.j2 draws it for the PDF, and
render/figures.py draws the same rectangles as a PNG for Word, which cannot show SVG reliably.

A picture is drawn at the width of the page's text frame, so its text prints smaller the wider it
is: a map of many topics is cut into several pictures side by side in reading order (at most
GROUPS_PER_PART topic columns each, so the 11 pt text prints at 6.6 pt or more), and a name is set
no smaller than prints at MIN_PRINTED (on two lines when one would be smaller). A picture cannot break
across pages, so a long map is also cut into parts of at most a third of a page of rows, each with
the header: any number of clusters fits, and a part that moves on leaves at most a third of a page blank.

Text widths come from templates/fonts/widths.json (tools/font_widths.py), the bundled fonts' advance
widths read once, not from the fonts: the report needs no Pillow and no fontTools (neither runs in
the self-check page's browser, which imports the report's view), and reading the fonts would cost
every build its time.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field

from competency_maps.glyphs import FONTS, FONTS_DIR, needs_shaping, runs
from competency_maps.labels import Labels
from competency_maps.analysis.synthesis import Synthesis

WIDTHS = FONTS_DIR / "widths.json"
WIDTH_FONTS = ("Carlito-Regular.ttf", "Carlito-Bold.ttf", *FONTS[1:])
EXACT = ((0x0000, 0x024F), (0x2000, 0x206F))  # code points with their exact width in widths.json
MIN_PRINTED = 6.0  # points: no text of the map prints smaller
GROUPS_PER_PART = 5  # topic columns (with "All topics") in one picture: 11 pt prints at 6.6 pt or more
LABEL_W, CELL_W, CELL_H, HEAD_H, GAP, FOOT = 150, 26, 22, 44, 8, 4
NAVY = (31, 56, 100)
# The page's text frame in points: A4 less the margins of report.css (@page) and reference.docx.
FRAME_W, FRAME_H = 481.9, 722.8
PARTS_PER_PAGE = 3
PART_MARGIN = 8  # points between two parts (report.css: figure.heatmap img)


@dataclass(frozen=True)
class Cell:
    x: float
    y: float
    w: float
    h: float
    value: int | str  # "": a topic not asked of the cluster, left blank
    shade: float  # 0..1, share of the largest count


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str  # start | middle
    bold: bool = False
    size: float = 11  # a long cluster name is set smaller, so that it never runs into the cells
    runs: tuple[tuple[str, str], ...] = ()  # (font file, text): each part in the font that draws it

    def __post_init__(self) -> None:
        if not self.runs:
            object.__setattr__(self, "runs", tuple(_runs(self.text, self.bold)))


@dataclass(frozen=True)
class Heatmap:
    width: float
    height: float
    cells: list[Cell]
    labels: list[Label]
    title: str
    picture: bool = field(init=False)  # the PDF shows it as the PNG too (see as_picture)

    def __post_init__(self) -> None:
        object.__setattr__(self, "picture", any(needs_shaping(lb.text) for lb in self.labels))


def rows_per_part(width: float) -> int:
    """How many rows a part holds: drawn at the frame's width, a third of a page at most."""
    scale = FRAME_W / width
    room = FRAME_H / PARTS_PER_PAGE - PART_MARGIN - (HEAD_H + FOOT) * scale
    return max(3, int(room // (CELL_H * scale)))


def heatmaps(s: Synthesis, wording: Labels) -> list[Heatmap]:
    """The map in parts of balanced length, each with the header; one part for a small consortium.
    Many topics: each band of rows in pictures of at most GROUPS_PER_PART topic columns, one after
    the other, each with the names. The shading is shared, so that a colour means the same count in
    every part."""
    groups = [(wording("heatmap_topic", n=i + 1), [r.by_topic[i] for r in s.rows]) for i in range(len(s.topics))]
    groups.append((wording("heatmap_all_topics"), [r.counts for r in s.rows]))
    top = max((max(v) for _, rows in groups for v in rows if v), default=0) or 1
    columns = -(-len(groups) // GROUPS_PER_PART)
    per = -(-len(groups) // columns)
    bands = [groups[k * per:(k + 1) * per] for k in range(columns)]
    widths = [LABEL_W + len(band) * (4 * CELL_W + GAP) for band in bands]
    n = len(s.rows)
    parts = max(1, -(-n // rows_per_part(max(widths))))
    size = -(-n // parts) if n else 0
    out = []
    for k in range(parts):
        first, last = k * size, min(n, (k + 1) * size)
        for band, width in zip(bands, widths):
            number, count = len(out) + 1, parts * columns
            title = (wording("heatmap_alt") if count == 1 else
                     wording("heatmap_alt_part", part=number, parts=count, first=s.rows[first].cluster,
                             last=s.rows[last - 1].cluster))
            out.append(_part(s, band, range(first, last), top, width, title,
                             letters=[wording.letter(q) for q in s.quadrants]))
    return out


def _part(s: Synthesis, groups: list, rows: range, top: int, width: float, title: str, *,
          letters: list[str]) -> Heatmap:
    cells, labels = [], []
    for gi, (name, counts_of) in enumerate(groups):
        gx = LABEL_W + gi * (4 * CELL_W + GAP)
        labels.append(Label(gx + 2 * CELL_W, 16, name, "middle", True))
        for qi, letter in enumerate(letters):
            labels.append(Label(gx + qi * CELL_W + CELL_W / 2, HEAD_H - 8, letter, "middle"))
        for y, ri in enumerate(rows):
            for qi, n in enumerate(counts_of[ri] or [None] * len(s.quadrants)):  # None: not asked, blank
                cells.append(Cell(gx + qi * CELL_W, HEAD_H + y * CELL_H, CELL_W - 1, CELL_H - 1,
                                  "" if n is None else n, 0 if n is None else n / top))
    floor = smallest_size(width)
    for y, ri in enumerate(rows):
        lines = _name_lines(s.rows[ri].cluster, floor)
        size = min(_fitting(line, floor) for line in lines)
        first = HEAD_H + y * CELL_H + (CELL_H / 2 + 4 if len(lines) == 1 else CELL_H / 2 - 0.15 * size)
        labels += [Label(4, first + k * size, line, "start", size=size) for k, line in enumerate(lines)]
    return Heatmap(width, HEAD_H + len(rows) * CELL_H + FOOT, cells, labels, title)


def smallest_size(width: float) -> float:
    """The smallest font size a picture this wide may use: drawn at the frame's width, it prints at
    MIN_PRINTED (8, as before, when the picture is not scaled down that far)."""
    return max(8.0, math.ceil(MIN_PRINTED * width / FRAME_W * 10) / 10)


def _fitting(text: str, floor: float = 8.0, room: float = LABEL_W - 10) -> float:
    """The font size at which a text fits the names' column: 11, or less for a long name, never
    less than `floor` (a name too long even then runs on towards the cells rather than shrink)."""
    width = _length(text, False, 11)
    return 11 if width <= room else max(min(floor, 11), int(11 * room / width * 10) / 10)


def _name_lines(name: str, floor: float = 8.0) -> list[str]:
    """A cluster's name on one line; on two (split at the space nearest its middle) when one line
    would have to be set smaller than `floor`."""
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    if _fitting(name, 0) >= floor or not spaces:
        return [name]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return [name[:cut], name[cut + 1:]]


@functools.lru_cache(maxsize=1)
def _widths() -> dict[str, tuple[int, float, dict[int, int]]]:
    """Per font file: its units per em, its median advance and its exact advances (widths.json)."""
    data = json.loads(WIDTHS.read_text(encoding="utf-8"))
    return {f: (v["upem"], v["default"], {int(k): w for k, w in v["widths"].items()}) for f, v in data.items()}


def _runs(text: str, bold: bool) -> list[tuple[str, str]]:
    """glyphs.runs, with Carlito's bold face for a bold label."""
    bold_face = "Carlito-Bold.ttf"
    return [(bold_face if bold and file == FONTS[0] else file, part) for file, part in runs(text)]


def _length(text: str, bold: bool, size: float) -> float:
    """The width of `text` at `size` points, from the advance widths of the fonts that draw it."""
    total = 0.0
    for file, part in _runs(text, bold):
        upem, default, exact = _widths()[file]
        total += sum(exact.get(ord(ch), default) for ch in part) * size / upem
    return total


def as_picture(h: Heatmap) -> bool:
    """Whether the PDF shows this part as the PNG too: a name that needs shaping or right to left
    (glyphs.needs_shaping) would be set letter by letter in weasyprint's SVG."""
    return h.picture


def text_color(shade: float) -> str:
    return "#ffffff" if shade > 0.55 else "#1a1a1a"


def fill(shade: float) -> tuple[int, int, int]:
    """From white to navy."""
    return tuple(round(255 + (c - 255) * (0.08 + 0.92 * shade)) if shade else 250 for c in NAVY)
