"""Messages about the coordinator's synthesis review file as read (inputs/review.py)."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("review.sheet.missing", "error", "has no sheet '{sheet}'.",
             "Start again from the review file the build wrote in the output folder; keep its sheet '{sheet}'."),
    Template("review.columns.missing", "error", "The first row has no column {columns}.",
             "Keep the first row as the build wrote it: {expected}."),
    Template("review.column.unread", "warning",
             "Column {column} is not read: what it holds is not carried into the next review file the build "
             "writes.", "Keep such notes in a file of your own; a sentence to print goes in Wording."),
    Template("review.include.unknown", "error", "{value} is not Yes or No.",
             "Choose Yes (print it) or No (leave it out) in the cell's dropdown, or leave it empty to decide "
             "later."),
    Template("review.kind.unknown", "warning",
             "{kind} is not a kind of finding the build proposes ({kinds}): this row matches no candidate.",
             "Keep Kind, Theme and Entries as the build wrote them."),
    Template("review.row.repeated", "warning",
             "This row repeats row {first}: only row {first}'s Include and Wording count.",
             "Delete one of the two rows."),
    Template("review.wording.undecided", "warning", "This row has a Wording but no Include: it is not printed.",
             "Set Include to Yes to print it with this wording."),
)
