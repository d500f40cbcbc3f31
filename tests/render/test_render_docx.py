"""The Word report: complete, structured like a hand-made document, reproducible, opens in LibreOffice."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from docx import Document
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docxtpl import DocxTemplate

from competency_maps.report.content import build_content, chapter
from competency_maps.render.docx.template import REFERENCE, make_template
from competency_maps.errors import RenderError
from competency_maps.render.docx.render import jinja_env, render_docx
from competency_maps.resources import TEMPLATES
from reports import (docx_paragraphs, docx_text, model_texts, sample_content, sample_docx,
                    sample_docx_from, sample_gathered, sample_pdf, squash)

pytestmark = pytest.mark.slow  # builds reports or drives a real client


def test_every_entry_and_paragraph_of_the_model_is_in_the_docx():
    text = squash(docx_text(sample_docx()))
    missing = [(where, t) for where, t in model_texts(sample_gathered()) if squash(t) not in text]
    assert not missing, missing[:5]


def test_a_heading_1_per_cluster_chapter_and_heading_2_per_step():
    paras = docx_paragraphs(sample_docx())
    h1 = [t.strip() for s, t in paras if s == "Heading 1"]  # a logo's picture follows the words
    names = [c.name for c in sample_gathered().clusters]
    assert h1[:len(names)] == [f"{n} competency map" for n in names]
    assert "Conclusions" in h1 and any(t.startswith("About the") for t in h1)
    h2 = [t for s, t in paras if s == "Heading 2"]
    assert sum(t.startswith("Step ") for t in h2) == 3 * len(names)


def test_a_clean_word_2013_package_without_template_leftovers():
    with zipfile.ZipFile(io.BytesIO(sample_docx())) as z:
        names = z.namelist()
        document = z.read("word/document.xml").decode()
        settings = z.read("word/settings.xml").decode()
        app = z.read("docProps/app.xml").decode()
        core = z.read("docProps/core.xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode() + z.read("_rels/.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    assert document.count("PAGEREF _Toc") == len(sample_content().toc) and 'w:anchor="_Toc00001"' in document
    # a real contents field as Word writes it, in its content control
    assert document.count('TOC \\o "1-2" \\h \\z \\u') == 1 and '<w:docPartGallery w:val="Table of Contents"/>' in document
    # no empty run, no "off" toggle written out
    runs = list(etree.fromstring(document.encode()).iter(qn("w:r")))
    assert runs and not [r for r in runs if all(c.tag == qn("w:t") and not c.text for c in r if c.tag != qn("w:rPr"))]
    assert not re.search(r'<w:(b|i|bidi|rtl|keepLines|cantSplit|tblHeader|pageBreakBefore) w:val="(false|0)"', document)
    # but one: a group's name in a SWOT cell, whose style keeps it with the next paragraph (package.clean)
    assert set(re.findall(r'<w:pStyle w:val="(\w+)"/><w:keepNext w:val="0"/>', document)) == {"CellGroup"}
    assert document.count('<w:keepNext w:val="0"/>') == len(re.findall(r'"CellGroup"/><w:keepNext w:val="0"', document))
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    assert "updateFields" not in settings and "proofState" not in settings
    assert not [n for n in names if "thumbnail" in n or "stylesWithEffects" in n or n.startswith("customXml")]
    assert "thumbnail" not in rels + types and "stylesWithEffects" not in rels + types and "customXml" not in rels
    assert "Macintosh" not in app and "<Pages>" not in app
    assert "python-docx" not in core and "<dc:title>D2.1 Clusters competency maps</dc:title>" in core


def test_bullets_use_word_list_styles_and_numbered_lists_are_real_word_numbering():
    paras = docx_paragraphs(sample_docx())
    bullets = [t for s, t in paras if s == "List Bullet"]
    assert "Triple Helix focused" in bullets
    doc = Document(io.BytesIO(sample_docx()))
    numbered = [p for p in doc.paragraphs if p.style.name == "List Number"]
    assert numbered and not any(re.match(r"\d+\.", p.text) for p in numbered)  # no typed numbers
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    # the Zone Cluster's Step 1 has two numbered lists: each restarts at 1 with a numbering of its own
    assert len(set(ids)) >= 2 and ids == sorted(ids)
    numbering = doc.part.numbering_part.element
    for num_id in set(ids):
        [num] = [n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id)]
        assert num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val")) == "1"


def test_bold_from_the_workbook_is_bold_in_word():
    doc = Document(io.BytesIO(sample_docx()))
    bold = {r.text for p in doc.paragraphs for r in p.runs if r.bold}
    assert "Business Accelerator by Mov'eo" in bold  # RAI's Step 1, bold in the workbook


def test_markup_and_template_syntax_in_partner_text_stay_literal(sample_cluster):
    from dataclasses import replace
    from competency_maps.model.cluster import SwotEntry
    from competency_maps.model.richtext import Span
    d = sample_gathered().deliverable
    hostile = ["{{ 7*7 }}", "{% raw %}x", "a & b < c > d \"q\" 'r'", "<script>alert(1)</script>",
               "line one\nline two"]
    cluster = replace(sample_cluster, swot=sample_cluster.swot + [
        SwotEntry(d.topics[0], "Strength", "", (Span(h),)) for h in hostile])
    data = render_docx(build_content(d, [chapter(cluster, d)], [cluster]))
    paras = [t for _, t in docx_paragraphs(data)]
    for h in hostile:
        assert h in paras, h
    assert "49" not in paras


def test_template_tags_are_all_provided_by_the_content():
    tpl = DocxTemplate(io.BytesIO(make_template()))
    assert tpl.get_undeclared_template_variables(jinja_env()) == {"r", "pages"}


def _restyled_heading_1(tmp_path, colour: str):
    ref = Document(str(REFERENCE))
    ref.styles["Heading 1"].font.color.rgb = RGBColor.from_string(colour)
    path = tmp_path / "reference.docx"
    ref.save(str(path))
    return path


def _heading_1_colour(docx: bytes) -> str:
    """Word spells the built-in name "heading 1", LibreOffice "Heading 1"."""
    [style] = [s for s in Document(io.BytesIO(docx)).styles if (s.name or "").casefold() == "heading 1"]
    return str(style.font.color.rgb)


def test_a_heading_restyled_in_the_reference_document_reaches_the_report(tmp_path):
    assert _heading_1_colour(sample_docx()) != "C00000"
    data = sample_docx_from(_restyled_heading_1(tmp_path, "C00000"))
    assert _heading_1_colour(data) == "C00000"
    assert [t for s, t in docx_paragraphs(data)] == [t for s, t in docx_paragraphs(sample_docx())]


def test_the_reference_document_saved_by_libreoffice_still_builds(tmp_path, convert_with_libreoffice):
    [saved] = convert_with_libreoffice([_restyled_heading_1(tmp_path, "00B050")], tmp_path / "saved",
                                       "docx:MS Word 2007 XML")
    data = sample_docx_from(saved)
    assert _heading_1_colour(data) == "00B050"
    assert [t for s, t in docx_paragraphs(data)] == [t for s, t in docx_paragraphs(sample_docx())]
    doc = Document(io.BytesIO(data))
    assert {t.style.name for t in doc.tables} >= {"Info Table", "SWOT Table", "TOWS Table"}


def test_the_swot_and_tows_header_look_is_a_table_style_not_cell_shading():
    doc = Document(io.BytesIO(sample_docx()))
    with zipfile.ZipFile(io.BytesIO(sample_docx())) as z:
        body = z.read("word/document.xml").decode()
    assert "<w:shd" not in body and "<w:color " not in body
    tows = [t for t in doc.tables if t.style.name == "TOWS Table"]
    assert tows and all(t._tbl.tblPr.find(qn("w:tblLook")).get(qn("w:firstColumn")) == "1" for t in tows)


def test_a_reference_document_without_a_style_the_structure_needs_is_a_clear_error(tmp_path):
    ref = Document(str(REFERENCE))
    ref.styles["SWOT Table"].element.getparent().remove(ref.styles["SWOT Table"].element)
    ref.save(str(tmp_path / "reference.docx"))
    with pytest.raises(RenderError) as caught:
        sample_docx_from(tmp_path / "reference.docx")
    assert caught.value.code == "docx.reference.styles" and list(caught.value.params["styles"]) == ["SWOT Table"]


@pytest.fixture(scope="module")
def libreoffice_pdf(tmp_path_factory, convert_with_libreoffice) -> Path:
    """The sample DOCX as LibreOffice prints it (tagged, so the page rules can read it)."""
    work = tmp_path_factory.mktemp("lo")
    src = work / "report.docx"
    src.write_bytes(sample_docx())
    [pdf] = convert_with_libreoffice([src], work / "pdf",
                                     'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}')
    return pdf


def test_in_libreoffice_no_near_empty_page_nor_heading_or_table_header_at_a_page_foot(libreoffice_pdf):
    from page_rules import violations
    content = sample_content()
    rows = {(pair.left, pair.right) for ch in content.chapters for pair in ch.swot_pairs}
    rows |= {tuple(tows.columns) for ch in content.chapters for tows in ch.tows}
    assert violations(libreoffice_pdf.read_bytes(), frozenset(rows), fill=True, labels=False) == []  # Word has no "(continued)" labels


def test_the_contents_stores_the_pages_libreoffice_prints(libreoffice_pdf, require_tool):
    """The TOC field's stored numbers (what Word shows on opening) are LibreOffice's layout."""
    text = subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", str(libreoffice_pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    flat = [" ".join(p.split()) for p in text.split("\f")]
    doc = Document(io.BytesIO(sample_docx()))
    stored = [t.rsplit("\t", 1)[-1] for s, t in docx_paragraphs(sample_docx()) if s.casefold() in ("toc 1", "toc 2")]
    content = sample_content()
    assert len(stored) == len(content.toc)
    toc_page = next(i for i, p in enumerate(flat) if content.toc_heading in p)
    at, printed = toc_page + 1, []
    for e in content.toc:
        at = next(i for i in range(at, len(flat)) if " ".join(e.text.split()) in flat[i])
        printed.append(str(at + 1))
    assert stored == printed


def test_in_libreoffice_every_toc_entry_shows_the_page_its_heading_is_on(libreoffice_pdf, require_tool):
    text = subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", str(libreoffice_pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    flat = [" ".join(p.split()) for p in pages]
    content = sample_content()
    toc_page = next(i for i, p in enumerate(flat) if content.toc_heading in p)
    entries = re.findall(r"^(.+?)\.{3,}\s*(\d+)$", pages[toc_page], re.M)
    assert [t.strip() for t, _ in entries] == [" ".join(e.text.split()) for e in content.toc]
    wrong, at = [], toc_page + 1
    for e, (_, shown) in zip(content.toc, entries):
        at = next((i for i in range(at, len(flat)) if " ".join(e.text.split()) in flat[i]), None)
        assert at is not None, f"heading {e.text!r} not found after the contents"
        if at + 1 != int(shown):
            wrong.append(f"{e.text[:40]!r}: the contents say {shown}, LibreOffice prints it on page {at + 1}")
    assert not wrong, wrong


def test_the_word_file_paginates_by_itself_chapters_as_sections():
    """No page break copied from the PDF: a heading starts a page only where its style says so
    (Heading 1, through its chapter's section), and each chapter is a section that starts a page."""
    doc = Document(io.BytesIO(sample_docx()))
    forced = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading ")
              and p.paragraph_format.page_break_before]
    assert forced == []
    content = sample_content()
    chapters = len(content.chapters) + 3  # the clusters, the synthesis, the conclusions, about the partners
    assert len(doc.sections) == 1 + chapters + 1  # the front matter, the chapters, the back page
    assert all(s.start_type == 2 for s in doc.sections[1:])  # each on a new page


