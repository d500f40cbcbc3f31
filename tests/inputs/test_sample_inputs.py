"""The shipped sample workbooks (inputs/*.xlsx), against counts taken from the seed by hand."""

import importlib.util
from pathlib import Path

import pytest

from competency_maps.inputs import config
from competency_maps.inputs.gather import check_files, workbook_files
from competency_maps.inputs.reader import read_workbook
from competency_maps.model.schema import QUADRANTS, STRATEGIES, build_schema
from competency_maps.xlsx.writer import write_filled_workbook

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ROOT / "inputs"
SAMPLE_DATA = ROOT / "tools" / "sample_data"

# Counted in the seed by the transcribers. Per topic 1..3: SWOT (S, W, O, T), TOWS (S-O, S-T, W-O, W-T).
EXPECTED = {
    "E-Mobility Cluster": dict(
        step1=5,  # its German workshop notes are Step 2 notes, as in the original
        swot=[(9, 9, 4, 6), (6, 4, 2, 3), (4, 2, 2, 2)],
        tows=[(1, 1, 1, 1), (3, 2, 1, 1), (3, 2, 2, 3)]),
    "Mobinov": dict(
        step1=4,
        swot=[(6, 7, 3, 2), (5, 2, 6, 3), (4, 1, 2, 1)],
        tows=[(2, 1, 1, 4), (3, 4, 5, 2), (2, 1, 1, 1)]),
    "Mov'eo": dict(
        step1=8,
        swot=[(4, 7, 5, 6), (5, 5, 8, 2), (10, 4, 4, 4)],
        tows=[(5, 4, 4, 5), (5, 5, 4, 5), (6, 4, 4, 3)]),
    "RAI Automotive Industry NL": dict(
        step1=27,
        swot=[(5, 2, 2, 5), (5, 3, 2, 2), (2, 2, 3, 2)],
        tows=[(1, 1, 1, 1), (2, 1, 3, 1), (1, 1, 1, 1)]),
    "Zone Cluster": dict(
        step1=11,
        swot=[(8, 7, 5, 6), (5, 6, 7, 5), (7, 3, 4, 6)],
        tows=[(4, 5, 5, 4), (5, 4, 5, 3), (5, 4, 4, 3)]),
}


@pytest.fixture(scope="module")
def deliverable():
    return config.load(INPUTS)


@pytest.fixture(scope="module")
def results(deliverable):
    """Every shipped workbook, read and validated once, by cluster name."""
    schema = build_schema(deliverable.topics, deliverable.theme_names)
    out = {}
    for res in check_files(workbook_files(INPUTS), schema, deliverable.topics):
        assert res.cluster is not None, [str(i) for i in res.issues]
        out[res.cluster.name] = res
    return out


@pytest.mark.slow
def test_one_workbook_per_listed_cluster(results, deliverable):
    assert sorted(results) == sorted(EXPECTED) == sorted(deliverable.clusters.order)


@pytest.mark.parametrize("name", EXPECTED)
def test_step1_rows(results, name):
    assert len(results[name].cluster.step1) == EXPECTED[name]["step1"]


def test_the_german_workshop_notes_open_step_2_under_their_labels(results):
    notes = results["E-Mobility Cluster"].cluster.step2_notes
    assert [(n.label, n.language, len(n.blocks)) for n in notes] == [
        ("Strengths / Stärken", "de", 17), ("Weaknesses / Schwächen", "de", 12),
        ("Opportunities / Chancen", "de", 10), ("Threats / Risiken", "de", 11)]
    assert notes[0].blocks[0].plain == "Geschäftsmodell Frage" and notes[0].blocks[0].text[0].bold
    assert all(not c.cluster.step2_notes for n, c in results.items() if n != "E-Mobility Cluster")


@pytest.mark.parametrize("name", EXPECTED)
def test_swot_counts_per_topic_and_quadrant(results, deliverable, name):
    counts = results[name].cluster.swot_counts()
    got = [tuple(counts.get((topic, q), 0) for q in QUADRANTS) for topic in deliverable.topics]
    assert got == EXPECTED[name]["swot"]
    assert sum(counts.values()) == sum(map(sum, EXPECTED[name]["swot"]))  # no entry outside the topics


@pytest.mark.parametrize("name", EXPECTED)
def test_tows_counts_per_topic_and_strategy(results, deliverable, name):
    counts = results[name].cluster.tows_counts()
    got = [tuple(counts.get((topic, s), 0) for s in STRATEGIES) for topic in deliverable.topics]
    assert got == EXPECTED[name]["tows"]
    assert sum(counts.values()) == sum(map(sum, EXPECTED[name]["tows"]))


@pytest.mark.parametrize("name", EXPECTED)
def test_check_finds_nothing(results, name):
    assert [str(i) for i in results[name].issues] == []


@pytest.mark.parametrize("name", EXPECTED)
def test_profile_is_complete(results, name):
    p = results[name].cluster.profile
    assert p.short_name == name and p.country and p.about
    if p.members is not None and p.smes is not None:
        assert p.smes <= p.members


# --- the committed workbooks are generated from tools/sample_data ------------------------------


def _make_samples():
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "tools" / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_transcription_has_its_workbook():
    assert {p.stem for p in SAMPLE_DATA.glob("*.toml")} == {p.stem for p in workbook_files(INPUTS)}


@pytest.mark.slow
@pytest.mark.parametrize("stem", sorted(p.stem for p in SAMPLE_DATA.glob("*.toml")))
def test_committed_workbooks_are_up_to_date(tmp_path, deliverable, comparable, stem):
    make_samples = _make_samples()
    schema = build_schema(deliverable.topics, deliverable.theme_names)
    cluster = make_samples.cluster_from_toml(SAMPLE_DATA / f"{stem}.toml", deliverable.topics)
    fresh = read_workbook(write_filled_workbook(schema, cluster, tmp_path / f"{stem}.xlsx"), schema)
    committed = read_workbook(INPUTS / f"{stem}.xlsx", schema)
    assert fresh.issues == [] and committed.issues == []
    assert comparable(committed.cluster) == comparable(fresh.cluster), (
        f"inputs/{stem}.xlsx is out of date: run python tools/make_samples.py")
    assert [e.row for e in committed.cluster.swot] == [e.row for e in fresh.cluster.swot]


@pytest.mark.slow
def test_check_command_on_all_five():
    from recording import run

    r = run("--inputs", INPUTS, "check", *workbook_files(INPUTS))
    assert r.code == 0, r.out
    heads = r.lines("console.check.file")
    assert [(h["errors"].code, h["warnings"].params) for h in heads] == [("console.count.ok", {"count": 0})] * 5
    assert not [i for i in r.issues if i.severity.value != "info"]
    assert r.codes()[-1] == "console.check.passed"
