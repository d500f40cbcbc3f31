"""WordprocessingML written as Word writes it: the one module that spells element and attribute
names (`qn`), so every other docx module speaks of paragraphs, fields, tables and sections.

On/off properties are written as Word writes them: the bare element for "on" (`<w:cantSplit/>`),
nothing for "off" (never `w:val="false"`, which the Office 2016 schema refuses on some of them).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

__all__ = ["qn", "element", "find_style", "name_style", "resolve_styles", "field", "field_char", "instruction",
           "repeat_header", "table", "cant_split", "section_break", "sections_in", "toc_sdt", "text_of",
           "paragraph_style", "right_tab", "mark_decorative", "bidi_paragraph", "clear_header_refs"]


def element(tag: str, /, **attrs: str):
    """`element("w:tab", val="right", pos="9638")`: attributes in the element's own namespace
    unless spelled with a prefix (`{"r:id": …}` via `**{…}`)."""
    el = OxmlElement(tag)
    prefix = tag.split(":")[0]
    for k, v in attrs.items():
        el.set(qn(k if ":" in k else f"{prefix}:{k}"), v)
    return el


def find_style(container, name: str | None):
    """Word writes "heading 1" for a built-in style, LibreOffice "Heading 1": found either way.
    Looked up in the document the container (body, cell) belongs to; None for no style."""
    if name is None:
        return None
    folded = name.casefold()
    for s in container.part.styles:
        if (s.name or "").casefold() == folded:
            return s
    raise KeyError(name)


def name_style(item: Paragraph | Run | Table, name: str) -> None:
    """Gives a paragraph, run or table the style called `name` (in any case, see find_style), for
    now by that name: `resolve_styles` makes every name an id in one pass over the finished body.
    Looking each style up as it is given (python-docx makes an object of every style, twice, for
    each of the template's 2,000 paragraphs) took most of the time the template took."""
    if isinstance(item, Paragraph):
        item._p.style = name
    elif isinstance(item, Run):
        item._r.style = name
    else:
        item._tbl.tblStyle_val = name


_STYLE_REFS = (("w:pStyle", WD_STYLE_TYPE.PARAGRAPH), ("w:rStyle", WD_STYLE_TYPE.CHARACTER),
               ("w:tblStyle", WD_STYLE_TYPE.TABLE))


def resolve_styles(doc) -> None:
    """Every style `name_style` named in the body, as the id of the document's first style of that
    name; as python-docx writes a style, no reference at all for the default style of its kind (the
    last one marked default). KeyError for a name no style has, ValueError for a style of another
    kind (a character style given to a paragraph), as python-docx's setters raise them."""
    styles = list(doc.styles.element.iterchildren(qn("w:style")))
    by_name: dict[str, object] = {}
    for s in styles:
        by_name.setdefault((s.name_val or "").casefold(), s)
    for ref, kind in _STYLE_REFS:
        defaults = [s for s in styles if s.type == kind and s.default]
        default = defaults[-1] if defaults else None
        for el in list(doc.element.body.iter(qn(ref))):
            name = el.get(qn("w:val"))
            style = by_name.get(name.casefold())
            if style is None:
                raise KeyError(name)
            if (style.type or WD_STYLE_TYPE.PARAGRAPH) != kind:
                raise ValueError(f"style {name!r} is not a {kind} style")
            if style is default:
                el.getparent().remove(el)
            else:
                el.set(qn("w:val"), style.styleId)


def missing_styles(doc, names: tuple[str, ...]) -> list[str]:
    have = {(s.name or "").casefold() for s in doc.styles}
    return [n for n in names if n.casefold() not in have]


def field_char(run, kind: str) -> None:
    field_char_el(run._r, kind)


def instruction(run, code: str) -> None:
    instruction_el(run._r, code)


def field_char_el(r, kind: str) -> None:
    r.append(element("w:fldChar", fldCharType=kind))


def instruction_el(r, code: str) -> None:
    instr = element("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    r.append(instr)


def field(paragraph, code: str, result: str) -> None:
    """A complex field (`PAGEREF _Toc1 \\h`) with its shown result, in runs of `paragraph`."""
    field_char(paragraph.add_run(), "begin")
    instruction(paragraph.add_run(), code)
    field_char(paragraph.add_run(), "separate")
    paragraph.add_run(result)
    field_char(paragraph.add_run(), "end")


def repeat_header(row) -> None:
    """A header row repeated on every page of its table, never split, kept with the row under it
    (its paragraphs keep with the next)."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(element("w:cantSplit"))
    tr_pr.append(element("w:tblHeader"))
    for cell in row.cells:
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = True


def cant_split(row, when: str = "") -> None:
    """A row never split across pages; `when`, a template test, for some rows of a loop only (the
    others get an "off" toggle, which package.clean drops)."""
    el = element("w:cantSplit")
    if when:
        el.set(qn("w:val"), f"{{{{ '1' if {when} else '0' }}}}")
    row._tr.get_or_add_trPr().append(el)


def table(container, rows: int, cols: int, style: str, widths_mm: list[float] | None, look: dict[str, bool]):
    """A table of a table style (its name: see name_style); `look` says which of its conditional parts apply. Without
    `widths_mm` (columns made by a `{%tc for %}` loop) it spans the text width, columns by content.
    tblLook as Word 2010 and later write it (the flags as attributes, with the w:val Word 2007 reads)."""
    t = container.add_table(rows=rows, cols=cols)
    name_style(t, style)
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
    flags = {"firstRow": False, "lastRow": False, "firstColumn": False, "lastColumn": False,
             "noHBand": True, "noVBand": True, **look}
    bits = {"firstRow": 0x20, "lastRow": 0x40, "firstColumn": 0x80, "lastColumn": 0x100,
            "noHBand": 0x200, "noVBand": 0x400}
    val = sum(bits[k] for k, v in flags.items() if v)
    tbl_pr.append(element("w:tblLook", val=f"{val:04X}", **{k: "1" if v else "0" for k, v in flags.items()}))
    for row in t.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)
    for col, w in zip(t.columns, widths_mm):
        col.width = Mm(w)
    return t


def section_break(container, sect_pr, *, keep_refs: bool) -> object:
    """A paragraph that ends a section with the properties of `sect_pr` (a new page; without its
    header and footer references unless `keep_refs`: those are given per section after filling)."""
    p = container.add_paragraph()
    new = copy.deepcopy(sect_pr)
    if not keep_refs:
        clear_header_refs(new)
        for el in new.findall(qn("w:titlePg")):
            new.remove(el)
    p._p.get_or_add_pPr().append(new)
    return p


def clear_header_refs(sect_pr, kinds: tuple[str, ...] = ("w:headerReference", "w:footerReference")) -> None:
    for kind in kinds:
        for ref in sect_pr.findall(qn(kind)):
            sect_pr.remove(ref)


def sections_in(body) -> Iterator[list]:
    """The body's children, section by section (a section ends with a paragraph holding a sectPr,
    the last with the body's own sectPr)."""
    current: list = []
    for child in body.iterchildren():
        if child.tag == qn("w:sectPr"):
            continue
        current.append(child)
        if child.tag == qn("w:p") and child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            yield current
            current = []
    yield current


def paragraph_style(p) -> str:
    found = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return found.get(qn("w:val")) if found is not None else ""


def text_of(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def sdt_around(blocks: list, gallery: str):
    """`blocks` (body paragraphs, in order) moved into a `w:sdt` content control of a building-block
    gallery, as Word puts its table of contents ("Table of Contents")."""
    sdt = element("w:sdt")
    pr = element("w:sdtPr")
    obj = element("w:docPartObj")
    obj.append(element("w:docPartGallery", val=gallery))
    obj.append(element("w:docPartUnique"))
    pr.append(obj)
    content = element("w:sdtContent")
    sdt.extend([pr, content])
    blocks[0].addprevious(sdt)
    content.extend(blocks)
    return content


def back_page(sect_pr, type_expr: str) -> None:
    """The back page's section: its start (`type_expr`, a template expression) and its words centred
    on the page's height."""
    sect_pr.find(qn("w:type")).set(qn("w:val"), type_expr)
    v_align = element("w:vAlign", val="center")
    after = sect_pr.find(qn("w:cols"))
    (after.addnext if after is not None else sect_pr.append)(v_align)


def right_tab(paragraph_format_element, pos_twips: int) -> None:
    """A right-aligned tab stop (in a style's or paragraph's pPr)."""
    tabs = paragraph_format_element.find(qn("w:tabs"))
    if tabs is None:
        tabs = element("w:tabs")
        paragraph_format_element.insert(0, tabs)
    tabs.append(element("w:tab", val="right", pos=str(pos_twips)))


def mark_decorative(doc_pr) -> None:
    """Word's "Mark as decorative" (Office 2019+): an extension screen readers skip."""
    ext_lst = element("a:extLst")
    ext = element("a:ext", uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}")
    deco = OxmlElement("adec:decorative")
    deco.set("val", "1")
    ext.append(deco)
    ext_lst.append(ext)
    doc_pr.append(ext_lst)


def bidi_paragraph(p) -> None:
    p.get_or_add_pPr().append(element("w:bidi"))


def default_language(doc, language: str) -> None:
    """The document's language as its default (`w:lang` in the styles' defaults): what Word's
    proofing and a screen reader assume for every run not marked otherwise."""
    styles = doc.styles.element
    rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = element("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), "ar-SA")


def floating_at_right(inline_xml: str) -> str:
    """A picture (python-docx's `wp:inline`) as a floating one at the right margin, level with the
    top of its paragraph, text not wrapped around it: a chapter's logo beside its title, outside the
    heading's paragraph (so a generated contents list never copies it)."""
    inline = etree.fromstring(inline_xml)
    anchor = etree.Element(qn("wp:anchor"), nsmap=inline.nsmap)
    for k, v in (("distT", "0"), ("distB", "0"), ("distL", "114300"), ("distR", "0"), ("simplePos", "0"),
                 ("relativeHeight", "251659264"), ("behindDoc", "0"), ("locked", "0"), ("layoutInCell", "1"),
                 ("allowOverlap", "1")):
        anchor.set(k, v)
    simple = etree.SubElement(anchor, qn("wp:simplePos"))
    simple.set("x", "0")
    simple.set("y", "0")
    pos_h = etree.SubElement(anchor, qn("wp:positionH"))
    pos_h.set("relativeFrom", "margin")
    etree.SubElement(pos_h, qn("wp:align")).text = "right"
    pos_v = etree.SubElement(anchor, qn("wp:positionV"))
    pos_v.set("relativeFrom", "paragraph")
    etree.SubElement(pos_v, qn("wp:posOffset")).text = "0"
    anchor.append(inline.find(qn("wp:extent")))
    effect = inline.find(qn("wp:effectExtent"))
    if effect is None:
        effect = etree.Element(qn("wp:effectExtent"))
        for k in ("l", "t", "r", "b"):
            effect.set(k, "0")
    anchor.append(effect)
    etree.SubElement(anchor, qn("wp:wrapNone"))
    for tag in ("wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"):
        anchor.append(inline.find(qn(tag)))
    return etree.tostring(anchor, encoding="unicode")
