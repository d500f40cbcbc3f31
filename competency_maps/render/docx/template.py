"""The Word template, made at build time: the report's structure and docxtpl tags written into a copy
of `templates/reference.docx`.

As with pandoc's reference.docx, the look (page set-up, header and footer, every paragraph, character
and table style) is in that document, which a person restyles in Word or LibreOffice; this module
only writes structure: which style each paragraph and table has, and the tags that the content
(`content.ReportContent`, as `r`) fills. It sets no font, colour or shading, and types no word.
Every tag is one run of its own, so no tag is ever split across runs.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.enum.section import WD_SECTION
from docx.shared import Mm

from competency_maps.errors import RenderError
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
                    "Cell Caption", "Caption", "Placeholder", "TOC 1", "TOC 2", "Legal", "Code")
CHARACTER_STYLES = ("Hyperlink",)
TABLE_STYLES = ("Info Table", "Log Table", "SWOT Table", "TOWS Table")
COVER_STYLES = {"label": "Cover Label", "text": "Cover Text", "brand": "Cover Brand", "title": "Title",
                "small": "Cover Small", "notice": "Cover Notice"}


# --- helpers -------------------------------------------------------------------------------------

_styles: dict[str, object] = {}  # casefolded name -> style of the reference being written


def _style(name: str | None):
    """Word writes "heading 1" for a built-in style, LibreOffice "Heading 1": found either way."""
    return None if name is None else _styles[name.casefold()]



def _tag(container, text: str, style: str | None = None):
    p = container.add_paragraph(style=_style(style))
    p.add_run(text)
    return p


def _repeat_header(row) -> None:
    """A header row repeated on every page of its table, kept with the row under it (its
    paragraphs keep with the next) and never split."""
    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        tr_pr.append(el)
    for cell in row.cells:
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = True


def _table(container, rows: int, cols: int, style: str, widths_mm: list[float] | None,
           look: dict[str, bool]):
    """A table of a named table style; `look` says which of its conditional parts apply. Without
    `widths_mm` (columns made by a `{%tc for %}` loop) it spans the text width, columns by content."""
    t = container.add_table(rows=rows, cols=cols)
    t.style = _style(style)
    tbl_pr = t._tbl.tblPr
    if widths_mm is None:
        width = tbl_pr.find(qn("w:tblW"))
        width.set(qn("w:type"), "pct")
        width.set(qn("w:w"), "5000")
        widths_mm = []
    else:
        t.autofit = False  # python-docx writes <w:tblLayout w:type="fixed"/>
    for old in tbl_pr.findall(qn("w:tblLook")):
        tbl_pr.remove(old)
    el = OxmlElement("w:tblLook")
    flags = {"firstRow": False, "lastRow": False, "firstColumn": False, "lastColumn": False,
             "noHBand": True, "noVBand": True, **look}
    for k, v in flags.items():
        el.set(qn(f"w:{k}"), "1" if v else "0")
    tbl_pr.append(el)
    for row in t.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)
    for col, w in zip(t.columns, widths_mm):
        col.width = Mm(w)
    return t


def _cell(cell, text: str, style: str = "Table Text"):
    p = cell.paragraphs[0]
    p.style = _style(style)
    p.add_run(text)
    return p


def _loop_columns(row, expr: str, value: str) -> None:
    """A row whose cells come from a `{%tc for %}` loop: the tag cells disappear, the middle one repeats."""
    row.cells[0].paragraphs[0].add_run(f"{{%tc for c in {expr} %}}")
    _cell(row.cells[1], value)
    row.cells[2].paragraphs[0].add_run("{%tc endfor %}")


def _first_row_whole(row) -> None:
    """The first body row of a table is not split (the header above it never stands alone at a
    page foot); later rows break between entries where they must."""
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "{{ 'true' if loop.first else 'false' }}")
    row._tr.get_or_add_trPr().append(el)


def _loop_rows(t, first: int, expr: str) -> None:
    """Rows `first` and `first + 2` of `t` hold the `{%tr for %}` and `{%tr endfor %}` tags."""
    t.rows[first].cells[0].paragraphs[0].add_run(f"{{%tr for {expr} %}}")
    t.rows[first + 2].cells[0].paragraphs[0].add_run("{%tr endfor %}")


def _rich_blocks(container, expr: str, lang: str = "", paragraph: str | None = None) -> None:
    """Paragraphs, headings, bullets, numbered items, code blocks and tables of rich-text blocks;
    `lang`, an expression, gives their runs a language (w:lang) when it is not empty."""
    rich = f"rich({lang})" if lang else "rich"
    text, cell = f"{{{{r b.text|{rich} }}}}", f"{{{{r c|{rich} }}}}"
    _tag(container, f"{{%p for b in {expr} %}}")
    for i, style in enumerate(BULLET_STYLES):  # the style of the item's nesting level
        test = f"b.kind.value == 'bullet' and b|list_style == '{style}'"
        _tag(container, f"{{%p {'if' if i == 0 else 'elif'} {test} %}}")
        _tag(container, text, style)
    for style in NUMBER_STYLES:
        _tag(container, f"{{%p elif b.kind.value == 'numbered' and b|list_style == '{style}' %}}")
        p = container.add_paragraph(style=_style(style))
        num_pr = OxmlElement("w:numPr")
        ilvl, num_id = OxmlElement("w:ilvl"), OxmlElement("w:numId")
        ilvl.set(qn("w:val"), "0")
        num_id.set(qn("w:val"), "{{ b|list_number }}")  # Word's numbering, restarting with each list
        num_pr.extend([ilvl, num_id])
        p._p.get_or_add_pPr().append(num_pr)
        p.add_run(text)
    _tag(container, "{%p elif b.kind.value == 'heading' %}")
    _tag(container, text, "Heading 3")
    _tag(container, "{%p elif b.kind.value == 'subheading' %}")
    _tag(container, text, "Heading 4")
    _tag(container, "{%p elif b.kind.value == 'code' %}")
    _tag(container, text, "Code")
    _tag(container, "{%p elif b.kind.value == 'table' %}")
    t = _table(container, 4, 3, "Log Table", None, {"firstRow": True})
    _loop_columns(t.rows[0], "b.rows[0]", cell)
    _repeat_header(t.rows[0])
    _loop_rows(t, 1, "row in b.rows[1:]")
    _loop_columns(t.rows[2], "row", cell)
    _tag(container, "{%p else %}")
    _tag(container, text, paragraph)
    _tag(container, "{%p endif %}")
    _tag(container, "{%p endfor %}")


def _cofunding(doc, expr: str, style: str) -> None:
    """The EU flag (with its alternative text), then the funding line, as on the PDF's cover and back page."""
    p = doc.add_paragraph(style=_style(style))
    p.add_run().add_picture(str(EMBLEM), width=Mm(27))
    p._p.find(".//" + qn("wp:docPr")).set("descr", f"{{{{ {expr}.emblem_alt }}}}")
    p.add_run("    ")
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
    _cofunding(doc, "r.front.cofunding", "Cover Label")


