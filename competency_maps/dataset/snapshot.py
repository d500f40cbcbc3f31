"""The snapshot a build keeps beside its report: the validated clusters as JSON (dataset.py, without
the readings), so that the next build, and `build.py changes`, can say what changed since.

Written only by a successful build of the whole report (not a draft, not a proof), in the same
publish as the report's files: a failed build leaves the previous snapshot with the previous report.
"""

from __future__ import annotations

from pathlib import Path

from competency_maps.dataset import records as dataset
from competency_maps.model.cluster import Cluster
from competency_maps.publish.names import output_stem

SUFFIX = ".snapshot.json"


def snapshot_path(output: Path, number: str, title: str) -> Path:
    """output/D2.1-clusters-competency-maps.snapshot.json: named after the report it belongs to."""
    return output / f"{output_stem(number, title)}{SUFFIX}"


def snapshot_bytes(clusters: list[Cluster]) -> bytes:
    """Same clusters, same bytes: no date, no path, keys sorted."""
    return dataset.dumps(dataset.to_data(clusters, readings=False))


def read_snapshot(path: Path) -> list[Cluster]:
    """The clusters of a snapshot (or of any export: `changes --since FILE`), read as untrusted as
    any other file and checked whole against the schema: a hand-edited `Strenght` or a cluster
    listed twice is a DatasetError naming the place, never compared as it is. (The check takes
    some 0.3 s per thousand entries.)"""
    return dataset.load(path)
