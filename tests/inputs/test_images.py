"""Logos are untrusted input: every image is checked before use, and nothing in one is ever fetched."""

from __future__ import annotations

import io
import zlib

import pytest
from PIL import Image as Pil

from competency_maps.inputs.images import MAX_PIXELS, ImageError, load
from competency_maps.render.docx.raster import raster

GOOD_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 40"><rect width="80" height="40"/></svg>'


def _png(width: int, height: int) -> bytes:
    buf = io.BytesIO()
    Pil.new("RGB", (width, height), "navy").save(buf, "PNG")
    return buf.getvalue()


def _bomb_png() -> bytes:
    """A tiny file that claims 20000 x 20000 pixels (an IHDR written by hand)."""
    import struct

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b"")


@pytest.mark.slow
def test_plain_logos_are_read_with_their_size():
    png = load(_png(120, 40), "logo.png")
    assert (png.format, png.width, png.height) == ("png", 120.0, 40.0)
    svg = load(GOOD_SVG, "logo.svg")
    assert (svg.format, svg.width, svg.height) == ("svg", 80.0, 40.0)
    assert raster(svg).startswith(b"\x89PNG")  # what Word gets


@pytest.mark.parametrize("data, name, code", [
    (_bomb_png(), "bomb.png", "image.too_many_pixels"),
    (_png(50, 50)[:60], "cut.png", "image.unreadable"),
    (b"GIF89a" + b"\0" * 40, "x.png", "image.unreadable"),
    (b"<svg", "x.svg", "image.svg.malformed"),
    (b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
     "x.svg", "image.svg.dtd"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="9" height="9">'
     b'<image xlink:href="file:///etc/passwd"/></svg>', "x.svg", "image.svg.element"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><use href="https://example.org/a.svg#x"/></svg>',
     "x.svg", "image.svg.href"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><script>alert(1)</script></svg>', "x.svg",
     "image.svg.element"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9" onload="x()"/>', "x.svg", "image.svg.handler"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><rect style="fill:url(https://x.org/p)"/></svg>',
     "x.svg", "image.svg.url"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><style>@import "x.css";</style></svg>',
     "x.svg", "image.svg.import"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', "x.svg", "image.svg.no_size"),
    (b'<html/>', "x.svg", "image.svg.not_svg"),
    (b"\0" * (3 * 1024 * 1024), "huge.png", "image.too_large"),
])
def test_an_unusable_or_hostile_image_is_refused_with_the_reason(data, name, code):
    with pytest.raises(ImageError) as e:
        load(data, name)
    assert e.value.code == code


def test_the_pixel_limit_is_what_the_message_says():
    assert MAX_PIXELS >= 5000 * 5000
