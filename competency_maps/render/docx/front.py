"""The front matter of the Word template: cover, document information and logs, abstract, summary
and the table of contents (a TOC field, as Word writes one)."""

from __future__ import annotations

from competency_maps.render.docx import ooxml
from competency_maps.render.docx.blocks import (cell, cofunding, loop_columns, loop_rows, rich_blocks,
                                                table, tag)

COVER_STYLES = {"label": "Cover Label", "text": "Cover Text", "brand": "Cover Brand", "title": "Title",
                "small": "Cover Small", "notice": "Cover Notice"}


def cover(doc) -> None:
    tag(doc, "{%p for line in r.front.cover %}")
    kinds = list(COVER_STYLES.items())
    for i, (kind, style) in enumerate(kinds):
        tag(doc, f"{{%p {'if' if i == 0 else 'elif'} line.kind == '{kind}' %}}")
        tag(doc, "{{ line.text }}", style)
    tag(doc, "{%p elif line.kind == 'logo' %}")
    tag(doc, "{{ line.picture|picture(16) }}", "Cover Brand")  # heights in mm, as report.css
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    cofunding(doc, "r.front.cofunding")


def info(doc) -> None:
    p = tag(doc, "{{ r.front.info_heading }}", "Front Heading")
    p.paragraph_format.page_break_before = True
    t = table(doc, 7, 4, "Info Table", [38, 52, 24, 56], {"firstColumn": True})
    t.rows[0].cells[0].paragraphs[0].add_run("{%tr for row in r.front.info %}")
    t.rows[1].cells[0].paragraphs[0].add_run("{%tr if row.wide %}")
    cell(t.rows[2].cells[0], "{{ row.cells[0].text }}", "Table Label")
    cell(t.rows[2].cells[1].merge(t.rows[2].cells[3]), "{{r row.cells[1].rich|rich }}")
    t.rows[3].cells[0].paragraphs[0].add_run("{%tr else %}")
    for i, c in enumerate(t.rows[4].cells):
        cell(c, f"{{{{r row.cells[{i}].rich|rich }}}}", "Table Label" if i % 2 == 0 else "Table Text")
    t.rows[5].cells[0].paragraphs[0].add_run("{%tr endif %}")
    t.rows[6].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    tag(doc, "{%p for log in r.front.logs %}")
    tag(doc, "{{ log.title }}", "Cover Label")
    t = table(doc, 4, 3, "Log Table", None, {"firstRow": True})
    loop_columns(t.rows[0], "log.columns", "{{ c }}")
    ooxml.repeat_header(t.rows[0])
    loop_rows(t, 1, "row in log.rows")
    loop_columns(t.rows[2], "row", "{{ c }}")
    ooxml.cant_split(t.rows[2])
    tag(doc, "{%p endfor %}")


def front(doc) -> None:
    p = tag(doc, "{{ r.front.abstract_heading }}", "Front Heading")
    p.paragraph_format.page_break_before = True
    rich_blocks(doc, "r.front.abstract")
    rich_blocks(doc, "r.front.legal", paragraph="Legal")  # small and grey, as in the PDF
    p = tag(doc, "{{ r.front.summary_heading }}", "Front Heading")
    p.paragraph_format.page_break_before = True
    rich_blocks(doc, "r.front.summary")


def _toc_entry(doc, style: str) -> None:
    """One entry as Word writes it in a TOC field's result: a link to the heading's bookmark, a
    tab (dot leader in the style), and a PAGEREF field whose shown result is the heading's page.
    The first entry opens the TOC field."""
    p = tag(doc, "{%r if loop.first %}", style)
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


def toc(doc) -> None:
    """A table of contents as Word writes one: a TOC field (`\\o "1-2"`: headings 1 and 2, linked)
    in a "Table of Contents" content control, whose shown result is the entries with their page
    numbers (see `paginate.py`); Word's "Update table" rebuilds it from the headings."""
    body = doc.element.body
    before = len(body)
    toc = tag(doc, "{{ r.toc_heading }}", "Front Heading")
    toc.paragraph_format.page_break_before = True
    tag(doc, "{%p for e in r.toc %}")
    tag(doc, "{%p if e.level == 1 %}")
    _toc_entry(doc, "TOC 1")
    tag(doc, "{%p else %}")
    _toc_entry(doc, "TOC 2")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    end = doc.add_paragraph()
    ooxml.field_char(end.add_run(), "end")
    parts = list(body)[before - 1:len(body) - 1]  # the last child is the sectPr
    content = ooxml.sdt_around(parts, "Table of Contents")
    assert content is not None
