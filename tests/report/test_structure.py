"""The report's structure as [chapter], [headings], [cover] and [info] set it: a step switched off
leaves no heading and no contents line, an empty heading no contents line (its content is shown), a
required step left empty a placeholder in a draft; no emblem where [cover] says so; no empty row of
the document information, no empty log."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from conftest import make_sample_cluster

from competency_maps.labels import DEFAULT_HEADINGS, DEFAULT_LABELS
from competency_maps.model.deliverable import Chapter, Cover, Deliverable, History, Info, VersionLog
from competency_maps.report.content import build_content, chapter


def content(d: Deliverable, **changes):
    cluster = make_sample_cluster(d.topics)
    for name, value in changes.items():
        setattr(cluster, name, value)
    return build_content(d, [chapter(cluster, d)], [cluster])


def toc_texts(c) -> list[str]:
    return [e.text for e in c.toc]


def test_every_step_is_on_by_default_under_its_heading():
    c = content(Deliverable())
    [ch] = c.chapters
    assert ch.steps == [DEFAULT_HEADINGS[k] for k in ("step1", "step2", "step3")]
    assert ch.step1 and ch.swot_pairs and ch.tows and not ch.placeholders
    assert all(h in toc_texts(c) for h in ch.steps)


def test_tows_switched_off_leaves_no_heading_no_contents_line_and_no_table():
    d = replace(Deliverable(), chapter=Chapter(tows=False))
    c = content(d)
    [ch] = c.chapters
    assert ch.steps[2] == "" and ch.tows == [] and "tows" not in ch.placeholders
    assert DEFAULT_HEADINGS["step3"] not in toc_texts(c)
    assert ch.steps[:2] == [DEFAULT_HEADINGS["step1"], DEFAULT_HEADINGS["step2"]]
    assert "-step3" not in "".join(e.anchor for e in c.toc)


def test_step1_switched_off_drops_its_narrative_and_heading():
    d = replace(Deliverable(), chapter=Chapter(step1=False))
    [ch] = content(d).chapters
    assert ch.steps[0] == "" and ch.step1 == []


def test_step2_notes_and_swot_off_leave_no_step2_heading_but_notes_alone_keep_it():
    no_swot = content(replace(Deliverable(), chapter=Chapter(swot=False))).chapters[0]
    assert no_swot.steps[1] == DEFAULT_HEADINGS["step2"] and no_swot.swot_pairs == []
    neither = content(replace(Deliverable(), chapter=Chapter(swot=False, step2=False))).chapters[0]
    assert neither.steps[1] == "" and neither.step2_notes == []


def test_an_empty_heading_leaves_no_contents_line_but_the_content_stays():
    d = replace(Deliverable(), headings=MappingProxyType({**DEFAULT_HEADINGS, "step3": ""}))
    c = content(d)
    [ch] = c.chapters
    assert ch.steps[2] == "" and ch.tows  # the TOWS tables, without a heading
    assert toc_texts(c) == ["Test Cluster", DEFAULT_HEADINGS["step1"], DEFAULT_HEADINGS["step2"], "Conclusions",
                            "About the partners"]


def test_a_required_step_left_empty_shows_the_placeholder_under_its_heading():
    c = content(Deliverable(), step1=[], tows=[])
    [ch] = c.chapters
    assert ch.placeholders == {"step1": DEFAULT_LABELS["placeholder_step_empty"],
                               "tows": DEFAULT_LABELS["placeholder_step_empty"]}
    assert ch.steps[0] and ch.steps[2]  # the headings stay, the placeholder under them


def test_the_emblem_is_on_with_a_funding_line_unless_switched_off():
    assert Cover().shows_emblem is False  # no funding line: no emblem
    funded = replace(Deliverable(), cover=Cover(cofunding="Co-funded by the European Union"))
    c = content(funded)
    assert c.front.cofunding.text == "Co-funded by the European Union" and c.back.cofunding is not None
    off = replace(funded, cover=replace(funded.cover, emblem=False))
    c = content(off)
    assert c.front.cofunding is None and c.back.cofunding is None


def test_empty_document_information_rows_and_logs_are_left_out():
    c = content(Deliverable())  # no [info], no log rows
    labels = [cell.text for row in c.front.info for cell in row.cells if cell.label]
    assert labels == ["Deliverable", "Title"]  # the number and title, always there
    assert c.front.logs == []
    assert "Number: D2.1" in [cell.text for row in c.front.info for cell in row.cells]
    d = replace(Deliverable(), info=Info(actual_date="02/10/2020", responsible_phone="+33 1"),
                history=History(rows=(("Draft 1", "18.09.2020", "First", "All"),)), version_log=VersionLog())
    c = content(d)
    texts = [[cell.text for cell in row.cells] for row in c.front.info]
    assert ["Date of Delivery", "", "Actual", "02/10/2020"] in texts  # no "Contractual:" without a date
    assert ["Responsible Author", "", "E-mail", ""] in texts  # kept with the phone under it
    assert [t.title for t in c.front.logs] == ["Document History"]


def test_without_swot_there_is_no_synthesis_of_swot_entries():
    from conftest import INPUTS

    from competency_maps.inputs import config
    d = config.load(INPUTS)
    clusters = [make_sample_cluster(d.topics) for _ in range(3)]
    for i, c in enumerate(clusters):
        c.profile = replace(c.profile, short_name=f"Cluster {i}")
    assert build_content(d, [], clusters).synthesis is not None
    off = replace(d, chapter=Chapter(swot=False))
    assert build_content(off, [], clusters).synthesis is None
