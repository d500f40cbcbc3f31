"""The synthesis review workbook the build writes beside the report, and what the console says of it.

One row per decision (`analysis/decisions.py`): the candidates of this build, the review file's rows
they match, new ones marked yellow and stale ones grey; its bytes are stable for the same decisions.
"""

from __future__ import annotations

import copy
import io
from datetime import date
from types import MappingProxyType

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from competency_maps.analysis.decisions import (CELL_LIMIT, COLUMNS, NO, REVIEW_NAME, SHEET, YES, Decision, Review,
                                                entries_text)
from competency_maps.errors import Issue
from competency_maps.messages import Phrase
from competency_maps.model.richtext import plain
from competency_maps.xlsx.stable_zip import stable_workbook

README_SHEET = "Read me"


README = (
    "The synthesis chapter prints only what you endorse. Each row of the sheet 'Review' is a finding "
    "the build proposes: a convergence (a theme that several clusters name in the same SWOT quadrant) "
    "or a complementarity (one cluster's strength and another's weakness on the same theme), with the "
    "entries it quotes.",
    f"Include: {YES} prints the row, {NO} leaves it out; an empty cell is not printed either (a draft "
    "shows it marked 'proposed').",
    "Wording (optional): a sentence of yours that replaces the generated one; the entries are still "
    "quoted under it.",
    "The report prints the rows marked Yes in this sheet's order: move rows to change the order. Keep "
    "Kind, Theme and Entries as they are: they tell the build which finding a row is.",
    f"When you are done, save this file as {REVIEW_NAME} in the inputs folder and build again.",
    "Yellow rows are new since that file (a partner changed an entry, or a theme's keywords changed). "
    "Grey rows match no finding of the last build: kept so that nothing you typed is lost, never printed.",
)
WIDTHS = MappingProxyType({"Kind": 16, "Theme": 24, "Clusters": 30, "Entries": 90, "Include": 10, "Wording": 60})
NEW_FILL, STALE_FILL, HEADER_FILL = "FFF2CC", "EDEDED", "1F3864"
NEW_NOTE = f"New since {REVIEW_NAME} in the inputs folder."
STALE_NOTE = "Matches no finding of this build (its entries changed, or it repeats a row): not printed."


def review_workbook(decisions: list[Decision], marked: bool, when: date, *, capped: Issue | None = None) -> bytes:
    """The review file for these decisions. `marked`: there was a review file, so rows without one
    are new and are marked. Cell values are always text, never formulas (an entry may start with
    "="). Same decisions, same bytes (`when` stamps the file). `capped`: the synthesis proposes only
    some of its complementarities; said first in the Read me and in a comment on the header."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET)
    for i, name in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS[name]
    ws.freeze_panes = "A2"
    looks = {}  # one styled cell per look, whose style the others copy: 3x faster than styling each
    for kind, colour in ((None, None), ("new", NEW_FILL), ("stale", STALE_FILL), ("header", HEADER_FILL)):
        proto = WriteOnlyCell(ws)
        proto.alignment = Alignment(wrap_text=True, vertical="top")
        if colour:
            proto.fill = PatternFill("solid", fgColor=colour)
        if kind == "header":
            proto.font = Font(bold=True, color="FFFFFF")
        looks[kind] = proto._style

    def cell(value: str, look: str | None = None) -> WriteOnlyCell:
        # a character no workbook can hold (a theme's name in the toml may have one) shows as U+FFFD
        c = WriteOnlyCell(ws, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", value) or None)
        if value:
            c.data_type = "s"  # text as typed: "=HYPERLINK(…)" in an entry stays text
        c._style = copy.copy(looks[look])
        return c

    header = [cell(name, "header") for name in COLUMNS]
    cap = f"{capped.message} {capped.hint}" if capped is not None else ""
    if cap:
        header[0].comment = Comment(cap, "competency-maps")
    ws.append(header)
    for d in decisions:
        state = "stale" if d.candidate is None else ("new" if marked and d.row is None else None)
        if d.candidate is not None:
            c = d.candidate
            values = [c.kind, c.theme, ", ".join(c.clusters), entries_text(c)]
        else:
            values = [d.row.kind, d.row.theme, d.row.clusters, d.row.entries]
        include = {True: YES, False: NO, None: d.row.typed if d.row else ""}[d.include]
        row = [cell(v[:CELL_LIMIT], state) for v in values + [include, plain(d.wording)]]
        if state:
            row[0].comment = Comment(NEW_NOTE if state == "new" else STALE_NOTE, "competency-maps")
        ws.append(row)
    last = len(decisions) + 1
    answers = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=True,
                             showErrorMessage=True, error=f"Choose {YES} or {NO}.")
    answers.add(f"E2:E{max(last, 2)}")
    ws.data_validations.append(answers)
    ws.auto_filter.ref = f"A1:F{last}"
    notes = wb.create_sheet(README_SHEET)
    notes.column_dimensions["A"].width = 110
    for line in (cap, *README) if cap else README:
        notes.append([cell(line)])
    buf = io.BytesIO()
    wb.save(buf)
    return stable_workbook(buf.getvalue(), when)


def summary(decisions: list[Decision], review: Review, output_name: str, *, draft: bool) -> list[Phrase]:
    """The lines the build says about the review (`console.review.*` in messages/console.py): how to
    review when there is no review file; the candidates new since it; the rows still undecided."""
    candidates = [d for d in decisions if d.candidate is not None]
    if review.path is None:
        if not candidates:
            return []
        shown = (Phrase("console.review.none.draft", {"review": REVIEW_NAME, "count": len(candidates)}) if draft
                 else Phrase("console.review.none", {"review": REVIEW_NAME}))
        return [shown, Phrase("console.review.how", {"output": output_name, "yes": YES, "no": NO,
                                                     "review": REVIEW_NAME})]
    lines = []
    new = [d.candidate for d in candidates if d.row is None]
    if new:
        lines.append(Phrase("console.review.new", {"count": len(new), "review": review.name, "output": output_name}))
        lines += [Phrase("console.review.new.item", {"kind": c.kind, "theme": c.theme,
                                                     "clusters": " / ".join(c.clusters)}) for c in new[:MAX_LISTED]]
        if len(new) > MAX_LISTED:
            lines.append(Phrase("console.review.new.more", {"count": len(new) - MAX_LISTED, "output": output_name}))
    undecided = sum(1 for d in candidates if d.row is not None and d.include is None)
    if undecided:
        code = "console.review.undecided.draft" if draft else "console.review.undecided"
        lines.append(Phrase(code, {"count": undecided, "review": review.name}))
    return lines


MAX_LISTED = 30  # new findings named one by one on the console; all are in the review file
