"""Model -> filled standard workbook: the reader's inverse, for sample inputs, round-trip tests and
`new-workbook --from`. Every text goes in through `text_cells.put`: an entry typed as "=…" stays text."""

from __future__ import annotations

from pathlib import Path

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.workbook.workbook import Workbook

from competency_maps.i18n import choice_label
from competency_maps.xlsx.blank import make_blank_workbook
from competency_maps.xlsx.text_cells import put
from competency_maps.model.cluster import Cluster, Note
from competency_maps.model.richtext import Text, plain
from competency_maps.model.schema import NOTES_SHEET, PROFILE_FIELDS, PROFILE_SHEET, Schema


def cell_value(text: Text):
    """Plain str when the text has no emphasis, else openpyxl rich text."""
    if all(not s.bold and not s.italic for s in text):
        return plain(text) or None
    return CellRichText([TextBlock(InlineFont(rFont="Calibri", sz=11, b=s.bold or None, i=s.italic or None), s.text)
                         if s.bold or s.italic else s.text for s in text])


def fill_workbook(schema: Schema, cluster: Cluster, *, language: str = "en", **options) -> Workbook:
    """The standard workbook in `language`, holding the cluster's map: dropdown values as that
    language's dropdown shows them (the reader maps them back)."""
    wb = make_blank_workbook(schema, cluster.profile.short_name, language=language, **options)

    def label(value: str | None) -> str | None:
        return choice_label(value, language) if value else value

    ws = wb[PROFILE_SHEET]
    for r, f in enumerate(PROFILE_FIELDS, start=2):
        v = getattr(cluster.profile, f.attr)
        if f.attr == "about":
            v = cell_value(v)
        put(ws, r, 2, v if v not in ("", None) else None)
    step1 = wb["Step 1"]
    for r, b in enumerate(cluster.step1, start=2):
        put(step1, r, 1, label(b.kind.value.capitalize()))
        put(step1, r, 2, cell_value(b.text))
    swot = wb["SWOT"]
    has_theme = any(c.name == "Theme" for c in schema.sheet("SWOT").columns)
    for r, e in enumerate(cluster.swot, start=2):
        values = [label(e.topic), label(e.quadrant), e.group or None, cell_value(e.text)]
        if has_theme:
            values.append(label(e.theme) or None)
        for c, v in enumerate(values, start=1):
            put(swot, r, c, v)
    tows = wb["TOWS"]
    for r, e in enumerate(cluster.tows, start=2):
        for c, v in enumerate((label(e.topic), label(e.strategy), label(e.format), cell_value(e.text)), start=1):
            put(tows, r, c, v)
    if cluster.step2_notes:
        _write_notes(wb[NOTES_SHEET], cluster.step2_notes, label)
    return wb


def _write_notes(ws, notes: list[Note], label) -> None:
    """A note's label and language on its first row, one block per row (Label | Style | Text | Language)."""
    r = 2
    for note in notes:
        rows = [(label(b.kind.value.capitalize()), cell_value(b.text)) for b in note.blocks] or [(None, None)]
        for k, (style, text) in enumerate(rows):
            first = k == 0
            values = (note.label or None if first else None, style, text, note.language or None if first else None)
            for c, v in enumerate(values, start=1):
                put(ws, r, c, v)
            r += 1


def write_filled_workbook(schema: Schema, cluster: Cluster, path: Path, **options) -> Path:
    fill_workbook(schema, cluster, **options).save(path)
    return path
