"""Messages about the inputs folder as a whole (inputs/gather.py) and the files deliverable.toml names
in it (inputs/files.py)."""

from competency_maps.messages.template import Template, catalog

_FIX_NAME = ("Name a file in the inputs folder by its name alone, e.g. \"funding.md\" "
             "(or a path inside it, e.g. \"texts/funding.md\").")
_SMALLER = "Check that it is the right file, or make it smaller."
_INPUTS_HINT = "Name the folder that holds deliverable.toml and the partners' workbooks (--inputs DIR)."

TEMPLATES = catalog(
    Template("inputs.missing", "error", "The inputs folder does not exist.", _INPUTS_HINT),
    Template("inputs.not_folder", "error", "The inputs folder is not a folder.", _INPUTS_HINT),
    Template("inputs.config.missing", "error",
             "is missing: the report's cover, document information, texts and chapter order come from it.",
             "Copy deliverable.toml (and the .md files) from the shipped inputs folder and adapt them."),
    Template("inputs.other_spreadsheet", "warning", "is not read: the build reads Excel workbooks (.xlsx) only.",
             "Open it in Excel or LibreOffice and save it as 'Excel Workbook (.xlsx)', or move it out of the folder."),
    Template("inputs.tool_file.review", "warning",
             "is a synthesis review, not a partner's workbook: the build reads the review only as {name}.",
             "Rename it {name}, or move it out of the inputs folder."),
    Template("inputs.tool_file.export", "warning", "is an export of this tool, not a partner's workbook: it is not read.",
             "Move it out of the inputs folder."),
    Template("inputs.cluster.twice", "error", "Two workbooks are for the same cluster '{cluster}': {first} and {second}.",
             "Remove the outdated one from the inputs folder."),
    Template("inputs.cluster.unlisted", "warning",
             "'{cluster}' is not in the deliverable's list of clusters; its chapter comes after the listed ones.",
             "Add it to [clusters] order in deliverable.toml, or correct its Short name."),
    Template("inputs.workbook.missing", "error", "{cluster}: no workbook in {folder}/.",
             "Ask the partner for it, or build a --draft without it."),
    # a file deliverable.toml names (at [section] key, or the file itself)
    Template("input_file.not_a_name", "error", "must be a file name in quotes.", _FIX_NAME),
    Template("input_file.absolute", "error",
             "names '{name}', a path outside the inputs folder: only files inside it are read.", _FIX_NAME),
    Template("input_file.up", "error",
             "names '{name}', which goes up out of the inputs folder ('..'): only files inside it are read.",
             _FIX_NAME),
    Template("input_file.suffix", "error", "names '{name}', which is not a {suffixes:or} file.",
             "Name a {suffixes:or} file."),
    Template("input_file.missing", "error", "names the file {name}, which is not in {folder}.",
             "Create the file or correct its name."),
    Template("input_file.unopenable", "error", "names '{name}', which cannot be opened ({reason}).", _FIX_NAME),
    Template("input_file.link_outside", "error",
             "names '{name}', a link to a file outside the inputs folder: only files inside it are read.",
             "Copy the file itself into the inputs folder."),
    Template("input_file.stat_failed", "error", "'{name}' cannot be opened ({reason}).", "Check the file."),
    Template("input_file.folder", "error", "'{name}' is a folder, not a file.", "Name a file."),
    Template("input_file.not_regular", "error", "'{name}' is not a regular file (a device, pipe or socket).",
             "Name an ordinary file."),
    Template("input_file.too_large", "error", "'{name}' is {size_kb:,} KB, more than the {max_kb:,} KB allowed.",
             _SMALLER),
    Template("input_file.unreadable", "error", "cannot be read ({reason}).", "Check the file."),
    Template("input_file.grew", "error", "is more than the {max_kb:,} KB allowed.", _SMALLER),
    Template("input_file.not_utf8", "error", "is not UTF-8 text (byte {byte} on line {line}).",
             "Save it as UTF-8 (in most editors: Save As › Encoding › UTF-8)."),
)
