"""The sample report (and one cluster's proof), built once per test run (shared by xdist's workers,
tests/once.py), and text extraction from DOCX and PDF."""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from competency_maps.report.assemble import assemble, assemble_proof
from competency_maps.report.view import ReportContent
from competency_maps.render.docx.template import REFERENCE
from competency_maps.inputs.gather import Gathered, gather
from competency_maps.render.docx.paginate import render_docx_paginated
from competency_maps.render.pdf.render import RenderedPdf, render_pdf
from once import once

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "inputs"


@functools.lru_cache(maxsize=None)
def sample_gathered() -> Gathered:
    return gather(INPUTS)


@functools.lru_cache(maxsize=None)
def sample_content() -> ReportContent:
    return assemble(sample_gathered())


@functools.lru_cache(maxsize=None)
def sample_docx() -> bytes:
    return once("sample docx", lambda: sample_docx_from(REFERENCE))


def sample_docx_pdf_numbers() -> bytes:
    """The sample's Word file as a build under the tests writes it: its contents list numbered from
    the PDF's pages (COMPETENCY_MAPS_TOC_PAGES=pdf, tests/conftest.py)."""
    return once("sample docx, the PDF's page numbers",
                lambda: render_docx_paginated(sample_content(), sample_pdf().anchors, use_libreoffice=False))


def sample_docx_from(reference: Path) -> bytes:
    """The sample's Word file made from another reference document (a restyled one), its contents
    numbers from LibreOffice's layout when it is installed (as a build makes it)."""
    return render_docx_paginated(sample_content(), sample_pdf().anchors, reference=reference)


@functools.lru_cache(maxsize=None)
def sample_pdf() -> RenderedPdf:
    return once("sample pdf", lambda: render_pdf(sample_content()))


def squash(s: str) -> str:
    """Text without any white space: extraction breaks lines anywhere ("new/|improve"), so entries
    are compared by their characters, independent of where the layout wrapped them."""
    return re.sub(r"\s+", "", s)


def docx_paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph, body and table cells alike, in document order."""
    import io
    doc = Document(io.BytesIO(data))
    styles = {s.style_id: s.name for s in doc.styles}
    out = []
    for p in doc.element.body.iter(qn("w:p")):
        parts = []
        for el in p.iter():
            if el.tag == qn("w:t"):
                parts.append(el.text or "")
            elif el.tag == qn("w:br"):
                parts.append("\n")
            elif el.tag == qn("w:tab"):
                parts.append("\t")
        ppr = p.find(qn("w:pPr"))
        sid = ppr.find(qn("w:pStyle")).get(qn("w:val")) if ppr is not None and ppr.find(qn("w:pStyle")) is not None else ""
        out.append((styles.get(sid, sid), "".join(parts)))
    return out


def docx_text(data: bytes) -> str:
    return "\n".join(t for _, t in docx_paragraphs(data))


def pdf_text(path_or_bytes, tool: str, tmp: Path | None = None) -> str:
    """Text in content order (pdftotext -raw), so table cells do not interleave."""
    if isinstance(path_or_bytes, bytes):
        assert tmp is not None
        path = tmp / "report.pdf"
        path.write_bytes(path_or_bytes)
    else:
        path = path_or_bytes
    text = subprocess.run([tool, "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    # page furniture and list markers are drawn between the two halves of a paragraph split by a page
    furniture = re.compile(r"^(•|\d+\.|Page \d+ of \d+|RECIPE4Mobility · .*)$")
    text = "\n".join(l for l in text.splitlines() if not furniture.match(l.strip()))
    return re.sub(r"(?<=\w)-\n(?=\w)", "-", text)  # a line broken after a hyphen ("go-|cluster")


def model_texts(g: Gathered) -> list[tuple[str, str]]:
    """(where, text) for every paragraph and entry of every cluster in the model."""
    out = []
    for c in g.clusters:
        for b in c.step1:
            out.append((f"{c.name} step 1", b.plain))
        for e in c.swot:
            out.append((f"{c.name} SWOT row {e.row}", e.plain))
        for e in c.tows:
            out.append((f"{c.name} TOWS row {e.row}", e.plain))
        for n in c.step2_notes:
            out.append((f"{c.name} step 2 note", n.label))
            out += [(f"{c.name} step 2 note {n.label}", b.plain) for b in n.blocks]
        out.append((f"{c.name} about", "".join(s.text for s in c.profile.about)))
    d = g.deliverable
    for name, blocks in vars(d.texts).items():
        for b in blocks:
            out.append((f"deliverable {name}", b.plain))
    return out


@functools.lru_cache(maxsize=None)
def proof_content(name: str = "Mobinov") -> ReportContent:
    """One sample cluster's chapter alone, as `build.py proof` makes it: a real report of a few
    pages, for tests of how a PDF is made that need not lay out all 40 pages of the sample."""
    content = assemble_proof(sample_gathered(), name)
    assert content is not None, name
    return content


@functools.lru_cache(maxsize=None)
def proof_pdf(name: str = "Mobinov") -> RenderedPdf:
    return once(f"proof pdf {name}", lambda: render_pdf(proof_content(name)))


def run_cli(*argv):
    """The command line as a coordinator runs it (cli.main, in this process): a `recording.Run`, which
    unpacks as (exit code, what it printed) and keeps the codes of the issues and lines shown."""
    from recording import run
    return run(*argv)


def copy_deliverable(folder: Path) -> Path:
    """The shipped deliverable.toml and the files it names (Markdown texts, logo), no workbooks."""
    import shutil
    folder.mkdir(parents=True, exist_ok=True)
    for f in [INPUTS / "deliverable.toml", *INPUTS.glob("*.md"), *INPUTS.glob("*.svg")]:
        shutil.copy(f, folder)
    return folder
