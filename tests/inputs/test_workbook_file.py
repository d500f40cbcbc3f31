"""Files that are not workbooks: one clear error naming the file, never an exception.

Every bad file is generated here from a good workbook (no binaries are committed). Each is refused
by `open_workbook` before any parsing, reaches the reader as one error naming the file, and `check`
prints it with exit code 1.
"""

import io
import re
import struct
import zipfile
from pathlib import Path

import pytest

from competency_maps.cli import main
from competency_maps.console import Console
from competency_maps.errors import Location, WorkbookError
from competency_maps.inputs.reader import read_workbook
from competency_maps.inputs import workbook_file
from competency_maps.inputs.workbook_file import MAX_XML_ELEMENTS, OLE_MAGIC, open_workbook
from conftest import part_with, parts, with_rows, write_parts, zip_streaming

INPUTS = Path(__file__).resolve().parents[2] / "inputs"


def check(path: Path) -> tuple[int, str]:
    """`build.py check FILE`: its exit code and what it printed; never a traceback."""
    out, err = io.StringIO(), io.StringIO()
    code = main(["--inputs", str(INPUTS), "check", str(path)], Console(out, err, progress=False))
    text = out.getvalue() + err.getvalue()
    assert "Traceback" not in text and "internal error" not in text, text
    return code, out.getvalue()


# --- how the bad files are made from a good one -----------------------------------------------


def _zip(members: dict[str, bytes | str], compression=zipfile.ZIP_STORED) -> bytes:
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return b.getvalue()


def _file(tmp: Path, good: bytes) -> Path:
    p = tmp / "source.xlsx"
    p.write_bytes(good)
    return p


def _corrupt(tmp: Path, good: bytes) -> bytes:
    """Flip bytes inside the compressed data of the largest part, keeping the zip structure."""
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        info = max(z.infolist(), key=lambda i: i.compress_size)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    out = bytearray(good)
    for k in range(start + 20, start + min(info.compress_size, 400)):
        out[k] ^= 0x5A
    return bytes(out)


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
                            for i in range(1, 10)) + "]>")


def _bomb_in(member: str):
    def make(tmp: Path, good: bytes) -> bytes:
        members = parts(_file(tmp, good))
        if member == "sheet":
            name = part_with(members, "Strength 1a")
        else:
            name = member
        xml = members[name].decode()
        xml = re.sub(r"^<\?xml[^>]*\?>", "", xml)
        members[name] = (BILLION_LAUGHS + xml.replace("Strength 1a", "&lol9;", 1)).encode()
        return write_parts(tmp / "x.zip", members).read_bytes()
    return make


def _bomb_in_utf16(tmp: Path, good: bytes) -> bytes:
    """The same bomb in a sheet written in UTF-16, past our byte scan: defusedxml refuses it."""
    members = parts(_file(tmp, good))
    name = part_with(members, "Strength 1a")
    xml = members[name].decode().replace("Strength 1a", "&lol9;", 1)
    xml = BILLION_LAUGHS.replace('version="1.0"', 'version="1.0" encoding="UTF-16"') + xml
    members[name] = xml.encode("utf-16")
    return write_parts(tmp / "x.zip", members).read_bytes()


def _zip_bomb(tmp: Path, good: bytes) -> bytes:
    """A sheet that inflates to 300 MB of spaces (a 300 KB file), streamed in chunks."""
    members = parts(_file(tmp, good))
    name = part_with(members, "Strength 1a")
    head, tail = members[name].split(b"</worksheet>")

    def sheet(f) -> None:
        f.write(head)
        chunk = b" " * 2**20
        for _ in range(300):
            f.write(chunk)
        f.write(b"</worksheet>" + tail)
    path = zip_streaming(members, name, sheet, tmp / "bomb.zip")
    assert path.stat().st_size < 2 * 2**20
    return path.read_bytes()


def _declared_huge(tmp: Path, good: bytes) -> bytes:
    """A small file whose central directory declares a 300 MB sheet."""
    data = bytearray(good)
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) != -1:
        n = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46:start + 46 + n].startswith(b"xl/worksheets/"):
            struct.pack_into("<I", data, start + 24, 300 * 2**20)
            break
        start += 4
    return bytes(data)


def _million_cells(tmp: Path, good: bytes) -> bytes:
    """A million one-letter rows: an 8 MB file that openpyxl would take 25 s and 600 MB to load."""
    return with_rows(_file(tmp, good), 1_000_000, tmp / "million.zip").read_bytes()


# What only openpyxl's parser finds (the cheap checks before it let the file through): not XML at all,
# and entities in UTF-16 XML, which the byte scan of the parts cannot see (defusedxml refuses them)
FOUND_BY_THE_PARSER = {"workbook.unreadable", "workbook.entities"}

