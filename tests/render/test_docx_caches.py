"""The Word renderer keeps, per process, the template made of a reference document and Jinja's code
of each XML part (render/docx/template.py, render.py); a file filled from them is byte for byte the
file made afresh, whatever was filled before. Styles are given by name and resolved in one pass
(ooxml.name_style, resolve_styles), written exactly as python-docx writes them."""

from __future__ import annotations

import pytest
from docx import Document

from competency_maps.render.docx import ooxml, render, template
from competency_maps.render.docx.render import render_docx
from reports import proof_content, sample_content

pytestmark = pytest.mark.slow  # fills the sample report four times


def _afresh(content) -> bytes:
    render.clear_caches()
    return render_docx(content)


def test_reports_filled_one_after_the_other_are_each_the_file_made_afresh():
    sample, proof = sample_content(), proof_content()
    sample_fresh = _afresh(sample)
    proof_after_sample = render_docx(proof)  # the sample's template and code reused
    assert template.template_from.cache_info().hits >= 1 and render._compiled.cache_info().hits >= 1
    assert render_docx(sample) == sample_fresh
    assert proof_after_sample == _afresh(proof) != sample_fresh


def test_a_style_given_by_name_is_written_as_python_docx_writes_it():
    ours, theirs = Document(), Document()
    for name in ("Heading 1", "normal", "Caption"):  # "Normal", the default, gets no reference at all
        ooxml.name_style(ours.add_paragraph(), name)
        theirs.add_paragraph().style = theirs.styles[name.capitalize()]
    ooxml.name_style(ours.add_paragraph().add_run(), "Emphasis")
    theirs.add_paragraph().add_run().style = theirs.styles["Emphasis"]
    ooxml.name_style(ours.add_table(1, 1), "light grid accent 1")
    theirs.add_table(1, 1).style = theirs.styles["Light Grid Accent 1"]
    ooxml.resolve_styles(ours)
    assert ours.element.body.xml == theirs.element.body.xml
    assert "w:pStyle" in ours.element.body.xml and "Normal" not in ours.element.body.xml


def test_a_style_the_document_lacks_or_of_another_kind_is_refused():
    doc = Document()
    ooxml.name_style(doc.add_paragraph(), "No Such Style")
    with pytest.raises(KeyError):
        ooxml.resolve_styles(doc)
    doc = Document()
    ooxml.name_style(doc.add_paragraph(), "Emphasis")  # a character style
    with pytest.raises(ValueError):
        ooxml.resolve_styles(doc)
