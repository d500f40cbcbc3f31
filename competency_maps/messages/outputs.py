"""Messages about what the tool writes: pre-filled workbooks (xlsx/prefill.py), annotated copies
(xlsx/annotate.py) and the PDF (render/pdf/)."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("prefill.source.kind", "error", "is neither a folder of workbooks nor a JSON export.",
             "Name the folder of last round's workbooks (e.g. inputs), or a file written by "
             "`build.py export --format json` (a build's .snapshot.json works too)."),
    Template("prefill.source.empty", "error", "holds no workbook (.xlsx).",
             "Name the folder of last round's workbooks, or a JSON export."),
    Template("prefill.source.cluster_twice", "error", "holds two workbooks for '{cluster}': {first} and {second}.",
             "Remove the outdated one."),
    # the first line of the sheet Check of an annotated copy
    Template("annotate.summary", "info",
             "{file}: errors to correct: {errors}; warnings to look at: {warnings}. Click a place to go to "
             "its cell: it is highlighted and its comment says the same. Correct the cells, save, and send the "
             "workbook back; this sheet can stay."),
    Template("annotate.same_file", "error", "would replace the partner's own workbook: no copy was written.",
             "Give --annotate another folder than the workbook's."),
    Template("annotate.unwritable", "error", "cannot be written ({reason}).",
             "Check that the folder exists and that the file is not open in Excel."),
    Template("pdf.engine.missing", "error", "The PDF engine could not be loaded ({error_type}: {detail}).",
             "Run tools/setup.sh again (it installs Pango), or build only the Word file with --only docx."),
    Template("pdf.template.failed", "error", "The PDF template could not be filled ({error_type}: {detail})."),
    Template("pdf.layout.failed", "error", "The PDF could not be laid out ({error_type}: {detail})."),
)
