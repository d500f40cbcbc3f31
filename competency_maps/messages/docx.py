"""Messages about the Word file (render/docx/): its reference document and its template."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("docx.reference.unreadable", "error",
             "The Word reference document {reference} cannot be opened ({error_type}: {detail}).",
             "Restore it from the repository."),
    Template("docx.reference.styles", "error", "The Word reference document {reference} lacks these styles: {styles}.",
             "Add them (Styles pane › New Style) or restore it from the repository."),
    Template("docx.template.failed", "error", "The Word template could not be filled ({error_type}: {detail})."),
)
