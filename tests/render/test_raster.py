"""render/docx/raster.py: Word's PNG of an SVG logo, drawn with signals held."""

from __future__ import annotations

import signal

import cairosvg
import pytest

from competency_maps.render.docx import raster
from terminal import ctrl_c_raises


def test_a_ctrl_c_while_cairo_draws_a_logo_waits_until_it_is_drawn(monkeypatch):
    """cairo writes the PNG through a Python callback: a signal raised in there was printed by cffi
    and became cairo's write error (an internal error); held, it arrives once the logo is drawn."""
    drawn = []

    def draw(**_):
        signal.raise_signal(signal.SIGINT)
        drawn.append(True)
        return b"png"

    monkeypatch.setattr(cairosvg, "svg2png", draw)
    raster._png_of_svg.cache_clear()
    try:
        with ctrl_c_raises(), pytest.raises(KeyboardInterrupt):
            raster._png_of_svg(b"<svg xmlns='http://www.w3.org/2000/svg' id='held'/>")
    finally:
        raster._png_of_svg.cache_clear()
    assert drawn == [True]
