"""Messages about the partners' own words: a value typed in another language or spelling, read as meant."""

from competency_maps.i18n import pN_
from competency_maps.messages.template import Template, catalog

# A quadrant's plural in a message ("There are no Strengths at all"), translated by messages.render
QUADRANT_PLURALS = (pN_("quadrants", "Strengths"), pN_("quadrants", "Weaknesses"),
                    pN_("quadrants", "Opportunities"), pN_("quadrants", "Threats"))

TEMPLATES = catalog(
    # `choice` is shown as the workbook's dropdown shows it (messages.render translates `…choice`)
    Template("choice.native", "info", "{cell_value} is read as {choice}.",
             "Nothing to fix. The dropdown offers the same value."),
)
