"""`build.py export`: the whole validated dataset as JSON, CSV or XLSX."""

from __future__ import annotations

from pathlib import Path

from competency_maps.console import Console
from competency_maps.errors import Location, ReportError
from competency_maps.dataset.export import FORMATS, export_bytes
from competency_maps.inputs.gather import gather
from competency_maps.messages import Phrase
from competency_maps.publish.files import write_atomically


def export(inputs: Path, out: Path, *, console: Console, fmt: str | None = None) -> int:
    """`build.py export`: the whole validated dataset, once every workbook is in and error-free."""
    fmt = fmt or out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ReportError("export.format_missing", Location(str(out)))
    g = gather(inputs)
    problems = [i for i in g.all_issues if i.is_error]
    if problems:
        console.say("console.problems")
        console.issues(problems)
        console.blank()
        console.say("console.export.errors", count=len(problems))
        return 1
    if out.resolve().parent == inputs.resolve():  # a partner's workbook, or a file the build would read
        raise ReportError("export.in_inputs", Location(str(out)))
    data = export_bytes(g.clusters, g.deliverable, fmt)
    try:
        write_atomically(out, data)
    except OSError as e:
        raise ReportError("export.write_failed", Location(str(out)), reason=e.strerror or str(e)) from None
    n_swot, n_tows = (sum(len(getattr(c, k)) for c in g.clusters) for k in ("swot", "tows"))
    console.say("console.export.written", file=str(out), swot=Phrase("console.count.swot", {"count": n_swot}),
                tows=Phrase("console.count.tows", {"count": n_tows}),
                clusters=Phrase("console.count.clusters", {"count": len(g.clusters)}))
    return 0
