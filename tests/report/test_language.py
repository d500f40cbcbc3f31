"""The report's language: `[deliverable] language` sets every fixed word of both outputs from the
catalogs (labels, headings, captions, quadrant and strategy names, "Page 3 of 40"); the toml's
[labels], [headings] and [tows.captions] still win; English is the fallback."""

from __future__ import annotations

import html as html_lib
import io
import re
import shutil
import string
import subprocess
import zipfile
from collections import Counter
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from xml.sax.saxutils import escape as xml_escape

import pytest
import tomlkit

from competency_maps import i18n
from competency_maps.errors import ConfigError
from competency_maps.inputs import config
from competency_maps.labels import DEFAULT_CAPTIONS, DEFAULT_HEADINGS, DEFAULT_LABELS, Labels, fields, translated
from competency_maps.model.deliverable import HEADING_FIELDS, Deliverable, Tows
from competency_maps.render.docx.language import word_language
from competency_maps.render.docx.render import render_docx
from competency_maps.render.pdf.render import render_html
from competency_maps.report.assemble import assemble
from competency_maps.model.schema import QUADRANTS, STRATEGIES
from parity import docx_blocks, pdf_blocks
from reports import INPUTS, run_cli, sample_gathered

OUTPUT = "D2.1-clusters-competency-maps"
ALL_DEFAULTS = {**DEFAULT_HEADINGS, **DEFAULT_CAPTIONS, **DEFAULT_LABELS}


def _toml(inputs: Path, edit) -> None:
    path = inputs / "deliverable.toml"
    doc = tomlkit.parse(path.read_text(encoding="utf-8"))
    edit(doc)
    path.write_text(tomlkit.dumps(doc), encoding="utf-8")


def _neutral(doc, language: str) -> None:
    """The sample in `language`, without D2.1's own wording (its [headings], [labels], captions)."""
    doc["deliverable"]["language"] = language
    for name in ("headings", "labels", "tows"):
        doc.pop(name, None)


def _deliverable(tmp_path: Path, edit) -> Deliverable:
    inputs = Path(shutil.copytree(INPUTS, tmp_path / "inputs", ignore=shutil.ignore_patterns("*.xlsx")))
    _toml(inputs, edit)
    return config.load(inputs)


@pytest.mark.parametrize("language", i18n.LANGUAGES[1:])
def test_every_fixed_word_of_the_report_is_translated_with_the_same_blanks(language):
    tr = i18n.translator(language)
    for key, english in ALL_DEFAULTS.items():
        text = tr.pgettext("report", english)
        assert text.strip() or not english.strip(), (language, key)
        assert fields(text) == fields(english), (language, key, text)
    footer = tr.pgettext("report", DEFAULT_LABELS["page_footer"])
    assert footer.index("{page}") < footer.index("{pages}")  # the renderers fill them in this order


def test_the_report_language_picks_the_catalog_and_the_toml_still_wins(tmp_path):
    def german(doc):
        _neutral(doc, "de")
        doc["labels"] = {"strengths": "Vahvuudet", "page_footer": "S. {page}/{pages}"}
        doc["headings"] = {"contents": "Inhalt"}
        doc["tows"] = {"captions": {"S-O": "Stärken einsetzen"}}
    d = _deliverable(tmp_path, german)
    lb = d.labels
    assert [lb.quadrant(q) for q in QUADRANTS] == ["Vahvuudet", "Schwächen", "Chancen", "Risiken"]
    assert lb.quadrant("Threat", in_sentence=True) == "Risiken"
    assert (lb("page_footer", page=3, pages=40), lb("draft_mark")) == ("S. 3/40", "ENTWURF")
    assert (d.heading("contents"), d.heading("step2")) == ("Inhalt", "SWOT-Analyse")
    assert [d.caption(s) for s in STRATEGIES[:2]] == ["Stärken einsetzen", "Stärken nutzen, um die Wirkung von "
                                                                           "Risiken zu begrenzen"]
    # English, and a language without a catalog, are the words as written
    assert Labels(language="en").patterns == Labels(language="fi").patterns == DEFAULT_LABELS
    assert translated(DEFAULT_HEADINGS, "fr")["contents"] == "Table des matières"


def test_a_label_override_is_still_checked_in_any_language(tmp_path):
    with pytest.raises(ConfigError) as e:
        _deliverable(tmp_path, lambda doc: (_neutral(doc, "de"), doc.update(labels={"strenghts": "Stärken"})))
    assert [i.code for i in e.value.issues if i.is_error] == ["config.label.unknown"]


def _sentinel(doc) -> None:
    """Every fixed word replaced by |, the blanks kept: what remains is what people typed."""
    def mark(pattern: str, allowed=None) -> str:
        return "|" + "".join(f"{{{f}}}|" for f in sorted(fields(pattern) & (allowed or fields(pattern))))
    _neutral(doc, "de")  # the same language: the synthesis reads the entries in it
    doc["labels"] = {k: mark(v) for k, v in DEFAULT_LABELS.items()}
    doc["headings"] = {k: mark(v, HEADING_FIELDS) for k, v in DEFAULT_HEADINGS.items()}
    doc["tows"] = {"captions": {k: mark(v) for k, v in DEFAULT_CAPTIONS.items()}}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """The sample built in German (D2.1's own wording removed) and with no fixed word at all."""
    out = {}
    for name, edit in (("de", lambda doc: _neutral(doc, "de")), ("none", _sentinel)):
        root = tmp_path_factory.mktemp(name)
        inputs = Path(shutil.copytree(INPUTS, root / "inputs"))
        _toml(inputs, edit)
        code, printed = run_cli("--inputs", inputs, "--output", root / "output")
        assert code == 0, printed
        out[name] = root / "output"
    return out


