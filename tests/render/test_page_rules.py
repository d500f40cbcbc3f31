"""The PDF's pages as a typesetter would leave them (tests/page_rules.py): no heading or table header
stranded at a page foot, no page less than 60 % full unless a section starts next, a table that goes
on to the next page starts there with its header row and its row's label ("… (continued)"), and no
cell left empty at a page foot while its neighbour goes on; for the sample, a consortium of six, and
the real data of issue 26: 400-character entries without TOWS, and entries pasted from a PDF (hard
line breaks, page numbers) so long that a topic row is taller than a page."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import pytest
from bench.benchmark import make_consortium, make_variant
from competency_maps.report.assemble import assemble
from competency_maps.inputs.gather import gather
from competency_maps.render.pdf.render import render_pdf
from once import once
from page_rules import Line, _table_violations, lines, violations
from reports import sample_pdf

pytestmark = pytest.mark.slow  # builds reports or drives a real client


VARIANT_CLUSTERS = 2  # the two largest sample clusters: a chapter after another, in half the pages


@functools.cache
def _content(kind: str):
    """The report view of a variant consortium (bench/benchmark.py make_variant), once per worker."""
    inputs = make_variant(Path(tempfile.mkdtemp(prefix="page-rules-")) / kind, kind=kind,
                          clusters=VARIANT_CLUSTERS)
    gathered = gather(inputs)
    assert not gathered.errors
    return assemble(gathered)


def _variant(kind: str):
    """(content, PDF) of a variant: the PDF laid out once per test run (seconds: layouts repeat
    until the "(continued)" labels settle), whichever worker asks first."""
    return _content(kind), once(f"page-rules variant pdf {kind}", lambda: render_pdf(_content(kind)).data)


def test_the_sample_keeps_the_page_rules():
    assert violations(sample_pdf().data) == []


def test_a_consortium_of_six_keeps_the_page_rules(tmp_path):
    pdf = render_pdf(assemble(gather(make_consortium(6, tmp_path / "in")))).data
    assert violations(pdf) == []


@pytest.mark.parametrize("kind", ["long", "pasted"])
def test_real_data_keeps_the_page_rules(kind):
    content, pdf = _variant(kind)
    assert violations(pdf) == []
    assert (not any(ch.tows for ch in content.chapters)) == (kind == "long")


def test_a_topic_taller_than_a_page_goes_on_under_the_header_with_its_label_continued():
    content, pdf = _variant("pasted")
    found = lines(pdf)
    pages = {ln.page for ln in found if ln.text.endswith("(continued)")}
    assert len(pages) >= 5  # rows taller than a page did break, with their label
    for p in pages:
        page = [x for x in found if x.page == p]
        first = next(x for x in page if x.kind != "header")
        top_row = [x for x in page if x.kind != "header" and abs(x.top - first.top) < 2]
        assert [x.kind for x in page[:2]] == ["header", "header"] and any(x.kind == "label" for x in top_row)
        assert first.top - max(x.bottom for x in page if x.kind == "header") < 20  # right under the header row
    pieces = {row.continued for ch in content.chapters for table in [*ch.swot_pairs, *ch.tows]
              for row in table.rows if row.continued}
    for p in pages:  # the label at the top is a "(continued)" one, not a topic starting afresh
        first = next(x for x in found if x.page == p and x.kind == "label")
        assert any(label.startswith(first.text.strip()) or first.text.strip() in label for label in pieces), first.text


def _ln(page, top, kind, text="x", table=1, row=1, cell=1, th=False):
    return Line(page, top, top + 10, kind, 9.5, text, table, row, cell, th)


def test_the_checker_sees_a_table_going_on_without_header_or_label_and_an_empty_cell():
    heading = Line(1, 700, 710, "heading", 14, "SWOT analysis")
    first = [heading, _ln(1, 720, "header", "Strengths", 1, 1, 1), _ln(1, 720, "header", "Weaknesses", 1, 1, 2),
             _ln(1, 740, "label", "Topic", 1, 2, 1), _ln(1, 740, "label", "Topic", 1, 2, 2),
             _ln(1, 760, "body", "a", 1, 2, 1), _ln(1, 760, "body", "b", 1, 2, 2)]
    good = [_ln(2, 60, "header", "Strengths", 2, 3, 3), _ln(2, 60, "header", "Weaknesses", 2, 3, 4),
            _ln(2, 80, "label", "Topic (continued)", 2, 4, 3), _ln(2, 100, "body", "c", 2, 4, 3)]
    assert _table_violations(first + good, labels=True) == []
    no_label = [_ln(2, 60, "header", "Strengths", 2, 3, 3), _ln(2, 80, "body", "c", 2, 4, 3)]
    assert [v.split(":")[1].split("(")[0].strip() for v in _table_violations(first + no_label, labels=True)] == \
        ["table goes on without its row's label"]
    assert _table_violations(first + no_label, labels=False) == []
    no_header = [_ln(2, 80, "label", "Topic (continued)", 2, 4, 3)]
    assert any("without its header" in v for v in _table_violations(first + no_header, labels=True))
    # the old fault: Opportunities moved whole to the next page (its topic first) while Threats goes on
    moved = [_ln(2, 60, "header", "Opportunities", 2, 3, 3), _ln(2, 80, "label", "Topic", 2, 4, 3),
             _ln(2, 80, "body", "d", 2, 4, 4)]
    assert any("empty at the page foot" in v for v in _table_violations(first + moved, labels=False))


def test_the_rules_see_headings_header_rows_and_body_text():
    found = lines(sample_pdf().data)
    kinds = {ln.kind for ln in found}
    assert kinds == {"heading", "header", "label", "body"}
    assert any(ln.kind == "heading" and ln.text.startswith("Step 2") for ln in found)
    assert any(ln.kind == "header" and ln.text == "Weaknesses" for ln in found)
    assert not any("Page " in ln.text and " of " in ln.text for ln in found)  # furniture is not text here


def _word_as_libreoffice_lays_it_out(content, tmp_path, convert_with_libreoffice) -> bytes:
    from competency_maps.render.docx.render import render_docx
    src = tmp_path / "report.docx"
    src.write_bytes(render_docx(content))
    [pdf] = convert_with_libreoffice([src], tmp_path / "pdf",
                                     'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}')
    return pdf.read_bytes()


def _header_rows(content) -> frozenset[tuple[str, ...]]:
    rows = {(pair.left, pair.right) for ch in content.chapters for pair in ch.swot_pairs}
    rows |= {tuple(tows.columns) for ch in content.chapters for tows in ch.tows}
    return frozenset(rows)


def test_a_consortium_of_six_keeps_the_page_rules_in_word_as_libreoffice_lays_it_out(tmp_path, convert_with_libreoffice):
    """The Word file paginates by itself (no break copied from the PDF): the same rules hold there."""
    content = assemble(gather(make_consortium(6, tmp_path / "in")))
    pdf = _word_as_libreoffice_lays_it_out(content, tmp_path, convert_with_libreoffice)
    assert violations(pdf, _header_rows(content), labels=False) == []  # Word has no "(continued)" labels


def test_entries_pasted_from_a_pdf_keep_the_page_rules_in_word_as_libreoffice_lays_it_out(tmp_path,
                                                                                        convert_with_libreoffice):
    """Word lays its own pages out, so it gets no "(continued)" labels (labels=False): its rows of
    pieces break between entries, never inside, under the repeated header row."""
    content = _content("pasted")
    pdf = _word_as_libreoffice_lays_it_out(content, tmp_path, convert_with_libreoffice)
    assert violations(pdf, _header_rows(content), labels=False) == []
