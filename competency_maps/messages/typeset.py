"""Messages about what the report's pages can show of an input: glyphs, number formats, images."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("text.glyphs.missing", "warning",
             "The report's fonts cannot draw {characters}: each would print as an empty box.",
             "Write it in Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari or Thai letters, or leave it out."),
    Template("markdown.image.omitted", "warning",
             "The image {src} is not printed: the report shows only its text '{alt}'.",
             "Describe the figure in words, or add it to the Word file by hand after the build."),
    Template("cell.number_format.locale_date", "info",
             "This date is shown in your computer's date format: the report prints it as {printed}.",
             "To print it otherwise, type it as text, or give the cell a date format of its own (one without *)."),
    Template("cell.number_format.unsupported", "warning",
             "The report cannot show this number as its format {number_format} does: it prints {printed}.",
             "Type the number as text, as it should be printed."),
)
