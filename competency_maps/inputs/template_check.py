"""Is this workbook the standard one, as sent? Its template version, and text typed into its Read me.

Both are compared with what `blank_workbook` writes for the schema, so they cannot drift apart."""

from __future__ import annotations


from openpyxl.workbook.workbook import Workbook

from competency_maps import i18n
from competency_maps.xlsx.readme import is_dynamic, readme_rows
from competency_maps.errors import Issue, Location, warning
from competency_maps.model.schema import (COORDINATOR_SHEET, LANGUAGE_PROPERTY, README_SHEET, VERSION_PROPERTY, Schema,
                                          name_key)

QUOTE = 60


def template_version(wb: Workbook) -> int | None:
    """The template version the blank workbook was made with; None when not said (a workbook
    made by hand) or unreadable."""
    try:
        value = wb.custom_doc_props[VERSION_PROPERTY].value
        return int(str(value).strip())
    except (KeyError, ValueError, TypeError, AttributeError):
        return None


def workbook_language(wb: Workbook) -> str:
    """The language the workbook was made in (one of i18n.LANGUAGES); English when not said."""
    try:
        return i18n.language(str(wb.custom_doc_props[LANGUAGE_PROPERTY].value))
    except (KeyError, AttributeError):
        return i18n.DEFAULT


def _version_issues(version: int | None, schema: Schema, file: str) -> list[Issue]:
    if version is None or version == schema.version:
        return []
    if version > schema.version:
        return [warning(Location(file), f"was made by a newer version of this tool (template version "
                        f"{version}; this one knows version {schema.version}): some of it may not be read.",
                        "Update the tool before building the report.")]
    added = ", ".join(f"'{s.name}'" for s in schema.sheets if s.optional)
    return [warning(Location(file), f"was made from an older blank workbook (template version {version}; "
                    f"the current one is {schema.version}). It is read as it is, without the sheets "
                    f"added since ({added}).", "Nothing to fix for this report. To use the new sheets, "
                    "copy your entries into a new blank workbook (build.py new-workbook).")]


def _readme_issues(wb: Workbook, schema: Schema, file: str) -> list[Issue]:
    """Text a partner typed into the Read me is not read: say so, quoting it."""
    ws = next((w for w in wb.worksheets if name_key(w.title) == name_key(README_SHEET)), None)
    if ws is None:
        return []
    language = workbook_language(wb)
    known = {v for lang in {i18n.DEFAULT, language} for row in readme_rows(schema, language=lang)
             for v in row[:3] if v}
    out = []
    for (_, _), cell in sorted(ws._cells.items()):  # the cells the file holds, none created
        v = cell.value
        if v is None or not str(v).strip() or str(v) in known or is_dynamic(str(v)):
            continue
        s = " ".join(str(v).split())
        shown = f"'{s[:QUOTE]}…'" if len(s) > QUOTE else f"'{s}'"
        out.append(warning(Location(file, ws.title, cell.coordinate),
                           f"Text typed in the Read me is not read: {shown}.",
                           f"Move it to the sheet where it belongs, or to '{COORDINATOR_SHEET}' if it "
                           "is a note for the coordinator."))
    return out


def template_issues(wb: Workbook, schema: Schema, file: str) -> list[Issue]:
    version = template_version(wb)
    issues = _version_issues(version, schema, file)
    if version == schema.version:  # another version's Read me says other things
        issues += _readme_issues(wb, schema, file)
    return issues
