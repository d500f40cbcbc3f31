"""What each command does, in the coordinator's words."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from competency_maps.inputs import config
from competency_maps.console import Console
from competency_maps.errors import Location, ReportError
from competency_maps.inputs.gather import Gathered, check_files, gather
from competency_maps.labels import QUADRANT_PLURALS
from competency_maps.publish import check_output_folder, locked, output_stem, publish, safe_filename
from competency_maps.analysis.decisions import review_file_name
from competency_maps.model.schema import COORDINATOR_SHEET, QUADRANTS, build_schema

if TYPE_CHECKING:  # `check` stays light: it needs neither the writers nor the renderers
    from competency_maps.render.pdf.process import PdfProcess


def new_workbook(short_name: str | None, out: Path | None, inputs: Path, console: Console,
                 force: bool = False, source: Path | None = None, every: bool = False) -> int:
    """`source`: last round's workbooks or export, to pre-fill from (`every`: one per cluster)."""
    from competency_maps.xlsx.blank import write_blank_workbook
    deliverable = config.load(inputs) if (inputs / config.CONFIG_NAME).exists() else config.Deliverable()
    if source is not None:
        return prefilled_workbooks(short_name, source, out, deliverable, console, force, every)
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
    logos = _check_logos(inputs, [res.cluster for res in results if res.cluster], console)
    n_err += logos
    console.print("No errors." if not n_err else f"{n_err} error(s): fix them and check again.")
    return 1 if n_err else 0


def _check_logos(inputs: Path, clusters: list, console: Console) -> int:
    """The logos in inputs/logos/ of the clusters checked (logos.py); the number of errors."""
    from competency_maps.inputs.logos import attach_logos
    issues = [i for i in attach_logos(inputs, clusters) if i.is_error] if inputs.is_dir() else []
    console.issues(issues)
    return len(issues)


def _annotated_copy(res, out_dir: Path, shown: dict[Path, str], schema, console: Console) -> None:
    from competency_maps.xlsx.annotate import annotate
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
          pdf_process: PdfProcess | None = None, log: str | None = None) -> int:
    """`pdf_process`: started by the caller as early as it can (see cli.py), or none. `log`: the
    text of a new version log row (with the changes since the last build), written with the report."""
    from competency_maps.report.assemble import assemble
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
    also = since_last_build(g, inputs, output, draft, log, console)
    content = assemble(g, draft=draft)
    stem = output_stem(g.deliverable.number, g.deliverable.title, draft=draft)
    written = render_all(content, output, stem, only, console, pdf_process, also)
    if content.synthesis is not None:
        _print_review(content.synthesis, g.review, output / review_file_name(stem), draft, console)
    if draft:
        left = [c.name for c in content.chapters if c.placeholder]
        console.print(f"\nDRAFT: {len(left)} chapter(s) shown as placeholders"
                      + (f" ({', '.join(left)})." if left else "."))
    _report_written(written, started, console)
    return 0


def render_all(content, output: Path, stem: str, only: str | None, console: Console,
               pdf_process: PdfProcess | None = None, also: list[tuple[Path, bytes, str]] = ()
               ) -> list[tuple[Path, str]]:
    """Render everything in memory first; only then replace the files, both or neither (see
    outputs.publish). The folder is checked first and locked against a second build meanwhile.
    With a `pdf_process`, the PDF is laid out there while this process waits (its imports and the
    reading of the workbooks happened meanwhile)."""
    check_output_folder(output)
    with locked(output):
        return _render_and_publish(content, output, stem, only, console, pdf_process, also)


def _render_and_publish(content, output: Path, stem: str, only: str | None, console: Console,
                        pdf_process: PdfProcess | None, also: list[tuple[Path, bytes, str]] = ()
                        ) -> list[tuple[Path, str]]:
    """`also`: files published with the report, or not at all (the snapshot, the toml's new log row)."""
    from competency_maps.render.docx.paginate import render_docx_paginated
    rendered: list[tuple[Path, bytes, str]] = []
    # The PDF is laid out even for --only docx: the Word file's TOC takes its page numbers from it.
    if pdf_process is not None:
        pdf_process.start(content)
    template = None
    if only in (None, "docx") and pdf_process is not None:
        from competency_maps.render.docx.render import prepare
        template = prepare(content)  # meanwhile the other process lays out the PDF
    console.progress("laying out the PDF")
    if pdf_process is not None:
        pdf = pdf_process.result()
    else:
        from competency_maps.render.pdf.process import render_here
        pdf = render_here(content)
    if only in (None, "docx"):
        console.progress("rendering the Word document")
        data = render_docx_paginated(content, pdf.anchors, template=template)
        rendered.append((output / f"{stem}.docx", data, f"{len(data) // 1024} KB"))
    if only in (None, "pdf"):
        rendered.append((output / f"{stem}.pdf", pdf.data, f"{pdf.pages} pages"))
    if content.synthesis is not None:  # published with the report or not at all, never half-written
        from competency_maps.xlsx.review import review_workbook
        syn = content.synthesis
        data = review_workbook(syn.decisions, marked=syn.reviewed, when=content.properties.date)
        rendered.append((output / review_file_name(stem), data, f"{len(syn.analysis.candidates)} findings to review"))
    rendered.extend(also)
    paths = [path for path, _, _ in rendered]
    publish([(path, data) for path, data, _ in rendered], done=lambda: console.published(paths))
    return [(p, size) for p, _, size in rendered]


