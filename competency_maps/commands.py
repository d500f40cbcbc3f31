"""What each command does, in the coordinator's words."""

from __future__ import annotations

import re
import time
from pathlib import Path

from . import config
from .blank_workbook import write_blank_workbook
from .console import Console
from .gather import Gathered, PartnerStatus, check_files, gather
from .model import QUADRANT_TITLES
from .schema import QUADRANTS, build_schema


def safe_filename(name: str) -> str:
    """A file name from free text: letters, digits, dots and dashes only, never a path."""
    s = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "cluster"
    if s.upper().split(".")[0] in {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
                                   *(f"LPT{i}" for i in range(10))}:
        s = "_" + s
    return s[:80]


def new_workbook(short_name: str, out: Path | None, inputs: Path, console: Console) -> int:
    deliverable = config.load(inputs) if inputs.is_dir() else config.Deliverable()
    path = out or Path(f"{safe_filename(short_name)}-competency-map.xlsx")
    write_blank_workbook(build_schema(deliverable.topics), path, short_name)
    console.print(f"Wrote {path}: send it to {short_name}.")
    return 0


def check(files: list[Path], inputs: Path, console: Console) -> int:
    deliverable = config.load(inputs) if inputs.is_dir() else config.Deliverable()
    results = check_files(files, build_schema(deliverable.topics), deliverable.topics)
    n_err = 0
    for res in results:
        errors, warnings = res.errors, res.warnings
        n_err += len(errors)
        name = res.cluster.name if res.cluster else "?"
        head = "OK" if not errors else f"{len(errors)} error(s)"
        console.print(f"{res.path.name} ({name}): {head}, {len(warnings)} warning(s)")
        console.issues(errors + warnings)
        if res.cluster:
            console.print("  " + _counts(res.cluster))
    console.print("No errors." if not n_err else f"{n_err} error(s): fix them and check again.")
    return 1 if n_err else 0


def _counts(cluster) -> str:
    c = cluster.swot_counts()
    q = ", ".join(f"{QUADRANT_TITLES[x]} {sum(v for (t, qq), v in c.items() if qq == x)}"
                  for x in QUADRANTS)
    return f"SWOT: {q}; TOWS strategies {len(cluster.tows)}; Step 1 paragraphs {len(cluster.step1)}"


def status_rows(g: Gathered) -> list[list[str]]:
    rows = []
    for p in g.partners:
        c = p.cluster
        counts = c.swot_counts() if c else {}
        per_q = ["" if not c else str(sum(v for (t, q), v in counts.items() if q == x)) for x in QUADRANTS]
        rows.append([p.name, p.file.name if p.file else "—",
                     "returned" if p.file else "MISSING", str(len(p.errors)), str(len(p.warnings)),
                     *per_q, str(len(c.tows)) if c else ""])
    return rows


STATUS_HEADER = ["Cluster", "Workbook", "Status", "Errors", "Warnings", "S", "W", "O", "T", "TOWS"]


def print_status(g: Gathered, console: Console) -> None:
    console.table(STATUS_HEADER, status_rows(g))
    for p in g.partners:
        for c in p.cluster and [p.cluster] or []:
            topics = "; ".join(f"{t[:30]}…: {sum(v for (tt, q), v in c.swot_counts().items() if tt == t)}"
                               for t in g.deliverable.topics)
            console.progress(f"{p.name}: {topics}")


def build(inputs: Path, output: Path, only: str | None, draft: bool, console: Console) -> int:
    started = time.perf_counter()
    console.progress(f"reading {inputs}/")
    g = gather(inputs)
    if g.all_issues:
        console.print("Problems found:")
        console.issues(g.issues)
        for p in g.partners:
            console.issues(p.issues)
        console.print()
    print_status(g, console)
    if g.errors and not draft:
        console.print(f"\n{len(g.errors)} error(s): nothing was written; the files in {output}/ "
                      "are unchanged. Fix the workbooks, or use --draft to build a marked draft.")
        return 1
    console.print(f"\nChecked in {time.perf_counter() - started:.1f} s.")
    return 0


def proof(short_name: str, inputs: Path, output: Path, only: str | None, console: Console) -> int:
    console.print("proof: not available yet")
    return 2
