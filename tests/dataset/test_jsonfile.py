"""Untrusted JSON (an export, a snapshot, `--since`, `--from`): read within size, depth and number
limits, only from regular files, each refusal a DatasetError naming the file; never a hang, never
an internal error (exit 3)."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import pytest

from competency_maps.dataset import records as dataset
from competency_maps.dataset.jsonfile import MAX_DEPTH, DatasetError, parse
from competency_maps.errors import Location
from competency_maps.inputs.files import read_regular_file
from reports import INPUTS
from reports import run_cli as run

DEEP = "[" * 100_000 + "]" * 100_000
BIG = '{"format": "competency-maps", "version": 1, "clusters": [], "swot": [], "tows": [], "n": 1' + "0" * 5000 + "}"


@pytest.fixture
def deadline():
    """Fail, rather than hang, if a read blocks (a FIFO with no writer)."""
    def hung(*_):
        raise TimeoutError("the read blocked")
    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.fixture
def hostile(tmp_path) -> dict[str, Path]:
    """Files that are not exports, each named .json as a coordinator might pass them."""
    files = {"deep": tmp_path / "deep.json", "big": tmp_path / "big.json", "nan": tmp_path / "nan.json",
             "fifo": tmp_path / "fifo.json", "zero": tmp_path / "zero.json", "binary": tmp_path / "bin.json"}
    files["deep"].write_text(DEEP)
    files["big"].write_text(BIG)
    files["nan"].write_text('{"format": NaN}')
    files["binary"].write_bytes(b"\xff\xfe\x00garbage")
    os.mkfifo(files["fifo"])
    files["zero"].symlink_to("/dev/zero")
    return files


CODES = {"deep": "dataset.too_deep", "big": "dataset.big_number", "nan": "dataset.not_a_number",
         "fifo": "read.not_regular", "zero": "read.not_regular", "binary": "dataset.not_utf8"}


@pytest.mark.parametrize("kind", sorted(CODES))
def test_each_hostile_file_is_a_located_error(hostile, kind, deadline):
    with pytest.raises(DatasetError) as e:
        dataset.load(hostile[kind])
    assert e.value.code == CODES[kind] and e.value.location.file == str(hostile[kind])


def test_nesting_below_the_recursion_limit_is_refused_before_the_schema_sees_it():
    assert sys.getrecursionlimit() > MAX_DEPTH + 1
    with pytest.raises(DatasetError) as e:
        parse(("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)).encode(), Location("x.json"))
    assert e.value.code == "dataset.too_deep"
    assert parse(("[" * MAX_DEPTH + "]" * MAX_DEPTH).encode(), Location("x.json")) is not None


def test_a_long_float_and_a_long_int_are_refused_a_short_one_read():
    with pytest.raises(DatasetError) as e:
        parse(b"[" + b"9" * 60 + b".5]", Location("x.json"))
    assert e.value.code == "dataset.big_number"
    got = parse(b'{"founded": 2010.0, "x": -1.5e3, "y": 0.5}', Location("x.json"))
    assert got == {"founded": 2010, "x": -1500, "y": 0.5} and type(got["founded"]) is int
    with pytest.raises(DatasetError) as e:  # an integer to JSON Schema, 301 digits to Python
        parse(b'{"founded": 1e300}', Location("x.json"))
    assert e.value.code == "dataset.big_number"


def test_the_size_is_what_is_read_not_what_stat_says(tmp_path):
    """/proc files say 0 bytes and hold more: the limit holds on what a read returns."""
    proc = Path("/proc/self/maps")
    assert proc.stat().st_size == 0
    with pytest.raises(DatasetError) as e:
        read_regular_file(proc, Location("maps"), 16, raising=DatasetError)
    assert e.value.code == "read.too_large"
    small = tmp_path / "small.json"
    small.write_bytes(b"x" * 16)
    assert read_regular_file(small, Location("small"), 16) == b"x" * 16


@pytest.mark.parametrize("kind", sorted(CODES))
@pytest.mark.slow  # over a second: many workbooks read and written
def test_changes_since_and_new_workbook_from_say_it_and_exit_1(hostile, kind, tmp_path, deadline):
    for argv in (["changes", "--since", hostile[kind]],
                 ["new-workbook", "Mov'eo", "--from", hostile[kind], "-o", tmp_path / "x.xlsx"]):
        r = run("--inputs", INPUTS, *argv)
        assert r.code == 1 and "console.internal_error" not in r.codes(), r.out
        assert [i.location.file for i in r.issues if i.is_error] == [str(hostile[kind])], r.out
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.slow  # over a second: many workbooks read and written
def test_changes_since_checks_the_schema_a_typo_and_a_second_copy_of_a_cluster(tmp_path):
    """`--since` is checked as `--from` is: a hand-edited quadrant, a cluster listed twice."""
    from competency_maps.dataset.snapshot import read_snapshot
    from reports import sample_gathered
    clusters = sample_gathered().clusters
    data = json.loads(dataset.dumps(dataset.to_data(clusters, readings=False)))
    data["swot"][2]["quadrant"] = "Strenght"
    typo = tmp_path / "typo.json"
    typo.write_text(json.dumps(data))
    code, printed = run("--inputs", INPUTS, "changes", "--since", typo)
    assert code == 1 and f"ERROR {typo} › swot[2].quadrant" in printed and "'Strenght'" in printed
    data = json.loads(dataset.dumps(dataset.to_data(clusters, readings=False)))
    data["clusters"].append({**data["clusters"][0], "name": data["clusters"][0]["name"].upper()})
    twice = tmp_path / "twice.json"
    twice.write_text(json.dumps(data))
    with pytest.raises(DatasetError) as e:
        read_snapshot(twice)
    assert e.value.code == "dataset.duplicate_cluster" and e.value.location.cell == f"clusters[{len(clusters)}].name"
