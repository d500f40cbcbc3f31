"""What the self-check web page says around the issues (competency_maps.site): its headings, buttons,
progress and the checks it cannot run. The site ships these as JSON, one catalog per language, so
the page's script holds no words of its own; the `site.command.*` lines are the coordinator's."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("site.title", "info", "Check your competency map"),
    Template("site.intro", "info", "Choose your workbook or drop it here. It is checked on this computer: "
             "the file is never sent anywhere."),
    Template("site.choose", "info", "Choose a workbook"),
    Template("site.drop", "info", "or drop it here"),
    Template("site.noscript", "info", "This page needs JavaScript to check a workbook.",
             "Or send your workbook to the coordinator."),
    Template("site.language", "info", "Language"),
    Template("site.loading", "info", "Preparing the checker: {done} of {total} files."),
    Template("site.starting", "info", "Starting Python in your browser…"),
    Template("site.ready", "info", "Ready: choose or drop your workbook."),
    Template("site.checking", "info", "Checking {file}…"),
    Template("site.failed", "error", "The checker could not start ({reason}).",
             "Try a recent Firefox, Chrome, Edge or Safari, or send the workbook to the coordinator."),
    Template("site.check_failed", "error", "{file} could not be checked here ({reason}).",
             "Send it to the coordinator, who checks it on the command line."),
    Template("site.result.ok", "info", "{file} ({cluster}): no errors. You can send it to the coordinator."),
    Template("site.result.errors", "info", "{file} ({cluster}): errors {errors}, warnings {warnings}.",
             "Fix the errors in your workbook, save it and check it again."),
    Template("site.result.warnings", "info", "{file} ({cluster}): no errors; warnings {warnings}.",
             "Read the warnings: they say what the report will show."),
    Template("site.severity.error", "info", "Error"),
    Template("site.severity.warning", "info", "Warning"),
    Template("site.severity.info", "info", "Note"),
    Template("site.sheet.file", "info", "The whole file"),
    Template("site.sheet.name", "info", "Sheet {sheet}"),
    Template("site.cell", "info", "Cell {cell}"),
    Template("site.download", "info", "Download the annotated copy",
             "Each problem is marked in its cell, and listed on a first sheet named Check."),
    Template("site.preview", "info", "Preview my chapter"),
    Template("site.preview.title", "info", "Your chapter as the report will print it"),
    Template("site.preview.none", "info", "No preview: the workbook has errors to fix first."),
    Template("site.limit.pictures", "info", "Pictures: their format and size are checked here; the "
             "coordinator's check also decodes every pixel."),
    Template("site.limit.preview_pictures", "info", "The preview leaves out pictures and links; the "
             "report shows them."),
    Template("site.command.written", "info", "Wrote the self-check site into {folder} ({files} file, "
             "{size} MB; {compressed} MB compressed).", plural="Wrote the self-check site into {folder} "
             "({files} files, {size} MB; {compressed} MB compressed).", count="files"),
    Template("site.command.not_a_site", "error", "is not empty and holds no self-check site: nothing "
             "was written.", "Name a new or empty folder, or the folder of an earlier site."),
    Template("site.command.not_compiled", "warning", "The site's Python was not compiled ahead ({reason}): "
             "partners' browsers will take about twice as long to start the checker.",
             "Install Node.js and build the site again."),
    Template("site.command.serving", "info", "Serving {folder} on {url} (Ctrl+C to stop)."),
    Template("site.command.fetch_failed", "error", "{artifact} could not be fetched from its registry "
             "({reason}).", "Check the internet connection, or copy a cache folder from another machine "
             "(--cache DIR)."),
    Template("site.command.hash_mismatch", "error", "{artifact} does not have the expected checksum: it "
             "was not used.", "Delete the cache folder {cache} and build the site again."),
)
