"""Writing outputs without ever leaving a half-written file or destroying the last good one."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .slugs import slug


@dataclass(frozen=True)
class RenderedPdf:
    """Here, not in render_pdf: the build receives it from the PDF process without importing
    weasyprint (pickle imports the module of a class it rebuilds)."""
    data: bytes
    pages: int
    anchors: dict[str, int] = field(default_factory=dict)  # id of a heading -> its page (from 1)


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; outputs are for sharing
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
