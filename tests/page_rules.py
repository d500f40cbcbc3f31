"""The page rules of a typeset report, checked on a PDF as a reader sees its pages.

Every line of text is located (page, position, font) with pdfminer and classified by the tag of its
structure element (PDF/UA): a heading (H1–H4), a table header cell (TH), or body text. Topic and
group lines inside table cells (bold, or the first line of a SWOT topic) are not body text.
"""

from __future__ import annotations

import hashlib
import io
from collections import defaultdict
from dataclasses import dataclass, replace

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, resolve1
from pdfminer.utils import apply_matrix_pt, mult_matrix

from once import once
from parity import MarkedContent, shown_text, tag_name

PAGE_HEIGHT, TOP, BOTTOM = 842.0, 62.4, 56.7  # A4 in points; report.css @page margins 22 mm, 20 mm
MIN_FILL = 0.60
SECTION_SIZE = 17.5  # H1 (20 pt) and front headings (18 pt) start a section on a new page


@dataclass
class Line:
    page: int
    top: float  # distance from the top of the page, in points
    bottom: float
    kind: str  # heading | header | label | body
    size: float
    text: str
    table: int | None = None  # the structure elements it is in (their object ids), when in a table
    row: int | None = None
    cell: int | None = None
    th: bool = False  # in a row's header cell (TH)


class _Texts(MarkedContent):
    """Records each string drawn: its marked-content id, baseline, size and font (no per-character
    layout, which would take seconds)."""

    def __init__(self, resources):
        super().__init__(resources)
        self.shown: list[tuple[int | None, float, float, str, str]] = []

    def render_string(self, textstate, seq, ncs, graphicstate):
        matrix = mult_matrix(textstate.matrix, self.ctm)
        x, y = textstate.linematrix
        _, baseline = apply_matrix_pt(matrix, (x, y + textstate.rise))
        size = textstate.fontsize * abs(matrix[3])
        self.shown.append((self.mcid, baseline, size, textstate.font.fontname or "", shown_text(textstate, seq)))


def _structure(document) -> dict[tuple[int, int], list[tuple[str, int]]]:
    """(page object id, MCID) -> the tags (and ids) of the structure elements around it, outermost first."""
    chains: dict[tuple[int, int], list[tuple[str, int]]] = {}

    def walk(el, page, chain):
        el = resolve1(el)
        if isinstance(el, list):
            for kid in el:
                walk(kid, page, chain)
        elif isinstance(el, int):
            chains[(page, el)] = chain
        elif isinstance(el, dict):
            if isinstance(el.get("Pg"), PDFObjRef):
                page = el["Pg"].objid
            if tag_name(el.get("Type")) == "MCR":
                chains[(page, el["MCID"])] = chain
                return
            kind = tag_name(el.get("S"))
            if "K" in el:
                walk(el["K"], page, chain + [(kind, id(el))] if kind else chain)

    walk(resolve1(document.catalog["StructTreeRoot"]).get("K"), None, [])
    return chains


def _kind(chain: list[str], bold: bool) -> str:
    if any(t in ("H1", "H2", "H3", "H4", "H5", "H6") for t in chain):
        return "heading"
    if "THead" in chain:
        return "header"
    if "TH" in chain or ("TD" in chain and bold and "LI" not in chain):
        return "label"  # row labels (Strengths), SWOT topic titles, TOWS captions' labels
    return "body"


def lines(pdf: bytes, header_rows: frozenset[tuple[str, ...]] = frozenset()) -> list[Line]:
    """Every tagged line of the PDF: read once per test run, whichever worker asks first (pdfminer
    takes seconds for a long report), and a fresh copy for each caller."""
    key = f"page-rules lines {hashlib.sha256(pdf).hexdigest()} {sorted(header_rows)}"
    return [replace(ln) for ln in once(key, lambda: _lines(pdf, header_rows))]


