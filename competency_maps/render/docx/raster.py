"""Pictures as Word gets them: an SVG logo drawn as a PNG (cairosvg), PNG and JPEG as they came.

Word cannot be relied on to show an SVG. Here, not with the checked image (inputs/images.py), so
that `check` never loads a renderer.
"""

from __future__ import annotations

import functools

import cairosvg

from competency_maps.model.image import Image
from competency_maps.signals import signals_held

PNG_WIDTH = 600  # the pixels Word gets for an SVG logo (sharp at 50 mm)


def raster(image: Image) -> bytes:
    """The PNG or JPEG bytes of a checked image."""
    return image.data if image.format != "svg" else _png_of_svg(image.data)


@functools.lru_cache(maxsize=64)
def _png_of_svg(data: bytes) -> bytes:
    """Drawn once per build: a logo appears by its chapter's title and in "About the partners"."""
    # Held: cairo writes the PNG through a Python callback, where a Ctrl+C or SIGTERM would be
    # printed as a traceback by cffi and turned into cairo's "write error" (an internal error).
    with signals_held():
        return cairosvg.svg2png(bytestring=data, output_width=PNG_WIDTH, unsafe=False)
