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
import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.shared import Mm

from competency_maps.errors import RenderError
from competency_maps.render.docx import ooxml
from competency_maps.render.docx.ooxml import find_style
from competency_maps.resources import TEMPLATES

REFERENCE = TEMPLATES / "reference.docx"
EMBLEM = TEMPLATES / "eu-emblem.png"

# List styles by nesting level (the last for anything deeper): each has its own indent and numbering.
BULLET_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")
NUMBER_STYLES = ("List Number", "List Number 2", "List Number 3")


def list_style(block) -> str:
    """The reference document's list style for a list item at its nesting level."""
    styles = NUMBER_STYLES if block.kind.value == "numbered" else BULLET_STYLES
    return styles[min(block.level, len(styles) - 1)]


# The styles the structure uses: the contract with reference.docx.
PARAGRAPH_STYLES = ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Front Heading",
                    "Cover Label", "Cover Text", "Cover Brand", "Cover Small", "Cover Notice", "Normal",
                    *BULLET_STYLES, *NUMBER_STYLES, "Table Label", "Table Text", "Cell Topic", "Cell Group",
                    "Cell Caption", "Caption", "Placeholder", "TOC 1", "TOC 2", "Legal", "Code",
                    "Funding", "Header", "Footer", "Figure", "Heading Logo")
CHARACTER_STYLES = ("Hyperlink", "Cell Label")
TABLE_STYLES = ("Info Table", "Log Table", "SWOT Table", "TOWS Table", "Counts Table")
COVER_STYLES = {"label": "Cover Label", "text": "Cover Text", "brand": "Cover Brand", "title": "Title",
                "small": "Cover Small", "notice": "Cover Notice"}


# --- writing helpers: every paragraph and table has a style of the reference document ------------


def _tag(container, text: str, style: str | None = None):
    p = container.add_paragraph(style=find_style(container, style))
    p.add_run(text)
    return p


def _cell(cell, text: str, style: str = "Table Text"):
    p = cell.paragraphs[0]
    p.style = find_style(cell, style)
    p.add_run(text)
    return p


def _table(container, rows: int, cols: int, style: str, widths_mm: list[float] | None, look: dict[str, bool]):
    return ooxml.table(container, rows, cols, find_style(container, style), widths_mm, look)


def _loop_columns(row, expr: str, value: str) -> None:
    """A row whose cells come from a `{%tc for %}` loop: the tag cells disappear, the middle one repeats."""
    row.cells[0].paragraphs[0].add_run(f"{{%tc for c in {expr} %}}")
    _cell(row.cells[1], value)
    row.cells[2].paragraphs[0].add_run("{%tc endfor %}")


def _loop_rows(t, first: int, expr: str) -> None:
    """Rows `first` and `first + 2` of `t` hold the `{%tr for %}` and `{%tr endfor %}` tags."""
    t.rows[first].cells[0].paragraphs[0].add_run(f"{{%tr for {expr} %}}")
    t.rows[first + 2].cells[0].paragraphs[0].add_run("{%tr endfor %}")


def _between_tables(container, loop_var: str = "loop") -> None:
    """Word joins two tables that touch: one empty paragraph between adjacent tables, none after the last."""
    _tag(container, f"{{%p if not {loop_var}.last %}}")
    _tag(container, "")
    _tag(container, "{%p endif %}")


