#!/usr/bin/env python3
"""Draws the sample's placeholder logos (no third-party artwork): the project's, in inputs/, and one
per sample cluster, in inputs/logos/ named after its Short name. Run it again after a change."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

INPUTS = Path(__file__).resolve().parent.parent / "inputs"
NAVY, TEAL = "#1f3864", "#007a87"

PROJECT = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 490 80" width="490" height="80">
<text x="0" y="58" font-family="Carlito, sans-serif" font-size="52" font-weight="bold" fill="{TEAL}">RECIPE</text>
<circle cx="200" cy="40" r="30" fill="{NAVY}"/>
<text x="200" y="58" text-anchor="middle" font-family="Carlito, sans-serif" font-size="50" font-weight="bold" fill="#ffffff">4</text>
<text x="236" y="58" font-family="Carlito, sans-serif" font-size="52" font-weight="bold" fill="{NAVY}">MOBILITY</text>
</svg>
"""

CLUSTERS = {  # file name (the Short name): colour, number of rings (shapes only, no words)
    "E-Mobility Cluster": ("#2e7d32", 1),
    "Mobinov": ("#c62828", 2),
    "Mov'eo": ("#1565c0", 3),
    "RAI Automotive Industry NL": ("#ef6c00", 2),
    "Zone Cluster": ("#6a1b9a", 1),
}


def cluster_logo(colour: str, rings: int) -> str:
    circles = "".join(f'<circle cx="40" cy="40" r="{34 - 9 * i}" fill="none" stroke="#ffffff" stroke-width="4"/>'
                      for i in range(rings))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 80" width="80" height="80">\n'
            f'<rect x="2" y="2" width="76" height="76" rx="16" fill="{escape(colour)}"/>\n{circles}\n</svg>\n')


def main() -> None:
    (INPUTS / "recipe4mobility-logo.svg").write_text(PROJECT, encoding="utf-8")
    (INPUTS / "logos").mkdir(exist_ok=True)
    for name, (colour, rings) in CLUSTERS.items():
        (INPUTS / "logos" / f"{name}.svg").write_text(cluster_logo(colour, rings), encoding="utf-8")
    print(f"wrote {len(CLUSTERS) + 1} logos under {INPUTS}")


if __name__ == "__main__":
    main()
