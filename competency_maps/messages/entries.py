"""Messages about the rows of Step 1, SWOT, TOWS and Step 2 notes (inputs/entries.py): lists typed
in one cell, placeholders, repeats, groups, languages."""

from competency_maps.messages.template import Template, catalog

_ONE_PER_ROW = "Nothing to do; one per row keeps the workbook easy to check."
_LANGUAGE_HINT = ("Type the language's code: de (German), fr (French), hu (Hungarian), nl (Dutch), "
                  "pt (Portuguese), es, it, pl... or its name in English; leave it empty for the "
                  "report's language.")
_ONE_LANGUAGE = "Clear this cell, or start a new note here by typing its Label in {label_cell}."

TEMPLATES = catalog(
    Template("row.placeholder", "warning", "{text} looks like a placeholder: the row is left out of the report.",
             "Type the real text, or clear the row if there is none."),
    Template("row.style_without_text", "warning", "This row has a Style but no text: it is skipped.",
             "Type the text, or clear the row."),
    Template("list.typed.bulleted", "info",
             "This cell is typed as a bulleted list: it is printed as {count} bullet item.",
             "Nothing to do; choosing the Style Bullet says so.",
             plural="This cell is typed as a bulleted list: it is printed as {count} bullet items.", count="count"),
    Template("list.typed.numbered", "info",
             "This cell is typed as a numbered list: it is printed as {count} numbered item.",
             "Nothing to do; choosing the Style Numbered says so.",
             plural="This cell is typed as a numbered list: it is printed as {count} numbered items.",
             count="count"),
    Template("list.typed.bullets", "info", "This cell is typed as a bulleted list: it is printed as {count} bullet.",
             "Nothing to do; choosing the Format Bullet says so.",
             plural="This cell is typed as a bulleted list: it is printed as {count} bullets.", count="count"),
    Template("list.lines.bulleted.item", "info",
             "This cell holds {count} bulleted lines: each is printed as an item of its own.", _ONE_PER_ROW),
    Template("list.lines.numbered.item", "info",
             "This cell holds {count} numbered lines: each is printed as an item of its own.", _ONE_PER_ROW),
    Template("text.pdf.joined", "info",
             "A line break inside a sentence was joined, as in text pasted from a PDF: {joins}.",
             "To keep a line break, end the line with a full stop or start the next line with a capital letter.",
             plural="{count} line breaks inside sentences were joined, as in text pasted from a PDF: {joins}.",
             count="count"),
    Template("text.pdf.page_number", "info",
             "The line {line} between two halves of a sentence looks like a PDF's page number: left out.",
             "If it belongs to the text, put it on the line of the words it goes with."),
    Template("list.lines.bulleted.entry", "info",
             "This cell holds {count} bulleted lines: each is read as an entry of its own.", _ONE_PER_ROW),
    Template("list.lines.numbered.entry", "info",
             "This cell holds {count} numbered lines: each is read as an entry of its own.", _ONE_PER_ROW),
    Template("list.marker.bullet", "info",
             "The bullet typed at the start of this cell is left out: the report adds its own.",
             "Nothing to do; there is no need to type the bullet."),
    Template("list.marker.number", "info",
             "The number typed at the start of this cell is left out: the report adds its own.",
             "Nothing to do; there is no need to type the number."),
    Template("entry.empty", "warning", "This row has no entry; it is skipped.", "Type the entry, or clear the row."),
    Template("entry.choice.missing", "error", "The entry in {entry_cell} has no {column}.",
             "Choose one of: {choices}."),
    Template("entry.placeholder", "warning", "{text} looks like a placeholder: it is left out of the report.",
             "Type the real entry, or delete that line."),
    Template("entry.repeated", "warning", "Repeats the entry in {first_cell} word for word ({text}): it is printed once.",
             "Delete this row if it is a copy; if both are meant, word them differently."),
    Template("group.spelling", "info", "The Group {group} is printed as '{name}', as in {first_cell}.",
             "Nothing to do; typing it the same way each time makes it certain."),
    Template("group.regathered", "info",
             "The Group '{group}' comes back after another one: its entries are printed together, under "
             "the first '{group}' ({first_cell}).",
             "Nothing to do; keeping a group's rows together makes the workbook easier to read."),
    Template("language.unknown", "error", "{value} is not a language code.", _LANGUAGE_HINT),
    Template("language.country", "error",
             "{value} is not a language code ('{typed}' is a country's code; its language is '{language}').",
             _LANGUAGE_HINT),
    Template("language.close", "error", "{value} is not a language code (did you mean {code}, {name}?).",
             _LANGUAGE_HINT),
    Template("note.language.mixed", "error",
             "This row continues the note {label} of row {label_row}, whose language is '{language}' "
             "({language_cell}): a note has one language.", _ONE_LANGUAGE),
    Template("note.language.mixed.unlabelled", "error",
             "This row continues the note '(no label)' of row {label_row}, whose language is '{language}' "
             "({language_cell}): a note has one language.", _ONE_LANGUAGE),
    Template("note.no_text", "warning", "The note {label} has no text: only its label is printed.",
             "Type its text in the rows below it (column Text), or delete the label."),
)
