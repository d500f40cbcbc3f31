"""The workbook corpus the browser checker must answer as the command line does: the sample inputs
and broken copies of one of them (a bad quadrant, a formula, a control character, a truncated file,
a text file, a DOCTYPE, a GIF logo, a second picture).
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.drawing.image import Image as XlImage
from PIL import Image as Pil

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "inputs"
BASE = "moveo.xlsx"


def _picture(fmt: str, size: tuple[int, int], colour: str) -> bytes:
    buf = io.BytesIO()
    Pil.new("RGB", size, colour).save(buf, fmt)
    return buf.getvalue()


def _edited(src: Path, dst: Path, edit) -> Path:
    wb = openpyxl.load_workbook(src, rich_text=True)
    edit(wb)
    wb.save(dst)
    return dst


def _paste(*pictures: tuple[bytes, str]):
    def edit(wb):
        for data, cell in pictures:
            wb["Cluster"].add_image(XlImage(io.BytesIO(data)), cell)
    return edit


def _cell(sheet: str, ref: str, value):
    def edit(wb):
        wb[sheet][ref] = value
    return edit


def _with_doctype(src: Path, dst: Path) -> Path:
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = z.read(info)
            if info.filename == "docProps/app.xml":
                data = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + data
            out.writestr(info, data)
    return dst


def make_corpus(folder: Path) -> list[Path]:
    """The sample workbooks and the broken copies, written into `folder`; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for p in sorted(SAMPLE.glob("*.xlsx")):
        if p.name != "synthesis-review.xlsx":
            files.append(Path(shutil.copy(p, folder / p.name)))
    base = SAMPLE / BASE
    files += [
        _edited(base, folder / "bad-quadrant.xlsx", _cell("SWOT", "B3", "Strenght")),
        _edited(base, folder / "formula.xlsx", _cell("SWOT", "D4", "=1+1")),
        _edited(base, folder / "control-character.xlsx", _cell("SWOT", "D5", "Strong_x0007_cash flow")),
        _edited(base, folder / "gif-logo.xlsx", _paste((_picture("GIF", (40, 20), "red"), "D2"))),
        _edited(base, folder / "second-picture.xlsx",
                _paste((_picture("PNG", (60, 30), "teal"), "D2"), (_picture("JPEG", (10, 10), "navy"), "D12"))),
        _with_doctype(base, folder / "doctype.xlsx"),
    ]
    data = base.read_bytes()
    (folder / "truncated.xlsx").write_bytes(data[: len(data) // 2])
    (folder / "text-file.xlsx").write_text("Cluster;Quadrant\nMov'eo;Strength\n", encoding="utf-8")
    files += [folder / "truncated.xlsx", folder / "text-file.xlsx"]
    return files
