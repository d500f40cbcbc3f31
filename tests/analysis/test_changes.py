"""changes.py, snapshot.py and the commands that use them: what changed since the last build, as
the build and `build.py changes` print it, and the version log row it gives (--log)."""

from __future__ import annotations

import difflib
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from reports import INPUTS, docx_text, sample_gathered
from reports import run_cli as run

from competency_maps.messages import render
from competency_maps.render.pdf import process as pdf_process
from competency_maps.analysis.changes import ADDED, EDITED, REMOVED, compare, report_lines
from competency_maps.dataset.records import to_markdown
from competency_maps.model.cluster import Profile, SwotEntry
from competency_maps.render.pdf.result import RenderedPdf
from competency_maps.model.richtext import Block, BlockKind, Span
from competency_maps.dataset.snapshot import read_snapshot, snapshot_bytes, snapshot_path

STEM = "D2.1-clusters-competency-maps"
OTHERS = "No changes: E-Mobility Cluster, Mobinov, RAI Automotive Industry NL, Zone Cluster."


def entry(text: str, quadrant: str = "Strength", **style) -> SwotEntry:
    return SwotEntry("Topic", quadrant, "", (Span(text, **style),))


# --- comparing models ---------------------------------------------------------------------------


def test_one_edit_one_deletion_one_addition_are_exactly_three_changes(sample_cluster):
    other = replace(sample_cluster, profile=replace(sample_cluster.profile, short_name="Other"))
    new = replace(sample_cluster, swot=list(sample_cluster.swot))
    edited = new.swot[1]
    new.swot[1] = replace(edited, text=edited.text + (Span(" (renewed in 2021)"),))
    gone = new.swot.pop(5)
    new.swot.append(entry("Brand new: a regional hydrogen network", "Opportunity"))
    [mine, theirs] = compare([sample_cluster, other], [new, other])
    assert theirs.changes == [] and not theirs.changed
    assert sorted(c.kind for c in mine.changes) == [ADDED, EDITED, REMOVED]
    assert mine.summary() == "1 added, 1 removed, 1 edited"
    by_kind = {c.kind: c for c in mine.changes}
    assert by_kind[EDITED].after.endswith("(renewed in 2021)") and by_kind[EDITED].before.endswith("**bold**\\\nand a second line")
    assert by_kind[REMOVED].before == to_markdown(gone.text) == "Opportunity 1b with **bold**\\\nand a second line"
    assert by_kind[ADDED].where == "Topic › Opportunity" and by_kind[ADDED].part == "SWOT"
    assert report_lines([mine, theirs])[-1] == "No changes: Other."


def test_an_entry_moved_to_another_quadrant_is_one_edit():
    [cc] = compare([_cluster([entry("Strong network of partners")])],
                   [_cluster([entry("Strong network of partners", "Weakness")])])
    [change] = cc.changes
    assert change.kind == EDITED and change.where == "Topic › Strength → Topic › Weakness"


def test_bold_added_is_an_edit_shown_in_markdown():
    [cc] = compare([_cluster([entry("Lack of funding")])], [_cluster([entry("Lack of funding", bold=True)])])
    assert [(c.kind, c.before, c.after) for c in cc.changes] == [(EDITED, "Lack of funding", "**Lack of funding**")]


def test_an_unrelated_entry_in_the_same_place_is_a_removal_and_an_addition():
    old = [entry("Keep"), entry("Lack of funding for projects"), entry("Also kept")]
    new = [entry("Keep"), entry("Strong brand in Europe"), entry("Also kept")]
    [cc] = compare([_cluster(old)], [_cluster(new)])
    assert sorted(c.kind for c in cc.changes) == [ADDED, REMOVED]


def test_profile_step1_and_notes_changes_are_named():
    old = _cluster([], step1=[Block(BlockKind.PARAGRAPH, (Span("We learnt a lot from ESCA."),))])
    new = _cluster([], step1=[Block(BlockKind.PARAGRAPH, (Span("We learnt a lot from ESCA and EIT."),)),
                              Block(BlockKind.BULLET, (Span("A new bullet"),))])
    new.profile = replace(new.profile, members=130)
    [cc] = compare([old], [new])
    assert [(c.kind, c.part, c.where) for c in cc.changes] == [
        (EDITED, "Profile", "Members"), (EDITED, "Step 1", "Paragraph"), (ADDED, "Step 1", "Bullet")]
    assert cc.changes[0].before == "120" and cc.changes[0].after == "130"


