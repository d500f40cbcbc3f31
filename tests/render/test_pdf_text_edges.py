"""What partners type that a page must still hold: unbreakable strings in table cells, scripts the
bundled fonts once lacked, right-to-left notes and entries. Each checked on a PDF as it is printed."""

from __future__ import annotations

import io
import subprocess
import zipfile
from dataclasses import replace

import pytest
from pathlib import Path
from xml.etree import ElementTree

from competency_maps.model.cluster import Note
from competency_maps.model.richtext import parse_markdown, text_of
from competency_maps.render.docx.render import render_docx
from competency_maps.render.pdf.render import render_html, render_pdf
from competency_maps.report.content import build_content, chapter
from conftest import require_tool
from reports import sample_gathered

pytestmark = pytest.mark.slow  # builds reports or drives a real client

A4_WIDTH = 595.3  # points
RIGHT_MARGIN = 20 / 25.4 * 72  # report.css @page margin
URL = "https://example.org/download?token=" + "Zm9vYmFyYmF6cXV4" * 11  # 212 characters, no hyphen


def _proof_of(cluster):
    d = sample_gathered().deliverable
    return render_pdf(build_content(d, [chapter(cluster, d)], [cluster], proof=True))


def _words(pdf: bytes, tmp: Path, left: bool = False) -> list[tuple]:
    """(right edge in points, text) of every word of the PDF, as poppler lays them out; with
    `left`, (left edge, right edge, text)."""
    (tmp / "r.pdf").write_bytes(pdf)
    html = subprocess.run([require_tool("pdftotext"), "-bbox", str(tmp / "r.pdf"), "-"], capture_output=True,
                          check=True).stdout
    root = ElementTree.fromstring(html.decode("utf-8").replace("<!DOCTYPE", "<!--").replace('.dtd">', '-->'))
    found = root.iter("{http://www.w3.org/1999/xhtml}word")
    if left:
        return [(float(w.get("xMin")), float(w.get("xMax")), w.text or "") for w in found]
    return [(float(w.get("xMax")), w.text or "") for w in found]


def test_a_200_character_url_in_a_swot_and_a_tows_cell_wraps_inside_the_page(tmp_path):
    c = next(c for c in sample_gathered().clusters if c.name == "Mobinov")
    swot = [replace(c.swot[0], text=text_of(URL)), *c.swot[1:]]
    tows = [replace(c.tows[0], text=text_of(URL)), *c.tows[1:]]
    words = _words(_proof_of(replace(c, swot=swot, tows=tows)).data, tmp_path)
    printed = "".join(t for _, t in words)
    assert printed.count(URL) == 2 or printed.count("Zm9vYmFyYmF6cXV4") >= 20
    assert max(x for x, _ in words) <= A4_WIDTH - RIGHT_MARGIN + 1


# --- right to left -------------------------------------------------------------------------------

HE = "הקלאסטר מחבר חברות, אוניברסיטאות ורשויות באזור."
AR = "يجمع التجمع الشركات والجامعات والسلطات في المنطقة."
LEFT_MARGIN = RIGHT_MARGIN


def _rtl_cluster():
    c = next(c for c in sample_gathered().clusters if c.name == "Mobinov")
    swot = [replace(c.swot[0], text=text_of(HE)), *c.swot[1:]]
    tows = [replace(c.tows[0], text=text_of(AR)), *c.tows[1:]]
    notes = [Note("הערות", tuple(parse_markdown(HE)), "he"), Note("Notes", tuple(parse_markdown("Mixed " + AR)), "ar"),
             Note("Stärken", tuple(parse_markdown("Ein Netzwerk.")), "de")]
    return replace(c, swot=swot, tows=tows, step2_notes=notes)


def test_the_view_flags_right_to_left_notes_and_entries_and_the_html_sets_them_so():
    d = sample_gathered().deliverable
    c = _rtl_cluster()
    ch = chapter(c, d)
    assert [n.rtl for n in ch.step2_notes] == [True, True, False]  # by language: "Mixed …" marked ar
    first = ch.swot_pairs[0].rows[0].left.groups[0]
    assert first.rtl[0] and not any(first.rtl[1:])
    html = render_html(build_content(d, [ch], [c], proof=True))
    assert html.count('dir="rtl"') == 2 + 1 + 1  # two notes, the SWOT entry, the TOWS entry
    assert '<div class="step-note" lang="he" dir="rtl">' in html and 'lang="de" dir' not in html


def test_the_word_file_sets_the_same_notes_and_entries_right_to_left():
    """Word's side of the same flags: `w:bidi` on the paragraphs of the Hebrew SWOT entry and the
    Arabic TOWS entry, and on the two notes, and on nothing else."""
    d = sample_gathered().deliverable
    c = _rtl_cluster()
    docx = render_docx(build_content(d, [chapter(c, d)], [c], proof=True))
    body = ElementTree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    rtl = ["".join(t.text or "" for t in p.iter(f"{w}t")) for p in body.iter(f"{w}p")
           if (b := p.find(f"{w}pPr/{w}bidi")) is not None and b.get(f"{w}val", "1") not in ("0", "false")]
    assert [text for text in rtl if text] == [HE, "Mixed " + AR, HE, AR], rtl


def test_a_hebrew_note_and_entry_are_set_from_the_right_edge(tmp_path):
    words = _words(_proof_of(_rtl_cluster()).data, tmp_path, left=True)
    first = ("הקלאסטר", "הקלאסטר"[::-1])  # poppler may give a right-to-left word's letters in either order
    note = [w for w in words if any(f in w[2] for f in first)]
    assert note, "the Hebrew words are in the PDF"
    right_edge = A4_WIDTH - RIGHT_MARGIN
    # the note ends on the text frame's right edge (its first word is rightmost), the entry on its
    # cell's, left of its bullet; set left to right, both would start at the left margin
    assert len(note) == 2
    note_first, entry_first = sorted(note, key=lambda w: -w[1])
    assert abs(note_first[1] - right_edge) < 2
    assert A4_WIDTH / 2 - 40 < entry_first[1] < A4_WIDTH / 2
    assert all(x0 > LEFT_MARGIN + 20 for x0, _, _ in note)
