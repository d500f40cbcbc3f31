"""What a reader reads, extracted from the DOCX and from the PDF in reading order, to compare them.

The DOCX: its body's paragraphs, table cells included, in document order (headers and footers are
page furniture). The PDF: its tagged structure, in logical order (see `pdf_blocks`).
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from docx import Document
from docx.oxml.ns import qn
from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, resolve1
from pdfminer.psparser import PSLiteral

from once import once


@dataclass
class Table:
    """A table as a reader takes it in: its header once, then its body column by column, each
    column's cells in order. A row that the PDF splits over two pages comes back in two fragments;
    read by columns, the fragments join up again as Word has the row whole."""
    header: list[list[str]] = field(default_factory=list)
    body: list[list[str]] = field(default_factory=list)

    def extend(self, other: Table) -> None:
        self.body += other.body

    def text(self) -> list[str]:
        out = [c for row in self.header for c in row]
        for col in range(max((len(r) for r in self.body), default=0)):
            out += [row[col] for row in self.body if col < len(row)]
        return out



def blocks(body):
    """The body's paragraphs and tables in order, those inside content controls (the TOC's w:sdt) too."""
    for child in body:
        if child.tag == qn("w:sdt"):
            yield from blocks(child.find(qn("w:sdtContent")))
        else:
            yield child

def _linear(items: list) -> list[str]:
    """Text items and tables, with a table's page fragments (same header, nothing between) joined."""
    out: list = []
    for item in items:
        if isinstance(item, Table) and out and isinstance(out[-1], Table) and out[-1].header == item.header:
            out[-1].extend(item)
        else:
            out.append(item)
    return [t for item in out for t in (item.text() if isinstance(item, Table) else [item])]


def _caps(style) -> bool:
    while style is not None:
        if style.font.all_caps:
            return True
        style = style.base_style
    return False


def paragraph_reader(doc):
    """A function giving a paragraph's (`w:p`) text as printed: tabs and breaks as spaces, a paragraph
    whose style is set in capitals in capitals, the page numbers of PAGEREF fields (the TOC's) left out."""
    styles = {s.style_id: s for s in doc.styles}

    def paragraph(p) -> str:
        parts, instruction, in_result = [], "", False
        for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:instrText"), qn("w:fldChar")):
            if el.tag == qn("w:fldChar"):
                kind = el.get(qn("w:fldCharType"))
                in_result = kind == "separate"
                if kind == "begin":
                    instruction = ""
            elif el.tag == qn("w:instrText"):
                instruction += el.text or ""
            elif in_result and instruction.split()[:1] == ["PAGEREF"]:
                continue  # a TOC's page number: Word's own count, not text to compare
            else:
                parts.append((el.text or "") if el.tag == qn("w:t") else " ")
        text = "".join(parts)
        ppr = p.find(qn("w:pPr"))
        sid = ppr.find(qn("w:pStyle")) if ppr is not None else None
        if sid is not None and _caps(styles.get(sid.get(qn("w:val")))):
            text = text.upper()
        return text
    return paragraph


def docx_blocks(data: bytes) -> list[str]:
    """The text of every paragraph of the body in document order, tables read as `Table` does; a
    paragraph whose style is set in capitals, in capitals."""
    doc = Document(io.BytesIO(data))
    paragraph = paragraph_reader(doc)

    def table(tbl) -> Table:
        t = Table()
        for tr in tbl.iter(qn("w:tr")):
            cells = [" ".join(paragraph(p) for p in tc.iter(qn("w:p"))) for tc in tr.iter(qn("w:tc"))]
            head = tr.find(qn("w:trPr")) is not None and tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
            (t.header if head and not t.body else t.body).append(cells)
        return t

    items: list = []
    for child in blocks(doc.element.body):
        if child.tag == qn("w:p"):
            items.append(paragraph(child))
        elif child.tag == qn("w:tbl"):
            items.append(table(child))
    return [t for t in _linear(items) if t.strip()]


class MarkedContent(PDFDevice):
    """A pdfminer device that knows, for each string drawn, the marked-content id (MCID) it belongs
    to: the key from the drawing to the PDF's structure tree (tags). Artifacts have none."""

    def __init__(self, resources: PDFResourceManager):
        super().__init__(resources)
        self.stack: list[int | None] = []

    @property
    def mcid(self) -> int | None:
        return self.stack[-1] if self.stack else None

    def begin_tag(self, tag, props=None) -> None:
        mcid = props.get("MCID") if isinstance(props, dict) else None
        self.stack.append(mcid if mcid is not None else self.mcid)

    def end_tag(self) -> None:
        if self.stack:
            self.stack.pop()


