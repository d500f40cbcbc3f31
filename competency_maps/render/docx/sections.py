"""Running heads: each chapter is a section of its own whose header names it.

The reference document's header holds the project's name, the draft mark and a `STYLEREF "Heading 1"`
field. Word computes that field as it lays out; LibreOffice (7.x) shows its stored result; and a
STYLEREF on a page before any Heading 1 finds the first one after it. So, after filling: the front
matter's header is the reference header without the field (no chapter on the cover, document
information, abstract, summary and contents), and each chapter's section gets a header of its own,
a copy whose field shows that chapter's title — the same text in Word and LibreOffice alike.
"""

from __future__ import annotations

import copy

from competency_maps.render.docx.ooxml import (clear_header_refs, paragraph_style, qn, sections_in,
                                               text_of)


def _field_runs(header_el) -> tuple[list, object | None]:
    """The runs of the STYLEREF field (begin … end) and the run holding its shown result."""
    runs = list(header_el.iter(qn("w:r")))
    for i, r in enumerate(runs):
        instr = r.find(qn("w:instrText"))
        if instr is not None and "STYLEREF" in (instr.text or ""):
            begin = i - 1
            end = next(j for j in range(i, len(runs)) if _char(runs[j]) == "end")
            sep = next(j for j in range(i, end) if _char(runs[j]) == "separate")
            shown = next((runs[j] for j in range(sep + 1, end) if runs[j].find(qn("w:t")) is not None), None)
            return runs[begin:end + 1], shown
    return [], None


def _char(r) -> str:
    fc = r.find(qn("w:fldChar"))
    return fc.get(qn("w:fldCharType")) if fc is not None else ""


def running_heads(doc, heading_style_id: str) -> None:
    """Give each chapter's section (one that holds a Heading 1) a header naming its chapter; the
    front matter's header names none. Sections keep the report's footer by inheritance."""
    sections = list(doc.sections)
    groups = list(sections_in(doc.element.body))
    if not sections or sections[0].header.is_linked_to_previous:
        return
    model = copy.deepcopy(sections[0].header._element)
    front_runs, _ = _field_runs(sections[0].header._element)
    for r in front_runs:
        r.getparent().remove(r)
    for section, children in zip(sections[1:], groups[1:]):
        title = next((text_of(p) for p in children if p.tag == qn("w:p")
                      and paragraph_style(p) == heading_style_id), None)
        if title is None:
            continue  # the back page: its own empty header
        clear_header_refs(section._sectPr, ("w:headerReference",))
        section.header.is_linked_to_previous = False
        head = section.header._element
        for child in list(head):
            head.remove(child)
        for child in model:
            head.append(copy.deepcopy(child))
        _, shown = _field_runs(head)
        if shown is not None:
            shown.find(qn("w:t")).text = " ".join(title.split())
