"""Messages about what the report's pages can show of an input: glyphs, number formats, images."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("text.glyphs.missing", "warning",
             "The report's fonts cannot draw {characters}: each would print as an empty box.",
             "Write it in Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari or Thai letters, or leave it out."),
)
