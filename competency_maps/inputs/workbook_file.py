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

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _sniff(path: Path) -> None:
    loc = Location(path.name)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a folder, a FIFO (opening it waits forever), a device
            raise WorkbookError("workbook.folder" if stat.S_ISDIR(st.st_mode) else "workbook.not_regular", loc)
        size = st.st_size
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as e:
        raise WorkbookError("workbook.unopenable", loc, reason=e.strerror)
    if size == 0:
        raise WorkbookError("workbook.empty", loc)
    if size > MAX_FILE_BYTES:
        raise WorkbookError("workbook.too_large", loc, size_mb=size // 2**20)
    if head.startswith(OLE_MAGIC):
        raise WorkbookError("workbook.xls_or_password", loc)
    if not head.startswith(b"PK"):
        raise WorkbookError("workbook.not_zip", loc)


def _check_archive(path: Path) -> None:
    loc = Location(path.name)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
    except zipfile.BadZipFile:
        raise WorkbookError("workbook.damaged", loc)
    if "xl/workbook.xml" not in names:
        if "content.xml" in names:
            raise WorkbookError("workbook.ods", loc)
        raise WorkbookError("workbook.other_zip", loc)
    total = 0
    for i in infos:
        total += i.file_size
        ratio = i.file_size / max(i.compress_size, 1)
        if i.file_size > MAX_MEMBER_BYTES or (i.file_size > 2**20 and ratio > MAX_RATIO):
            raise WorkbookError("workbook.part_inflates", loc, part=i.filename, size_mb=i.file_size // 2**20)
    if total > MAX_TOTAL_BYTES:
        raise WorkbookError("workbook.inflates", loc, size_mb=total // 2**20)
    # only now, with the sizes known to be sane, inflate every part to check it
    try:
        with zipfile.ZipFile(path) as z:
            _scan_parts(z, loc)
            _refuse_strict(z, loc)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError):
        # zlib.error: corrupt compressed data; RuntimeError: an encrypted part;
        # NotImplementedError: a compression method Python cannot read
        raise WorkbookError("workbook.damaged", loc)


STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/spreadsheetml/main"


def _refuse_strict(z: zipfile.ZipFile, loc: Location) -> None:
    """Strict Open XML (Excel's and LibreOffice's "Strict Open XML Spreadsheet") names its parts in
    other namespaces: openpyxl would find no sheet at all, and an annotated copy would hold none of
    the partner's. Named instead, with the way out."""
    with z.open("xl/workbook.xml") as f:
        if STRICT_NAMESPACE in f.read(8192):
            raise WorkbookError("workbook.strict", loc)


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
                    raise WorkbookError("workbook.doctype", loc, part=info.filename)
                elements += chunk.count(b"<") - chunk.count(b"</")
                tail = chunk[-16:]
                if elements > MAX_XML_ELEMENTS:
                    raise WorkbookError("workbook.too_many_elements", loc, limit=MAX_XML_ELEMENTS,
                                        part=info.filename)


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
        return WorkbookError("workbook.entities", Location(path.name))
    root = chain[-1]
    detail = " ".join(str(root).replace(str(path), path.name).split())[:200]
    return WorkbookError("workbook.unreadable", Location(path.name), error_type=type(root).__name__,
                         detail=detail)
