"""Checks on the model that need more than one cell: consistency and completeness.

Each warning says what the report will show. A sheet that already has an error is not judged for
completeness: its missing entries may be the rows in error (an error is not reported twice).
"""

from __future__ import annotations

from collections.abc import Collection

from competency_maps.errors import Issue, Location, error, warning
from competency_maps.labels import QUADRANT_PLURALS
from competency_maps.model.cluster import Cluster
from competency_maps.model.schema import PROFILE_FIELDS, PROFILE_SHEET, QUADRANTS, STRATEGIES


def _field_row(label: str) -> int:
    return next(i for i, f in enumerate(PROFILE_FIELDS, start=2) if f.label == label)


def _swot(cluster: Cluster, topics: tuple[str, ...], at: Location) -> list[Issue]:
    if not cluster.swot:
        return [warning(at, "There are no SWOT entries at all: Step 2 of the report will have no SWOT "
                        "tables.", "Fill in the SWOT sheet: one entry per row, with its Topic and Quadrant.")]
    counts = cluster.swot_counts()
    issues = []
    for t in topics:
        if not any(counts.get((t, q)) for q in QUADRANTS):
            issues.append(warning(at, f"There are no SWOT entries for the topic '{t}': the topic is left "
                                  "out of the SWOT tables.", f"Add rows with the Topic '{t}', unless this "
                                  "is intended."))
    for q in QUADRANTS:
        if not any(counts.get((t, q)) for t in topics):
            issues.append(warning(at, f"There are no {QUADRANT_PLURALS[q]} at all: that column of the SWOT "
                                  "tables will be empty.", f"Add rows with Quadrant '{q}', unless this is "
                                  "intended."))
    return issues


def _tows(cluster: Cluster, topics: tuple[str, ...], at: Location) -> list[Issue]:
    if not cluster.tows:
        return [warning(at, "There are no TOWS strategies at all: Step 3 of the report will show its "
                        "heading with nothing under it.", "Fill in the TOWS sheet, unless this is intended.")]
    counts = cluster.tows_counts()
    issues = []
    for t in topics:
        missing = [s for s in STRATEGIES if not counts.get((t, s))]
        if len(missing) == len(STRATEGIES):
            issues.append(warning(at, f"There are no TOWS strategies for the topic '{t}': its table is left "
                                  "out of Step 3.", f"Add rows with the Topic '{t}', unless this is intended."))
            continue
        for s in missing:
            issues.append(warning(at, f"No {s} strategy for the topic '{t}': that cell of its table will "
                                  "show only the strategy's caption.", f"Add a row with Topic '{t}' and "
                                  f"Strategy {s}, unless this is intended."))
    return issues


def validate_cluster(cluster: Cluster, topics: tuple[str, ...],
                     broken: Collection[str] = ()) -> list[Issue]:
    """`broken`: the sheets that already have errors (or could not be read), left unjudged here."""
    file = cluster.source.name if cluster.source else cluster.name
    issues: list[Issue] = []
    p = cluster.profile
    if p.members is not None and p.smes is not None and p.smes > p.members:
        issues.append(error(Location(file, PROFILE_SHEET, f"B{_field_row('SMEs')}"),
                            f"SMEs ({p.smes}) is greater than Members ({p.members}).",
                            "SMEs counts the members that are SMEs: correct one of the two."))
    if "SWOT" not in broken:
        issues += _swot(cluster, topics, Location(file, "SWOT"))
    if "TOWS" not in broken:
        issues += _tows(cluster, topics, Location(file, "TOWS"))
    if not cluster.step1 and "Step 1" not in broken:
        issues.append(warning(Location(file, "Step 1"), "The Step 1 narrative is empty: the report will "
                              "show the Step 1 heading with nothing under it.",
                              "Add the paragraphs of your Step 1 narrative, one per row."))
    return issues
