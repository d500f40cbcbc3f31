"""Messages about a workbook's sheets, header rows, columns and rows (inputs/reader.py)."""

from competency_maps.messages.template import Template, catalog

_UNHIDE = "Unhide it to see it (select the columns around it, right-click › Unhide)."

TEMPLATES = catalog(
    Template("sheet.missing", "error", "The sheet '{name}' is missing (sheets found: {found}).",
             "Rename the sheet back to '{name}', or copy your entries into a fresh standard workbook."),
    Template("sheet.unknown", "warning",
             "The sheet '{name}' is not part of the standard workbook; nothing in it will appear in the report.",
             "Move its content into Step 1, SWOT or TOWS (or '{coordinator_sheet}' if it is a note for "
             "the coordinator), or delete the sheet."),
    Template("sheet.row_above_header", "warning",
             "Row {row} is above the header row (row {header}) and is not read: {text}.",
             "Delete row {row} (right-click its number › Delete), or leave it: the headers in row "
             "{header} are found anyway."),
    Template("sheet.too_many_rows", "error", "has {rows} rows with content; a competency map has at most {max_rows}.",
             "Delete the empty or pasted rows below your entries."),
    Template("header.missing", "error", "The header '{name}' is missing: this cell has '{found}'.",
             "Type '{name}' back into {cell} (the headers must be: {headers:bar})."),
    Template("header.missing.empty", "error", "The header '{name}' is missing: this cell is empty.",
             "Type '{name}' back into {cell} (the headers must be: {headers:bar})."),
    Template("column.extra", "warning",
             "The column '{label}' is not part of the standard workbook; its cells will not appear in the report.",
             "Move anything important into the standard columns."),
    Template("column.hidden", "warning",
             "Column {letter} ({name}) is hidden, but it is read: what it holds is printed in the report.",
             _UNHIDE),
    Template("row.hidden", "warning", "Row {row} is hidden, but it is read: what it holds is printed in the report.",
             "Unhide it to see it (select rows {before} to {after}, right-click › Unhide); delete the row "
             "if it should not be printed."),
    Template("cells.merged", "error", "Merged cells in the entries area cannot be read row by row.",
             "Unmerge them (Home › Merge & Center) and put one entry per row."),
    Template("cell.outside_columns", "warning",
             "Text outside the standard columns will not appear in the report: {text}.",
             "Move it into the right column, or into the sheet '{coordinator_sheet}' if it is a note for "
             "the coordinator."),
)
