"""`build.py init DIR`: a new deliverable's inputs folder, with no project's own words, that builds at
once; and a deliverable whose chapters have fewer steps and whose cover no emblem."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
import tomllib
from conftest import make_sample_cluster
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject
from reports import docx_paragraphs, docx_text, pdf_text, run_cli
from toml_edit import set_keys

from competency_maps.commands.init import INIT, init_files
from competency_maps.inputs import config
from competency_maps.model.deliverable import Deliverable
from competency_maps.model.richtext import Block, BlockKind, Span
from competency_maps.model.schema import build_schema
from competency_maps.xlsx.writer import fill_workbook

# What the sample deliverable D2.1 says of itself, that no other consortium's report may say.
D21_WORDS = ("RECIPE4Mobility", "Mov'eo", "ESCA", "COSME", "competency map", "European Union")


def test_init_writes_a_valid_commented_deliverable_with_no_project_words(tmp_path):
    ran = run_cli("init", tmp_path / "new")
    code, out = ran
    assert code == 0, out
    assert ran.codes() == ["console.init.wrote", "console.init.next"]
    assert ran.lines("console.init.wrote") == [{"folder": str(tmp_path / "new"), "count": 5}]
    names = sorted(p.name for p in (tmp_path / "new").iterdir())
    assert names == ["abstract.md", "conclusions.md", "deliverable.toml", "disclaimer.md",
                     "executive-summary.md", "funding.md"]
    deliverable, issues = config.validate(tmp_path / "new")
    assert deliverable is not None and issues == [], [str(i) for i in issues]
    assert deliverable.cover.emblem is False and not deliverable.cover.shows_emblem
    assert deliverable.date == dt.date.today()
    raw = tomllib.loads((tmp_path / "new" / "deliverable.toml").read_text(encoding="utf-8"))
    values = [str(raw)] + [(tmp_path / "new" / n).read_text(encoding="utf-8") for n in names if n.endswith(".md")]
    for name, text in zip(["deliverable.toml", *[n for n in names if n.endswith(".md")]], values):
        assert not [w for w in D21_WORDS if w.casefold() in text.casefold()], name
        assert not re.search(r"\bIST\b", text)


def test_every_key_of_the_model_is_in_the_init_toml_and_explained():
    raw = tomllib.loads(dict(init_files(dt.date(2026, 1, 2)))["deliverable.toml"].decode())
    assert raw["deliverable"]["date"] == dt.date(2026, 1, 2)
    for section in ("deliverable", "project", "cover", "info", "chapter", "workbook"):
        fields = set(vars(getattr(Deliverable(), section)))
        assert fields == set(raw[section]), section
    assert set(raw["chapter"]) == {"step1", "step2", "swot", "tows"}
    assert (INIT / "deliverable.toml").read_text(encoding="utf-8").count("#") > 40  # a comment a key, or so


def test_init_never_overwrites_a_file(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "abstract.md").write_text("Mine", encoding="utf-8")
    code, out = run_cli("init", tmp_path / "d")
    assert code == 1 and "already exists" in out
    assert (tmp_path / "d" / "abstract.md").read_text(encoding="utf-8") == "Mine"
    assert not (tmp_path / "d" / "deliverable.toml").exists()


def _alternative_texts(pdf: Path) -> list[str]:
    """The /Alt texts of the tagged PDF's structure tree: one for each figure, the EU emblem's too."""
    found: list[str] = []

    def walk(node, seen: set[int]) -> None:
        node = node.get_object()
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, DictionaryObject):
            if "/Alt" in node:
                found.append(str(node["/Alt"]))
            if "/K" in node:
                walk(node["/K"], seen)
        elif isinstance(node, ArrayObject):
            for kid in node:
                walk(kid, seen)

    walk(PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"], set())
    return found


def _workbooks(inputs: Path, *, step1_empty: str = "", tows: bool = False) -> None:
    """Two partners' workbooks of the new deliverable, filled (the TOWS sheet only if `tows`)."""
    d = config.load(inputs)
    schema = build_schema(d.topics, d.theme_names)
    for name in ("Alpha Cluster", "Beta Network"):
        c = make_sample_cluster(d.topics)
        c.profile = replace(c.profile, short_name=name, full_name=f"{name} Association")
        c.step1 = [] if name == step1_empty else [Block(BlockKind.PARAGRAPH, (Span(f"What {name} needs."),))]
        c.tows = c.tows if tows else []
        fill_workbook(schema, c).save(inputs / f"{name.split()[0].lower()}.xlsx")


