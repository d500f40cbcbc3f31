"""Messages about opening and reading an input file at all (before its content is judged)."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("read.missing", "error", "does not exist.", "Check the path."),
    Template("read.folder", "error", "is a folder, not a file.", "Name the file itself."),
    Template("read.not_regular", "error", "is not an ordinary file (a device, pipe or socket): it is not read.",
             "Name an ordinary file."),
    Template("read.cannot", "error", "cannot be read ({reason}).", "Check the file and its permissions."),
    Template("read.too_large", "error", "is larger than the {limit_mb} MB allowed: it is not read.",
             "Check that it is the right file."),
    Template("workbook.strict", "error",
             "is saved as 'Strict Open XML Spreadsheet', a variant of .xlsx this tool cannot read.",
             "Open it in Excel or LibreOffice and save it as 'Excel Workbook (.xlsx)'."),
    Template("sheet.chart", "error", "{sheet} is a chart sheet: the tool reads the table of cells that belongs here.",
             "Put the standard sheet back (a fresh workbook has it) and give the chart a sheet of its own."),
)
