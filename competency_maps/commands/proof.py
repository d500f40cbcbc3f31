"""`build.py proof NAME`: one cluster's chapter alone, for the partner to proofread."""

from __future__ import annotations

import time
from pathlib import Path

from competency_maps.commands.rendering import render_all, report_written
from competency_maps.console import Console
from competency_maps.inputs.gather import gather
from competency_maps.publish.names import output_stem
from competency_maps.render.pdf.process import PdfProcess
from competency_maps.report.assemble import assemble_proof


def proof(short_name: str, inputs: Path, output: Path, *, console: Console, only: str | None = None,
          pdf_process: PdfProcess | None = None) -> int:
    started = time.perf_counter()
    g = gather(inputs)
    if not g.configured:
        console.issues(g.issues)
        return 1
    content = assemble_proof(g, short_name)
    if content is None:
        names = [p.cluster.name for p in g.partners if p.cluster]
        if names:
            console.say("console.proof.unknown", cluster=short_name, folder=str(inputs), names=names)
        else:
            console.say("console.proof.none", folder=str(inputs))
        return 1
    status = next(p for p in g.partners if p.cluster is not None and p.cluster.name == content.chapters[0].name)
    if status.issues:
        console.issues(status.issues)
    if status.errors:
        console.say("console.proof.errors", count=len(status.errors), file=status.file.name)
        return 1
    stem = output_stem(g.deliverable.number, g.deliverable.title, proof_of=content.chapters[0].name)
    written = render_all(content, output, stem, console=console, only=only, pdf_process=pdf_process)
    report_written(written, started, console)
    return 0
