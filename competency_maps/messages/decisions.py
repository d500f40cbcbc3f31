"""Messages about the coordinator's decisions on the synthesis, set against this build's findings
(analysis/decisions.py)."""

from competency_maps.i18n import pN_
from competency_maps.messages.template import Template, catalog

# The kinds of finding that fill {kind} (analysis/synthesis.py KINDS), translated by messages.render
TERMS = (pN_("term", "Convergence"), pN_("term", "Complementarity"))

TEMPLATES = catalog(
    Template("decision.stale", "warning",
             "This row ({kind}, {theme}) is marked {yes} but the build no longer proposes it: its entries have "
             "changed in the workbooks (or in this row). It is not printed.",
             "Find it among the rows marked new in {output} and set Include to {yes} there."),
)
