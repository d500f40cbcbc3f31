"""The coordinator's review of the synthesis: the review workbook the build writes, the one it reads
back (as untrusted as a partner's), and what the chapter then prints in both outputs."""

from __future__ import annotations

import io
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from competency_maps.commands.build import _print_review
from competency_maps.commands.rendering import render_all
from competency_maps.console import Console
from competency_maps.report.content import build_content, chapter
from competency_maps.errors import RenderError
from competency_maps.inputs.gather import gather, workbook_files
from competency_maps.render.pdf.result import RenderedPdf
from competency_maps.render.docx.render import render_docx
from competency_maps.render.pdf.render import render_html
from competency_maps.model.richtext import Span, plain, text_of
from competency_maps.analysis.decisions import (COLUMNS, REVIEW_NAME, SHEET, Decision, Review, ReviewRow,
                                                candidate_key, capped_issue, entries_text, reconcile, stale_issues)
from competency_maps.inputs.review import read_review
from competency_maps.analysis.synthesis import MAX_COMPLEMENTARITIES
from competency_maps.xlsx.review import review_workbook, summary
from parity import docx_blocks
from recording import Run, run
from reports import INPUTS, sample_content, sample_gathered

WHEN = sample_gathered().deliverable.date


def _review_sheet(data: bytes):
    return load_workbook(io.BytesIO(data))[SHEET]


def _content(review: Review | None, draft: bool = False, clusters=None):
    g = sample_gathered()
    d, clusters = g.deliverable, clusters or g.clusters
    return build_content(d, [chapter(c, d) for c in clusters], clusters, draft=draft, review=review)


def _shown(content) -> list[str]:
    s = content.synthesis
    return [plain(f.sentence) for f in s.convergences + s.complementarities]


def _copy_review(tmp_path: Path, edit=None) -> Path:
    """A copy of the shipped review file, `edit(ws)` applied to its sheet as Excel would save it."""
    folder = tmp_path / "inputs"
    folder.mkdir(exist_ok=True)
    wb = load_workbook(INPUTS / REVIEW_NAME)
    if edit:
        edit(wb[SHEET])
    wb.save(folder / REVIEW_NAME)
    return folder


# --- the shipped review file --------------------------------------------------------------------


@pytest.mark.slow
def test_the_shipped_review_prints_exactly_its_yes_rows_in_its_order_in_both_outputs():
    review = sample_gathered().review
    assert review.path is not None and not review.issues
    yes = [r for r in review.rows if r.include]
    assert 5 <= len(yes) < len(review.rows) and all(r.include is False for r in review.rows if not r.include)
    content = sample_content()
    decisions = content.synthesis.decisions  # in step with the sample (else: tools/make_synthesis_review.py)
    assert all(d.candidate is not None and d.row is not None for d in decisions)
    expected = [plain(r.wording) or None for r in yes]
    shown = _shown(content)
    assert len(shown) == len(yes)
    assert [w for w in expected if w] == [s for s, w in zip(shown, expected) if w]  # wording, in order
    word = " ".join(docx_blocks(render_docx(content)))
    html = render_html(content)
    for sentence in shown:
        assert sentence in word and sentence.replace("'", "&#39;") in html


@pytest.mark.slow
def test_a_row_changed_to_no_leaves_both_outputs_on_the_next_build(tmp_path):
    shipped = _shown(sample_content())
    victim = shipped[1]

    def to_no(ws):
        include = COLUMNS.index("Include") + 1
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, include).value == "Yes"
                   and ws.cell(r, include + 1).value == victim)
        ws.cell(row, include).value = "No"
    review = read_review(_copy_review(tmp_path, to_no))
    content = _content(review)
    assert _shown(content) == [s for s in shipped if s != victim]
    assert victim not in " ".join(docx_blocks(render_docx(content)))
    assert victim.replace("'", "&#39;") not in render_html(content)


def test_the_wording_replaces_only_the_sentence_the_entries_are_still_quoted():
    content = sample_content()
    row = next(r for r in sample_gathered().review.rows if r.include and r.wording)
    finding = next(f for f in content.synthesis.convergences + content.synthesis.complementarities
                   if f.sentence == row.wording)
    assert [plain(q) for q in finding.items] and all("“" in plain(q) for q in finding.items)
    quoted = [line.split(": “", 1)[1] for line in row.entries.splitlines()]
    assert [plain(q).split("“", 1)[1] for q in finding.items] == quoted


