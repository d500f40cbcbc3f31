"""The heat map as a picture (PNG): for Word, which cannot show SVG reliably, and for the PDF when a
name needs shaping (report/figures.py `as_picture`). Pixels are the renderers' business: the report
computes the geometry and the runs of text, this module draws them with Pillow in the bundled fonts."""

from __future__ import annotations

import functools
import io

from PIL import Image, ImageDraw, ImageFont

from competency_maps.report.figures import Heatmap, fill, text_color
from competency_maps.resources import TEMPLATES

VALUE_FONT = "Carlito-Regular.ttf"  # the counts in the cells, as heatmap.svg.j2 sets them


@functools.lru_cache(maxsize=None)
def _font(file: str, size: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(TEMPLATES / "fonts" / file), size)


def _draw_text(draw: ImageDraw.ImageDraw, x: float, y: float, label, *, size: float, color) -> None:
    """A label in the fonts the PDF's SVG uses (its runs, from glyphs.runs): each run in its own font,
    one after the other on the baseline, so that Hebrew, Arabic, Devanagari and Thai names are drawn."""
    if label.anchor == "middle":
        x -= sum(_font(file, size).getlength(part) for file, part in label.runs) / 2
    for file, part in label.runs:
        font = _font(file, size)
        draw.text((x, y), part, fill=color, font=font, anchor="ls")
        x += font.getlength(part)


def heatmap_png(h: Heatmap, scale: float = 3.0) -> bytes:
    img = Image.new("RGB", (round(h.width * scale), round(h.height * scale)), "white")
    draw = ImageDraw.Draw(img)
    regular = _font(VALUE_FONT, round(11 * scale))
    for c in h.cells:
        box = [c.x * scale, c.y * scale, (c.x + c.w) * scale, (c.y + c.h) * scale]
        draw.rectangle(box, fill=fill(c.shade))
        draw.text(((c.x + c.w / 2) * scale, (c.y + c.h / 2) * scale), str(c.value),
                  fill=text_color(c.shade), font=regular, anchor="mm")
    for lb in h.labels:
        _draw_text(draw, lb.x * scale, lb.y * scale, lb, size=round(lb.size * scale), color=(26, 26, 26))
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()