@pytest.mark.slow
def test_a_new_deliverable_without_tows_builds_with_no_d21_words_no_tows_and_no_emblem(tmp_path, require_tool):
    inputs, out = tmp_path / "D", tmp_path / "out"
    assert run_cli("init", inputs)[0] == 0
    set_keys(inputs, "chapter", tows=False)
    _workbooks(inputs)
    code, printed = run_cli("--inputs", inputs, "--output", out)
    assert code == 0, printed
    assert "step." not in printed and "WARNING" not in printed  # no word about the absent step
    [pdf] = out.glob("*.pdf")
    [docx] = out.glob("*.docx")
    texts = {"pdf": pdf_text(pdf, require_tool("pdftotext")), "docx": docx_text(docx.read_bytes())}
    for kind, text in texts.items():
        assert "What Alpha Cluster needs." in text and "Strength 1a" in text, kind
        assert not [w for w in (*D21_WORDS, "TOWS", "S-O") if w.casefold() in text.casefold()], kind
        assert not re.search(r"\bIST\b", text), kind
        assert "Number:" not in text.replace("Number: D1.1", "") and "Contractual:" not in text, kind
        assert "Version Log" not in text and "Document History" not in text, kind
    assert "Flag of the European Union" not in _alternative_texts(pdf)  # the emblem (an SVG) is tagged with it
    with zipfile.ZipFile(docx) as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]
        assert b"Flag of the European Union" not in z.read("word/document.xml")


@pytest.mark.slow
def test_a_required_step_left_empty_stops_a_final_build_and_a_draft_shows_a_placeholder(tmp_path, require_tool):
    inputs = tmp_path / "D"
    assert run_cli("init", inputs)[0] == 0
    set_keys(inputs, "chapter", tows=False)
    _workbooks(inputs, step1_empty="Beta Network")
    code, printed = run_cli("--inputs", inputs, "--output", tmp_path / "final")
    assert code == 1 and "beta.xlsx › Step 1 › A2" in printed, printed
    assert not (tmp_path / "final").exists()
    code, printed = run_cli("--inputs", inputs, "--output", tmp_path / "draft", "--draft")
    assert code == 0, printed
    [pdf] = (tmp_path / "draft").glob("*.pdf")
    [docx] = (tmp_path / "draft").glob("*.docx")
    for text in (pdf_text(pdf, require_tool("pdftotext")), docx_text(docx.read_bytes())):
        beta = text[text.index("Beta Network\nContext and needs"):]  # the chapter, after the contents
        assert beta.index("Not filled in yet.") < beta.index("SWOT analysis") < beta.index("Strength 1a")
        assert "Workbook has 1 error" not in text  # the chapter is shown, the step's place marked
        assert "Beta Network Association" in text  # and the partner in About the partners


@pytest.mark.slow
def test_a_step_heading_set_empty_prints_the_step_without_heading_or_contents_line(tmp_path, require_tool):
    inputs, out = tmp_path / "D", tmp_path / "out"
    assert run_cli("init", inputs)[0] == 0
    set_keys(inputs, "headings", step3="")
    _workbooks(inputs, tows=True)
    code, printed = run_cli("--inputs", inputs, "--output", out)
    assert code == 0, printed
    [pdf] = out.glob("*.pdf")
    [docx] = out.glob("*.docx")
    paragraphs = docx_paragraphs(docx.read_bytes())
    toc = [t for style, t in paragraphs if style.startswith("toc") or style.startswith("TOC")]
    assert len(toc) == 2 * 3 + 2 and all(t.strip() and not t.strip().isdigit() for t in toc), toc
    assert not [t for style, t in paragraphs if style == "Heading 2" and not t.strip()]
    text = pdf_text(pdf, require_tool("pdftotext"))
    assert "TOWS analysis" not in text and text.count("S-O for topic 1") == 2  # the tables, no heading
    assert not re.search(r"^\s*\.{5,}", text, re.M)  # no contents line of dots alone


@pytest.mark.slow
def test_a_german_consortium_without_tows_and_emblem_has_its_fixed_words_in_german_in_both_outputs(
        tmp_path, require_tool):
    """Issue 26's case: TOWS off, no emblem, `language = "de"`: every fixed word German, in both files."""
    inputs, out = tmp_path / "D", tmp_path / "out"
    assert run_cli("init", inputs)[0] == 0
    set_keys(inputs, "deliverable", language="de")
    set_keys(inputs, "chapter", tows=False)
    _workbooks(inputs)
    code, printed = run_cli("--inputs", inputs, "--output", out)
    assert code == 0, printed
    [pdf], [docx] = out.glob("*.pdf"), out.glob("*.docx")
    texts = {"pdf": pdf_text(pdf, require_tool("pdftotext")), "docx": docx_text(docx.read_bytes())}
    for kind, text in texts.items():
        for german in ("Stärken", "Schwächen", "Chancen", "Risiken", "SWOT-Analyse", "Inhaltsverzeichnis",
                       "Dokumentinformationen", "Über die Partner", "Schlussfolgerungen"):
            assert german in text, (kind, german)
        for english in ("Strengths", "Weaknesses", "Opportunities", "Threats", "SWOT analysis",
                        "Table of contents", "Document Information", "About the partners", "Conclusions",
                        "TOWS", "Strategy"):
            assert english not in text, (kind, english)
    assert "Seite 3 von" in texts["pdf"]
    assert not [a for a in _alternative_texts(pdf) if "Europäischen Union" in a or "European Union" in a]
    with zipfile.ZipFile(docx) as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]
