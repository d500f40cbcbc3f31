#!/usr/bin/env python3
"""Generates templates/report.docx, the Word template of the deliverable (docxtpl tags).

The layout of the Word report lives here and only here: styles, page set-up, header and footer,
cover, tables. Regenerate after a change and commit both files:

    python templates/make_docx_template.py

Every Jinja tag is written as one run of its own, so Word never splits a tag across runs.
The context it expects is competency_maps.content.ReportContent (as `r`); the `rich` filter
turns the model's rich text into Word runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
OUT = HERE / "report.docx"

FONT = "Calibri"
NAVY = RGBColor(0x1F, 0x38, 0x64)
TEAL = RGBColor(0x00, 0x7A, 0x87)
GREY = RGBColor(0x59, 0x59, 0x59)
SHADE_HEAD = "1F3864"
SHADE_LABEL = "DCE6F2"
SHADE_CORNER = "F2F2F2"


# --- low-level helpers -----------------------------------------------------------------------


def shade(cell, hex_fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tc_pr.append(shd)


def repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def cant_split(row) -> None:
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def fixed_layout(table, widths_mm: list[float]) -> None:
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)
    for col, w in zip(table.columns, widths_mm):
        col.width = Mm(w)


def field(paragraph, code: str, placeholder: str = "") -> None:
    """A complex field (PAGE, NUMPAGES, TOC) that Word and LibreOffice compute."""
    def char(kind: str):
        r = paragraph.add_run()
        fc = OxmlElement("w:fldChar")
        fc.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            fc.set(qn("w:dirty"), "true")
        r._r.append(fc)

    char("begin")
    r = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    r._r.append(instr)
    char("separate")
    paragraph.add_run(placeholder)
    char("end")


def tag(container, text: str, style: str | None = None):
    """A paragraph holding one Jinja tag (or one tagged run), in one run."""
    p = container.add_paragraph(style=style)
    p.add_run(text)
    return p


def blocks(container, expr: str, heading: str = "Heading 3", subheading: str = "Heading 4") -> None:
    """Paragraphs, headings, bullets and numbered items of a list of rich-text blocks."""
    tag(container, f"{{%p for b in {expr} %}}")
    tag(container, "{%p if b.kind.value == 'bullet' %}")
    tag(container, "{{r b.text|rich }}", "List Bullet")
    tag(container, "{%p elif b.kind.value == 'numbered' %}")
    p = container.add_paragraph(style="Numbered Item")
    p.add_run("{{ b.number }}.")
    p.add_run("\t")
    p.add_run("{{r b.text|rich }}")
    tag(container, "{%p elif b.kind.value == 'heading' %}")
    tag(container, "{{r b.text|rich }}", heading)
    tag(container, "{%p elif b.kind.value == 'subheading' %}")
    tag(container, "{{r b.text|rich }}", subheading)
    tag(container, "{%p else %}")
    tag(container, "{{r b.text|rich }}")
    tag(container, "{%p endif %}")
    tag(container, "{%p endfor %}")


def bullet(doc, *runs: tuple[str, bool]) -> None:
    """A bulleted paragraph of (text, bold) runs."""
    p = doc.add_paragraph(style="List Bullet")
    for text, bold in runs:
        run = p.add_run(text)
        if bold:
            run.bold = True


def label_cell(cell, text: str, fill: str = SHADE_LABEL, bold: bool = True, color=None) -> None:
    p = cell.paragraphs[0]
    p.style = "Table Label"
    run = p.add_run(text)
    run.bold = bold
    if color is not None:
        run.font.color.rgb = color
    shade(cell, fill)


def value_cell(cell, text: str) -> None:
    p = cell.paragraphs[0]
    p.style = "Table Text"
    p.add_run(text)


# --- styles and page --------------------------------------------------------------------------


def set_styles(doc) -> None:
    st = doc.styles
    normal = st["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(a), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1

    for name, size, color, before, after in (("Heading 1", 20, NAVY, 0, 12),
                                             ("Heading 2", 14, TEAL, 14, 6),
                                             ("Heading 3", 12, NAVY, 10, 4),
                                             ("Heading 4", 11, GREY, 8, 3)):
        h = st[name]
        h.font.name, h.font.size, h.font.color.rgb, h.font.bold = FONT, Pt(size), color, True
        h.font.italic = False
        h.paragraph_format.space_before, h.paragraph_format.space_after = Pt(before), Pt(after)
        h.paragraph_format.keep_with_next = True
        rfonts = h.element.get_or_add_rPr().find(qn("w:rFonts"))
        if rfonts is not None:
            for a in list(rfonts.attrib):
                del rfonts.attrib[a]
            for a in ("w:ascii", "w:hAnsi", "w:cs"):
                rfonts.set(qn(a), FONT)
    st["Heading 1"].paragraph_format.page_break_before = True

    title = st["Title"]
    title.font.name, title.font.size, title.font.color.rgb, title.font.bold = FONT, Pt(30), NAVY, True

    def add(name: str, base: str = "Normal", size: float | None = None, bold=None, color=None,
            before: float = 0, after: float = 6, align=None, italic=None, kind=WD_STYLE_TYPE.PARAGRAPH):
        s = st.add_style(name, kind)
        s.base_style = st[base]
        if size:
            s.font.size = Pt(size)
        if bold is not None:
            s.font.bold = bold
        if italic is not None:
            s.font.italic = italic
        if color is not None:
            s.font.color.rgb = color
        s.paragraph_format.space_before, s.paragraph_format.space_after = Pt(before), Pt(after)
        if align is not None:
            s.paragraph_format.alignment = align
        return s

    add("Front Heading", size=18, bold=True, color=NAVY, before=0, after=10).paragraph_format.keep_with_next = True
    add("Cover Label", size=9, bold=True, color=TEAL, before=14, after=2)
    add("Cover Text", size=13, color=NAVY, after=2)
    add("Cover Brand", size=26, bold=True, color=TEAL, before=24, after=24)
    add("Cover Small", size=9, color=GREY, after=2)
    add("Table Label", size=9.5, bold=True, after=2)
    add("Table Text", size=9.5, after=2)
    add("Cell Topic", size=9.5, bold=True, color=NAVY, before=4, after=2).paragraph_format.keep_with_next = True
    add("Cell Group", size=9.5, before=2, after=1).paragraph_format.keep_with_next = True
    add("Cell Caption", size=9.5, italic=True, color=GREY, after=3)
    add("Cell End", size=2, after=0)
    add("Draft Notice", size=12, bold=True, color=RGBColor(0xC0, 0x00, 0x00), before=6, after=6)
    add("Placeholder", size=12, italic=True, color=RGBColor(0xC0, 0x00, 0x00), before=12, after=12)
    num = add("Numbered Item", after=3)
    num.paragraph_format.left_indent = Mm(6.35)
    num.paragraph_format.first_line_indent = Mm(-6.35)
    num.paragraph_format.tab_stops.add_tab_stop(Mm(6.35))
    st["List Bullet"].paragraph_format.space_after = Pt(3)
    st["List Bullet"].font.size = Pt(10)
    toc1 = add("TOC 1", after=4, size=11, bold=True)
    toc2 = add("TOC 2", after=2, size=10)
    toc2.paragraph_format.left_indent = Mm(6)
    del toc1


def page_setup(doc) -> None:
    s = doc.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin = s.bottom_margin = Mm(22)
    s.left_margin = s.right_margin = Mm(20)
    s.header_distance = s.footer_distance = Mm(10)
    s.different_first_page_header_footer = True  # the cover has neither
    hp = s.header.paragraphs[0]
    hp.style = "Header"
    hp.add_run("{{ r.d.project_acronym }}").font.size = Pt(8)
    hp.add_run(" · ").font.size = Pt(8)
    hp.add_run("{{ r.title }}").font.size = Pt(8)
    hp.add_run("{% if r.draft %} · DRAFT{% endif %}").font.size = Pt(8)
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = s.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Page ")
    field(fp, "PAGE", "1")
    fp.add_run(" of ")
    field(fp, "NUMPAGES", "1")
    settings = doc.settings.element
    upd = OxmlElement("w:updateFields")
    upd.set(qn("w:val"), "true")
    settings.append(upd)


# --- the document -----------------------------------------------------------------------------


def cover(doc) -> None:
    tag(doc, "{{ r.d.cover.action_label }}", "Cover Label")
    tag(doc, "{{ r.d.cover.action }}", "Cover Text")
    tag(doc, "{{ r.d.cover.project_label }}", "Cover Label")
    tag(doc, "{{ r.d.cover.project }}", "Cover Text")
    tag(doc, "{{ r.d.cover.logo_text }}", "Cover Brand")
    tag(doc, "{{ r.d.title|upper }}", "Title")
    tag(doc, "Deliverable {{ r.d.number }}", "Cover Text")
    tag(doc, "{%p if r.draft %}")
    tag(doc, "DRAFT — not for circulation: {{ r.draft_note }}", "Draft Notice")
    tag(doc, "{%p endif %}")
    tag(doc, "{{ r.d.cover.grant_label }}", "Cover Label")
    tag(doc, "{{ r.d.cover.grant_agreement }}", "Cover Text")
    tag(doc, "{{ r.d.cover.coordinator_label }}", "Cover Label")
    tag(doc, "{{ r.d.cover.coordinator_name }}", "Cover Text")
    tag(doc, "{{ r.d.cover.coordinator_role }}", "Cover Small")
    cofunding(doc, "Cover Label").paragraph_format.space_before = Pt(40)


def cofunding(doc, style: str):
    """The EU flag (make_images.py), then the funding line, as on the PDF's cover and back page."""
    p = doc.add_paragraph(style=style)
    p.add_run().add_picture(str(HERE / "eu-emblem.png"), width=Mm(27))
    p.add_run("    {{ r.d.cover.cofunding }}")
    return p


