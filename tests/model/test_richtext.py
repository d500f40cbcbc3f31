from competency_maps.model.richtext import (Block, BlockKind, Span, normalise, number_lists, parse_inline_markdown,
                                      parse_markdown, plain)

K = BlockKind


def kinds(blocks):
    return [(b.kind, b.plain, b.number) for b in blocks]


def test_paragraphs_and_headings():
    blocks = parse_markdown("# Title\n\nFirst paragraph\ncontinues here.\n\n### Small\n\nSecond.\n")
    assert kinds(blocks) == [
        (K.HEADING, "Title", 0),
        (K.PARAGRAPH, "First paragraph continues here.", 0),  # a soft break is a space
        (K.SUBHEADING, "Small", 0),
        (K.PARAGRAPH, "Second.", 0),
    ]


def test_bullets():
    blocks = parse_markdown("Intro\n\n- one\n- two\n* three\n")
    assert [(b.kind, b.plain) for b in blocks] == [
        (K.PARAGRAPH, "Intro"), (K.BULLET, "one"), (K.BULLET, "two"), (K.BULLET, "three")]


def test_numbered_lists_count_from_one_and_restart():
    blocks = parse_markdown("1. a\n2. b\n3. c\n\nBetween.\n\n1. d\n2. e\n\n- x\n\n1. f\n")
    assert kinds(blocks) == [
        (K.NUMBERED, "a", 1), (K.NUMBERED, "b", 2), (K.NUMBERED, "c", 3),
        (K.PARAGRAPH, "Between.", 0),
        (K.NUMBERED, "d", 1), (K.NUMBERED, "e", 2),
        (K.BULLET, "x", 0),
        (K.NUMBERED, "f", 1),
    ]


def test_bold_and_italic():
    [b] = parse_markdown("Plain **bold** and *italic* and ***both***.")
    assert b.text == (Span("Plain "), Span("bold", bold=True), Span(" and "),
                      Span("italic", italic=True), Span(" and "),
                      Span("both", bold=True, italic=True), Span("."))


def test_emphasis_inside_list_items():
    blocks = parse_markdown("- **Business Accelerator** by Mov'eo\n")
    assert blocks[0].kind is K.BULLET
    assert blocks[0].text == (Span("Business Accelerator", bold=True), Span(" by Mov'eo"))


def test_hard_break_is_a_line_break():
    [b] = parse_markdown("line one  \nline two")
    assert b.plain == "line one\nline two"


def test_empty_source():
    assert parse_markdown("") == []


def test_inline_keeps_line_breaks():
    assert parse_inline_markdown("a\nb **c**") == (Span("a\nb "), Span("c", bold=True))
    assert plain(parse_inline_markdown("one\n\ntwo")) == "one\n\ntwo"


def test_inline_emphasis():
    assert parse_inline_markdown("*it* and **bold**") == (
        Span("it", italic=True), Span(" and "), Span("bold", bold=True))


def test_inline_does_not_make_blocks():
    # a line that looks like a list item or a heading stays literal text inside a cell
    assert plain(parse_inline_markdown("- not a bullet\n# not a heading\n1. not numbered")) == (
        "- not a bullet\n# not a heading\n1. not numbered")


def test_inline_empty():
    assert parse_inline_markdown("") == ()


def test_normalise_merges_and_drops_empty():
    assert normalise([Span("a"), Span(""), Span("b"), Span("c", bold=True), Span("d", bold=True)]) == (
        Span("ab"), Span("cd", bold=True))


def test_number_lists_restart_after_other_blocks():
    n, p = K.NUMBERED, K.PARAGRAPH
    blocks = [Block(n, (Span("a"),)), Block(n, (Span("b"),)), Block(p, (Span("x"),)),
              Block(n, (Span("c"),))]
    assert [b.number for b in number_lists(blocks)] == [1, 2, 0, 1]


# --- nothing typed in Markdown is dropped (tables, code, deep lists, long links) -------------------

import pytest  # noqa: E402

