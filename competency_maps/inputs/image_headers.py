"""A picture's format and pixel size from its first bytes, in pure Python: for where Pillow is not.

In: the bytes of a picture pasted in a workbook (or a logo file). Out: its format and size, and
whether its chunks run to their end, as Pillow would tell them.

Pillow is not built for WebAssembly, and without it openpyxl drops every pasted picture without a
word: the browser checker (competency_maps.site) would pass a GIF logo the command line refuses,
and its annotated copy would lose the partner's logo. So whenever Pillow cannot be imported, the
checker reads the headers here instead (`images.load`), and `pictures_without_pillow()` has
openpyxl's reader make its pictures from their headers, so that it keeps them, on reading and on
writing, as it does with Pillow. Only the formats Pillow itself would name are recognised;
anything else is unreadable, as Pillow's `UnidentifiedImageError` (an OSError) makes it for openpyxl.
"""

from __future__ import annotations

import contextlib
import io
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from openpyxl.drawing.image import Image as XlImage
from openpyxl.reader import drawings

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers (they hold the size); C4, C8 and CC are other segments
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


@dataclass(frozen=True)
class Probe:
    format: str  # as Pillow names it: PNG, JPEG, GIF, BMP, TIFF, WEBP
    width: int
    height: int
    complete: bool  # every chunk there, to the end marker (Pillow's verify and load would pass)


def probe(data: bytes) -> Probe:
    """The picture's format and size; a ValueError when no format we know starts `data`."""
    if data.startswith(PNG_SIGNATURE):
        return _png(data)
    if data.startswith(b"\xff\xd8\xff"):
        return _jpeg(data)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        w, h = struct.unpack("<HH", data[6:10])
        return Probe("GIF", w, h, data.rstrip(b"\0").endswith(b";"))
    if data.startswith(b"BM") and len(data) >= 26:
        w, h = struct.unpack("<ii", data[18:26])
        return Probe("BMP", w, abs(h), len(data) >= struct.unpack("<I", data[2:6])[0])
    if data[:4] in (b"II*\0", b"MM\0*"):
        return Probe("TIFF", 0, 0, True)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return Probe("WEBP", 0, 0, True)
    raise ValueError("cannot identify the picture's format")


def _png(data: bytes) -> Probe:
    if len(data) < 33 or data[12:16] != b"IHDR":
        raise ValueError("a PNG file without its header chunk")
    width, height = struct.unpack(">II", data[16:24])
    pos, complete = 8, False
    while pos + 12 <= len(data):  # length, type, data, CRC: each chunk checked as Pillow's verify does
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        end = pos + 12 + length
        if end > len(data) or zlib.crc32(data[pos + 4:end - 4]) != struct.unpack(">I", data[end - 4:end])[0]:
            break
        if kind == b"IEND":
            complete = True
            break
        pos = end
    return Probe("PNG", width, height, complete)


def _jpeg(data: bytes) -> Probe:
    pos, size = 2, None
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            break
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            pos += 2
            continue
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        if marker in _SOF and pos + 9 <= len(data):
            height, width = struct.unpack(">HH", data[pos + 5:pos + 9])
            size = (width, height)
            break
        if marker == 0xDA:  # start of scan before any frame header: no size to read
            break
        pos += 2 + length
    if size is None:
        raise ValueError("a JPEG file without its frame header")
    return Probe("JPEG", size[0], size[1], b"\xff\xd9" in data[-64:])


class PictureFromHeader(XlImage):
    """openpyxl's picture, its format and size read from the header: kept as openpyxl keeps it with
    Pillow, and written back as it was (`_data`), with or without Pillow."""

    def __init__(self, img):  # noqa: super().__init__ would ask Pillow
        if hasattr(img, "seek"):
            img.seek(0)
        data = img.read() if hasattr(img, "read") else Path(img).read_bytes()
        try:
            found = probe(data)
        except ValueError as e:
            raise OSError(str(e)) from None  # what openpyxl's reader catches to drop a picture
        self.ref, self._bytes = io.BytesIO(data), data
        self.width, self.height, self.format = found.width, found.height, found.format.lower()

    def _data(self) -> bytes:
        return self._bytes


@contextlib.contextmanager
def pictures_without_pillow() -> Iterator[None]:
    """While a workbook is read: if Pillow is missing, openpyxl's reader makes its pictures with
    `PictureFromHeader` (it would otherwise drop them). With Pillow there, nothing changes. The
    reader is changed for the block only; the pictures it made keep working after it."""
    if drawings.PILImage:  # Pillow is there: openpyxl uses it
        yield
        return
    saved = drawings.PILImage, drawings.Image
    drawings.PILImage, drawings.Image = True, PictureFromHeader
    try:
        yield
    finally:
        drawings.PILImage, drawings.Image = saved
