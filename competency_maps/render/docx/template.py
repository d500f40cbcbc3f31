"""The Word template, made at build time: the report's structure and docxtpl tags written into a copy
of `templates/reference.docx`.

As with pandoc's reference.docx, the look (page set-up, header and footer, every paragraph, character
and table style) is in that document, which a person restyles in Word or LibreOffice; this module
only writes structure: which style each paragraph and table has, and the tags that the content
(`content.ReportContent`, as `r`) fills. It sets no font, colour or shading, and types no word.
Every tag is one run of its own, so no tag is ever split across runs.

Pagination is the document's own, never copied from the PDF's layout: each chapter is a section
that starts a new page (its running head is its title, see `sections.py`); headings keep with the
next paragraph, list items and table rows are not split, a table's header row keeps with its first
body row. Word and LibreOffice then lay the pages out themselves.
"""

from __future__ import annotations

import copy
import functools
import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION

from competency_maps.errors import RenderError
from competency_maps.render.docx import front, ooxml
from competency_maps.render.docx.blocks import (BULLET_STYLES, NUMBER_STYLES, between_tables, cell, cofunding,
                                                list_style, loop_rows, rich_blocks, table, tag)
from competency_maps.resources import TEMPLATES

REFERENCE = TEMPLATES / "reference.docx"


# The styles the structure uses: the contract with reference.docx.
PARAGRAPH_STYLES = ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Front Heading",
                    "Cover Label", "Cover Text", "Cover Brand", "Cover Small", "Cover Notice", "Normal",
                    *BULLET_STYLES, *NUMBER_STYLES, "Table Label", "Table Text", "Cell Topic", "Cell Group",
                    "Cell Caption", "Caption", "Placeholder", "TOC 1", "TOC 2", "Legal", "Code",
                    "Funding", "Header", "Footer", "Figure", "Chapter Logo")
CHARACTER_STYLES = ("Hyperlink", "Cell Label")
TABLE_STYLES = ("Info Table", "Log Table", "SWOT Table", "TOWS Table", "Counts Table")


# --- the document ------------------------------------------------------------------------------


def _bookmarked(p, anchor: str):
    """A heading with the bookmark its TOC entry points at; `anchor` is a template expression."""
    entry = f"r.bookmarks[{anchor}]"
    start = ooxml.element("w:bookmarkStart", id=f"{{{{ {entry}.bookmark_id }}}}", name=f"{{{{ {entry}.bookmark }}}}")
    end = ooxml.element("w:bookmarkEnd", id=f"{{{{ {entry}.bookmark_id }}}}")
    p._p.insert(1 if p._p.pPr is not None else 0, start)
    p._p.append(end)
    return p


def _new_chapter(doc, sect_pr, first: str = "") -> None:
    """A section break before a chapter: each chapter is a section of its own (a new page, its
    title in the running head). `first`: a test for the break that ends the front matter, which
    keeps the report's page set-up, header, footer and title page."""
    if first:
        tag(doc, f"{{%p if {first} %}}")
        ooxml.section_break(doc, sect_pr, keep_refs=True)
        tag(doc, "{%p else %}")
    ooxml.section_break(doc, sect_pr, keep_refs=False)
    if first:
        tag(doc, "{%p endif %}")


def _logo(doc, expr: str, height_mm: float) -> None:
    """A logo at the right margin beside the heading that follows, anchored in a paragraph of its
    own ("Chapter Logo": kept with the heading, a point high), never in the heading's text."""
    tag(doc, f"{{%p if {expr} %}}")
    tag(doc, f"{{{{ {expr}|logo({height_mm}) }}}}", "Chapter Logo")
    tag(doc, "{%p endif %}")


