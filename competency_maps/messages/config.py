"""Messages about deliverable.toml and the files it names (inputs/config.py, inputs/options.py).

Each is located at deliverable.toml › section › key; `key` in a hint is the key's own name.
"""

from competency_maps.i18n import pN_
from competency_maps.messages.template import Template, catalog

# The words that fill {kind} (what a TOML value is, inputs/options.py) and {noun} (what a name in a
# section is: model/keys.py, model/deliverable.py), translated by messages.render (TERM_PARAMS)
TERMS = (pN_("term", "text"), pN_("term", "true/false"), pN_("term", "a number"), pN_("term", "a list"),
         pN_("term", "a table"), pN_("term", "a date"), pN_("term", "a date and time"), pN_("term", "a time"),
         pN_("term", "key"), pN_("term", "section"), pN_("term", "heading"), pN_("term", "label"))

TEMPLATES = catalog(
    Template("config.toml.syntax", "error", "cannot be read: {problem}.", "Fix the TOML syntax (quotes, brackets)."),
    Template("config.text.type", "error", "must be text in quotes, not {kind} ({value}).",
             'Write it in quotes: {key} = "{typed}"'),
    Template("config.empty", "error", "must not be empty."),
    Template("config.number.type", "error", "must be a whole number, not {kind} ({value}).",
             "Write a number without quotes: {key} = 3"),
    Template("config.number.small", "error", "must be at least {minimum}, not {value}."),
    Template("config.partner_topics.unknown", "error", "{partner}: {topic} is not one of the deliverable's topics.",
             "Choose among: {topics}."),
    Template("config.partner_topics.partner", "warning",
             "{partner} is not in [clusters] order: its topics are used only if a workbook has this Short name.",
             "Write the partner's Short name as in [clusters] order."),
    Template("config.share.type", "error", "must be a number from 0 to 1, not {kind} ({value}).",
             "Write a number without quotes: {key} = 0.5 for half."),
    Template("config.share.range", "error", "must be from 0 to 1, not {value}.",
             "Write a share: {key} = 0.5 for half, {key} = 1 for all."),
    Template("config.flag.type", "error", "must be true or false, not {kind} ({value}).",
             "Write {key} = true or {key} = false, without quotes."),
    Template("config.date.type", "error", "must be a date (YYYY-MM-DD), not {value}.", "Write {key} = 2020-10-02"),
    Template("config.list.type", "error", "must be a list in brackets, not {kind} ({value}).",
             'Write {key} = ["…", "…"], even for a single item.'),
    Template("config.list.item", "error", "item {item} must be non-empty text in quotes."),
    Template("config.list.repeated", "error", "names {item} twice.", "Remove the repeated item."),
    Template("config.rows.type", "error", "must be a list of rows, each a list of texts in brackets.",
             'Write {key} = [["…", "…"], ["…", "…"]]'),
    Template("config.rows.cell", "error", "row {row} has {kind} ({value}) where text in quotes is expected.",
             "Put every cell in quotes, even numbers and dates."),
    Template("config.rows.width", "error", "row {row} has {cells} cells for {columns} columns.",
             'Give every row one cell per column ("" for an empty one).'),
    Template("config.ticks.type", "error", "must be a list of [label, true/false] pairs.",
             'Write {key} = [["report", true], ["other", false]]'),
    Template("config.pattern.invalid", "error", "is not a valid pattern ({problem}).",
             "Use only {allowed}; write {{{{ and }}}} for a literal brace."),
    Template("config.pattern.blanks", "error", "uses blanks that do not exist: {blanks}.", "Use only {allowed}."),
    Template("config.table.type", "error", "must be a table ([{key}] and its keys below it), not {kind}."),
    Template("config.tables.type", "error", "must be tables written [[{key}]], not {kind}."),
    Template("config.key.required", "error", "is required but missing.", "Add {key} = … under [{section}]."),
    Template("config.key.unknown", "warning", "unknown {noun} '{name}', ignored.", "Did you mean '{close}'?"),
    Template("config.key.unknown.listed", "warning", "unknown {noun} '{name}', ignored.",
             "The known keys are: {known}."),
    Template("config.label.unknown", "error", "has an unknown {noun} '{name}'.", "Did you mean '{close}'?"),
    Template("config.label.unknown.listed", "error", "has an unknown {noun} '{name}'.",
             "Use one of the names listed in competency_maps/labels.py."),
    Template("config.short_topics.count", "error", "has {names} names for {topics} topics.",
             "Give one short name per topic, in the same order as topics."),
    Template("config.language.words", "warning",
             "is '{value}': the report's own words are not translated into it and stay in English.",
             "Use one of: {languages}. Or write the words under [labels] and [headings]."),
    Template("config.markdown.line", "error", "{file}, line {line}: {problem}", "{fix}"),
    Template("config.logo.invalid", "error", "names {file}, which {problem}", "Use a plain PNG or SVG logo."),
)
