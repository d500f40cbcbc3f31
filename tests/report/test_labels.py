"""The tool's own words: one place, overridable in deliverable.toml, never mixing with partner text."""

from __future__ import annotations

import shutil
from pathlib import Path
from dataclasses import replace

import pytest
from toml_edit import set_keys
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from competency_maps.inputs import config
from competency_maps.report.content import build_content, chapter
from competency_maps.errors import ConfigError, Location
from competency_maps.labels import DEFAULT_LABELS, Labels, fields
from competency_maps.render.docx.render import render_docx
from competency_maps.render.pdf.render import render_html
from competency_maps.model.richtext import Span
from competency_maps.model.schema import QUADRANTS, STRATEGIES
from parity import docx_blocks
from reports import INPUTS, sample_content, sample_gathered


@given(st.text(), st.text())
def test_values_are_inserted_literally_never_read_as_markup_or_patterns(a, b):
    out = Labels().rich("convergence_quote", cluster=a, entry=b)
    assert "".join(s.text for s in out) == f"{a}: “{b}”"
    assert out[0] == Span(a, bold=True) if a else True


def test_bold_in_a_pattern_and_singular_or_plural():
    lb = Labels()
    assert lb.rich("complementarity_strength", cluster="A", entry="x")[0] == Span("A", bold=True)
    assert lb.count("placeholder_errors", 1) == "Workbook has 1 error — not shown."
    assert lb.count("placeholder_errors", 3) == "Workbook has 3 errors — not shown."


def test_every_plural_has_its_singular():
    stems = {k.rsplit("_", 1)[0] for k in DEFAULT_LABELS if k.endswith(("_one", "_other"))}
    assert all(f"{s}_one" in DEFAULT_LABELS and f"{s}_other" in DEFAULT_LABELS for s in stems)


def _inputs_with(tmp_path, labels: dict[str, str]):
    inputs = tmp_path / "inputs"
    shutil.copytree(INPUTS, inputs)
    set_keys(inputs, "labels", **labels)
    return inputs


@pytest.mark.slow
def test_an_override_in_the_toml_reaches_both_outputs(tmp_path):
    inputs = _inputs_with(tmp_path, {"tows_corner": "Thema: {topic}", "info_keywords": "Schlagwörter"})
    d = config.load(inputs)
    g = sample_gathered()
    content = build_content(d, [chapter(c, d) for c in g.clusters[:1]], g.clusters[:1])
    corner = f"Thema: {d.short_topic(d.topics[0])}"
    assert corner in docx_blocks(render_docx(content)) and "Schlagwörter" in docx_blocks(render_docx(content))
    html = render_html(content)
    assert escape(corner) in html and "Schlagwörter" in html and "Topic: " not in html


@pytest.mark.parametrize("labels, key, code, params", [
    ({"tows_corners": "x"}, "tows_corners", "config.label.unknown",
     {"noun": "label", "name": "tows_corners", "close": "tows_corner"}),
    ({"tows_corner": "{thema}"}, "tows_corner", "config.pattern.blanks",
     {"blanks": ("thema",), "allowed": "{topic}"}),
])
def test_a_wrong_override_is_a_located_error(tmp_path, labels, key, code, params):
    with pytest.raises(ConfigError) as e:
        config.load(_inputs_with(tmp_path, labels))
    assert (e.value.location, e.value.code, e.value.params) == (Location("deliverable.toml", "labels", key), code, params)


@pytest.mark.slow
def test_the_version_log_and_history_columns_come_from_the_toml(tmp_path):
    inputs = _inputs_with(tmp_path, {})
    text = (inputs / "deliverable.toml").read_text(encoding="utf-8")
    (inputs / "deliverable.toml").write_text(text.replace('"Rev. No."', '"Revision"'), encoding="utf-8")
    d = config.load(inputs)
    content = build_content(d, [], [])
    assert content.front.logs[0].columns == ["Issue Date", "Revision", "Author", "Change"]
    assert "Revision" in docx_blocks(render_docx(content)) and "<th scope=\"col\">Revision</th>" in render_html(content)


@pytest.mark.slow
def test_the_heat_map_has_a_group_per_configured_topic_in_both_outputs():
    g = sample_gathered()
    d = replace(g.deliverable, swot=replace(g.deliverable.swot, topics=g.deliverable.topics[:2]))
    clusters = [replace(c, swot=[e for e in c.swot if e.topic in d.topics]) for c in g.clusters]
    content = build_content(d, [chapter(c, d) for c in clusters], clusters)
    [h] = content.synthesis.heatmaps
    assert [lb.text for lb in h.labels if lb.bold] == ["Topic 1", "Topic 2", "All topics"]
    note = content.synthesis.topics_note
    assert note == f"Topics: 1. {d.topics[0]}; 2. {d.topics[1]}."
    assert note in docx_blocks(render_docx(content)) and note.replace("'", "&#39;") in render_html(content)


def test_every_label_is_used_by_the_content_module():
    import inspect

    import competency_maps.report as report
    source = "".join(p.read_text(encoding="utf-8") for p in Path(inspect.getfile(report)).parent.glob("*.py"))
    # the quadrants' and strategies' names are reached through Labels.quadrant/letter/strategy
    used: list[str] = []

    class Recording(Labels):
        def __call__(self, key: str, **values: object) -> str:
            used.append(key)
            return super().__call__(key, **values)
    rec = Recording()
    for q in QUADRANTS:
        rec.quadrant(q), rec.quadrant(q, in_sentence=True), rec.letter(q)
    for s in STRATEGIES:
        rec.strategy(s)
    methods = set(used)
    assert len(methods) == 16 and methods <= set(DEFAULT_LABELS)
    assert all(f".{m}(" in source for m in ("quadrant", "letter", "strategy"))
    unused = [k for k in DEFAULT_LABELS if k not in methods
              and f'"{k}"' not in source and f'"{k.rsplit("_", 1)[0]}"' not in source]
    assert not unused, unused


def test_every_pattern_names_only_known_blanks():
    assert fields("{a} and {b}") == {"a", "b"}
    assert sample_content().furniture.page_before == "Page "
