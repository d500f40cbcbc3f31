"""Opening a partner's file safely, before any XML is parsed.

A workbook is a zip of XML written by someone else's tool. Sniff what the file really is, refuse
archives that would inflate absurdly, and turn every parser failure into a message naming the file.
"""

from __future__ import annotations

import warnings
import zipfile
import zlib
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from .errors import Location, WorkbookError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_MEMBER_BYTES = 200 * 1024 * 1024  # one sheet's XML, uncompressed
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, per member above 1 MB

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAVE_AS = "Open it in Excel or LibreOffice and save it as 'Excel Workbook (.xlsx)'."


def _sniff(path: Path) -> None:
    loc = Location(path.name)
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as e:
        raise WorkbookError(f"cannot be opened ({e.strerror}).", loc)
    if size == 0:
        raise WorkbookError("is empty (0 bytes).", loc, "Send the workbook again.")
    if size > MAX_FILE_BYTES:
        raise WorkbookError(f"is {size // 2**20} MB, far larger than a competency map workbook.", loc,
                            "Remove pictures or extra sheets and save it again.")
    if head.startswith(OLE_MAGIC):
        raise WorkbookError(
            "is an old-format Excel file (.xls) or is protected with a password.", loc,
            "Remove the password (File › Info › Protect Workbook) and " + SAVE_AS[0].lower() + SAVE_AS[1:])
    if not head.startswith(b"PK"):
        raise WorkbookError("is not an Excel workbook (it looks like a text or other file).", loc,
                            SAVE_AS)


def _check_archive(path: Path) -> None:
    loc = Location(path.name)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
    except zipfile.BadZipFile:
        raise WorkbookError("is damaged or incomplete (perhaps a truncated download).", loc,
                            "Ask the partner to send the file again.")
    if "xl/workbook.xml" not in names:
        if "content.xml" in names:
            raise WorkbookError("is a LibreOffice spreadsheet (.ods), not an Excel workbook.", loc,
                                "In LibreOffice use File › Save As › 'Excel 2007-365 (.xlsx)'.")
        raise WorkbookError("is a zip file but not an Excel workbook.", loc, SAVE_AS)
    total = 0
    for i in infos:
        total += i.file_size
        ratio = i.file_size / max(i.compress_size, 1)
        if i.file_size > MAX_MEMBER_BYTES or (i.file_size > 2**20 and ratio > MAX_RATIO):
            raise WorkbookError(
                f"contains a part ({i.filename}) that would inflate to {i.file_size // 2**20} MB; "
                "it was not opened.", loc, "This is not a normal workbook: ask for a fresh copy.")
    if total > MAX_TOTAL_BYTES:
        raise WorkbookError(f"would inflate to {total // 2**20} MB; it was not opened.", loc,
                            "This is not a normal workbook: ask for a fresh copy.")
    # only now, with the sizes known to be sane, inflate every part to check it
    try:
        with zipfile.ZipFile(path) as z:
            if z.testzip() is not None:
                raise zipfile.BadZipFile("corrupt member")
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError):
        # zlib.error: corrupt compressed data; RuntimeError: an encrypted part;
        # NotImplementedError: a compression method Python cannot read
        raise WorkbookError("is damaged or incomplete (perhaps a truncated download).", loc,
                            "Ask the partner to send the file again.")


def open_workbook(path: Path) -> Workbook:
    """openpyxl's workbook with rich text and formulas as typed (not their cached results)."""
    _sniff(path)
    _check_archive(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's chatter about unsupported extensions
            return load_workbook(path, rich_text=True, data_only=False)
    except Exception as e:  # any parser failure is the file's fault, never a traceback
        raise WorkbookError(f"could not be read as a workbook ({type(e).__name__}: {e}).",
                            Location(path.name), SAVE_AS) from e
