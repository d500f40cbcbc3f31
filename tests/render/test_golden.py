"""The sample build's text against the committed golden copy (tests/golden/sample.txt)."""

from __future__ import annotations

import difflib

import pytest

from golden import GOLDEN, sample_text

pytestmark = pytest.mark.slow  # builds reports or drives a real client


def test_the_sample_build_reads_as_the_golden_text():
    expected, actual = GOLDEN.read_text(encoding="utf-8"), sample_text()
    diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        "tests/golden/sample.txt", "this build", n=1))
    assert not diff, ("The sample's text changed. If that is intended, refresh the golden copy with "
                      "`.venv/bin/python tests/golden.py` and commit it:\n" + diff[:6000])
