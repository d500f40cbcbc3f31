"""Characters of a cell that no bundled font draws (Chinese, Japanese, Korean, some emoji): a
warning naming the cell, instead of empty boxes in the PDF that nobody is told about."""

from __future__ import annotations

from competency_maps.errors import Issue, Location, issue
from competency_maps.glyphs import undrawable

SHOWN = 10  # characters quoted in the message


def missing_glyphs(location: Location, text: str) -> list[Issue]:
    """One warning when `text` has characters no bundled font draws; none otherwise."""
    missing = undrawable(text)
    if not missing:
        return []
    shown = " ".join(missing[:SHOWN]) + (" …" if len(missing) > SHOWN else "")
    return [issue("text.glyphs.missing", location, characters=f"'{shown}'")]
