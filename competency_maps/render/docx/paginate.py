"""The contents list's page numbers, as LibreOffice lays the Word file out.

A Word file has no pages until an application lays it out, but its TOC field stores the page
numbers shown until someone updates it (Word shows them as stored, without a prompt; "Update
table" or F9 recomputes them). The build writes them from a layout: when LibreOffice is installed,
its own (the Word file is filled once, LibreOffice prints it to PDF, each heading is found on its
page with poppler's pdftotext, and the file is filled a second time with those numbers; the
numbers' widths change no line, so the layout holds); without LibreOffice, the PDF's pages, which come close but
may differ by a page where the two layouts differ.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from competency_maps.report.view import ReportContent
from competency_maps.render.docx import render
from competency_maps.render.docx.template import REFERENCE

TIMEOUT = 180  # seconds: LibreOffice's first start makes its profile
ENV_TOC_PAGES = "COMPETENCY_MAPS_TOC_PAGES"  # "pdf": the PDF's page numbers, LibreOffice not run


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_pages(docx: bytes, toc: list) -> dict[str, int] | None:
    """The page LibreOffice prints each heading on ({anchor: page}), or None without LibreOffice and
    poppler's pdftotext, or when either fails (the build then keeps the numbers it has). Each
    heading is looked for, in order, on the pages after the contents list."""
    soffice, pdftotext = libreoffice(), shutil.which("pdftotext")
    if soffice is None or pdftotext is None or not toc or not zipfile.is_zipfile(io.BytesIO(docx)):
        return None
    with tempfile.TemporaryDirectory(prefix="competency-maps-") as tmp:
        work = Path(tmp)
        (work / "report.docx").write_bytes(docx)
        cmd = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(work / "out"), str(work / "report.docx")]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=False)
            text = subprocess.run([pdftotext, "-enc", "UTF-8", str(work / "out" / "report.pdf"), "-"],
                                  capture_output=True, text=True, timeout=TIMEOUT, check=True).stdout
        except (OSError, subprocess.SubprocessError):
            return None
    pages = [" ".join(p.split()) for p in text.split("\f")]
    first = " ".join(toc[0].text.split())
    at = next((i for i, p in enumerate(pages) if first in p), None)  # the contents list
    if at is None:
        return None
    found: dict[str, int] = {}
    for e in toc:
        wanted = " ".join(e.text.split())
        at = next((i for i in range(at + 1 if not found else at, len(pages)) if wanted in pages[i]), None)
        if at is None:
            return None
        found[e.anchor] = at + 1
    return found


def render_docx_paginated(content: ReportContent, pages: dict[str, int] | None = None, *,
                          reference: Path = REFERENCE, template: bytes | None = None,
                          use_libreoffice: bool = True) -> bytes:
    """The Word file whose TOC shows LibreOffice's page numbers when it is installed (and
    `use_libreoffice`), else `pages` (the PDF's)."""
    first = render.render_docx(content, pages, reference=reference, template=template)
    if not use_libreoffice:
        return first
    laid_out = libreoffice_pages(first, content.toc)
    if laid_out is None or laid_out == {e.anchor: (pages or {}).get(e.anchor) for e in content.toc}:
        return first
    return render.render_docx(content, laid_out, reference=reference, template=template)
