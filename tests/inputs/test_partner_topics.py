"""Topics per partner (issue 26): a partner is asked its own topics in [swot.partner_topics]; it is
never warned about a topic it was never asked for, and the heat map leaves such a topic blank ("not
asked"), not a row of zeros."""

from __future__ import annotations

from itertools import takewhile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from conftest import make_sample_cluster
from test_cli import run

from competency_maps.analysis.synthesis import heat_rows
from competency_maps.inputs import config
from competency_maps.labels import Labels
from competency_maps.model.cluster import Cluster, Profile
from competency_maps.report.figures import heatmaps


def _ask(inputs: Path, lines: str) -> Path:
    with (inputs / config.CONFIG_NAME).open("a", encoding="utf-8") as f:
        f.write(f"\n[swot.partner_topics]\n{lines}\n")
    return inputs


def _one_topic_workbook(tmp_path, make_workbook, topics):
    only_first = make_sample_cluster(topics[:1])
    return make_workbook(tmp_path, cluster=only_first)


def test_a_partner_is_warned_only_about_the_topics_asked_of_it(tmp_path, inputs, make_workbook):
    topics = config.load(inputs).topics
    path = _one_topic_workbook(tmp_path, make_workbook, topics)
    everything = run("--inputs", inputs, "check", path)
    assert [i.params["topic"] for i in everything.issues if i.code == "swot.topic.empty"] == list(topics[1:])
    asked = run("--inputs", _ask(inputs, f'"test cluster" = ["{topics[0]}"]'), "check", path)
    assert asked.code == 0
    assert not [i for i in asked.issues if i.code in ("swot.topic.empty", "tows.topic.empty", "topic.not_asked")]


def test_entries_on_a_topic_not_asked_are_printed_and_said(tmp_path, inputs, make_workbook):
    topics = config.load(inputs).topics
    path = make_workbook(tmp_path)  # entries on every topic
    r = run("--inputs", _ask(inputs, f'"Test Cluster" = ["{topics[0]}", "{topics[2]}"]'), "check", path)
    found = [(i.location.sheet, i.params["topic"]) for i in r.issues if i.code == "topic.not_asked"]
    assert found == [("SWOT", topics[1]), ("TOWS", topics[1])]
    assert r.code == 0


@pytest.mark.parametrize("lines, code, params", [
    ('"Mobinov" = ["Agrifood"]', "config.partner_topics.unknown", {"partner": "'Mobinov'", "topic": "'Agrifood'"}),
    ('"Nobody" = []', "config.partner_topics.partner", {"partner": "'Nobody'"}),
    ('"Mobinov" = "all"', "config.list.type", {"key": "Mobinov"}),
])
def test_a_wrong_partner_topics_line_is_named(inputs, lines, code, params):
    _, issues = config.validate(_ask(inputs, lines))
    [found] = [i for i in issues if i.code == code]
    assert found.location.file == config.CONFIG_NAME and "partner_topics" in str(found.location)
    assert params.items() <= dict(found.params).items()


def test_each_region_its_own_topic_no_warning_about_the_others_and_a_blank_heat_map(tmp_path, inputs, make_workbook):
    text = (inputs / config.CONFIG_NAME).read_text(encoding="utf-8")
    start = text.index("[swot]")
    end = text.index("[tows.captions]")
    (inputs / config.CONFIG_NAME).write_text(text[:start] + '[swot]\ntopics = ["Agrifood", "Mobility"]\n\n'
                                             + text[end:], encoding="utf-8")
    _ask(inputs, '"North" = ["Agrifood"]\n"South" = ["Mobility"]\n"Mov\'eo" = ["Mobility"]')
    d = config.load(inputs)
    assert d.topics_for("north") == ("Agrifood",) and d.topics_for("Zone Cluster") == ("Agrifood", "Mobility")
    north = make_sample_cluster(("Agrifood",))
    south = make_sample_cluster(("Mobility",))
    north = Cluster(Profile(short_name="North"), swot=north.swot, tows=north.tows)
    south = Cluster(Profile(short_name="South"), swot=south.swot, tows=south.tows)
    rows = heat_rows([north, south], d.topics, d.topics_for)
    assert rows[0].by_topic[1] is None and rows[1].by_topic[0] is None
    assert rows[0].by_topic[0] == [2, 2, 2, 2]
    [part] = heatmaps(_synthesis(rows, d.topics), Labels())
    values = [c.value for c in part.cells]
    assert values.count("") == 8 and 0 not in values  # two topics of four quadrants not asked: blank


def _synthesis(rows, topics):
    from competency_maps.analysis.synthesis import Synthesis
    return Synthesis(["Strength", "Weakness", "Opportunity", "Threat"], list(topics), rows)


def _topics_in(path: Path, *, leave_out: tuple[str, ...] = ()) -> tuple[list[str], set[str]]:
    """A written workbook's topic dropdown (the Lists sheet's Topics column), and every text in its
    other sheets but `leave_out`."""
    wb = load_workbook(path)
    lists = wb["Lists"]
    col = next(c for c in lists[1] if c.value == "Topics").column
    cells = (lists.cell(r, col).value for r in range(2, lists.max_row + 1))
    dropdown = list(takewhile(lambda v: v is not None, cells))  # the labels, down to the first blank
    texts = {str(c.value) for ws in wb.worksheets if ws.title not in ("Lists", *leave_out) for row in ws.iter_rows()
             for c in row if c.value is not None}
    return dropdown, texts


@pytest.mark.parametrize("source", [False, True])
def test_new_workbook_lists_only_the_topics_asked_of_the_partner(tmp_path, inputs, source):
    topics = config.load(inputs).topics
    _ask(inputs, f'"MOBINOV" = ["{topics[2]}", "{topics[0]}"]')
    last = tmp_path / "last-round"  # last round's workbooks of the two clusters (not all five: a second)
    last.mkdir()
    for name in ("mobinov.xlsx", "moveo.xlsx"):
        (last / name).write_bytes((inputs / name).read_bytes())
    extra = ["--from", last] if source else []  # pre-filled from the sample's workbooks, or blank
    mobinov, moveo = tmp_path / "mobinov.xlsx", tmp_path / "moveo.xlsx"
    r = run("--inputs", inputs, "new-workbook", "Mobinov", "-o", mobinov, *extra)
    assert r.code == 0
    assert run("--inputs", inputs, "new-workbook", "Mov'eo", "-o", moveo, *extra).code == 0
    # last round's entries on the other topic are kept in SWOT and TOWS (never dropped), and said
    dropdown, texts = _topics_in(mobinov, leave_out=("SWOT", "TOWS") if source else ())
    assert dropdown == [topics[0], topics[2]]  # in the report's order
    assert topics[1] not in texts  # not in its Summary, nor anywhere else
    said = [{"cluster": "Mobinov", "count": 1, "names": [topics[1]]}] if source else []
    assert r.lines("console.new_workbook.not_asked") == said
    if source:
        swot = load_workbook(mobinov)["SWOT"]
        assert topics[1] in {swot.cell(row, 1).value for row in range(2, swot.max_row + 1)}
    assert _topics_in(moveo)[0] == list(topics)  # a partner without a line: every topic