def _rich_blocks(container, expr: str, lang: str = "", paragraph: str | None = None) -> None:
    """Paragraphs, headings, bullets, numbered items, code blocks and tables of rich-text blocks;
    `lang`, an expression, gives their runs a language (w:lang) and, for a right-to-left one, sets
    their paragraphs right to left (w:bidi)."""
    rich = f"rich({lang})" if lang else "rich"
    text, cell = f"{{{{r b.text|{rich} }}}}", f"{{{{r c|{rich} }}}}"

    def tag(style: str | None):
        p = _tag(container, text, style)
        if lang:
            ppr = p._p.get_or_add_pPr()
            ppr.append(ooxml.element("w:bidi"))
            ppr[-1].set(ooxml.qn("w:val"), f"{{{{ {lang}|bidi }}}}")
        return p

    _tag(container, f"{{%p for b in {expr} %}}")
    for i, style in enumerate(BULLET_STYLES):  # the style of the item's nesting level
        test = f"b.kind.value == 'bullet' and b|list_style == '{style}'"
        _tag(container, f"{{%p {'if' if i == 0 else 'elif'} {test} %}}")
        tag(style)
    for style in NUMBER_STYLES:
        _tag(container, f"{{%p elif b.kind.value == 'numbered' and b|list_style == '{style}' %}}")
        p = tag(style)
        num_pr = ooxml.element("w:numPr")
        num_pr.append(ooxml.element("w:ilvl", val="0"))
        num_pr.append(ooxml.element("w:numId", val="{{ b|list_number }}"))  # restarting with each list
        p._p.get_or_add_pPr().insert(1, num_pr)
    _tag(container, "{%p elif b.kind.value == 'heading' %}")
    tag("Heading 3")
    _tag(container, "{%p elif b.kind.value == 'subheading' %}")
    tag("Heading 4")
    _tag(container, "{%p elif b.kind.value == 'code' %}")
    _tag(container, text, "Code")
    _tag(container, "{%p elif b.kind.value == 'table' %}")
    t = _table(container, 4, 3, "Log Table", None, {"firstRow": True})
    _loop_columns(t.rows[0], "b.rows[0]", cell)
    ooxml.repeat_header(t.rows[0])
    _loop_rows(t, 1, "row in b.rows[1:]")
    _loop_columns(t.rows[2], "row", cell)
    _tag(container, "{%p else %}")
    tag(paragraph)
    _tag(container, "{%p endif %}")
    _tag(container, "{%p endfor %}")


def _cofunding(doc, expr: str) -> None:
    """The EU flag (with its alternative text), then the funding line beside it, as on the PDF's
    cover and back page: one "Funding" style, whose tab stop places the words."""
    p = _tag(doc, "", "Funding")
    p.runs[0].add_picture(str(EMBLEM), width=Mm(27))
    p._p.find(".//" + ooxml.qn("wp:docPr")).set("descr", f"{{{{ {expr}.emblem_alt }}}}")
    p.add_run().add_tab()
    p.add_run(f"{{{{ {expr}.text }}}}")


# --- the document ------------------------------------------------------------------------------


def _cover(doc) -> None:
    _tag(doc, "{%p for line in r.front.cover %}")
    kinds = list(COVER_STYLES.items())
    for i, (kind, style) in enumerate(kinds):
        _tag(doc, f"{{%p {'if' if i == 0 else 'elif'} line.kind == '{kind}' %}}")
        _tag(doc, "{{ line.text }}", style)
    _tag(doc, "{%p elif line.kind == 'logo' %}")
    _tag(doc, "{{ line.picture|picture(16) }}", "Cover Brand")  # heights in mm, as report.css
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")
    _cofunding(doc, "r.front.cofunding")


def _info(doc) -> None:
    p = _tag(doc, "{{ r.front.info_heading }}", "Front Heading")
    p.paragraph_format.page_break_before = True
    t = _table(doc, 7, 4, "Info Table", [38, 52, 24, 56], {"firstColumn": True})
    t.rows[0].cells[0].paragraphs[0].add_run("{%tr for row in r.front.info %}")
    t.rows[1].cells[0].paragraphs[0].add_run("{%tr if row.wide %}")
    _cell(t.rows[2].cells[0], "{{ row.cells[0].text }}", "Table Label")
    _cell(t.rows[2].cells[1].merge(t.rows[2].cells[3]), "{{r row.cells[1].rich|rich }}")
    t.rows[3].cells[0].paragraphs[0].add_run("{%tr else %}")
    for i, cell in enumerate(t.rows[4].cells):
        _cell(cell, f"{{{{r row.cells[{i}].rich|rich }}}}", "Table Label" if i % 2 == 0 else "Table Text")
    t.rows[5].cells[0].paragraphs[0].add_run("{%tr endif %}")
    t.rows[6].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    _tag(doc, "{%p for log in r.front.logs %}")
    _tag(doc, "{{ log.title }}", "Cover Label")
    t = _table(doc, 4, 3, "Log Table", None, {"firstRow": True})
    _loop_columns(t.rows[0], "log.columns", "{{ c }}")
    ooxml.repeat_header(t.rows[0])
    _loop_rows(t, 1, "row in log.rows")
    _loop_columns(t.rows[2], "row", "{{ c }}")
    ooxml.cant_split(t.rows[2])
    _tag(doc, "{%p endfor %}")