def test_the_issues_pairings_are_not_in_the_sample_report():
    synthesis = render_html(sample_content()).split('id="synthesis"')[1].split('id="conclusions"')[0]
    for entry in ("Collaborative spirit and commitment within the team", "Insufficient Memberships",
                  "We believe that we are among the TOP 10"):
        assert entry not in synthesis


# --- without a review file --------------------------------------------------------------------------


def test_without_a_review_the_workbook_lists_every_candidate_with_its_quoted_entries():
    content = _content(None)
    s = content.synthesis
    assert not s.convergences and not s.complementarities
    ws = _review_sheet(review_workbook(s.decisions, marked=s.reviewed, when=WHEN))
    assert [c.value for c in ws[1]] == list(COLUMNS)
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(s.analysis.candidates)
    for (kind, theme, clusters, entries, include, wording), c in zip(rows, s.analysis.candidates):
        assert (kind, theme, clusters, entries, include, wording) == (
            c.kind, c.theme, ", ".join(c.clusters), entries_text(c), None, None)
        assert all(f"{q.cluster} ({q.quadrant}): “{q.entry}”" in entries for q in c.quotes)
    [dv] = ws.data_validations.dataValidation
    assert dv.formula1 == '"Yes,No"' and str(dv.sqref) == f"E2:E{len(rows) + 1}"
    assert not any(ws.cell(r, 1).comment for r in range(2, len(rows) + 2))  # nothing is "new"


def test_without_a_review_the_console_says_how_to_review():
    s = _content(None).synthesis
    final = summary(s.decisions, Review(), "out/x-synthesis-review.xlsx", draft=False)
    assert [(p.code, dict(p.params)) for p in final] == [
        ("console.review.none", {"review": "synthesis-review.xlsx"}),
        ("console.review.how", {"output": "out/x-synthesis-review.xlsx", "yes": "Yes", "no": "No",
                                "review": "synthesis-review.xlsx"})]
    [draft, _] = summary(s.decisions, Review(), "out/x.xlsx", draft=True)
    assert draft.code == "console.review.none.draft" and draft.params["count"] == len(s.analysis.candidates)


# --- new candidates, changed entries ----------------------------------------------------------------


def test_an_edited_entry_makes_its_findings_new_and_warns_about_an_endorsed_one(tmp_path):
    g = sample_gathered()
    review = g.review
    zone = next(c for c in g.clusters if c.name == "Zone Cluster")
    old = "The business model is independent from state financing"
    edited = replace(zone, swot=[replace(e, text=(Span(old + " and regional funding"),)) if e.plain == old
                                 else e for e in zone.swot])
    clusters = [edited if c is zone else c for c in g.clusters]
    content = _content(review, clusters=clusters)
    decisions = content.synthesis.decisions
    new = [d for d in decisions if d.row is None]
    stale = [d for d in decisions if d.candidate is None]
    # the edited entry's findings are new (others may be too: an entry the stale finding quoted is free again)
    assert any(any("regional funding" in q.entry for q in d.candidate.quotes) for d in new)
    assert any(d.row.include for d in stale)  # the endorsed Zone › Mov'eo pairing
    assert not any("business model does without state financing" in s for s in _shown(content))
    [warned] = stale_issues(decisions, review, "x-synthesis-review.xlsx")
    assert str(warned.location).startswith(f"{REVIEW_NAME} › {SHEET} › A") and warned.code == "decision.stale"
    assert dict(warned.params) == {"kind": "Complementarity", "theme": "Funding", "yes": "Yes",
                                   "output": "x-synthesis-review.xlsx"}
    lines = summary(decisions, review, "x-synthesis-review.xlsx", draft=False)
    assert (lines[0].code, lines[0].params["count"], lines[0].params["review"]) == (
        "console.review.new", len(new), REVIEW_NAME)
    ws = _review_sheet(review_workbook(decisions, marked=True, when=WHEN))
    marked = {r: ws.cell(r, 1).comment.text for r in range(2, ws.max_row + 1) if ws.cell(r, 1).comment}
    assert sum("New since" in t for t in marked.values()) == len(new)
    assert sum("Matches no finding" in t for t in marked.values()) == len(stale)
    kept = [row for row in ws.iter_rows(min_row=2, values_only=True) if row[4] == "Yes"]
    assert len(kept) == sum(1 for r in review.rows if r.include)  # the stale Yes row is kept, not dropped


