"""Last round's map, sent back pre-filled: `new-workbook NAME --from DIR_OR_EXPORT` (or `--all`).

The source is read and validated whole first (a folder of workbooks, as the build reads them, or a
JSON export or snapshot); the workbook written is the standard one (workbook_writer.py: same sheets,
dropdowns, Read me, protection) holding the cluster's profile, Step 1, Step 2 notes, SWOT and TOWS,
rich text kept, so that the partner updates rather than retypes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from competency_maps.dataset import records as dataset
from competency_maps.inputs.config import Deliverable
from competency_maps.errors import Issue, Location, ReportError
from competency_maps.inputs.gather import check_files, workbook_files
from competency_maps.model.cluster import Cluster
from competency_maps.model.schema import Schema, name_key
from competency_maps.publish.names import safe_filename
from competency_maps.xlsx.writer import fill_workbook


@dataclass
class Source:
    """What a source holds: usable clusters, and the files that could not be used, with why."""
    clusters: list[Cluster] = field(default_factory=list)
    problems: list[tuple[str, list[Issue]]] = field(default_factory=list)  # (file name, its errors)


def read_source(source: Path, deliverable: Deliverable, schema: Schema) -> Source:
    """A folder of workbooks (each checked as `check` does) or a JSON export or snapshot; a
    ReportError naming the source when it is neither."""
    if source.is_dir():
        return _from_folder(source, deliverable, schema)
    if source.suffix.lower() == ".json" or not source.exists():
        return Source(dataset.load(source))
    raise ReportError("prefill.source.kind", Location(str(source)))


def _from_folder(folder: Path, deliverable: Deliverable, schema: Schema) -> Source:
    out = Source()
    seen: dict[str, Path] = {}
    files = workbook_files(folder)
    if not files:
        raise ReportError("prefill.source.empty", Location(str(folder)))
    for res in check_files(files, schema, deliverable.topics):
        if res.cluster is None or res.errors:
            out.problems.append((res.path.name, res.errors))
            continue
        k = name_key(res.cluster.name)
        if k in seen:
            raise ReportError("prefill.source.cluster_twice", Location(str(folder)), cluster=res.cluster.name,
                              first=seen[k].name, second=res.path.name)
        seen[k] = res.path
        out.clusters.append(res.cluster)
    return out


def file_name(cluster: Cluster) -> str:
    return f"{safe_filename(cluster.name)}-competency-map.xlsx"


def targets_in(clusters: list[Cluster], folder: Path) -> list[tuple[Path, Cluster]]:
    """Where each cluster's workbook goes in `folder` (`--all`); a ReportError naming both clusters
    when two names make one file name ("Łódź Cluster" and "Lodz Cluster"; case aside, as Windows and
    macOS compare names), so that no cluster's file overwrites another's."""
    seen: dict[str, Cluster] = {}
    out = []
    for c in clusters:
        name = file_name(c)
        other = seen.setdefault(name.casefold(), c)
        if other is not c:
            raise ReportError("prefill.same_file", Location(str(folder / name)), first=repr(other.name),
                              second=repr(c.name))
        out.append((folder / name, c))
    return out


def find(clusters: list[Cluster], name: str) -> Cluster | None:
    return next((c for c in clusters if name_key(c.name) == name_key(name)), None)


def workbook_bytes(schema: Schema, cluster: Cluster, **options) -> bytes:
    buf = io.BytesIO()
    fill_workbook(schema, cluster, **options).save(buf)
    return buf.getvalue()


def outdated(cluster: Cluster, d: Deliverable) -> tuple[list[str], list[str]]:
    """The topics and the themes this deliverable no longer offers (renamed since): the partner will
    have to choose again, and `check` will say where."""
    topics = set(d.topics)
    gone_topics = sorted({e.topic for e in [*cluster.swot, *cluster.tows] if e.topic not in topics})
    themes = set(d.theme_names)
    return gone_topics, sorted({e.theme for e in cluster.swot if e.theme and e.theme not in themes})
