"""Partners' logos placed in `inputs/logos/`, one per cluster, named after its Short name
("Mov'eo.svg" or "mov-eo.png"); each checked as untrusted input (images.py)."""

from __future__ import annotations

import re
from pathlib import Path

from competency_maps.errors import Issue, Location, issue
from competency_maps.inputs.images import SUFFIXES, Image, ImageError, load
from competency_maps.model.cluster import Cluster
from competency_maps.model.schema import name_key
from competency_maps.slugs import slug

FOLDER = "logos"


def _key(text: str) -> str:
    """"Mov'eo", "mov-eo" and "MOVEO" name the same cluster."""
    return re.sub(r"[^a-z0-9]", "", slug(name_key(text)))


def attach_logos(inputs: Path, clusters: list[Cluster]) -> list[Issue]:
    """Give each cluster the logo named after it; every other file in the folder is named in a
    warning, every unusable image is an error naming the file."""
    folder = inputs / FOLDER
    if not folder.is_dir() or folder.is_symlink():
        return []
    by_key = {_key(c.name): c for c in clusters}
    issues: list[Issue] = []
    root = inputs.resolve()
    for path in sorted(folder.iterdir()):
        loc = Location(f"{FOLDER}/{path.name}")
        if path.name.startswith("."):
            continue
        if path.suffix.lower() not in SUFFIXES:
            issues.append(issue("logo.file.kind", loc))
            continue
        cluster = by_key.get(_key(path.stem))
        if cluster is None:
            issues.append(issue("logo.file.no_cluster", loc))
            continue
        try:
            if path.is_symlink() or not path.resolve().is_relative_to(root) or not path.is_file():
                raise ImageError("image.not_inside")
            cluster.profile.logo = load(path.read_bytes(), path.name)
        except ImageError as e:
            issues.append(issue("logo.file.unusable", loc, cluster=cluster.name, reason=e.phrase()))
        except OSError as e:
            issues.append(issue("logo.file.unreadable", loc, reason=str(e.strerror or e)))
    return issues


__all__ = ["attach_logos", "Image"]
