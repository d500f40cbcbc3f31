"""Property tests: any text a partner can type survives workbook → reader → DOCX (and PDF).

The reader's documented normalisation is the only change allowed: white space stripped at both
ends, CR LF and CR made LF, characters XML cannot hold replaced by U+FFFD with a warning on the
cell (never dropped silently). What the reader reads as a partner's habit on purpose (habits.py:
a placeholder or a repeated entry left out, a list typed in one cell split into entries) is not
generated here: test_habits.py has those.
"""

from __future__ import annotations

import pytest
import re
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings, strategies as st
from openpyxl.cell.cell import ERROR_CODES

from competency_maps.glyphs import undrawable
from competency_maps.inputs import config
from competency_maps.report.content import build_content, chapter
from competency_maps.inputs.habits import is_placeholder, same_text_key, text_words, typed_list, unwrap
from competency_maps.model.cluster import Cluster, Profile, SwotEntry
from competency_maps.inputs.reader import read_workbook
from competency_maps.render.docx.render import render_docx
from competency_maps.render.pdf.render import render_pdf
from competency_maps.model.richtext import Block, BlockKind, text_of
from competency_maps.model.schema import build_schema
from competency_maps.xlsx.writer import fill_workbook
from reports import docx_text, pdf_text, squash

INPUTS = Path(__file__).resolve().parent.parent / "inputs"
DELIVERABLE = config.load(INPUTS)
SCHEMA = build_schema(DELIVERABLE.topics)

# What the reader replaces with U+FFFD: what XML cannot hold, and C1 controls, bidi overrides and isolates
ILLEGAL_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x80-\x9f\u202a-\u202e\u2066-\u2069"
                            "\ud800-\udfff\ufffe\uffff]")
# What Excel writes as _xHHHH_ (openpyxl refuses these characters in a cell; Excel escapes them)
EXCEL_ESCAPES = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]")
# "_x0007_" typed as such, or openpyxl's undoing of Excel's "_x005F_", cannot be told from an
# escape in the file: both are documented limitations (textsafety.py), tested in test_hardening.py
ESCAPE_LIKE = re.compile(r"_x[0-9A-Fa-f]{4}_|x005F_")
# docxtpl rewrites these four in its output, partner text included (an xfail in test_hardening.py)
DOCXTPL_MARKERS = re.compile(r"\{_[{%]|[}%]_\}")
# lines reports.pdf_text drops as page furniture
FURNITURE = re.compile(r"^(•|\d+\.|Page \d+ of \d+|RECIPE4Mobility · .*)$")