def _front(doc) -> None:
    p = _tag(doc, "{{ r.front.abstract_heading }}", "Front Heading")
    p.paragraph_format.page_break_before = True
    _rich_blocks(doc, "r.front.abstract")
    _rich_blocks(doc, "r.front.legal", paragraph="Legal")  # small and grey, as in the PDF
    p = _tag(doc, "{{ r.front.summary_heading }}", "Front Heading")
    p.paragraph_format.page_break_before = True
    _rich_blocks(doc, "r.front.summary")


def _toc_entry(doc, style: str) -> None:
    """One entry as Word writes it in a TOC field's result: a link to the heading's bookmark, a
    tab (dot leader in the style), and a PAGEREF field whose shown result is the heading's page.
    The first entry opens the TOC field."""
    p = _tag(doc, "{%r if loop.first %}", style)
    ooxml.field_char(p.add_run(), "begin")
    ooxml.instruction(p.add_run(), 'TOC \\o "1-2" \\h \\z \\u')
    ooxml.field_char(p.add_run(), "separate")
    p.add_run("{%r endif %}")
    link = ooxml.element("w:hyperlink", anchor="{{ e.bookmark }}", history="1")
    p._p.append(link)
    link.append(p.add_run("{{ e.text }}")._r)
    link.append(p.add_run()._r)
    link[-1].append(ooxml.element("w:tab"))
    for run in (p.add_run(), p.add_run(), p.add_run(), p.add_run("{{ pages.get(e.anchor, '') }}"), p.add_run()):
        link.append(run._r)
    ooxml.field_char_el(link[-5], "begin")
    ooxml.instruction_el(link[-4], "PAGEREF {{ e.bookmark }} \\h")
    ooxml.field_char_el(link[-3], "separate")
    ooxml.field_char_el(link[-1], "end")


def _toc(doc) -> None:
    """A table of contents as Word writes one: a TOC field (`\\o "1-2"`: headings 1 and 2, linked)
    in a "Table of Contents" content control, whose shown result is the entries with their page
    numbers (see `paginate.py`); Word's "Update table" rebuilds it from the headings."""
    body = doc.element.body
    before = len(body)
    toc = _tag(doc, "{{ r.toc_heading }}", "Front Heading")
    toc.paragraph_format.page_break_before = True
    _tag(doc, "{%p for e in r.toc %}")
    _tag(doc, "{%p if e.level == 1 %}")
    _toc_entry(doc, "TOC 1")
    _tag(doc, "{%p else %}")
    _toc_entry(doc, "TOC 2")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")
    end = doc.add_paragraph()
    ooxml.field_char(end.add_run(), "end")
    parts = list(body)[before - 1:len(body) - 1]  # the last child is the sectPr
    content = ooxml.sdt_around(parts, "Table of Contents")
    assert content is not None


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
        _tag(doc, f"{{%p if {first} %}}")
        ooxml.section_break(doc, sect_pr, keep_refs=True)
        _tag(doc, "{%p else %}")
    ooxml.section_break(doc, sect_pr, keep_refs=False)
    if first:
        _tag(doc, "{%p endif %}")


def _logo(doc, expr: str, height_mm: float) -> None:
    """A logo at the right margin beside the heading that follows, anchored in a paragraph of its
    own ("Heading Logo": kept with the heading, a point high), never in the heading's text."""
    _tag(doc, f"{{%p if {expr} %}}")
    _tag(doc, f"{{{{ {expr}|logo({height_mm}) }}}}", "Heading Logo")
    _tag(doc, "{%p endif %}")


def _swot_cell(cell, side: str) -> None:
    """The topic first (an empty side is one empty topic line, never an empty leading paragraph
    before the words), then the groups and their entries."""
    _cell(cell, f"{{% if row.{side} %}}{{{{ row.topic }}}}{{% endif %}}", "Cell Topic")
    _tag(cell, f"{{%p if row.{side} %}}")
    _tag(cell, f"{{%p for g in row.{side}.groups %}}")
    _tag(cell, "{%p if g.name %}")
    _tag(cell, "{{ g.name }}", "Cell Group")
    _tag(cell, "{%p endif %}")
    _tag(cell, "{%p for e in g.entries %}")
    _tag(cell, "{{r e|rich }}", "List Bullet")
    _tag(cell, "{%p endfor %}")
    _tag(cell, "{%p endfor %}")
    _tag(cell, "{%p endif %}")


