"""The words of the commands' own lines (messages/console.py): the one test that reads them."""

from __future__ import annotations

import io

import pytest

from competency_maps.console import Console
from competency_maps.messages import Phrase, render


def said(language: str, code: str, **params) -> str:
    out = io.StringIO()
    Console(out, io.StringIO(), progress=False, language=language).say(code, **params)
    return out.getvalue().rstrip("\n")


@pytest.mark.parametrize("language, none, one, two", [
    ("en", "0 errors", "1 error", "2 errors"), ("fr", "0 erreur", "1 erreur", "2 erreurs"),
    ("de", "0 Fehler", "1 Fehler", "2 Fehler"), ("pt", "0 erros", "1 erro", "2 erros"),
    ("nl", "0 fouten", "1 fout", "2 fouten"), ("hu", "0 hiba", "1 hiba", "2 hiba")])
def test_a_count_is_a_real_plural_in_each_language(language, none, one, two):
    assert [render("console.count.errors", {"count": n}, language).message for n in (0, 1, 2)] == [none, one, two]


def test_a_line_holds_its_counts_in_its_own_language():
    errors, warnings = Phrase("console.count.errors", {"count": 2}), Phrase("console.count.warnings", {"count": 1})
    params = {"file": "Moveo.xlsx", "cluster": "Mov'eo", "errors": errors, "warnings": warnings}
    assert said("en", "console.check.file", **params) == "Moveo.xlsx (Mov'eo): 2 errors, 1 warning"
    assert said("fr", "console.check.file", **params) == "Moveo.xlsx (Mov'eo) : 2 erreurs, 1 avertissement"
    assert said("de", "console.check.file", **params) == "Moveo.xlsx (Mov'eo): 2 Fehler, 1 Warnung"


def test_a_hint_follows_its_message_and_indent_is_two_spaces_a_level():
    assert said("en", "console.build.errors", count=1, folder="output") == (
        "1 error: nothing was written; the files in output/ are unchanged. Fix the workbooks, or use --draft "
        "to build a marked draft.")
    out = io.StringIO()
    Console(out, io.StringIO(), progress=False).say("console.check.passed", indent=2)
    assert out.getvalue() == "    No errors.\n"


def test_a_term_of_the_tool_is_shown_in_the_message_s_language():
    params = {"kind": "a number", "value": "21", "key": "number", "typed": "21"}
    assert render("config.text.type", params, "de").message == (
        "muss Text in Anführungszeichen sein, nicht eine Zahl (21).")
    assert render("config.text.type", params, "en").message == "must be text in quotes, not a number (21)."
    assert render("config.text.type", dict(params, kind="'3'"), "fr").message.endswith("pas '3' (21).")  # not a term
