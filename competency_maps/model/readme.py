"""The Read me sheet's text, in the workbook's language, made from the schema.

The reader compares a returned Read me with these rows (`inputs/template_check.py`) to find text a
partner typed there; rows that hold the deliverable's own values (the cluster, the coordinator's
contact, the deadline) are patterns (`DYNAMIC`), so that a new deadline does not make old copies
look edited.
"""

from __future__ import annotations

import re

from competency_maps import i18n
from competency_maps.i18n import N_
from competency_maps.model.schema import (COORDINATOR_SHEET, LOGO_HELP, PROFILE_FIELDS, PROFILE_SHEET,
                                          REQUIRED_WORD, SUMMARY_SHEET, Schema)

TITLE = N_("Cluster competency map workbook")
PREPARED_FOR = N_("Prepared for: {name}")
TEMPLATE_VERSION = N_("Template version {version}")
CONTACT = N_("Your coordinator: {contact}")
DEADLINE = N_("Please send it back by {deadline}.")
DYNAMIC = (PREPARED_FOR, TEMPLATE_VERSION, CONTACT, DEADLINE)

Row = tuple[str, str, str, bool]  # column A, B, C, bold


def _list(values: list[str]) -> str:
    """Values in a sentence: "; " between them when one holds a comma (a topic), else ", "."""
    return ("; " if any("," in v for v in values) else ", ").join(values)


def readme_rows(schema: Schema, short_name: str = "", *, language: str = "en", contact: str = "",
                deadline: str = "", entry_language: str = "en") -> list[Row]:
    """The Read me sheet, row by row, in `language`."""
    tr = i18n.translator(language)
    _ = tr.gettext
    head: list[Row] = [
        (_(TITLE), "", "", True),
        (_(PREPARED_FOR).format(name=short_name) if short_name else "",
         _(TEMPLATE_VERSION).format(version=schema.version), "", False),
        (_(CONTACT).format(contact=contact) if contact else "",
         _(DEADLINE).format(deadline=deadline) if deadline else "", "", False),
        (_("How to fill it in"),
         _("Fill in the sheets {sheets}. Keep the sheet names and the header rows as they are. One entry "
           "per row, in the order of the report. Do not type bullets or numbers: the report adds them. "
           "Where a column has a dropdown, choose from it. Type text, not formulas.").format(
             sheets=", ".join((PROFILE_SHEET, *(s.name for s in schema.sheets[:3])))), "", False),
        (_("Language"), _("Write your entries in {language}. The dropdown values are in your language: "
                          "the report shows them in its own.").format(
             language=_(i18n.LANGUAGE_NAMES.get(entry_language, i18n.LANGUAGE_NAMES["en"]))), "", False),
        (_("Line breaks"), _("A new line inside a cell: Alt+Enter in Excel for Windows, Ctrl+Option+Return "
                             "in Excel for Mac, Ctrl+Enter in LibreOffice. Bold and italic inside a cell "
                             "are kept."), "", False),
        (_("Red cells"), _("A cell turns red while it is still to fill in, or when it holds a value that "
                           "is not in its dropdown list."), "", False),
        (_("While typing"), _("The sheet {summary} counts your entries per topic and quadrant, and your "
                              "strategies per topic. Anything for the coordinator goes into the sheet "
                              "'{notes}'.").format(summary=SUMMARY_SHEET, notes=COORDINATOR_SHEET), "", False),
        (_("TOWS strategies"), _("S-O: use a strength to seize an opportunity. S-T: use a strength to "
                                 "counter a threat. W-O: seize an opportunity to overcome a weakness. W-T: "
                                 "reduce a weakness and avoid a threat."), "", False),
        (_("Before sending"), _("Save the workbook as an Excel workbook (.xlsx) and send it to the "
                                "coordinator. The coordinator checks it and tells you the sheet and cell "
                                "of anything to correct."), "", False),
        ("", "", "", False),
        (_("Sheet / column"), _("What to enter"), _("Example"), True),
        (PROFILE_SHEET, _("The cluster's profile: one field per row, the value in column B.") + " " +
         _(LOGO_HELP), "", True),
    ]
    rows = head
    mark = " " + _(REQUIRED_WORD)
    for f in PROFILE_FIELDS:
        rows.append((f"  {_(f.label)}" + (mark if f.required else ""), _(f.help), _(f.example), False))
    for sheet in schema.sheets:
        rows.append((sheet.name, _(sheet.purpose), "", True))
        for c in sheet.columns:
            help_text = _(c.help)
            if c.closed:
                allowed = _list([i18n.choice_label(v, language) for v in c.choices])
                help_text += " " + _("Allowed: {values}.").format(values=allowed)
            example = i18n.choice_label(c.example, language) if c.closed else _(c.example) if c.example else ""
            rows.append((f"  {c.name}" + (mark if c.required else ""), help_text, example, False))
    return rows


def is_dynamic(value: str) -> bool:
    """A Read me cell made from the deliverable's values, in any language."""
    for lang in i18n.LANGUAGES:
        tr = i18n.translator(lang)
        for p in DYNAMIC:
            pattern = re.sub(r"\\\{\w+\\\}", ".*", re.escape(tr.gettext(p)))
            if re.fullmatch(pattern, value, re.DOTALL):
                return True
    return False