def _print_review(syn, review, path: Path, draft: bool, console: Console) -> None:
    """What the coordinator needs to know about the synthesis review: how to do it, what is new."""
    from competency_maps.analysis.decisions import stale_issues
    from competency_maps.xlsx.review import summary
    stale = stale_issues(syn.decisions, review, path.name)
    lines = summary(syn.decisions, review, str(path), draft=draft)
    if stale or lines:
        console.print()
        console.issues(stale)
        for line in lines:
            console.print(line)


def _report_written(written: list[tuple[Path, str]], started: float, console: Console) -> None:
    console.print("")
    for p, size in written:
        console.print(f"Wrote {p} ({size})")
    console.print(f"Done in {time.perf_counter() - started:.1f} s.")


def proof(short_name: str, inputs: Path, output: Path, only: str | None, console: Console,
          pdf_process: PdfProcess | None = None) -> int:
    from competency_maps.report.assemble import assemble_proof
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


# --- the next round: changes since the last build, the data exported, workbooks pre-filled ------


def _not_compared(g: Gathered) -> dict[str, str]:
    """Today's clusters without a usable workbook, and why (a draft's missing and broken ones)."""
    return {p.name: ("no workbook" if p.file is None else
                     f"{len(p.errors)} error(s) in {p.file.name}: run build.py check")
            for p in g.partners if not p.usable}


def _print_changes(result, title: str, console: Console) -> None:
    from competency_maps.analysis.changes import report_lines
    console.print(f"\n{title}:")
    for line in report_lines(result):
        console.print("  " + line)


def _log_row(inputs: Path, g: Gathered, text: str, result, console: Console) -> tuple[bytes, config.Deliverable]:
    """The version log's new row, printed before anything is written; the toml's new text."""
    from competency_maps.analysis.changes import log_summary
    from competency_maps.dataset.version_log import new_row, with_row
    text = " ".join(text.split())
    if not text:
        raise ReportError("--log needs a text, e.g. --log \"Comments from partners integrated\".")
    row = new_row(g.deliverable, text, log_summary(result) if result is not None else "")
    data, deliverable = with_row(inputs, row)
    console.print(f"\nNew row of the version log in {inputs / config.CONFIG_NAME} ([version_log]):")
    console.table(list(g.deliverable.version_log_columns), [list(row)])
    if result is None:
        console.print("  (no counts: there is no snapshot of an earlier build to compare with)")
    return data, deliverable


def since_last_build(g: Gathered, inputs: Path, output: Path, draft: bool, log: str | None,
                     console: Console) -> list[tuple[Path, bytes, str]]:
    """Prints what changed since the snapshot of the last build; returns the files to publish with
    the report: the new snapshot (not for a draft), and deliverable.toml with its new log row."""
    from competency_maps.analysis.changes import compare
    from competency_maps.dataset.records import DatasetError
    from competency_maps.dataset.snapshot import read_snapshot, snapshot_bytes, snapshot_path
    path = snapshot_path(output, g.deliverable.number, g.deliverable.title)
    result = None
    if path.is_file():
        try:
            result = compare(read_snapshot(path), g.clusters, _not_compared(g))
        except DatasetError as e:
            if log is not None:  # its counts would be wrong: nothing is written
                raise
            console.print(f"\nNote: {e.as_issue()} The changes since the last build are not listed; "
                          "this build writes a new snapshot.")
        else:
            _print_changes(result, f"Changes since the last build ({path.name})", console)
    else:
        console.print(f"\nNo snapshot of an earlier build in {output}/: the next build will list "
                      "what changed since this one.")
    also: list[tuple[Path, bytes, str]] = []
    if log is not None:
        data, new = _log_row(inputs, g, log, result, console)
        g.deliverable = replace(g.deliverable, version_log=new.version_log)  # the report shows the row
        also.append((inputs / config.CONFIG_NAME, data, "a version log row added"))
    if not draft:
        also.append((path, snapshot_bytes(g.clusters), f"snapshot of {len(g.clusters)} clusters"))
    return also


