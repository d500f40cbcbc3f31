"""`build.py check FILE…`: every problem of the partners' workbooks, with its sheet and cell.

Light on purpose: it reads and judges workbooks and never loads a renderer (tests/test_layers.py).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from competency_maps.console import Console
from competency_maps.errors import ReportError
from competency_maps.inputs import config
from competency_maps.inputs.gather import check_files
from competency_maps.labels import QUADRANT_PLURALS
from competency_maps.model.schema import COORDINATOR_SHEET, QUADRANTS, build_schema


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
