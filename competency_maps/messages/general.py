"""Messages about the tool itself and its environment, not about one input file."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("internal.error", "error", "An internal error: {detail}.",
             "This is a fault in the tool, not in your files. Please report it with the text above."),
)
