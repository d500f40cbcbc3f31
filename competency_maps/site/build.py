"""`build.py site -o DIR`: the static self-check site, written whole, then swapped in.

In: the inputs folder (its deliverable.toml validated as for a build), the pinned runtime and wheels
(fetch.py, cached), this package. Out: a folder any static web server can serve:

    index.html app.js worker.js style.css   the page (templates/site/), its words from messages.json
    site.json                                what the worker loads, in order
    pyodide/                                 the runtime (npm's pyodide: WebAssembly, stdlib)
    wheels/                                  openpyxl & co, MarkupSafe's pure fallback, competency_maps
    deliverable.json                         what the deliverable defines (deliverable.py)
    preview/                                 the report's style sheet, its pictures and WOFF2 fonts
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import logging
import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont
from jinja2 import Environment, FileSystemLoader

from competency_maps import messages
from competency_maps.errors import ConfigError, Location, ReportError
from competency_maps.inputs import config
from competency_maps.resources import TEMPLATES
from competency_maps.site import deliverable as packed
from competency_maps.site import pins
from competency_maps.site.fetch import fetched
from competency_maps.site.wheels import project_wheel, pure_wheel_from_sdist

try:  # the partners' languages, when the catalogs are there (issue 23); English alone before
    from competency_maps.i18n import LANGUAGES, NAMES
except ImportError:
    LANGUAGES, NAMES = ("en",), {"en": "English"}

PACKAGE = Path(__file__).resolve().parent.parent
PAGE_FILES = ("app.js", "worker.js", "style.css", "favicon.svg")
PREVIEW_PICTURES = ("bullet.png", "eu-emblem.svg")
FONTS = ("Carlito-Regular", "Carlito-Bold", "Carlito-Italic", "Carlito-BoldItalic", "DejaVuSans", "DejaVuSansMono")
FONT_LICENCES = ("OFL-Carlito.txt", "LICENSE-DejaVu.txt")
# Only the site's own files, and WebAssembly compiled from them: nothing else runs, loads or connects.
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'; "
       "form-action 'none'")
MARKER = "site.json"
PRECOMPILE = Path(__file__).with_name("precompile.mjs")


@dataclass(frozen=True)
class SiteSummary:
    folder: Path
    files: int
    size: int  # bytes
    compressed: int  # bytes, gzip -6 of every file: what a server sends compressed
    first_visit: int  # compressed bytes before a preview is opened (its fonts load with it)
    compiled: str = ""  # why the Python was not precompiled ("" when it was)


def languages() -> tuple[str, ...]:
    """The languages the message catalogs hold: the page offers each, in its own name."""
    return tuple(LANGUAGES)


def page_catalog() -> dict[str, dict[str, list[str]]]:
    codes = [c for c in messages.codes() if c.startswith("site.") and not c.startswith("site.command.")]
    out = {}
    for lang in languages():
        out[lang] = {c: list(messages.render(c, _placeholders(c), lang)) for c in codes}
    return out


def _placeholders(code: str) -> dict[str, str]:
    """Each field kept as `{name}` for the page to fill (app.js's t())."""
    return {f: "{" + f + "}" for f in messages.template(code).fields()}


def _woff2(ttf: Path, cache: Path) -> bytes:
    """The font as WOFF2 (fontTools with Brotli), made once per font file and kept in the cache."""
    key = hashlib.sha256(ttf.read_bytes()).hexdigest()[:16]
    kept = cache / "woff2" / f"{ttf.stem}-{key}.woff2"
    if not kept.is_file():
        kept.parent.mkdir(parents=True, exist_ok=True)
        font = TTFont(str(ttf))
        font.flavor = "woff2"
        fd, tmp = tempfile.mkstemp(dir=kept.parent, suffix=".tmp")  # two builds at once each write their own
        os.close(fd)
        with _quiet_fonttools():
            font.save(tmp)
        os.replace(tmp, kept)
    return kept.read_bytes()


@contextlib.contextmanager
def _quiet_fonttools():
    """fontTools warns about Carlito's old 'created' date on every save; nothing to act on."""
    logger = logging.getLogger("fontTools")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


def _pyodide(site: Path, cache: Path) -> None:
    with tarfile.open(fetched(pins.PYODIDE, cache), "r:gz") as tar:
        for name in pins.PYODIDE_FILES:
            member = tar.getmember(f"package/{name}")
            _write(site / "pyodide" / name, tar.extractfile(member).read())


def _wheels(site: Path, cache: Path) -> list[str]:
    names = []
    for artifact in pins.WHEELS:
        path = fetched(artifact, cache)
        shutil.copyfile(path, site / "wheels" / path.name)
        names.append(path.name)
    ms = pins.MARKUPSAFE_SDIST
    for name, data in (pure_wheel_from_sdist(fetched(ms, cache), ms.name, ms.version),
                       project_wheel(PACKAGE, TEMPLATES)):
        _write(site / "wheels" / name, data)
        names.append(name)
    return names


def _preview(site: Path, cache: Path) -> None:
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    for font in FONTS:
        css = css.replace(f"fonts/{font}.ttf", f"fonts/{font}.woff2")
        _write(site / "preview" / "fonts" / f"{font}.woff2", _woff2(TEMPLATES / "fonts" / f"{font}.ttf", cache))
    _write(site / "preview" / "report.css", css)
    _write(site / "preview" / "preview.css", (TEMPLATES / "site" / "preview.css").read_bytes())
    for name in PREVIEW_PICTURES + tuple(f"fonts/{n}" for n in FONT_LICENCES):
        _write(site / "preview" / name, (TEMPLATES / name).read_bytes())


def _precompile(site: Path, cache: Path) -> str:
    """The checker's modules compiled to bytecode by the site's own Pyodide under Node.js
    (precompile.mjs), kept in the cache by the checksum of what they are made from; "" when done,
    else why not (the site works without, its Python starting about twice slower)."""
    node = shutil.which("node")
    if node is None:
        return "Node.js is not installed"
    inputs = [site / "pyodide" / "python_stdlib.zip", *sorted((site / "wheels").glob("*.whl"))]
    key = hashlib.sha256(PRECOMPILE.read_bytes())
    for p in inputs:
        key.update(p.name.encode() + hashlib.sha256(p.read_bytes()).digest())
    kept = cache / "compiled" / key.hexdigest()[:24]
    if not all((kept / p.name).is_file() for p in inputs):
        tmp = Path(tempfile.mkdtemp(dir=cache, prefix=".compiling-"))
        try:
            args = [str(a) for p in inputs for a in (p, tmp / p.name)]
            done = subprocess.run([node, str(PRECOMPILE), str(site), *args], capture_output=True, text=True,
                                  timeout=900)
            if done.returncode:
                return f"Node.js could not compile it: {done.stderr.strip().splitlines()[-1:] or done.returncode}"
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.rmtree(kept, ignore_errors=True)
            os.replace(tmp, kept)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    for p in inputs:
        shutil.copyfile(kept / p.name, p)
    return ""


def _page(site: Path, d: config.Deliverable, logo: str) -> None:
    lang = d.language if d.language in languages() else "en"
    env = Environment(loader=FileSystemLoader(str(TEMPLATES / "site")), autoescape=True)
    html = env.get_template("index.html.j2").render(
        language=lang, csp=CSP, logo=logo, project=d.project_acronym, deliverable=f"{d.number} {d.title}",
        t=lambda code: messages.render(code, _placeholders(code), lang).message,
        hint=lambda code: messages.render(code, _placeholders(code), lang).hint)
    _write(site / "index.html", html)
    for name in PAGE_FILES:
        _write(site / name, (TEMPLATES / "site" / name).read_bytes())
    _write(site / "messages.json", json.dumps(page_catalog(), ensure_ascii=False, indent=1))


def _summary(site: Path) -> SiteSummary:
    files = [p for p in sorted(site.rglob("*")) if p.is_file()]
    sizes = {p: len(gzip.compress(p.read_bytes(), compresslevel=6, mtime=0)) for p in files}
    first = sum(n for p, n in sizes.items() if "preview" not in p.relative_to(site).parts)
    return SiteSummary(site, len(files), sum(p.stat().st_size for p in files), sum(sizes.values()), first)


def write_site(out: Path, inputs: Path, *, cache: Path) -> SiteSummary:
    """The whole site built in a folder beside `out`, then put in its place: a failed build leaves
    the previous site as it was. `out` must be a site built before, or empty, or new."""
    d, issues = config.validate(inputs)
    if d is None:
        raise ConfigError.from_issues(issues)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise ReportError("site.command.not_a_site", Location(str(out)))
    out.parent.mkdir(parents=True, exist_ok=True)
    site = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        (site / "wheels").mkdir()
        _pyodide(site, cache)
        wheels = _wheels(site, cache)
        logo = ""
        if d.logo is not None:
            logo = f"logo.{'jpg' if d.logo.format == 'jpeg' else d.logo.format}"
            _write(site / logo, d.logo.data)
        _write(site / "deliverable.json", json.dumps(packed.pack(inputs, d, logo=logo), ensure_ascii=False))
        _preview(site, cache)
        _page(site, d, logo)
        _write(site / MARKER, json.dumps({
            "pyodide": pins.PYODIDE_VERSION, "wheels": wheels, "languages": list(languages()),
            "language_names": {k: NAMES.get(k, k) for k in languages()}}, indent=1))
        why_not = _precompile(site, cache)
        summary = _summary(site)
        _swap_in(site, out)
    except BaseException:
        shutil.rmtree(site, ignore_errors=True)
        raise
    return SiteSummary(out, summary.files, summary.size, summary.compressed, summary.first_visit, why_not)


def _swap_in(site: Path, out: Path) -> None:
    site.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        os.replace(out, old / "site")
    os.replace(site, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