def info_table(doc) -> None:
    tag(doc, "{{ r.headings.document_information }}", "Front Heading").paragraph_format.page_break_before = True
    rows = [
        [("IST Project Number", "L"), ("{{ r.d.info.ist_number }}", "V"), ("Acronym", "L"),
         ("{{ r.d.project_acronym }}", "V")],
        [("Full Title", "L"), ("{{ r.d.project_title }}", "V3")],
        [("Project URL", "L"), ("{{ r.d.project_url }}", "V3")],
        [("Deliverable", "L"), ("Number: {{ r.d.number }}", "V"), ("Title", "L"), ("{{ r.d.title }}", "V")],
        [("Work Package", "L"), ("Number: {{ r.d.info.work_package_number }}", "V"), ("Title", "L"),
         ("{{ r.d.info.work_package_title }}", "V")],
        [("Date of Delivery", "L"), ("Contractual: {{ r.d.info.contractual_date }}", "V"), ("Actual", "L"),
         ("{{ r.d.info.actual_date }}", "V")],
        [("Status", "L"), ("version {{ r.d.info.status_version }}", "V"), ("Status", "L"),
         ("{{ r.d.info.status }}", "V")],
        [("Nature", "L"),
         ("{% for c in r.d.info.nature %}{{ c[0] }} {% if c[1] %}☒{% else %}☐{% endif %}   {% endfor %}", "V3")],
        [("Dissemination level", "L"),
         ("{% for c in r.d.info.dissemination %}{{ c[0] }} {% if c[1] %}☒{% else %}☐{% endif %}   {% endfor %}",
          "V3")],
        [("Authors (Partner)", "L"), ("{{ r.d.info.authors }}", "V3")],
        [("Responsible Author", "L"), ("Name: {{ r.d.info.responsible_name }}", "V"), ("E-mail", "L"),
         ("{{ r.d.info.responsible_email }}", "V")],
        [("", "L"), ("Partner: {{ r.d.info.responsible_partner }}", "V"), ("Phone", "L"),
         ("{{ r.d.info.responsible_phone }}", "V")],
        [("Contributors", "L"), ("{{ r.d.info.contributors }}", "V3")],
        [("Reviewers", "L"), ("{{ r.d.info.reviewers }}", "V3")],
        [("Abstract (for dissemination)", "L"), ("{{ r.d.info.abstract }}", "V3")],
        [("Keywords", "L"), ("{{ r.d.info.keywords }}", "V3")],
    ]
    t = doc.add_table(rows=len(rows), cols=4)
    t.style = "Table Grid"
    fixed_layout(t, [38, 52, 24, 56])
    for row, spec in zip(t.rows, rows):
        col = 0
        for text, kind in spec:
            cell = row.cells[col]
            if kind == "V3":
                cell = cell.merge(row.cells[3])
            (label_cell if kind == "L" else value_cell)(cell, text)
            col += 3 if kind == "V3" else 1
    simple_table(doc, "Version Log", "r.d.version_log", ["Issue Date", "Rev. No.", "Author", "Change"],
                 [30, 20, 40, 80])
    simple_table(doc, "Document History", "r.d.history", ["Version", "Date", "Main Modification", "Entity"],
                 [30, 25, 85, 30])


