"""Characters that no DOCX or PDF can hold, made visible instead of dropped."""

from __future__ import annotations

import re

from .richtext import Span, Text

# XML 1.0 forbids C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Excel escapes controls in its XML as _xHHHH_; openpyxl leaves some of them encoded.
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
REPLACEMENT = "\ufffd"


def decode_excel_escapes(s: str) -> str:
    return _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), s)


def clean_text(text: Text) -> tuple[Text, int]:
    """Replace characters illegal in XML with U+FFFD; return the text and how many were replaced."""
    out, count = [], 0
    for s in text:
        new, n = _ILLEGAL.subn(REPLACEMENT, s.text)
        count += n
        out.append(Span(new, s.bold, s.italic) if n else s)
    return tuple(out), count
