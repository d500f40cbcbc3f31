"""The PDF's pages as a typesetter would leave them (tests/page_rules.py): no heading or table header
stranded at a page foot, no page less than 60 % full unless a section starts next, for the sample and
for a consortium of one more cluster."""

from __future__ import annotations

import pytest
from bench.benchmark import make_consortium
from competency_maps.report.assemble import assemble
from competency_maps.inputs.gather import gather
from competency_maps.render.pdf.render import render_pdf
from page_rules import lines, violations
from reports import sample_pdf

pytestmark = pytest.mark.slow  # builds reports or drives a real client


def test_the_sample_keeps_the_page_rules():
    assert violations(sample_pdf().data) == []


def test_a_consortium_of_six_keeps_the_page_rules(tmp_path):
    pdf = render_pdf(assemble(gather(make_consortium(6, tmp_path / "in")))).data
    assert violations(pdf) == []


def test_the_rules_see_headings_header_rows_and_body_text():
    found = lines(sample_pdf().data)
    kinds = {ln.kind for ln in found}
    assert kinds == {"heading", "header", "label", "body"}
    assert any(ln.kind == "heading" and ln.text.startswith("Step 2") for ln in found)
    assert any(ln.kind == "header" and ln.text == "Weaknesses" for ln in found)
    assert not any("Page " in ln.text and " of " in ln.text for ln in found)  # furniture is not text here


def test_a_consortium_of_six_keeps_the_page_rules_in_word_as_libreoffice_lays_it_out(tmp_path, convert_with_libreoffice):
    """The Word file paginates by itself (no break copied from the PDF): the same rules hold there."""
    from competency_maps.render.docx.render import render_docx
    content = assemble(gather(make_consortium(6, tmp_path / "in")))
    src = tmp_path / "six.docx"
    src.write_bytes(render_docx(content))
    [pdf] = convert_with_libreoffice([src], tmp_path / "pdf",
                                     'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}')
    rows = {(pair.left, pair.right) for ch in content.chapters for pair in ch.swot_pairs}
    rows |= {tuple(tows.columns) for ch in content.chapters for tows in ch.tows}
    assert violations(pdf.read_bytes(), frozenset(rows)) == []