from competency_maps.model.richtext import MAX_NESTING, MarkdownError  # noqa: E402

from markdown_samples import LONG_URL, MARKDOWN  # noqa: E402


def test_a_list_nested_ten_levels_keeps_every_item_and_what_follows():
    blocks = parse_markdown(MARKDOWN)
    assert [b.plain for b in blocks if b.kind is BlockKind.BULLET] == [f"level {i}" for i in range(10)]
    assert blocks[-1].plain == "After the list."


def test_lists_nested_beyond_reading_are_an_error_at_their_line():
    deep = "Intro.\n\n" + "".join("  " * i + f"- level {i}\n" for i in range(MAX_NESTING))
    with pytest.raises(MarkdownError) as e:
        parse_markdown(deep + "\nAfter.\n")
    assert e.value.code == "markdown.nested_too_deep"
    assert 3 <= e.value.line <= 3 + MAX_NESTING


def test_a_table_is_a_table_of_rich_cells():
    [table] = [b for b in parse_markdown(MARKDOWN) if b.kind is BlockKind.TABLE]
    assert table.rows == (((Span("Partner"),), (Span("Role"),)), ((Span("Mov'eo"),), (Span("lead", bold=True),)))


def test_a_code_block_keeps_its_lines_and_spaces():
    [code] = [b for b in parse_markdown(MARKDOWN) if b.kind is BlockKind.CODE]
    assert code.plain == "code  here\n  indented"
    assert parse_markdown("    indented code\n")[0] == Block(BlockKind.CODE, (Span("indented code"),))


def test_a_link_keeps_its_target_however_long():
    [para] = [b for b in parse_markdown(MARKDOWN) if b.plain.startswith("See")]
    assert para.plain == f"See the site ({LONG_URL}) and https://example.org/b."


# --- links ------------------------------------------------------------------------------------

from hypothesis import given as _given  # noqa: E402
from hypothesis import strategies as _st  # noqa: E402

from competency_maps.model.richtext import linkify, safe_url, web_address  # noqa: E402


@_given(_st.text())
def test_linkify_keeps_every_character_and_links_only_safe_addresses(s):
    out = linkify((Span(s, bold=True),))
    assert "".join(x.text for x in out) == s
    assert all(x.bold for x in out)
    assert all(x.url == "" or safe_url(x.url) == x.url for x in out)


def test_addresses_as_people_type_them_become_links():
    out = linkify((Span("Visit www.pole-moveo.org, https://x.eu/a?b=1. Mail a.b@c.org."),))
    links = {x.text: x.url for x in out if x.url}
    assert links == {"www.pole-moveo.org": "https://www.pole-moveo.org", "https://x.eu/a?b=1": "https://x.eu/a?b=1",
                     "a.b@c.org": "mailto:a.b@c.org"}
    assert web_address("recipe4mobility.eu") == "https://recipe4mobility.eu"


def test_nothing_but_web_and_mail_links_is_ever_clickable():
    for url in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "\\\\server\\share", "ftp://x"):
        assert safe_url(url) == ""


def test_nested_lists_keep_their_level_and_numbering_goes_on_after_a_nested_list():
    blocks = parse_markdown("1. a\n   - x\n     - deep\n2. b\n   1. c\n\npara\n\n1. f")
    assert [(b.kind.value, b.level, b.number, b.plain) for b in blocks] == [
        ("numbered", 0, 1, "a"), ("bullet", 1, 0, "x"), ("bullet", 2, 0, "deep"), ("numbered", 0, 2, "b"),
        ("numbered", 1, 1, "c"), ("paragraph", 0, 0, "para"), ("numbered", 0, 1, "f")]


def test_markdown_images_are_found_with_their_line_alt_text_and_target():
    from competency_maps.model.richtext import markdown_images
    src = "# Title\n\nText ![A](a.png)\n\n- item\n  ![B](dir/b.svg \"t\")\n\n`![not](code.png)`\n"
    assert markdown_images(src) == [(3, "A", "a.png"), (6, "B", "dir/b.svg")]