def test_a_draft_prints_endorsed_findings_plain_and_undecided_ones_proposed():
    g = sample_gathered()
    rows = g.review.rows
    undecided = replace(rows[-1], include=None)
    review = replace(g.review, rows=rows[:-1] + [undecided])
    draft = _shown(_content(review, draft=True))
    final = _shown(_content(review))
    assert [s for s in draft if not s.endswith("(proposed)")] == final
    assert len([s for s in draft if s.endswith("(proposed)")]) == 1


def test_reconcile_keeps_the_review_order_then_appends_new_candidates():
    cands = sample_content().synthesis.analysis.candidates[:4]
    rows = [ReviewRow(i + 2, c.kind, c.theme.upper(), "", entries_text(c).replace("\n", "\r\n "), True)
            for i, c in enumerate(reversed(cands[1:]))]
    decisions = reconcile(cands, Review(Path("r.xlsx"), rows))
    assert [d.candidate for d in decisions] == list(reversed(cands[1:])) + [cands[0]]
    assert decisions[-1].row is None


# --- writing ---------------------------------------------------------------------------------------


def test_same_decisions_same_bytes_and_an_entry_is_never_a_formula():
    s = sample_content().synthesis
    assert review_workbook(s.decisions, True, WHEN) == review_workbook(s.decisions, True, WHEN)
    c = s.analysis.candidates[0]
    hostile = replace(c, theme='=HYPERLINK("http://x","y")')
    data = review_workbook([Decision(hostile, None)], False, WHEN)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    assert _review_sheet(data)["B2"].value == hostile.theme
    bell = review_workbook([Decision(replace(c, theme="Bell\x07"), None)], False, WHEN)
    assert _review_sheet(bell)["B2"].value == "Bell\ufffd"  # shown, not a crash


def test_the_review_file_is_not_read_as_a_partners_workbook():
    assert REVIEW_NAME not in [p.name for p in workbook_files(INPUTS)]
    assert not any(REVIEW_NAME in str(i.location) for i in sample_gathered().issues)


# --- reading a broken or hostile review file ----------------------------------------------------------


def _write(tmp_path: Path, build) -> Review:
    folder = tmp_path / "in"
    folder.mkdir()
    wb = Workbook()
    wb.active.title = SHEET
    build(wb)
    wb.save(folder / REVIEW_NAME)
    return read_review(folder)


def _header(ws):
    ws.append(list(COLUMNS))


@pytest.mark.parametrize("build, where, code, params", [
    (lambda wb: setattr(wb.active, "title", "Sheet1"), f"{REVIEW_NAME}", "review.sheet.missing", {"sheet": SHEET}),
    (lambda wb: wb.active.append(["Kind", "Theme", "Entries"]), f"{SHEET} › row 1", "review.columns.missing",
     {"columns": ("'Include'",), "expected": COLUMNS}),
    (lambda wb: (_header(wb.active), wb.active.append(["Convergence", "X", "", "e", "Maybe"])),
     f"{SHEET} › E2", "review.include.unknown", {"value": "'Maybe'"}),
    (lambda wb: (_header(wb.active), wb.active.append(["Convergence", "X", "", "e", "Yes", "=1+1"])),
     f"{SHEET} › F2", "cell.formula", {"formula": "=1+1"}),  # the cell reader's own issue (inputs/cells.py)
])
def test_a_broken_review_is_a_located_error_with_its_fix(tmp_path, build, where, code, params):
    review = _write(tmp_path, build)
    [err] = review.errors
    assert where in str(err.location) and err.hint and (err.code, dict(err.params)) == (code, params)


def test_an_unreadable_include_is_kept_in_the_next_review_file(tmp_path):
    def build(wb):
        _header(wb.active)
        wb.active.append(["Convergence", "X", "", "e", "Maybe", "Mine"])
    review = _write(tmp_path, build)
    assert [i.location.cell for i in review.issues] == ["E2"]  # no second warning for the Wording
    ws = _review_sheet(review_workbook(reconcile([], review), True, WHEN))
    assert [c.value for c in ws[2]] == ["Convergence", "X", None, "e", "Maybe", "Mine"]