def test_clusters_are_matched_by_name_whatever_the_spelling_and_new_or_gone_ones_said():
    old = [_cluster([entry("x")], name="Mov'eo"), _cluster([], name="Left")]
    new = [_cluster([entry("x")], name="MOV’EO"), _cluster([entry("y")], name="Newcomer")]
    result = compare(old, new, {"Broken": "2 error(s) in broken.xlsx: run build.py check"})
    assert [(cc.name, cc.summary()) for cc in result] == [
        ("MOV’EO", "1 edited"), ("Newcomer", "new (1 SWOT entries, 0 TOWS strategies)"),
        ("Broken", "not compared (2 error(s) in broken.xlsx: run build.py check)"),
        ("Left", "no longer in the report")]


words = st.lists(st.sampled_from(["fund", "network", "SME", "brand", "EU", "team"]), min_size=1, max_size=4)
entries = st.lists(st.builds(lambda w, q: entry(" ".join(w), q), words, st.sampled_from(["Strength", "Threat"])),
                   max_size=8)


@given(entries, entries)
def test_counts_always_add_up(old, new):
    [cc] = compare([_cluster(old)], [_cluster(new)])
    n = cc.counts()
    assert n[ADDED] - n[REMOVED] == len(new) - len(old)
    assert n[EDITED] + n[REMOVED] <= len(old) and n[EDITED] + n[ADDED] <= len(new)
    assert compare([_cluster(new)], [_cluster(new)])[0].changes == []


def _cluster(swot, name="Test", step1=None):
    from competency_maps.model.cluster import Cluster
    return Cluster(Profile(name, members=120), step1 or [], list(swot))


# --- the build and `changes`, end to end ----------------------------------------------------------


@pytest.fixture
def no_pdf(monkeypatch):
    """The PDF is not laid out: these tests are about the data (the Word file takes no page numbers)."""
    monkeypatch.setenv("COMPETENCY_MAPS_JOBS", "1")
    monkeypatch.setattr(pdf_process, "render_here", lambda content: RenderedPdf(b"%PDF-1.7 stub", 1))


def edit_delete_add(path: Path) -> None:
    """In Mov'eo's SWOT sheet: row 3 edited, row 5 deleted, an entry added after the last."""
    wb = load_workbook(path, rich_text=True)
    ws = wb["SWOT"]
    ws["D3"] = "Strong cash flow, and reserves for two years"
    ws.delete_rows(5)
    last = max(r for r in range(2, ws.max_row + 1) if ws.cell(r, 4).value)
    ws.cell(last + 1, 1).value = ws["A2"].value
    ws.cell(last + 1, 2).value = "Threat"
    ws.cell(last + 1, 4).value = "Rising energy prices for members' plants"
    wb.save(path)


def changes_section(r) -> list[str]:
    """The lines under the title of the changes (`console.changes.since*`) of a run."""
    [title] = [s for s in r.said if s.code.startswith("console.changes.since")]
    heading = render(title.code, title.params).message
    lines = r.out.splitlines()
    start = lines.index(heading)
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].strip()), len(lines))
    return lines[start + 1:end]


EXPECTED = [
    "  Mov'eo: 1 added, 1 removed, 1 edited",
    "    edited   SWOT › Cluster's business model and internal management › Strength (row 3)",
    "               before: Strong cash flow",
    "               after:  Strong cash flow, and reserves for two years",
    "    removed  SWOT › Cluster's business model and internal management › Strength: Quality system "
    "\\& ISO9001 works, ESCA Gold Label to be renewed".replace("\\&", "&"),
    "    added    SWOT › Cluster's business model and internal management › Threat (row 65): Rising energy "
    "prices for members' plants",
    f"  {OTHERS}",
]