def simple_table(doc, title: str, expr: str, header: list[str], widths: list[float]) -> None:
    p = doc.add_paragraph(style="Heading 4")
    p.add_run(title)
    p.style = "Cover Label"
    t = doc.add_table(rows=4, cols=len(header))
    t.style = "Table Grid"
    fixed_layout(t, widths)
    for cell, h in zip(t.rows[0].cells, header):
        label_cell(cell, h)
    repeat_header(t.rows[0])
    t.rows[1].cells[0].paragraphs[0].add_run(f"{{%tr for row in {expr} %}}")
    for i, cell in enumerate(t.rows[2].cells):
        value_cell(cell, f"{{{{ row[{i}] }}}}")
    t.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")


def front_matter(doc) -> None:
    tag(doc, "{{ r.headings.abstract }}", "Front Heading").paragraph_format.page_break_before = True
    blocks(doc, "r.d.text('abstract')")
    for name in ("disclaimer", "funding"):
        blocks(doc, f"r.d.text('{name}')")
    tag(doc, "{{ r.headings.executive_summary }}", "Front Heading").paragraph_format.page_break_before = True
    blocks(doc, "r.d.text('executive_summary')")
    toc = tag(doc, "{{ r.headings.contents }}", "Front Heading")
    toc.paragraph_format.page_break_before = True
    toc_field(doc)