def _info(doc) -> None:
    p = _tag(doc, "{{ r.front.info_heading }}", "Front Heading")
    p.paragraph_format.page_break_before = True
    t = _table(doc, 7, 4, "Info Table", [38, 52, 24, 56], {"noVBand": False})
    t.rows[0].cells[0].paragraphs[0].add_run("{%tr for row in r.front.info %}")
    t.rows[1].cells[0].paragraphs[0].add_run("{%tr if row.wide %}")
    _cell(t.rows[2].cells[0], "{{ row.cells[0].text }}")
    _cell(t.rows[2].cells[1].merge(t.rows[2].cells[3]), "{{r row.cells[1].rich|rich }}")
    t.rows[3].cells[0].paragraphs[0].add_run("{%tr else %}")
    for i, cell in enumerate(t.rows[4].cells):
        _cell(cell, f"{{{{r row.cells[{i}].rich|rich }}}}")
    t.rows[5].cells[0].paragraphs[0].add_run("{%tr endif %}")
    t.rows[6].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    _tag(doc, "{%p for log in r.front.logs %}")
    _tag(doc, "{{ log.title }}", "Cover Label")
    t = _table(doc, 4, 3, "Log Table", None, {"firstRow": True})
    _loop_columns(t.rows[0], "log.columns", "{{ c }}")
    _repeat_header(t.rows[0])
    _loop_rows(t, 1, "row in log.rows")
    _loop_columns(t.rows[2], "row", "{{ c }}")
    _tag(doc, "{%p endfor %}")


