"""The heat map of a large consortium, laid out as the PDF lays it out: every part whole inside the
page's text frame (never over the footer), every cluster named once, each part with its header.
Only the synthesis chapter is laid out, and not drawn, to keep it fast (0.2 s for 120 clusters)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from markupsafe import escape
from weasyprint import HTML

from competency_maps.report.content import build_content
from competency_maps.report.figures import Heatmap
from competency_maps.render.pdf.render import TEMPLATES_URL, LocalOnlyFetcher, render_figures, render_html
from competency_maps.resources import TEMPLATES
from reports import sample_gathered
from synthetic import synthetic_clusters

PX = 96 / 25.4  # CSS pixels per millimetre: weasyprint's layout unit
PAGE_W, PAGE_H = 210 * PX, 297 * PX
FRAME = (20 * PX, 22 * PX, PAGE_W - 20 * PX, PAGE_H - 20 * PX)  # report.css's @page margins


def _boxes(box, tag: str) -> list:
    found = [box] if box.element_tag == tag else []
    for child in getattr(box, "children", []):
        found += _boxes(child, tag)
    return found


def test_every_label_and_cell_of_a_part_is_inside_its_picture():
    d = sample_gathered().deliverable
    content = build_content(d, [], synthetic_clusters(25))
    for h in content.synthesis.heatmaps:
        assert all(0 < lb.x < h.width and 0 < lb.y < h.height for lb in h.labels)
        assert all(c.x + c.w <= h.width and c.y + c.h <= h.height for c in h.cells)


@pytest.mark.parametrize("n", [60, 120])
@pytest.mark.slow  # over a second: lays out maps of 60 and 120 partners
def test_a_large_consortium_lays_out_the_whole_map_inside_the_frame(n):
    clusters = synthetic_clusters(n)
    content = build_content(sample_gathered().deliverable, [], clusters)
    content = replace(content, front=None, back=None, conclusions=None, about=[], toc=[])
    parts: list[Heatmap] = content.synthesis.heatmaps
    figures = render_figures(content)
    svgs = [figures[f"memory:heatmap-{k}.svg"][0].decode() for k in range(1, len(parts) + 1)]
    for c in clusters:  # every cluster drawn once, in one part
        assert sum(svg.count(f">{escape(c.name)}</text>") for svg in svgs) == 1, c.name
    assert all(svg.count(">All topics</text>") == 1 for svg in svgs)  # each part has the header
    doc = HTML(string=render_html(content), base_url=TEMPLATES_URL,
               url_fetcher=LocalOnlyFetcher(TEMPLATES, figures)).render()
    placed = [(number, img) for number, page in enumerate(doc.pages, start=1)
              for img in _boxes(page._page_box, "img")]
    assert [img.element.get("src") for _, img in placed] == [f"memory:heatmap-{k}.svg"
                                                             for k in range(1, len(parts) + 1)]
    left, top, right, bottom = FRAME
    for number, img in placed:  # whole, inside the frame: never cut, never over the footer
        x, y = img.content_box_x(), img.content_box_y()
        assert left - 0.5 <= x and x + img.width <= right + 0.5, (number, img.element.get("alt"))
        assert top - 0.5 <= y and y + img.height <= bottom + 0.5, (number, img.element.get("alt"))
        assert img.height / img.width == pytest.approx(parts[0].height / parts[0].width, rel=0.2)
    pages = [number for number, _ in placed]
    assert len(set(pages)) >= len(parts) // 3 and max(pages.count(p) for p in pages) == 3
