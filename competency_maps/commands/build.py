"""`build.py` with no command: read every workbook, check it, and build the report."""

from __future__ import annotations

import time
from pathlib import Path

from competency_maps.analysis.decisions import review_file_name, stale_issues
from competency_maps.commands.history import since_last_build
from competency_maps.commands.rendering import render_all, report_written
from competency_maps.console import Console
from competency_maps.inputs import config
from competency_maps.inputs.gather import Gathered, gather
from competency_maps.model.schema import QUADRANTS
from competency_maps.publish.names import output_stem
from competency_maps.render.pdf.process import PdfProcess
from competency_maps.report.assemble import assemble
from competency_maps.xlsx.review import summary


STATUS_HEADER = ["Cluster", "Workbook", "Status", "Errors", "Warnings", "S", "W", "O", "T",
                 "per topic", "TOWS"]


def status_rows(g: Gathered) -> list[list[str]]:
    rows = []
    for p in g.partners:
        c = p.cluster
        per_q = [str(n) for n in c.quadrant_counts()] if c else [""] * len(QUADRANTS)
        per_t = "/".join(str(sum(1 for e in c.swot if e.topic == t)) for t in g.deliverable.topics) if c else ""
        rows.append([p.name, p.file.name if p.file else "—",
                     "returned" if p.file else "MISSING", str(len(p.errors)), str(len(p.warnings)),
                     *per_q, per_t, str(len(c.tows)) if c else ""])
    return rows


def print_status(g: Gathered, console: Console) -> None:
    console.table(STATUS_HEADER, status_rows(g))


def build(inputs: Path, output: Path, *, console: Console, only: str | None = None, draft: bool = False,
          pdf_process: PdfProcess | None = None, log: str | None = None) -> int:
    """`pdf_process`: started by the caller as early as it can (see cli.py), or none. `log`: the
    text of a new version log row (with the changes since the last build), written with the report."""
    started = time.perf_counter()
    console.progress(f"reading {inputs}/")
    g = gather(inputs)
    if g.all_issues:
        console.print("Problems found:")
        console.issues(g.issues)
        for p in g.partners:
            console.issues(p.issues)
        console.print()
    if not g.configured:
        why = (f"with errors in {config.CONFIG_NAME} or the files it names"
               if (inputs / config.CONFIG_NAME).exists() else f"without {config.CONFIG_NAME}")
        console.print(f"The build cannot go on {why}, not even as a draft: nothing was written; "
                      f"the files in {output}/ are unchanged.")
        return 1
    print_status(g, console)
    if g.errors and not draft:
        console.print(f"\n{len(g.errors)} error(s): nothing was written; the files in {output}/ "
                      "are unchanged. Fix the workbooks, or use --draft to build a marked draft.")
        return 1
    also = since_last_build(g, inputs, output, draft=draft, log=log, console=console)
    content = assemble(g, draft=draft)
    stem = output_stem(g.deliverable.number, g.deliverable.title, draft=draft)
    written = render_all(content, output, stem, console=console, only=only, pdf_process=pdf_process,
                         also=also)
    if content.synthesis is not None:
        _print_review(content.synthesis, g.review, output / review_file_name(stem), draft=draft,
                      console=console)
    if draft:
        left = [c.name for c in content.chapters if c.placeholder]
        console.print(f"\nDRAFT: {len(left)} chapter(s) shown as placeholders"
                      + (f" ({', '.join(left)})." if left else "."))
    report_written(written, started, console)
    return 0


def _print_review(syn, review, path: Path, *, draft: bool, console: Console) -> None:
    """What the coordinator needs to know about the synthesis review: how to do it, what is new."""
    stale = stale_issues(syn.decisions, review, path.name)
    lines = summary(syn.decisions, review, str(path), draft=draft)
    if stale or lines:
        console.print()
        console.issues(stale)
        for line in lines:
            console.print(line)
