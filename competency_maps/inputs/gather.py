"""Read and validate every input before anything is written (the mkdocs way: gather, then build)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from competency_maps.inputs import config
from competency_maps.inputs.config import Deliverable
from competency_maps.errors import SortsIssues, Issue, Location, issue
from competency_maps.inputs.logos import attach_logos
from competency_maps.model.cluster import Cluster
from competency_maps.inputs.reader import ReadResult, read_workbook
from competency_maps.model.deliverable import Chapter
from competency_maps.model.schema import Schema, build_schema, name_key
from competency_maps.analysis.decisions import REVIEW_NAME, Review
from competency_maps.inputs.review import REVIEW_FILE, read_review, read_review_file
from competency_maps.inputs.validate import validate_cluster


@dataclass
class PartnerStatus(SortsIssues):
    """One line of the coordinator's status table."""

    name: str
    file: Path | None = None
    cluster: Cluster | None = None
    issues: list[Issue] = field(default_factory=list)
    expected: bool = True

    @property
    def usable(self) -> bool:
        return self.cluster is not None and not self.errors


@dataclass
class Gathered:
    deliverable: Deliverable
    schema: Schema
    partners: list[PartnerStatus]
    issues: list[Issue]  # not tied to one partner (configuration, duplicates, unreadable files)
    configured: bool = True  # deliverable.toml read: without it nothing, not even a draft, is built
    review: Review = field(default_factory=Review)  # the coordinator's synthesis review, if any

    @property
    def all_issues(self) -> list[Issue]:
        return self.issues + [i for p in self.partners for i in p.issues]

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.all_issues if i.is_error]

    @property
    def clusters(self) -> list[Cluster]:
        return [p.cluster for p in self.partners if p.usable]


# .xlsm is the same format with macros beside it; openpyxl never loads them, let alone runs them.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
OTHER_SPREADSHEETS = (".xls", ".xlsb", ".ods", ".fods", ".csv", ".numbers", ".xltx", ".xltm")


def _files(inputs: Path, suffixes: tuple[str, ...]) -> list[Path]:
    # Excel's `~$` lock files and macOS's `._` shadow files are not workbooks; Windows users' .XLSX are
    return sorted(p for p in inputs.iterdir() if p.suffix.lower() in suffixes
                  and not p.name.startswith(("~$", "._")) and p.is_file())


def workbook_files(inputs: Path) -> list[Path]:
    """Every partner's workbook in the folder (.xlsx or .xlsm, in any case); the coordinator's
    synthesis review is not one."""
    return [p for p in _files(inputs, WORKBOOK_SUFFIXES) if p.name.casefold() != REVIEW_NAME.casefold()]


def check_files(paths: list[Path], schema: Schema, topics: tuple[str, ...], *,
                topics_for: Callable[[str], tuple[str, ...]] | None = None,
                steps: Chapter = Chapter()) -> list[ReadResult]:
    """Each file read and judged. One of the tool's own workbooks among them (`check inputs/*.xlsx`
    has the synthesis review) is never judged as a broken partner's: the review is checked as a
    review file, an export named and skipped. `steps`: the deliverable's [chapter], the steps judged."""
    results = []
    for path in paths:
        res = read_workbook(path, schema)
        if res.tool_file == REVIEW_FILE:
            res.issues[:] = [issue("check.tool_file.review", Location(path.name)), *read_review_file(path).issues]
        elif res.tool_file is not None:
            res.issues[:] = [issue("check.tool_file.export", Location(path.name))]
        if res.cluster is not None:  # sheets with errors are not judged again for completeness
            broken = {i.location.sheet for i in res.errors}
            asked = topics_for(res.cluster.name) if topics_for is not None else topics
            res.issues.extend(validate_cluster(res.cluster, asked, broken, steps))
        results.append(res)
    return results


def gather(inputs: Path) -> Gathered:
    """Configuration first: with an error in it nothing else is judged (its topics and themes are
    what the workbooks are checked against), and every problem of the toml is listed at once."""
    schema = build_schema()
    if not inputs.is_dir():
        code = "inputs.not_folder" if inputs.exists() else "inputs.missing"
        return Gathered(config.Deliverable(), schema, [], [issue(code, Location(str(inputs)))], configured=False)
    if not (inputs / config.CONFIG_NAME).exists():
        return Gathered(config.Deliverable(), schema, [], [issue(
            "inputs.config.missing", Location(str(inputs / config.CONFIG_NAME)))], configured=False)
    deliverable, issues = config.validate(inputs)
    if deliverable is None:
        return Gathered(config.Deliverable(), schema, [], issues, configured=False)
    schema = build_schema(deliverable.topics, deliverable.theme_names)
    results = check_files(workbook_files(inputs), schema, deliverable.topics, topics_for=deliverable.topics_for,
                          steps=deliverable.chapter)
    for p in _files(inputs, OTHER_SPREADSHEETS):  # said, so that a returned .ods is not just "missing"
        issues.append(issue("inputs.other_spreadsheet", Location(p.name)))
    expected = {name_key(n): PartnerStatus(n) for n in deliverable.clusters.order}
    extra: list[PartnerStatus] = []
    by_name: dict[str, PartnerStatus] = {}
    for res in results:
        if res.tool_file is not None:  # the review saved under another name, an export: named, not read
            kind = "review" if res.tool_file == REVIEW_FILE else "export"
            issues.append(issue(f"inputs.tool_file.{kind}", Location(res.path.name), name=REVIEW_NAME))
            continue
        if res.cluster is None:
            # unreadable: list it on its own line so it is seen
            extra.append(PartnerStatus(res.path.stem, res.path, None, res.issues, expected=False))
            continue
        k = name_key(res.cluster.name)
        if k in by_name:
            first = by_name[k]
            issues.append(issue("inputs.cluster.twice", Location(res.path.name, "Cluster", "B2"),
                                cluster=res.cluster.name, first=first.file.name, second=res.path.name))
            continue
        status = expected.get(k)
        if status is None:
            status = PartnerStatus(res.cluster.name, expected=False)
            if deliverable.clusters.order:
                res.issues.append(issue("inputs.cluster.unlisted", Location(res.path.name, "Cluster", "B2"),
                                        cluster=res.cluster.name))
            extra.append(status)
        status.file, status.cluster, status.issues = res.path, res.cluster, res.issues
        by_name[k] = status
    for status in expected.values():
        if status.file is None:
            status.issues.append(issue("inputs.workbook.missing", Location(f"{inputs.name}/"),
                                       cluster=status.name, folder=inputs.name))
    partners = list(expected.values()) + extra
    issues += attach_logos(inputs, [p.cluster for p in partners if p.cluster is not None])
    review = read_review(inputs) if deliverable.synthesis.shown else Review()
    issues += review.issues
    return Gathered(deliverable, schema, partners, issues, review=review)
