"""The consortium synthesis: convergences, complementarities, explicit themes, on/off in both outputs."""

from __future__ import annotations

from dataclasses import replace

from competency_maps.content import build_content, chapter
from competency_maps.figures import heatmap, heatmap_png
from competency_maps.model import SwotEntry
from competency_maps.render_docx import render_docx
from competency_maps.render_pdf import render_figures, render_html
from competency_maps.richtext import Span
from competency_maps.synthesis import Theme, analyse
from reports import docx_paragraphs, sample_content, sample_docx, sample_gathered


def _syn(clusters=None, themes=None):
    g = sample_gathered()
    d = g.deliverable
    return analyse(clusters or g.clusters, d.topics, list(themes or d.themes), d.synthesis_min_clusters)


def test_covid_is_a_threat_named_by_all_five_clusters():
    conv = {(c.theme, c.quadrant): c for c in _syn().convergences}
    covid = conv[("COVID-19", "Threat")]
    assert {q.cluster for q in covid.quotes} == {c.name for c in sample_gathered().clusters}
    for q in covid.quotes:  # each quote is one of that cluster's threats, word for word
        cluster = next(c for c in sample_gathered().clusters if c.name == q.cluster)
        assert q.entry in [e.plain for e in cluster.swot if e.quadrant == "Threat"]


def test_eu_funding_knowhow_is_a_complementarity():
    comps = {c.theme: c for c in _syn().complementarities}
    assert comps, "no complementarity found"
    eu = comps["EU projects and networks"]
    assert any(p.strong.cluster == "Zone Cluster" and "EU funding schemes" in p.strong.entry for p in eu.pairs)
    for c in comps.values():
        for p in c.pairs:
            assert p.strong.cluster != p.weak.cluster


def test_an_explicit_theme_overrides_the_keyword_match():
    g = sample_gathered()
    d = g.deliverable
    mobinov = next(c for c in g.clusters if c.name == "Mobinov")
    covid_threats = [e for e in mobinov.swot if e.quadrant == "Threat" and "COVID" in e.plain]
    assert covid_threats
    relabelled = replace(mobinov, swot=[replace(e, theme="Digital") if e in covid_threats else e
                                        for e in mobinov.swot])
    clusters = [relabelled if c is mobinov else c for c in g.clusters]
    conv = {(c.theme, c.quadrant): c for c in _syn(clusters).convergences}
    assert "Mobinov" not in {q.cluster for q in conv[("COVID-19", "Threat")].quotes}
    # and an entry with no keyword at all joins a theme when the partner says so
    plain = SwotEntry(d.topics[0], "Threat", "", (Span("Nothing to match here"),), 0, "COVID-19")
    one = replace(relabelled, swot=[plain])
    found = analyse([one], d.topics, [Theme("COVID-19", ("covid",))], 1).convergences
    assert [(c.theme, c.quotes[0].entry) for c in found] == [("COVID-19", "Nothing to match here")]


def test_the_theme_column_is_read_from_the_workbook(make_workbook, tmp_path, sample_cluster, schema):
    from competency_maps.reader import read_workbook
    tagged = replace(sample_cluster, swot=[replace(sample_cluster.swot[0], theme="Digital")] + sample_cluster.swot[1:])
    res = read_workbook(make_workbook(tmp_path, tagged), schema)
    assert not res.errors
    assert res.cluster.swot[0].theme == "Digital"


def test_heatmap_counts_match_the_model_and_render_both_ways():
    syn = _syn()
    for row, c in zip(syn.rows, sample_gathered().clusters):
        assert sum(row.counts) == len(c.swot)
    h = heatmap(syn, sample_gathered().deliverable.labels)
    assert len(h.cells) == len(syn.rows) * 4 * (len(syn.topics) + 1)
    png = heatmap_png(h)
    assert png.startswith(b"\x89PNG") and png == heatmap_png(h)
    svg = render_figures(sample_content())["memory:heatmap.svg"][0].decode()
    assert svg.count("<rect") == len(h.cells) and "Mov&#39;eo" in svg


def test_chapter_is_in_both_outputs_and_switches_off():
    assert "Consortium synthesis" in [t for s, t in docx_paragraphs(sample_docx()) if s == "Heading 1"]
    assert 'id="synthesis"' in render_html(sample_content())
    g = sample_gathered()
    off = replace(g.deliverable, synthesis=False)
    content = build_content(off, [chapter(c, off) for c in g.clusters], g.clusters)
    assert content.synthesis is None
    paras = [t for _, t in docx_paragraphs(render_docx(content))]
    assert "Consortium synthesis" not in paras and "Convergences" not in paras
    assert "Consortium synthesis" not in render_html(content)
