"""`build.py changes`: what the next build would list as changed, without building."""

from __future__ import annotations

from pathlib import Path

from competency_maps.commands.history import _log_row, _not_compared, _print_changes
from competency_maps.console import Console
from competency_maps.inputs import config
from competency_maps.inputs.gather import gather


def changes(inputs: Path, output: Path, since: Path | None, log: str | None, console: Console) -> int:
    """`build.py changes`: what the next build would list, without building."""
    from competency_maps.analysis.changes import compare
    from competency_maps.publish.files import write_atomically
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
