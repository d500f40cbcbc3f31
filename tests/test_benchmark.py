"""The benchmark's synthetic consortia are real inputs: they read cleanly, with every name listed."""

from __future__ import annotations

import pytest
import sys

from bench.benchmark import _timed, make_consortium
from competency_maps.inputs.gather import gather

pytestmark = pytest.mark.slow  # builds reports or drives a real client


def test_a_synthetic_consortium_of_seven_reads_without_errors(tmp_path):
    g = gather(make_consortium(7, tmp_path / "in"))
    assert not g.errors
    names = [c.name for c in g.clusters]
    assert len(names) == len(set(names)) == 7
    assert list(g.deliverable.clusters.order) == sorted(names, key=list(g.deliverable.clusters.order).index)


def test_timed_counts_the_cpu_of_the_command():
    wall, cpu = _timed([sys.executable, "-c", "sum(range(3_000_000))"])
    assert wall > 0 and 0 < cpu < wall * 2 + 0.5
