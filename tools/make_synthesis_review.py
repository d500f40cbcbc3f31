"""Writes inputs/synthesis-review.xlsx: the sample's synthesis as its coordinator reviewed it.

The findings endorsed below were chosen by reading the five chapters: each is a theme the partners'
own entries support, not a keyword coincidence. Every other candidate the build proposes is marked
No. Run it again when the sample workbooks or the themes change:

    .venv/bin/python tools/make_synthesis_review.py

It stops, naming the finding, if one of the endorsed findings is no longer among the candidates.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from competency_maps.inputs.gather import gather  # noqa: E402
from competency_maps.model.richtext import text_of  # noqa: E402
from competency_maps.analysis.synthesis import COMPLEMENTARITY, CONVERGENCE, Candidate, analyse  # noqa: E402
from competency_maps.analysis.decisions import REVIEW_NAME, Decision, ReviewRow, entries_text  # noqa: E402
from competency_maps.xlsx.review import review_workbook  # noqa: E402

INPUTS = ROOT / "inputs"


@dataclass(frozen=True)
class Endorsed:
    """A convergence by its theme and quadrant; a complementarity by its two entries' beginnings."""
    kind: str
    theme: str
    quadrant: str = ""
    strength: str = ""  # "Cluster: first words of the entry"
    weakness: str = ""
    wording: str = ""

    def matches(self, c: Candidate) -> bool:
        if c.kind != self.kind or c.theme != self.theme:
            return False
        if c.kind == CONVERGENCE:
            return c.quadrant == self.quadrant
        return all(_quotes(q, spec) for q, spec in zip(c.quotes, (self.strength, self.weakness)))


def _quotes(q, spec: str) -> bool:
    cluster, _, start = spec.partition(": ")
    return q.cluster == cluster and q.entry.startswith(start)


ENDORSED = [
    Endorsed(CONVERGENCE, "COVID-19", "Threat", wording=(
        "All five clusters see the COVID-19 crisis as a threat: fewer personal contacts and events, and "
        "members who put survival before innovation projects.")),
    Endorsed(CONVERGENCE, "Funding", "Weakness", wording=(
        "All five clusters depend too much on public or project funding, or lack structural support "
        "from their state or region.")),
    Endorsed(CONVERGENCE, "Competition", "Threat", wording=(
        "Four clusters face growing competition: from other clusters and networks, from consulting "
        "firms and from public business support organisations.")),
    Endorsed(CONVERGENCE, "Members and services", "Threat", wording=(
        "Four clusters fear losing members, not least through the economic crisis.")),
    Endorsed(CONVERGENCE, "Communication and marketing", "Weakness"),
    Endorsed(CONVERGENCE, "Talent and skills", "Weakness", wording=(
        "Four clusters name the size, stability or skills of their own team as a weakness.")),
    Endorsed(CONVERGENCE, "EU projects and networks", "Strength", wording=(
        "European projects and networks are already a strength of three clusters.")),
    Endorsed(CONVERGENCE, "EU projects and networks", "Opportunity", wording=(
        "More European collaboration is an opportunity for three clusters.")),
    Endorsed(CONVERGENCE, "Digital", "Opportunity", wording=(
        "Four clusters see the digital transition of the industry as an opportunity.")),
    Endorsed(COMPLEMENTARITY, "Funding",
             strength="Mobinov: Liquid financial stability",
             weakness="E-Mobility Cluster: Too high proportion of project-related funding", wording=(
                 "Mobinov finances its activity without third-party funding: its experience can help "
                 "E-Mobility Cluster rely less on project funding.")),
    Endorsed(COMPLEMENTARITY, "Funding",
             strength="Zone Cluster: The business model is independent from state financing",
             weakness="Mov'eo: Dependence on public funding", wording=(
                 "Zone Cluster's business model does without state financing: a reference for Mov'eo, "
                 "which seeks a better balance of public and private funding.")),
    Endorsed(COMPLEMENTARITY, "Communication and marketing",
             strength="Mov'eo: New and clarified tailored service offering",
             weakness="E-Mobility Cluster: The marketing of the cluster services", wording=(
                 "Mov'eo has started to market its new service offering: E-Mobility Cluster, which "
                 "finds its own marketing to members too weak, can learn from it.")),
    Endorsed(COMPLEMENTARITY, "SMEs",
             strength="RAI Automotive Industry NL: We speak on behalf of SME's",
             weakness="Zone Cluster: Connections to SMEs"),
    Endorsed(COMPLEMENTARITY, "SMEs",
             strength="RAI Automotive Industry NL: We speak on behalf of SME's",
             weakness="E-Mobility Cluster: High proportion of large enterprises", wording=(
                 "RAI Automotive Industry NL, which speaks for the SMEs of the Dutch automotive "
                 "industry, can share how it reaches them with E-Mobility Cluster.")),
]


def _row(c: Candidate, include: bool, wording: str = "") -> ReviewRow:
    return ReviewRow(0, c.kind, c.theme, ", ".join(c.clusters), entries_text(c), include,
                     text_of(wording) if wording else ())


def decisions(candidates: list[Candidate]) -> list[Decision]:
    """The endorsed findings first, in the report's order, then every other candidate, marked No."""
    chosen: list[Decision] = []
    used: set[int] = set()
    for e in ENDORSED:
        found = [i for i, c in enumerate(candidates) if e.matches(c) and i not in used]
        if not found:
            raise SystemExit(f"No candidate matches {e}: the sample or the themes have changed; "
                             "adapt ENDORSED in tools/make_synthesis_review.py.")
        used.add(found[0])
        chosen.append(Decision(candidates[found[0]], _row(candidates[found[0]], True, e.wording)))
    rest = [Decision(c, _row(c, False)) for i, c in enumerate(candidates) if i not in used]
    return chosen + rest


def main() -> None:
    g = gather(INPUTS)
    d = g.deliverable
    syn = analyse(g.clusters, d.topics, list(d.themes), d.synthesis.min_clusters, d.language,
                  min_share=d.synthesis.min_share, endorsed=lambda c: any(e.matches(c) for e in ENDORSED))
    out = decisions(syn.candidates)
    (INPUTS / REVIEW_NAME).write_bytes(review_workbook(out, marked=False, when=d.date))
    print(f"Wrote {INPUTS / REVIEW_NAME}: {len(ENDORSED)} findings endorsed, "
          f"{len(out) - len(ENDORSED)} marked No.")


if __name__ == "__main__":
    main()
