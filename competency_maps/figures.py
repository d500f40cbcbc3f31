"""The synthesis heat map, as geometry shared by the SVG (PDF) and PNG (DOCX) versions.

The geometry is computed once here; templates/heatmap.svg.j2 draws it for the PDF, and
`heatmap_png` draws the same rectangles with Pillow for Word, which cannot show SVG reliably.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from .labels import QUADRANT_LETTERS, Labels
from .resources import TEMPLATES
from .synthesis import Synthesis

LABEL_W, CELL_W, CELL_H, HEAD_H, GAP = 150, 26, 22, 44, 8
NAVY = (31, 56, 100)


@dataclass(frozen=True)
class Cell:
    x: float
    y: float
    w: float
    h: float
    value: int
    shade: float  # 0..1, share of the largest count


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str  # start | middle
    bold: bool = False


@dataclass(frozen=True)
class Heatmap:
    width: float
    height: float
    cells: list[Cell]
    labels: list[Label]
    title: str


def heatmap(s: Synthesis, wording: Labels) -> Heatmap:
    groups = [(wording("heatmap_topic", n=i + 1), [r.by_topic[i] for r in s.rows]) for i in range(len(s.topics))]
    groups.append((wording("heatmap_all_topics"), [r.counts for r in s.rows]))
    top = max((max(v) for _, rows in groups for v in rows if v), default=0) or 1
    cells, labels = [], []
    x0 = LABEL_W
    for gi, (name, rows) in enumerate(groups):
        gx = x0 + gi * (4 * CELL_W + GAP)
        labels.append(Label(gx + 2 * CELL_W, 16, name, "middle", True))
        for qi, q in enumerate(s.quadrants):
            labels.append(Label(gx + qi * CELL_W + CELL_W / 2, HEAD_H - 8, QUADRANT_LETTERS[q], "middle"))
        for ri, counts in enumerate(rows):
            for qi, n in enumerate(counts):
                cells.append(Cell(gx + qi * CELL_W, HEAD_H + ri * CELL_H, CELL_W - 1, CELL_H - 1, n,
                                  n / top))
    for ri, r in enumerate(s.rows):
        labels.append(Label(4, HEAD_H + ri * CELL_H + CELL_H / 2 + 4, r.cluster, "start"))
    width = x0 + len(groups) * (4 * CELL_W + GAP)
    height = HEAD_H + len(s.rows) * CELL_H + 4
    return Heatmap(width, height, cells, labels, wording("heatmap_alt"))


def text_color(shade: float) -> str:
    return "#ffffff" if shade > 0.55 else "#1a1a1a"


def fill(shade: float) -> tuple[int, int, int]:
    """From white to navy."""
    return tuple(round(255 + (c - 255) * (0.08 + 0.92 * shade)) if shade else 250 for c in NAVY)


def heatmap_png(h: Heatmap, scale: float = 3.0) -> bytes:
    from PIL import Image, ImageDraw, ImageFont
    img = Image.new("RGB", (round(h.width * scale), round(h.height * scale)), "white")
    draw = ImageDraw.Draw(img)
    regular = ImageFont.truetype(str(TEMPLATES / "fonts" / "Carlito-Regular.ttf"), round(11 * scale))
    bold = ImageFont.truetype(str(TEMPLATES / "fonts" / "Carlito-Bold.ttf"), round(11 * scale))
    for c in h.cells:
        box = [c.x * scale, c.y * scale, (c.x + c.w) * scale, (c.y + c.h) * scale]
        draw.rectangle(box, fill=fill(c.shade))
        draw.text(((c.x + c.w / 2) * scale, (c.y + c.h / 2) * scale), str(c.value),
                  fill=text_color(c.shade), font=regular, anchor="mm")
    for lb in h.labels:
        draw.text((lb.x * scale, lb.y * scale), lb.text, fill=(26, 26, 26), font=bold if lb.bold else regular,
                  anchor="ms" if lb.anchor == "middle" else "ls")
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()
