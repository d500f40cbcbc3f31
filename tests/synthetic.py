"""Made-up clusters for layouts of long maps (the heat map, the synthesis chapter): shared by the
synthesis and figure tests."""

from __future__ import annotations

from competency_maps.model.cluster import Cluster, Profile, SwotEntry
from competency_maps.model.richtext import Span
from reports import sample_gathered


def synthetic_clusters(n: int) -> list[Cluster]:
    """n clusters with a few entries each and names of every length, for layouts of long maps."""
    topics = sample_gathered().deliverable.topics
    names = ["Zone", "RAI Automotive Industry NL", "Mov'eo", "E-Mobility Cluster", "Mobinov"]
    return [Cluster(Profile(f"{names[i % 5]} {i + 1}"),
                    swot=[SwotEntry(topics[i % 3], q, "", (Span(f"Entry {k}"),)) for k, q in
                          enumerate(("Strength", "Weakness", "Opportunity", "Threat")[: 1 + i % 4])])
            for i in range(n)]
