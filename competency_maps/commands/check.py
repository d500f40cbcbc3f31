"""`build.py check FILE…`: every problem of the partners' workbooks, with its sheet and cell.

In: workbooks, and the deliverable's folder for its topics and logos. Out: each file's verdict, as
text for the coordinator or (`--format json`) as one JSON document of coded issues for a program.
Light on purpose: it reads and judges workbooks and never loads a renderer, nor needs lxml or Pillow
(tests/test_layers.py), as it must run inside a browser later.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from competency_maps.console import Console, issue_record
from competency_maps.errors import Issue, Location, ReportError, issue
from competency_maps.messages import Phrase
from competency_maps.inputs import config
from competency_maps.inputs.gather import check_files
from competency_maps.inputs.logos import attach_logos
from competency_maps.inputs.reader import ReadResult
from competency_maps.model.schema import COORDINATOR_SHEET, QUADRANTS, Schema, build_schema
from competency_maps.xlsx.annotate import annotate as annotated_copy

@dataclass
class Verdict:
    """One file checked: what the text and the JSON both show."""
    shown: str  # the file's name in messages: its name, or its path when two files share a name
    result: ReadResult
    annotated: Path | None = None
    not_annotated: Issue | None = None  # why the marked copy could not be written
    language: str = "en"  # the workbook's own, unless --language says otherwise

    def record(self) -> dict:
        res = self.result
        return {"file": self.shown, "cluster": res.cluster.name if res.cluster else None,
                "tool_file": res.tool_file,
                "errors": len(res.errors), "warnings": len(res.warnings),
                "language": self.language,
                "issues": [issue_record(i, self.language) for i in res.errors + res.warnings + res.infos],
                "notes_to_coordinator": [{"cell": cell, "text": text} for cell, text in res.coordinator_notes],
                "annotated": str(self.annotated) if self.annotated else None,
                "not_annotated": issue_record(self.not_annotated, self.language) if self.not_annotated else None}


def check(files: list[Path], *, inputs: Path, console: Console, annotate: Path | None = None,
          fmt: str = "text", language: str | None = None) -> int:
    """`annotate`: a folder for a copy of each workbook with its problems marked (annotate.py).
    `fmt`: "text" for the coordinator, or "json": one document, printed once everything is read.
    `language`: the messages' language (default: each workbook's own)."""
    as_text = fmt == "text"
    deliverable, general = _check_config(inputs, console if as_text else None)
    verdicts: list[Verdict] = []
    logos: list[Issue] = []
    if deliverable is not None:
        schema = build_schema(deliverable.topics, deliverable.theme_names)
        shown = _shown_names(files)
        for res in check_files(files, schema, deliverable.topics, topics_for=deliverable.topics_for,
                               steps=deliverable.chapter):
            _relocate(res, shown)
            verdict = Verdict(shown.get(res.path, res.path.name), res, language=language or res.language)
            if as_text:
                _print_verdict(verdict, console)
            if annotate is not None and res.tool_file is None:
                _annotated_copy(verdict, annotate, schema=schema, console=console if as_text else None)
            verdicts.append(verdict)
        logos = _logo_errors(inputs, [v.result.cluster for v in verdicts if v.result.cluster])
    n_err = sum(len(v.result.errors) for v in verdicts) + len(logos)
    if as_text:
        if deliverable is None:
            return 1
        closing = _closing_language(language, verdicts)
        console.issues(logos, language=closing)
        if n_err:
            console.say("console.check.failed", language=closing, count=n_err)
        else:
            console.say("console.check.passed", language=closing)
    else:
        console.json({"files": [v.record() for v in verdicts],
                      "issues": [issue_record(i) for i in [*general, *logos]],
                      "errors": n_err + sum(i.is_error for i in general)})
    return 1 if n_err or deliverable is None else 0


def _closing_language(language: str | None, verdicts: list[Verdict]) -> str | None:
    """The language of the lines after the files': the one asked for, else the one every workbook
    is in (a partner checking their own file reads the closing line in their language too), else
    the console's."""
    if language:
        return language
    found = {v.language for v in verdicts if v.result.tool_file is None}
    return found.pop() if len(found) == 1 else None


