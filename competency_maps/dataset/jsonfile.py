"""A JSON file from outside (an export, a snapshot, `--since`, `--from`) read as untrusted data.

Python's json module trusts its input in three ways this file must not: it reads whatever the
file holds (/dev/zero never ends), it recurses once per nesting level (a RecursionError, an internal
error, for 100,000 opening brackets), and it makes an int of any length (a ValueError from Python's
4,300-digit limit). Here the bytes come from `inputs.files.read_regular_file` (regular files only,
at most max_bytes read), numbers are limited to a few digits, nesting to a few levels, and each
refusal is a DatasetError naming the file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from competency_maps.errors import Location, ReportError
from competency_maps.inputs.files import read_regular_file

MAX_DEPTH = 24  # the export itself is 8 levels deep (a table cell's span in a Step 1 block)
MAX_DIGITS = 20  # a year, a count of members: an int64 has 19 digits


class DatasetError(ReportError):
    """A JSON export or snapshot that cannot be read back."""


class _RefusedError(Exception):
    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code, self.params = code, params


def _int(s: str) -> int:
    digits = len(s.lstrip("-"))
    if digits > MAX_DIGITS:
        raise _RefusedError("dataset.big_number", digits=f"{digits:,}", limit=MAX_DIGITS)
    return int(s)


def _float(s: str) -> float | int:
    """The export holds integers only: 2010.0 is read as 2010 (JSON Schema counts it as an integer
    anyway), 1e300 is refused as 5,000 digits are; 0.5 stays a float, for the schema to refuse."""
    if len(s) > 2 * MAX_DIGITS + 10:  # a float of 5,000 digits is a number no tool of ours wrote
        raise _RefusedError("dataset.big_number", digits=f"{len(s):,}", limit=2 * MAX_DIGITS)
    value = float(s)
    if value.is_integer():
        if abs(value) >= 10 ** MAX_DIGITS:
            raise _RefusedError("dataset.big_number", digits=f"{len(str(int(value))):,}", limit=MAX_DIGITS)
        return int(value)
    return value


def _constant(s: str) -> float:
    raise _RefusedError("dataset.not_a_number", value=s)


def depth(data: Any) -> int:
    """How deeply lists and objects nest in `data` (a scalar is 0); without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        if children is None:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((c, level + 1) for c in children)
    return deepest


def parse(raw: bytes, where: Location) -> Any:
    """The data of JSON bytes (UTF-8, a byte-order mark allowed), within the limits above."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DatasetError("dataset.not_utf8", where, byte=f"0x{raw[e.start]:02x}", offset=e.start) from None
    try:
        data = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except _RefusedError as e:
        raise DatasetError(e.code, where, **e.params) from None
    except RecursionError:
        raise DatasetError("dataset.too_deep", where, limit=MAX_DEPTH) from None
    except ValueError as e:  # JSONDecodeError, and anything else the decoder refuses
        raise DatasetError("dataset.not_json", where, detail=str(e)[:200]) from None
    if depth(data) > MAX_DEPTH:
        raise DatasetError("dataset.too_deep", where, limit=MAX_DEPTH)
    return data


def read_json(path: Path, max_bytes: int) -> Any:
    """The data of the JSON file `path`; a DatasetError naming it if it cannot be read as one."""
    where = Location(str(path))
    return parse(read_regular_file(path, where, max_bytes, raising=DatasetError), where)
