"""Which texts are set right to left: a Step 2 note marked in a right-to-left language (`he`,
`ar`…), and an entry whose first letter is Hebrew or Arabic (as HTML's dir="auto" decides).

The report view hands the answer to the templates as a flag, so that neither template guesses
(the PDF's `dir="rtl"`, Word's `w:bidi`)."""

from __future__ import annotations

import unicodedata

# ISO 639 codes of languages written right to left (the part of a BCP 47 tag before the first "-")
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku-arab", "ps", "sd", "syr", "ug", "ur",
                           "yi"})


def rtl_language(language: str) -> bool:
    tag = language.strip().casefold().replace("_", "-")
    return tag in RTL_LANGUAGES or tag.split("-")[0] in RTL_LANGUAGES


def rtl_text(text: str) -> bool:
    """Whether the first letter with a direction of its own is a right-to-left one."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False
