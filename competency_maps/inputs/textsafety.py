"""Characters that no DOCX or PDF can hold, made visible instead of dropped."""

from __future__ import annotations

import re

from competency_maps.model.richtext import Span, Text

# XML 1.0 forbids C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Excel writes the characters XML cannot hold (controls, the CR of pasted CR LF line ends, U+FFFE,
# U+FFFF) as _xHHHH_, which openpyxl leaves as they are. A typed "_x0041_" is written
# "_x005F_x0041_", which openpyxl has already turned back into "_x0041_": only the escapes of
# characters XML cannot hold are decoded, so typed text stays as typed. (A typed "_x0007_" cannot be
# told from an escaped BEL: it becomes U+FFFD with a warning, visibly.)
_EXCEL_ESCAPE = re.compile(r"_x(00[01][0-9A-Fa-f]|[Ff]{3}[EeFf])_")
REPLACEMENT = "\ufffd"


def decode_excel_escapes(s: str) -> str:
    """Excel's _xHHHH_ escapes of characters XML cannot hold, as the characters."""
    return _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), s)


def clean_text(text: Text) -> tuple[Text, int]:
    """Replace characters illegal in XML with U+FFFD; return the text and how many were replaced."""
    out, count = [], 0
    for s in text:
        new, n = _ILLEGAL.subn(REPLACEMENT, s.text)
        count += n
        out.append(Span(new, s.bold, s.italic) if n else s)
    return tuple(out), count
