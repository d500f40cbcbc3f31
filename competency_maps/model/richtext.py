"""One model of rich text for every input (workbook cells, Markdown) and every output (DOCX, HTML).

Text is a tuple of spans (bold/italic runs, "\n" for a line break); a block is a styled paragraph.
Renderers only ever see these types, so bold typed in Excel and bold typed in Markdown look alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import Enum

from markdown_it import MarkdownIt

from competency_maps.errors import ReportError


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    url: str = ""  # a link (http, https or mailto only: see safe_url)


Text = tuple[Span, ...]


class BlockKind(str, Enum):
    HEADING = "heading"
    SUBHEADING = "subheading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    NUMBERED = "numbered"
    CODE = "code"  # a code block, monospaced: text with its line breaks and spaces as typed
    TABLE = "table"  # `rows` of cells; the first row is the header


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: Text
    number: int = 0  # position in its numbered list, for NUMBERED blocks
    extra: dict = field(default_factory=dict, compare=False, hash=False)
    rows: tuple[tuple[Text, ...], ...] = ()  # TABLE blocks: rows of cells, the header first
    level: int = 0  # BULLET and NUMBERED blocks: how deep in nested lists (0: the outer list)

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
        if out and (out[-1].bold, out[-1].italic, out[-1].url) == (s.bold, s.italic, s.url):
            out[-1] = Span(out[-1].text + s.text, s.bold, s.italic, s.url)
        else:
            out.append(s)
    return tuple(out)


_SAFE_SCHEMES = ("http://", "https://", "mailto:")
# A web address or an e-mail address in running text; a final full stop, comma or bracket is the
# sentence's, not the address's.
_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]'’]"
                      r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def safe_url(url: str) -> str:
    """The address if it is a web or mail link, else "": nothing else is ever made clickable."""
    url = url.strip()
    if url.lower().startswith(_SAFE_SCHEMES) and not any(c in url for c in "\x00\n\r\t "):
        return url
    return ""


def web_address(text: str) -> str:
    """The link for an address as people type it: "www.x.eu" and "x.eu/y" get https://, an e-mail mailto:."""
    text = text.strip()
    if "@" in text and "/" not in text and not text.lower().startswith(_SAFE_SCHEMES):
        return safe_url(f"mailto:{text}")
    if not text.lower().startswith(_SAFE_SCHEMES):
        text = f"https://{text}"
    return safe_url(text)


def linkify(text: Text) -> Text:
    """Web and e-mail addresses in the text become links, the words unchanged."""
    out: list[Span] = []
    for s in text:
        if s.url:
            out.append(s)
            continue
        at = 0
        for m in _ADDRESS.finditer(s.text):
            out.append(Span(s.text[at:m.start()], s.bold, s.italic))
            out.append(Span(m.group(0), s.bold, s.italic, web_address(m.group(0))))
            at = m.end()
        out.append(Span(s.text[at:], s.bold, s.italic))
    return normalise(out)


def linkify_blocks(blocks: list[Block] | tuple[Block, ...]) -> list[Block]:
    return [replace(b, text=linkify(b.text), rows=tuple(tuple(linkify(c) for c in row) for row in b.rows))
            for b in blocks]


def number_lists(blocks: list[Block]) -> list[Block]:
    """Give each numbered block its number, per nesting level: a list goes on after the lists
    nested in it, and restarts after any block that is no list item."""
    out: list[Block] = []
    counters: dict[int, int] = {}
    for b in blocks:
        if b.kind not in (BlockKind.BULLET, BlockKind.NUMBERED):
            counters = {}
            out.append(b)
            continue
        counters = {lv: n for lv, n in counters.items() if lv <= b.level}
        if b.kind is BlockKind.NUMBERED:
            counters[b.level] = counters.get(b.level, 0) + 1
            out.append(replace(b, number=counters[b.level]))
        else:
            counters.pop(b.level, None)
            out.append(b)
    return out


# Deeper than this, markdown-it stops reading the file without a word: a located error instead.
# Each nested list costs two levels (list, item); 60 levels are some 28 nested lists.
MAX_NESTING = 60
_md = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING + 2}).enable("table")


class MarkdownError(ReportError):
    """Markdown that cannot be shown whole; `line` (a parameter) is 1-based. Its file is the
    caller's to say: `MarkdownError(code, line=…, **params)`."""

    @property
    def line(self) -> int:
        return self.params["line"]


def _inline(token) -> Text:
    spans: list[Span] = []
    bold = italic = 0
    links: list[tuple[str, int]] = []  # the target of each link open here, and where its text starts
    for child in token.children or []:
        t = child.type
        if t == "link_open":
            links.append((str(child.attrs.get("href", "")), len(spans)))
        elif t == "link_close" and links:
            # the target is printed after the link text (a report is also read on paper): kept
            # whole, however long; not repeated when the text is the target itself (<https://…>)
            href, start = links.pop()
            shown = "".join(s.text for s in spans[start:])
            if href and href not in (shown, f"mailto:{shown}", _md.normalizeLink(shown)):
                spans.append(Span(f" ({href})", bold > 0, italic > 0))
        elif t == "strong_open":
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
    """Paragraphs, `#` headings, lists at any depth (each item with its level), tables, code blocks, bold, italic
    and links (their target printed after them). Nothing typed is dropped: Markdown nested beyond
    what can be read is a MarkdownError at its line."""
    tokens = _md.parse(source)
    deepest = max(tokens, key=lambda t: t.level, default=None)
    if deepest is not None and deepest.level >= MAX_NESTING:
        line = next((t.map[0] + 1 for t in reversed(tokens[:tokens.index(deepest) + 1]) if t.map), 1)
        raise MarkdownError("markdown.nested_too_deep", line=line, levels=MAX_NESTING // 2 - 2)
    blocks: list[Block] = []
    list_kinds: list[BlockKind] = []
    heading: BlockKind | None = None
    rows: list[tuple[Text, ...]] | None = None  # inside a table
    for tok in tokens:
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
        elif tok.type == "table_open":
            rows = []
        elif tok.type == "tr_open" and rows is not None:
            rows.append(())
        elif tok.type == "table_close" and rows is not None:
            blocks.append(Block(BlockKind.TABLE, (), rows=tuple(rows)))
            rows = None
        elif tok.type in ("fence", "code_block"):
            code = tok.content.rstrip("\n")
            if code.strip():
                blocks.append(Block(BlockKind.CODE, (Span(code),)))
        elif tok.type == "inline" and rows is not None:
            rows[-1] += (_inline(tok),)
        elif tok.type == "inline":
            kind = heading or (list_kinds[-1] if list_kinds else BlockKind.PARAGRAPH)
            level = len(list_kinds) - 1 if list_kinds and not heading else 0
            blocks.append(Block(kind, _inline(tok), level=level))
    return number_lists(blocks)
