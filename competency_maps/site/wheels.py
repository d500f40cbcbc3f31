"""Wheels made here, for the browser: MarkupSafe's pure fallback, and this project's own package.

Both are plain zips in the wheel layout (PEP 427) that Pyodide unpacks into its site-packages; they
are made byte-for-byte the same from the same sources (fixed dates, sorted names), so that a site
built twice is the same site.
"""

from __future__ import annotations

import base64
import hashlib
import io
import tarfile
import zipfile
from pathlib import Path

from competency_maps import __version__

EPOCH = (2020, 1, 1, 0, 0, 0)
PROJECT = "competency_maps"
# Files of the package the browser does not need: sources of catalogs (their .mo are shipped), caches.
LEFT_OUT = (".po", ".pot", ".pyc", ".mjs")
# what the page never runs (tests/site check it by running the page): the renderers (check and the
# preview load none; tests/test_layers.py), the command line (the page calls site/browser.py, which
# imports no command and no console), the dataset's export and snapshots, publishing, and the modules
# that make the site (the page runs browser.py, preview.py and deliverable.py of site/); so that a first
# visit stays within 8 MB
LEFT_OUT_PACKAGES = (("render",), ("commands",), ("dataset",), ("publish",), ("cli.py",), ("console.py",),
                     ("__main__.py",),
                     *(("site", name) for name in ("build.py", "fetch.py", "pins.py", "serve.py", "wheels.py")))
# The templates the chapter preview renders (report.html.j2 and the figures it includes); the Word
# template, fonts and images are not needed in the browser (the preview's files are served apart).
# the report's HTML templates for the preview, and what check itself reads from templates/: which
# characters the bundled fonts draw (glyphs.py), so that the browser warns where the PDF would
PREVIEW_TEMPLATES = ("report.html.j2", "heatmap.svg.j2", "draft-mark.svg.j2", "fonts/coverage.json")


def _wheel(name: str, version: str, files: dict[str, bytes], metadata: bytes) -> tuple[str, bytes]:
    info = f"{name}-{version}.dist-info"
    files = dict(files)
    files[f"{info}/METADATA"] = metadata
    files[f"{info}/WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: competency-maps\nRoot-Is-Purelib: true\n"
                              b"Tag: py3-none-any\n")
    record = [f"{p},sha256={base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b'=').decode()},{len(d)}"
              for p, d in sorted(files.items())]
    files[f"{info}/RECORD"] = ("\n".join(record + [f"{info}/RECORD,,"]) + "\n").encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(files):
            z.writestr(zipfile.ZipInfo(path, EPOCH), files[path], zipfile.ZIP_DEFLATED)
    return f"{name}-{version}-py3-none-any.whl", buf.getvalue()


def pure_wheel_from_sdist(sdist: Path, name: str, version: str) -> tuple[str, bytes]:
    """A py3-none-any wheel of a package's pure-Python files, from its sdist (`src/<name>/`); its C
    speedups are left out, so that it imports its own pure fallback."""
    prefix = f"{name}-{version}/src/{name}/"
    files: dict[str, bytes] = {}
    metadata = b""
    with tarfile.open(sdist, "r:gz") as tar:
        for m in tar.getmembers():
            if m.isfile() and m.name.startswith(prefix) and m.name.endswith((".py", ".typed")):
                files[f"{name}/{m.name[len(prefix):]}"] = tar.extractfile(m).read()
            elif m.name == f"{name}-{version}/PKG-INFO":
                metadata = tar.extractfile(m).read()
    if not files or not metadata:
        raise ValueError(f"{sdist.name} does not hold the package {name}")
    return _wheel(name, version, files, metadata)


def project_wheel(package: Path, templates: Path) -> tuple[str, bytes]:
    """This project's package as the browser runs it: its modules and data (message catalogs, the
    export's schema) and the report's HTML templates (as `competency_maps/templates/`, where
    resources.py looks for them; an installed package's own copy of templates/ is not taken whole)."""
    files = {f"{PROJECT}/{p.relative_to(package).as_posix()}": p.read_bytes()
             for p in sorted(package.rglob("*")) if p.is_file() and not p.name.endswith(LEFT_OUT)
             and "__pycache__" not in p.parts and p.relative_to(package).parts[0] != "templates"
             and not any(p.relative_to(package).parts[:len(out)] == out for out in LEFT_OUT_PACKAGES)}
    for name in PREVIEW_TEMPLATES:
        files[f"{PROJECT}/templates/{name}"] = (templates / name).read_bytes()
    metadata = f"Metadata-Version: 2.1\nName: competency-maps\nVersion: {__version__}\n".encode()
    return _wheel(PROJECT, __version__, files, metadata)
