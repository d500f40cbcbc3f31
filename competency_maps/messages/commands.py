"""Messages of the commands themselves (commands/, cli.py): what a command line asked that cannot be
done, and files a command would write."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("check.config.default", "info",
             "no {config} in {folder}/: the workbooks are checked against the standard topics and no "
             "synthesis themes.", "Name the deliverable's folder with --inputs DIR to use its own."),
    Template("check.tool_file.review", "info",
             "is a synthesis review, not a partner's workbook: checked as a review file."),
    Template("check.tool_file.export", "info", "is an export of this tool, not a partner's workbook: skipped."),
    Template("new_workbook.exists", "error", "already exists: nothing was written.",
             "Choose another name with -o, or add --force to replace it."),
    Template("new_workbook.prefilled.exists", "error", "already exists: nothing was written.",
             "Choose another -o, or add --force to replace them."),
    Template("new_workbook.prefilled.exist_several", "error", "already exist: nothing was written.",
             "Choose another -o, or add --force to replace them."),
    Template("new_workbook.write_failed", "error", "cannot be written ({reason}).",
             "Check that the folder exists and that the file is not open in Excel."),
    Template("log.text_missing", "error", '--log needs a text, e.g. --log "Comments from partners integrated".'),
    Template("export.format_missing", "error", "has no format to write.",
             "Add --format json, csv or xlsx (or end the name with .json, .csv or .xlsx)."),
    Template("export.in_inputs", "error", "is in the inputs folder: nothing was written there.",
             "Write the export somewhere else (-o FILE)."),
    Template("export.write_failed", "error", "cannot be written ({reason}).",
             "Check that the folder can be written and that the file is not open in Excel."),
    Template("environment.os_error", "error", "{reason}.",
             "Check the path, its permissions and the free disk space; nothing in the output folder "
             "was changed."),
)