def _swot_cell(tc, side: str) -> None:
    """The topic first (an empty side is one empty topic line, never an empty leading paragraph
    before the words; a piece that continues a tall topic starts with its entries), then the groups
    and their entries."""
    cell(tc, f"{{%p if not row.{side} or row.{side}.title %}}")
    tag(tc, f"{{% if row.{side} %}}{{{{ row.topic }}}}{{% endif %}}", "Cell Topic")
    tag(tc, "{%p endif %}")
    tag(tc, f"{{%p if row.{side} %}}")
    tag(tc, f"{{%p for g in row.{side}.groups %}}")
    tag(tc, "{%p if g.name %}")
    # not kept with the next paragraph, as its style is: the row never splits anyway, and LibreOffice
    # would keep the whole row with the next one (a short page before two tall rows)
    tag(tc, "{{ g.name }}", "Cell Group").paragraph_format.keep_with_next = False
    tag(tc, "{%p endif %}")
    tag(tc, "{%p for e in g.entries %}")
    _right_to_left_if(tag(tc, "{{r e|rich }}", "List Bullet"), "g.rtl[loop.index0]")
    tag(tc, "{%p endfor %}")
    tag(tc, "{%p endfor %}")
    tag(tc, "{%p endif %}")


def _right_to_left_if(p, test: str) -> None:
    """The paragraph set right to left when `test` holds for its entry (its script runs so, as the
    view says: report/direction.py); a `w:bidi` of "0" is dropped from the package (package.clean)."""
    ppr = p._p.get_or_add_pPr()
    ppr.append(ooxml.element("w:bidi"))
    ppr[-1].set(ooxml.qn("w:val"), f"{{{{ '1' if {test} else '0' }}}}")


def _tows_cell(tc, expr: str) -> None:
    """The caption (not in a piece that continues a tall row), then the entries."""
    cell(tc, f"{{%p if {expr}.label %}}")
    p = tag(tc, f"{{{{ {expr}.label }}}}", "Cell Caption")
    ooxml.name_style(p.runs[0], "Cell Label")
    p.add_run(f"{{{{ {expr}.caption }}}}")
    tag(tc, "{%p endif %}")
    tag(tc, f"{{%p for e in {expr}.entries %}}")
    tag(tc, "{%p if e.format == 'Paragraph' %}")
    _right_to_left_if(tag(tc, "{{r e.text|rich }}", "Table Text"), "e.rtl")
    tag(tc, "{%p else %}")
    _right_to_left_if(tag(tc, "{{r e.text|rich }}", "List Bullet"), "e.rtl")
    tag(tc, "{%p endif %}")
    tag(tc, "{%p endfor %}")
    tag(tc, f"{{%p if not {expr}.label and not {expr}.entries %}}")  # a cell keeps a paragraph
    tag(tc, "", "Table Text")
    tag(tc, "{%p endif %}")


def _step_heading(doc, n: int) -> None:
    """A step's heading, bookmarked for its contents line; none for a step switched off (or whose
    heading is "")."""
    tag(doc, f"{{%p if ch.steps[{n}] %}}")
    _bookmarked(tag(doc, f"{{{{ ch.steps[{n}] }}}}", "Heading 2"), f"ch.anchor ~ '-step{n + 1}'")
    tag(doc, "{%p endif %}")


def _step_placeholder(doc, step: str) -> None:
    """What a draft shows where a partner left a required step empty."""
    tag(doc, f"{{%p if ch.placeholders.get('{step}') %}}")
    tag(doc, f"{{{{ ch.placeholders.get('{step}') }}}}", "Placeholder")
    tag(doc, "{%p endif %}")


