#!/usr/bin/env python3
"""Regenerate the sample workbooks in inputs/ from the transcriptions in tools/sample_data/.

The transcriptions (TOML, see tools/sample_data/FORMAT.md) are the seed's text word for word;
the workbooks are made with the project's own generator, so they follow any schema change:

    python tools/make_samples.py
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from competency_maps.inputs import config  # noqa: E402
from competency_maps.model.cluster import Cluster, Note, Profile, SwotEntry, TowsEntry  # noqa: E402
from competency_maps.model.richtext import Block, BlockKind, number_lists, parse_inline_markdown  # noqa: E402
from competency_maps.model.schema import build_schema  # noqa: E402
from competency_maps.xlsx.writer import write_filled_workbook  # noqa: E402

DATA = ROOT / "tools" / "sample_data"


def _blocks(rows: list[list[str]]) -> list[Block]:
    return number_lists([Block(BlockKind(style.lower()), parse_inline_markdown(text)) for style, text in rows])


def cluster_from_toml(path: Path, topics: tuple[str, ...]) -> Cluster:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    p = raw["profile"]
    profile = Profile(
        short_name=p["short_name"], full_name=p.get("full_name", ""), country=p.get("country", ""),
        founded=p.get("founded"), members=p.get("members"), smes=p.get("smes"),
        website=p.get("website", ""), about=parse_inline_markdown(p.get("about", "")))
    step1 = _blocks(raw.get("step1", []))
    swot = [SwotEntry(topics[t - 1], q, g, parse_inline_markdown(e)) for t, q, g, e in raw["swot"]]
    tows = [TowsEntry(topics[t - 1], s, f, parse_inline_markdown(e)) for t, s, f, e in raw["tows"]]
    notes = [Note(n.get("label", ""), tuple(_blocks(n.get("blocks", []))), n.get("language", ""))
             for n in raw.get("step2_notes", [])]
    return Cluster(profile, step1, swot, tows, step2_notes=notes)


def main() -> int:
    deliverable = config.load(ROOT / "inputs")
    schema = build_schema(deliverable.topics, deliverable.theme_names)
    for src in sorted(DATA.glob("*.toml")):
        out = ROOT / "inputs" / f"{src.stem}.xlsx"
        write_filled_workbook(schema, cluster_from_toml(src, deliverable.topics), out)
        print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
