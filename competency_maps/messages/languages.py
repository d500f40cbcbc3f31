"""Messages about the partners' own words: a value typed in another language or spelling, read as meant."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    # `choice` is shown as the workbook's dropdown shows it (messages.render translates `…choice`)
    Template("choice.native", "info", "{cell_value} is read as {choice}.",
             "Nothing to fix. The dropdown offers the same value."),
)