def _text(pdf: Path, pdftotext: str) -> str:
    return subprocess.run([pdftotext, "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def _words(text: str) -> Counter:
    return Counter(re.findall(r"[^\W\d_]+", text))


def _english_words() -> set[str]:
    """The words of the English defaults that German never uses ("Partner", "Status" are both)."""
    def words(patterns) -> set[str]:
        literal = ["".join(t for t, *_ in string.Formatter().parse(p)) for p in patterns]
        return set(_words(" ".join(literal)))
    german = words(translated(ALL_DEFAULTS, "de").values())
    return {w for w in words(ALL_DEFAULTS.values()) - german if len(w) > 1}


@pytest.mark.slow
def test_a_german_report_has_every_fixed_word_in_german_in_both_outputs(builds, require_tool,
                                                                      convert_with_libreoffice, tmp_path):
    pdftotext = require_tool("pdftotext")
    de, none = builds["de"], builds["none"]
    [word_pdf] = convert_with_libreoffice([de / f"{OUTPUT}.docx"], tmp_path / "word", "pdf")
    texts = {"PDF": _text(de / f"{OUTPUT}.pdf", pdftotext), "Word": _text(word_pdf, pdftotext)}
    for where, text in texts.items():
        for word in ("Stärken", "Schwächen", "Chancen", "Risiken", "Inhaltsverzeichnis", "SWOT-Analyse",
                     "S-O-Strategie", "Über die Partner", "Synthese des Konsortiums", "Dokumentinformationen",
                     "SWOT-Einträge je Partner, Thema und Quadrant (S = Stärken, W = Schwächen"):
            assert word in re.sub(r"\s+", " ", text), (where, word)
        pages = [int(n) for n in re.findall(r"Seite (\d+) von (\d+)", text) for n in n[1:]]
        assert "Seite 3 von" in text and len(set(pages)) == 1 and pages[0] > 30, where
    # no English fixed word: each occurs exactly as often as in what partners and the coordinator typed
    english = _english_words()
    assert {"Strengths", "Weaknesses", "Opportunities", "Threats", "Page", "contents", "Topic"} <= english
    # (what a reader reads: a table's header row once, however often the PDF's pages repeat it)
    def read(folder: Path) -> dict[str, Counter]:
        return {"PDF": _words(" ".join(pdf_blocks((folder / f"{OUTPUT}.pdf").read_bytes()))),
                "Word": _words(" ".join(docx_blocks((folder / f"{OUTPUT}.docx").read_bytes())))}
    shown, typed = read(de), read(none)
    for where in shown:
        extra = {w: (shown[where][w], typed[where][w]) for w in english if shown[where][w] != typed[where][w]}
        assert not extra, (where, extra)


@pytest.mark.slow
@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_each_language_sets_the_words_and_the_lang_of_both_outputs(language):
    """The sample's view in each language, as the HTML (the PDF's) and the Word file hold it."""
    g = sample_gathered()
    d = g.deliverable
    d = replace(d, deliverable=replace(d.deliverable, language=language), headings=MappingProxyType({}),
                label_patterns=MappingProxyType({}), tows=Tows())
    content = assemble(replace(g, deliverable=d))
    tr = i18n.translator(language)
    words = [tr.pgettext("report", DEFAULT_LABELS[k]) for k in ("strengths", "weaknesses", "opportunities",
                                                                 "threats")]
    words += [tr.pgettext("report", DEFAULT_HEADINGS[k]) for k in ("contents", "step2", "synthesis", "about")]
    words.append(tr.pgettext("report", DEFAULT_LABELS["tows_strategy"]).format(strategy="S-O"))
    words.append(tr.pgettext("report", DEFAULT_CAPTIONS["W-T"]))
    html = html_lib.unescape(render_html(content))
    docx = render_docx(content)
    body = " ".join(docx_blocks(docx))
    for word in words:
        assert word in html and word in body, (language, word)
    before, _, rest = tr.pgettext("report", DEFAULT_LABELS["page_footer"]).partition("{page}")
    between, _, after = rest.partition("{pages}")
    assert (content.furniture.page_before, content.furniture.page_between, content.furniture.page_after) == (
        before, between, after)
    footer = zipfile.ZipFile(io.BytesIO(docx)).read("word/footer1.xml").decode()
    assert f">{xml_escape(before)}<" in footer and "NUMPAGES" in footer
    assert f'<html lang="{language}">' in html
    styles = zipfile.ZipFile(io.BytesIO(docx)).read("word/styles.xml").decode()
    assert f'w:val="{word_language(language)}"' in styles


def test_a_language_without_a_catalog_builds_in_english_and_says_so(tmp_path):
    inputs = Path(shutil.copytree(INPUTS, tmp_path / "inputs", ignore=shutil.ignore_patterns("*.xlsx")))
    _toml(inputs, lambda doc: _neutral(doc, "es"))
    d, issues = config.validate(inputs)
    assert d is not None and d.labels("strengths") == "Strengths"
    assert [(i.code, i.params["value"]) for i in issues] == [("config.language.words", "es")]
    _toml(inputs, lambda doc: _neutral(doc, "pt-PT"))
    d, issues = config.validate(inputs)
    assert not issues and d.labels("strengths") == "Forças"
