"""`build.py export`: the whole validated dataset as JSON, CSV or XLSX."""

from __future__ import annotations

from pathlib import Path

from competency_maps.console import Console
from competency_maps.errors import Location, ReportError
from competency_maps.inputs.gather import gather


def export(inputs: Path, fmt: str | None, out: Path, console: Console) -> int:
    """`build.py export`: the whole validated dataset, once every workbook is in and error-free."""
    from competency_maps.dataset.export import FORMATS, export_bytes
    from competency_maps.publish.files import write_atomically
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
