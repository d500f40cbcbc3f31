"""Is this workbook the standard one, as sent? Its template version, and text typed into its Read me.

Both are compared with what `xlsx.blank` writes (`model.readme`) for the schema, so they cannot drift apart."""

from __future__ import annotations

from openpyxl.workbook.workbook import Workbook

from competency_maps import i18n
from competency_maps.errors import Collector
from competency_maps.inputs.cells import quote
from competency_maps.model.readme import is_dynamic, readme_rows
from competency_maps.model.schema import (COORDINATOR_SHEET, LANGUAGE_PROPERTY, README_SHEET, VERSION_PROPERTY, Schema,
                                          name_key)


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


def _version_issues(ctx: Collector, version: int | None, schema: Schema) -> None:
    if version is None or version == schema.version:
        return
    if version > schema.version:
        ctx.add("template.newer", None, version=version, current=schema.version)
        return
    ctx.add("template.older", None, version=version, current=schema.version,
            added=[s.name for s in schema.sheets if s.optional])


def _readme_issues(ctx: Collector, wb: Workbook, schema: Schema) -> None:
    """Text a partner typed into the Read me is not read: say so, quoting it."""
    ws = next((w for w in wb.worksheets if name_key(w.title) == name_key(README_SHEET)), None)
    if ws is None:
        return
    language = workbook_language(wb)
    known = {v for lang in {i18n.DEFAULT, language} for row in readme_rows(schema, language=lang)
             for v in row[:3] if v}
    for (_, _), cell in sorted(ws._cells.items()):  # the cells the file holds, none created
        v = cell.value
        if v is None or not str(v).strip() or str(v) in known or is_dynamic(str(v)):
            continue
        ctx.at(ws.title, cell.coordinate, "template.readme.typed", text=quote(str(v)),
               coordinator_sheet=COORDINATOR_SHEET)


def template_issues(ctx: Collector, wb: Workbook, schema: Schema) -> None:
    """Into `ctx`: a template version other than the current one, and text typed into the Read me."""
    version = template_version(wb)
    _version_issues(ctx, version, schema)
    if version == schema.version:  # another version's Read me says other things
        _readme_issues(ctx, wb, schema)
