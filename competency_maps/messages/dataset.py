"""Messages about the JSON export and snapshot read back (dataset/records.py), the version log row a
build adds to deliverable.toml (dataset/version_log.py), and Markdown that cannot be read whole
(model/richtext.py)."""

from competency_maps.messages.template import Template, catalog

_WRITE_AGAIN = ("Write it again with `build.py export --format json`, or name another file "
                "(a snapshot is rewritten by the next build).")

TEMPLATES = catalog(
    Template("dataset.newer", "error",
             "was written by a newer version of the tool (format version {version}; this one reads {current}).",
             "Update the tool, or export the data again with this one."),
    Template("dataset.schema", "error", "is not a competency-maps export: at {path}, {detail}.", _WRITE_AGAIN),
    Template("dataset.schema.top", "error", "is not a competency-maps export: at the top, {detail}.", _WRITE_AGAIN),
    Template("dataset.cluster.unknown", "error",
             "is not a competency-maps export: {record} names the cluster '{cluster}', which is not among "
             "its clusters.", _WRITE_AGAIN),
    Template("dataset.cluster.twice", "error", "is not a competency-maps export: a cluster is listed twice.",
             _WRITE_AGAIN),
    Template("dataset.too_large", "error", "is larger than {max_mb} MB: not an export of this tool.",
             "Name the JSON file that `build.py export --format json` wrote."),
    Template("dataset.missing", "error", "does not exist.", "Check the path."),
    Template("dataset.folder", "error", "is a folder, not a JSON file.", "Name the .json file."),
    Template("dataset.unreadable", "error", "cannot be read ({reason}).", "Check the file's permissions."),
    Template("dataset.not_json", "error", "is not JSON ({detail}).",
             "Name the JSON file that `build.py export --format json` wrote, or write it again (a snapshot "
             "is rewritten by the next build)."),
    Template("version_log.row.invalid", "error", "would not be valid with the new version log row: {reason}",
             "{reason_hint}"),
    Template("markdown.nested_too_deep", "error",
             "lists or quotes are nested too deeply to be read (more than {levels} levels).", "Flatten the list."),
)
