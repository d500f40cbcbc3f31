"""`build.py changes`: what the next build would list as changed, without building."""

from __future__ import annotations

from pathlib import Path

from competency_maps.analysis.changes import compare
from competency_maps.commands.history import log_row, not_compared, print_changes
from competency_maps.console import Console
from competency_maps.inputs import config
from competency_maps.dataset.snapshot import read_snapshot, snapshot_path
from competency_maps.inputs.gather import gather
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
        console.print(f"No snapshot of an earlier build in {output}/ ({path.name}): nothing to compare "
                      "with. Build the report first, or name a snapshot or JSON export with --since FILE.")
        return 1
    result = compare(read_snapshot(path), g.clusters, not_compared(g))
    print_changes(result, f"Changes since {path}", console)
    incomplete = [cc.name for cc in result if cc.status == "not compared"]
    if log is not None:
        if incomplete:
            console.print(f"\nThe version log was not changed: {', '.join(incomplete)} could not be "
                          "compared. Fix the workbooks first.")
            return 1
        data, _ = log_row(inputs, g, text=log, result=result, console=console)
        target = inputs / config.CONFIG_NAME
        write_atomically(target, data)
        console.print(f"Wrote {target}.")
    return 1 if incomplete else 0
