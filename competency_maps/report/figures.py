"""The synthesis heat map, as geometry shared by the SVG (PDF) and PNG (DOCX) versions.

The geometry is computed once here; templates/heatmap.svg.j2 draws it for the PDF, and
`heatmap_png` draws the same rectangles with Pillow for Word, which cannot show SVG reliably.

A picture cannot break across pages, so a long map is several pictures, each with the header and
at most a third of a page of rows: any number of clusters fits the page frame, the header is repeated,
and a part that moves to the next page leaves at most a third of a page blank.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

from competency_maps.glyphs import FONTS, needs_shaping, runs
from competency_maps.labels import Labels
from competency_maps.resources import TEMPLATES
from competency_maps.analysis.synthesis import Synthesis

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


@dataclass(frozen=True)
class Heatmap:
    width: float
    height: float
    cells: list[Cell]
    labels: list[Label]
    title: str


def rows_per_part(width: float) -> int:
    """How many rows a part holds: drawn at the frame's width, a third of a page at most."""
    scale = FRAME_W / width
    room = FRAME_H / PARTS_PER_PAGE - PART_MARGIN - (HEAD_H + FOOT) * scale
    return max(3, int(room // (CELL_H * scale)))


def heatmaps(s: Synthesis, wording: Labels) -> list[Heatmap]:
    """The map in parts of balanced length, each with the header; one part for a small consortium.
    The shading is shared, so that a colour means the same count in every part."""
    groups = [(wording("heatmap_topic", n=i + 1), [r.by_topic[i] for r in s.rows]) for i in range(len(s.topics))]
    groups.append((wording("heatmap_all_topics"), [r.counts for r in s.rows]))
    top = max((max(v) for _, rows in groups for v in rows if v), default=0) or 1
    width = LABEL_W + len(groups) * (4 * CELL_W + GAP)
    n = len(s.rows)
    parts = max(1, -(-n // rows_per_part(width)))
    size = -(-n // parts) if n else 0
    out = []
    for k in range(parts):
        first, last = k * size, min(n, (k + 1) * size)
        title = (wording("heatmap_alt") if parts == 1 else
                 wording("heatmap_alt_part", part=k + 1, parts=parts, first=s.rows[first].cluster,
                         last=s.rows[last - 1].cluster))
        out.append(_part(s, groups, range(first, last), top, width, title,
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
    for y, ri in enumerate(rows):
        lines = _name_lines(s.rows[ri].cluster)
        size = min(_fitting(line) for line in lines)
        first = HEAD_H + y * CELL_H + (CELL_H / 2 + 4 if len(lines) == 1 else CELL_H / 2 - 0.15 * size)
        labels += [Label(4, first + k * size, line, "start", size=size) for k, line in enumerate(lines)]
    return Heatmap(width, HEAD_H + len(rows) * CELL_H + FOOT, cells, labels, title)


def _fitting(text: str, room: float = LABEL_W - 10) -> float:
    """The font size at which a text fits the names' column: 11, or less for a long name."""
    width = _length(text, False, 11)
    return 11 if width <= room else max(4, int(11 * room / width * 10) / 10)


def _name_lines(name: str) -> list[str]:
    """A cluster's name on one line; on two (split at the space nearest its middle) when one line
    would have to be set smaller than 8."""
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    if _fitting(name) >= 8 or not spaces:
        return [name]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return [name[:cut], name[cut + 1:]]


@functools.lru_cache(maxsize=None)
def _font(bold: bool, size: float, file: str = FONTS[0]):
    """Carlito (bold or not), or the bundled font that the PDF falls back to for a script it lacks."""
    from PIL import ImageFont
    if file == FONTS[0]:
        file = f"Carlito-{'Bold' if bold else 'Regular'}.ttf"
    return ImageFont.truetype(str(TEMPLATES / "fonts" / file), size)


def _length(text: str, bold: bool, size: float) -> float:
    return sum(_font(bold, size, file).getlength(part) for file, part in runs(text))


def _draw_text(draw, x: float, y: float, text: str, *, bold: bool, size: float, middle: bool, color) -> None:
    """A label in the fonts the PDF's SVG uses (glyphs.runs): each run in its own font, one after
    the other on the baseline, so that Hebrew, Arabic, Devanagari and Thai names are drawn in both."""
    if middle:
        x -= _length(text, bold, size) / 2
    for file, part in runs(text):
        font = _font(bold, size, file)
        draw.text((x, y), part, fill=color, font=font, anchor="ls")
        x += font.getlength(part)


def as_picture(h: Heatmap) -> bool:
    """Whether the PDF shows this part as the PNG too: a name that needs shaping or right to left
    (glyphs.needs_shaping) would be set letter by letter in weasyprint's SVG."""
    return any(needs_shaping(lb.text) for lb in h.labels)


def text_color(shade: float) -> str:
    return "#ffffff" if shade > 0.55 else "#1a1a1a"


def fill(shade: float) -> tuple[int, int, int]:
    """From white to navy."""
    return tuple(round(255 + (c - 255) * (0.08 + 0.92 * shade)) if shade else 250 for c in NAVY)


def heatmap_png(h: Heatmap, scale: float = 3.0) -> bytes:
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (round(h.width * scale), round(h.height * scale)), "white")
    draw = ImageDraw.Draw(img)
    regular = _font(False, round(11 * scale))
    for c in h.cells:
        box = [c.x * scale, c.y * scale, (c.x + c.w) * scale, (c.y + c.h) * scale]
        draw.rectangle(box, fill=fill(c.shade))
        draw.text(((c.x + c.w / 2) * scale, (c.y + c.h / 2) * scale), str(c.value),
                  fill=text_color(c.shade), font=regular, anchor="mm")
    for lb in h.labels:
        _draw_text(draw, lb.x * scale, lb.y * scale, lb.text, bold=lb.bold, size=round(lb.size * scale),
                   middle=lb.anchor == "middle", color=(26, 26, 26))
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()
