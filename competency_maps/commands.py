"""What each command does, in the coordinator's words."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import config
from .console import Console
from .errors import Location, ReportError
from .gather import Gathered, check_files, gather
from .labels import QUADRANT_PLURALS
from .outputs import check_output_folder, locked, output_stem, publish, safe_filename
from .schema import COORDINATOR_SHEET, QUADRANTS, build_schema

if TYPE_CHECKING:  # `check` stays light: it needs neither the writers nor the renderers
    from .pdf_process import PdfProcess


def new_workbook(short_name: str, out: Path | None, inputs: Path, console: Console,
                 force: bool = False) -> int:
    from .blank_workbook import write_blank_workbook
    deliverable = config.load(inputs) if (inputs / config.CONFIG_NAME).exists() else config.Deliverable()
    path = out or Path(f"{safe_filename(short_name)}-competency-map.xlsx")
    if path.exists() and not force:  # it may be a partner's returned workbook
        raise ReportError("already exists: nothing was written.", Location(str(path)),
                          "Choose another name with -o, or add --force to replace it.")
    try:
        write_blank_workbook(build_schema(deliverable.topics, deliverable.theme_names), path, short_name)
    except OSError as e:  # a missing folder, or the file open in Excel: the user's to fix, not a bug
        raise ReportError(f"cannot be written ({e.strerror or e}).", Location(str(path)),
                          "Check that the folder exists and that the file is not open in Excel.")
    console.print(f"Wrote {path}: send it to {short_name}.")
    return 0


def check(files: list[Path], inputs: Path, console: Console, annotate: Path | None = None) -> int:
    """`annotate`: a folder for a copy of each workbook with its problems marked (annotate.py)."""
    deliverable, issues = _check_config(inputs, console)
    if deliverable is None:
        return 1
    schema = build_schema(deliverable.topics, deliverable.theme_names)
    results = check_files(files, schema, deliverable.topics)
    shown = _shown_names(files)
    n_err = 0
    for res in results:
        _relocate(res, shown)
        errors, warnings = res.errors, res.warnings
        n_err += len(errors)
        name = res.cluster.name if res.cluster else "?"
        head = "OK" if not errors else f"{len(errors)} error(s)"
        console.print(f"{shown.get(res.path, res.path.name)} ({name}): {head}, {len(warnings)} warning(s)")
        console.issues(errors + warnings + res.infos)
        if res.cluster:
            console.print("  " + _counts(res.cluster))
        _print_coordinator_notes(res, console)
        if annotate is not None:
            _annotated_copy(res, annotate, shown, schema, console)
    console.print("No errors." if not n_err else f"{n_err} error(s): fix them and check again.")
    return 1 if n_err else 0


def _annotated_copy(res, out_dir: Path, shown: dict[Path, str], schema, console: Console) -> None:
    from .annotate import annotate
    stem = res.path.stem if shown.get(res.path, res.path.name) == res.path.name else \
        f"{res.path.parent.name}-{res.path.stem}"  # two files of one name: both copies kept
    try:
        console.print(f"  Annotated copy: {annotate(res.path, res.issues, out_dir, stem, schema)}")
    except ReportError as e:
        console.print(f"  No annotated copy: {e.as_issue()}")


def _print_coordinator_notes(res, console: Console) -> None:
    """What the partner wrote in 'Notes to the coordinator': for the coordinator, never the report."""
    if res.coordinator_notes:
        console.print(f"  {COORDINATOR_SHEET}:")
        for cell, text in res.coordinator_notes:
            console.print(f"    {cell}: " + "\n      ".join(text.splitlines()))


def _check_config(inputs: Path, console: Console) -> tuple[config.Deliverable | None, list]:
    """The deliverable's topics and themes that workbooks are checked against; never silently the
    built-in ones. Its errors stop the check before any workbook is judged."""
    if not (inputs / config.CONFIG_NAME).is_file():
        console.print(f"Note: no {config.CONFIG_NAME} in {inputs}/: the workbooks are checked against "
                      "the standard topics and no synthesis themes. Name the deliverable's folder "
                      "with --inputs DIR to use its own.")
        return config.Deliverable(), []
    deliverable, issues = config.validate(inputs)
    if issues:
        console.print(f"{inputs / config.CONFIG_NAME}:")
        console.issues(issues)
    if deliverable is None:
        console.print(f"Fix {config.CONFIG_NAME} first: the workbooks are checked against its topics.")
    return deliverable, issues


def _shown_names(files: list[Path]) -> dict[Path, str]:
    """How each file is named in messages: its name, or its path as given when names collide."""
    names = [f.name for f in files]
    return {f: str(f) if names.count(f.name) > 1 else f.name for f in files}


def _relocate(res, shown: dict[Path, str]) -> None:
    name = shown.get(res.path, res.path.name)
    if name != res.path.name:
        res.issues[:] = [replace(i, location=replace(i.location, file=name))
                         if i.location.file == res.path.name else i for i in res.issues]


def _counts(cluster) -> str:
    q = ", ".join(f"{QUADRANT_PLURALS[x]} {n}" for x, n in zip(QUADRANTS, cluster.quadrant_counts()))
    return f"SWOT: {q}; TOWS strategies {len(cluster.tows)}; Step 1 paragraphs {len(cluster.step1)}"


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


def build(inputs: Path, output: Path, only: str | None, draft: bool, console: Console,
          pdf_process: PdfProcess | None = None) -> int:
    """`pdf_process`: started by the caller as early as it can (see cli.py), or none."""
    from .assemble import assemble
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
    content = assemble(g, draft=draft)
    stem = output_stem(g.deliverable.number, g.deliverable.title, draft=draft)
    written = render_all(content, output, stem, only, console, pdf_process)
    if draft:
        left = [c.name for c in content.chapters if c.placeholder]
        console.print(f"\nDRAFT: {len(left)} chapter(s) shown as placeholders"
                      + (f" ({', '.join(left)})." if left else "."))
    _report_written(written, started, console)
    return 0


def render_all(content, output: Path, stem: str, only: str | None, console: Console,
               pdf_process: PdfProcess | None = None) -> list[tuple[Path, str]]:
    """Render everything in memory first; only then replace the files, both or neither (see
    outputs.publish). The folder is checked first and locked against a second build meanwhile.
    With a `pdf_process`, the PDF is laid out there while this process waits (its imports and the
    reading of the workbooks happened meanwhile)."""
    check_output_folder(output)
    with locked(output):
        return _render_and_publish(content, output, stem, only, console, pdf_process)


def _render_and_publish(content, output: Path, stem: str, only: str | None, console: Console,
                        pdf_process: PdfProcess | None) -> list[tuple[Path, str]]:
    from .render_docx import render_docx
    rendered: list[tuple[Path, bytes, str]] = []
    # The PDF is laid out even for --only docx: the Word file's TOC takes its page numbers from it.
    if pdf_process is not None:
        pdf_process.start(content)
    console.progress("laying out the PDF")
    if pdf_process is not None:
        pdf = pdf_process.result()
    else:
        from .pdf_process import render_here
        pdf = render_here(content)
    if only in (None, "docx"):
        console.progress("rendering the Word document")
        data = render_docx(content, pdf.anchors, breaks=pdf.page_tops)
        rendered.append((output / f"{stem}.docx", data, f"{len(data) // 1024} KB"))
    if only in (None, "pdf"):
        rendered.append((output / f"{stem}.pdf", pdf.data, f"{pdf.pages} pages"))
    paths = [path for path, _, _ in rendered]
    publish([(path, data) for path, data, _ in rendered], done=lambda: console.published(paths))
    return [(p, size) for p, _, size in rendered]


def _report_written(written: list[tuple[Path, str]], started: float, console: Console) -> None:
    console.print("")
    for p, size in written:
        console.print(f"Wrote {p} ({size})")
    console.print(f"Done in {time.perf_counter() - started:.1f} s.")


def proof(short_name: str, inputs: Path, output: Path, only: str | None, console: Console,
          pdf_process: PdfProcess | None = None) -> int:
    from .assemble import assemble_proof
    started = time.perf_counter()
    g = gather(inputs)
    if not g.configured:
        console.issues(g.issues)
        return 1
    content = assemble_proof(g, short_name)
    if content is None:
        names = ", ".join(p.cluster.name for p in g.partners if p.cluster) or "none"
        console.print(f"No readable workbook for '{short_name}' in {inputs}/ (clusters found: {names}).")
        return 1
    status = next(p for p in g.partners if p.cluster is not None and p.cluster.name == content.chapters[0].name)
    if status.issues:
        console.issues(status.issues)
    if status.errors:
        console.print(f"{len(status.errors)} error(s) in {status.file.name}: fix them first.")
        return 1
    stem = output_stem(g.deliverable.number, g.deliverable.title, proof_of=content.chapters[0].name)
    written = render_all(content, output, stem, only, console, pdf_process)
    _report_written(written, started, console)
    return 0
