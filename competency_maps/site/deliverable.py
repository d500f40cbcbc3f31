"""What the deliverable defines, for the site: its own files, packed into one JSON document.

In: the inputs folder (deliverable.toml, the Markdown texts and logos it names, logos/), already
validated. Out: `deliverable.json`: a summary the page shows (title, topics, themes, expected
clusters, languages, the project's logo) and the files themselves, which the browser unpacks into
a folder so that the very same configuration code reads them. Partners' workbooks are never packed.
"""

from __future__ import annotations

import base64
from pathlib import Path, PurePosixPath
from typing import Any

from competency_maps.inputs.config import CONFIG_NAME, Deliverable
from competency_maps.inputs.logos import FOLDER as LOGOS

TEXT_SUFFIXES = (".toml", ".md")
PICTURE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")
MAX_FILE_BYTES = 2 * 1024 * 1024


def _shipped(inputs: Path) -> list[Path]:
    """The deliverable's own files: deliverable.toml, its Markdown, its pictures and logos/."""
    found = [p for p in sorted(inputs.iterdir()) if p.suffix.lower() in TEXT_SUFFIXES + PICTURE_SUFFIXES]
    folder = inputs / LOGOS
    if folder.is_dir() and not folder.is_symlink():
        found += [p for p in sorted(folder.iterdir()) if p.suffix.lower() in PICTURE_SUFFIXES]
    return [p for p in found if p.is_file() and not p.is_symlink() and p.stat().st_size <= MAX_FILE_BYTES]


def summary(d: Deliverable, logo: str) -> dict[str, Any]:
    return {"number": d.number, "title": d.title, "project": d.project_acronym, "language": d.language,
            "topics": list(d.topics), "themes": list(d.theme_names), "clusters": list(d.clusters.order),
            "logo": logo}


def pack(inputs: Path, d: Deliverable, *, logo: str = "") -> dict[str, Any]:
    files: dict[str, dict[str, str]] = {}
    for p in _shipped(inputs):
        name = p.relative_to(inputs).as_posix()
        data = p.read_bytes()
        if p.suffix.lower() in TEXT_SUFFIXES or p.suffix.lower() == ".svg":
            files[name] = {"text": data.decode("utf-8")}
        else:
            files[name] = {"base64": base64.b64encode(data).decode("ascii")}
    return {"summary": summary(d, logo), "files": files}


def unpack(packed: dict[str, Any], folder: Path) -> Path:
    """The packed files written into `folder`; names are checked to stay inside it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in packed["files"].items():
        rel = PurePosixPath(name)
        if rel.is_absolute() or ".." in rel.parts or len(rel.parts) > 2 or (len(rel.parts) == 2 and rel.parts[0] != LOGOS):
            raise ValueError(f"refused a file name in deliverable.json: {name[:80]!r}")
        target = folder.joinpath(*rel.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        if "text" in content:
            target.write_text(content["text"], encoding="utf-8")
        else:
            target.write_bytes(base64.b64decode(content["base64"]))
    if not (folder / CONFIG_NAME).is_file():
        raise ValueError(f"deliverable.json holds no {CONFIG_NAME}")
    return folder
