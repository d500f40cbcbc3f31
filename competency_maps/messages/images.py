"""Messages about images: why a logo cannot be used (inputs/images.py: phrases that complete "it …"),
and the files of inputs/logos/ (inputs/logos.py)."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    # what ImageError says: a phrase, completed by the message of whoever loaded the image
    Template("image.too_large", "error", "is {size_kb} KB; a logo may be at most {max_mb} MB."),
    Template("image.too_many_pixels", "error",
             "has too many pixels; a logo may have at most {max_pixels:,} (save it smaller)."),
    Template("image.unreadable", "error", "is not a readable PNG or JPEG image ({detail})."),
    Template("image.format", "error", "is a {format} image; use PNG, JPEG or SVG."),
    Template("image.format.unknown", "error", "is an image of an unknown kind; use PNG, JPEG or SVG."),
    Template("image.not_inside", "error", "is not a regular file inside the inputs folder."),
    Template("image.svg.dtd", "error", "declares a DTD or entities, which a logo never needs."),
    Template("image.svg.malformed", "error", "is not a well-formed SVG file ({detail})."),
    Template("image.svg.not_svg", "error", "is not an SVG image (its first element is not <svg>)."),
    Template("image.svg.element", "error", "holds an element <{element}>; a logo may hold only shapes and text."),
    Template("image.svg.href", "error", "refers to '{target}'; a logo may not point at files or URLs."),
    Template("image.svg.handler", "error", "has an event handler ({attribute}); a logo holds no scripts."),
    Template("image.svg.url", "error", "refers to a file or URL with url(…); a logo may not point outside itself."),
    Template("image.svg.import", "error", "imports a style sheet or file; a logo may not point outside itself."),
    Template("image.svg.no_size", "error", "has no size: give the <svg> element a viewBox or a width and height."),
    # the files of inputs/logos/
    Template("logo.file.kind", "warning", "is not used: a logo is a PNG, JPEG or SVG file.",
             "Save the logo as .png or .svg, or remove the file."),
    Template("logo.file.no_cluster", "warning", "is named after no cluster of this report, so it is not used.",
             "Name it after the cluster's Short name, e.g. \"Mov'eo.svg\"."),
    Template("logo.file.unusable", "error", "cannot be used as {cluster}'s logo: it {reason}",
             "Replace it with a plain PNG or SVG logo, or remove the file."),
    Template("logo.file.unreadable", "error", "cannot be read ({reason}).", "Check the file, or remove it."),
)
