"""Messages about the Cluster sheet: the profile's fields and the logo pasted on it (inputs/reader.py)."""

from competency_maps.messages.template import Template, catalog

_DIGITS = "Type digits only, e.g. {example}."

TEMPLATES = catalog(
    Template("profile.field.unknown", "warning", "'{label}' is not a profile field; its value will not appear.",
             "The fields are: {fields}."),
    Template("profile.row.missing", "error", "The row '{field}' is missing.",
             "Add a row with '{field}' in column A and its value in column B."),
    Template("profile.required.empty", "error", "{field} is required but empty.", "Fill it in: {help}"),
    Template("profile.year.invalid", "error", "{field} must be a whole number (a year), not '{value}'.", _DIGITS),
    Template("profile.number.invalid", "error", "{field} must be a whole number, not '{value}'.", _DIGITS),
    Template("profile.number.date_cell", "info",
             "{field} is typed into a date-formatted cell, which shows {shown}: it is read as {number}.",
             "Set the cell's format to General (Home › Number Format) so that it shows the number."),
    Template("profile.year.date", "info", "{field} is a date ({shown}): its year, {year}, is used.",
             "Type the year alone (four digits)."),
    Template("profile.number.date", "error", "{field} must be a whole number, not the date {shown}.",
             "Type digits only, e.g. {example}, and set the cell's format to General."),
    Template("profile.placeholder.required", "error", "{field} holds only {value}, a placeholder; it is required.",
             "Fill it in: {help}"),
    Template("profile.placeholder", "warning", "{value} looks like a placeholder: {field} is left out of the report.",
             "Type the real value, or clear the cell."),
    Template("profile.website.email", "error", "{value} is an e-mail address, not a web address.",
             "Type the cluster's website as in the browser's address bar, e.g. {example} or {example_bare}."),
    Template("profile.website.invalid", "error", "{value} is not a web address.",
             "Type the cluster's website as in the browser's address bar, e.g. {example} or {example_bare}."),
    Template("logo.pasted.second", "warning", "A second picture is pasted here; only the first one is the logo.",
             "Keep only the cluster's logo on this sheet."),
    Template("logo.pasted.unusable", "error", "The picture pasted here cannot be the logo: it {reason}",
             "Paste the logo as a plain PNG or JPEG picture, or delete the picture."),
    Template("logo.pasted.unreadable", "error", "The picture pasted here cannot be read ({error_type}).",
             "Paste the logo again as a PNG or JPEG picture."),
)
