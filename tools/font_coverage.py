#!/usr/bin/env python3
"""Writes templates/fonts/coverage.json: the code point ranges each bundled font draws (see
competency_maps/glyphs.py). Run it after adding or replacing a font."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fontTools.ttLib import TTFont  # noqa: E402

from competency_maps.glyphs import COVERAGE, FONTS, FONTS_DIR  # noqa: E402


def ranges(codepoints: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for cp in sorted(codepoints):
        if out and cp == out[-1][1] + 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def coverage() -> str:
    found = {f: ranges(list(TTFont(FONTS_DIR / f, lazy=True)["cmap"].getBestCmap())) for f in FONTS}
    return "{\n" + ",\n".join(f'"{f}": {json.dumps(r, separators=(",", ":"))}' for f, r in found.items()) + "\n}\n"


if __name__ == "__main__":
    COVERAGE.write_text(coverage(), encoding="utf-8")
    print(f"Wrote {COVERAGE}")
