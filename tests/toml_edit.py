"""Setting keys of a copied inputs folder's deliverable.toml in tests, whether or not the sample's toml
already has the section or the key (it sets D2.1's own [headings] and [labels])."""

from __future__ import annotations

from pathlib import Path

import tomlkit


def set_keys(inputs: Path, section: str, **values: object) -> None:
    """`section.key = value` for each value, the rest of the toml as it was."""
    path = inputs / "deliverable.toml"
    doc = tomlkit.parse(path.read_text(encoding="utf-8"))
    table = doc.setdefault(section, tomlkit.table())
    for key, value in values.items():
        table[key] = value
    path.write_text(tomlkit.dumps(doc), encoding="utf-8")