def _tows_cell(cell, expr: str) -> None:
    p = _cell(cell, f"{{{{ {expr}.label }}}}", "Cell Caption")
    p.runs[0].style = find_style(cell, "Cell Label")
    p.add_run(f"{{{{ {expr}.caption }}}}")
    _tag(cell, f"{{%p for e in {expr}.entries %}}")
    _tag(cell, "{%p if e.format == 'Paragraph' %}")
    _tag(cell, "{{r e.text|rich }}", "Table Text")
    _tag(cell, "{%p else %}")
    _tag(cell, "{{r e.text|rich }}", "List Bullet")
    _tag(cell, "{%p endif %}")
    _tag(cell, "{%p endfor %}")


def _chapters(doc, sect_pr) -> None:
    _tag(doc, "{%p for ch in r.chapters %}")
    _new_chapter(doc, sect_pr, first="loop.first")
    _logo(doc, "ch.logo", 12)
    _bookmarked(_tag(doc, "{{ ch.title }}", "Heading 1"), "ch.anchor")
    _tag(doc, "{%p if ch.placeholder %}")
    _tag(doc, "{{ ch.placeholder }}", "Placeholder")
    _tag(doc, "{%p else %}")
    _bookmarked(_tag(doc, "{{ ch.steps[0] }}", "Heading 2"), "ch.anchor ~ '-step1'")
    _rich_blocks(doc, "ch.step1")
    _bookmarked(_tag(doc, "{{ ch.steps[1] }}", "Heading 2"), "ch.anchor ~ '-step2'")
    _tag(doc, "{%p for n in ch.step2_notes %}")  # a partner's free notes, each under its label
    _tag(doc, "{%p if n.label %}")
    _tag(doc, "{{r n.label|rich(n.language) }}", "Heading 3")
    _tag(doc, "{%p endif %}")
    _rich_blocks(doc, "n.blocks", "n.language")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p for pair in ch.swot_pairs %}")
    t = _table(doc, 4, 2, "SWOT Table", [85, 85], {"firstRow": True})
    _cell(t.rows[0].cells[0], "{{ pair.left }}")
    _cell(t.rows[0].cells[1], "{{ pair.right }}")
    ooxml.repeat_header(t.rows[0])
    _loop_rows(t, 1, "row in pair.rows")
    ooxml.cant_split(t.rows[2], "loop.first and row is short")  # the header row never stands alone at a page foot
    for cell, side in zip(t.rows[2].cells, ("left", "right")):
        _swot_cell(cell, side)
    _between_tables(doc)
    _tag(doc, "{%p endfor %}")
    _bookmarked(_tag(doc, "{{ ch.steps[2] }}", "Heading 2"), "ch.anchor ~ '-step3'")
    _tag(doc, "{%p for t in ch.tows %}")
    t = _table(doc, 4, 3, "TOWS Table", [37, 66.5, 66.5], {"firstRow": True, "firstColumn": True})
    _cell(t.cell(0, 0), "{{ t.corner }}")
    _cell(t.cell(0, 1), "{{ t.columns[0] }}")
    _cell(t.cell(0, 2), "{{ t.columns[1] }}")
    ooxml.repeat_header(t.rows[0])
    _loop_rows(t, 1, "row in t.rows")
    ooxml.cant_split(t.rows[2], "loop.first and row is short")
    _cell(t.cell(2, 0), "{{ row.heading }}", "Table Label")
    _tows_cell(t.cell(2, 1), "row.cells[0]")
    _tows_cell(t.cell(2, 2), "row.cells[1]")
    _between_tables(doc)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")


def _bullets_of(doc, expr: str) -> None:
    """Bullets under a heading; the first two keep with the next, so the heading never stands at a
    page foot with fewer than three lines under it."""
    _tag(doc, f"{{%p for item in {expr} %}}")
    _tag(doc, "{%p if loop.index < 3 %}")
    p = _tag(doc, "{{r item|rich }}", "List Bullet")
    p.paragraph_format.keep_with_next = True
    _tag(doc, "{%p else %}")
    _tag(doc, "{{r item|rich }}", "List Bullet")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")