# The example counts come from the profile (tests/conftest.py: few by default, 200 under CI=true);
# a PDF per example costs ten times a DOCX, so that test runs an eighth of them (25 on CI).
FAST = settings(database=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(FAST, max_examples=max(3, settings().max_examples // 8))


def as_excel_writes(s: str) -> str:
    return EXCEL_ESCAPES.sub(lambda m: f"_x{ord(m.group()):04X}_", s)


def as_read(s: str) -> str:
    """The reader's documented normalisation."""
    return ILLEGAL_IN_XML.sub("\ufffd", s).replace("\r\n", "\n").replace("\r", "\n").strip()


def typed_as_text(s: str) -> bool:
    """What Excel (and openpyxl) takes as text, not as a formula or an error value: those are
    refused with an error, as tested in test_hardening.py."""
    return not (len(s) > 1 and s.startswith("=")) and s not in ERROR_CODES


def no_habit(s: str) -> bool:
    """Not a placeholder ('TBD', '...') nor a list typed in one cell ('- a', '1. b'), nor a PDF's
    line breaks: text that the reader is to keep as it is."""
    t = as_read(s)
    u = unwrap(text_of(t), text_words(t))  # nor line breaks joined as a PDF's (test_pdf_paste.py)
    return not is_placeholder(t) and typed_list(text_of(t)) is None and not u.joined and not u.dropped


def write_and_read(cluster: Cluster, folder: Path):
    path = folder / "property.xlsx"
    fill_workbook(SCHEMA, cluster).save(path)
    return read_workbook(path, SCHEMA)


# Every code point but surrogates (which no file can hold), control characters included.
any_text = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)


@FAST
@given(st.lists(any_text, min_size=1, max_size=4,
                unique_by=lambda s: same_text_key(as_read(s))))  # a repeat is left out: not here
@pytest.mark.slow
def test_any_text_survives_workbook_reader_and_docx(texts):
    for s in texts:
        assume(as_read(s) and typed_as_text(as_excel_writes(s)))
        assume(not ESCAPE_LIKE.search(s) and "x005F_" not in as_excel_writes(s))
        assume(not DOCXTPL_MARKERS.search(as_read(s)) and no_habit(s))
    topic = DELIVERABLE.topics[0]
    cluster = Cluster(Profile("Property", country="Belgium", about=text_of("About.")), swot=[
        SwotEntry(topic, "Strength", "", text_of(as_excel_writes(s))) for s in texts])
    with tempfile.TemporaryDirectory() as tmp:
        res = write_and_read(cluster, Path(tmp))

    expected = [as_read(s) for s in texts]
    assert [e.plain for e in res.cluster.swot] == expected
    # a warning on the cell for each one with characters no bundled font draws, naming them
    glyphs = {i.location.cell: i for i in res.issues if i.code == "text.glyphs.missing"}
    assert glyphs == {f"D{row}": glyphs.get(f"D{row}") for row, t in enumerate(expected, start=2) if undrawable(t)}
    assert all(set(undrawable(expected[int(c[1:]) - 2])[:10]) <= set(i.params["characters"])
               for c, i in glyphs.items())
    # a warning on the cell for each one with characters XML cannot hold, with how many; nothing else
    warned = {i.location.cell: i for i in res.issues if i.code != "text.glyphs.missing"}
    for row, s in enumerate(texts, start=2):
        n = len(ILLEGAL_IN_XML.findall(s))
        if n:
            issue = warned.pop(f"D{row}")
            assert (issue.code, issue.params["count"]) == ("cell.control_characters", n)
    assert not warned, [str(i) for i in warned.values()]

    content = build_content(DELIVERABLE, [chapter(res.cluster, DELIVERABLE)], [res.cluster])
    docx = docx_text(render_docx(content))
    assert "\n".join(expected) in docx  # each entry one paragraph, in order, exactly


# Characters a PDF shows as they are, in order: letters, digits, punctuation, symbols, spaces.
# Left out: combining marks and format characters (pdftotext may attach or drop them), unassigned
# code points (no glyph, no text), and right-to-left letters (pdftotext prints an RTL run's words in
# visual order; test_hardening.py checks Arabic and Hebrew word by word).
shown_char = st.characters(categories=["L", "N", "P", "S", "Zs"]).filter(
    lambda c: unicodedata.bidirectional(c) not in ("R", "AL", "AN"))
shown_text = st.text(shown_char, min_size=1, max_size=30)  # short enough never to wrap


@pytest.mark.slow
@SLOW
@given(st.lists(shown_text, min_size=1, max_size=12))
def test_shown_text_survives_workbook_reader_and_pdf(texts):
    for s in texts:
        t = as_read(s)
        assume(t and typed_as_text(s) and not ESCAPE_LIKE.search(s) and not FURNITURE.match(t))
        assume(no_habit(s))
    from conftest import require_tool
    cluster = Cluster(Profile("Property", country="Belgium", about=text_of("About.")),
                      step1=[Block(BlockKind.PARAGRAPH, text_of(s)) for s in texts])
    with tempfile.TemporaryDirectory() as tmp:
        res = write_and_read(cluster, Path(tmp))
        # characters no bundled font draws are warned about (tests/test_glyphs.py), nothing else
        assert [i.location.cell for i in res.issues if i.code == "text.glyphs.missing"] == [
            f"B{row}" for row, s in enumerate(texts, start=2) if undrawable(as_read(s))]
        assert not [i for i in res.issues if i.code != "text.glyphs.missing"]
        assert [b.plain for b in res.cluster.step1] == [as_read(s) for s in texts]
        content = build_content(DELIVERABLE, [chapter(res.cluster, DELIVERABLE)], [res.cluster])
        text = pdf_text(render_pdf(content).data, require_tool("pdftotext"), Path(tmp))
    text = re.sub("[\u202a-\u202e]", "", text)  # pdftotext's marks around neutral runs
    # the paragraphs, one after the other, in order
    assert "".join(squash(as_read(s)) for s in texts) in squash(text)