def _lines(pdf: bytes, header_rows: frozenset[tuple[str, ...]] = frozenset()) -> list[Line]:
    """Every tagged line of the PDF. `header_rows`: the cells of table header rows, for PDFs whose
    tags do not mark header rows (LibreOffice tags them as ordinary rows): a line is a header when
    all the cells of one such row stand side by side on its baseline."""
    document = PDFDocument(PDFParser(io.BytesIO(pdf)))
    chains = _structure(document)
    resources = PDFResourceManager()
    device = _Texts(resources)
    interpreter = PDFPageInterpreter(resources, device)
    out: list[Line] = []
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        device.stack.clear()
        device.shown.clear()
        interpreter.process_page(page)
        groups: dict[tuple, list] = defaultdict(list)
        for mcid, baseline, size, font, text in device.shown:
            if (mcid is not None or header_rows) and text.strip():
                groups[(mcid, round(baseline))].append((baseline, size, font, text))
        artifacts: list[Line] = []
        for (mcid, _), shown in groups.items():
            tagged = chains.get((page.pageid, mcid)) if mcid is not None else None
            if tagged is None:  # artifacts: running header, page footer, and LibreOffice's repeated header rows
                if header_rows:
                    baseline, size = shown[0][0], max(s[1] for s in shown)
                    artifacts += [Line(number, PAGE_HEIGHT - baseline - 0.8 * size, PAGE_HEIGHT - baseline + 0.25 * size,
                                       "artifact", size, s[3]) for s in shown]
                continue
            chain = [t for t, _ in tagged]
            baseline, size = shown[0][0], max(s[1] for s in shown)
            bold = all("Bold" in s[2] for s in shown)
            text = "".join(s[3] for s in shown)
            inner = {t: i for t, i in tagged}  # the innermost element of each tag
            out.append(Line(number, PAGE_HEIGHT - baseline - 0.8 * size, PAGE_HEIGHT - baseline + 0.25 * size,
                            _kind(chain, bold), size, text, inner.get("Table"), inner.get("TR"),
                            inner.get("TD", inner.get("TH")), "TH" in inner))
        if header_rows:
            _mark_header_rows([ln for ln in out if ln.page == number] + artifacts, header_rows)
            out += _repeated_headers(artifacts, [ln for ln in out if ln.page == number])
    out.sort(key=lambda ln: (ln.page, round(ln.top)))
    return out


def _repeated_headers(artifacts: list[Line], page: list[Line]) -> list[Line]:
    """LibreOffice marks a header row repeated on a new page as an artifact (no tag): such a row counts
    as its table's header, the table being the one whose lines follow it."""
    found = []
    for ln in artifacts:
        if ln.kind != "header":
            continue
        below = min((x for x in page if x.table is not None and x.top >= ln.top), key=lambda x: x.top, default=None)
        if below is not None:
            ln.table, ln.row = below.table, -1
            found.append(ln)
    return found


def _mark_header_rows(page: list[Line], header_rows: frozenset[tuple[str, ...]]) -> None:
    by_baseline: dict[int, list[Line]] = defaultdict(list)
    for ln in page:
        by_baseline[round(ln.bottom)].append(ln)
    for row in by_baseline.values():
        texts = {" ".join(ln.text.split()) for ln in row}
        if any(set(cells) <= texts for cells in header_rows):
            for ln in row:
                if ln.kind != "heading":
                    ln.kind = "header"


def _rows(lines_: list[Line]) -> int:
    """Lines of text as a reader counts them: side-by-side cells on one baseline count once."""
    return len({round(ln.bottom) for ln in lines_})


def _chains(all_lines: list[Line]) -> list[list[list[Line]]]:
    """The tables, each as its fragments page by page (the tags give a table fragment of each page
    an element of its own): a fragment that ends its page continues in one that starts the next."""
    pages: dict[int, list[Line]] = defaultdict(list)
    for ln in all_lines:
        pages[ln.page].append(ln)
    fragments: dict[tuple[int, int], list[Line]] = defaultdict(list)
    for ln in all_lines:
        if ln.table is not None:
            fragments[(ln.page, ln.table)].append(ln)
    chains: list[list[list[Line]]] = []
    previous: tuple[int, int] | None = None  # the fragment that ended the page before
    for p in sorted(pages):
        page = pages[p]
        for key, frag in fragments.items():
            if key[0] != p:
                continue
            first_on_page = page[0].table == key[1]
            if first_on_page and previous is not None and previous[0] == p - 1:
                next(c for c in chains if c[-1] is fragments[previous]).append(frag)
            else:
                chains.append([frag])
        last = page[-1]
        previous = (p, last.table) if last.table is not None else None
    return chains


def _next_row_too_tall(page: list[Line], nxt: list[Line]) -> bool:
    """Whether the next page starts with a block taller than the room left on this page: a table row
    (rows never split), under its header row and the headings kept with it. It could not have been
    set here."""
    first = next((ln for ln in nxt if ln.table is not None and ln.kind != "header"), None)
    if first is None or any(ln.top < first.top and ln.kind not in ("heading", "header") for ln in nxt):
        return False
    row = [ln for ln in nxt if ln.row == first.row]
    room = PAGE_HEIGHT - BOTTOM - max(ln.bottom for ln in page)
    return max(ln.bottom for ln in row) - nxt[0].top > room


