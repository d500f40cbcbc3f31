"""Messages about the consortium synthesis and its review file."""

from competency_maps.messages.template import Template, catalog

TEMPLATES = catalog(
    Template("synthesis.capped", "warning",
             "The synthesis proposes {kept} of {possible} possible complementarities: the best {per_pair} "
             "per theme and pair of clusters, at most {limit} in all.",
             "To see other pairings, make the themes' keywords in deliverable.toml narrower, or choose a "
             "Theme for the entries in the SWOT sheets."),
)
