"""Messages about a JSON export or snapshot read back (`--from`, `--since`, a build's snapshot), the version
log row a build adds to deliverable.toml (dataset/version_log.py), and Markdown that cannot be read whole
(model/richtext.py)."""

from competency_maps.messages.template import Template, catalog

REWRITE = ("Write it again with `build.py export --format json`, or name another file "
           "(a snapshot is rewritten by the next build).")

TEMPLATES = catalog(
    Template("dataset.not_utf8", "error", "is not UTF-8 text (byte {byte} at offset {offset}).", REWRITE),
    Template("dataset.not_json", "error", "is not JSON ({detail}).", REWRITE),
    Template("dataset.too_deep", "error", "is nested more than {limit} levels deep: not an export of this tool.",
             REWRITE),
    Template("dataset.big_number", "error",
             "holds a number of {digits} digits (at most {limit} are read): not an export of this tool.",
             REWRITE),
    Template("dataset.not_a_number", "error", "holds {value}, which JSON does not allow.", REWRITE),
    Template("dataset.newer", "error",
             "was written by a newer version of the tool (format version {found}; this one reads {supported}).",
             "Update the tool, or export the data again with this one."),
    Template("dataset.schema", "error", "is not a competency-maps export: {problem}.", REWRITE),
    Template("dataset.unknown_cluster", "error", "names the cluster {name}, which is not among its clusters.",
             REWRITE),
    Template("dataset.duplicate_cluster", "error", "lists the cluster {name} twice (also at {first}).",
             "Keep one of the two: each cluster is listed once."),
    Template("version_log.row.invalid", "error", "would not be valid with the new version log row: {reason}",
             "{reason_hint}"),
    Template("markdown.nested_too_deep", "error",
             "lists or quotes are nested too deeply to be read (more than {levels} levels).", "Flatten the list."),
)
