"""The consortium synthesis: themes by whole words, candidate findings, the heat map in parts, and
what the chapter prints (only what the review endorses) in both outputs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from competency_maps.report.content import build_content, chapter
from competency_maps.report.figures import (as_picture, CELL_H, FRAME_H, FRAME_W, HEAD_H, PART_MARGIN, heatmap_png, heatmaps,
                                     rows_per_part)
from competency_maps.labels import Labels
from competency_maps.model.cluster import Cluster, Profile, SwotEntry
from competency_maps.render.docx.render import render_docx
from competency_maps.render.pdf.render import render_figures, render_html
from competency_maps.model.richtext import Span, plain
from competency_maps.analysis.synthesis import (COMPLEMENTARITY, CONVERGENCE, MAX_COMPLEMENTARITIES, PER_PAIR,
                                               HeatRow, Matcher, Synthesis, Theme, analyse, best_pairs,
                                               complementarities, convergence_threshold)
from competency_maps.analysis.decisions import candidate_key, endorsed_by
from reports import docx_paragraphs, sample_content, sample_docx, sample_gathered


def _syn(clusters=None, themes=None):
    g = sample_gathered()
    d = g.deliverable
    return analyse(clusters or g.clusters, d.topics, list(themes or d.themes), d.synthesis.min_clusters)


def _entry(text: str, quadrant: str = "Strength", theme: str = "") -> SwotEntry:
    return SwotEntry(sample_gathered().deliverable.topics[0], quadrant, "", (Span(text),), 0, theme)


def _on(theme: Theme, text: str) -> bool:
    return theme.name in Matcher([theme]).themes_of(_entry(text))


# --- themes ---------------------------------------------------------------------------------------


def test_a_keyword_matches_whole_words_in_any_of_their_forms():
    funding = Theme("Funding", ("funding",))
    assert _on(funding, "Too little private funding") and _on(funding, "Raised funds")
    assert _on(funding, "Projects funded by the region")
    assert not _on(funding, "Fundamental research") and not _on(funding, "Refunding")
    eu = Theme("EU", ("EU project",))
    assert _on(eu, "Three EU projects running") and not _on(eu, "Projects in Europe")
    fee = Theme("Fees", ("membership fee",))
    assert _on(fee, "Linked to membership fees") and not _on(fee, "A fee for the membership")
    assert not _on(Theme("HR", ("HR",)), "Three hrs a week") and _on(Theme("HR", ("HR",)), "HR and finance")


def test_word_forms_follow_the_reports_language_and_an_unknown_one_matches_words_as_typed():
    theme = Theme("Förderung", ("Förderung",))
    german = Matcher([theme], "de-DE")
    assert german.themes_of(_entry("Keine Förderungen vom Land")) == ["Förderung"]
    exact = Matcher([Theme("Funding", ("funding",))], "x-klingon")
    assert exact.themes_of(_entry("Funding, FUNDING")) == ["Funding"] and not exact.themes_of(_entry("funds"))


def test_the_shipped_themes_no_longer_file_the_entries_the_issue_names():
    d = sample_gathered().deliverable
    m = Matcher(list(d.themes), d.language)
    top10 = _entry("We believe that we are among the TOP 10 clusters in Germany. We orientate ourselves "
                   "to top European clusters.")
    assert "EU projects and networks" not in m.themes_of(top10)
    assert "Talent and skills" not in m.themes_of(_entry("Collaborative spirit and commitment within the team"))
    assert "Competition" not in m.themes_of(_entry("New training opportunities, competency frameworks"))


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
    assert "Mobinov" not in conv[("COVID-19", "Threat")].clusters
    plain_entry = _entry("Nothing to match here", "Threat", "COVID-19")
    found = analyse([replace(relabelled, swot=[plain_entry])], d.topics, [Theme("COVID-19", ("covid",))], 1)
    assert [(c.theme, c.quotes[0].entry) for c in found.convergences] == [("COVID-19", "Nothing to match here")]


def test_the_theme_column_is_read_from_the_workbook(make_workbook, tmp_path, sample_cluster, schema):
    from competency_maps.inputs.reader import read_workbook
    tagged = replace(sample_cluster, swot=[replace(sample_cluster.swot[0], theme="Digital")] + sample_cluster.swot[1:])
    res = read_workbook(make_workbook(tmp_path, tagged), schema)
    assert not res.errors
    assert res.cluster.swot[0].theme == "Digital"


# --- candidates -----------------------------------------------------------------------------------


def test_covid_is_a_threat_named_by_all_five_clusters_each_quoted_by_its_first_entry_on_it():
    clusters = sample_gathered().clusters
    covid = next(c for c in _syn().convergences if (c.theme, c.quadrant) == ("COVID-19", "Threat"))
    assert covid.clusters == [c.name for c in clusters]
    for q in covid.quotes:
        cluster = next(c for c in clusters if c.name == q.cluster)
        threats = [e.plain for e in cluster.swot if e.quadrant == "Threat"]
        assert q.entry in threats and q.quadrant == "Threat"


def test_a_complementarity_pairs_one_strength_with_one_weakness_of_another_cluster():
    s = _syn()
    comps = s.complementarities
    assert comps and all(c.kind == COMPLEMENTARITY for c in comps)
    for c in comps:
        strong, weak = c.quotes
        assert (strong.quadrant, weak.quadrant) == ("Strength", "Weakness") and strong.cluster != weak.cluster
    assert any(c.quotes[0].cluster == "Zone Cluster" and c.quotes[1].cluster == "Mov'eo" for c in comps)
    assert [c.kind for c in s.candidates] == sorted((c.kind for c in s.candidates), key=[CONVERGENCE, COMPLEMENTARITY].index)


# --- the heat map -----------------------------------------------------------------------------------


def _rows(n: int) -> Synthesis:
    rows = [HeatRow(f"Cluster {i:03d}", [i % 5, 1, 2, 3], [[i % 3, 0, 1, 1], [0, 1, 0, 1], [0, 0, 1, 1]])
            for i in range(n)]
    return Synthesis(["Strength", "Weakness", "Opportunity", "Threat"], ["a", "b", "c"], rows)


@pytest.mark.parametrize("n", [1, 5, 11, 12, 60, 120])
def test_a_long_map_is_split_in_balanced_parts_each_with_the_header(n):
    parts = heatmaps(_rows(n), Labels())
    most = rows_per_part(parts[0].width)
    names = [lb.text for h in parts for lb in h.labels if lb.anchor == "start"]
    assert names == [f"Cluster {i:03d}" for i in range(n)]  # every cluster once, in order
    sizes = [sum(1 for lb in h.labels if lb.anchor == "start") for h in parts]
    assert max(sizes) <= most and max(sizes) - min(sizes) <= 1 and len(parts) == -(-n // most)
    for h in parts:
        assert [lb.text for lb in h.labels if lb.bold] == ["Topic 1", "Topic 2", "Topic 3", "All topics"]
        assert h.height * FRAME_W / h.width <= FRAME_H / 3 - PART_MARGIN  # three parts fit a page
    assert (parts[0].title == Labels()("heatmap_alt")) == (len(parts) == 1)
    if len(parts) > 1:
        assert parts[-1].title.endswith(f"part {len(parts)} of {len(parts)}: {names[-sizes[-1]]} to {names[-1]}.")
    shades = {(c.value, c.shade) for h in parts for c in h.cells}
    assert len({v for v, _ in shades}) == len(shades)  # one scale for all parts
    assert max(shades) == (max(v for v, _ in shades), 1.0) and (0, 0) in shades


def test_a_long_cluster_name_is_set_smaller_or_on_two_lines_never_over_the_cells():
    from PIL import ImageFont
    from competency_maps.resources import TEMPLATES
    s = _rows(3)
    longer = "Automotive and Mobility Competence Network of the Greater Region e.V."
    s.rows[1] = replace(s.rows[1], cluster="Automotive Competence Network Bavaria")
    s.rows[2] = replace(s.rows[2], cluster=longer)
    [h] = heatmaps(s, Labels())
    names = [lb for lb in h.labels if lb.anchor == "start"]
    assert [lb.text for lb in names] == ["Cluster 000", s.rows[1].cluster, "Automotive and Mobility Competence",
                                         "Network of the Greater Region e.V."]
    assert names[0].size == 11 and 8 <= names[1].size < 11 and names[2].size == names[3].size >= 8
    assert HEAD_H + 2 * CELL_H < names[2].y - 0.8 * names[2].size and names[3].y < HEAD_H + 3 * CELL_H - 1
    for lb in names:
        font = ImageFont.truetype(str(TEMPLATES / "fonts" / "Carlito-Regular.ttf"), lb.size)
        assert lb.x + font.getlength(lb.text) <= min(c.x for c in h.cells)
    svg = render_figures(replace(sample_content(), synthesis=replace(sample_content().synthesis, heatmaps=[h])))
    assert f'font-size="{names[1].size}"' in svg["memory:heatmap-1.svg"][0].decode()


def test_heatmap_counts_match_the_model_and_render_both_ways():
    syn = _syn()
    for row, c in zip(syn.rows, sample_gathered().clusters):
        assert sum(row.counts) == len(c.swot)
    [h] = heatmaps(syn, sample_gathered().deliverable.labels)
    assert len(h.cells) == len(syn.rows) * 4 * (len(syn.topics) + 1)
    png = heatmap_png(h)
    assert png.startswith(b"\x89PNG") and png == heatmap_png(h)
    svg = render_figures(sample_content())["memory:heatmap-1.svg"][0].decode()
    assert svg.count("<rect") == len(h.cells) and "Mov&#39;eo" in svg


def _named(*names: str):
    s = _rows(len(names))
    s.rows = [replace(r, cluster=n) for r, n in zip(s.rows, names)]
    [h] = heatmaps(s, Labels())
    return h


def test_the_pngs_names_are_drawn_in_the_font_that_has_their_script():
    # with Carlito alone, two Hebrew (or Thai) names of four letters are the same four empty boxes
    assert heatmap_png(_named("שלום", "x")) != heatmap_png(_named("שמעו", "x"))
    assert heatmap_png(_named("สวัสดี", "x")) != heatmap_png(_named("สวัสดิ", "x"))
    assert heatmap_png(_named("Zone", "x")) != heatmap_png(_named("Zona", "x"))


def test_a_map_with_a_name_to_shape_is_the_same_picture_in_the_pdf_as_in_word():
    content = sample_content()
    for names, picture in ((("Zone", "Mov'eo ☐"), False), (("שלום Cluster", "Zone"), True),
                           (("नमस्ते", "Zone"), True), (("مرحبا", "Zone"), True)):
        h = _named(*names)
        figure = render_figures(replace(content, synthesis=replace(content.synthesis, heatmaps=[h])))
        data, mime = figure["memory:heatmap-1.svg"]
        assert (mime == "image/png") == picture and as_picture(h) == picture
        assert (data == heatmap_png(h)) == picture


# --- the chapter --------------------------------------------------------------------------------------


def _content(**kwargs):
    g = sample_gathered()
    return build_content(g.deliverable, [chapter(c, g.deliverable) for c in g.clusters], g.clusters, **kwargs)


def test_without_a_review_a_final_report_prints_no_finding_and_a_draft_marks_them_proposed():
    final = _content().synthesis
    assert final.convergences == [] and final.complementarities == []
    assert final.sections == [("Overview", "synthesis-overview")]
    html = render_html(_content())
    assert 'id="synthesis-overview"' in html and 'id="synthesis-convergences"' not in html
    draft = _content(draft=True).synthesis
    shown = draft.convergences + draft.complementarities
    assert len(shown) == len(draft.analysis.candidates)
    assert all(plain(f.sentence).endswith("(proposed)") for f in shown)


def test_the_prose_comes_from_the_deliverables_markdown():
    s = sample_content().synthesis
    d = sample_gathered().deliverable
    for blocks, key in ((s.intro, "synthesis_intro"), (s.overview, "synthesis_overview"),
                        (s.convergences_lead, "synthesis_convergences"),
                        (s.complementarities_lead, "synthesis_complementarities")):
        assert blocks and [b.plain for b in blocks] == [b.plain for b in d.text(key)]
    assert "generated" not in " ".join(b.plain for b in s.intro) and "more possible" not in render_html(sample_content())


def test_the_synthesis_texts_are_optional_unless_the_toml_names_them(tmp_path):
    import re
    import shutil
    from competency_maps.inputs import config
    from reports import INPUTS
    inputs = tmp_path / "inputs"
    shutil.copytree(INPUTS, inputs)
    toml = inputs / "deliverable.toml"
    (inputs / "synthesis-intro.md").unlink()
    d, issues = config.validate(inputs)
    assert d is None and any("texts › synthesis_intro" in str(i.location) and "synthesis-intro.md" in i.message
                             for i in issues)
    toml.write_text(re.sub(r"^synthesis_intro = .*$", "", toml.read_text(encoding="utf-8"), flags=re.M),
                    encoding="utf-8")
    d, issues = config.validate(inputs)
    assert d is not None and not [i for i in issues if i.is_error]
    assert d.text("synthesis_intro") == [] and d.text("synthesis_overview")


@pytest.mark.slow
def test_chapter_is_in_both_outputs_and_switches_off():
    assert "Consortium synthesis" in [t for s, t in docx_paragraphs(sample_docx()) if s == "Heading 1"]
    assert 'id="synthesis"' in render_html(sample_content())
    g = sample_gathered()
    off = replace(g.deliverable, synthesis=replace(g.deliverable.synthesis, enabled=False))
    content = build_content(off, [chapter(c, off) for c in g.clusters], g.clusters)
    assert content.synthesis is None
    paras = [t for _, t in docx_paragraphs(render_docx(content))]
    assert "Consortium synthesis" not in paras and "Convergences" not in paras
    assert "Consortium synthesis" not in render_html(content)


# --- the cap on complementarities -----------------------------------------------------------------


def _many(name: str, n: int) -> Cluster:
    """A cluster of n strengths and n weaknesses, all on the theme Funding."""
    swot = [_entry(f"{name} funding {q} {i}", q) for i in range(n) for q in ("Strength", "Weakness")]
    return Cluster(Profile(short_name=name), swot=swot)


def test_each_theme_and_pair_of_clusters_proposes_its_first_entries_each_quoted_once():
    funding = Theme("Funding", ("funding",))
    s = _syn([_many("A", 30), _many("B", 30)], [funding])
    comps = s.complementarities
    assert len(comps) == 2 * PER_PAIR and s.possible == 2 * PER_PAIR and not s.capped
    a_to_b = [(c.quotes[0].entry, c.quotes[1].entry) for c in comps if c.quotes[0].cluster == "A"]
    # the first strength with the first weakness, then the next ones: never a late entry, none twice
    assert a_to_b == [(f"A funding Strength {i}", f"B funding Weakness {i}") for i in range(PER_PAIR)]


def test_best_pairs_ranks_by_place_and_never_looks_past_the_limit():
    assert best_pairs(1, 1) == [(0, 0)]
    assert best_pairs(3, 2, 4) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert best_pairs(10 ** 6, 10 ** 6, 3) == [(0, 0), (0, 1), (1, 0)]


def test_the_whole_synthesis_is_capped_every_theme_and_pair_served_in_turn():
    found = {t: {"Strength": {c: [f"{t}{c}s{i}" for i in range(5)] for c in "ABC"},
                 "Weakness": {c: [f"{t}{c}w{i}" for i in range(5)] for c in "ABC"},
                 "Opportunity": {}, "Threat": {}} for t in ("T1", "T2")}
    kept, possible = complementarities(found, ["T1", "T2"], per_pair=4, limit=12)
    assert 2 * 12 < possible <= 2 * 15 and len(kept) == 12  # 15 strengths and 15 weaknesses a theme, each once
    # 12 theme-and-pair groups, each served once before any is served twice
    assert {(c.theme, c.quotes[0].cluster, c.quotes[1].cluster) for c in kept} == {
        (t, a, b) for t in ("T1", "T2") for a in "ABC" for b in "ABC" if a != b}
    assert all(c.quotes[0].entry[-1] in "01" and c.quotes[1].entry[-1] in "01" for c in kept)
    uncapped, _ = complementarities(found, ["T1", "T2"], per_pair=4, limit=10 ** 6)
    assert [c for c in uncapped if c in kept] == kept  # in the uncapped order
    quoted = [q for c in uncapped for q in c.quotes]
    assert len(uncapped) == possible and len(quoted) == len(set(quoted))


def test_two_workbooks_of_2000_entries_propose_each_entry_once_at_most():
    s = _syn([_many("A", 1000), _many("B", 1000)], [Theme("Funding", ("funding",))])
    assert len(s.complementarities) == s.possible == 2 * PER_PAIR <= MAX_COMPLEMENTARITIES


def test_the_samples_synthesis_quotes_an_entry_in_one_finding_of_a_kind():
    s = _syn()
    assert len(s.candidates) == 31 and not s.capped and s.possible == len(s.complementarities)
    for found in (s.convergences, s.complementarities):
        quoted = [q for c in found for q in c.quotes]
        assert len(quoted) == len(set(quoted))


def test_what_the_review_endorses_keeps_its_entries_even_quoted_twice():
    g = sample_gathered()
    d = g.deliverable
    s = analyse(g.clusters, d.topics, list(d.themes), d.synthesis.min_clusters, min_share=d.synthesis.min_share,
                endorsed=endorsed_by(g.review))
    keys = {candidate_key(c) for c in s.candidates}
    yes = [row for row in g.review.rows if row.include]
    assert len(yes) == 14 and all(row.key in keys for row in yes)
    rai = [c for c in s.complementarities if c.theme == "SMEs" and c.quotes[0].cluster == "RAI Automotive Industry NL"]
    assert len({c.quotes[0] for c in rai}) < len(rai)  # the one strength both endorsed rows quote


def _shared(n: int, sharing: int) -> list[Cluster]:
    """n clusters, the first `sharing` of them naming COVID-19 as a threat."""
    return [Cluster(Profile(short_name=f"C{i}"), swot=[_entry("COVID-19 crisis" if i < sharing else "Other", "Threat")])
            for i in range(n)]


@pytest.mark.parametrize("n, sharing, min_share, found", [
    (10, 3, 0.5, False), (10, 5, 0.5, True), (10, 3, 0.3, True), (5, 3, 0.5, True), (2, 2, 0.5, False),
    (4, 3, 1.0, False), (4, 4, 1.0, True)])
def test_a_convergence_needs_min_clusters_and_a_share_of_the_partners(n, sharing, min_share, found):
    covid = Theme("COVID-19", ("COVID-19",))
    s = analyse(_shared(n, sharing), (sample_gathered().deliverable.topics[0],), [covid], 3, min_share=min_share)
    assert bool(s.convergences) is found
    assert convergence_threshold(2, 0.5, 2) == 2 and convergence_threshold(3, 0.5, 11) == 6


def test_a_convergence_quotes_an_entry_another_convergence_already_quotes_never():
    themes = [Theme("Funding", ("funding",)), Theme("Public", ("public",))]
    clusters = [Cluster(Profile(short_name=f"C{i}"), swot=[_entry("public funding", "Threat"),
                                                            _entry("public support", "Threat")]) for i in range(3)]
    s = analyse(clusters, (sample_gathered().deliverable.topics[0],), themes, 3)
    funding, public = s.convergences
    assert {q.entry for q in funding.quotes} == {"public funding"}
    assert {q.entry for q in public.quotes} == {"public support"}


