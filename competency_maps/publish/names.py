"""The names of the files the tool writes: from free text, never a path."""

from __future__ import annotations

from competency_maps.slugs import slug


def safe_filename(name: str) -> str:
    """A file name from free text, case and dots kept ("D2.1"), never a path."""
    return slug(name, 80, keep_case=True, dots=True)


def output_stem(number: str, title: str, draft: bool = False, proof_of: str = "") -> str:
    # slugs: never a path; cut short, as a Short name may be a whole cell long (file names: 255 bytes)
    stem = f"{safe_filename(number)}-{slug(title, 80)}"
    if proof_of:
        stem += f"-proof-{slug(proof_of, 60)}"
    if draft:
        stem += "-DRAFT"
    return stem