def _synthesis(doc, sect_pr) -> None:
    _tag(doc, "{%p if r.synthesis %}")
    _new_chapter(doc, sect_pr)
    _bookmarked(_tag(doc, "{{ r.synthesis.heading }}", "Heading 1"), "'synthesis'")
    _rich_blocks(doc, "r.synthesis.intro")
    _bookmarked(_tag(doc, "{{ r.synthesis.overview_heading }}", "Heading 2"), "'synthesis-overview'")
    _rich_blocks(doc, "r.synthesis.overview")
    _tag(doc, "{%p for h in r.synthesis.heatmaps %}")  # a long map: one picture per part, as in the PDF
    _tag(doc, "{{ h|heatmap_image }}", "Figure")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{{ r.synthesis.figure_caption }}", "Caption")
    _tag(doc, "{{ r.synthesis.topics_note }}", "Cover Small")
    for kind in ("convergences", "complementarities"):  # a section with nothing endorsed is left out
        _tag(doc, f"{{%p if r.synthesis.{kind} %}}")
        _bookmarked(_tag(doc, f"{{{{ r.synthesis.{kind}_heading }}}}", "Heading 2"), f"'synthesis-{kind}'")
        _rich_blocks(doc, f"r.synthesis.{kind}_lead")
        _tag(doc, f"{{%p for f in r.synthesis.{kind} %}}")
        _tag(doc, "{{r f.sentence|rich }}", "Heading 3")
        _bullets_of(doc, "f.items")
        _tag(doc, "{%p endfor %}")
        _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endif %}")


def _back_matter(doc, sect_pr) -> None:
    _synthesis(doc, sect_pr)
    _tag(doc, "{%p if r.conclusions is not none %}")
    _new_chapter(doc, sect_pr)
    _bookmarked(_tag(doc, "{{ r.conclusions_heading }}", "Heading 1"), "'conclusions'")
    _rich_blocks(doc, "r.conclusions")
    _tag(doc, "{%p endif %}")
    _new_chapter(doc, sect_pr)
    _bookmarked(_tag(doc, "{{ r.about_heading }}", "Heading 1"), "'about'")
    _tag(doc, "{%p for a in r.about %}")
    _logo(doc, "a.logo", 9)
    p = _tag(doc, "{{ a.name }}", "Heading 2")  # under the H1 "About …": no level skipped
    p.add_run(" ")
    p.add_run("{{ a.country }}")
    _tag(doc, "{{r a.about|rich }}")
    _tag(doc, "{%p if a.facts %}")
    _tag(doc, "{{ a.facts }}", "Cover Small")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if a.website %}")  # the partner's website, a real hyperlink
    _tag(doc, "{{r a.website|link(a.website_url) }}", "Cover Small")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if r.back %}")
    _tag(doc, "{%p if r.back.logo %}")
    _tag(doc, "{{ r.back.logo|picture(16) }}", "Cover Brand")
    _tag(doc, "{%p else %}")
    _tag(doc, "{{ r.back.brand }}", "Cover Brand")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for l in r.back.links %}")
    p = _tag(doc, "{{ l.label }}", "Cover Text")
    p.runs[0].bold = True
    p.add_run(" ")
    p.add_run("{{r l.text|link(l.url) }}")
    _tag(doc, "{%p endfor %}")
    _cofunding(doc, "r.back.cofunding")
    _tag(doc, "{%p endif %}")


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
        doc = Document(str(reference))
    except Exception as e:
        raise RenderError("docx.reference.unreadable", reference=str(reference), detail=f"{type(e).__name__}: {e}") from e
    missing = ooxml.missing_styles(doc, PARAGRAPH_STYLES + CHARACTER_STYLES + TABLE_STYLES)
    if missing:
        raise RenderError("docx.reference.styles", reference=str(reference), styles=missing)
    body = doc.element.body
    sect = body.find(ooxml.qn("w:sectPr"))
    for child in list(body):
        if child is not sect:
            body.remove(child)
    _tag(doc, "{%p if r.front %}")
    _cover(doc)
    _info(doc)
    _front(doc)
    _tag(doc, "{%p endif %}")
    _toc(doc)
    _chapters(doc, sect)
    _back_matter(doc, sect)
    body.remove(sect)  # the section properties last, where Word expects them
    body.append(copy.deepcopy(sect))
    _back_page_section(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