def _front(doc) -> None:
    p = _tag(doc, "{{ r.front.abstract_heading }}", "Front Heading")
    p.paragraph_format.page_break_before = True
    _rich_blocks(doc, "r.front.abstract")
    _rich_blocks(doc, "r.front.legal", paragraph="Legal")  # small and grey, as in the PDF
    p = _tag(doc, "{{ r.front.summary_heading }}", "Front Heading")
    p.paragraph_format.page_break_before = True
    _rich_blocks(doc, "r.front.summary")


def _field_char(run, kind: str) -> None:
    fc = OxmlElement("w:fldChar")
    fc.set(qn("w:fldCharType"), kind)
    run._r.append(fc)


def _instruction(run, code: str) -> None:
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    run._r.append(instr)


def _toc_entry(doc, style: str) -> None:
    """One entry as Word writes it: a link to the heading's bookmark, a tab (dot leader in the
    style), and a PAGEREF field whose shown result is the page the heading is on."""
    p = doc.add_paragraph(style=_style(style))
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), "{{ e.bookmark }}")
    link.set(qn("w:history"), "1")
    p._p.append(link)
    run = p.add_run("{{ e.text }}")
    link.append(run._r)
    p.add_run().add_tab()
    _field_char(p.add_run(), "begin")
    _instruction(p.add_run(), "PAGEREF {{ e.bookmark }} \\h")
    _field_char(p.add_run(), "separate")
    p.add_run("{{ pages.get(e.anchor, '') }}")
    _field_char(p.add_run(), "end")


def _toc(doc) -> None:
    """The entries, each a link to its heading and a PAGEREF field (no TOC field around them).

    LibreOffice freezes the shown result of a TOC field when it opens a DOCX, so the page numbers
    there would be the PDF's even where its own pagination differs; a PAGEREF field it computes
    while laying out. Word shows the stored result (the PDF's page, which the Word file's page
    breaks follow) without a prompt, and updates the numbers with the other fields (F9, printing)."""
    toc = _tag(doc, "{{ r.toc_heading }}", "Front Heading")
    toc.paragraph_format.page_break_before = True
    _tag(doc, "{%p for e in r.toc %}")
    _tag(doc, "{%p if e.level == 1 %}")
    _toc_entry(doc, "TOC 1")
    _tag(doc, "{%p else %}")
    _toc_entry(doc, "TOC 2")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")


def _bookmarked(p, anchor: str):
    """A heading with the bookmark its TOC entry points at; `anchor` is a template expression.
    Where the PDF starts a page with this heading, so does the Word file (`breaks`, from the PDF's
    layout): the two paginate alike and the TOC's page numbers hold for both."""
    entry = f"r.bookmarks[{anchor}]"
    if not p.paragraph_format.page_break_before:
        p.paragraph_format.page_break_before = True
        p._p.pPr.find(qn("w:pageBreakBefore")).set(qn("w:val"), f"{{{{ 'true' if ({anchor}) in breaks else 'false' }}}}")
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), f"{{{{ {entry}.bookmark_id }}}}")
    start.set(qn("w:name"), f"{{{{ {entry}.bookmark }}}}")
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), f"{{{{ {entry}.bookmark_id }}}}")
    p._p.insert(1 if p._p.pPr is not None else 0, start)
    p._p.append(end)
    return p


