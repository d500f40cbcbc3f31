"""What the PDF's tags say beyond weasyprint's own: each table header cell's scope (PDF/UA).

weasyprint links every data cell to its headers (/Headers) but writes no /Scope on the headers
themselves; a screen reader, and PDF/UA checkers, want to know whether a header names a column
("Opportunities") or a row ("Strengths"). The HTML says it (`scope`), and so does the PDF now.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

try:
    from weasyprint.pdf import tags
except ImportError:  # pragma: no cover - weasyprint reorganised: the PDF is made without scopes
    tags = None


@contextlib.contextmanager
def table_header_scopes() -> Iterator[None]:
    """For the duration of a render, every TH structure element gets /Scope /Row or /Column. If
    weasyprint's tag builder changes shape, it is left alone (the PDF is still valid, without scopes)."""
    if tags is None:  # pragma: no cover - weasyprint reorganised
        yield
        return
    original = getattr(tags, "_build_box_tree", None)
    if original is None:  # pragma: no cover
        yield
        return

    def build(box, *args, **kwargs):  # weasyprint's builder is a generator: so is this
        yield from original(box, *args, **kwargs)
        mark = getattr(box, "mark", None)
        if getattr(box, "element_tag", None) == "th" and mark is not None and "A" in mark:
            scope = box.element.attrib.get("scope") if box.element is not None else None
            mark["A"]["Scope"] = "/Row" if scope == "row" else "/Column"

    tags._build_box_tree = build
    try:
        yield
    finally:
        tags._build_box_tree = original
