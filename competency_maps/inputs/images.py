"""Logos: images that come with the inputs (deliverable.toml, inputs/logos/), checked before use.

An image is untrusted input. A raster image is opened by Pillow with a pixel limit (no
decompression bomb) and verified; an SVG is parsed without DTDs or entities (defusedxml) and
refused if anything in it points outside itself (a file, a URL, a script, an embedded document),
so laying it out can never read a file or fetch a URL. Word gets a PNG of an SVG (render/docx/raster.py).
Pillow is optional here: `check` runs without it (inside a browser later).
"""

from __future__ import annotations

import io
import re
import warnings

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from competency_maps.errors import ReportError
from competency_maps.inputs import image_headers
from competency_maps.model.image import Image

try:
    from PIL import Image as Pil
    from PIL import UnidentifiedImageError
except ImportError:  # the checker where Pillow cannot be installed: raster logos are not opened
    Pil = None

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 25_000_000  # a 5000 x 5000 logo; beyond that Pillow refuses (decompression bombs)
SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
_SVG = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_FORBIDDEN_ELEMENTS = {"script", "foreignObject", "image", "feImage", "iframe", "object", "embed", "audio",
                       "video", "handler", "listener"}
_EXTERNAL_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


class ImageError(ReportError):
    """What is wrong with an image: a phrase ("is 3000 KB; …") that the message of whoever loaded
    it completes ("cannot be the logo: it {reason}", see `ReportError.phrase`)."""


def load(data: bytes, name: str) -> Image:
    """The image in `data` (file `name`), checked; an ImageError says why it cannot be used."""
    if len(data) > MAX_BYTES:
        raise ImageError("image.too_large", size_kb=len(data) // 1024, max_mb=MAX_BYTES // 1024 // 1024)
    if name.lower().endswith(".svg"):
        return _svg(data)
    return _raster(data)


def _raster(data: bytes) -> Image:
    if Pil is None:  # in a browser: the same checks, from the picture's header
        return _raster_from_header(data)
    limit, Pil.MAX_IMAGE_PIXELS = Pil.MAX_IMAGE_PIXELS, MAX_PIXELS  # for this image only
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Pil.DecompressionBombWarning)
            with Pil.open(io.BytesIO(data)) as im:
                fmt, size = (im.format or "").lower(), im.size
                im.verify()
            with Pil.open(io.BytesIO(data)) as im:
                im.load()  # verify() does not decode: a truncated image fails here
    except (Pil.DecompressionBombError, Pil.DecompressionBombWarning):
        raise ImageError("image.too_many_pixels", max_pixels=MAX_PIXELS) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as e:
        raise ImageError("image.unreadable", detail=str(e)) from None
    finally:
        Pil.MAX_IMAGE_PIXELS = limit
    if fmt not in ("png", "jpeg"):
        raise ImageError("image.format", format=fmt.upper()) if fmt else ImageError("image.format.unknown")
    return Image(data, fmt, float(size[0]), float(size[1]))


def _raster_from_header(data: bytes) -> Image:
    """What `_raster` says, without Pillow (image_headers.py): the same format and pixel limits."""
    try:
        found = image_headers.probe(data)
    except ValueError as e:
        raise ImageError("image.unreadable", detail=str(e)) from None
    if found.width * found.height > MAX_PIXELS:
        raise ImageError("image.too_many_pixels", max_pixels=MAX_PIXELS)
    if found.format in ("PNG", "JPEG") and not found.complete:
        raise ImageError("image.unreadable", detail="truncated")
    if found.format not in ("PNG", "JPEG"):
        raise ImageError("image.format", format=found.format)
    return Image(data, found.format.lower(), float(found.width), float(found.height))


def _length(value: str | None) -> float | None:
    m = re.fullmatch(r"\s*([0-9.]+)\s*(px)?\s*", value or "")
    return float(m.group(1)) if m else None


def _svg(data: bytes) -> Image:
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise ImageError("image.svg.dtd") from None
    except ElementTree.ParseError as e:
        raise ImageError("image.svg.malformed", detail=str(e)) from None
    if root.tag != f"{_SVG}svg":
        raise ImageError("image.svg.not_svg")
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if tag in _FORBIDDEN_ELEMENTS:
            raise ImageError("image.svg.element", element=tag)
        for attr, value in el.attrib.items():
            local = attr.rsplit("}", 1)[-1]
            if local == "href" and not value.strip().startswith("#"):
                raise ImageError("image.svg.href", target=value[:60])
            if local.lower().startswith("on"):
                raise ImageError("image.svg.handler", attribute=local)
            if _EXTERNAL_URL.search(value):
                raise ImageError("image.svg.url")
        if tag == "style" and (_EXTERNAL_URL.search(el.text or "") or "@import" in (el.text or "")):
            raise ImageError("image.svg.import")
    view = (root.get("viewBox") or "").replace(",", " ").split()
    width, height = _length(root.get("width")), _length(root.get("height"))
    if (width is None or height is None) and len(view) == 4:
        width, height = float(view[2]), float(view[3])
    if not width or not height:
        raise ImageError("image.svg.no_size")
    return Image(data, "svg", width, height)