def changes(inputs: Path, output: Path, since: Path | None, log: str | None, console: Console) -> int:
    """`build.py changes`: what the next build would list, without building."""
    from competency_maps.analysis.changes import compare
    from competency_maps.publish import write_atomically
    from competency_maps.dataset.snapshot import read_snapshot, snapshot_path
    g = gather(inputs)
    if not g.configured:
        console.issues(g.issues)
        return 1
    path = since or snapshot_path(output, g.deliverable.number, g.deliverable.title)
    if since is None and not path.is_file():
        console.print(f"No snapshot of an earlier build in {output}/ ({path.name}): nothing to compare "
                      "with. Build the report first, or name a snapshot or JSON export with --since FILE.")
        return 1
    result = compare(read_snapshot(path), g.clusters, _not_compared(g))
    _print_changes(result, f"Changes since {path}", console)
    incomplete = [cc.name for cc in result if cc.status == "not compared"]
    if log is not None:
        if incomplete:
            console.print(f"\nThe version log was not changed: {', '.join(incomplete)} could not be "
                          "compared. Fix the workbooks first.")
            return 1
        data, _ = _log_row(inputs, g, log, result, console)
        target = inputs / config.CONFIG_NAME
        write_atomically(target, data)
        console.print(f"Wrote {target}.")
    return 1 if incomplete else 0


def export(inputs: Path, fmt: str | None, out: Path, console: Console) -> int:
    """`build.py export`: the whole validated dataset, once every workbook is in and error-free."""
    from competency_maps.dataset.export import FORMATS, export_bytes
    from competency_maps.publish import write_atomically
    fmt = fmt or out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ReportError("has no format to write.", Location(str(out)),
                          "Add --format json, csv or xlsx (or end the name with .json, .csv or .xlsx).")
    g = gather(inputs)
    problems = [i for i in g.all_issues if i.is_error]
    if problems:
        console.print("Problems found:")
        console.issues(problems)
        console.print(f"\n{len(problems)} error(s): nothing was written. The export holds the whole "
                      "validated dataset: fix the workbooks (build.py check) first.")
        return 1
    if out.resolve().parent == inputs.resolve():  # a partner's workbook, or a file the build would read
        raise ReportError("is in the inputs folder: nothing was written there.", Location(str(out)),
                          "Write the export somewhere else (-o FILE).")
    data = export_bytes(g.clusters, g.deliverable, fmt)
    try:
        write_atomically(out, data)
    except OSError as e:
        raise ReportError(f"cannot be written ({e.strerror or e}).", Location(str(out)),
                          "Check that the folder can be written and that the file is not open in Excel.")
    n_swot, n_tows = (sum(len(getattr(c, k)) for c in g.clusters) for k in ("swot", "tows"))
    console.print(f"Wrote {out}: {n_swot} SWOT entries and {n_tows} TOWS strategies of {len(g.clusters)} "
                  "clusters, with their profiles, Step 1 texts and Step 2 notes.")
    return 0


def prefilled_workbooks(short_name: str | None, source: Path, out: Path | None,
                        deliverable: config.Deliverable, console: Console, force: bool, every: bool) -> int:
    """The standard workbook holding last round's map, for one cluster or (`every`) for each; all
    read and made in memory before any file is written."""
    from competency_maps.xlsx.prefill import find, outdated, read_source, targets_in, workbook_bytes
    schema = build_schema(deliverable.topics, deliverable.theme_names)
    src = read_source(source, deliverable, schema)
    for name, errors in src.problems:
        console.print(f"{name}: cannot be used ({len(errors)} error(s)); `build.py check` lists them.")
    if every:
        if src.problems:
            console.print(f"Nothing was written: fix the workbooks in {source} first.")
            return 1
        targets = targets_in(src.clusters, out)  # two clusters, one file name: an error
    else:
        cluster = find(src.clusters, short_name or "")
        if cluster is None:
            names = ", ".join(c.name for c in src.clusters) or "none"
            console.print(f"No cluster '{short_name}' in {source} (clusters found: {names}). Nothing was written.")
            return 1
        targets = [(out or Path(f"{safe_filename(cluster.name)}-competency-map.xlsx"), cluster)]
    taken = [str(p) for p, _ in targets if p.exists()]
    if taken and not force:  # it may be a partner's returned workbook
        raise ReportError(f"already exist{'s' if len(taken) == 1 else ''}: nothing was written.",
                          Location(", ".join(taken)), "Choose another -o, or add --force to replace them.")
    files = [(p, workbook_bytes(schema, c)) for p, c in targets]
    if every:
        out.mkdir(parents=True, exist_ok=True)
    publish(files)
    for p, c in targets:
        console.print(f"Wrote {p}: {c.name}'s map pre-filled ({len(c.swot)} SWOT entries, {len(c.tows)} "
                      f"TOWS strategies); send it to {c.name} to update.")
        gone = outdated(c, deliverable)
        if gone:
            console.print(f"  Not in this deliverable any more, to be chosen again: {'; '.join(gone)}.")
    return 0
