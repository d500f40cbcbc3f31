"""Pictures checked without Pillow (image_headers.py): the same format, size and verdict as Pillow."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from PIL import Image as Pil

from competency_maps.inputs import image_headers, images
from competency_maps.inputs.images import ImageError


def _picture(fmt: str, size=(37, 21), **kw) -> bytes:
    buf = io.BytesIO()
    Pil.new("RGB", size, "teal").save(buf, fmt, **kw)
    return buf.getvalue()


@pytest.mark.parametrize("fmt,kw", [("PNG", {}), ("JPEG", {}), ("JPEG", {"progressive": True}), ("GIF", {}),
                                    ("BMP", {}), ("TIFF", {}), ("WEBP", {})])
def test_the_header_names_the_format_and_size_pillow_names(fmt, kw):
    data = _picture(fmt, **kw)
    found = image_headers.probe(data)
    with Pil.open(io.BytesIO(data)) as im:
        assert found.format == im.format
        if fmt not in ("TIFF", "WEBP"):  # named only, for the message that refuses them
            assert (found.width, found.height) == im.size
    assert found.complete


def test_a_truncated_png_or_jpeg_is_incomplete_and_refused_as_pillow_refuses_it(monkeypatch):
    from PIL import ImageFile
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", False)  # as `check` has it (weasyprint sets it)
    for fmt in ("PNG", "JPEG"):
        data = _picture(fmt, size=(300, 200))
        cut = data[: len(data) // 2]
        assert not image_headers.probe(cut).complete
        with pytest.raises(ImageError):
            images._raster(cut)  # Pillow's verdict
        with pytest.raises(ImageError):
            images._raster_from_header(cut)


def test_without_pillow_the_verdicts_are_pillows():
    gif, png = _picture("GIF"), _picture("PNG")
    with pytest.raises(ImageError) as by_pillow:
        images._raster(gif)
    with pytest.raises(ImageError) as by_header:
        images._raster_from_header(gif)
    assert str(by_pillow.value) == str(by_header.value)
    assert images._raster(png) == images._raster_from_header(png)
    with pytest.raises(ValueError):
        image_headers.probe(b"not a picture at all")


def test_a_huge_declared_size_is_refused_from_the_header_alone():
    data = bytearray(_picture("PNG"))
    data[16:24] = (100_000).to_bytes(4, "big") * 2  # the IHDR's width and height (its CRC now wrong)
    with pytest.raises(ImageError, match="too many pixels"):
        images._raster_from_header(bytes(data))


@pytest.mark.slow  # over a second: many workbooks read and written
def test_without_pillow_pasted_pictures_are_kept_read_and_written_back(tmp_path, make_workbook):
    """In a process where Pillow cannot be imported, as in a browser: the pictures are not dropped."""
    from openpyxl.drawing.image import Image as XlImage
    png, jpeg = _picture("PNG", (60, 30)), _picture("JPEG", (10, 10))

    def paste(wb):
        wb["Cluster"].add_image(XlImage(io.BytesIO(png)), "D2")
        wb["Cluster"].add_image(XlImage(io.BytesIO(jpeg)), "D12")
    path = make_workbook(tmp_path, edit=paste)
    code = f"""
import sys; sys.modules['PIL'] = None
from pathlib import Path
from competency_maps.inputs.reader import read_workbook
from competency_maps.inputs.workbook_file import open_workbook
from competency_maps.model.schema import build_schema
res = read_workbook(Path({str(path)!r}), build_schema())
logo = res.cluster.profile.logo
print(logo.format, int(logo.width), int(logo.height), [(i.code, i.location.cell) for i in res.warnings])
wb = open_workbook(Path({str(path)!r}))
wb.save({str(tmp_path / 'copy.xlsx')!r})
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("png 60 30") and "'D12'" in out
    import openpyxl
    kept = openpyxl.load_workbook(tmp_path / "copy.xlsx")["Cluster"]._images  # read with Pillow
    assert [(i.format, i.width, i._data()) for i in kept] == [("png", 60, png), ("jpeg", 10, jpeg)]
