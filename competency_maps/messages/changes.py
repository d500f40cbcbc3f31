"""What changed since the last build (analysis/changes.py), as the build and `build.py changes`
print it, and the counts the version log's new row ends with (in the deliverable's language).

A cluster's line names it and sums up its changes; each change is one line (an edit two more:
before, after). The partners' texts and the places in their workbooks are data, never translated."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    # --- a cluster: its name and what changed ---
    Template("changes.cluster", "info", "{name}: {summary}"),
    Template("changes.same", "info", "No changes: {names}."),
    Template("changes.count.added", "info", "{count} added", plural="{count} added", count="count"),
    Template("changes.count.removed", "info", "{count} removed", plural="{count} removed", count="count"),
    Template("changes.count.edited", "info", "{count} edited", plural="{count} edited", count="count"),
    Template("changes.summary.counts", "info", "{counts}"),
    Template("changes.summary.none", "info", "no changes"),
    Template("changes.summary.new", "info", "new ({note})"),
    Template("changes.summary.gone", "info", "no longer in the report"),
    Template("changes.summary.not_compared", "info", "not compared ({note})"),
    Template("changes.held", "info", "{swot}, {tows}"),
    # --- the parts of a cluster's map, and where in them ---
    Template("changes.part.profile", "info", "Profile"),
    Template("changes.part.step1", "info", "Step 1"),
    Template("changes.part.notes", "info", "Step 2 notes"),
    Template("changes.part.swot", "info", "SWOT"),
    Template("changes.part.tows", "info", "TOWS"),
    Template("changes.place", "info", "{part} › {where}"),
    Template("changes.place.field", "info", "{part} › {field}"),
    Template("changes.place.row", "info", "{place} (row {row})"),
    # --- one change ---
    Template("changes.line.added", "info", "added: {place}: {text}"),
    Template("changes.line.removed", "info", "removed: {place}: {text}"),
    Template("changes.line.edited", "info", "edited: {place}"),
    Template("changes.line.before", "info", "before: {text}"),
    Template("changes.line.after", "info", "after: {text}"),
    Template("changes.empty", "info", "(empty)"),
    # --- the version log's row ---
    Template("changes.log.none", "info", "no changes to the clusters' data"),
)
