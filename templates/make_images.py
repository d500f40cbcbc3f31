"""Writes the PNG images of the templates, from geometry kept here and in eu-emblem.svg.

- bullet.png, the list bullet of the PDF. A PNG, not an SVG: weasyprint embeds a raster image once
  and reuses it, while it redraws an SVG at every use (0.3 s for the sample's 565 bullets). 64 px
  across is sharp at 600 dpi for a 3.4 pt disc.
- eu-emblem.png, the EU flag for the Word file (the PDF uses eu-emblem.svg itself), drawn from the
  SVG's own rectangle and star polygons, so that the two cannot drift apart.

    python templates/make_images.py      # then python templates/make_docx_template.py
"""

import re
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SUPERSAMPLE = 4  # drawn large, then reduced: smooth edges


def bullet(size: int = 64, ink: int = 26) -> Image.Image:  # ink: the text colour, #1a1a1a
    big = Image.new("LA", (size * SUPERSAMPLE,) * 2, (0, 0))
    ImageDraw.Draw(big).ellipse((0, 0, size * SUPERSAMPLE - 1, size * SUPERSAMPLE - 1), fill=(ink, 255))
    return big.resize((size, size), Image.LANCZOS)


def eu_emblem(width: int = 810) -> Image.Image:
    svg = (HERE / "eu-emblem.svg").read_text(encoding="utf-8")
    vw, vh = (float(v) for v in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
    blue = re.search(r'<rect [^>]*fill="(#[0-9A-Fa-f]{6})"', svg).group(1)
    yellow = re.search(r'<g fill="(#[0-9A-Fa-f]{6})"', svg).group(1)
    scale = width * SUPERSAMPLE / vw
    big = Image.new("RGB", (round(vw * scale), round(vh * scale)), blue)
    draw = ImageDraw.Draw(big)
    for points in re.findall(r'<polygon points="([^"]+)"', svg):
        xy = [float(v) * scale for pair in points.split() for v in pair.split(",")]
        draw.polygon(xy, fill=yellow)
    return big.resize((width, round(vh * width / vw)), Image.LANCZOS)


def main() -> None:
    bullet().save(HERE / "bullet.png", optimize=True)
    eu_emblem().save(HERE / "eu-emblem.png", optimize=True)


if __name__ == "__main__":
    main()
