"""Writing helpers for the Word template: every paragraph and table gets a style of the reference
document, tags are runs of their own, and rich-text blocks (Markdown, cells) become Word's lists,
headings, code and tables. Used by `template.py` (chapters) and `front.py` (front matter)."""

from __future__ import annotations

from docx.shared import Mm

from competency_maps.render.docx import ooxml
from competency_maps.resources import TEMPLATES

EMBLEM = TEMPLATES / "eu-emblem.png"

# List styles by nesting level (the last for anything deeper): each has its own indent and numbering.
BULLET_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")
NUMBER_STYLES = ("List Number", "List Number 2", "List Number 3")


def list_style(block) -> str:
    """The reference document's list style for a list item at its nesting level."""
    styles = NUMBER_STYLES if block.kind.value == "numbered" else BULLET_STYLES
    return styles[min(block.level, len(styles) - 1)]


def tag(container, text: str, style: str | None = None):
    """A paragraph holding `text` as one run, of the style called `style` (ooxml.name_style)."""
    p = container.add_paragraph()
    if style is not None:
        ooxml.name_style(p, style)
    p.add_run(text)
    return p


def cell(cell, text: str, style: str = "Table Text"):
    p = cell.paragraphs[0]
    ooxml.name_style(p, style)
    p.add_run(text)
    return p


def table(container, rows: int, cols: int, style: str, widths_mm: list[float] | None, look: dict[str, bool]):
    return ooxml.table(container, rows, cols, style, widths_mm, look)


def loop_columns(row, expr: str, value: str) -> None:
    """A row whose cells come from a `{%tc for %}` loop: the tag cells disappear, the middle one repeats."""
    row.cells[0].paragraphs[0].add_run(f"{{%tc for c in {expr} %}}")
    cell(row.cells[1], value)
    row.cells[2].paragraphs[0].add_run("{%tc endfor %}")


def loop_rows(t, first: int, expr: str) -> None:
    """Rows `first` and `first + 2` of `t` hold the `{%tr for %}` and `{%tr endfor %}` tags."""
    t.rows[first].cells[0].paragraphs[0].add_run(f"{{%tr for {expr} %}}")
    t.rows[first + 2].cells[0].paragraphs[0].add_run("{%tr endfor %}")


def between_tables(container, loop_var: str = "loop") -> None:
    """Word joins two tables that touch: one empty paragraph between adjacent tables, none after the last."""
    tag(container, f"{{%p if not {loop_var}.last %}}")
    tag(container, "")
    tag(container, "{%p endif %}")


def rich_blocks(container, expr: str, lang: str = "", paragraph: str | None = None) -> None:
    """Paragraphs, headings, bullets, numbered items, code blocks and tables of rich-text blocks;
    `lang`, an expression, gives their runs a language (w:lang) and, for a right-to-left one, sets
    their paragraphs right to left (w:bidi)."""
    rich = f"rich({lang})" if lang else "rich"
    text, cell = f"{{{{r b.text|{rich} }}}}", f"{{{{r c|{rich} }}}}"

    def styled(style: str | None):
        p = tag(container, text, style)
        if lang:
            ppr = p._p.get_or_add_pPr()
            ppr.append(ooxml.element("w:bidi"))
            ppr[-1].set(ooxml.qn("w:val"), f"{{{{ {lang}|bidi }}}}")
        return p

    tag(container, f"{{%p for b in {expr} %}}")
    for i, style in enumerate(BULLET_STYLES):  # the style of the item's nesting level
        test = f"b.kind.value == 'bullet' and b|list_style == '{style}'"
        tag(container, f"{{%p {'if' if i == 0 else 'elif'} {test} %}}")
        styled(style)
    for style in NUMBER_STYLES:
        tag(container, f"{{%p elif b.kind.value == 'numbered' and b|list_style == '{style}' %}}")
        p = styled(style)
        num_pr = ooxml.element("w:numPr")
        num_pr.append(ooxml.element("w:ilvl", val="0"))
        num_pr.append(ooxml.element("w:numId", val="{{ b|list_number }}"))  # restarting with each list
        p._p.get_or_add_pPr().insert(1, num_pr)
    tag(container, "{%p elif b.kind.value == 'heading' %}")
    styled("Heading 3")
    tag(container, "{%p elif b.kind.value == 'subheading' %}")
    styled("Heading 4")
    tag(container, "{%p elif b.kind.value == 'code' %}")
    tag(container, text, "Code")
    tag(container, "{%p elif b.kind.value == 'table' %}")
    t = table(container, 4, 3, "Log Table", None, {"firstRow": True})
    loop_columns(t.rows[0], "b.rows[0]", cell)
    ooxml.repeat_header(t.rows[0])
    loop_rows(t, 1, "row in b.rows[1:]")
    loop_columns(t.rows[2], "row", cell)
    tag(container, "{%p else %}")
    styled(paragraph)
    tag(container, "{%p endif %}")
    tag(container, "{%p endfor %}")


def cofunding(doc, expr: str) -> None:
    """The EU flag (with its alternative text), then the funding line beside it, as on the PDF's
    cover and back page: one "Funding" style, whose tab stop places the words. Neither where `expr`
    is None ([cover] emblem = false)."""
    tag(doc, f"{{%p if {expr} %}}")
    p = tag(doc, "", "Funding")
    p.runs[0].add_picture(str(EMBLEM), width=Mm(27))
    p._p.find(".//" + ooxml.qn("wp:docPr")).set("descr", f"{{{{ {expr}.emblem_alt }}}}")
    p.add_run().add_tab()
    p.add_run(f"{{{{ {expr}.text }}}}")
    tag(doc, "{%p endif %}")
