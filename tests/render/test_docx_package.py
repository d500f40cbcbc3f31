"""The Word file as Word itself would write it, read in its XML: a package valid for Office 2016,
styles that carry the look (keep rules, header rows, captions), the deliverable's language, pictures
described and logos outside the headings' text."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

import pytest
from docx import Document
from lxml import etree

from competency_maps.render.docx.ooxml import qn
from competency_maps.render.docx.render import render_docx, rich
from competency_maps.model.richtext import Span
from reports import sample_content, sample_docx

pytestmark = pytest.mark.slow  # builds the sample report


def _part(name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(sample_docx())) as z:
        return z.read(name).decode("utf-8")


def _style(doc, name: str):
    return next(s for s in doc.styles if (s.name or "").casefold() == name.casefold())


def test_the_package_is_valid_for_office_2016(tmp_path):
    from openxml_audit import FileFormat, OpenXmlValidator
    path = tmp_path / "report.docx"
    path.write_bytes(sample_docx())
    result = OpenXmlValidator(file_format=FileFormat.OFFICE_2016, max_errors=50).validate(str(path))
    assert [str(e) for e in result.errors] == []


def test_only_the_styles_the_document_uses_and_words_built_ins():
    styles = _part("word/styles.xml")
    used = set(re.findall(r'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"/>', _part("word/document.xml")))
    declared = set(re.findall(r'w:styleId="([^"]+)"', styles))
    assert used <= declared
    assert len(re.findall(r'<w:style w:type="table"', styles)) <= 8  # not Word's hundred table styles
    for built_in in ("TOC1", "TOC2", "Hyperlink", "Header", "Footer"):
        assert f'w:styleId="{built_in}"' in styles
    doc = Document(io.BytesIO(sample_docx()))
    assert _style(doc, "toc 1").name == "toc 1"  # Word's own contents style, which "Update table" uses
    link = _style(doc, "Hyperlink")
    assert link.font.underline and link.font.color.rgb is not None  # links look like links


def test_the_theme_names_the_brand_fonts_and_colours():
    theme = _part("word/theme/theme1.xml")
    assert re.search(r'<a:minorFont>\s*<a:latin typeface="Calibri"', theme)
    assert re.search(r'<a:accent1>\s*<a:srgbClr val="1F3864"', theme)
    assert "Cambria" not in re.search(r"<a:minorFont>.*?</a:minorFont>", theme, re.S).group(0)


def test_keep_rules_header_rows_and_no_split_inside_an_entry():
    doc = Document(io.BytesIO(sample_docx()))
    for name in ("List Bullet", "List Number", "Table Text", "Cell Caption", "Cell Topic"):
        assert _style(doc, name).paragraph_format.keep_together, name  # an entry never split
    assert not _style(doc, "Cell Topic").paragraph_format.keep_with_next  # in a cell it would chain rows
    for t in doc.tables:
        first = t.rows[0]._tr.trPr
        if t.style.name in ("SWOT Table", "TOWS Table", "Log Table"):
            assert first.find(qn("w:tblHeader")) is not None and first.find(qn("w:cantSplit")) is not None
    body = _part("word/document.xml")
    assert 'w:val="true"' not in body and 'w:val="false"' not in body
    # no empty leading paragraph in a SWOT cell: its topic, or (a piece that continues a tall topic,
    # report/chapters.py) its entries; and the TOWS captions in their styles
    swot = [t for t in doc.tables if t.style.name == "SWOT Table"]
    pieces = 0
    for t in swot:
        for row in t.rows[1:]:
            for cell in row.cells:
                first = cell.paragraphs[0]
                assert first.style.name == "Cell Topic" or first.style.name in ("List Bullet", "Cell Group") \
                    and first.text.strip()
                pieces += first.style.name != "Cell Topic"
            assert all(not r._tr.trPr.find(qn("w:cantSplit")) is None for r in t.rows)  # no row splits
    assert pieces  # the sample has tall topics
    tows = [t for t in doc.tables if t.style.name == "TOWS Table"]
    captions = [p for t in tows for row in t.rows[1:] if row.cells[0].text.strip()
                for c in row.cells[1:] for p in c.paragraphs[:1]]
    assert captions and {p.style.name for p in captions} == {"Cell Caption"}
    assert {r.style.name for p in captions for r in p.runs[:1]} == {"Cell Label"}
    assert not [r for p in captions for r in p.runs if r.italic is not None or r.underline is not None]


def test_an_empty_paragraph_only_between_adjacent_tables():
    root = etree.fromstring(_part("word/document.xml").encode())
    body = root.find(qn("w:body"))
    kids = list(body)
    for i, el in enumerate(kids[:-2]):
        if el.tag == qn("w:tbl") and kids[i + 1].tag == qn("w:p"):
            p = kids[i + 1]
            empty = not "".join(p.itertext()).strip() and p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None
            if empty:
                assert kids[i + 2].tag == qn("w:tbl"), "an empty paragraph after a table, before no table"


def test_the_document_language_is_the_deliverables_with_its_region():
    styles, settings, core = _part("word/styles.xml"), _part("word/settings.xml"), _part("docProps/core.xml")
    assert re.search(r'<w:rPrDefault>.*?<w:lang w:val="en-GB"', styles, re.S)
    assert '<w:themeFontLang w:val="en-GB"/>' in settings
    assert "<dc:language>en-GB</dc:language>" in core


def test_a_note_in_hebrew_is_set_right_to_left():
    xml = rich((Span("שלום"),), "he").xml
    assert '<w:rtl/><w:lang w:bidi="he-IL"/>' in xml
    content = sample_content()
    ch = content.chapters[0]
    note = replace(ch.step2_notes[0], language="he") if ch.step2_notes else None
    if note is None:
        pytest.fail("the sample's first chapter has no Step 2 note")
    changed = replace(content, chapters=[replace(ch, step2_notes=[note])] + content.chapters[1:])
    body = zipfile.ZipFile(io.BytesIO(render_docx(changed))).read("word/document.xml").decode()
    assert body.count("<w:bidi/>") >= 1 and 'w:bidi="he-IL"' in body


def test_pictures_are_described_and_logos_are_outside_the_headings():
    doc = Document(io.BytesIO(sample_docx()))
    root = doc.element.body
    headings = {f"Heading{n}" for n in (1, 2, 3, 4)}
    for p in root.iter(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val")) in headings:
            assert p.find(f".//{qn('w:drawing')}") is None, "a picture inside a heading"
    logos = [d for d in root.iter(qn("wp:anchor"))]
    content = sample_content()
    assert len(logos) == sum(1 for ch in content.chapters if ch.logo) + sum(1 for a in content.about if a.logo)
    for d in root.iter(qn("wp:docPr")):
        assert d.get("descr"), "a picture without alternative text"