def test_the_eu_flag_is_on_the_cover_and_back_page_as_in_the_pdf():
    emblem = (TEMPLATES / "eu-emblem.png").read_bytes()
    with zipfile.ZipFile(io.BytesIO(sample_docx())) as z:
        media = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
        body = z.read("word/document.xml").decode("utf-8")
    assert emblem in media
    funding = [m.start() for m in re.finditer("Co-funded by the COSME", body)]
    assert len(funding) == 2  # cover and back page, each with the flag just before the words
    assert all("<w:drawing>" in body[f - 3000:f] for f in funding)


def test_web_addresses_are_hyperlinks_in_word():
    with zipfile.ZipFile(io.BytesIO(sample_docx())) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
        body = z.read("word/document.xml").decode()
    for url in ("https://recipe4mobility.eu/", "https://www.linkedin.com/showcase/recipe4mobility/",
                "mailto:mathilde.petit@pole-moveo.org"):
        assert f'Target="{url}" TargetMode="External"' in rels, url
    assert body.count("<w:hyperlink r:id=") >= 4


def test_every_picture_has_the_alternative_text_the_pdf_gives_it():
    with zipfile.ZipFile(io.BytesIO(sample_docx())) as z:
        body = z.read("word/document.xml").decode()
    described = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', body)
    content = sample_content()
    figures = [content.front.cofunding.emblem_alt] * 2 + [h.title for h in content.synthesis.heatmaps]
    logos = [content.front.cover[[line.kind for line in content.front.cover].index("logo")].text,
             content.back.logo.alt, *(ch.logo.alt for ch in content.chapters), *(a.logo.alt for a in content.about)]
    assert len(described) == body.count("<wp:docPr ") and sorted(described) == sorted(figures + logos)


