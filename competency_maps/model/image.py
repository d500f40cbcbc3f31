"""An image that came with the inputs (a logo), already checked (`inputs/images.py`): its bytes,
format and intrinsic size. A value the view and the renderers pass around; Word gets a PNG of an SVG."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from competency_maps.publish import signals_held

PNG_WIDTH = 600  # the pixels Word gets for an SVG logo (sharp at 50 mm)


@dataclass(frozen=True)
class Image:
    data: bytes
    format: str  # png | jpeg | svg
    width: float  # intrinsic size, pixels (SVG: user units)
    height: float

    @property
    def mime(self) -> str:
        return {"png": "image/png", "jpeg": "image/jpeg", "svg": "image/svg+xml"}[self.format]

    def raster(self) -> bytes:
        """PNG or JPEG bytes for Word, which cannot be relied on to show an SVG."""
        return self.data if self.format != "svg" else _png_of_svg(self.data)


@functools.lru_cache(maxsize=64)
def _png_of_svg(data: bytes) -> bytes:
    """Drawn once per build: a logo appears by its chapter's title and in "About the partners"."""
    import cairosvg
    # Held: cairo writes the PNG through a Python callback, where a Ctrl+C or SIGTERM would be
    # printed as a traceback by cffi and turned into cairo's "write error" (an internal error).
    with signals_held():
        return cairosvg.svg2png(bytestring=data, output_width=PNG_WIDTH, unsafe=False)
