"""Messages about the tool itself and its environment, not about one input file."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("legacy.text", "error", "{message}", "{hint}"),  # TRANSITIONAL (issue 22): see errors.error
    Template("internal.error", "error", "An internal error: {detail}.",
             "This is a fault in the tool, not in your files. Please report it with the text above."),
)
