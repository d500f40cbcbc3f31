"""Files that are not workbooks: one clear error naming the file, never an exception."""

import io
import zipfile
from pathlib import Path

import pytest

from competency_maps.errors import WorkbookError
from competency_maps.reader import read_workbook
from competency_maps.workbook_file import OLE_MAGIC, open_workbook

INPUTS = Path(__file__).resolve().parent.parent / "inputs"


def _zip(members: dict[str, bytes | str], compression=zipfile.ZIP_STORED) -> bytes:
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return b.getvalue()


@pytest.fixture(scope="module")
def real_bytes():
    """A real workbook: one of the shipped sample inputs."""
    return (INPUTS / "moveo.xlsx").read_bytes()


def _corrupt(data: bytes) -> bytes:
    """Flip bytes inside the compressed data of the largest part, keeping the zip structure."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = max(z.infolist(), key=lambda i: i.compress_size)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    out = bytearray(data)
    for k in range(start + 20, start + min(info.compress_size, 400)):
        out[k] ^= 0x5A
    return bytes(out)


CASES = {
    "text.xlsx": (lambda real: "Short name;Country\nMov'eo;France\n".encode(), "not an Excel workbook"),
    "empty.xlsx": (lambda real: b"", "empty"),
    "old.xlsx": (lambda real: OLE_MAGIC + bytes(2048), "old-format Excel file (.xls) or is protected"),
    "truncated.xlsx": (lambda real: real[: len(real) // 2], "damaged or incomplete"),
    "truncated-end.xlsx": (lambda real: real[:-40], "damaged or incomplete"),
    "corrupt.xlsx": (_corrupt, "damaged or incomplete"),
    "archive.xlsx": (lambda real: _zip({"notes/readme.txt": "hello"}), "zip file but not an Excel"),
    "calc.xlsx": (lambda real: _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                                     "content.xml": "<office:document-content/>"}), ".ods"),
    "hollow.xlsx": (lambda real: _zip({"xl/workbook.xml": "not xml at all"}),
                    "could not be read as a workbook"),
    "bomb.xlsx": (lambda real: _zip({"xl/workbook.xml": "<x/>", "xl/worksheets/sheet1.xml": bytes(3 * 2**20)},
                                    zipfile.ZIP_DEFLATED), "would inflate"),
}


@pytest.mark.parametrize("name", CASES)
def test_not_a_workbook_is_one_clear_error(tmp_path, real_bytes, schema, name):
    make, words = CASES[name]
    path = tmp_path / name
    path.write_bytes(make(real_bytes))

    with pytest.raises(WorkbookError) as exc:
        open_workbook(path)
    assert exc.value.location.file == name
    assert words in str(exc.value)

    res = read_workbook(path, schema)  # the reader turns it into one issue, never a traceback
    assert res.cluster is None
    [issue] = res.issues
    assert issue.is_error and issue.location.file == name
    assert str(issue).startswith(f"ERROR {name}: ") and words in str(issue)
    assert issue.hint  # always says what to do


def test_missing_file(tmp_path, schema):
    res = read_workbook(tmp_path / "nowhere.xlsx", schema)
    [issue] = res.issues
    assert issue.is_error and issue.location.file == "nowhere.xlsx" and "cannot be opened" in issue.message


def test_a_real_workbook_opens(tmp_path, real_bytes):
    path = tmp_path / "ok.xlsx"
    path.write_bytes(real_bytes)
    wb = open_workbook(path)
    assert "SWOT" in wb.sheetnames


def test_formulas_are_kept_as_typed(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "=1+1"
    wb.save(tmp_path / "f.xlsx")
    cell = open_workbook(tmp_path / "f.xlsx").active["A1"]
    assert cell.data_type == "f" and cell.value == "=1+1"
