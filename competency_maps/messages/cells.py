"""Messages about one cell of a partner's workbook: what it holds that is not text, struck-through
text, invisible characters, and a value that is not one of its column's choices (inputs/cells.py)."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("cell.formula", "error", "This cell holds a formula ({formula}) where text is expected.",
             "Type the text itself instead of a formula (copy, then Paste Special › Values)."),
    Template("cell.formula.table", "error", "This cell holds a formula (a data table) where text is expected.",
             "Type the text itself instead of a formula (copy, then Paste Special › Values)."),
    Template("cell.error_value", "error", "This cell holds the error value {value}.",
             "Replace it with the text you meant."),
    Template("cell.control_characters", "warning",
             "This cell contains {count} invisible control character that cannot appear in a document; it "
             "is shown as \ufffd.", "Delete it from the cell.",
             plural="This cell contains {count} invisible control characters that cannot appear in a document; "
                    "each is shown as \ufffd.", count="count"),
    Template("cell.struck.whole", "warning", "This cell is struck through: {text} is left out of the report.",
             "If it is no longer wanted, delete it; if it should be printed, remove the strikethrough "
             "(select it, Ctrl+5)."),
    Template("cell.struck.part", "warning",
             "Part of this cell is struck through: {text} is left out of the report.",
             "If it is no longer wanted, delete it; if it should be printed, remove the strikethrough "
             "(select it, Ctrl+5)."),
    Template("cell.choice.several", "error", "{value} names {count} values in one cell; a row has one {column}.",
             "Copy the row (right-click its number › Copy, then right-click the row below › Insert "
             "Copied Cells) and keep '{first}' in one row, {others:quoted} in the other."),
    Template("cell.choice.unknown", "error", "'{value}' is not an allowed {column}.",
             "Choose one of: {choices} (the cell's dropdown lists them)."),
    Template("cell.choice.unknown.close", "error",
             "'{value}' is not an allowed {column}. Did you mean '{suggestion}'?",
             "Choose one of: {choices} (the cell's dropdown lists them)."),
)
