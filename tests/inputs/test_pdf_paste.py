"""Text pasted from a PDF (issue 26): the PDF's line breaks inside sentences are joined, a page number
between two halves of a sentence is left out, each said with its cell; a partner's own line breaks
stay. The rule is habits.unwrap's; properties: nothing but a dropped page number (and a hyphen the
joined word is written without) is lost, and joining twice is joining once."""

from __future__ import annotations

import re

import pytest
from conftest import typed
from hypothesis import given, settings
from hypothesis import strategies as st

from competency_maps.inputs.habits import text_words, unwrap
from competency_maps.model.richtext import Span, plain
from competency_maps.inputs.reader import read_workbook

PASTED = ("Our cluster was founded in the period 2012-\n2015 with the support of the\n16\nregion and "
          "its offices in Belval-\nOuest; it supports hydro-\ngenics among SMEs.")


def _u(s: str, words: set[str] | frozenset[str] = frozenset()):
    return unwrap((Span(s),), words)


@pytest.mark.parametrize("typed_text, words, read_as", [
    ("the period 2012-\n2015", (), "the period 2012-2015"),
    ("offices in Belval-\nOuest", ("belvalouest",), "offices in Belval-Ouest"),  # a capital: a name
    ("support of inno-\nvation", ("innovation",), "support of innovation"),
    ("support of inno-\nvation", (), "support of inno-vation"),  # not written whole: hyphen kept
    ("a well-\nknown brand", (), "a well-known brand"),
    ("typeset by a pro\u00ad\nfessional", (), "typeset by a professional"),
    ("The cluster has a strong network of\nmembers across the region", (), "The cluster has a strong network of members across the region"),
    ("The cluster has a strong network of\n16\nmembers across the region", (), "The cluster has a strong network of members across the region"),
])
def test_a_pdf_line_break_is_joined(typed_text, words, read_as):
    assert plain(_u(typed_text, set(words)).text) == read_as


@pytest.mark.parametrize("typed_text", [
    "Funding\nMembers\nServices",  # a short list
    "funding\nmembers\nservices",
    "We organise matchmaking events for members.\nthen we follow them up",  # a full stop
    "What we offer to the members of the cluster:\nmatchmaking, training",  # a colon
    "The cluster has a strong network of\nMembers across the region",  # a capital
    "The cluster has a strong network of\n\nmembers across the region",  # a blank line
    "The cluster has a strong network of\n- members\n- partners",  # a bullet
    "Members in the automotive sector:\n16\nSMEs in the automotive sector:\n40",  # deliberate numbers
    "- 16 -\nsome words",
])
def test_a_partners_own_line_break_stays(typed_text):
    u = _u(typed_text, text_words(typed_text))
    assert plain(u.text) == typed_text and not u.joined and not u.dropped


def test_emphasis_is_kept_across_a_join():
    u = unwrap((Span("A network of clusters across ", bold=True), Span("Euro-\npe", italic=True)), {"europe"})
    assert plain(u.text) == "A network of clusters across Europe"
    assert u.text[0].bold and u.text[-1].italic and u.joined == ("Europe",)


@pytest.mark.slow
def test_the_reader_joins_and_says_so_naming_the_cell(tmp_path, make_workbook, schema):
    path = make_workbook(tmp_path, edit=typed({"SWOT!D2": PASTED, "SWOT!D3": "Funding\nMembers"}))
    res = read_workbook(path, schema)
    entry = next(e for e in res.cluster.swot if e.row == 2)
    assert entry.plain == ("Our cluster was founded in the period 2012-2015 with the support of the region and its "
                           "offices in Belval-Ouest; it supports hydro-genics among SMEs.")
    found = {i.code: i for i in res.infos if (i.location.sheet, i.location.cell) == ("SWOT", "D2")}
    assert found["text.pdf.joined"].params["count"] == 4
    assert found["text.pdf.joined"].params["joins"] == ("'2012-2015'", "'the region'", "'Belval-Ouest;'")
    assert found["text.pdf.page_number"].params == {"line": "'16'"}
    assert not [i for i in res.issues if i.location.cell == "D3"]
    assert next(e for e in res.cluster.swot if e.row == 3).plain == "Funding\nMembers"


@pytest.mark.slow
def test_a_hyphen_is_left_out_when_the_workbook_writes_the_word_whole(tmp_path, make_workbook, schema):
    path = make_workbook(tmp_path, edit=typed({"SWOT!D2": PASTED, "Step 1!B2": "Hydrogenics is our mission."}))
    entry = next(e for e in read_workbook(path, schema).cluster.swot if e.row == 2)
    assert "supports hydrogenics among SMEs" in entry.plain


# --- properties ----------------------------------------------------------------------------------

LINE = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=40),
    st.sampled_from(["16", "- 3 -", "", "the period 2012-", "inno-", "vation and more", "Belval-", "Ouest",
                     "a long line of text that a PDF has wrapped", "• a bullet", "1. a number", "end."]))
TEXTS = st.lists(LINE, min_size=1, max_size=8).map("\n".join)
VOCABULARY = st.sets(st.sampled_from(["innovation", "belvalouest", "period2012", "wellknown"]))
HYPHENS = re.compile("[-\u00ad\u2010]")
# twice the profile's count (conftest.py): 400 examples on CI, 20 in the quick loop
EXAMPLES = 2 * settings().max_examples


def _non_space(s: str) -> str:
    return "".join(s.split())


@settings(max_examples=EXAMPLES, deadline=None)
@given(TEXTS, VOCABULARY)
def test_joining_loses_no_character_but_a_page_number_or_a_hyphen(s, words):
    u = _u(s, words)
    out = plain(u.text)
    lines = s.split("\n")
    assert [lines[k].strip() for k in u.dropped_at] == list(u.dropped)  # each a line of its own
    assert all(re.fullmatch(r"\D{0,3}\d{1,3}\D{0,3}", line) for line in u.dropped)
    kept = [line for k, line in enumerate(lines) if k not in u.dropped_at]
    assert HYPHENS.sub("", _non_space(out)) == HYPHENS.sub("", _non_space("\n".join(kept)))
    assert len(HYPHENS.findall(out)) <= len(HYPHENS.findall("\n".join(kept)))
    assert out.count("\n") <= s.count("\n")


@settings(max_examples=EXAMPLES, deadline=None)
@given(TEXTS, VOCABULARY)
def test_joining_twice_is_joining_once(s, words):
    once = _u(s, words).text
    twice = unwrap(once, words)
    assert twice.text == once and not twice.joined and not twice.dropped