def shown_text(textstate, seq) -> str:
    return "".join(textstate.font.to_unichr(cid) for item in seq if isinstance(item, bytes)
                   for cid in textstate.font.decode(item))


class _MarkedText(MarkedContent):
    """Collects the text shown inside each marked-content sequence, by page and MCID."""

    def __init__(self, resources: PDFResourceManager):
        super().__init__(resources)
        self.page = None
        self.text: dict[tuple[object, int | None], list[str]] = defaultdict(list)

    def render_string(self, textstate, seq, ncs, graphicstate) -> None:
        self.text[(self.page, self.mcid)].append(shown_text(textstate, seq))


def tag_name(x) -> str | None:
    """The name of a structure element's tag (/S) or type, as plain text."""
    x = resolve1(x)
    return x.name if isinstance(x, PSLiteral) else None


def pdf_blocks(pdf: bytes) -> list[str]:
    """_pdf_blocks, read once per test run whichever worker asks first (pdfminer takes seconds)."""
    return list(once(f"parity pdf blocks {hashlib.sha256(pdf).hexdigest()}", lambda: _pdf_blocks(pdf)))


def _pdf_blocks(pdf: bytes) -> list[str]:
    """The text of the PDF in the order of its structure tree (PDF/UA tags), as a screen reader reads
    it. Page furniture is untagged (artifacts), so it is not there. A figure is read by its
    alternative text, so its drawn text is left out (Word holds a picture); so is the text generated
    inside a TOC link (leader dots and page number: Word computes its own), and a list item's label
    (its number: Word numbers its lists itself)."""
    document = PDFDocument(PDFParser(io.BytesIO(pdf)))
    resources = PDFResourceManager()
    device = _MarkedText(resources)
    interpreter = PDFPageInterpreter(resources, device)
    for page in PDFPage.create_pages(document):
        device.page = page.pageid
        interpreter.process_page(page)
    def text_of(el, page, parent: str | None) -> list:
        """Text items and `Table`s of a structure element, in order."""
        el = resolve1(el)
        if isinstance(el, list):
            return [x for kid in el for x in text_of(kid, page, parent)]
        if isinstance(el, int):
            return ["".join(device.text.get((page, el), ()))]
        if not isinstance(el, dict):
            return []
        if isinstance(el.get("Pg"), PDFObjRef):
            page = el["Pg"].objid
        if tag_name(el.get("Type")) == "MCR":
            return ["".join(device.text.get((page, el["MCID"]), ()))]
        kind = tag_name(el.get("S"))
        if kind in ("Figure", "Lbl") or (kind == "Link" and parent == "Link") or "K" not in el:
            return []
        if kind == "Table":
            return [table(el, page)]
        return text_of(el["K"], page, kind or parent)

    def rows(el, page, head: bool, t: Table) -> None:
        el = resolve1(el)
        for kid in (el if isinstance(el, list) else [el]):
            kid = resolve1(kid)
            if not isinstance(kid, dict):
                continue
            kind = tag_name(kid.get("S"))
            pg = kid["Pg"].objid if isinstance(kid.get("Pg"), PDFObjRef) else page
            if kind == "TR":
                cells = [c for c in _kids(kid) if tag_name(c.get("S")) in ("TH", "TD")]
                row = [" ".join(_linear(text_of(c.get("K", []), pg, "TD"))) for c in cells]
                (t.header if head else t.body).append(row)
            elif kind in ("THead", "TBody", "TFoot"):
                rows(kid.get("K", []), pg, kind == "THead", t)

    def table(el, page) -> Table:
        t = Table()
        rows(el.get("K", []), page, False, t)
        return t

    return _linear(text_of(resolve1(document.catalog["StructTreeRoot"]).get("K"), None, None))


def _kids(el) -> list[dict]:
    k = resolve1(el.get("K", []))
    return [resolve1(x) for x in (k if isinstance(k, list) else [k]) if isinstance(resolve1(x), dict)]


def squashed(blocks: list[str]) -> str:
    """One string without white space: the layouts break lines in different places ("attract/|retain"),
    and a difference in any character still shows."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", "".join(blocks)))


def first_difference(a: str, b: str, context: int = 60) -> str:
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return (f"first difference at character {n}:\n  DOCX: …{a[max(0, n - context):n + context]}…\n"
            f"  PDF:  …{b[max(0, n - context):n + context]}…")
