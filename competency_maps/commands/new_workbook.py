"""`build.py new-workbook`: a workbook for a partner, blank or pre-filled with last round's map."""

from __future__ import annotations

from pathlib import Path

from competency_maps.console import Console
from competency_maps.errors import Location, ReportError
from competency_maps.inputs import config
from competency_maps.messages import Phrase
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
    console.say("console.new_workbook.written", file=str(path), cluster=short_name)
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
        console.say("console.new_workbook.unusable", file=name,
                    errors=Phrase("console.count.errors", {"count": len(errors)}))
    if every:
        if src.problems:
            console.say("console.new_workbook.nothing", folder=str(source))
            return 1
        targets = targets_in(src.clusters, out)  # two clusters, one file name: an error
    else:
        cluster = find(src.clusters, short_name or "")
        if cluster is None:
            names = [c.name for c in src.clusters]
            if names:
                console.say("console.new_workbook.unknown", cluster=short_name, source=str(source), names=names)
            else:
                console.say("console.new_workbook.none", source=str(source))
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
        console.say("console.new_workbook.prefilled", file=str(p), cluster=c.name,
                    swot=Phrase("console.count.swot", {"count": len(c.swot)}),
                    tows=Phrase("console.count.tows", {"count": len(c.tows)}))
        topics, themes = outdated(c, deliverable)
        if topics:
            console.say("console.new_workbook.outdated.topics", indent=1, count=len(topics), names=topics)
        if themes:
            console.say("console.new_workbook.outdated.themes", indent=1, count=len(themes), names=themes)
    return 0
