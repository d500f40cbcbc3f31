"""Messages about a workbook file as a whole: what it really is, whether it can be opened safely
(inputs/workbook_file.py), and which version of the standard workbook it was made from
(inputs/template_check.py)."""

from competency_maps.messages.template import Template, catalog

_SAVE_AS = "Open it in Excel or LibreOffice and save it as 'Excel Workbook (.xlsx)'."
_NOT_NORMAL = "This is not a normal workbook: ask for a fresh copy."
_SEND_AGAIN = "Ask the partner to send the file again."

TEMPLATES = catalog(
    Template("workbook.folder", "error", "is a folder, not a workbook.", "Name the workbook file itself."),
    Template("workbook.not_regular", "error", "is not a regular file (a pipe, socket or device), not a workbook.",
             "Name the workbook file itself."),
    Template("workbook.unopenable", "error", "cannot be opened ({reason})."),
    Template("workbook.empty", "error", "is empty (0 bytes).", "Send the workbook again."),
    Template("workbook.too_large", "error", "is {size_mb} MB, far larger than a competency map workbook.",
             "Remove pictures or extra sheets and save it again."),
    Template("workbook.xls_or_password", "error",
             "is an old-format Excel file (.xls) or is protected with a password.",
             "Remove the password (File › Info › Protect Workbook) and open it in Excel or LibreOffice "
             "and save it as 'Excel Workbook (.xlsx)'."),
    Template("workbook.not_zip", "error", "is not an Excel workbook (it looks like a text or other file).", _SAVE_AS),
    Template("workbook.damaged", "error", "is damaged or incomplete (perhaps a truncated download).", _SEND_AGAIN),
    Template("workbook.ods", "error", "is a LibreOffice spreadsheet (.ods), not an Excel workbook.",
             "In LibreOffice use File › Save As › 'Excel 2007-365 (.xlsx)'."),
    Template("workbook.other_zip", "error", "is a zip file but not an Excel workbook.", _SAVE_AS),
    Template("workbook.part_inflates", "error",
             "contains a part ({part}) that would inflate to {size_mb} MB; it was not opened.", _NOT_NORMAL),
    Template("workbook.inflates", "error", "would inflate to {size_mb} MB; it was not opened.", _NOT_NORMAL),
    Template("workbook.doctype", "error",
             "contains a part ({part}) with a document type declaration, which spreadsheet programs never "
             "write (it can define an 'XML bomb'); it was not opened.", _NOT_NORMAL),
    Template("workbook.too_many_elements", "error",
             "holds more than {limit:,} cells, rows and other XML elements (in {part}): far more than a "
             "competency map; it was not opened.",
             "Delete the empty or pasted rows and columns after your entries, save, and send it again."),
    Template("workbook.entities", "error",
             "contains XML entity or document type declarations, which spreadsheet programs never write; "
             "it was not opened.", _NOT_NORMAL),
    Template("workbook.unreadable", "error", "could not be read as a workbook ({error_type}: {detail}).", _SAVE_AS),
    Template("template.newer", "warning",
             "was made by a newer version of this tool (template version {version}; this one knows version "
             "{current}): some of it may not be read.", "Update the tool before building the report."),
    Template("template.older", "warning",
             "was made from an older blank workbook (template version {version}; the current one is "
             "{current}). It is read as it is, without the sheets added since ({added:quoted}).",
             "Nothing to fix for this report. To use the new sheets, copy your entries into a new blank "
             "workbook (build.py new-workbook)."),
    Template("template.readme.typed", "warning", "Text typed in the Read me is not read: {text}.",
             "Move it to the sheet where it belongs, or to '{coordinator_sheet}' if it is a note for the "
             "coordinator."),
)