# name: (the file's bytes from (tmp folder, a good workbook's bytes), the one error's code [and some of its params])
NOT_WORKBOOKS = {
    "empty.xlsx": (lambda tmp, good: b"", "workbook.empty"),
    "csv-renamed.xlsx": (lambda tmp, good: "Field;Value\nShort name;Mov'eo\n".encode(),
                         "workbook.not_zip"),
    "picture.xlsx": (lambda tmp, good: b"\x89PNG\r\n\x1a\n" + bytes(300), "workbook.not_zip"),
    "old-format.xls": (lambda tmp, good: OLE_MAGIC + bytes(4096),
                       "workbook.xls_or_password"),
    # Excel's encryption wraps the workbook in an OLE container: no zip at all
    "protected.xlsx": (lambda tmp, good: OLE_MAGIC + b"\x3e\x00\x03\x00" + bytes(8192),
                       "workbook.xls_or_password"),
    "truncated.xlsx": (lambda tmp, good: good[: len(good) // 2], "workbook.damaged"),
    "truncated-end.xlsx": (lambda tmp, good: good[:-40], "workbook.damaged"),
    "corrupt.xlsx": (_corrupt, "workbook.damaged"),
    "archive.xlsx": (lambda tmp, good: _zip({"notes/readme.txt": "hello"}), "workbook.other_zip"),
    "calc.xlsx": (lambda tmp, good: _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                                          "content.xml": "<office:document-content/>"}), "workbook.ods"),
    "hollow.xlsx": (lambda tmp, good: _zip({"xl/workbook.xml": "not xml at all"}),
                    "workbook.unreadable"),
    "xml-bomb-sheet.xlsx": (_bomb_in("sheet"), "workbook.doctype"),
    "xml-bomb-workbook.xlsx": (_bomb_in("xl/workbook.xml"), "workbook.doctype"),
    "xml-bomb-utf16.xlsx": (_bomb_in_utf16, "workbook.entities"),
    "ratio-bomb.xlsx": (lambda tmp, good: _zip({"xl/workbook.xml": "<x/>",
                                                "xl/worksheets/sheet1.xml": bytes(3 * 2**20)},
                                               zipfile.ZIP_DEFLATED), "workbook.part_inflates"),
    "zip-bomb.xlsx": (_zip_bomb, ("workbook.part_inflates", {"size_mb": 300})),
    "declared-huge.xlsx": (_declared_huge, ("workbook.part_inflates", {"size_mb": 300})),
    "million-rows.xlsx": (_million_cells, ("workbook.too_many_elements", {"limit": MAX_XML_ELEMENTS})),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", NOT_WORKBOOKS)
def test_a_file_that_is_not_a_workbook_is_one_clear_error(tmp_path, good_bytes, schema, name, monkeypatch):
    make, expected = NOT_WORKBOOKS[name]
    code, params = expected if isinstance(expected, tuple) else (expected, {})
    path = tmp_path / name
    path.write_bytes(make(tmp_path, good_bytes))

    with pytest.raises(WorkbookError) as exc:
        open_workbook(path)
    assert exc.value.location.file == name
    assert exc.value.code == code and params.items() <= exc.value.params.items()

    parsed = []  # openpyxl asked to parse it: only what the checks before it let through
    load = workbook_file.load_workbook
    monkeypatch.setattr(workbook_file, "load_workbook", lambda *a, **k: parsed.append(name) or load(*a, **k))
    res = read_workbook(path, schema)  # the reader turns it into one issue, never a traceback
    # refused before any parsing, however big inside (the time it takes: bench/benchmark.py --refusals)
    assert parsed == ([name] if code in FOUND_BY_THE_PARSER else [])
    assert res.cluster is None
    [issue] = res.issues
    assert issue.is_error and issue.location == Location(name)
    assert issue.code == code and params.items() <= issue.params.items()
    assert issue.hint  # always says what to do
    assert "\n" not in str(issue) and str(tmp_path) not in str(issue)

    status, out = check(path)
    assert status == 1 and f"ERROR {name}: " in out


@pytest.mark.slow
def test_ods_saved_by_libreoffice(tmp_path, ods_bytes, schema):
    for name in ("cluster.ods", "cluster-renamed.xlsx"):
        path = tmp_path / name
        path.write_bytes(ods_bytes)
        [issue] = read_workbook(path, schema).issues
        assert issue.code == "workbook.ods" and issue.location == Location(name)
        code, out = check(path)
        assert code == 1 and f"ERROR {name}: " in out


def test_missing_file(tmp_path, schema):
    res = read_workbook(tmp_path / "nowhere.xlsx", schema)
    [issue] = res.issues
    assert issue.is_error and issue.location.file == "nowhere.xlsx" and issue.code == "workbook.unopenable"


def test_a_real_workbook_opens(tmp_path):
    path = tmp_path / "ok.xlsx"
    path.write_bytes((INPUTS / "moveo.xlsx").read_bytes())  # one of the shipped sample inputs
    wb = open_workbook(path)
    assert "SWOT" in wb.sheetnames


def test_formulas_are_kept_as_typed(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "=1+1"
    wb.save(tmp_path / "f.xlsx")
    cell = open_workbook(tmp_path / "f.xlsx").active["A1"]
    assert cell.data_type == "f" and cell.value == "=1+1"
