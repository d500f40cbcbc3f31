"""`build.py new-workbook`: a workbook for a partner, blank or pre-filled with last round's map."""

from __future__ import annotations

from pathlib import Path

from competency_maps.console import Console
from competency_maps.errors import Location, ReportError
from competency_maps.inputs import config
from competency_maps.model.schema import build_schema
from competency_maps.publish.files import publish
from competency_maps.publish.names import safe_filename
from competency_maps.xlsx.blank import write_blank_workbook
from competency_maps.xlsx.prefill import find, outdated, read_source, targets_in, workbook_bytes


def new_workbook(short_name: str | None, *, inputs: Path, console: Console, out: Path | None = None,
                 force: bool = False, source: Path | None = None, every: bool = False,
                 language: str = "en") -> int:
    """`source`: last round's workbooks or export, to pre-fill from (`every`: one per cluster);
    `language`: the partner's, for the workbook's texts and dropdowns."""
    deliverable = config.load(inputs) if (inputs / config.CONFIG_NAME).exists() else config.Deliverable()
    if source is not None:
        return prefilled_workbooks(short_name, source, out=out, deliverable=deliverable, console=console,
                                   force=force, every=every, language=language)
    path = out or Path(f"{safe_filename(short_name)}-competency-map.xlsx")
    if path.exists() and not force:  # it may be a partner's returned workbook
        raise ReportError("new_workbook.exists", Location(str(path)))
    try:
        write_blank_workbook(build_schema(deliverable.topics, deliverable.theme_names), path, short_name,
                             **workbook_options(deliverable, language))
    except OSError as e:  # a missing folder, or the file open in Excel: the user's to fix, not a bug
        raise ReportError("new_workbook.write_failed", Location(str(path)),
                          reason=e.strerror or str(e)) from None
    console.print(f"Wrote {path}: send it to {short_name}.")
    return 0


def workbook_options(deliverable: config.Deliverable, language: str) -> dict:
    """What a workbook for a partner says besides the schema: its language, the deliverable's."""
    return {"language": language, "entry_language": deliverable.language,
            "contact": deliverable.workbook.contact, "deadline": deliverable.workbook.deadline}


def prefilled_workbooks(short_name: str | None, source: Path, *, out: Path | None,
                        deliverable: config.Deliverable, console: Console, force: bool, every: bool,
                        language: str = "en") -> int:
    """The standard workbook holding last round's map, for one cluster or (`every`) for each; all
    read and made in memory before any file is written."""
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
        code = "new_workbook.prefilled.exists" if len(taken) == 1 else "new_workbook.prefilled.exist_several"
        raise ReportError(code, Location(", ".join(taken)))
    files = [(p, workbook_bytes(schema, c, **workbook_options(deliverable, language))) for p, c in targets]
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
