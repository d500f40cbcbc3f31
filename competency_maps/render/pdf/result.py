"""The PDF's result, as the build receives it from the PDF process."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RenderedPdf:
    """Here, not in render_pdf: the build receives it from the PDF process without importing
    weasyprint (pickle imports the module of a class it rebuilds)."""
    data: bytes
    pages: int
    anchors: dict[str, int] = field(default_factory=dict)  # id of a heading -> its page (from 1)
    page_tops: frozenset[str] = frozenset()  # ids of the headings that start a page
