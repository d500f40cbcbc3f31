"""The Word report: complete, structured like a hand-made document, reproducible, opens in LibreOffice."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

from docx import Document
from docxtpl import DocxTemplate

from competency_maps.content import build_content, chapter
from competency_maps.render_docx import TEMPLATE, jinja_env, render_docx
from reports import (docx_paragraphs, docx_text, model_texts, sample_content, sample_docx,
                     sample_gathered, squash)


def test_every_entry_and_paragraph_of_the_model_is_in_the_docx():
    text = squash(docx_text(sample_docx()))
    missing = [(where, t) for where, t in model_texts(sample_gathered()) if squash(t) not in text]
    assert not missing, missing[:5]


def test_a_heading_1_per_cluster_chapter_and_heading_2_per_step():
    paras = docx_paragraphs(sample_docx())
    h1 = [t for s, t in paras if s == "Heading 1"]
    names = [c.name for c in sample_gathered().clusters]
    assert h1[:len(names)] == [f"{n} competency map" for n in names]
    assert "Conclusions" in h1 and any(t.startswith("About the") for t in h1)
    h2 = [t for s, t in paras if s == "Heading 2"]
    assert sum(t.startswith("Step ") for t in h2) == 3 * len(names)


def test_toc_field_and_update_fields_are_present():
    with zipfile.ZipFile(io.BytesIO(sample_docx())) as z:
        document = z.read("word/document.xml").decode()
        settings = z.read("word/settings.xml").decode()
    assert 'TOC \\o "1-2"' in document
    assert "w:updateFields" in settings


def test_bullets_use_word_list_styles_and_numbered_items_are_numbered():
    paras = docx_paragraphs(sample_docx())
    bullets = [t for s, t in paras if s == "List Bullet"]
    assert "Triple Helix focused" in bullets
    numbered = [t for s, t in paras if s == "Numbered Item"]
    assert numbered and numbered[0].startswith("1.\t")


def test_bold_from_the_workbook_is_bold_in_word():
    doc = Document(io.BytesIO(sample_docx()))
    bold = {r.text for p in doc.paragraphs for r in p.runs if r.bold}
    assert "Business Accelerator by Mov'eo" in bold  # RAI's Step 1, bold in the workbook


def test_same_inputs_give_the_same_bytes():
    assert render_docx(sample_content()) == sample_docx()


def test_markup_and_template_syntax_in_partner_text_stay_literal(sample_cluster):
    from dataclasses import replace
    from competency_maps.model import SwotEntry
    from competency_maps.richtext import Span
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
    tpl = DocxTemplate(str(TEMPLATE))
    assert tpl.get_undeclared_template_variables(jinja_env()) == {"r"}


def test_template_is_up_to_date_with_its_generator(tmp_path, monkeypatch):
    import importlib.util
    spec = importlib.util.spec_from_file_location("gen", TEMPLATE.parent / "make_docx_template.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    monkeypatch.setattr(gen, "OUT", tmp_path / "report.docx")
    gen.make()
    with zipfile.ZipFile(TEMPLATE) as a, zipfile.ZipFile(tmp_path / "report.docx") as b:
        assert a.read("word/document.xml") == b.read("word/document.xml"), \
            "templates/report.docx is stale: run python templates/make_docx_template.py"
        assert a.read("word/styles.xml") == b.read("word/styles.xml")


def test_libreoffice_converts_the_docx_to_pdf(tmp_path, require_tool):
    soffice = require_tool("soffice", "libreoffice")
    src = tmp_path / "report.docx"
    src.write_bytes(sample_docx())
    proc = subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                           "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                          capture_output=True, text=True, timeout=300)
    out = tmp_path / "report.pdf"
    assert proc.returncode == 0 and out.exists(), proc.stderr
    assert out.stat().st_size > 50_000
    pdftotext = require_tool("pdftotext")
    text = subprocess.run([pdftotext, str(out), "-"], capture_output=True, text=True).stdout
    assert "Zone Cluster competency map" in text


def test_the_eu_flag_is_on_the_cover_and_back_page_as_in_the_pdf():
    emblem = (TEMPLATE.parent / "eu-emblem.png").read_bytes()
    with zipfile.ZipFile(io.BytesIO(sample_docx())) as z:
        media = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
        body = z.read("word/document.xml").decode("utf-8")
    assert emblem in media
    funding = [m.start() for m in re.finditer("Co-funded by the COSME", body)]
    assert len(funding) == 2  # cover and back page, each with the flag just before the words
    assert all("<w:drawing>" in body[f - 3000:f] for f in funding)
