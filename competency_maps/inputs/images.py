"""Logos: images that come with the inputs (deliverable.toml, inputs/logos/), checked before use.

An image is untrusted input. A raster image is opened by Pillow with a pixel limit (no
decompression bomb) and verified; an SVG is parsed without DTDs or entities (defusedxml) and
refused if anything in it points outside itself (a file, a URL, a script, an embedded document),
so laying it out can never read a file or fetch a URL. Word gets a PNG of an SVG (cairosvg).
"""

from __future__ import annotations

import io
import re

from competency_maps.model.image import Image

from competency_maps.inputs import image_headers

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 25_000_000  # a 5000 x 5000 logo; beyond that Pillow refuses (decompression bombs)
SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
_SVG = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_FORBIDDEN_ELEMENTS = {"script", "foreignObject", "image", "feImage", "iframe", "object", "embed", "audio",
                       "video", "handler", "listener"}
_EXTERNAL_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


class ImageError(ValueError):
    """What is wrong with an image, in words for the coordinator or the partner."""


def load(data: bytes, name: str) -> Image:
    """The image in `data` (file `name`), checked; an ImageError says why it cannot be used."""
    if len(data) > MAX_BYTES:
        raise ImageError(f"is {len(data) // 1024} KB; a logo may be at most {MAX_BYTES // 1024 // 1024} MB.")
    if name.lower().endswith(".svg"):
        return _svg(data)
    return _raster(data)


def _raster(data: bytes) -> Image:
    try:
        from PIL import Image as Pil
        from PIL import UnidentifiedImageError
    except ImportError:  # in a browser: the same checks, from the picture's header
        return _raster_from_header(data)
    limit, Pil.MAX_IMAGE_PIXELS = Pil.MAX_IMAGE_PIXELS, MAX_PIXELS  # for this image only
    try:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("error", Pil.DecompressionBombWarning)
            with Pil.open(io.BytesIO(data)) as im:
                fmt, size = (im.format or "").lower(), im.size
                im.verify()
            with Pil.open(io.BytesIO(data)) as im:
                im.load()  # verify() does not decode: a truncated image fails here
    except (Pil.DecompressionBombError, Pil.DecompressionBombWarning):
        raise ImageError(f"has too many pixels; a logo may have at most {MAX_PIXELS:,} "
                         "(save it smaller).") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as e:
        raise ImageError(f"is not a readable PNG or JPEG image ({e}).") from None
    finally:
        Pil.MAX_IMAGE_PIXELS = limit
    if fmt not in ("png", "jpeg"):
        raise ImageError(f"is a {fmt.upper() or 'unknown'} image; use PNG, JPEG or SVG.")
    return Image(data, fmt, float(size[0]), float(size[1]))


def _raster_from_header(data: bytes) -> Image:
    """What `_raster` says, without Pillow (image_headers.py): the same format and pixel limits."""
    try:
        found = image_headers.probe(data)
    except ValueError as e:
        raise ImageError(f"is not a readable PNG or JPEG image ({e}).") from None
    if found.width * found.height > MAX_PIXELS:
        raise ImageError(f"has too many pixels; a logo may have at most {MAX_PIXELS:,} "
                         "(save it smaller).")
    if found.format in ("PNG", "JPEG") and not found.complete:
        raise ImageError("is not a readable PNG or JPEG image (it is truncated).")
    if found.format not in ("PNG", "JPEG"):
        raise ImageError(f"is a {found.format} image; use PNG, JPEG or SVG.")
    return Image(data, found.format.lower(), float(found.width), float(found.height))


def _length(value: str | None) -> float | None:
    m = re.fullmatch(r"\s*([0-9.]+)\s*(px)?\s*", value or "")
    return float(m.group(1)) if m else None


def _svg(data: bytes) -> Image:
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise ImageError("declares a DTD or entities, which a logo never needs.") from None
    except ElementTree.ParseError as e:
        raise ImageError(f"is not a well-formed SVG file ({e}).") from None
    if root.tag != f"{_SVG}svg":
        raise ImageError("is not an SVG image (its first element is not <svg>).")
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if tag in _FORBIDDEN_ELEMENTS:
            raise ImageError(f"holds an element <{tag}>; a logo may hold only shapes and text.")
        for attr, value in el.attrib.items():
            local = attr.rsplit("}", 1)[-1]
            if local == "href" and not value.strip().startswith("#"):
                raise ImageError(f"refers to '{value[:60]}'; a logo may not point at files or URLs.")
            if local.lower().startswith("on"):
                raise ImageError(f"has an event handler ({local}); a logo holds no scripts.")
            if _EXTERNAL_URL.search(value):
                raise ImageError("refers to a file or URL with url(…); a logo may not point outside itself.")
        if tag == "style" and (_EXTERNAL_URL.search(el.text or "") or "@import" in (el.text or "")):
            raise ImageError("imports a style sheet or file; a logo may not point outside itself.")
    view = (root.get("viewBox") or "").replace(",", " ").split()
    width, height = _length(root.get("width")), _length(root.get("height"))
    if (width is None or height is None) and len(view) == 4:
        width, height = float(view[2]), float(view[3])
    if not width or not height:
        raise ImageError("has no size: give the <svg> element a viewBox or a width and height.")
    return Image(data, "svg", width, height)
