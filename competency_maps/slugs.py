"""One slug function for anchors and file names: transliterated ASCII letters, digits and dashes.

python-slugify (with text-unidecode) spells "Łódź Automotive Klaster" as `lodz-automotive-klaster`;
an ASCII filter of our own would drop what it cannot spell."""

from __future__ import annotations

from slugify import slugify

_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
                     *(f"LPT{i}" for i in range(10))}


def slug(text: str, max_length: int = 0, keep_case: bool = False, dots: bool = False) -> str:
    """Never empty, never a path, never a reserved Windows name; `x` when nothing spellable is left.
    `keep_case` and `dots` serve file names made of a number such as "D2.1"."""
    pattern = r"[^-a-zA-Z0-9.]+" if dots else r"[^-a-zA-Z0-9]+"
    s = slugify(text, max_length=max_length, word_boundary=bool(max_length), lowercase=not keep_case,
                regex_pattern=pattern).strip(".-")
    if s.upper().split(".")[0] in _WINDOWS_RESERVED:
        s = "_" + s
    return s or "x"
