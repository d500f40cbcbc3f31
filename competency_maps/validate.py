"""Checks on the model that need more than one cell: consistency, completeness, duplicates."""

from __future__ import annotations

from .errors import Issue, Location, error, warning
from .labels import QUADRANT_PLURALS
from .model import Cluster
from .schema import PROFILE_FIELDS, PROFILE_SHEET, QUADRANTS, STRATEGIES


def _field_row(label: str) -> int:
    return next(i for i, f in enumerate(PROFILE_FIELDS, start=2) if f.label == label)


def validate_cluster(cluster: Cluster, topics: tuple[str, ...]) -> list[Issue]:
    file = cluster.source.name if cluster.source else cluster.name
    issues: list[Issue] = []
    p = cluster.profile
    if p.members is not None and p.smes is not None and p.smes > p.members:
        issues.append(error(Location(file, PROFILE_SHEET, f"B{_field_row('SMEs')}"),
                            f"SMEs ({p.smes}) is greater than Members ({p.members}).",
                            "SMEs counts the members that are SMEs: correct one of the two."))
    counts = cluster.swot_counts()
    for q in QUADRANTS:
        if not any(counts.get((t, q)) for t in topics):
            issues.append(warning(Location(file, "SWOT"),
                                  f"There are no {QUADRANT_PLURALS[q]} at all.",
                                  f"Add rows with Quadrant '{q}', unless this is intended."))
    tows = cluster.tows_counts()
    if cluster.tows:
        for t in topics:
            for s in STRATEGIES:
                if not tows.get((t, s)):
                    issues.append(warning(Location(file, "TOWS"),
                                          f"No {s} strategy for the topic '{t}'.",
                                          "The cell will be empty in the report."))
    else:
        issues.append(warning(Location(file, "TOWS"), "There are no TOWS strategies at all.",
                              "Fill in the TOWS sheet, unless this is intended."))
    if not cluster.step1:
        issues.append(warning(Location(file, "Step 1"), "The Step 1 narrative is empty.",
                              "Add the paragraphs of your Step 1 narrative."))
    return issues
