"""The pinned artifacts (pins.py), fetched once from their registries into a cache and checked.

pip and npm fetch them, as they fetch everything else on this machine (their configuration, proxy
and mirrors apply); each file is then checked against its pinned sha256 before it is used or kept.
A file in the cache is checked again every time: a cache copied from elsewhere is trusted no more.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from competency_maps.errors import Location, ReportError
from competency_maps.site.pins import Artifact

NPM_TARBALL = "https://registry.npmjs.org/{name}/-/{filename}"
TIMEOUT = 600  # seconds for one download: the Pyodide tarball is 6.5 MB


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "competency-maps" / "site"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(2**20):
            h.update(chunk)
    return h.hexdigest()


def fetched(artifact: Artifact, cache: Path) -> Path:
    """The artifact's file in `cache`, downloaded first if it is not there; its checksum checked."""
    path = cache / artifact.filename
    if path.is_file() and sha256(path) == artifact.sha256:
        return path
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache, prefix=".download-") as tmp:
        got = _download(artifact, Path(tmp))
        if sha256(got) != artifact.sha256:
            raise ReportError("site.command.hash_mismatch", Location(artifact.filename),
                              artifact=artifact.label, cache=str(cache))
        os.replace(got, path)
    return path


def _download(artifact: Artifact, folder: Path) -> Path:
    try:
        if artifact.registry == "pypi":
            binary = "--no-binary" if artifact.filename.endswith(".tar.gz") else "--only-binary"
            _run([sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
                  binary, ":all:", "--dest", str(folder), f"{artifact.name}=={artifact.version}"])
        elif shutil.which("npm"):
            _run(["npm", "pack", f"{artifact.name}@{artifact.version}", "--pack-destination", str(folder)])
        else:  # the registry's tarball address, as npm itself fetches it
            url = NPM_TARBALL.format(name=artifact.name, filename=artifact.filename)
            with urllib.request.urlopen(url, timeout=TIMEOUT) as r:  # noqa: S310 - a fixed https address
                (folder / artifact.filename).write_bytes(r.read())
    except (OSError, subprocess.SubprocessError) as e:
        raise ReportError("site.command.fetch_failed", Location(artifact.filename), artifact=artifact.label,
                          reason=str(e)[-300:]) from e
    found = folder / artifact.filename
    if not found.is_file():
        raise ReportError("site.command.fetch_failed", Location(artifact.filename), artifact=artifact.label,
                          reason=f"the registry served {', '.join(p.name for p in folder.iterdir()) or 'nothing'}")
    return found


def _run(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
    if done.returncode:
        raise subprocess.SubprocessError((done.stderr or done.stdout).strip())
