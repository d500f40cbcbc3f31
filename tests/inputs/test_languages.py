"""Partners in their own language: a workbook in each of the six languages reads as its English twin,
and the partners' own words are read as meant in any workbook, each with an information line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from competency_maps.messages import render
from competency_maps import i18n
from competency_maps.cli import main
from competency_maps.console import Console
from competency_maps.inputs.reader import read_workbook
from competency_maps.model.schema import (LANGUAGE_PROPERTY, QUADRANTS, STRATEGIES, STYLES, aliases,
                                          build_schema, match_choice, name_key, spellings)
from competency_maps.xlsx.writer import fill_workbook
from conftest import make_sample_cluster, typed
from recording import run

INPUTS = Path(__file__).resolve().parents[2] / "inputs"


@pytest.mark.parametrize("typed_value, meant", [
    ("forces", "Strength"), ("Force", "Strength"), ("Stärken", "Strength"), ("STÄRKE", "Strength"),
    ("erősség", "Strength"), ("Erősségek", "Strength"), ("erosseg", "Strength"), ("Forças", "Strength"),
    ("Faiblesses", "Weakness"), ("Schwächen", "Weakness"), ("zwakte", "Weakness"), ("Gyengeségek", "Weakness"),
    ("kansen", "Opportunity"), ("Opportunité", "Opportunity"), ("opportunites", "Opportunity"),
    ("Chancen", "Opportunity"), ("Lehetőség", "Opportunity"), ("oportunidades", "Opportunity"),
    ("ameaça", "Threat"), ("Ameaças", "Threat"), ("Menaces", "Threat"), ("Risiken", "Threat"),
    ("Bedreigingen", "Threat"), ("veszély", "Threat"),
])
def test_native_quadrants_in_six_languages(typed_value, meant):
    assert match_choice(typed_value, QUADRANTS) == meant


@pytest.mark.parametrize("typed_value", ["S-O", "SO", "so", "S/O", "s–o", "S O"])
def test_strategies_as_typed(typed_value):
    assert match_choice(typed_value, STRATEGIES) == "S-O"


def test_no_spelling_is_read_as_two_values():
    schema = build_schema()
    for choices in (*schema.lists.values(), STYLES):
        seen: dict[str, str] = {}
        for c in choices:
            for w in spellings(c):
                assert seen.setdefault(name_key(w), c) == c, (w, c, seen[name_key(w)])
        assert set(aliases(tuple(choices)).values()) == set(choices)


def _check(path: Path, *extra: str) -> str:
    out = io.StringIO()
    main(["--inputs", str(INPUTS), "check", str(path), *extra], Console(out, io.StringIO(), False))
    return out.getvalue()


def test_an_english_workbook_with_native_words_checks_clean_with_information_lines(tmp_path, make_workbook,
                                                                                   schema, comparable):
    path = make_workbook(tmp_path, edit=typed({"SWOT!B2": "Stärken", "SWOT!B4": "kansen",
                                                "SWOT!B3": "Forces", "TOWS!B2": "SO"}))
    res = read_workbook(path, schema)
    assert res.errors == [] and res.warnings == []
    assert sorted((i.code, i.location.sheet, i.location.cell, i.params["choice"]) for i in res.infos) == [
        ("choice.native", "SWOT", "B2", "Strength"), ("choice.native", "SWOT", "B3", "Strength"),
        ("choice.native", "SWOT", "B4", "Opportunity")]  # "SO" is a spelling of S-O (name_key), said nowhere
    twin = make_sample_cluster(schema.topics)
    swot = [(e.topic, e.quadrant) for e in res.cluster.swot]
    assert swot[:3] == [(schema.topics[0], "Strength"), (schema.topics[0], "Strength"),
                        (schema.topics[0], "Opportunity")]
    assert swot[3:] == [(e.topic, e.quadrant) for e in twin.swot][3:]
    assert res.cluster.tows[0].strategy == "S-O"
    assert "INFO cluster.xlsx › SWOT › B2: 'Stärken' is read as Strength." in _check(path)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.slow  # over a second: many workbooks read and written
def test_a_workbook_in_each_language_reads_as_its_english_twin(lang, tmp_path, schema, comparable):
    cluster = make_sample_cluster(schema.topics)
    path = tmp_path / f"{lang}.xlsx"
    fill_workbook(schema, cluster, language=lang).save(path)
    wb = load_workbook(path)
    assert wb.custom_doc_props[LANGUAGE_PROPERTY].value == lang
    if lang != "en":  # the dropdowns show the partner's words
        assert wb["SWOT"]["B2"].value == i18n.choice_label("Strength", lang) != "Strength"
        assert wb["Read me"]["A1"].value != "Cluster competency map workbook"
    res = read_workbook(path, schema)
    assert res.issues == [], [str(i) for i in res.issues]  # its own words need no information line
    assert res.language == lang
    assert comparable(res.cluster) == comparable(cluster)


@pytest.mark.slow  # over a second: many workbooks read and written
def test_check_answers_a_workbook_in_its_own_language(tmp_path, schema):
    cluster = make_sample_cluster(schema.topics)
    path = tmp_path / "cluster.xlsx"
    wb = fill_workbook(schema, cluster, language="fr")
    wb["SWOT"]["B2"] = "Stärken"
    wb.save(path)
    out = _check(path)
    assert "INFO cluster.xlsx › SWOT › B2: 'Stärken' est lu comme Force. Rien à corriger." in out
    out = _check(path, "--language", "de")  # the coordinator's choice wins
    assert "HINWEIS cluster.xlsx › SWOT › B2: 'Stärken' wird als Stärke gelesen." in out
    annotated = tmp_path / "annotated"
    _check(path, "--annotate", str(annotated))
    sheet = load_workbook(annotated / "cluster.xlsx")["Check"]
    summary = render("annotate.summary", {"file": "cluster.xlsx", "errors": 0, "warnings": 0}, "fr").message
    assert sheet["A1"].value == summary and summary.startswith("cluster.xlsx : erreurs à corriger : 0 ;")
    assert [c.value for c in sheet[3]] == ["Emplacement", "Type", "Problème", "À faire"]
    assert sheet["C4"].value == "'Stärken' est lu comme Force."
    assert sheet.page_setup.fitToWidth in (1, "1") and sheet.sheet_properties.pageSetUpPr.fitToPage


def test_the_closing_line_is_in_the_workbooks_language_when_they_share_one(tmp_path, schema):
    cluster = make_sample_cluster(schema.topics)
    paths = {}
    for lang in ("de", "fr"):
        wb = fill_workbook(schema, cluster, language=lang)
        wb["Cluster"]["B4"] = None  # a required field left empty: an error
        wb.save(paths.setdefault(lang, tmp_path / f"{lang}.xlsx"))

    def closing(*files: Path, asked: str | None = None):
        r = run("--inputs", INPUTS, "check", *files, *(["--language", asked] if asked else []))
        [line] = [s for s in r.said if s.code == "console.check.failed"]
        return line.language, line.params["count"]

    assert closing(paths["de"]) == ("de", 1)  # the partner reads it in German, as the lines above it
    assert closing(paths["de"], paths["fr"]) == ("en", 2)  # two languages: the console's own
    assert closing(paths["de"], asked="pt") == ("pt", 1)  # --language wins


@pytest.mark.slow  # over a second: many workbooks read and written
def test_new_workbook_from_last_rounds_map_in_german(tmp_path, schema, comparable):
    out = io.StringIO()
    target = tmp_path / "moveo-de.xlsx"
    code = main(["--inputs", str(INPUTS), "new-workbook", "Mov'eo", "--from", str(INPUTS), "--language", "de",
                 "-o", str(target)], Console(out, io.StringIO(), False))
    assert code == 0, out.getvalue()
    wb = load_workbook(target)
    assert wb.custom_doc_props[LANGUAGE_PROPERTY].value == "de"
    assert wb["SWOT"]["B2"].value in {"Stärke", "Schwäche", "Chance", "Risiko"}
    assert "Mathilde Petit" in wb["Read me"]["A3"].value  # the coordinator's contact, from deliverable.toml
    again, original = read_workbook(target, schema), read_workbook(INPUTS / "moveo.xlsx", schema)
    assert again.issues == [] and comparable(again.cluster) == comparable(original.cluster)
