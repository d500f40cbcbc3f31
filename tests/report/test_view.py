"""The report's view depends on no input stage and no file format: building it loads no openpyxl,
Pillow, lxml or docx, and no module of inputs/, xlsx/ or render/ (it will run in a browser too)."""

from __future__ import annotations

import subprocess
import sys

from reports import sample_content

from competency_maps.report.view import Properties, ReportContent


def test_importing_the_report_loads_no_input_stage_and_no_file_format():
    code = ("import sys, competency_maps.report.content, competency_maps.report.assemble\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'PIL', 'lxml', 'docx', 'docxtpl',"
            " 'weasyprint', 'cairosvg') or m.startswith(('competency_maps.inputs', 'competency_maps.xlsx',"
            " 'competency_maps.render')))\n"
            "print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_view_hands_the_files_properties_as_finished_values():
    content = sample_content()
    assert isinstance(content, ReportContent) and not hasattr(content, "d")
    assert content.properties == Properties("en", content.properties.date, "Mov'eo",
                                            "Regrouping European Clusters in a Partnership of Excellence for Mobility",
                                            "Cluster analysis, services, network, partners, business model, SMEs")
    assert content.properties.created == "2020-10-02"


def _block(title: str, groups: dict[str, list[str]]):
    from competency_maps.model.richtext import text_of
    from competency_maps.report.view import Group, TopicBlock
    return TopicBlock(title, [Group(name, [text_of(t) for t in texts], [False] * len(texts))
                              for name, texts in groups.items()])


def _texts(block) -> list[tuple[str, str]]:
    from competency_maps.model.richtext import plain
    return [(g.name, plain(e)) for g in block.groups for e in g.entries] if block else []


def test_a_short_topic_is_one_row_and_a_tall_one_pieces_cut_between_entries():
    from competency_maps.report.chapters import PIECE_LINES, topic_rows
    short = topic_rows("T", _block("T", {"": ["a", "b"]}), None, key="k", continued="T (continued)")
    assert len(short) == 1 and short[0].key == "k-0" and short[0].continued == "" and short[0].left.title == "T"
    long_entry = "word " * 60  # about 7 lines in a half-width cell
    left = _block("T", {"Internal": [f"L{i} {long_entry}" for i in range(6)], "External": ["L6", "L7"]})
    right = _block("T", {"": [f"R{i} {long_entry}" for i in range(3)]})
    rows = topic_rows("T", left, right, key="k", continued="T (continued)")
    assert len(rows) > 2 and [r.key for r in rows] == [f"k-{n}" for n in range(len(rows))]
    assert rows[0].continued == "" and all(r.continued == "T (continued)" for r in rows[1:])
    assert rows[0].left.title == rows[0].right.title == "T"  # the topic only above its first piece
    assert all(b.title == "" for r in rows[1:] for b in (r.left, r.right) if b)
    # every entry once, in order, on its own side; a group's name only where it starts
    lefts = [t for r in rows for t in _texts(r.left)]
    assert [t.split()[0] for _, t in lefts] == [f"L{i}" for i in range(8)]
    assert [t.split()[0] for r in rows for _, t in _texts(r.right)] == ["R0", "R1", "R2"]
    names = [g.name for r in rows if r.left for g in r.left.groups if g.name]
    assert names == ["Internal", "External"]
    # both cells of a piece: the right side's entries come with the left side's, not all in the first piece
    assert sum(1 for r in rows if r.right) == 3 and all(r.left for r in rows[:3])
    assert PIECE_LINES >= 8
