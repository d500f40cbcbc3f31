"""`build.py changes`: what the next build would list as changed, without building."""

from __future__ import annotations

from pathlib import Path

from competency_maps.analysis.changes import compare
from competency_maps.commands.history import log_row, not_compared, print_changes
from competency_maps.console import Console
from competency_maps.inputs import config
from competency_maps.dataset.snapshot import read_snapshot, snapshot_path
from competency_maps.inputs.gather import gather
from competency_maps.messages import Phrase
from competency_maps.publish.files import write_atomically


def changes(inputs: Path, output: Path, *, console: Console, since: Path | None = None,
            log: str | None = None) -> int:
    """`build.py changes`: what the next build would list, without building."""
    g = gather(inputs)
    if not g.configured:
        console.issues(g.issues)
        return 1
    path = since or snapshot_path(output, g.deliverable.number, g.deliverable.title)
    if since is None and not path.is_file():
        console.say("console.changes.no_snapshot", folder=str(output), file=path.name)
        return 1
    result = compare(read_snapshot(path), g.clusters, not_compared(g))
    print_changes(result, Phrase("console.changes.since", {"file": str(path)}), console)
    incomplete = [cc.name for cc in result if cc.status == "not compared"]
    if log is not None:
        if incomplete:
            console.blank()
            console.say("console.changes.log_refused", names=incomplete)
            return 1
        data, _ = log_row(inputs, g, text=log, result=result, console=console)
        target = inputs / config.CONFIG_NAME
        write_atomically(target, data)
        console.say("console.wrote", file=str(target))
    return 1 if incomplete else 0
