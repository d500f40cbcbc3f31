"""An image that came with the inputs (a logo), already checked (`inputs/images.py`): its bytes,
format and intrinsic size. A value the view and the renderers pass around; Word gets a PNG of an SVG
from `render/docx/raster.py`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Image:
    data: bytes
    format: str  # png | jpeg | svg
    width: float  # intrinsic size, pixels (SVG: user units)
    height: float

    @property
    def mime(self) -> str:
        return {"png": "image/png", "jpeg": "image/jpeg", "svg": "image/svg+xml"}[self.format]
