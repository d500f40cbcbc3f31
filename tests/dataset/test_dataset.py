"""dataset.py: the model as JSON and back, exactly; Markdown that reads back as the same text; files
that cannot be read back are a message naming the file and the place."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, strategies as st

from competency_maps.dataset import records as dataset
from competency_maps.dataset.records import DatasetError, to_markdown
from competency_maps.errors import Location
from competency_maps.model.cluster import Cluster, Note, Profile, SwotEntry, TowsEntry
from competency_maps.model.richtext import Block, BlockKind, Span, normalise, parse_markdown
from competency_maps.model.schema import FORMATS, QUADRANTS, STRATEGIES, STYLES
from reports import sample_gathered


def bare(c: Cluster) -> tuple:
    """What the JSON holds: all but the source file, the rows and the logo (from inputs/logos/)."""
    return (replace(c.profile, logo=None), c.step1, [replace(e, row=0) for e in c.swot],
            [replace(e, row=0) for e in c.tows], c.step2_notes)


def round_trip(clusters: list[Cluster], readings: bool = True) -> list[Cluster]:
    raw = json.loads(dataset.dumps(dataset.to_data(clusters, readings=readings)))
    dataset.check(raw, Location("test.json"))
    return dataset.clusters_of(raw)


# --- model -> JSON -> model ---------------------------------------------------------------------

free = st.text(max_size=12)
spans = st.lists(st.builds(Span, free, st.booleans(), st.booleans(),
                           st.sampled_from(["", "https://example.org/a?b=c", "mailto:x@example.org"])),
                 max_size=3).map(tuple)
blocks = st.builds(Block, st.sampled_from(list(BlockKind)), spans, st.integers(0, 30),
                   rows=st.lists(st.lists(spans, max_size=2).map(tuple), max_size=2).map(tuple))
counts = st.none() | st.integers(0, 10**6)
profiles = st.builds(Profile, st.text(min_size=1, max_size=20), free, free, st.none() | st.integers(-3000, 3000),
                     counts, counts, free, spans)
swot = st.builds(SwotEntry, free, st.sampled_from(QUADRANTS), free, spans, theme=free)
tows = st.builds(TowsEntry, free, st.sampled_from(STRATEGIES), st.sampled_from(FORMATS), spans)
notes = st.builds(Note, free, st.lists(blocks, max_size=2).map(tuple), free)
clusters = st.builds(Cluster, profiles, st.lists(blocks, max_size=2), st.lists(swot, max_size=3),
                     st.lists(tows, max_size=3), step2_notes=st.lists(notes, max_size=1))


@given(st.lists(clusters, max_size=2, unique_by=lambda c: dataset.cluster_key(c.name)), st.booleans())
def test_any_model_comes_back_from_json_unchanged(cs, readings):
    assert [bare(c) for c in round_trip(cs, readings)] == [bare(c) for c in cs]


def test_the_sample_comes_back_unchanged_and_its_snapshot_is_half_the_export():
    cs = sample_gathered().clusters
    assert [bare(c) for c in round_trip(cs)] == [bare(c) for c in cs]
    full = dataset.dumps(dataset.to_data(cs))
    lean = dataset.dumps(dataset.to_data(cs, readings=False))
    assert len(lean) < 0.6 * len(full)
    assert dataset.dumps(dataset.to_data(cs)) == full  # same data, same bytes


def test_the_schema_allows_exactly_the_workbook_s_choices():
    defs = dataset.json_schema()["$defs"]
    assert defs["swot_entry"]["properties"]["quadrant"]["enum"] == list(QUADRANTS)
    assert defs["tows_strategy"]["properties"]["strategy"]["enum"] == list(STRATEGIES)
    assert defs["tows_strategy"]["properties"]["format"]["enum"] == list(FORMATS)
    assert defs["style"]["enum"] == [dataset.style_name(k) for k in BlockKind]
    assert set(STYLES) <= set(defs["style"]["enum"])
    jsonschema.Draft202012Validator.check_schema(dataset.json_schema())


# --- Markdown -----------------------------------------------------------------------------------

ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
edge = st.sampled_from("abcXYZ019éßŁ中")
inner = st.text(alphabet=st.sampled_from("abc XYZ 019 éß" + ASCII_PUNCT), max_size=12)
# a line break only between visible characters: Markdown drops spaces around a line's ends
inner_line = st.lists(inner.map(str.strip), min_size=1, max_size=3).map(lambda parts: "x\nx".join(parts))


@st.composite
def styled_text(draw) -> tuple[Span, ...]:
    """Styled runs whose edges are letters, between plain runs that start and end with a space."""
    out = [Span(draw(edge) + draw(inner_line))]
    for _ in range(draw(st.integers(0, 3))):
        out.append(Span(" " + draw(inner_line) + draw(edge) + " "))
        body = draw(edge) + draw(inner) + draw(edge)
        out.append(Span(body, *draw(st.sampled_from([(True, False), (False, True), (True, True)]))))
    out.append(Span(" " + draw(edge)))
    return normalise(out)


@given(styled_text())
def test_markdown_reads_back_as_the_same_text(text):
    [block] = parse_markdown(to_markdown(text))
    assert block.kind is BlockKind.PARAGRAPH and block.text == text


def test_markdown_of_every_sample_text_reads_back():
    for c in sample_gathered().clusters:
        for t in [c.profile.about, *(e.text for e in [*c.swot, *c.tows]), *(b.text for b in c.step1)]:
            [block] = parse_markdown(to_markdown(t))
            assert block.text == normalise(t)


@pytest.mark.parametrize("text, markdown", [
    ((Span("1. first"),), "1\\. first"),
    ((Span("# not a heading\n- nor a list"),), "\\# not a heading\\\n\\- nor a list"),
    ((Span("a "), Span(" bold ", bold=True), Span("end")), "a  **bold** end"),
    ((Span("R&D &amp; more"),), "R&D \\&amp; more"),
    ((Span("site", url="https://x.eu/a b"),), "[site](https://x.eu/a%20b)"),
])
def test_markdown_escapes_what_would_be_markup(text, markdown):
    assert to_markdown(text) == markdown


# --- reading a file back ------------------------------------------------------------------------


def _file(tmp_path: Path, data) -> Path:
    path = tmp_path / "export.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _good(sample_cluster) -> dict:
    return json.loads(dataset.dumps(dataset.to_data([sample_cluster])))


def test_a_good_file_loads(tmp_path, sample_cluster):
    [c] = dataset.load(_file(tmp_path, _good(sample_cluster)))
    assert bare(c) == bare(sample_cluster)


@pytest.mark.parametrize("break_it, code, place, params", [
    (lambda d: d["swot"][3].update(quadrant="Strenght"), "dataset.schema", "swot[3].quadrant", "'Strenght'"),
    (lambda d: d["tows"][0]["spans"][0].update(bold="yes"), "dataset.schema", "tows[0].spans[0].bold", ""),
    (lambda d: d["clusters"][0]["profile"].pop("country"), "dataset.schema", "clusters[0].profile",
     "'country' is a required property"),
    (lambda d: d.update(version=2), "dataset.newer", "version", ""),
    (lambda d: d["swot"][0].update(cluster="Other"), "dataset.unknown_cluster", "swot[0].cluster", "'Other'"),
    (lambda d: d.update(format="something else"), "dataset.schema", "format", ""),
    (lambda d: d["clusters"].append({**d["clusters"][0], "name": "TEST cluster"}), "dataset.duplicate_cluster",
     "clusters[1].name", "'TEST cluster'"),
])
def test_a_broken_file_is_a_message_naming_it_and_the_place(tmp_path, sample_cluster, break_it, code, place,
                                                            params):
    data = _good(sample_cluster)
    break_it(data)
    with pytest.raises(DatasetError) as e:
        dataset.load(_file(tmp_path, data))
    assert e.value.code == code and e.value.location.cell == place
    assert params in " ".join(map(str, e.value.params.values()))
    assert e.value.location.file.endswith("export.json") and e.value.hint


@pytest.mark.parametrize("content, code, place", [("{not json", "dataset.not_json", ""),
                                                  ("[]", "dataset.schema", "")])
def test_what_is_not_an_export_is_said(tmp_path, content, code, place):
    with pytest.raises(DatasetError) as e:
        dataset.load(_file(tmp_path, content))
    assert (e.value.code, e.value.location.cell) == (code, place)


def test_a_missing_file_or_a_folder_is_said(tmp_path):
    with pytest.raises(DatasetError) as e:
        dataset.load(tmp_path / "nope.json")
    assert e.value.code == "read.missing"
    with pytest.raises(DatasetError) as e:
        dataset.load(tmp_path)
    assert e.value.code == "read.folder"
