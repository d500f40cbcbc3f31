#!/usr/bin/env python3
"""Writes templates/fonts/widths.json: the advance widths of the bundled fonts, which the heat map
uses to fit the clusters' names (competency_maps/report/figures.py). Run it after adding or
replacing a font; tests/report/test_figures.py keeps the file equal to the fonts.

Exact widths for Latin (U+0000–U+024F) and general punctuation; any other character counts as the
font's median advance (a name in Greek, Hebrew or Devanagari is fitted from that estimate)."""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fontTools.ttLib import TTFont  # noqa: E402

from competency_maps.report.figures import EXACT, WIDTH_FONTS, WIDTHS  # noqa: E402
from competency_maps.glyphs import FONTS_DIR  # noqa: E402


def widths() -> str:
    out = {}
    for name in WIDTH_FONTS:
        font = TTFont(FONTS_DIR / name, lazy=True)
        cmap, hmtx = font.getBestCmap(), font["hmtx"]
        advances = {cp: hmtx[glyph][0] for cp, glyph in cmap.items()}
        exact = {str(cp): adv for cp, adv in sorted(advances.items()) if any(a <= cp <= b for a, b in EXACT)}
        out[name] = {"upem": font["head"].unitsPerEm, "default": statistics.median(advances.values()),
                     "widths": exact}
    return "{\n" + ",\n".join(f'"{f}": {json.dumps(v, separators=(",", ":"))}' for f, v in out.items()) + "\n}\n"


if __name__ == "__main__":
    WIDTHS.write_text(widths(), encoding="utf-8")
    print(f"Wrote {WIDTHS}")
