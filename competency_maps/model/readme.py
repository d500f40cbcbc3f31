"""The blank workbook's Read me sheet, row by row: written by xlsx/blank.py, and compared by
inputs/template_check.py with a returned workbook's, to find text a partner typed there."""

from __future__ import annotations

from competency_maps.model.schema import (COORDINATOR_SHEET, LOGO_HELP, PROFILE_FIELDS, PROFILE_SHEET,
                                          REQUIRED_MARK, SUMMARY_SHEET, Schema)


PREPARED_FOR = "Prepared for: {name}"
TEMPLATE_VERSION = "Template version {version}"


def readme_rows(schema: Schema, short_name: str = "") -> list[tuple[str, str, str, bool]]:
    """The Read me sheet, row by row: (column A, B, C, bold). The reader compares a returned Read me
    with it, to find text a partner typed there."""
    rows: list[tuple[str, str, str, bool]] = [
        ("Cluster competency map workbook", "", "", True),
        (PREPARED_FOR.format(name=short_name) if short_name else "",
         TEMPLATE_VERSION.format(version=schema.version), "", False),
        ("", "", "", False),
        ("How to fill it in",
         "Fill the sheets Cluster, Step 1, SWOT and TOWS. Keep the sheet names and the header rows as "
         "they are (they are protected, without a password; rows can be inserted and deleted). One "
         "entry per row, in the order it should appear in the report: no bullets or numbers to type, "
         "the report adds them. Choose values from the dropdowns where a column has one. Type text, "
         "not formulas. Bold and italic inside a cell are kept; Alt+Enter makes a line break inside "
         "a cell. Cells still to fill in turn red.", "", False),
        ("While typing", f"The sheet {SUMMARY_SHEET} counts your entries per topic and quadrant and "
         f"your strategies per topic. Anything for the coordinator goes into '{COORDINATOR_SHEET}'.",
         "", False),
        ("Before sending", "Save it as an Excel workbook (.xlsx) and send it back to the coordinator, "
         "who checks it and tells you the sheet and cell of anything to correct.", "", False),
        ("", "", "", False),
        ("Sheet / column", "What to enter", "Example", True),
        (PROFILE_SHEET, f"The cluster's profile: one field per row, the value in column B. {LOGO_HELP}", "", True),
    ]
    for f in PROFILE_FIELDS:
        rows.append((f"  {f.shown_label}", f.help, f.example, False))
    for sheet in schema.sheets:
        rows.append((sheet.name, sheet.purpose, "", True))
        for c in sheet.columns:
            allowed = f" Allowed: {', '.join(c.choices)}." if c.closed else ""
            rows.append((f"  {c.name}" + (REQUIRED_MARK if c.required else ""), c.help + allowed,
                         c.example, False))
    return rows
