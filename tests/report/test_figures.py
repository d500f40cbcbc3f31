"""The heat map of a large consortium, laid out as the PDF lays it out: every part whole inside the
page's text frame (never over the footer), every cluster named once, each part with its header.
Only the synthesis chapter is laid out, and not drawn, to keep it fast (0.2 s for 120 clusters)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest
from markupsafe import escape
from weasyprint import HTML

from competency_maps.analysis.synthesis import HeatRow, Synthesis
from competency_maps.labels import Labels
from competency_maps.report.content import build_content
from competency_maps.report.figures import (FRAME_W, GROUPS_PER_PART, MIN_PRINTED, WIDTHS, Heatmap, _length,
                                            heatmaps)
from competency_maps.render.pdf.render import TEMPLATES_URL, LocalOnlyFetcher, render_figures, render_html
from competency_maps.resources import TEMPLATES
from reports import sample_gathered
from synthetic import synthetic_clusters

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from font_widths import widths  # noqa: E402

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


def _map(topics: int, clusters: int, name=lambda i: f"Cluster {i:03d}") -> Synthesis:
    rows = [HeatRow(name(i), [i % 5, 1, 2, 3], [[(i + t) % 4, 0, 1, t % 3] for t in range(topics)])
            for i in range(clusters)]
    return Synthesis(["Strength", "Weakness", "Opportunity", "Threat"], [f"t{t}" for t in range(topics)], rows)


@pytest.mark.parametrize("topics,clusters", [(4, 5), (7, 5), (7, 60), (12, 200)])
def test_the_map_prints_no_text_below_6_pt_and_shows_every_count_once(topics, clusters):
    """Drawn at the frame's width (the PDF's img width: 100 %, Word's 170 mm), a picture prints its
    text at size × FRAME_W / width: many topics are split into pictures of fewer columns instead of
    shrinking it (issue 26: with 7 topics the labels were about 4 pt)."""
    s = _map(topics, clusters)
    parts = heatmaps(s, Labels())
    for h in parts:
        scale = FRAME_W / h.width
        assert min(lb.size for lb in h.labels) * scale >= MIN_PRINTED and 11 * scale >= MIN_PRINTED
        assert sum(1 for lb in h.labels if lb.bold) <= GROUPS_PER_PART
    columns = [lb.text for h in parts[:-(-(topics + 1) // GROUPS_PER_PART)] for lb in h.labels if lb.bold]
    assert columns == [f"Topic {t + 1}" for t in range(topics)] + ["All topics"]  # each column once, in order
    cells = sum(len(h.cells) for h in parts)
    assert cells == clusters * 4 * (topics + 1)
    names = [lb.text for h in parts for lb in h.labels if lb.anchor == "start"]
    assert sorted(set(names)) == [f"Cluster {i:03d}" for i in range(clusters)]
    assert len(parts) == 1 if topics + 1 <= GROUPS_PER_PART and clusters <= 5 else len(parts) > 1


def test_a_long_name_in_a_wide_map_is_set_on_two_lines_no_smaller_than_prints_at_6_pt():
    long = "Automotive and Mobility Competence Network of the Greater Region e.V."
    parts = heatmaps(_map(4, 3, lambda i: long if i == 1 else f"C{i}"), Labels())
    [h] = parts
    lines = [lb for lb in h.labels if lb.anchor == "start" and lb.text not in ("C0", "C2")]
    assert len(lines) == 2 and " ".join(lb.text for lb in lines) == long
    assert all(lb.size * FRAME_W / h.width >= MIN_PRINTED for lb in lines)
    first_cell = min(c.x for c in h.cells)
    assert all(lb.x + _length(lb.text, False, lb.size) <= first_cell for lb in lines)


def test_the_width_file_is_what_the_bundled_fonts_hold():
    """report/ measures text from templates/fonts/widths.json (it imports neither Pillow nor fontTools)."""
    assert WIDTHS.read_text(encoding="utf-8") == widths(), "run tools/font_widths.py"


def test_the_widths_agree_with_pillows_measure():
    """Advance widths without kerning: within 1 % of Pillow's measure, and never much shorter (a
    name fitted from them never runs into the cells)."""
    from PIL import ImageFont
    for text in ("Mov'eo", "RAI Automotive Industry NL", "Zone Cluster", "Automotive Competence Network Bavaria"):
        for bold, file in ((False, "Carlito-Regular.ttf"), (True, "Carlito-Bold.ttf")):
            font = ImageFont.truetype(str(TEMPLATES / "fonts" / file), 11)
            ours, pillows = _length(text, bold, 11), font.getlength(text)
            assert -0.5 < ours - pillows < 0.01 * pillows
