"""What partners really type (issue 16), one habit per test, each on a workbook typed that way:
`check` names the cell, and the report shows the entry as the partner meant it.

The workbooks are the small sample cluster of conftest.py with a few cells typed over; the report is
the chapter as content.py composes it for both templates (one test renders the Word file and the
HTML as well).
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font

from competency_maps.messages import render
from competency_maps.errors import Issue, Severity
from competency_maps.inputs import config
from competency_maps.cli import main
from competency_maps.console import Console
from competency_maps.report.content import about_block, build_content, chapter
from competency_maps.inputs.gather import check_files
from competency_maps.inputs.habits import is_placeholder, typed_list
from competency_maps.model.richtext import Span, plain
from competency_maps.model.schema import build_schema
from conftest import INPUTS, typed

FILE = "cluster.xlsx"


@pytest.fixture(scope="module")
def deliverable():
    return config.load(INPUTS)


def printed(path) -> str:
    """What `build.py check FILE` prints."""
    out = io.StringIO()
    main(["--inputs", str(INPUTS), "check", str(path)], Console(out, io.StringIO(), False))
    return out.getvalue()


def check(path) -> list[Issue]:
    """What `build.py check FILE` finds (against the shipped deliverable.toml)."""
    d = config.load(INPUTS)
    [res] = check_files([path], build_schema(d.topics, d.theme_names), d.topics)
    return res.issues


def codes(issues: list[Issue]) -> list[str]:
    return [i.code for i in issues]


def read(path, schema, deliverable):
    [res] = check_files([path], schema, deliverable.topics)
    return res


def swot(ch, topic: str, quadrant: str) -> list[tuple[str, list[str]]]:
    """(group, entries) of one topic and quadrant as the chapter prints them."""
    side = "left" if quadrant in ("Strength", "Opportunity") else "right"
    pair = ch.swot_pairs[0 if quadrant in ("Strength", "Weakness") else 1]
    row = next((r for r in pair.rows if r.topic == topic), None)
    block = getattr(row, side) if row else None
    return [(g.name, [plain(e) for e in g.entries]) for g in block.groups] if block else []


def shown(path, schema, deliverable):
    return chapter(read(path, schema, deliverable).cluster, deliverable)


def line(issues: list[Issue], sheet: str, cell: str, severity: str = "") -> Issue:
    """The issue about file › sheet › cell (of that severity: "ERROR", "WARNING", "INFO")."""
    found = [i for i in issues if (i.location.file, i.location.sheet, i.location.cell) == (FILE, sheet, cell)
             and (not severity or i.severity.value == severity.lower())]
    assert found, f"nothing about {FILE} › {sheet} › {cell} in:\n{issues}"
    return found[0]


# --- 1. bullets, dashes and numbers typed by hand ---------------------------------------------


@pytest.mark.slow
def test_bulleted_lines_in_one_cell_become_entries(tmp_path, make_workbook, schema, deliverable):
    path = make_workbook(tmp_path, edit=typed({"SWOT!D2": "• Matchmaking events\n• Training for SMEs"}))
    found = line(check(path), "SWOT", "D2", "INFO")
    assert found.code == "list.lines.bulleted.entry" and found.params["count"] == 2
    t1 = schema.topics[0]
    assert swot(shown(path, schema, deliverable), t1, "Strength")[0] == (
        "HR", ["Matchmaking events", "Training for SMEs"])


@pytest.mark.slow
def test_a_typed_dash_is_not_printed_before_the_bullet(tmp_path, make_workbook, schema, deliverable):
    path = make_workbook(tmp_path, edit=typed({"SWOT!D4": "- Few resources", "TOWS!D2": "•Develop a plan"}))
    out = check(path)
    assert line(out, "SWOT", "D4").code == "list.marker.bullet"
    line(out, "TOWS", "D2", "INFO")
    ch = shown(path, schema, deliverable)
    assert swot(ch, schema.topics[0], "Weakness")[0] == ("HR", ["Few resources"])
    assert plain(ch.tows[0].rows[0].cells[0].entries[0].text) == "Develop a plan"


@pytest.mark.slow
def test_a_typed_number_in_a_numbered_row_is_not_doubled(tmp_path, make_workbook, schema, deliverable):
    path = make_workbook(tmp_path, edit=typed({"Step 1!B6": "1. Already numbered",
                                               "Step 1!B7": "2) Also numbered"}))
    out = check(path)
    assert line(out, "Step 1", "B6").code == "list.marker.number"
    step1 = shown(path, schema, deliverable).step1
    assert [(b.number, b.plain) for b in step1[4:6]] == [(1, "Already numbered"), (2, "Also numbered")]


@pytest.mark.slow
def test_a_paragraph_typed_as_a_list_is_printed_as_one(tmp_path, make_workbook, schema, deliverable):
    path = make_workbook(tmp_path, edit=typed({"Step 1!A3": None, "Step 1!B3": "* first\n* second\n* third"}))
    found = line(check(path), "Step 1", "B3")
    assert found.code == "list.typed.bulleted" and found.params["count"] == 3
    step1 = shown(path, schema, deliverable).step1
    assert [(b.kind.value, b.plain) for b in step1[1:4]] == [("bullet", "first"), ("bullet", "second"),
                                                            ("bullet", "third")]


def test_a_careful_partners_text_is_left_as_typed():
    for s in ("-5 % of members", "2020. was a hard year", "1.5 million euros", "*important* news",
              "→ F+E → Fördermittel", "Heading: then text", "Trippel Kette: EXCELLENCE | Startups"):
        assert typed_list((Span(s),)) is None, s
        assert not is_placeholder(s), s


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1),
                min_size=1, max_size=5), st.sampled_from(["• ", "- ", "–  ", "\uf0b7\t", "1. ", "(2) "]))
def test_typed_items_come_back_without_their_markers(items, marker):
    items = [" ".join(i.split()) for i in items]
    if any(not i or typed_list((Span(i),)) is not None for i in items):
        return  # an item that itself looks like a marker: not this property
    tl = typed_list((Span("\n".join(marker + i for i in items)),))
    assert tl is not None and [plain(t) for t in tl.items] == items


# --- 1. incomplete or odd content ---------------------------------------------------------------


@pytest.mark.slow
def test_a_skipped_swot_topic_is_a_warning(tmp_path, make_workbook, sample_cluster, schema, deliverable):
    t3 = schema.topics[2]
    sample_cluster.swot = [e for e in sample_cluster.swot if e.topic != t3]
    path = make_workbook(tmp_path, sample_cluster)
    out = check(path)
    found = line(out, "SWOT", "", "WARNING")
    assert found.code == "swot.topic.empty" and found.params["topic"] == t3
    assert codes(out) == ["swot.topic.empty"]  # the other topics have every quadrant
    assert all(r.topic != t3 for p in shown(path, schema, deliverable).swot_pairs for r in p.rows)


@pytest.mark.slow
def test_the_same_entry_three_times_is_printed_once(tmp_path, make_workbook, schema, deliverable):
    t1 = schema.topics[0]
    path = make_workbook(tmp_path, edit=typed({
        "SWOT!A4": t1, "SWOT!B4": "Strength", "SWOT!C4": "HR", "SWOT!D4": "Strength 1a",
        "SWOT!A5": t1, "SWOT!B5": "Strength", "SWOT!C5": "HR", "SWOT!D5": " strength 1A "}))
    out = check(path)
    for cell in ("D4", "D5"):
        found = line(out, "SWOT", cell, "WARNING")
        assert found.code == "entry.repeated" and found.params["first_cell"] == "D2"
    assert swot(shown(path, schema, deliverable), t1, "Strength")[0] == ("HR", ["Strength 1a"])


@pytest.mark.slow
@pytest.mark.parametrize("placeholder", ["TBD", "...", "xxx", "?", "…", "tbc."])
def test_placeholders_are_left_out_with_a_warning(tmp_path, make_workbook, schema, deliverable, placeholder):
    path = make_workbook(tmp_path, edit=typed({"SWOT!D2": placeholder}))
    assert line(check(path), "SWOT", "D2", "WARNING").code == "row.placeholder"
    assert swot(shown(path, schema, deliverable), schema.topics[0], "Strength") == [
        ("Financial", ["Strength 1b with bold\nand a second line"])]


def test_struck_through_text_is_left_out_and_said(tmp_path, make_workbook, schema, deliverable):
    def edit(wb):
        ws = wb["SWOT"]
        ws["D2"].font = Font(strike=True)  # the whole entry: how people mark a deletion
        ws["D4"] = CellRichText(["Keep this", TextBlock(InlineFont(strike=True), " but not this")])

    path = make_workbook(tmp_path, edit=edit)
    out = check(path)
    whole, part = line(out, "SWOT", "D2"), line(out, "SWOT", "D4")
    assert (whole.code, whole.params["text"]) == ("cell.struck.whole", "'Strength 1a'")
    assert (part.code, part.params["text"]) == ("cell.struck.part", "'but not this'")
    assert "entry.empty" not in codes(out)  # the struck row is said once
    ch = shown(path, schema, deliverable)
    t1 = schema.topics[0]
    assert [g for g, _ in swot(ch, t1, "Strength")] == ["Financial"]
    assert swot(ch, t1, "Weakness")[0] == ("HR", ["Keep this"])


def test_hidden_rows_and_columns_are_read_and_said(tmp_path, make_workbook, schema, deliverable):
    def edit(wb):
        wb["SWOT"].row_dimensions[5].hidden = True
        wb["TOWS"].column_dimensions["C"].hidden = True

    path = make_workbook(tmp_path, edit=edit)
    out = check(path)
    last = chr(ord("A") + len(schema.sheet("SWOT").columns) - 1)  # D, or E with the Theme column
    row, column = line(out, "SWOT", f"A5:{last}5", "WARNING"), line(out, "TOWS", "C:C", "WARNING")
    assert (row.code, row.params["row"]) == ("row.hidden", 5)
    assert (column.code, column.params["letter"], column.params["name"]) == ("column.hidden", "C", "Format")
    assert "Weakness 1b with bold\nand a second line" in swot(
        shown(path, schema, deliverable), schema.topics[0], "Weakness")[1][1]


def test_text_beside_the_table_or_in_the_read_me_is_quoted(tmp_path, make_workbook):
    path = make_workbook(tmp_path, edit=typed({"SWOT!F3": "ask Anna about this one",
                                               "Read me!B30": "Our SWOT was done in June"}))
    out = check(path)
    beside, readme = line(out, "SWOT", "F3", "WARNING"), line(out, "Read me", "B30", "WARNING")
    assert (beside.code, beside.params["text"]) == ("cell.outside_columns", "'ask Anna about this one'")
    assert (readme.code, readme.params["text"]) == ("template.readme.typed", "'Our SWOT was done in June'")


@pytest.mark.slow
def test_groups_are_gathered_in_order_of_first_appearance(tmp_path, make_workbook, schema, deliverable):
    t1 = schema.topics[0]
    path = make_workbook(tmp_path, edit=typed({
        "SWOT!A4": t1, "SWOT!B4": "Strength", "SWOT!C4": " hr", "SWOT!D4": "Another HR entry"}))
    out = check(path)
    found = line(out, "SWOT", "C4", "INFO")
    assert found.code == "group.spelling"
    assert (found.params["group"], found.params["name"], found.params["first_cell"]) == ("'hr'", "HR", "C2")
    assert "group.regathered" in codes(out)
    assert swot(shown(path, schema, deliverable), t1, "Strength") == [
        ("HR", ["Strength 1a", "Another HR entry"]), ("Financial", ["Strength 1b with bold\nand a second line"])]


@pytest.mark.slow
def test_a_row_left_without_group_stays_with_the_group_above(tmp_path, make_workbook, schema, deliverable):
    t1 = schema.topics[0]
    path = make_workbook(tmp_path, edit=typed({  # HR, (same), Financial: nothing to gather
        "SWOT!A3": t1, "SWOT!B3": "Strength", "SWOT!C3": None, "SWOT!D3": "Same group as above",
        "SWOT!A4": t1, "SWOT!B4": "Strength", "SWOT!C4": "Financial", "SWOT!D4": "Money"}))
    assert "group.regathered" not in codes(check(path))
    assert [g for g, _ in swot(shown(path, schema, deliverable), t1, "Strength")] == ["HR", "", "Financial"]


# --- 1. and 2. messages that do not mislead -------------------------------------------------------


@pytest.mark.slow
def test_a_title_row_above_the_header_is_skipped_and_named(tmp_path, make_workbook, schema, deliverable,
                                                           sample_cluster):
    def edit(wb):
        ws = wb["SWOT"]
        ws.insert_rows(1)
        ws["A1"] = "SWOT analysis of the Test Cluster"

    path = make_workbook(tmp_path, edit=edit)
    out = check(path)
    found = line(out, "SWOT", "A1", "WARNING")
    assert found.code == "sheet.row_above_header"
    assert (found.params["row"], found.params["header"]) == (1, 2)
    assert found.params["text"] == "'SWOT analysis of the Test Cluster'"
    assert codes(out) == ["sheet.row_above_header"]
    assert shown(path, schema, deliverable).swot_pairs == chapter(sample_cluster, deliverable).swot_pairs


def test_two_quadrants_in_one_cell_say_one_per_row(tmp_path, make_workbook):
    out = check(make_workbook(tmp_path, edit=typed({"SWOT!B2": "Weakness, Threat"})))
    found = line(out, "SWOT", "B2", "ERROR")
    assert found.code == "cell.choice.several"
    assert (found.params["count"], found.params["column"]) == (2, "Quadrant")
    assert (found.params["first"], found.params["others"]) == ("Weakness", ("Threat",))


def test_a_misspelt_choice_gets_a_suggestion(tmp_path, make_workbook):
    found = line(check(make_workbook(tmp_path, edit=typed({"SWOT!B2": "Strenght"}))), "SWOT", "B2", "ERROR")
    assert found.code == "cell.choice.unknown.close"
    assert (found.params["value"], found.params["column"], found.params["suggestion"]) == (
        "Strenght", "Quadrant", "Strength")


def test_a_year_typed_into_a_date_formatted_cell(tmp_path, make_workbook, schema, deliverable):
    def edit(wb):
        wb["Cluster"]["B5"] = 2019
        wb["Cluster"]["B5"].number_format = "dd/mm/yyyy"  # shows 11/07/1905
        wb["Cluster"]["B6"] = dt.datetime(1901, 9, 11)  # 620 typed into a date cell, as saved

    path = make_workbook(tmp_path, edit=edit)
    out = check(path)
    assert line(out, "Cluster", "B5", "INFO").params["number"] == 2019
    assert line(out, "Cluster", "B6", "INFO").params["number"] == 620
    assert codes(out) == ["profile.number.date_cell"] * 2
    p = read(path, schema, deliverable).cluster.profile
    assert (p.founded, p.members) == (2019, 620)
    assert "Founded 2019" in about_block(read(path, schema, deliverable).cluster, deliverable.labels).facts


def test_one_warning_per_missing_tows_topic_saying_what_is_shown(tmp_path, make_workbook, sample_cluster,
                                                                 schema):
    t2 = schema.topics[1]
    sample_cluster.tows = [e for e in sample_cluster.tows if e.topic != t2]
    out = check(make_workbook(tmp_path, sample_cluster))
    [tows] = [i for i in out if i.location.sheet == "TOWS"]
    assert (tows.code, tows.params["topic"]) == ("tows.topic.empty", t2)


def test_an_empty_step1_is_an_error_at_its_first_row(tmp_path, make_workbook, sample_cluster):
    sample_cluster.step1 = []
    out = check(make_workbook(tmp_path, sample_cluster))
    found = line(out, "Step 1", "A2", "ERROR")
    assert found.code == "step.empty"


def test_an_error_is_not_followed_by_the_warnings_it_causes(tmp_path, make_workbook):
    out = check(make_workbook(tmp_path, edit=typed({"SWOT!B1": "Quadrnt"})))
    found = line(out, "SWOT", "B1", "ERROR")
    assert (found.code, found.params["name"]) == ("header.missing", "Quadrant")
    assert codes(out) == ["header.missing"]  # no "no SWOT entries" for the sheet in error


# --- the report itself ------------------------------------------------------------------------


@pytest.mark.slow
def test_both_outputs_print_what_the_partner_meant(tmp_path, make_workbook, schema, deliverable):
    from competency_maps.render.docx.render import render_docx
    from competency_maps.render.pdf.render import render_html
    from reports import docx_paragraphs

    path = make_workbook(tmp_path, edit=typed({
        "SWOT!D2": "• Matchmaking events\n• Training for SMEs", "SWOT!D4": "- Few resources",
        "Step 1!B6": "1. Already numbered"}))
    cluster = read(path, schema, deliverable).cluster
    content = build_content(deliverable, [chapter(cluster, deliverable)], [cluster])
    paragraphs = docx_paragraphs(render_docx(content))
    words = [t for _, t in paragraphs]
    for text in ("Matchmaking events", "Training for SMEs", "Few resources"):
        assert ("List Bullet", text) in paragraphs, text
    assert "Already numbered" in words or "1.\tAlready numbered" in words  # Word numbers it, once
    assert not any(w.startswith(("•", "- ")) or "1. 1." in w for w in words)
    html = render_html(content)
    assert "<li>Matchmaking events</li>" in html and "<li>Few resources</li>" in html
    assert "• Matchmaking" not in html


# --- 5. the website, printed as a link -------------------------------------------------------------


@pytest.mark.slow
def test_a_website_without_https_is_linked_in_both_outputs(tmp_path, make_workbook, schema, deliverable):
    from competency_maps.render.docx.render import render_docx
    from competency_maps.render.pdf.render import render_html

    path = make_workbook(tmp_path, edit=typed({"Cluster!B8": " www.test-cluster.eu "}))
    assert [i for i in check(path) if i.severity is not Severity.INFO] == []
    cluster = read(path, schema, deliverable).cluster
    content = build_content(deliverable, [chapter(cluster, deliverable)], [cluster])
    [about] = content.about
    assert (about.website, about.website_url) == ("www.test-cluster.eu", "https://www.test-cluster.eu")
    assert '<a href="https://www.test-cluster.eu">www.test-cluster.eu</a>' in render_html(content)
    import zipfile
    with zipfile.ZipFile(io.BytesIO(render_docx(content))) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
        body = z.read("word/document.xml").decode()
    [rid] = re.findall(r'Id="(rId\d+)"[^>]*Target="https://www.test-cluster.eu"', rels) or \
        re.findall(r'Target="https://www.test-cluster.eu"[^>]*Id="(rId\d+)"', rels)
    assert re.search(rf'<w:hyperlink r:id="{rid}"[^>]*>.*?www.test-cluster.eu</w:t>', body)


@pytest.mark.parametrize("website, code", [("info@test-cluster.eu", "profile.website.email"),
                                           ("javascript:alert(1)", "profile.website.invalid"),
                                           ("see our site", "profile.website.invalid")])
def test_what_is_no_website_is_a_located_error(tmp_path, make_workbook, website, code):
    found = line(check(make_workbook(tmp_path, edit=typed({"Cluster!B8": website}))), "Cluster", "B8", "ERROR")
    assert found.code == code and found.params["value"] == f"'{website}'"
    assert (found.params["example"], found.params["example_bare"]) == ("https://pole-moveo.org", "pole-moveo.org")


# --- 3. what the workbook itself says -------------------------------------------------------------


@pytest.mark.slow
def test_notes_to_the_coordinator_are_printed_by_check_never_by_the_report(tmp_path, make_workbook, schema,
                                                                           deliverable):
    from competency_maps.render.docx.render import render_docx
    from competency_maps.render.pdf.render import render_html
    from reports import docx_text

    path = make_workbook(tmp_path, edit=typed({"Notes to the coordinator!A2": "TOWS topic 3 follows next week",
                                               "Notes to the coordinator!A4": "Who signs?\nAnna or Ben"}))
    out = printed(path)
    heading = render("console.check.notes", {"sheet": "Notes to the coordinator"}).message  # messages/console.py
    assert (f"  {heading}\n    A2: TOWS topic 3 follows next week\n"
            "    A4: Who signs?\n      Anna or Ben\n") in out
    cluster = read(path, schema, deliverable).cluster
    content = build_content(deliverable, [chapter(cluster, deliverable)], [cluster])
    assert "next week" not in render_html(content) and "next week" not in docx_text(render_docx(content))


def test_a_workbook_of_another_template_version_is_said(tmp_path, make_workbook):
    def edit(wb):
        wb.custom_doc_props["CompetencyMapSchemaVersion"].value = "9"

    out = check(make_workbook(tmp_path, edit=edit))
    found = line(out, "", "", "WARNING")
    assert (found.code, found.params["version"]) == ("template.newer", 9)


def test_a_gathered_group_takes_its_rows_left_without_group_along(tmp_path, make_workbook, schema, deliverable):
    t1 = schema.topics[0]
    path = make_workbook(tmp_path, edit=typed({  # HR, (same), Financial, HR
        "SWOT!A3": t1, "SWOT!B3": "Strength", "SWOT!C3": None, "SWOT!D3": "Same group as above",
        "SWOT!A4": t1, "SWOT!B4": "Strength", "SWOT!C4": "Financial", "SWOT!D4": "Money",
        "SWOT!A5": t1, "SWOT!B5": "Strength", "SWOT!C5": "HR", "SWOT!D5": "HR again"}))
    assert line(check(path), "SWOT", "C5", "INFO").code == "group.regathered"
    assert swot(shown(path, schema, deliverable), t1, "Strength") == [
        ("HR", ["Strength 1a", "Same group as above", "HR again"]), ("Financial", ["Money"])]


@pytest.mark.parametrize("cell", ["§\tFirst\n§\tSecond", "o\tFirst\no\tSecond", "Ø\tFirst\nØ\tSecond",
                                  "ü\tFirst\nü\tSecond", "▪\tFirst\n➢\tSecond"])
def test_words_plain_text_bullets_are_bullets(cell):
    """Word's list bullets pasted as plain text: the symbol font's letter and a tab."""
    found = typed_list((Span(cell),))
    assert found is not None and [plain(i) for i in found.items] == ["First", "Second"]


@pytest.mark.parametrize("cell", ["o de Janeiro", "ü ber", "§ 3 of the statutes", "Ø 12 mm"])
def test_those_letters_without_a_tab_are_text(cell):
    assert typed_list((Span(cell),)) is None