def test_warnings_for_a_wording_without_include_a_repeated_row_control_characters_and_notes(tmp_path):
    def build(wb):
        _header(wb.active)
        wb.active.append(["Convergence", "X", "", "e", None, "Mine"])
        wb.active.append(["Convergence", "X", "", "e", "Yes", "Bell_x0007_"])  # as Excel stores it
        wb.active["H3"] = "ask Mobinov first"
    review = _write(tmp_path, build)
    assert not review.errors
    codes = {(i.code, i.location.cell): dict(i.params) for i in review.warnings}
    assert codes[("review.wording.undecided", "F2")] == {} and codes[("review.row.repeated", "A3")] == {"first": 2}
    assert codes[("review.column.unread", "H3")] == {"column": "H"}
    assert codes[("cell.control_characters", "F3")] == {"count": 1}  # said by inputs/cells.py
    assert plain(review.rows[1].wording) == "Bell\ufffd"


def test_a_review_that_is_no_workbook_is_one_error_never_a_traceback(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / REVIEW_NAME).write_text("Kind;Theme\n", encoding="utf-8")
    review = read_review(folder)
    [err] = review.errors
    assert err.location.file == REVIEW_NAME and not review.rows


@pytest.mark.slow
def test_a_broken_review_stops_a_final_build_naming_it(tmp_path):
    inputs = tmp_path / "inputs"
    shutil.copytree(INPUTS, inputs)
    (inputs / REVIEW_NAME).write_bytes(b"PK\x03\x04 truncated")
    g = gather(inputs)
    assert any(i.location.file == REVIEW_NAME for i in g.errors)


def test_wording_keeps_bold_and_italic(tmp_path):
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    def build(wb):
        _header(wb.active)
        wb.active.append(["Convergence", "X", "", "e", "Yes"])
        wb.active["F2"] = CellRichText(["Plain ", TextBlock(InlineFont(b=True), "bold")])
    review = _write(tmp_path, build)
    assert review.rows[0].wording == (Span("Plain "), Span("bold", bold=True))


# --- the build publishes it with the report ------------------------------------------------------------


class _Quiet(Console):
    def __init__(self):
        self.lines: list[str] = []
        super().__init__(io.StringIO(), io.StringIO(), progress=False)

    def print(self, msg: str = "") -> None:
        self.lines.append(msg)


@pytest.mark.slow
def test_the_review_file_is_published_with_the_report_or_not_at_all(tmp_path, monkeypatch):
    content = _content(None)
    out = tmp_path / "out"
    fake = RenderedPdf(b"%PDF-fake", 1, {}, frozenset())
    monkeypatch.setattr("competency_maps.render.pdf.process.render_here", lambda c: fake)
    monkeypatch.setattr("competency_maps.render.docx.render.render_docx", lambda c, *a, **k: b"docx")
    written = render_all(content, out, "report", console=_Quiet())
    review = out / "report-synthesis-review.xlsx"
    assert review in [p for p, _ in written] and review.read_bytes() == review_workbook(
        content.synthesis.decisions, False, WHEN)
    before = sorted(p.name for p in out.iterdir())

    def broken(*a, **k):
        raise RenderError("pdf.template.failed", error_type="ValueError", detail="a test's failure")
    monkeypatch.setattr("competency_maps.render.docx.render.render_docx", broken)
    endorsed = _content(sample_gathered().review)
    with pytest.raises(RenderError):
        render_all(endorsed, out, "report", console=_Quiet())
    assert sorted(p.name for p in out.iterdir()) == before  # no half-written or new review file
    assert review.read_bytes() == review_workbook(content.synthesis.decisions, False, WHEN)