def _table_violations(all_lines: list[Line], labels: bool) -> list[str]:
    """A table starts on every page with its header row and, when it goes on from the page before
    and its rows have labels (a SWOT topic, a TOWS row heading), with a label in each cell of its
    first row ("… (continued)"); a row split across pages leaves no cell empty at the page foot while
    its neighbour goes on (seen on the next page: one cell starts afresh with its label, the other
    goes on)."""
    found: list[str] = []
    for chain in _chains(all_lines):
        has_header = any(ln.kind == "header" for frag in chain for ln in frag)
        has_labels = any(ln.kind == "label" for frag in chain for ln in frag)
        for k, frag in enumerate(chain):
            p = frag[0].page
            if has_header and frag[0].kind != "header":
                found.append(f"page {p}: table without its header row at the top ({frag[0].text.strip()[:40]!r})")
            rows = [ln for ln in frag if ln.kind != "header"]
            if k == 0 or not rows:
                continue
            first_row = [ln for ln in rows if ln.row == rows[0].row]
            starts = {}
            for ln in first_row:  # each cell's first line
                starts.setdefault(ln.cell, ln)
            if labels and has_labels and not any(ln.kind == "label" for ln in starts.values()):
                found.append(f"page {p}: table goes on without its row's label ({rows[0].text.strip()[:40]!r})")
            cells = [ln for ln in starts.values() if not ln.th]
            if len(cells) > 2:  # LibreOffice tags a row's heading (TOWS) as a TD: the first cell
                cells = cells[1:]
            fresh = [ln.kind == "label" for ln in cells]
            if any(fresh) and not all(fresh):
                found.append(f"page {p - 1}: a cell is empty at the page foot while its neighbour goes on")
    return found


def violations(pdf: bytes, header_rows: frozenset[tuple[str, ...]] = frozenset(), fill: bool = True,
               labels: bool = True) -> list[str]:
    """Every breach of the page rules, as "page N: what" lines (empty when the pages are right).
    `fill`: also the rule that no page is less than 60 % full; `labels`: also the rule that a table
    continued on a page starts there with a row label."""
    all_lines = lines(pdf, header_rows)
    pages: dict[int, list[Line]] = defaultdict(list)
    for ln in all_lines:
        pages[ln.page].append(ln)
    last = max(pages)
    found: list[str] = []
    for p, page in pages.items():
        nxt = pages.get(p + 1, [])
        next_starts_section = bool(nxt) and nxt[0].kind == "heading" and nxt[0].size >= SECTION_SIZE
        # a heading at the page foot needs three lines of body text under it
        for i, ln in enumerate(page):
            if ln.kind != "heading" or (i + 1 < len(page) and page[i + 1].kind == "heading"):
                continue
            after = page[i + 1:]
            until = next((j for j, x in enumerate(after) if x.kind == "heading"), len(after))
            body = _rows([x for x in after[:until] if x.kind == "body"])
            continues = until == len(after) and nxt and not next_starts_section and nxt[0].kind != "heading"
            if body < 3 and continues:
                found.append(f"page {p}: heading {ln.text.strip()[:50]!r} has {body} line(s) under it")
        # a table header row needs two lines of its table under it
        for i, ln in enumerate(page):
            if ln.kind != "header" or (i + 1 < len(page) and page[i + 1].kind == "header"):
                continue
            after = page[i + 1:]
            until = next((j for j, x in enumerate(after) if x.kind in ("header", "heading")), len(after))
            body = _rows([x for x in after[:until] if x.kind == "body"])
            continues = until == len(after) and nxt and nxt[0].kind in ("header", "label", "body")
            if body < 2 and continues:
                found.append(f"page {p}: table header {ln.text.strip()[:40]!r} has {body} line(s) under it")
        # no page less than 60 % full, unless the next page starts a section (or this is the last), or
        # starts with a table row taller than the room left here (rows never split: an entry of half
        # a page, pasted from a PDF, moves whole)
        if fill and p not in (1, last, last - 1) and not next_starts_section:
            full = (max(x.bottom for x in page) - TOP) / (PAGE_HEIGHT - TOP - BOTTOM)
            if full < MIN_FILL and not _next_row_too_tall(page, nxt):
                found.append(f"page {p}: only {full:.0%} full")
    return found + _table_violations(all_lines, labels)