@pytest.mark.slow
def test_the_build_prints_exactly_the_three_changes_and_changes_agrees(inputs, tmp_path, no_pdf):
    out = tmp_path / "out"
    out.mkdir()
    snapshot = snapshot_path(out, "D2.1", "Clusters competency maps")
    snapshot.write_bytes(snapshot_bytes(sample_gathered().clusters))  # as the last build left it
    before = tmp_path / "before.snapshot.json"
    shutil.copy(snapshot, before)
    toml_before = (inputs / "deliverable.toml").read_text(encoding="utf-8")
    edit_delete_add(inputs / "moveo.xlsx")

    r = run("--inputs", inputs, "--output", out, "--only", "docx", "--log", "Comments from partners integrated")
    code, printed = r
    assert code == 0, printed
    assert r.lines("console.changes.since_last") == [{"file": snapshot.name}]
    assert changes_section(r) == EXPECTED
    # the version log row: reported before it was written, in the toml and in the report
    row = "Comments from partners integrated (Mov'eo: 1 added, 1 removed, 1 edited)"
    codes = r.codes()
    assert codes.index("console.log.row") < codes.index("console.wrote.sized")
    assert str(inputs / "deliverable.toml") in [w["file"] for w in r.lines("console.wrote.sized")]
    assert row in printed
    toml = (inputs / "deliverable.toml").read_text(encoding="utf-8")
    removed, added = _line_diff(toml_before, toml)  # comments and layout kept: only the rows changed
    assert removed == ['rows = [["25/09/2020", "", "Mov\'eo", ""]]']
    assert added == ["rows = [", '    ["25/09/2020", "", "Mov\'eo", ""],',
                     f'    ["02/10/2020", "1", "Mov\'eo", "{row}"],', "]"]
    assert row in docx_text((out / f"{STEM}.docx").read_bytes())

    r = run("--inputs", inputs, "--output", out, "changes", "--since", before)
    assert r.code == 0 and changes_section(r) == EXPECTED
    r = run("--inputs", inputs, "--output", out, "changes")  # the build's new snapshot
    assert r.code == 0 and changes_section(r) == [
        "  No changes: E-Mobility Cluster, Mobinov, Mov'eo, RAI Automotive Industry NL, Zone Cluster."]


def _line_diff(before: str, after: str) -> tuple[list[str], list[str]]:
    lines = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [x[2:] for x in lines if x.startswith("- ")], [x[2:] for x in lines if x.startswith("+ ")]


@pytest.fixture
def one_cluster(tmp_path, make_workbook) -> Path:
    """A small inputs folder: the shipped toml and texts, one workbook (the test cluster)."""
    d = tmp_path / "small"
    shutil.copytree(INPUTS, d, ignore=shutil.ignore_patterns("*.xlsx"))
    toml = (d / "deliverable.toml").read_text(encoding="utf-8")
    toml = re.sub(r"^order = \[.*\]$", 'order = ["Test Cluster"]', toml, flags=re.M)
    toml = re.sub(r"^about_order = \[.*\]$", 'about_order = ["Test Cluster"]', toml, flags=re.M)
    (d / "deliverable.toml").write_text(toml, encoding="utf-8")
    make_workbook(d, name="test.xlsx")
    return d


@pytest.mark.slow
def test_a_first_build_says_there_is_nothing_to_compare_and_changes_needs_a_snapshot(one_cluster, tmp_path,
                                                                                      no_pdf):
    out = tmp_path / "out"
    r = run("--inputs", one_cluster, "--output", out, "changes")
    assert r.code == 1
    assert r.lines("console.changes.no_snapshot") == [{"folder": str(out), "file": f"{STEM}.snapshot.json"}]
    r = run("--inputs", one_cluster, "--output", out, "--only", "docx")
    assert r.code == 0 and r.lines("console.changes.first_build") == [{"folder": str(out)}]
    snapshot = out / f"{STEM}.snapshot.json"
    assert snapshot.read_bytes() == snapshot_bytes([sample_gathered_one(one_cluster)])
    assert str(tmp_path) not in snapshot.read_text(encoding="utf-8")  # no path: same bytes anywhere


def sample_gathered_one(inputs: Path):
    from competency_maps.inputs.gather import gather
    [c] = gather(inputs).clusters
    return c


