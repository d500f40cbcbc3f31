"""What partners type that a page must still hold: unbreakable strings in table cells, scripts the
bundled fonts once lacked, right-to-left notes and entries. Each checked on a PDF as it is printed."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

from competency_maps.model.richtext import text_of
from competency_maps.render.pdf.render import render_pdf
from competency_maps.report.content import build_content, chapter
from reports import sample_gathered

A4_WIDTH = 595.3  # points
RIGHT_MARGIN = 20 / 25.4 * 72  # report.css @page margin
URL = "https://example.org/download?token=" + "Zm9vYmFyYmF6cXV4" * 11  # 212 characters, no hyphen


def _proof_of(cluster):
    d = sample_gathered().deliverable
    return render_pdf(build_content(d, [chapter(cluster, d)], [cluster], proof=True))


def _words(pdf: bytes, tmp: Path, left: bool = False) -> list[tuple]:
    """(right edge in points, text) of every word of the PDF, as poppler lays them out; with
    `left`, (left edge, right edge, text)."""
    (tmp / "r.pdf").write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(tmp / "r.pdf"), "-"], capture_output=True, check=True).stdout
    root = ElementTree.fromstring(html.decode("utf-8").replace("<!DOCTYPE", "<!--").replace('.dtd">', '-->'))
    found = root.iter("{http://www.w3.org/1999/xhtml}word")
    if left:
        return [(float(w.get("xMin")), float(w.get("xMax")), w.text or "") for w in found]
    return [(float(w.get("xMax")), w.text or "") for w in found]


def test_a_200_character_url_in_a_swot_and_a_tows_cell_wraps_inside_the_page(tmp_path):
    c = next(c for c in sample_gathered().clusters if c.name == "Mobinov")
    swot = [replace(c.swot[0], text=text_of(URL)), *c.swot[1:]]
    tows = [replace(c.tows[0], text=text_of(URL)), *c.tows[1:]]
    words = _words(_proof_of(replace(c, swot=swot, tows=tows)).data, tmp_path)
    printed = "".join(t for _, t in words)
    assert printed.count(URL) == 2 or printed.count("Zm9vYmFyYmF6cXV4") >= 20
    assert max(x for x, _ in words) <= A4_WIDTH - RIGHT_MARGIN + 1

