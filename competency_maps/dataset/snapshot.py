"""The snapshot a build keeps beside its report: the validated clusters as JSON (dataset.py, without
the readings), so that the next build, and `build.py changes`, can say what changed since.

Written only by a successful build of the whole report (not a draft, not a proof), in the same
publish as the report's files: a failed build leaves the previous snapshot with the previous report.
"""

from __future__ import annotations

import json
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
    """The clusters of a snapshot. One this tool wrote is read directly and its types checked (a
    tenth of the time of the schema, which a build would pay for every cluster); anything else is
    checked against the schema, to say what is wrong and where (a DatasetError)."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
        if data.get("format") == dataset.FORMAT and data.get("version") == dataset.VERSION:
            clusters = dataset.clusters_of(data)
            if all(_well_typed(c) for c in clusters):
                return clusters
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return dataset.load(path)  # the same file again, with every check and its message


def _text_ok(text) -> bool:
    return isinstance(text, tuple) and all(
        isinstance(s.text, str) and isinstance(s.bold, bool) and isinstance(s.italic, bool)
        and isinstance(s.url, str) for s in text)


def _blocks_ok(blocks) -> bool:
    return all(isinstance(b.number, int) and _text_ok(b.text) and all(_text_ok(c) for r in b.rows for c in r)
               for b in blocks)


def _well_typed(c: Cluster) -> bool:
    p = c.profile
    return (all(isinstance(getattr(p, a), str) for a in ("short_name", "full_name", "country", "website"))
            and all(getattr(p, a) is None or type(getattr(p, a)) is int for a in ("founded", "members", "smes"))
            and _text_ok(p.about) and _blocks_ok(c.step1)
            and all(isinstance(n.label, str) and isinstance(n.language, str) and _blocks_ok(n.blocks)
                    for n in c.step2_notes)
            and all(isinstance(x, str) for e in c.swot for x in (e.topic, e.quadrant, e.group, e.theme))
            and all(isinstance(x, str) for e in c.tows for x in (e.topic, e.strategy, e.format))
            and all(_text_ok(e.text) for e in [*c.swot, *c.tows]))
