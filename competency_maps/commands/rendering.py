"""The report rendered in memory, then published: shared by `build` and `proof`."""

from __future__ import annotations

import os
import time
from pathlib import Path

from competency_maps.analysis.decisions import capped_issue, review_file_name
from competency_maps.console import Console
from competency_maps.messages import Phrase
from competency_maps.publish.files import publish
from competency_maps.publish.folder import check_output_folder, locked
from competency_maps.render.docx import paginate
from competency_maps.render.docx import render as docx_render
from competency_maps.render.pdf import process as pdf_layout
from competency_maps.render.pdf.process import PdfProcess
from competency_maps.report.content import ReportContent
from competency_maps.xlsx.review import review_workbook


def render_all(content: ReportContent, output: Path, stem: str, *, console: Console,
               only: str | None = None, pdf_process: PdfProcess | None = None,
               also: list[tuple[Path, bytes, Phrase]] = ()) -> list[tuple[Path, Phrase]]:
    """Render everything in memory first; only then replace the files, both or neither (see
    publish.files). The folder is checked first and locked against a second build meanwhile.
    With a `pdf_process`, the PDF is laid out there while this process waits (its imports and the
    reading of the workbooks happened meanwhile)."""
    check_output_folder(output)
    with locked(output):
        return _render_and_publish(content, output, stem, console=console, only=only,
                                   pdf_process=pdf_process, also=also)


def _render_and_publish(content: ReportContent, output: Path, stem: str, *, console: Console,
                        only: str | None, pdf_process: PdfProcess | None,
                        also: list[tuple[Path, bytes, Phrase]]) -> list[tuple[Path, Phrase]]:
    """`also`: files published with the report, or not at all (the snapshot, the toml's new log row)."""
    rendered: list[tuple[Path, bytes, Phrase]] = []
    # The PDF is laid out even for --only docx: the Word file's TOC takes its page numbers from it.
    if pdf_process is not None:
        pdf_process.start(content)
    template = None
    if only in (None, "docx") and pdf_process is not None:
        template = docx_render.prepare(content)  # meanwhile the other process lays out the PDF
    console.progress("console.progress.pdf")
    if pdf_process is not None:
        pdf = pdf_process.result()
    else:
        pdf = pdf_layout.render_here(content)
    if only in (None, "docx"):
        console.progress("console.progress.docx")
        data = paginate.render_docx_paginated(
            content, pdf.anchors, template=template,
            use_libreoffice=os.environ.get(paginate.ENV_TOC_PAGES, "libreoffice") != "pdf")
        rendered.append((output / f"{stem}.docx", data, Phrase("console.count.kb", {"count": len(data) // 1024})))
    if only in (None, "pdf"):
        rendered.append((output / f"{stem}.pdf", pdf.data, Phrase("console.count.pages", {"count": pdf.pages})))
    if content.synthesis is not None:  # published with the report or not at all, never half-written
        syn = content.synthesis
        capped = capped_issue(syn.analysis, review_file_name(stem))
        data = review_workbook(syn.decisions, marked=syn.reviewed, when=content.properties.date, capped=capped)
        found = Phrase("console.count.findings", {"count": len(syn.analysis.candidates)})
        rendered.append((output / review_file_name(stem), data, found))
    rendered.extend(also)
    paths = [path for path, _, _ in rendered]
    publish([(path, data) for path, data, _ in rendered], done=lambda: console.published(paths))
    return [(p, size) for p, _, size in rendered]


def report_written(written: list[tuple[Path, Phrase]], started: float, console: Console) -> None:
    console.blank()
    for p, size in written:
        console.say("console.wrote.sized", file=str(p), size=size)
    console.say("console.done", seconds=f"{time.perf_counter() - started:.1f}")
