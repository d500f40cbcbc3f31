"""The next round: what changed since the last build's snapshot, and the version log's new row.

Shared by `build` (which publishes the new snapshot and row with the report) and `changes`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from competency_maps.analysis.changes import ClusterChanges, compare, log_summary, report_lines
from competency_maps.console import Console
from competency_maps.dataset.records import DatasetError
from competency_maps.dataset.snapshot import read_snapshot, snapshot_bytes, snapshot_path
from competency_maps.dataset.version_log import new_row, with_row
from competency_maps.errors import ReportError
from competency_maps.inputs import config
from competency_maps.inputs.gather import Gathered
from competency_maps.messages import Phrase, render


def not_compared(g: Gathered) -> dict[str, str]:
    """Today's clusters without a usable workbook, and why (a draft's missing and broken ones), in
    English as the rest of the lines of analysis/changes.py."""
    return {p.name: (render("console.changes.no_workbook", {}).message if p.file is None else
                     render("console.changes.broken", {"count": len(p.errors), "file": p.file.name}).message)
            for p in g.partners if not p.usable}


def print_changes(result: list[ClusterChanges], title: Phrase, console: Console) -> None:
    """`title`: the line above the changes (`console.changes.*`)."""
    console.blank()
    console.say(title.code, **title.params)
    for line in report_lines(result):
        console.print("  " + line)


def log_row(inputs: Path, g: Gathered, *, text: str, result: list[ClusterChanges] | None,
            console: Console) -> tuple[bytes, config.Deliverable]:
    """The version log's new row, printed before anything is written; the toml's new text."""
    text = " ".join(text.split())
    if not text:
        raise ReportError("log.text_missing")
    row = new_row(g.deliverable, text, log_summary(result) if result is not None else "")
    data, deliverable = with_row(inputs, row)
    console.blank()
    console.say("console.log.row", file=str(inputs / config.CONFIG_NAME))
    console.table(list(g.deliverable.version_log_columns), [list(row)])
    if result is None:
        console.say("console.log.no_counts", indent=1)
    return data, deliverable


def since_last_build(g: Gathered, inputs: Path, output: Path, *, draft: bool, log: str | None,
                     console: Console) -> list[tuple[Path, bytes, Phrase]]:
    """Prints what changed since the snapshot of the last build; returns the files to publish with
    the report: the new snapshot (not for a draft), and deliverable.toml with its new log row."""
    path = snapshot_path(output, g.deliverable.number, g.deliverable.title)
    result = None
    if path.is_file():
        try:
            result = compare(read_snapshot(path), g.clusters, not_compared(g))
        except DatasetError as e:
            if log is not None:  # its counts would be wrong: nothing is written
                raise
            console.blank()
            console.issues([e.as_issue()])
            console.say("console.changes.snapshot_unread")
        else:
            print_changes(result, Phrase("console.changes.since_last", {"file": path.name}), console)
    else:
        console.blank()
        console.say("console.changes.first_build", folder=str(output))
    also: list[tuple[Path, bytes, Phrase]] = []
    if log is not None:
        data, new = log_row(inputs, g, text=log, result=result, console=console)
        g.deliverable = replace(g.deliverable, version_log=new.version_log)  # the report shows the row
        also.append((inputs / config.CONFIG_NAME, data, Phrase("console.count.log_row", {})))
    if not draft:
        also.append((path, snapshot_bytes(g.clusters), Phrase("console.count.snapshot", {"count": len(g.clusters)})))
    return also
