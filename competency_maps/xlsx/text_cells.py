"""Text written into a workbook stays text: the one way every writer of `xlsx/` puts a value in a cell.

openpyxl reads a str starting with "=" as a formula (and "#N/A" as an error value). A partner's
entry typed as text, such as `=HYPERLINK("http://…","click")` or a WEBSERVICE call that would send a
cell's content away, must come back in the pre-filled or annotated workbook as the text it was,
never as a live formula in a file the coordinator e-mails out.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet


def as_text(cell: Cell) -> Cell:
    """The cell, a str value marked as a string (data type 's'), whatever its first character."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell


def put(ws: Worksheet, row: int, column: int, value: Any) -> Cell:
    """`ws.cell(row, column, value)`, a text kept as text."""
    return as_text(ws.cell(row=row, column=column, value=value))