def toc_field(doc) -> None:
    """A TOC field whose cached result already lists the chapters and steps: readable before any
    update; Word (updateFields) and LibreOffice refresh it with page numbers."""
    p = doc.add_paragraph(style="TOC 1")
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    p.add_run()._r.append(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = ' TOC \\o "1-2" \\h \\z \\u '
    p.add_run()._r.append(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    p.add_run()._r.append(sep)
    tag(doc, "{%p for ch in r.chapters %}")
    tag(doc, "{{ ch.title }}", "TOC 1")
    tag(doc, "{%p if not ch.placeholder %}")
    for step in ("step1", "step2", "step3"):
        tag(doc, f"{{{{ r.headings.{step} }}}}", "TOC 2")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if r.synthesis %}")
    tag(doc, "{{ r.headings.synthesis }}", "TOC 1")
    for step in ("Overview", "Convergences", "Complementarities"):
        tag(doc, step, "TOC 2")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if not r.proof %}")
    tag(doc, "{{ r.headings.conclusions }}", "TOC 1")
    tag(doc, "{%p endif %}")
    tag(doc, "{{ r.headings.about }}", "TOC 1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    doc.add_paragraph().add_run()._r.append(end)


def swot_cell(cell, side: str) -> None:
    """One topic of one quadrant: bold topic title, optional group sub-headings, bullets."""
    first = cell.paragraphs[0]
    first.style = "Cell End"
    tag(cell, f"{{%p if row.{side} %}}")
    tag(cell, "{{ row.topic }}", "Cell Topic")
    tag(cell, f"{{%p for g in row.{side}.groups %}}")
    tag(cell, "{%p if g.name %}")
    p = cell.add_paragraph(style="Cell Group")
    p.add_run("{{ g.name }}").underline = True
    tag(cell, "{%p endif %}")
    tag(cell, "{%p for e in g.entries %}")
    tag(cell, "{{r e|rich }}", "List Bullet")
    tag(cell, "{%p endfor %}")
    tag(cell, "{%p endfor %}")
    tag(cell, "{%p endif %}")


def tows_cell(cell, attr: str) -> None:
    p = cell.paragraphs[0]
    p.style = "Table Text"
    p.add_run(f"{{{{ t.{attr}.label }}}}").underline = True
    p.add_run(f": {{{{ t.{attr}.caption }}}}").italic = True
    tag(cell, f"{{%p for e in t.{attr}.entries %}}")
    tag(cell, "{%p if e.format == 'Paragraph' %}")
    tag(cell, "{{r e.text|rich }}", "Table Text")
    tag(cell, "{%p else %}")
    tag(cell, "{{r e.text|rich }}", "List Bullet")
    tag(cell, "{%p endif %}")
    tag(cell, "{%p endfor %}")


def chapters(doc) -> None:
    tag(doc, "{%p for ch in r.chapters %}")
    tag(doc, "{{ ch.title }}", "Heading 1")
    tag(doc, "{%p if ch.placeholder %}")
    tag(doc, "{{ ch.placeholder }}", "Placeholder")
    tag(doc, "{%p else %}")
    tag(doc, "{{ r.headings.step1 }}", "Heading 2")
    blocks(doc, "ch.step1")
    tag(doc, "{{ r.headings.step2 }}", "Heading 2")
    tag(doc, "{%p for pair in ch.swot_pairs %}")
    t = doc.add_table(rows=4, cols=2)
    t.style = "Table Grid"
    fixed_layout(t, [85, 85])
    for cell, side in zip(t.rows[0].cells, ("left", "right")):
        label_cell(cell, f"{{{{ pair.{side} }}}}", SHADE_HEAD, color=RGBColor(0xFF, 0xFF, 0xFF))
    repeat_header(t.rows[0])
    t.rows[1].cells[0].paragraphs[0].add_run("{%tr for row in pair.rows %}")
    for cell, side in zip(t.rows[2].cells, ("left", "right")):
        swot_cell(cell, side)
    t.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    tag(doc, "")
    tag(doc, "{%p endfor %}")
    tag(doc, "{{ r.headings.step3 }}", "Heading 2")
    tag(doc, "{%p for t in ch.tows %}")
    t = doc.add_table(rows=3, cols=3)
    t.style = "Table Grid"
    fixed_layout(t, [32, 69, 69])
    label_cell(t.cell(0, 0), "Topic: {{ t.topic }}", SHADE_CORNER)
    label_cell(t.cell(0, 1), "Opportunities", SHADE_HEAD, color=RGBColor(0xFF, 0xFF, 0xFF))
    label_cell(t.cell(0, 2), "Threats", SHADE_HEAD, color=RGBColor(0xFF, 0xFF, 0xFF))
    label_cell(t.cell(1, 0), "Strengths", SHADE_HEAD, color=RGBColor(0xFF, 0xFF, 0xFF))
    label_cell(t.cell(2, 0), "Weaknesses", SHADE_HEAD, color=RGBColor(0xFF, 0xFF, 0xFF))
    repeat_header(t.rows[0])
    tows_cell(t.cell(1, 1), "so")
    tows_cell(t.cell(1, 2), "st")
    tows_cell(t.cell(2, 1), "wo")
    tows_cell(t.cell(2, 2), "wt")
    tag(doc, "")  # space between topic tables
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def synthesis(doc) -> None:
    """The generated consortium synthesis: heat map (PNG), counts table, convergences, pairings."""
    tag(doc, "{%p if r.synthesis %}")
    tag(doc, "{{ r.headings.synthesis }}", "Heading 1")
    p = doc.add_paragraph()
    p.add_run("This chapter is generated from the {{ r.synthesis.rows|length }} competency maps above. "
              "Each SWOT entry is tagged with the themes whose keywords it contains, or with the theme "
              "its cluster chose. A ")
    p.add_run("convergence").bold = True
    p.add_run(" is a theme that at least {{ r.d.synthesis_min_clusters }} clusters name in the same "
              "quadrant; a ")
    p.add_run("complementarity").bold = True
    p.add_run(" is a theme that is a strength of one cluster and a weakness of another.")
    tag(doc, "Overview", "Heading 2")
    tag(doc, "{{ r.heatmap|heatmap_image }}")
    tag(doc, "SWOT entries per cluster, topic and quadrant (S Strengths, W Weaknesses, "
             "O Opportunities, T Threats).", "Cell Caption")
    t = doc.add_table(rows=3, cols=8)
    t.style = "Table Grid"
    fixed_layout(t, [44, 19, 20, 22, 16, 16, 16, 17])
    heads = ["Cluster", "Strengths", "Weaknesses", "Opportunities", "Threats", "Topic 1", "Topic 2", "Topic 3"]
    for cell, h in zip(t.rows[0].cells, heads):
        label_cell(cell, h)
    repeat_header(t.rows[0])
    t.rows[1].cells[0].paragraphs[0].add_run("{%tr for row in r.synthesis.rows %}")
    cells = t.rows[2].cells
    value_cell(cells[0], "{{ row.cluster }}")
    for i in range(4):
        value_cell(cells[1 + i], f"{{{{ row.counts[{i}] }}}}")
    for i in range(3):
        value_cell(cells[5 + i], f"{{{{ row.by_topic[{i}]|sum if row.by_topic|length > {i} else '' }}}}")
    t.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
    tag(doc, "Topics: {% for t in r.synthesis.topics %}{{ loop.index }}. {{ t }}{% if not loop.last %}; "
             "{% endif %}{% endfor %}.", "Cover Small")
    tag(doc, "Convergences", "Heading 2")
    tag(doc, "{%p for c in r.synthesis.convergences %}")
    tag(doc, "{{ c.theme }} — {{ c.title }} of {{ c.quotes|length }} clusters", "Heading 3")
    tag(doc, "{%p for q in c.quotes %}")
    bullet(doc, ("{{ q.cluster }}", True), (": “{{ q.entry }}”", False))
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "Complementarities", "Heading 2")
    tag(doc, "{%p for c in r.synthesis.complementarities %}")
    tag(doc, "{{ c.theme }}", "Heading 3")
    tag(doc, "{%p for pr in c.pairs %}")
    bullet(doc, ("{{ pr.strong.cluster }}", True), (" (strength: “{{ pr.strong.entry }}”) could support ", False),
           ("{{ pr.weak.cluster }}", True), (" (weakness: “{{ pr.weak.entry }}”)", False))
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if c.more %}")
    tag(doc, "… and {{ c.more }} more possible pairing{{ 's' if c.more != 1 }} on this theme.", "Cover Small")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def back_matter(doc) -> None:
    synthesis(doc)
    tag(doc, "{%p if not r.proof %}")
    tag(doc, "{{ r.headings.conclusions }}", "Heading 1")
    blocks(doc, "r.d.text('conclusions')")
    tag(doc, "{%p endif %}")
    tag(doc, "{{ r.headings.about }}", "Heading 1")
    tag(doc, "{%p for a in r.about %}")
    p = doc.add_paragraph(style="Heading 3")
    p.add_run("{{ a.name }}")
    p.add_run(" ({{ a.country }})")
    tag(doc, "{{r a.about|rich }}")
    tag(doc, "{%p if a.facts %}")
    tag(doc, "{{ a.facts }}", "Cover Small")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not r.proof %}")
    p = tag(doc, "{{ r.d.project_acronym }}", "Cover Brand")
    p.paragraph_format.page_break_before = True
    tag(doc, "{%p for l in r.d.links %}")
    p = doc.add_paragraph(style="Cover Text")
    p.add_run("{{ l.label }}: ").bold = True
    p.add_run("{{ l.text }}")
    p.add_run(" ({{ l.url }})")
    tag(doc, "{%p endfor %}")
    cofunding(doc, "Cover Small")
    tag(doc, "{%p endif %}")


def make() -> Path:
    doc = Document()
    set_styles(doc)
    page_setup(doc)
    cover(doc)
    info_table(doc)
    front_matter(doc)
    chapters(doc)
    back_matter(doc)
    doc.save(OUT)
    return OUT


if __name__ == "__main__":
    print(f"wrote {make().relative_to(Path.cwd()) if OUT.is_relative_to(Path.cwd()) else OUT}")
    sys.exit(0)
