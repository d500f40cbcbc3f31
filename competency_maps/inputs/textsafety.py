"""Characters that no DOCX or PDF can hold, or that would change how a text reads (C1 controls, bidi
overrides and isolates), made visible instead of dropped: in the report and on the console."""

from __future__ import annotations

import re

from competency_maps.model.richtext import Span, Text

# XML 1.0 forbids C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. Kept out too: the C1
# controls (U+0080-U+009F: U+009B starts a terminal's escape sequence) and the bidi embeddings,
# overrides and isolates (U+202A-U+202E, U+2066-U+2069), which make a text read in another order
# than it is written ("Trojan Source") in the report and on the console.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x80-\x9f\u202a-\u202e\u2066-\u2069"
                      "\ud800-\udfff\ufffe\uffff]")
# What a terminal must not be sent raw: every control character but tab and line feed, and the
# bidi controls above. `escaped` shows each as \xHH or \uHHHH.
_NOT_FOR_TERMINALS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Excel writes the characters XML cannot hold (controls, the CR of pasted CR LF line ends, U+FFFE,
# U+FFFF) as _xHHHH_, which openpyxl leaves as they are. A typed "_x0041_" is written
# "_x005F_x0041_", which openpyxl has already turned back into "_x0041_": only the escapes of
# characters XML cannot hold are decoded, so typed text stays as typed. (A typed "_x0007_" cannot be
# told from an escaped BEL: it becomes U+FFFD with a warning, visibly.)
_EXCEL_ESCAPE = re.compile(r"_x(00[01][0-9A-Fa-f]|[Ff]{3}[EeFf])_")
REPLACEMENT = "\ufffd"


def escaped(s: str) -> str:
    """`s` as a terminal may show it: control and bidi control characters as \\xHH or \\uHHHH."""
    return _NOT_FOR_TERMINALS.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                  else f"\\u{ord(m.group()):04x}", s)


def decode_excel_escapes(s: str) -> str:
    """Excel's _xHHHH_ escapes of characters XML cannot hold, as the characters."""
    return _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), s)


def clean_text(text: Text) -> tuple[Text, int]:
    """Replace characters illegal in XML, C1 controls and bidi controls with U+FFFD; return the
    text and how many were replaced."""
    out, count = [], 0
    for s in text:
        new, n = _ILLEGAL.subn(REPLACEMENT, s.text)
        count += n
        out.append(Span(new, s.bold, s.italic) if n else s)
    return tuple(out), count
