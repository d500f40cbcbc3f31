"""`build.py` with no command: read every workbook, check it, and build the report."""

from __future__ import annotations

import time
from pathlib import Path

from competency_maps.analysis.decisions import capped_issue, review_file_name, stale_issues
from competency_maps.commands.history import since_last_build
from competency_maps.commands.rendering import render_all, report_written
from competency_maps import i18n
from competency_maps.console import Console
from competency_maps.i18n import pN_
from competency_maps.inputs import config
from competency_maps.inputs.gather import Gathered, gather
from competency_maps.model.schema import QUADRANTS
from competency_maps.publish.names import output_stem
from competency_maps.render.pdf.process import PdfProcess
from competency_maps.report.assemble import assemble
from competency_maps.xlsx.review import summary


# The status table's words, translated into the console's language (pgettext "status")
STATUS_HEADER = [pN_("status", "Cluster"), pN_("status", "Workbook"), pN_("status", "Status"),
                 pN_("status", "Errors"), pN_("status", "Warnings"), pN_("status", "S"), pN_("status", "W"),
                 pN_("status", "O"), pN_("status", "T"), pN_("status", "per topic"), pN_("status", "TOWS")]
RETURNED, MISSING = pN_("status", "returned"), pN_("status", "MISSING")


def status_rows(g: Gathered, language: str = i18n.DEFAULT) -> list[list[str]]:
    tr = i18n.translator(language)
    rows = []
    for p in g.partners:
        c = p.cluster
        per_q = [str(n) for n in c.quadrant_counts()] if c else [""] * len(QUADRANTS)
        per_t = "/".join(str(sum(1 for e in c.swot if e.topic == t)) for t in g.deliverable.topics) if c else ""
        rows.append([p.name, p.file.name if p.file else "—",
                     tr.pgettext("status", RETURNED if p.file else MISSING), str(len(p.errors)), str(len(p.warnings)),
                     *per_q, per_t, str(len(c.tows)) if c else ""])
    return rows


def print_status(g: Gathered, console: Console) -> None:
    """The table, without the columns of a step the deliverable switched off ([chapter])."""
    tr = i18n.translator(console.language)
    on = g.deliverable.chapter
    step_of = {"S": on.swot, "W": on.swot, "O": on.swot, "T": on.swot, "per topic": on.swot, "TOWS": on.tows}
    shown = [step_of.get(h, True) for h in STATUS_HEADER]
    header = [tr.pgettext("status", h) for h, keep in zip(STATUS_HEADER, shown) if keep]
    rows = [[v for v, keep in zip(row, shown) if keep] for row in status_rows(g, console.language)]
    console.table(header, rows)


def build(inputs: Path, output: Path, *, console: Console, only: str | None = None, draft: bool = False,
          pdf_process: PdfProcess | None = None, log: str | None = None) -> int:
    """`pdf_process`: started by the caller as early as it can (see cli.py), or none. `log`: the
    text of a new version log row (with the changes since the last build), written with the report."""
    started = time.perf_counter()
    console.progress("console.progress.reading", folder=str(inputs))
    g = gather(inputs)
    if g.all_issues:
        console.say("console.problems")
        console.issues(g.issues)
        for p in g.partners:
            console.issues(p.issues)
        console.blank()
    if not g.configured:
        why = "console.build.config_errors" if (inputs / config.CONFIG_NAME).exists() else "console.build.no_config"
        console.say(why, config=config.CONFIG_NAME, folder=str(output))
        return 1
    print_status(g, console)
    if g.errors and not draft:
        console.blank()
        console.say("console.build.errors", count=len(g.errors), folder=str(output))
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
        console.blank()
        if left:
            console.say("console.build.draft", count=len(left), names=left)
        else:
            console.say("console.build.draft.complete")
    report_written(written, started, console)
    return 0


def _print_review(syn, review, path: Path, *, draft: bool, console: Console) -> None:
    """What the coordinator needs to know about the synthesis review: how to do it, what is new."""
    stale = stale_issues(syn.decisions, review, path.name)
    capped = capped_issue(syn.analysis, path.name)  # the synthesis proposes only some pairings
    stale += [capped] if capped else []
    lines = summary(syn.decisions, review, str(path), draft=draft)
    if stale or lines:
        console.blank()
        console.issues(stale)
        for line in lines:
            console.say(line.code, indent=1 if line.code == "console.review.new.item" else 0, **line.params)