@pytest.mark.slow
def test_a_broken_snapshot_is_named_the_build_replaces_it_and_log_refuses(one_cluster, tmp_path, no_pdf):
    out = tmp_path / "out"
    out.mkdir()
    snapshot = out / f"{STEM}.snapshot.json"
    snapshot.write_text(snapshot_bytes([sample_gathered_one(one_cluster)]).decode().replace(
        '"name": "Test Cluster"', '"name": 3'))
    toml = (one_cluster / "deliverable.toml").read_bytes()

    code, printed = run("--inputs", one_cluster, "--output", out, "--only", "docx", "--log", "Round 2")
    assert code == 1 and f"ERROR {snapshot} › clusters[0].name:" in printed
    assert (one_cluster / "deliverable.toml").read_bytes() == toml and sorted(out.iterdir()) == [snapshot]

    code, printed = run("--inputs", one_cluster, "--output", out, "changes")
    assert code == 1 and f"ERROR {snapshot} › clusters[0].name:" in printed

    r = run("--inputs", one_cluster, "--output", out, "--only", "docx")
    assert r.code == 0 and [i.code for i in r.issues if i.location.file == str(snapshot)] == ["dataset.schema"]
    assert "console.changes.snapshot_unread" in r.codes()
    assert read_snapshot(snapshot)[0].name == "Test Cluster"


def test_changes_log_writes_the_row_without_building(one_cluster, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    c = sample_gathered_one(one_cluster)
    old = replace(c, swot=c.swot[1:])
    (out / f"{STEM}.snapshot.json").write_bytes(snapshot_bytes([old]))
    code, printed = run("--inputs", one_cluster, "--output", out, "changes", "--log", "  Round\n2 ")
    assert code == 0, printed
    assert "Test Cluster: 1 added" in printed
    toml = (one_cluster / "deliverable.toml").read_text(encoding="utf-8")
    assert '["02/10/2020", "1", "Mov\'eo", "Round 2 (Test Cluster: 1 added)"]' in toml
    assert sorted(p.name for p in out.iterdir()) == [f"{STEM}.snapshot.json"]  # nothing built


@pytest.mark.parametrize("argv", [["--draft", "--log", "x"], ["--log", "x", "proof", "Mov'eo"],
                                  ["--log", "x", "export", "-o", "x.json"]])
def test_log_goes_with_a_build_or_changes_only(argv, capsys):
    assert run(*argv)[0] == 2
    assert "--log" in capsys.readouterr().err


def test_a_snapshot_edited_by_hand_is_checked_whole(tmp_path, sample_cluster):
    from competency_maps.dataset.records import DatasetError
    path = tmp_path / "s.json"
    path.write_bytes(snapshot_bytes([sample_cluster]))
    assert read_snapshot(path)[0].swot == [replace(e, row=0) for e in sample_cluster.swot]
    path.write_text(path.read_text(encoding="utf-8").replace('"bold": true', '"bold": "yes"', 1), encoding="utf-8")
    with pytest.raises(DatasetError) as e:
        read_snapshot(path)
    assert (e.value.code, e.value.location.cell) == ("dataset.schema", "clusters[0].profile.about.spans[1].bold")


@pytest.mark.slow
@pytest.mark.parametrize("damage, code", [("[" * 50_000, "dataset.too_deep"),
                                          ('{"version": 1' + "0" * 5000 + "}", "dataset.big_number"),
                                          ("/dev/zero", "read.not_regular")])
def test_a_hostile_snapshot_is_a_note_and_the_build_goes_on(one_cluster, tmp_path, no_pdf, damage, code):
    out = tmp_path / "out"
    out.mkdir()
    snapshot = out / f"{STEM}.snapshot.json"
    if damage.startswith("/"):
        snapshot.symlink_to(damage)
    else:
        snapshot.write_text(damage)
    device = damage.startswith("/")  # not a file: as if there were no snapshot, never read
    r = run("--inputs", one_cluster, "--output", out, "changes")
    assert r.code == 1 and "console.internal_error" not in r.codes(), r.out
    assert device or [i.code for i in r.issues if i.location.file == str(snapshot)] == [code]
    r = run("--inputs", one_cluster, "--output", out, "--only", "docx")
    assert r.code == 0, r.out
    assert device or [i.code for i in r.issues if i.location.file == str(snapshot)] == [code]
    assert device or "console.changes.snapshot_unread" in r.codes()
    assert read_snapshot(snapshot)[0].name == "Test Cluster"  # replaced by this build's
