"""The adjustments to how weasyprint runs change its speed, never the PDF."""

from __future__ import annotations

import pytest
import contextlib
import gc

import pydyf

from competency_maps.render.pdf import render as rp
from competency_maps.render.pdf.tuning import few_gc_pauses, page_references_cached
from reports import proof_content, proof_pdf

pytestmark = pytest.mark.slow  # builds reports or drives a real client


def test_the_pdf_is_byte_for_byte_the_same_without_them(monkeypatch):
    monkeypatch.setattr(rp, "few_gc_pauses", contextlib.nullcontext)
    monkeypatch.setattr(rp, "page_references_cached", contextlib.nullcontext)
    # one cluster's proof (6 pages): the tag tree, the TOC's page numbers and links, bookmarks
    assert rp.render_pdf(proof_content()).data == proof_pdf().data


def _page(pdf: pydyf.PDF) -> None:
    page = pydyf.Dictionary({"Type": "/Page"})
    pdf.add_object(page)
    pdf.add_page(page)


def test_cached_page_references_follow_added_pages_and_are_put_back():
    original = pydyf.PDF.__dict__["page_references"]
    pdf = pydyf.PDF()
    _page(pdf)
    with page_references_cached():
        first = pdf.page_references
        assert first == original.fget(pdf) and pdf.page_references is first  # kept, not rebuilt
        _page(pdf)
        assert pdf.page_references == original.fget(pdf) and len(pdf.page_references) == 2
    assert pydyf.PDF.__dict__["page_references"] is original


def test_the_collector_is_put_back_as_it_was():
    before = gc.get_threshold()
    with few_gc_pauses():
        assert gc.get_threshold() != before and gc.get_freeze_count() > 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
