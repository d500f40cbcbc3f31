"""Step 2 notes (issue 15): free notes a partner gives Step 2, in any language, with its own labels;
read from the sheet 'Step 2 notes', printed right after the Step 2 heading in both outputs, each
under its label and marked with its language."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from competency_maps.inputs import config
from competency_maps.report.content import build_content, chapter
from competency_maps.inputs.habits import language_code
from competency_maps.model.cluster import Note
from competency_maps.inputs.reader import read_workbook
from competency_maps.model.richtext import Block, BlockKind, Span
from conftest import INPUTS, typed

FILE = "cluster.xlsx"
NOTES = "Step 2 notes"


@pytest.fixture(scope="module")
def deliverable():
    return config.load(INPUTS)


def notes_typed(rows: list[tuple]) -> dict:
    """Cells of the notes sheet, row by row from row 2: (Label, Style, Text, Language)."""
    cells = {}
    for r, row in enumerate(rows, start=2):
        for col, value in zip("ABCD", row):
            cells[f"{NOTES}!{col}{r}"] = value
    return cells


@pytest.mark.parametrize("typed_code, code", [
    ("de", "de"), ("DE", "de"), (" fr ", "fr"), ("pt-br", "pt-BR"), ("pt_BR", "pt-BR"), ("hu", "hu"),
    ("nl", "nl"), ("German", "de"), ("deutsch", "de"), ("Magyar", "hu"), ("sr-latn", "sr-Latn"),
    ("gsw", "gsw"),
])
def test_language_codes_and_names(typed_code, code):
    assert language_code(typed_code) == code


@pytest.mark.parametrize("typed_code", ["Germn", "xx", "cz", "de DE", "d", "de-", "<b>", "en-US-x-@"])
def test_what_is_no_language(typed_code):
    assert language_code(typed_code) is None


def test_notes_are_read_under_their_labels(tmp_path, make_workbook, schema):
    path = make_workbook(tmp_path, edit=typed(notes_typed([
        ("Strengths / Stärken", "Paragraph", "Geschäftsmodell", "German"),
        (None, "Bullet", "• Starke Partnerschaften\n• Gründerökosystem", None),
        (None, "Numbered", "Erstens", "de"),  # the note's language again: fine
        ("Forces", None, "Des **forces**", "fr"),
    ])))
    res = read_workbook(path, schema)
    assert res.errors == [] and res.warnings == [], [str(i) for i in res.issues]
    [de, fr] = res.cluster.step2_notes
    assert (de.label, de.language) == ("Strengths / Stärken", "de")
    assert [(b.kind.value, b.plain, b.number) for b in de.blocks] == [
        ("paragraph", "Geschäftsmodell", 0), ("bullet", "Starke Partnerschaften", 0),
        ("bullet", "Gründerökosystem", 0), ("numbered", "Erstens", 1)]
    assert (fr.label, fr.language, fr.blocks[0].plain) == ("Forces", "fr", "Des **forces**")
    assert [i.location.cell for i in res.infos] == ["C3"]  # the two typed bullets, said


def test_a_wrong_language_is_a_located_error(tmp_path, make_workbook, schema):
    res = read_workbook(make_workbook(tmp_path, edit=typed(notes_typed([
        ("Stärken", None, "Gut", "Germn"), ("Fort", None, "Bien", "cz")]))), schema)
    [germn, cz] = res.errors
    assert (germn.location.sheet, germn.location.cell) == (NOTES, "D2")
    assert germn.code == "language.close"
    assert (germn.params["value"], germn.params["code"], germn.params["name"]) == ("'Germn'", "de", "German")
    assert cz.location.cell == "D3" and cz.code == "language.country"
    assert (cz.params["typed"], cz.params["language"]) == ("cz", "cs")


def test_a_note_has_one_language(tmp_path, make_workbook, schema):
    res = read_workbook(make_workbook(tmp_path, edit=typed(notes_typed([
        ("Stärken", None, "Gut", "de"), (None, None, "Bien", "fr")]))), schema)
    [err] = res.errors
    assert err.location.cell == "D3" and (err.code, err.params["label"]) == ("note.language.mixed", "'Stärken'")
    assert (err.params["language"], err.params["language_cell"], err.params["label_cell"]) == ("de", "D2", "A3")


def test_a_label_without_text_is_printed_alone_and_said(tmp_path, make_workbook, schema):
    res = read_workbook(make_workbook(tmp_path, edit=typed(notes_typed([("Risiken", None, None, "de")]))),
                        schema)
    [w] = res.warnings
    assert w.location.cell == "A2" and (w.code, w.params["label"]) == ("note.no_text", "'Risiken'")
    assert res.cluster.step2_notes == [Note("Risiken", (), "de")]


def test_a_workbook_of_the_older_template_has_no_notes_and_no_error(tmp_path, make_workbook, schema):
    def edit(wb):
        wb.remove(wb[NOTES])
        wb.remove(wb["Notes to the coordinator"])
        wb.custom_doc_props["CompetencyMapSchemaVersion"].value = "1"

    res = read_workbook(make_workbook(tmp_path, edit=edit), schema)
    assert res.errors == [] and res.cluster.step2_notes == []
    [w] = res.warnings
    assert w.location.sheet == "" and (w.code, w.params["version"]) == ("template.older", 1)


@settings(max_examples=max(3, settings().max_examples // 3))
@given(label=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40),
       text=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80),
       language=st.sampled_from(["de", "fr", "hu", "nl", "pt", ""]))
@pytest.mark.slow
def test_any_note_comes_back_from_the_workbook(tmp_path_factory, label, text, language):
    from competency_maps.model.schema import build_schema
    from competency_maps.xlsx.writer import fill_workbook
    from conftest import make_sample_cluster
    label, text = " ".join(label.split()), text.strip()
    if not label or not text or text.startswith("=") or label.startswith("="):
        return
    schema = build_schema()
    cluster = make_sample_cluster(schema.topics)
    cluster.step2_notes = [Note(label, (Block(BlockKind.HEADING, (Span(text),)),), language)]
    path = tmp_path_factory.mktemp("note") / FILE
    fill_workbook(schema, cluster).save(path)
    res = read_workbook(path, schema)
    [note] = res.cluster.step2_notes
    assert (note.label, note.language) == (label, language)
    assert note.blocks[0].plain == text or res.issues  # a placeholder such as '...' is said, not read


# --- both outputs --------------------------------------------------------------------------------


@pytest.fixture
def noted(tmp_path, make_workbook, schema, deliverable):
    path = make_workbook(tmp_path, edit=typed(notes_typed([
        ("Strengths / Stärken", "Subheading", "Geschäftsmodell", "de"),
        (None, "Bullet", "Wir glauben an <uns> & {{ 7*7 }}", None),
        ("Note", None, "Same language as the report.", "en")])))
    cluster = read_workbook(path, schema).cluster
    return build_content(deliverable, [chapter(cluster, deliverable)], [cluster])


@pytest.mark.slow  # over a second: renders the PDF renderer's HTML
def test_the_html_prints_the_notes_right_after_the_step_2_heading(noted):
    from competency_maps.render.pdf.render import render_html
    html = render_html(noted)
    step2 = html.index('-step2">')
    first_table = html.index('<table class="swot"', step2)
    notes = html[step2:first_table]
    assert re.search(r'<div class="step-note" lang="de">\s*<h3>Strengths / Stärken</h3>\s*<h4>Geschäftsmodell</h4>',
                     notes)
    assert "Wir glauben an &lt;uns&gt; &amp; {{ 7*7 }}" in notes  # partner text stays data
    assert '<div class="step-note">' in notes  # the report's own language is not marked again
    assert html.index("Step 1", 0) < step2


@pytest.mark.slow
def test_the_docx_prints_the_notes_under_their_label_marked_german(noted):
    from competency_maps.render.docx.render import render_docx
    from reports import docx_paragraphs
    data = render_docx(noted)
    paragraphs = docx_paragraphs(data)
    at = next(i for i, (style, t) in enumerate(paragraphs) if style == "Heading 2" and t.startswith("Step 2:"))
    assert paragraphs[at + 1:at + 4] == [("Heading 3", "Strengths / Stärken"), ("Heading 4", "Geschäftsmodell"),
                                         ("List Bullet", "Wir glauben an <uns> & {{ 7*7 }}")]
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    label = body[:body.index(">Strengths / Stärken<")]
    assert label[label.rindex("<w:r>"):].count('<w:lang w:val="de-DE"/>') == 1
    assert body.count('<w:lang w:val="de-DE"/>') == 3  # label, sub-heading, bullet: with its region, as Word writes it
