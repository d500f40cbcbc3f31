"""Which bundled font draws a character: the coverage file, the runs of the heat map's PNG, the
characters no font has."""

from __future__ import annotations

import sys

from competency_maps.glyphs import COVERAGE, FONTS, font_for, needs_shaping, runs, undrawable
from reports import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from font_coverage import coverage  # noqa: E402


def test_the_coverage_file_is_what_the_bundled_fonts_hold():
    assert COVERAGE.read_text(encoding="utf-8") == coverage(), "run tools/font_coverage.py"


def test_each_script_is_drawn_by_the_font_the_pdf_falls_back_to():
    assert font_for("é") == font_for("Ж") == font_for("Ω") == "Carlito-Regular.ttf"
    assert font_for("☐") == font_for("ש") == font_for("م") == "DejaVuSans.ttf"
    assert font_for("न") == "NotoSansDevanagari-Regular.ttf" and font_for("ส") == "NotoSansThai-Regular.ttf"
    assert font_for("中") is None and font_for("한") is None and font_for("🚗") is None


def test_undrawable_lists_each_missing_character_once_and_ignores_what_is_not_drawn():
    assert undrawable("Zone Cluster – “mobility” ☐ → שלום مرحبا नमस्ते สวัสดี") == []
    assert undrawable("中文 and 中国 🚗") == ["中", "文", "国", "🚗"]
    assert undrawable("a\u200db\ufe0f\u200e") == []  # joiners, variation selectors, direction marks


def test_runs_keep_a_right_to_left_name_of_several_words_in_one_run():
    assert runs("Zone שלום עולם Cluster") == [(FONTS[0], "Zone "), ("DejaVuSans.ttf", "שלום עולם"),
                                             (FONTS[0], " Cluster")]
    assert runs("नमस्ते क्लस्टर") == [("NotoSansDevanagari-Regular.ttf", "नमस्ते क्लस्टर")]
    assert runs("Zone 中文") == [(FONTS[0], "Zone 中文")]
    assert "".join(t for _, t in runs("x שלום 中 ☐ y")) == "x שלום 中 ☐ y"


def test_shaping_is_needed_for_right_to_left_marks_and_indic_scripts_only():
    assert not needs_shaping("Mov'eo – Zone Cluster ☐ Ωμέγα")
    assert all(needs_shaping(t) for t in ("שלום", "مرحبا", "नमस्ते", "สวัสดี", "Cafe\u0301"))


def test_the_warning_names_at_most_ten_characters():
    from competency_maps.errors import Location
    from competency_maps.inputs.glyph_check import missing_glyphs
    assert missing_glyphs(Location("f.xlsx", "SWOT", "D2"), "Zone שלום") == []
    [one] = missing_glyphs(Location("f.xlsx", "SWOT", "D2"), "一二三四五六七八九十百千")
    assert one.code == "text.glyphs.missing" and one.params["characters"] == "'一 二 三 四 五 六 七 八 九 十 …'"
