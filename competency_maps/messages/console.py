"""The commands' own lines on the console (commands/, cli.py): what was read, written, refused.

Printed with `Console.say(code, **params)` in the console's language (`check`: each workbook's
own). A count is a template with a plural (`console.count.*`), given to a sentence as a `Phrase`
so that it is rendered in the sentence's language: no line builds a plural ("error(s)").
"""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    # --- counts, inside other lines (messages.Phrase) ---
    Template("console.count.ok", "info", "OK"),
    Template("console.count.errors", "info", "{count} error", plural="{count} errors", count="count"),
    Template("console.count.warnings", "info", "{count} warning", plural="{count} warnings", count="count"),
    Template("console.count.swot", "info", "{count} SWOT entry", plural="{count} SWOT entries", count="count"),
    Template("console.count.tows", "info", "{count} TOWS strategy", plural="{count} TOWS strategies",
             count="count"),
    Template("console.count.clusters", "info", "{count} cluster", plural="{count} clusters", count="count"),
    Template("console.count.kb", "info", "{count} KB", plural="{count} KB", count="count"),
    Template("console.count.pages", "info", "{count} page", plural="{count} pages", count="count"),
    Template("console.count.findings", "info", "{count} finding to review", plural="{count} findings to review",
             count="count"),
    Template("console.count.snapshot", "info", "snapshot of {count} cluster", plural="snapshot of {count} clusters",
             count="count"),
    Template("console.count.log_row", "info", "a version log row added"),
    # --- any command ---
    Template("console.problems", "info", "Problems found:"),
    Template("console.file", "info", "{file}:"),
    Template("console.wrote", "info", "Wrote {file}."),
    Template("console.wrote.sized", "info", "Wrote {file} ({size})."),
    Template("console.done", "info", "Done in {seconds} s."),
    Template("console.progress.reading", "info", "reading {folder}/"),
    Template("console.progress.pdf", "info", "laying out the PDF"),
    Template("console.progress.docx", "info", "rendering the Word document"),
    Template("console.interrupted.written", "warning", "Interrupted after the report was written: {files} complete."),
    Template("console.interrupted.nothing", "warning", "Interrupted: nothing in the output folder was changed."),
    Template("console.internal_error", "error",
             "Unexpected internal error ({error_type}: {detail}). This is a fault in the tool, not in your "
             "workbooks; nothing in the output folder was changed.",
             "Run again with COMPETENCY_MAPS_DEBUG=1 to see the details, and report them."),
    # --- check ---
    Template("console.check.file", "info", "{file} ({cluster}): {errors}, {warnings}"),
    Template("console.check.file.unread", "info", "{file}: {errors}, {warnings}"),
    Template("console.check.counts", "info",
             "SWOT: Strengths {strengths}, Weaknesses {weaknesses}, Opportunities {opportunities}, Threats "
             "{threats}; TOWS strategies {tows}; Step 1 paragraphs {step1}"),
    Template("console.check.notes", "info", "In the sheet {sheet}:"),
    Template("console.check.note", "info", "{cell}: {text}"),
    Template("console.check.annotated", "info", "Annotated copy: {file}"),
    Template("console.check.not_annotated", "warning", "No annotated copy:"),
    Template("console.check.config_broken", "error",
             "Fix {config} first: the workbooks are checked against its topics."),
    Template("console.check.passed", "info", "No errors."),
    Template("console.check.failed", "error", "{count} error: fix it and check again.",
             plural="{count} errors: fix them and check again.", count="count"),
    # --- build and proof ---
    Template("console.build.no_config", "error",
             "The build cannot go on without {config}, not even as a draft: nothing was written; the files "
             "in {folder}/ are unchanged."),
    Template("console.build.config_errors", "error",
             "The build cannot go on with errors in {config} or the files it names, not even as a draft: "
             "nothing was written; the files in {folder}/ are unchanged."),
    Template("console.build.errors", "error",
             "{count} error: nothing was written; the files in {folder}/ are unchanged.",
             "Fix the workbooks, or use --draft to build a marked draft.",
             plural="{count} errors: nothing was written; the files in {folder}/ are unchanged.", count="count"),
    Template("console.build.draft", "warning", "DRAFT: {count} chapter shown as a placeholder ({names}).",
             plural="DRAFT: {count} chapters shown as placeholders ({names}).", count="count"),
    Template("console.build.draft.complete", "info", "DRAFT: no chapter shown as a placeholder."),
    Template("console.proof.unknown", "error", "No readable workbook for '{cluster}' in {folder}/.",
             "The clusters found: {names}."),
    Template("console.proof.none", "error", "No readable workbook in {folder}/."),
    Template("console.proof.errors", "error", "{count} error in {file}: fix it first.",
             plural="{count} errors in {file}: fix them first.", count="count"),
    # --- the next round: changes and the version log ---
    Template("console.changes.since_last", "info", "Changes since the last build ({file}):"),
    Template("console.changes.since", "info", "Changes since {file}:"),
    Template("console.changes.first_build", "info",
             "No snapshot of an earlier build in {folder}/: the next build will list what changed since this one."),
    Template("console.changes.snapshot_unread", "warning",
             "The changes since the last build are not listed; this build writes a new snapshot."),
    Template("console.changes.no_snapshot", "error",
             "No snapshot of an earlier build in {folder}/ ({file}): nothing to compare with.",
             "Build the report first, or name a snapshot or JSON export with --since FILE."),
    Template("console.changes.log_refused", "error",
             "The version log was not changed: {names} could not be compared.", "Fix the workbooks first."),
    Template("console.log.row", "info", "New row of the version log in {file} ([version_log]):"),
    Template("console.log.no_counts", "info", "(no counts: there is no snapshot of an earlier build to compare with)"),
    # --- export ---
    Template("console.export.errors", "error", "{count} error: nothing was written.",
             "The export holds the whole validated dataset: fix the workbooks (build.py check) first.",
             plural="{count} errors: nothing was written.", count="count"),
    Template("console.export.written", "info",
             "Wrote {file}: {swot} and {tows} of {clusters}, with their profiles, Step 1 texts and Step 2 notes."),
    # --- new-workbook ---
    Template("console.new_workbook.written", "info", "Wrote {file}: send it to {cluster}."),
    Template("console.new_workbook.prefilled", "info",
             "Wrote {file}: {cluster}'s map pre-filled ({swot}, {tows}); send it to {cluster} to update."),
    Template("console.new_workbook.outdated.topics", "warning",
             "This topic is not in this deliverable any more: {names}.",
             "The partner chooses a topic again in those rows.",
             plural="These topics are not in this deliverable any more: {names}.", count="count"),
    Template("console.new_workbook.outdated.themes", "warning",
             "This theme is not in this deliverable any more: {names}.",
             "The partner chooses a theme again in those rows.",
             plural="These themes are not in this deliverable any more: {names}.", count="count"),
    Template("console.new_workbook.unusable", "error", "{file} cannot be used ({errors}).",
             "`build.py check` lists them."),
    Template("console.new_workbook.nothing", "error", "Nothing was written.",
             "Fix the workbooks in {folder} first."),
    Template("console.new_workbook.unknown", "error", "No cluster '{cluster}' in {source}: nothing was written.",
             "The clusters found: {names}."),
    Template("console.new_workbook.none", "error", "No cluster in {source}: nothing was written."),
)