def _chapters(doc, sect_pr) -> None:
    tag(doc, "{%p for ch in r.chapters %}")
    _new_chapter(doc, sect_pr, first="loop.first")
    _logo(doc, "ch.logo", 12)
    _bookmarked(tag(doc, "{{ ch.title }}", "Heading 1"), "ch.anchor")
    tag(doc, "{%p if ch.placeholder %}")
    tag(doc, "{{ ch.placeholder }}", "Placeholder")
    tag(doc, "{%p else %}")
    _step_heading(doc, 0)
    rich_blocks(doc, "ch.step1")
    _step_placeholder(doc, "step1")
    _step_heading(doc, 1)
    tag(doc, "{%p for n in ch.step2_notes %}")  # a partner's free notes, each under its label
    tag(doc, "{%p if n.label %}")
    tag(doc, "{{r n.label|rich(n.language) }}", "Heading 3")
    tag(doc, "{%p endif %}")
    rich_blocks(doc, "n.blocks", "n.language")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for pair in ch.swot_pairs %}")
    t = table(doc, 4, 2, "SWOT Table", [85, 85], {"firstRow": True})
    cell(t.rows[0].cells[0], "{{ pair.left }}")
    cell(t.rows[0].cells[1], "{{ pair.right }}")
    ooxml.repeat_header(t.rows[0])
    loop_rows(t, 1, "row in pair.rows")
    # a row (a topic, or a piece of a tall one: report/chapters.py) never splits, so no cell is left
    # empty at a page foot while its neighbour goes on, and the header never stands alone there
    ooxml.cant_split(t.rows[2])
    for c, side in zip(t.rows[2].cells, ("left", "right")):
        _swot_cell(c, side)
    between_tables(doc)
    tag(doc, "{%p endfor %}")
    _step_placeholder(doc, "swot")
    _step_heading(doc, 2)
    tag(doc, "{%p for t in ch.tows %}")
    t = table(doc, 4, 3, "TOWS Table", [37, 66.5, 66.5], {"firstRow": True, "firstColumn": True})
    cell(t.cell(0, 0), "{{ t.corner }}")
    cell(t.cell(0, 1), "{{ t.columns[0] }}")
    cell(t.cell(0, 2), "{{ t.columns[1] }}")
    ooxml.repeat_header(t.rows[0])
    loop_rows(t, 1, "row in t.rows")
    ooxml.cant_split(t.rows[2])  # a row or a piece of a tall one (report/chapters.py), as in the SWOT tables
    cell(t.cell(2, 0), "{{ row.heading }}", "Table Label")
    _tows_cell(t.cell(2, 1), "row.cells[0]")
    _tows_cell(t.cell(2, 2), "row.cells[1]")
    between_tables(doc)
    tag(doc, "{%p endfor %}")
    _step_placeholder(doc, "tows")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def _bullets_of(doc, expr: str) -> None:
    """Bullets under a heading; the first two keep with the next, so the heading never stands at a
    page foot with fewer than three lines under it."""
    tag(doc, f"{{%p for item in {expr} %}}")
    tag(doc, "{%p if loop.index < 3 %}")
    p = tag(doc, "{{r item|rich }}", "List Bullet")
    p.paragraph_format.keep_with_next = True
    tag(doc, "{%p else %}")
    tag(doc, "{{r item|rich }}", "List Bullet")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def _synthesis(doc, sect_pr) -> None:
    tag(doc, "{%p if r.synthesis %}")
    _new_chapter(doc, sect_pr)
    _bookmarked(tag(doc, "{{ r.synthesis.heading }}", "Heading 1"), "'synthesis'")
    rich_blocks(doc, "r.synthesis.intro")
    _bookmarked(tag(doc, "{{ r.synthesis.overview_heading }}", "Heading 2"), "'synthesis-overview'")
    rich_blocks(doc, "r.synthesis.overview")
    tag(doc, "{%p for h in r.synthesis.heatmaps %}")  # a long map: one picture per part, as in the PDF
    tag(doc, "{{ h|heatmap_image }}", "Figure")
    tag(doc, "{%p endfor %}")
    tag(doc, "{{ r.synthesis.figure_caption }}", "Caption")
    tag(doc, "{{ r.synthesis.topics_note }}", "Cover Small")
    for kind in ("convergences", "complementarities"):  # a section with nothing endorsed is left out
        tag(doc, f"{{%p if r.synthesis.{kind} %}}")
        _bookmarked(tag(doc, f"{{{{ r.synthesis.{kind}_heading }}}}", "Heading 2"), f"'synthesis-{kind}'")
        rich_blocks(doc, f"r.synthesis.{kind}_lead")
        tag(doc, f"{{%p for f in r.synthesis.{kind} %}}")
        tag(doc, "{{r f.sentence|rich }}", "Heading 3")
        _bullets_of(doc, "f.items")
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")