def test_every_heading_has_an_outline_level_and_none_is_skipped():
    doc = Document(io.BytesIO(sample_docx()))

    def level(style) -> int | None:
        while style is not None:
            ppr = style.element.pPr
            found = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
            if found is not None:
                return int(found.get(qn("w:val"))) + 1
            if style.name.startswith("Heading "):
                return int(style.name.split()[1])
            style = style.base_style
        return None

    from docx.text.paragraph import Paragraph
    paragraphs = [Paragraph(p, doc._body) for p in doc.element.body.iter(qn("w:p"))
                  if p.getparent().tag != qn("w:tc")]
    levels = [(level(p.style), p.text.strip()) for p in paragraphs if level(p.style)]
    texts = {t for _, t in levels}
    content = sample_content()
    for heading in (content.front.info_heading, content.front.abstract_heading, content.front.summary_heading,
                    content.toc_heading, *(a.name for a in content.about)):
        assert any(t.startswith(heading) for t in texts), heading
    previous = 1
    for lv, text in levels:
        assert lv <= previous + 1, f"{text!r} at level {lv} after level {previous}"
        previous = lv


def test_the_running_head_names_each_chapter_and_none_on_the_front_pages():
    doc = Document(io.BytesIO(sample_docx()))
    front = doc.sections[0].header._element.xml
    assert "STYLEREF" not in front and "RECIPE4Mobility" in front
    content = sample_content()
    titles = [ch.title for ch in content.chapters] + [content.synthesis.heading, content.conclusions_heading,
                                                      content.about_heading]
    for section, title in zip(doc.sections[1:], titles):
        header = section.header
        assert not header.is_linked_to_previous
        xml = header._element.xml
        assert 'STYLEREF "Heading 1"' in xml  # Word recomputes it; LibreOffice shows the stored title
        assert header.paragraphs[0].text.endswith(title), (title, header.paragraphs[0].text)
    style = [s for s in doc.styles if s.name.casefold() == "header"][0]
    assert style.font.size.pt == 8 and str(style.font.color.rgb) == "595959"
    assert "<w:sz " not in front  # the look is the style's, not direct formatting
    footer = [s for s in doc.styles if s.name.casefold() == "footer"][0]
    tabs = sorted(t.position.twips if hasattr(t.position, "twips") else t.position for t in footer.paragraph_format.tab_stops)
    assert footer.font.size.pt == 8.5 and tabs[-1] == 9638  # A4's text width
    legal = [p.text for p in doc.paragraphs if p.style.name == "Legal"]
    assert legal and any(t.startswith("The content of this report represents the views of the author") for t in legal)


def test_the_back_page_has_neither_header_nor_footer_as_in_the_pdf():
    doc = Document(io.BytesIO(sample_docx()))
    report, back = doc.sections[0], doc.sections[-1]
    assert "{" not in report.header._element.xml and report.footer.paragraphs[0].text.startswith("Page")
    assert back._sectPr.find(qn("w:vAlign")).get(qn("w:val")) == "center"  # centred on the page
    assert not "".join(p.text for p in back.header.paragraphs + back.footer.paragraphs).strip()
    assert back.start_type == 2  # a new page (WD_SECTION.NEW_PAGE)
    assert doc.paragraphs[-1].text or doc.paragraphs[-2].text  # the back page's words, after the break
