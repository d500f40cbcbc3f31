"""One model of rich text for every input (workbook cells, Markdown) and every output (DOCX, HTML).

Text is a tuple of spans (bold/italic runs, "\n" for a line break); a block is a styled paragraph.
Renderers only ever see these types, so bold typed in Excel and bold typed in Markdown look alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from markdown_it import MarkdownIt


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


Text = tuple[Span, ...]


class BlockKind(str, Enum):
    HEADING = "heading"
    SUBHEADING = "subheading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    NUMBERED = "numbered"


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: Text
    number: int = 0  # position in its numbered list, for NUMBERED blocks
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def plain(self) -> str:
        return plain(self.text)


def plain(text: Text) -> str:
    return "".join(s.text for s in text)


def text_of(s: str, bold: bool = False, italic: bool = False) -> Text:
    return (Span(s, bold, italic),) if s else ()


def normalise(spans: list[Span] | Text) -> Text:
    """Merge neighbouring spans of the same style and drop empty ones."""
    out: list[Span] = []
    for s in spans:
        if not s.text:
            continue
        if out and (out[-1].bold, out[-1].italic) == (s.bold, s.italic):
            out[-1] = Span(out[-1].text + s.text, s.bold, s.italic)
        else:
            out.append(s)
    return tuple(out)


def number_lists(blocks: list[Block]) -> list[Block]:
    """Give each numbered block its number; a list restarts after any other block."""
    out, n = [], 0
    for b in blocks:
        if b.kind is BlockKind.NUMBERED:
            n += 1
            out.append(Block(b.kind, b.text, n))
        else:
            n = 0
            out.append(b)
    return out


_md = MarkdownIt("commonmark", {"html": False})


def _inline(token) -> Text:
    spans: list[Span] = []
    bold = italic = 0
    for child in token.children or []:
        t = child.type
        if t == "strong_open":
            bold += 1
        elif t == "strong_close":
            bold -= 1
        elif t == "em_open":
            italic += 1
        elif t == "em_close":
            italic -= 1
        elif t in ("softbreak",):
            spans.append(Span(" ", bold > 0, italic > 0))
        elif t == "hardbreak":
            spans.append(Span("\n", bold > 0, italic > 0))
        else:  # text, code_inline, link text, html_inline shown literally
            spans.append(Span(child.content, bold > 0, italic > 0))
    return normalise(spans)


def parse_inline_markdown(s: str) -> Text:
    """`**bold**` and `*italic*` inside one line of text; line breaks are kept as they are."""
    lines = s.split("\n")
    spans: list[Span] = []
    for i, line in enumerate(lines):
        if i:
            spans.append(Span("\n"))
        tokens = _md.parseInline(line) if line.strip() else []
        for tok in tokens:
            spans.extend(_inline(tok))
        if not line.strip() and line:
            spans.append(Span(line))
    return normalise(spans)


def parse_markdown(source: str) -> list[Block]:
    """Paragraphs, `#` headings, bullet and numbered lists, bold and italic; nothing else is needed."""
    blocks: list[Block] = []
    list_kinds: list[BlockKind] = []
    heading: BlockKind | None = None
    for tok in _md.parse(source):
        if tok.type == "bullet_list_open":
            list_kinds.append(BlockKind.BULLET)
        elif tok.type == "ordered_list_open":
            list_kinds.append(BlockKind.NUMBERED)
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_kinds.pop()
        elif tok.type == "heading_open":
            heading = BlockKind.HEADING if tok.tag in ("h1", "h2") else BlockKind.SUBHEADING
        elif tok.type == "heading_close":
            heading = None
        elif tok.type == "inline":
            kind = heading or (list_kinds[-1] if list_kinds else BlockKind.PARAGRAPH)
            blocks.append(Block(kind, _inline(tok)))
    return number_lists(blocks)
