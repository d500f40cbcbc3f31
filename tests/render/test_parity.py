"""The DOCX and the PDF say the same words in the same order: headings, labels, table headings,
captions, partner text (page furniture and TOC numbers excepted), for every kind of build."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from competency_maps.report.assemble import assemble, assemble_proof
from competency_maps.report.content import build_content, chapter
from competency_maps.inputs.gather import gather
from competency_maps.render.docx.render import render_docx
from competency_maps.render.pdf.render import render_pdf
from markdown_samples import LONG_URL, MARKDOWN
from parity import docx_blocks, first_difference, pdf_blocks, squashed
from reports import INPUTS, sample_docx, sample_gathered, sample_pdf

pytestmark = pytest.mark.slow  # builds reports or drives a real client


def _draft_with_a_missing_workbook(tmp_path):
    """Two chapters and three placeholders: every part of a draft, in fewer pages than the sample."""
    inputs = tmp_path / "inputs"
    shutil.copytree(INPUTS, inputs)
    for name in ("zone.xlsx", "rai.xlsx", "e-mobility.xlsx"):
        (inputs / name).unlink()
    content = assemble(gather(inputs), draft=True)
    assert [c.placeholder for c in content.chapters if c.placeholder] == ["Workbook not returned."] * 3
    return content


def _proof(tmp_path):
    content = assemble_proof(sample_gathered(), "Mov'eo")
    assert content is not None and content.proof and content.front is None
    return content


def _synthesis_off(tmp_path):
    g = sample_gathered()
    off = replace(g.deliverable, synthesis=replace(g.deliverable.synthesis, enabled=False))
    clusters = g.clusters[:2]
    content = build_content(off, [chapter(c, off) for c in clusters], clusters, about_order=off.clusters.about_order)
    assert content.synthesis is None
    return content


BUILDS = {"draft-missing-workbook": _draft_with_a_missing_workbook, "proof": _proof,
          "synthesis-off": _synthesis_off}


def _assert_same_text(docx: bytes, pdf: bytes) -> None:
    word, printed = squashed(docx_blocks(docx)), squashed(pdf_blocks(pdf))
    assert word == printed, first_difference(word, printed)


def test_the_sample_says_the_same_in_both_outputs():
    _assert_same_text(sample_docx(), sample_pdf().data)


@pytest.mark.parametrize("build", BUILDS)
def test_every_kind_of_build_says_the_same_in_both_outputs(build, tmp_path):
    content = BUILDS[build](tmp_path)
    _assert_same_text(render_docx(content), render_pdf(content).data)


def _markdown_blocks(tmp_path):
    """Tables, code blocks, deep lists and long links of the Markdown texts, in a chapter."""
    from competency_maps.model.richtext import parse_markdown
    from reports import proof_content
    content = proof_content("Mobinov")
    blocks = parse_markdown(MARKDOWN)
    return replace(content, chapters=[replace(content.chapters[0], step1=blocks)])


BUILDS["markdown-blocks"] = _markdown_blocks


def test_markdown_tables_and_code_are_tables_and_code_in_word(tmp_path):
    import io
    from docx import Document
    doc = Document(io.BytesIO(render_docx(_markdown_blocks(tmp_path))))
    [table] = [t for t in doc.tables if t.style.name == "Log Table"]
    assert [[c.text for c in r.cells] for r in table.rows] == [["Partner", "Role"], ["Mov'eo", "lead"]]
    assert [p.text for p in doc.paragraphs if p.style.name == "Code"] == ["code  here\n  indented"]
    assert any(LONG_URL in p.text for p in doc.paragraphs)


def test_nested_list_items_keep_their_level_in_both_outputs(tmp_path):
    import io
    from docx import Document
    from competency_maps.render.pdf.render import render_html
    content = _markdown_blocks(tmp_path)
    nested = [b for b in content.chapters[0].step1 if b.level > 0]
    assert nested, "the Markdown sample has a nested list"
    doc = Document(io.BytesIO(render_docx(content)))
    styles = {p.text: p.style.name for p in doc.paragraphs}
    for b in nested:
        assert styles[b.plain].endswith(("2", "3")), (b.plain, styles[b.plain])
    html = render_html(content)
    assert 'class="level-1"' in html
