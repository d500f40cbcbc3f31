"""Gathered inputs -> ReportContent: chapter order, draft placeholders, proofs.

What it needs of the gathered inputs (`inputs.gather.Gathered`) is said here as protocols, so that the
report does not depend on the stage that reads files.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from competency_maps.analysis.decisions import Review
from competency_maps.errors import Issue
from competency_maps.labels import Labels
from competency_maps.model.cluster import Cluster
from competency_maps.model.deliverable import STEP_EMPTY, Deliverable
from competency_maps.model.schema import name_key
from competency_maps.report.content import ReportContent, build_content, chapter, placeholder_chapter


class PartnerStatus(Protocol):
    """A partner as gathered: its workbook, if any, read into a cluster, or its errors."""
    name: str
    file: Path | None
    cluster: Cluster | None

    @property
    def errors(self) -> list[Issue]: ...

    @property
    def usable(self) -> bool: ...


class Gathered(Protocol):
    deliverable: Deliverable
    review: Review

    @property
    def partners(self) -> Sequence[PartnerStatus]: ...

    @property
    def clusters(self) -> list[Cluster]: ...


def _placeholder(p: PartnerStatus, labels: Labels) -> str:
    if p.file is None:
        return labels("placeholder_missing")
    return labels.count("placeholder_errors", len(p.errors))


def _shown_in_draft(p: PartnerStatus) -> bool:
    """A workbook whose only errors are required steps left empty: a draft shows its chapter, with
    a placeholder in place of each empty step."""
    return p.cluster is not None and all(e.code == STEP_EMPTY for e in p.errors)


def assemble(g: Gathered, draft: bool = False) -> ReportContent:
    labels = g.deliverable.labels
    chapters, left_out, shown = [], [], []
    for p in g.partners:
        if p.usable or (draft and _shown_in_draft(p)):
            chapters.append(chapter(p.cluster, g.deliverable))
            shown.append(p.cluster)
        elif draft:
            chapters.append(placeholder_chapter(p.name, _placeholder(p, labels), g.deliverable))
            left_out.append(p.name)
    note = (labels.count("draft_note_left_out", len(left_out), names=", ".join(left_out)) if left_out
            else labels("draft_note_complete"))
    return build_content(g.deliverable, chapters, shown, about_order=g.deliverable.clusters.about_order, draft=draft,
                         draft_note=note, review=g.review)


def assemble_proof(g: Gathered, name: str) -> ReportContent | None:
    for p in g.partners:
        if p.cluster is not None and name_key(p.cluster.name) == name_key(name):
            return build_content(g.deliverable, [chapter(p.cluster, g.deliverable)], [p.cluster],
                                 proof=True)
    return None