def _print_verdict(verdict: Verdict, console: Console) -> None:
    res, lang = verdict.result, verdict.language
    errors = (Phrase("console.count.errors", {"count": len(res.errors)}) if res.errors
              else Phrase("console.count.ok", {}))
    warnings = Phrase("console.count.warnings", {"count": len(res.warnings)})
    if res.cluster:
        console.say("console.check.file", language=lang, file=verdict.shown, cluster=res.cluster.name,
                    errors=errors, warnings=warnings)
    else:
        console.say("console.check.file.unread", language=lang, file=verdict.shown, errors=errors,
                    warnings=warnings)
    console.issues(res.errors + res.warnings + res.infos, language=lang)
    if res.cluster:
        console.say("console.check.counts", language=lang, indent=1, **_counts(res.cluster))
    if res.coordinator_notes:  # for the coordinator, never the report
        console.say("console.check.notes", language=lang, indent=1, sheet=COORDINATOR_SHEET)
        for cell, text in res.coordinator_notes:
            console.say("console.check.note", language=lang, indent=2, cell=cell,
                        text="\n      ".join(text.splitlines()))


def _logo_errors(inputs: Path, clusters: list) -> list[Issue]:
    """The logos in inputs/logos/ of the clusters checked (logos.py): their errors."""
    return [i for i in attach_logos(inputs, clusters) if i.is_error] if inputs.is_dir() else []


def _annotated_copy(verdict: Verdict, out_dir: Path, *, schema: Schema, console: Console | None) -> None:
    res = verdict.result
    stem = res.path.stem if verdict.shown == res.path.name else \
        f"{res.path.parent.name}-{res.path.stem}"  # two files of one name: both copies kept
    try:
        verdict.annotated = annotated_copy(res.path, res.issues, out_dir, stem, schema, language=verdict.language)
    except ReportError as e:
        verdict.not_annotated = e.as_issue()
        if console is not None:
            console.say("console.check.not_annotated", language=verdict.language, indent=1)
            console.issues([verdict.not_annotated], language=verdict.language)
    else:
        if console is not None:
            console.say("console.check.annotated", language=verdict.language, indent=1, file=str(verdict.annotated))


def _check_config(inputs: Path, console: Console | None) -> tuple[config.Deliverable | None, list[Issue]]:
    """The deliverable's topics and themes that workbooks are checked against; never silently the
    built-in ones. Its errors stop the check before any workbook is judged. Printed on `console`
    if one is given; returned in any case, with the note that there is no configuration."""
    if not (inputs / config.CONFIG_NAME).is_file():
        note = issue("check.config.default", Location(), config=config.CONFIG_NAME, folder=str(inputs))
        if console is not None:
            console.issues([note])
        return config.Deliverable(), [note]
    deliverable, issues = config.validate(inputs)
    if console is not None:
        if issues:
            console.say("console.file", file=str(inputs / config.CONFIG_NAME))
            console.issues(issues)
        if deliverable is None:
            console.say("console.check.config_broken", config=config.CONFIG_NAME)
    return deliverable, list(issues)


def _shown_names(files: list[Path]) -> dict[Path, str]:
    """How each file is named in messages: its name, or its path as given when names collide."""
    names = [f.name for f in files]
    return {f: str(f) if names.count(f.name) > 1 else f.name for f in files}


def _relocate(res: ReadResult, shown: dict[Path, str]) -> None:
    name = shown.get(res.path, res.path.name)
    if name != res.path.name:
        res.issues[:] = [i.relocated(replace(i.location, file=name))
                         if i.location.file == res.path.name else i for i in res.issues]


def _counts(cluster) -> dict[str, int]:
    """The parameters of `console.check.counts`: entries per quadrant, strategies, paragraphs."""
    per_quadrant = dict(zip(QUADRANTS, cluster.quadrant_counts()))
    return {"strengths": per_quadrant["Strength"], "weaknesses": per_quadrant["Weakness"],
            "opportunities": per_quadrant["Opportunity"], "threats": per_quadrant["Threat"],
            "tows": len(cluster.tows), "step1": len(cluster.step1)}
