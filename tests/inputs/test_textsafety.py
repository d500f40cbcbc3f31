"""C1 controls and bidi overrides/isolates from a workbook: kept out of the report (U+FFFD, with a
warning naming the cell) and shown escaped on the console, never obeyed by Word, a PDF viewer or a
terminal."""

from __future__ import annotations

import io

import pytest

from competency_maps.cli import main
from competency_maps.console import Console
from competency_maps.inputs.reader import read_workbook
from competency_maps.inputs.textsafety import clean_text, escaped
from competency_maps.model.richtext import Span
from conftest import INPUTS, typed

HOSTILE = {"csi": "\x9b2J", "rlo": "invoice\u202egpj.exe", "isolate": "a\u2066b\u2069c", "lre": "\u202aX\u202c",
           "nel": "line\x85next"}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_is_replaced_and_counted(name):
    text, n = clean_text((Span(HOSTILE[name]),))
    assert n >= 1 and not any(c in text[0].text for c in "\x85\x9b\u202a\u202c\u202e\u2066\u2069")


def test_ordinary_scripts_and_marks_stay():
    kept = "Łódź עברית العربية 中文 \u200f\u200e e\u0301 — ok"  # right-to-left and left-to-right marks stay
    assert clean_text((Span(kept),)) == ((Span(kept),), 0)


def test_a_terminal_gets_escapes_not_the_characters():
    assert escaped("a\x9b2J b\u202ec \x1b[31m\x7f\tok\n") == "a\\x9b2J b\\u202ec \\x1b[31m\\x7f\tok\n"
    assert escaped("Łódź עברית") == "Łódź עברית"


def test_the_cell_is_named_the_report_and_the_console_never_get_them(tmp_path, make_workbook, schema):
    path = make_workbook(tmp_path, edit=typed({"SWOT!D2": HOSTILE["rlo"], "SWOT!D3": HOSTILE["csi"],
                                               "SWOT!B4": "Stren\u202egth\x9b"}), name="bidi.xlsx")
    res = read_workbook(path, schema)
    warned = {(i.location.sheet, i.location.cell) for i in res.warnings}
    assert {("SWOT", "D2"), ("SWOT", "D3")} <= warned
    texts = [e.plain for e in res.cluster.swot]
    assert "invoice\ufffdgpj.exe" in texts and not any("\u202e" in t or "\x9b" in t for t in texts)
    out = io.StringIO()
    main(["--inputs", str(INPUTS), "check", str(path)], Console(out, io.StringIO(), progress=False))
    printed = out.getvalue()
    assert "\u202e" not in printed and "\x9b" not in printed and "SWOT › B4" in printed
    assert "\\u202e" in printed or "\ufffd" in printed