def _swot_cell(cell, side: str) -> None:
    cell.paragraphs[0].style = _style("Cell End")
    _tag(cell, f"{{%p if row.{side} %}}")
    _tag(cell, "{{ row.topic }}", "Cell Topic")
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
    p = cell.paragraphs[0]
    p.style = _style("Table Text")
    p.add_run(f"{{{{ {expr}.label }}}}").underline = True
    p.add_run(f"{{{{ {expr}.caption }}}}").italic = True
    _tag(cell, f"{{%p for e in {expr}.entries %}}")
    _tag(cell, "{%p if e.format == 'Paragraph' %}")
    _tag(cell, "{{r e.text|rich }}", "Table Text")
    _tag(cell, "{%p else %}")
    _tag(cell, "{{r e.text|rich }}", "List Bullet")
    _tag(cell, "{%p endif %}")
    _tag(cell, "{%p endfor %}")


def _chapters(doc) -> None:
    _tag(doc, "{%p for ch in r.chapters %}")
    heading = _bookmarked(_tag(doc, "{{ ch.title }}", "Heading 1"), "ch.anchor")
    heading.add_run("{% if ch.logo %}    {{ ch.logo|picture(12) }}{% endif %}")
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
    _repeat_header(t.rows[0])
    _loop_rows(t, 1, "row in pair.rows")
    _first_row_whole(t.rows[2])
    for cell, side in zip(t.rows[2].cells, ("left", "right")):
        _swot_cell(cell, side)
    _tag(doc, "")
    _tag(doc, "{%p endfor %}")
    _bookmarked(_tag(doc, "{{ ch.steps[2] }}", "Heading 2"), "ch.anchor ~ '-step3'")
    _tag(doc, "{%p for t in ch.tows %}")
    t = _table(doc, 4, 3, "TOWS Table", [37, 66.5, 66.5], {"firstRow": True, "firstColumn": True})
    _cell(t.cell(0, 0), "{{ t.corner }}")
    _cell(t.cell(0, 1), "{{ t.columns[0] }}")
    _cell(t.cell(0, 2), "{{ t.columns[1] }}")
    _repeat_header(t.rows[0])
    _loop_rows(t, 1, "row in t.rows")
    _cell(t.cell(2, 0), "{{ row.heading }}")
    _tows_cell(t.cell(2, 1), "row.cells[0]")
    _tows_cell(t.cell(2, 2), "row.cells[1]")
    _tag(doc, "")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")


def _bullets_of(doc, expr: str) -> None:
    """Bullets under a heading; the first two keep with the next, so the heading never stands at a
    page foot with fewer than three lines under it."""
    _tag(doc, f"{{%p for item in {expr} %}}")
    p = _tag(doc, "{{r item|rich }}", "List Bullet")
    p.paragraph_format.keep_with_next = True
    p._p.pPr.find(qn("w:keepNext")).set(qn("w:val"), "{{ 'true' if loop.index < 3 else 'false' }}")
    _tag(doc, "{%p endfor %}")


def _synthesis(doc) -> None:
    _tag(doc, "{%p if r.synthesis %}")
    _bookmarked(_tag(doc, "{{ r.synthesis.heading }}", "Heading 1"), "'synthesis'")
    _rich_blocks(doc, "r.synthesis.intro")
    _bookmarked(_tag(doc, "{{ r.synthesis.overview_heading }}", "Heading 2"), "'synthesis-overview'")
    _rich_blocks(doc, "r.synthesis.overview")
    _tag(doc, "{%p for h in r.synthesis.heatmaps %}")  # a long map: one picture per part, as in the PDF
    _tag(doc, "{{ h|heatmap_image }}")
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


