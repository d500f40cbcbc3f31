"""The same bytes for the same workbook: openpyxl stamps the time of writing into the document
properties and the zip entries; both get the deliverable's date instead."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

_STAMP = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def stable_workbook(data: bytes, when: date) -> bytes:
    stamp = when.isoformat().encode() + b"T12:00:00Z"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = _STAMP.sub(lambda m: m.group(1) + stamp + m.group(3), body)
            fixed = zipfile.ZipInfo(info.filename, (when.year, when.month, when.day, 12, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, body)
    return out.getvalue()
