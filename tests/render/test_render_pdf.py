"""The circulated PDF: complete, navigable, tagged, fonts embedded, reproducible, fetches nothing."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace

import pytest
from pypdf import PdfReader

from competency_maps.report.content import build_content, chapter
from competency_maps.model.cluster import SwotEntry
from competency_maps.render.pdf.render import TEMPLATES, TEMPLATES_URL, LocalOnlyFetcher, render_html, render_pdf
from competency_maps.model.richtext import Span
from reports import (docx_text, model_texts, pdf_text, proof_content, proof_pdf, sample_docx,
                    sample_gathered, sample_pdf, squash)

pytestmark = pytest.mark.slow  # builds reports or drives a real client


@pytest.fixture(scope="module")
def text(tmp_path_factory):
    from conftest import require_tool
    return pdf_text(sample_pdf().data, require_tool("pdftotext"), tmp_path_factory.mktemp("pdf"))


def test_every_entry_and_paragraph_of_the_model_is_in_the_pdf(text):
    flat = squash(text)
    missing = [(where, t) for where, t in model_texts(sample_gathered()) if squash(t) not in flat]
    assert not missing, missing[:5]


def test_docx_and_pdf_hold_the_same_entries(text):
    d, p = squash(docx_text(sample_docx())), squash(text)
    texts = [t for _, t in model_texts(sample_gathered())]
    assert [t for t in texts if squash(t) in d] == [t for t in texts if squash(t) in p]


def test_bookmarks_for_every_chapter_and_step():
    reader = PdfReader(io.BytesIO(sample_pdf().data))
    titles = []

    def walk(items, depth=0):
        for it in items:
            if isinstance(it, list):
                walk(it, depth + 1)
            else:
                titles.append((depth, it.title))
    walk(reader.outline)
    for c in sample_gathered().clusters:
        assert (0, f"{c.name} competency map") in titles
    assert sum(1 for d, t in titles if d == 1 and t.startswith("Step 2")) == len(sample_gathered().clusters)


def test_metadata_language_and_tags():
    reader = PdfReader(io.BytesIO(sample_pdf().data))
    meta = reader.metadata
    assert meta.title == "D2.1 Clusters competency maps"
    assert meta.author == "Mov'eo"
    assert "SMEs" in (meta.get("/Keywords") or "")
    root = reader.trailer["/Root"]
    assert root.get("/Lang") == "en"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]


def test_all_fonts_are_embedded(require_tool):
    pdffonts = require_tool("pdffonts")
    out = subprocess.run([pdffonts, "-"], input=sample_pdf().data, capture_output=True).stdout.decode()
    rows = [l for l in out.splitlines()[2:] if l.strip()]
    assert rows
    for row in rows:
        cols = row.split()
        assert cols[-5] == "yes", row  # the "emb" column


def test_toc_has_dot_leaders_page_numbers_and_links(tmp_path, require_tool):
    path = tmp_path / "r.pdf"
    path.write_bytes(sample_pdf().data)
    layout = subprocess.run([require_tool("pdftotext"), "-layout", str(path), "-"], capture_output=True,
                            text=True).stdout
    for c in sample_gathered().clusters:
        line = next(l for l in layout.splitlines() if l.startswith(f"{c.name} competency map ..."))
        assert line.rstrip().split()[-1].strip(".").isdigit(), line
    reader = PdfReader(io.BytesIO(sample_pdf().data))
    toc_page = next(p for p in reader.pages if "Table of contents" in p.extract_text())
    links = [a for a in toc_page.get("/Annots", []) if a.get_object()["/Subtype"] == "/Link"]
    assert len(links) >= len(sample_gathered().clusters)


def test_partner_text_is_escaped_and_nothing_is_fetched(sample_cluster, tmp_path, require_tool):
    d = sample_gathered().deliverable
    hostile = ['<img src="file:///etc/passwd">', '<a rel="attachment" href="file:///etc/hosts">x</a>',
               "<script>alert(1)</script>", "{{ 7*7 }}", "{% raw %}", "a & b < c"]
    cluster = replace(sample_cluster, swot=sample_cluster.swot + [
        SwotEntry(d.topics[0], "Threat", "", (Span(h),)) for h in hostile])
    content = build_content(d, [chapter(cluster, d)], [cluster])
    html = render_html(content)
    assert "<script>" not in html and "&lt;script&gt;" in html
    pdf = render_pdf(content)
    assert b"/EmbeddedFile" not in pdf.data
    flat = squash(pdf_text(pdf.data, require_tool("pdftotext"), tmp_path))
    for h in hostile:
        assert squash(h) in flat, h


def test_fetcher_refuses_anything_outside_templates(tmp_path):
    f = LocalOnlyFetcher(TEMPLATES)
    for url in ("file:///etc/passwd", "https://example.org/x.png", TEMPLATES_URL + "../../etc/passwd",
                TEMPLATES_URL + "%2e%2e/README.md", (TEMPLATES / "report.css").as_uri(), "data:text/plain,hi"):
        with pytest.raises(ValueError):
            f.fetch(url)
    assert len(f.refused) == 6
    ok = f.fetch(TEMPLATES_URL + "report.css")
    assert b"@page" in ok.read()


def test_the_pdf_does_not_depend_on_where_the_templates_are(tmp_path):
    moved = tmp_path / "elsewhere" / "templates"
    shutil.copytree(TEMPLATES, moved)
    assert render_pdf(proof_content(), moved).data == proof_pdf().data




def test_web_addresses_are_links_in_the_pdf():
    import io as _io

    from pypdf import PdfReader
    reader = PdfReader(_io.BytesIO(sample_pdf().data))
    uris = {a.get_object()["/A"].get("/URI") for p in reader.pages for a in p.get("/Annots", [])
            if a.get_object().get("/A", {}).get("/S") == "/URI"}
    assert {"https://recipe4mobility.eu/", "https://www.linkedin.com/showcase/recipe4mobility/",
            "mailto:mathilde.petit@pole-moveo.org"} <= uris
    assert not [u for u in uris if not u.startswith(("https://", "http://", "mailto:"))]


def test_table_header_cells_carry_their_scope_in_the_tags():
    """PDF/UA: a header names a column ("Opportunities") or a row ("Strengths")."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    from parity import tag_name as name

    scopes: dict[str, list[str]] = {"THead": [], "TBody": []}

    def walk(el, section):
        el = resolve1(el)
        if isinstance(el, list):
            for kid in el:
                walk(kid, section)
        elif isinstance(el, dict):
            kind = name(el.get("S"))
            if kind == "TH":
                scopes[section].append(name(resolve1(el.get("A", {})).get("Scope")))
            walk(el.get("K", []), kind if kind in scopes else section)

    doc = PDFDocument(PDFParser(io.BytesIO(sample_pdf().data)))
    walk(resolve1(doc.catalog["StructTreeRoot"]).get("K"), "TBody")
    assert scopes["THead"] and set(scopes["THead"]) == {"Column"}
    assert scopes["TBody"] and set(scopes["TBody"]) == {"Row"}  # Strengths, Weaknesses, info labels
