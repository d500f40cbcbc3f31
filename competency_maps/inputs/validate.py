"""Checks on the model that need more than one cell: consistency and completeness.

Each warning says what the report will show. A sheet that already has an error is not judged for
completeness: its missing entries may be the rows in error (an error is not reported twice). Only
the steps that the deliverable's [chapter] switches on are judged: a required step left empty is an
error (a draft shows a placeholder in its place), entries typed for a step switched off a warning
(they are not printed).
"""

from __future__ import annotations

from collections.abc import Collection

from competency_maps.errors import Issue, Location, issue
from competency_maps.labels import QUADRANT_PLURALS
from competency_maps.model.cluster import Cluster
from competency_maps.model.deliverable import Chapter
from competency_maps.model.schema import NOTES_SHEET, PROFILE_FIELDS, PROFILE_SHEET, QUADRANTS, STRATEGIES



def _field_row(label: str) -> int:
    return next(i for i, f in enumerate(PROFILE_FIELDS, start=2) if f.label == label)


def _swot(cluster: Cluster, topics: tuple[str, ...], at: Location) -> list[Issue]:
    counts = cluster.swot_counts()
    issues = []
    for t in topics:
        if not any(counts.get((t, q)) for q in QUADRANTS):
            issues.append(issue("swot.topic.empty", at, topic=t))
    for q in QUADRANTS:
        if not any(counts.get((t, q)) for t in topics):
            issues.append(issue("swot.quadrant.empty", at, quadrant=q, quadrants=QUADRANT_PLURALS[q]))
    return issues


def _tows(cluster: Cluster, topics: tuple[str, ...], at: Location) -> list[Issue]:
    counts = cluster.tows_counts()
    issues = []
    for t in topics:
        missing = [s for s in STRATEGIES if not counts.get((t, s))]
        if len(missing) == len(STRATEGIES):
            issues.append(issue("tows.topic.empty", at, topic=t))
            continue
        for s in missing:
            issues.append(issue("tows.strategy.empty", at, topic=t, strategy=s))
    return issues


def _not_asked(cluster: Cluster, topics: tuple[str, ...], file: str, broken: Collection[str]) -> list[Issue]:
    """Entries on a topic of the deliverable that was not asked of this partner ([swot.partner_topics]):
    printed, and said once per sheet and topic."""
    out = []
    for sheet, entries in (("SWOT", cluster.swot), ("TOWS", cluster.tows)):
        if sheet in broken:
            continue
        for topic in dict.fromkeys(e.topic for e in entries if e.topic not in topics):
            out.append(issue("topic.not_asked", Location(file, sheet), topic=topic, cluster=cluster.name))
    return out


def validate_cluster(cluster: Cluster, topics: tuple[str, ...],
                     broken: Collection[str] = (), steps: Chapter = Chapter()) -> list[Issue]:
    """`topics`: those asked of this partner (Deliverable.topics_for); a workbook is never warned about
    a topic it was never asked for. `broken`: the sheets that already have errors (or could not be
    read), left unjudged here. `steps`: the deliverable's [chapter], the steps its chapters have."""
    file = cluster.source.name if cluster.source else cluster.name
    issues: list[Issue] = []
    p = cluster.profile
    if p.members is not None and p.smes is not None and p.smes > p.members:
        issues.append(issue("profile.smes_above_members", Location(file, PROFILE_SHEET, f"B{_field_row('SMEs')}"),
                            smes=p.smes, members=p.members))
    for sheet, on, filled, judge in (("Step 1", steps.step1, bool(cluster.step1), None),
                                     ("SWOT", steps.swot, bool(cluster.swot), _swot),
                                     ("TOWS", steps.tows, bool(cluster.tows), _tows)):
        if sheet in broken:
            continue
        if on and not filled:
            issues.append(issue("step.empty", Location(file, sheet, "A2")))  # STEP_EMPTY
        elif on and judge is not None:
            issues += judge(cluster, topics, Location(file, sheet))
        elif not on and filled:
            issues.append(issue("step.unused", Location(file, sheet)))
    off = {sheet for sheet, on in (("SWOT", steps.swot), ("TOWS", steps.tows)) if not on}
    issues += _not_asked(cluster, topics, file, {*broken, *off})
    if not steps.step2 and cluster.step2_notes and NOTES_SHEET not in broken:
        issues.append(issue("step.unused", Location(file, NOTES_SHEET)))
    return issues
