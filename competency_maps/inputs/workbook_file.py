"""Opening a partner's file safely, before any XML is parsed.

A workbook is a zip of XML written by someone else's tool. Sniff what the file really is, refuse
archives that would inflate absurdly, and turn every parser failure into a message naming the file.
"""

from __future__ import annotations

import stat
import warnings
import zipfile
import zlib
from pathlib import Path

from defusedxml import DefusedXmlException
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from competency_maps.errors import Location, WorkbookError
from competency_maps.inputs.image_headers import pictures_without_pillow

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_MEMBER_BYTES = 200 * 1024 * 1024  # one sheet's XML, uncompressed
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, per member above 1 MB
# A parser's time and memory grow with the number of elements, not bytes: a million one-letter cells
# fit in 8 MB and take openpyxl 25 s and 600 MB. A full competency map has some 10,000.
MAX_XML_ELEMENTS = 1_000_000
XML_PARTS = (".xml", ".rels", ".vml")
NOT_NORMAL = "This is not a normal workbook: ask for a fresh copy."

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAVE_AS = "Open it in Excel or LibreOffice and save it as 'Excel Workbook (.xlsx)'."


def _sniff(path: Path) -> None:
    loc = Location(path.name)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a folder, a FIFO (opening it waits forever), a device
            kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file (a pipe, socket or device)"
            raise WorkbookError(f"is {kind}, not a workbook.", loc, "Name the workbook file itself.")
        size = st.st_size
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
                "it was not opened.", loc, NOT_NORMAL)
    if total > MAX_TOTAL_BYTES:
        raise WorkbookError(f"would inflate to {total // 2**20} MB; it was not opened.", loc, NOT_NORMAL)
    # only now, with the sizes known to be sane, inflate every part to check it
    try:
        with zipfile.ZipFile(path) as z:
            _scan_parts(z, loc)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError):
        # zlib.error: corrupt compressed data; RuntimeError: an encrypted part;
        # NotImplementedError: a compression method Python cannot read
        raise WorkbookError("is damaged or incomplete (perhaps a truncated download).", loc,
                            "Ask the partner to send the file again.")


def _scan_parts(z: zipfile.ZipFile, loc: Location) -> None:
    """Inflate every part (zipfile checks each one's CRC at its end) and, before any parser sees the
    XML, refuse document type declarations (entity definitions: the "billion laughs" bomb; no
    spreadsheet program writes one) and more elements than a parser should be asked to build."""
    elements = 0
    for info in z.infolist():
        xml = info.filename.lower().endswith(XML_PARTS)
        tail = b""
        with z.open(info) as f:
            while chunk := f.read(2**20):
                if not xml:
                    continue
                if b"<!DOCTYPE" in tail + chunk[:16] or b"<!DOCTYPE" in chunk:  # or across chunks
                    raise WorkbookError(
                        f"contains a part ({info.filename}) with a document type declaration, which "
                        "spreadsheet programs never write (it can define an 'XML bomb'); it was not "
                        "opened.", loc, NOT_NORMAL)
                elements += chunk.count(b"<") - chunk.count(b"</")
                tail = chunk[-16:]
                if elements > MAX_XML_ELEMENTS:
                    raise WorkbookError(
                        f"holds more than {MAX_XML_ELEMENTS:,} cells, rows and other XML elements "
                        f"(in {info.filename}): far more than a competency map; it was not opened.",
                        loc, "Delete the empty or pasted rows and columns after your entries, save, "
                        "and send it again.")


def open_workbook(path: Path) -> Workbook:
    """openpyxl's workbook with rich text and formulas as typed (not their cached results)."""
    _sniff(path)
    _check_archive(path)
    try:
        # a file object: the content was sniffed, so openpyxl's check of the name's extension is moot
        # without Pillow (in a browser), pictures are opened from their headers, not dropped
        with warnings.catch_warnings(), path.open("rb") as f, pictures_without_pillow():
            warnings.simplefilter("ignore")  # openpyxl's chatter about unsupported extensions
            return load_workbook(f, rich_text=True, data_only=False)
    except Exception as e:  # any parser failure is the file's fault, never a traceback
        raise _unreadable(path, e) from e


def _unreadable(path: Path, e: BaseException) -> WorkbookError:
    """The parser's own words, from the innermost cause: openpyxl wraps them in a generic
    ValueError with the full path and three lines of advice for programmers."""
    chain: list[BaseException] = []
    while e is not None and e not in chain:
        chain.append(e)
        e = e.__cause__ or e.__context__
    if any(isinstance(x, DefusedXmlException) for x in chain):  # one _scan_parts missed (UTF-16 XML)
        return WorkbookError("contains XML entity or document type declarations, which spreadsheet "
                             "programs never write; it was not opened.", Location(path.name), NOT_NORMAL)
    root = chain[-1]
    detail = " ".join(str(root).replace(str(path), path.name).split())[:200]
    return WorkbookError(f"could not be read as a workbook ({type(root).__name__}: {detail}).",
                         Location(path.name), SAVE_AS)