@pytest.mark.slow
def test_a_build_without_a_review_says_how_to_review_and_the_next_one_reads_it(tmp_path, monkeypatch):
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(INPUTS, inputs, ignore=lambda folder, names: [REVIEW_NAME] if REVIEW_NAME in names else [])
    monkeypatch.setenv("COMPETENCY_MAPS_JOBS", "1")
    monkeypatch.setattr("competency_maps.render.pdf.process.render_here", lambda c: RenderedPdf(b"%PDF", 1, {}, frozenset()))
    monkeypatch.setattr("competency_maps.render.docx.render.render_docx", lambda c, *a, **k: b"docx")

    def build() -> Run:
        r = run("--inputs", inputs, "--output", out)
        assert r.code == 0, r.out
        return r
    first = build()
    written = out / "D2.1-clusters-competency-maps-synthesis-review.xlsx"
    assert first.lines("console.review.none") == [{"review": REVIEW_NAME}]
    assert first.lines("console.review.how")[0]["output"] == str(written)
    wb = load_workbook(written)
    wb[SHEET]["E2"] = "Yes"
    wb.save(inputs / REVIEW_NAME)
    second = build()
    assert not [c for c in second.codes() if c in ("console.review.none", "console.review.new")]
    assert second.lines("console.review.undecided") == [
        {"count": len(sample_content().synthesis.analysis.candidates) - 1, "review": REVIEW_NAME}]
    assert load_workbook(written)[SHEET]["E2"].value == "Yes"


def test_a_proof_writes_no_review_file():
    from reports import proof_content
    assert proof_content("Mobinov").synthesis is None


def test_candidate_keys_ignore_white_space_and_case():
    c = sample_content().synthesis.analysis.candidates[0]
    row = ReviewRow(2, c.kind.upper(), f" {c.theme} ", "", entries_text(c).replace("\n", "\n  "), True,
                    text_of("x"))
    assert row.key == candidate_key(c)


def _capped_content():
    from competency_maps.model.cluster import Cluster, Profile, SwotEntry
    g = sample_gathered()
    d = g.deliverable
    clusters = [Cluster(Profile(short_name=n), swot=[
        SwotEntry(d.topics[0], q, "", text_of(f"{n} funding {q} {i}")) for i in range(40)
        for q in ("Strength", "Weakness")]) for n in (f"C{k}" for k in range(30))]
    return build_content(d, [chapter(c, d) for c in clusters], clusters)


def test_a_capped_synthesis_says_so_in_the_review_file_and_on_the_console(tmp_path, monkeypatch):
    content = _capped_content()
    syn = content.synthesis
    capped = capped_issue(syn.analysis, "r.xlsx")
    assert capped.code == "synthesis.capped" and capped.params["possible"] > MAX_COMPLEMENTARITIES
    assert capped.params["kept"] == len(syn.analysis.complementarities) == MAX_COMPLEMENTARITIES
    assert capped_issue(sample_content().synthesis.analysis, "r.xlsx") is None
    plain_wb = load_workbook(io.BytesIO(review_workbook(syn.decisions, False, WHEN)))
    assert plain_wb[SHEET]["A1"].comment is None
    # the build: the review file it publishes says so (read below), and the console prints the warning
    # with the other review lines
    fake = RenderedPdf(b"%PDF-fake", 1, {}, frozenset())
    monkeypatch.setattr("competency_maps.render.pdf.process.render_here", lambda c: fake)
    monkeypatch.setattr("competency_maps.render.docx.render.render_docx", lambda c, *a, **k: b"docx")
    out = io.StringIO()
    console = Console(out, io.StringIO(), progress=False)
    render_all(content, tmp_path, "report", console=console)
    _print_review(syn, Review(), tmp_path / "report-synthesis-review.xlsx", draft=False, console=console)
    assert capped.message in out.getvalue()
    saved = load_workbook(tmp_path / "report-synthesis-review.xlsx")
    assert saved[SHEET]["A1"].comment.text.startswith(capped.message)
    assert saved["Read me"]["A1"].value == f"{capped.message} {capped.hint}"
    assert saved[SHEET].max_row == len(syn.decisions) + 1


def test_a_review_sheet_that_is_a_chart_is_a_located_error(tmp_path):
    from openpyxl.chart import BarChart, Reference

    def chart(wb):
        data = wb.active
        data.title = "data"
        data.append([1])
        chart_sheet = wb.create_chartsheet(SHEET, 0)
        bars = BarChart()
        bars.add_data(Reference(data, min_col=1, min_row=1, max_row=1))
        chart_sheet.add_chart(bars)

    review = _write(tmp_path, chart)
    [err] = review.errors
    assert err.code == "sheet.chart" and err.location.sheet == SHEET and err.location.file.endswith(REVIEW_NAME)
