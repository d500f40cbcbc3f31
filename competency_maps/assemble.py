"""Gathered inputs -> ReportContent: chapter order, draft placeholders, proofs."""

from __future__ import annotations

from .content import ReportContent, build_content, chapter, placeholder_chapter
from .gather import Gathered, PartnerStatus
from .schema import name_key


def _placeholder(p: PartnerStatus) -> str:
    if p.file is None:
        return "Workbook not returned."
    n = len(p.errors)
    return f"Workbook has {n} error{'s' if n != 1 else ''} — not shown."


def assemble(g: Gathered, draft: bool = False) -> ReportContent:
    chapters, left_out = [], []
    for p in g.partners:
        if p.usable:
            chapters.append(chapter(p.cluster, g.deliverable))
        elif draft:
            chapters.append(placeholder_chapter(p.name, _placeholder(p), g.deliverable))
            left_out.append(p.name)
    note = f"{len(left_out)} chapter(s) left out ({', '.join(left_out)})." if left_out else "built from the workbooks received."
    return build_content(g.deliverable, chapters, g.clusters, g.deliverable.about_order, draft=draft,
                         draft_note=note)


def assemble_proof(g: Gathered, name: str) -> ReportContent | None:
    for p in g.partners:
        if p.cluster is not None and name_key(p.cluster.name) == name_key(name):
            return build_content(g.deliverable, [chapter(p.cluster, g.deliverable)], [p.cluster],
                                 proof=True)
    return None