def _back_matter(doc) -> None:
    _synthesis(doc)
    _tag(doc, "{%p if r.conclusions is not none %}")
    _bookmarked(_tag(doc, "{{ r.conclusions_heading }}", "Heading 1"), "'conclusions'")
    _rich_blocks(doc, "r.conclusions")
    _tag(doc, "{%p endif %}")
    _bookmarked(_tag(doc, "{{ r.about_heading }}", "Heading 1"), "'about'")
    _tag(doc, "{%p for a in r.about %}")
    p = doc.add_paragraph(style=_style("Heading 2"))  # under the H1 "About …": no level skipped
    p.add_run("{{ a.name }}")
    p.add_run(" ")
    p.add_run("{{ a.country }}")
    p.add_run("{% if a.logo %}    {{ a.logo|picture(9) }}{% endif %}")
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
    p = _tag(doc, "{{ r.back.logo|picture(16) }}", "Cover Brand")
    p.paragraph_format.page_break_before = True
    _tag(doc, "{%p else %}")
    p = _tag(doc, "{{ r.back.brand }}", "Cover Brand")
    p.paragraph_format.page_break_before = True
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for l in r.back.links %}")
    p = doc.add_paragraph(style=_style("Cover Text"))
    p.add_run("{{ l.label }}").bold = True
    p.add_run(" ")
    p.add_run("{{r l.text|link(l.url) }}")
    _tag(doc, "{%p endfor %}")
    _cofunding(doc, "r.back.cofunding", "Cover Small")
    _tag(doc, "{%p endif %}")


def _check_styles(doc, reference: Path) -> None:
    _styles.clear()
    _styles.update({s.name.casefold(): s for s in doc.styles if s.name})
    missing = [s for s in PARAGRAPH_STYLES + CHARACTER_STYLES + TABLE_STYLES + ("Cell End",)
               if s.casefold() not in _styles]
    if missing:
        raise RenderError(f"The Word reference document {reference.name} lacks the style(s) "
                          f"{', '.join(missing)}. Add them (Styles pane › New Style) or restore "
                          f"{reference} from the repository.")


def _back_page_section(doc) -> None:
    """The back page is a section of its own without header or footer, as the cover has none: the
    report's section (reference.docx's page set-up, header and footer) ends just before it."""
    body = doc.element.body
    marker = next(p for p in body.iter(qn("w:p")) if "{%p if r.back %}" in "".join(t.text or "" for t in p.iter(qn("w:t"))))
    end = OxmlElement("w:p")
    end.append(OxmlElement("w:pPr"))
    end[0].append(copy.deepcopy(body.find(qn("w:sectPr"))))
    marker.addprevious(end)
    back = doc.sections[-1]
    back.start_type = WD_SECTION.CONTINUOUS  # a proof has no back page: no empty page either ...
    back._sectPr.find(qn("w:type")).set(qn("w:val"), "{{ 'nextPage' if r.back else 'continuous' }}")
    back.different_first_page_header_footer = False
    for ref in back._sectPr.findall(qn("w:headerReference")) + back._sectPr.findall(qn("w:footerReference")):
        back._sectPr.remove(ref)  # not the parts themselves: the report's section still uses them
    for part in (back.header, back.footer):
        part.is_linked_to_previous = False  # definitions of its own, empty


def make_template(reference: Path = REFERENCE) -> bytes:
    """reference.docx with its body replaced by the report's structure and tags."""
    try:
        doc = Document(str(reference))
    except Exception as e:
        raise RenderError(f"The Word reference document {reference} cannot be opened "
                          f"({type(e).__name__}: {e}). Restore it from the repository.") from e
    _check_styles(doc, reference)
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not sect:
            body.remove(child)
    _tag(doc, "{%p if r.front %}")
    _cover(doc)
    _info(doc)
    _front(doc)
    _tag(doc, "{%p endif %}")
    _toc(doc)
    _chapters(doc)
    _back_matter(doc)
    if sect is not None:  # keep the section properties last, where Word expects them
        body.remove(sect)
        body.append(copy.deepcopy(sect))
        _back_page_section(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