def _back_matter(doc, sect_pr) -> None:
    _synthesis(doc, sect_pr)
    tag(doc, "{%p if r.conclusions is not none %}")
    _new_chapter(doc, sect_pr)
    _bookmarked(tag(doc, "{{ r.conclusions_heading }}", "Heading 1"), "'conclusions'")
    rich_blocks(doc, "r.conclusions")
    tag(doc, "{%p endif %}")
    _new_chapter(doc, sect_pr)
    _bookmarked(tag(doc, "{{ r.about_heading }}", "Heading 1"), "'about'")
    tag(doc, "{%p for a in r.about %}")
    _logo(doc, "a.logo", 9)
    p = tag(doc, "{{ a.name }}", "Heading 2")  # under the H1 "About …": no level skipped
    p.add_run(" ")
    p.add_run("{{ a.country }}")
    tag(doc, "{{r a.about|rich }}")
    tag(doc, "{%p if a.facts %}")
    tag(doc, "{{ a.facts }}", "Cover Small")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if a.website %}")  # the partner's website, a real hyperlink
    tag(doc, "{{r a.website|link(a.website_url) }}", "Cover Small")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if r.back %}")
    tag(doc, "{%p if r.back.logo %}")
    tag(doc, "{{ r.back.logo|picture(16) }}", "Cover Brand")
    tag(doc, "{%p else %}")
    tag(doc, "{{ r.back.brand }}", "Cover Brand")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for l in r.back.links %}")
    p = tag(doc, "{{ l.label }}", "Cover Text")
    p.runs[0].bold = True
    p.add_run(" ")
    p.add_run("{{r l.text|link(l.url) }}")
    tag(doc, "{%p endfor %}")
    cofunding(doc, "r.back.cofunding")
    tag(doc, "{%p endif %}")


def _back_page_section(doc) -> None:
    """The back page is a section of its own without header or footer, as the cover has none, its
    words centred on the page: the about section ends just before it."""
    body = doc.element.body
    marker = next(p for p in body.iterchildren(ooxml.qn("w:p")) if ooxml.text_of(p) == "{%p if r.back %}")
    sect_pr = body.find(ooxml.qn("w:sectPr"))
    marker.addprevious(ooxml.section_break(doc, sect_pr, keep_refs=False)._p)
    back = doc.sections[-1]
    back.start_type = WD_SECTION.CONTINUOUS  # a proof has no back page: no empty page either ...
    ooxml.back_page(back._sectPr, "{{ 'nextPage' if r.back else 'continuous' }}")
    back.different_first_page_header_footer = False
    ooxml.clear_header_refs(back._sectPr)  # not the parts: the report's section still uses them
    for part in (back.header, back.footer):
        part.is_linked_to_previous = False  # definitions of its own, empty


def make_template(reference: Path = REFERENCE) -> bytes:
    """reference.docx with its body replaced by the report's structure and tags."""
    try:
        data = Path(reference).read_bytes()
    except OSError as e:
        raise RenderError("docx.reference.unreadable", reference=str(reference), error_type=type(e).__name__,
                          detail=str(e)) from e
    return template_from(data, str(reference))


@functools.lru_cache(maxsize=4)
def template_from(data: bytes, reference: str) -> bytes:
    """The template of a reference document's bytes (`reference`, its path, only names it in a
    message): a pure function of immutable inputs, so made once per process for each reference
    document, however many reports are filled from it (the tests fill hundreds)."""
    try:
        doc = Document(io.BytesIO(data))
    except Exception as e:
        raise RenderError("docx.reference.unreadable", reference=str(reference), error_type=type(e).__name__,
                          detail=str(e)) from e
    missing = ooxml.missing_styles(doc, PARAGRAPH_STYLES + CHARACTER_STYLES + TABLE_STYLES)
    if missing:
        raise RenderError("docx.reference.styles", reference=str(reference), styles=missing)
    body = doc.element.body
    sect = body.find(ooxml.qn("w:sectPr"))
    for child in list(body):
        if child is not sect:
            body.remove(child)
    tag(doc, "{%p if r.front %}")
    front.cover(doc)
    front.info(doc)
    front.front(doc)
    tag(doc, "{%p endif %}")
    front.toc(doc)
    _chapters(doc, sect)
    _back_matter(doc, sect)
    body.remove(sect)  # the section properties last, where Word expects them
    body.append(copy.deepcopy(sect))
    _back_page_section(doc)
    ooxml.resolve_styles(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
