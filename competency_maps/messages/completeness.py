"""Messages about a whole workbook's consistency and completeness (inputs/validate.py): what the
report will show where entries are missing."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("profile.smes_above_members", "error", "SMEs ({smes}) is greater than Members ({members}).",
             "SMEs counts the members that are SMEs: correct one of the two."),
    Template("step.empty", "error", "This sheet is empty, and the report needs it.",
             "Fill it in: one entry per row."),
    Template("step.unused", "warning", "This deliverable has no place for this sheet: its entries are not printed.",
             "Nothing to do, unless the coordinator asked for them."),
    Template("swot.topic.empty", "warning",
             "There are no SWOT entries for the topic '{topic}': the topic is left out of the SWOT tables.",
             "Add rows with the Topic '{topic}', unless this is intended."),
    Template("topic.not_asked", "warning",
             "'{topic}' is not one of the topics asked of {cluster}: its entries are printed all the same.",
             "Check the Topic of these rows, or ask the coordinator to add the topic for you."),
    Template("swot.quadrant.empty", "warning",
             "There are no {quadrants} at all: that column of the SWOT tables will be empty.",
             "Add rows with Quadrant '{quadrant}', unless this is intended."),
    Template("tows.topic.empty", "warning",
             "There are no TOWS strategies for the topic '{topic}': its table is left out of Step 3.",
             "Add rows with the Topic '{topic}', unless this is intended."),
    Template("tows.strategy.empty", "warning",
             "No {strategy} strategy for the topic '{topic}': that cell of its table will show only the "
             "strategy's caption.", "Add a row with Topic '{topic}' and Strategy {strategy}, unless this is intended."),
)
