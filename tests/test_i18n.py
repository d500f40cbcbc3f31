"""The six languages' catalogs: complete, faithful to their placeholders, compiled, spelled right,
and within Office's limits once in a workbook."""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import shutil
import subprocess
from pathlib import Path
from string import Formatter

import pytest

from competency_maps import i18n, messages
from competency_maps.model.schema import PROFILE_FIELDS, build_schema
from competency_maps.xlsx.blank import LIMITS, make_blank_workbook

ROOT = Path(__file__).resolve().parents[1]
OTHERS = [lang for lang in i18n.LANGUAGES if lang != i18n.DEFAULT]


@pytest.fixture(scope="module")
def tool():
    """tools/i18n.py, the catalogs' own tool (Babel)."""
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # The template (every text of the code, extracted from the sources) and each language's missing
    # texts are the same for every test of the module: made once, not thirty times (read-only here).
    module.template_catalog = functools.cache(module.template_catalog)
    module.untranslated = functools.cache(module.untranslated)
    return module


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in Formatter().parse(text) if f}


def _strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def _ids(message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def test_the_template_lists_every_text_of_the_code(tool):
    from babel.messages.pofile import read_po
    with tool.POT.open("rb") as f:
        committed = {(m.context, m.id) for m in read_po(f) if m.id}
    assert committed == {(m.context, m.id) for m in tool.template_catalog() if m.id}, \
        "run: .venv/bin/python tools/i18n.py update"


@pytest.mark.parametrize("lang", OTHERS)
def test_every_text_is_translated(tool, lang):
    """Every text, but those listed as pending (locale/pending.txt): that list must be exact, so that
    it only shrinks (a text translated since, or gone, must leave it)."""
    missing = set(tool.untranslated(lang))
    pending = tool.pending()
    assert missing <= pending, f"untranslated in {lang}: {sorted(missing - pending)} (tools/i18n.py missing)"
    others = set().union(*(tool.untranslated(other) for other in OTHERS))
    assert pending <= others, f"translated everywhere, still listed as pending: {sorted(pending - others)}"


@pytest.mark.parametrize("lang", OTHERS)
def test_a_translation_neither_drops_nor_adds_a_placeholder(tool, lang):
    wrong = []
    for m in tool.read(lang):
        if not m.id or not any(_strings(m)):
            continue
        wanted = set().union(*map(_fields, _ids(m)))
        for s in _strings(m):
            # a singular form may say "one" in words; every other field stays
            if _fields(s) != wanted and not (isinstance(m.id, tuple) and _fields(s) == wanted - {"count"}):
                wrong.append((m.id, s))
    assert not wrong, wrong


@pytest.mark.parametrize("lang", OTHERS)
def test_the_compiled_catalog_is_up_to_date(tool, lang):
    committed = tool.po_path(lang).with_suffix(".mo").read_bytes()
    assert committed == tool.mo_bytes(tool.read(lang)), "run: .venv/bin/python tools/i18n.py compile"


@pytest.mark.parametrize("lang", OTHERS)
def test_plural_rules_are_cldr(tool, lang):
    from babel import Locale
    from babel.messages.plurals import get_plural
    assert tool.read(lang).plural_forms == get_plural(Locale.parse(i18n.LOCALES[lang])).plural_forms


def test_one_and_other_differ_between_french_portuguese_and_hungarian():
    def one(lang: str, n: int) -> bool:
        said = messages.render("list.typed.numbered", {"count": n}, lang).message
        return said.replace(str(n), "N") == messages.render("list.typed.numbered", {"count": 1}, lang).message.replace("1", "N")
    assert [one("fr", n) for n in (0, 1, 2)] == [True, True, False]  # « 0 élément numéroté »
    assert [one("pt", n) for n in (0, 1, 2)] == [False, True, False]  # « 0 itens numerados » (Portugal)
    assert [one("en", n) for n in (0, 1, 2)] == [False, True, False]
    assert [one("hu", n) for n in (0, 1, 2)] == [True, True, True]  # « 2 számozott elem »: singular after a number


def test_a_message_is_rendered_in_the_partners_language():
    fr = messages.render("choice.native", {"cell_value": "'Stärken'", "choice": "Strength"}, "fr")
    assert "'Stärken'" in fr.message and "Force" in fr.message and "Strength" not in fr.message
    de = messages.render("choice.native", {"cell_value": "'kansen'", "choice": "Opportunity"}, "de")
    assert "Chance" in de.message
    en = messages.render("choice.native", {"cell_value": "'kansen'", "choice": "Opportunity"}, "xx")
    assert en.message == "'kansen' is read as Opportunity."


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_office_limits_hold_and_nothing_is_cut(lang):
    schema = build_schema(themes=("Digitalisation", "Skills and training"))
    # the workbook as made (openpyxl writes the dropdowns' texts as they are): no save and load again
    wb = make_blank_workbook(schema, "Mov'eo", language=lang, contact="anna@example.org", deadline="30 June")
    checked = 0
    for ws in wb.worksheets:
        for dv in ws.data_validations.dataValidation:
            for attr, limit in LIMITS.items():
                text = getattr(dv, attr) or ""
                assert len(text) <= limit, (lang, ws.title, attr, text)
                assert not text.endswith("…"), (lang, ws.title, attr, text)  # never cut short
                checked += 1
    assert checked > 40


# --- spelling, with Debian's hunspell dictionaries ---------------------------------------------

DICTIONARIES = {"fr": "fr_FR", "de": "de_DE", "pt": "pt_PT", "nl": "nl_NL", "hu": "hu_HU"}
# Product names, keys, codes and the trade's acronyms: not words of any dictionary
NAMES = {"Excel", "LibreOffice", "Windows", "Mac", "Alt", "Ctrl", "Option", "Return", "Enter", "Entrée",
         "SWOT", "TOWS", "ESCA", "PNG", "JPEG", "https", "xlsx", "HR", "RH", "SMEs", "PME", "PMEs", "KMU", "KKV",
         "mkb", "MKB", "Gold", "Label", "Stärken", "Strengths", "Read", "me", "Cluster", "Step", "SWOT-",
         "TOWS-", "Summary", "Notes", "to", "the", "coordinator", "de", "fr", "hu", "nl", "pt", "Entry",
         "Topic", "Quadrant", "Strategy", "Format", "Style", "Text", "Group", "Label", "Language", "Note",
         "Theme", "Field", "Value", "Lists", "Check", "cluster", "clusters", "clusterek", "clusterje",
         "Clusters", "benchmarking", "Benchmarking", "workshop", "Workshop", "peer", "learning", "cel",
         "About", "partners", "Strg", "INFO", "B", "Peer", "Learning", "es", "it", "pl",
         "DTD", "SVG", "svg", "url", "URL", "viewBox",
         # file names, command lines, toml keys and the review sheet's column names, kept in English
         "AAAA-MM-JJ", "DIR", "Entries", "Include", "Kind", "Wording", "Mov", "eo", "Pango", "Pillow", "TOML",
         "Word", "annotate", "competency", "maps", "csv", "deliverable", "docx", "draft", "funding", "json",
         "md", "name", "ods", "only", "other", "png", "py", "setup", "sh", "snapshot", "texts", "toml",
         "tools", "topics", "true", "false", "xls", "JSON", "UTF", "PDF", "XML", "ZIP", "Yes", "No", "Short",
         "build", "export", "force", "format", "inputs", "labels", "output", "report", "log", "zip", "KB", "order",
         "Edge", "Node", "js", "Chrome", "Firefox", "Safari", "JavaScript", "Python", "C", "cache", "headings",
         "S", "W", "O", "T",  # SWOT's letters, kept in every language as "SWOT" is
         "check", "since", "version", "COMPETENCY", "MAPS", "DEBUG", "OK", "Markdown"}  # command lines and the toml's keys
# Words of the language that its Debian dictionary lacks (compounds, loans), each checked by hand
KNOWN = {"de": {"Aufzählungspunkt", "Aufzählungspunkte", "Aufzählungszeichen", "Kapiteltitel", "Teamgeist",
               "Projektbezogene", "Labels", "zusammenzuhalten", "Entitäten", "Event-Handler", "Skripte",
               "Stylesheet", "wohlgeformte", "Clusterliste", "Clusterpaar", "Deliverables", "Devanagari",
               "Formatversion", "JJJJ-MM-TT", "Kapitelreihenfolge", "Komplementaritäten", "Pipe", "Repository",
               "Snapshot", "Synthesethemen", "Thai-Schrift", "Registry", "Heatmap", "Deliverable", "Komplementarität",
               "Synthesebefund", "Synthesebefunde"},
         "nl": {"celnotatie", "standaardwerkmap", "gebeurtenishandler", "invoermap", "uitvoermap", "Devanagari", "JJJJ-MM-DD",
               "complementariteiten", "pipe", "socket", "Heatmap", "rekenbladprogramma", "repository", "cachemap", "controlesom",
               "heatmap", "stuurteken", "stuurtekens"},
         "pt": {"píxeis", "scripts", "AAAA-MM-DD", "devanágari", "entregável", "Entregável", "pipe", "píxel"},
         "hu": {"kompetenciatérképének", "kompetenciatérkép", "ban", "nak", "ekre", "nál",
               "kompetenciatérképnél", "dévanágari", "pipe", "socket", "ÉÉÉÉ-HH-NN", "kompetenciatérképét"}}  # "LibreOffice-ban": a suffix after a name


def _words(text: str) -> list[str]:
    text = re.sub(r"\{[^}]*\}|\(\w{1,3}\)", " ", text)  # placeholders; "erreur(s)"
    text = re.sub(r"'[^']*'", " ", text)  # a sheet's or an example's name, quoted: not this language's
    text = re.sub(r"`[^`]*`", " ", text)  # a command line
    text = re.sub(r"https?://\S+|\S+@\S+|\.xlsx\b|[A-Z]-[A-Z]\b", " ", text)
    words = []
    for w in re.findall(r"[^\W\d_]+(?:[-’][^\W\d_]+)*", text):
        parts = w.split("-")
        if any(p in NAMES for p in parts):  # "SWOT-Analyse", "Excel-werkmap": the word after the name
            words += [p for p in parts if p not in NAMES]
        elif w not in NAMES:
            words.append(w)
    return words


@pytest.mark.parametrize("lang", OTHERS)
def test_translations_are_spelled_right(tool, lang):
    hunspell = shutil.which("hunspell")
    dic = Path(f"/usr/share/hunspell/{DICTIONARIES[lang]}.dic")
    if not hunspell or not dic.exists():
        msg = f"hunspell or {dic} missing (Debian packages hunspell, hunspell-*; tools/setup.sh --test)"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    words = sorted({w for m in tool.read(lang) if m.id for s in _strings(m) for w in _words(s)} - KNOWN.get(lang, set()))
    assert words
    proc = subprocess.run([hunspell, "-d", DICTIONARIES[lang], "-l", "-i", "utf-8"], input="\n".join(words),
                          capture_output=True, text=True, timeout=60)
    wrong = sorted(set(proc.stdout.split()))
    assert not wrong, f"{lang}: {wrong}"


def test_a_profile_fields_label_and_help_are_shown_in_the_messages_language():
    f = next(f for f in PROFILE_FIELDS if f.required and f.help)
    fr = messages.render("profile.required.empty", {"field": f.label, "help": f.help}, "fr")
    tr = i18n.translator("fr")
    assert tr.gettext(f.label) != f.label and tr.gettext(f.help) != f.help
    assert fr.message.startswith(tr.gettext(f.label)) and fr.hint.endswith(tr.gettext(f.help))
