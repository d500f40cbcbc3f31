"""Shared fixtures: the schema, a small cluster built in code, and a factory for (broken) workbooks.

Plain helpers (`require_tool`, `convert_with_libreoffice`, `comparable`) are also exposed as fixtures
so that any test module can use them without importing this file.

Hypothesis runs few examples by default, to keep the suite fast on a laptop; CI (CI=true) runs the
full counts (`pytest --hypothesis-profile=ci` does the same here).
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the package is not installed: import it from the project folder
    sys.path.insert(0, str(ROOT))

from competency_maps.model.cluster import Cluster, Profile, SwotEntry, TowsEntry  # noqa: E402
from competency_maps.model.richtext import Block, BlockKind, Span, number_lists  # noqa: E402
from competency_maps.inputs import config  # noqa: E402
from competency_maps.model.schema import QUADRANTS, STRATEGIES, Schema, build_schema  # noqa: E402
from competency_maps.xlsx.writer import fill_workbook  # noqa: E402
from once import RUN_DIR, once  # noqa: E402

INPUTS = ROOT / "inputs"


# --- Hypothesis -------------------------------------------------------------------------------

# Loaded here, before any test module is imported, so that settings(...) in a test module inherit
# the profile's example count. A test that needs fewer examples (each one a PDF, say) scales it from
# settings().max_examples rather than fixing it, so that CI still runs its full share.
settings.register_profile("dev", max_examples=10, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")

# Builds run by the tests take the PDF's page numbers for the Word file's contents list, without a
# LibreOffice pass each (seconds per build); the tests of that list against LibreOffice's layout, and
# of the build's default, make it with LibreOffice (reports.sample_docx, test_build).
os.environ.setdefault("COMPETENCY_MAPS_TOC_PAGES", "pdf")
# and lay the PDF out in the test's own process: xdist's workers already keep every core busy, so a
# second process per build would only pay its imports again (a second each). The tests of that
# process, and of the build's default, ask for it (COMPETENCY_MAPS_JOBS=2: test_build, test_pdf_process).
os.environ.setdefault("COMPETENCY_MAPS_JOBS", "1")


# --- work shared by the run's workers (tests/once.py) ------------------------------------------


def pytest_configure(config) -> None:
    """The run's folder for once(), made by the process that starts the run (xdist's controller,
    or the only process with -n 0) before the workers start, so that they inherit its name."""
    if hasattr(config, "workerinput"):
        return
    config._once_previous = os.environ.get(RUN_DIR)
    os.environ[RUN_DIR] = config._once_dir = tempfile.mkdtemp(prefix="competency-maps-tests-")


def pytest_unconfigure(config) -> None:
    folder = getattr(config, "_once_dir", None)
    if folder is None:
        return
    shutil.rmtree(folder, ignore_errors=True)
    if config._once_previous is None:
        os.environ.pop(RUN_DIR, None)
    else:
        os.environ[RUN_DIR] = config._once_previous


# --- order: the longest first ---------------------------------------------------------------

# xdist hands tests out in collection order: a long test collected last would run alone while the
# other cores sit idle. So the longest modules go first (measured 2026-12-07: tens of seconds each),
# then every other slow test, then the quick ones that fill the cores up to the end.
LONGEST_FIRST = (
    "tests/test_install.py", "tests/test_properties.py", "tests/site/test_site_browser.py",
    "tests/site/test_site_parity.py", "tests/render/test_page_rules.py", "tests/render/test_parity.py",
    "tests/test_build.py", "tests/test_hardening.py", "tests/render/test_render_docx.py",
    "tests/render/test_pdf_process.py",
)


def pytest_collection_modifyitems(config, items) -> None:
    def rank(item) -> int:
        path = Path(str(item.path)).relative_to(ROOT).as_posix()
        if path in LONGEST_FIRST:
            return LONGEST_FIRST.index(path)
        return len(LONGEST_FIRST) + (0 if item.get_closest_marker("slow") else 1)
    items.sort(key=rank)  # stable: in a module, the tests keep their order


# --- external tools ---------------------------------------------------------------------------


def require_tool(name: str, *alternatives: str) -> str:
    """The path of a command-line tool; without it, fail on CI (CI=true) and skip elsewhere."""
    for candidate in (name, *alternatives):
        found = shutil.which(candidate)
        if found:
            return found
    msg = f"'{name}' is not installed (looked for: {', '.join((name, *alternatives))})"
    if os.environ.get("CI") == "true":
        pytest.fail(msg + "; it is required on CI.")
    pytest.skip(msg)


def typed(cells: dict[str, object]) -> Callable:
    """An `edit` for make_workbook that types values into cells, as a partner would:
    typed({"SWOT!B2": "Stength", "Cluster!B4": None})."""

    def edit(wb) -> None:
        for ref, value in cells.items():
            sheet, cell = ref.rsplit("!", 1)
            wb[sheet][cell] = value
    return edit


@pytest.fixture
def inputs(tmp_path) -> Path:
    """A copy of the shipped inputs folder, free to be changed (modules may define their own)."""
    return Path(shutil.copytree(ROOT / "inputs", tmp_path / "inputs"))


@pytest.fixture(name="require_tool", scope="session")
def _require_tool_fixture():
    return require_tool


def convert_with_libreoffice(files: list[Path], outdir: Path, fmt: str = "xlsx") -> list[Path]:
    """Re-save files with LibreOffice headless, with a private profile; return the new files. `fmt` is
    an extension, optionally with LibreOffice's filter and its options ("pdf:writer_pdf_Export:{…}").

    Once per run for the same files (names and bytes) and format: a second worker asking for the
    same conversion gets the first one's files (a LibreOffice start costs seconds)."""
    soffice = require_tool("soffice", "libreoffice")
    outdir.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(fmt.encode())
    for f in map(Path, files):
        key.update(b"\0" + f.name.encode() + b"\0" + hashlib.sha256(f.read_bytes()).digest())
    made = once(f"libreoffice {key.hexdigest()}", lambda: _libreoffice(soffice, files, outdir, fmt))
    for name, data in made.items():
        (outdir / name).write_bytes(data)
    return [outdir / name for name in made]


def _libreoffice(soffice: str, files: list[Path], outdir: Path, fmt: str) -> dict[str, bytes]:
    """The converted files' names and bytes, in the order of `files`."""
    profile = outdir.parent / f"lo-profile-{outdir.name}"
    cmd = [soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
           "--convert-to", fmt, "--outdir", str(outdir), *map(str, files)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    out = [outdir / f"{Path(f).stem}.{fmt.split(':')[0]}" for f in files]  # "pdf:filter:{options}"
    missing = [p.name for p in out if not p.exists()]
    assert proc.returncode == 0 and not missing, (
        f"LibreOffice failed (exit {proc.returncode}, missing {missing}):\n{proc.stdout}\n{proc.stderr}")
    return {p.name: p.read_bytes() for p in out}


@pytest.fixture(name="convert_with_libreoffice", scope="session")
def _convert_fixture():
    return convert_with_libreoffice


# --- model ------------------------------------------------------------------------------------


def comparable(cluster: Cluster) -> tuple:
    """What a round trip must keep: everything but the source file and the entries' row numbers."""
    return (cluster.profile, cluster.step1,
            [replace(e, row=0) for e in cluster.swot], [replace(e, row=0) for e in cluster.tows],
            cluster.step2_notes)


@pytest.fixture(name="comparable", scope="session")
def _comparable_fixture():
    return comparable


@functools.lru_cache(maxsize=None)
def shipped_schema() -> Schema:
    """Read once per process: loading and checking deliverable.toml and its texts takes a tenth of a
    second, and a thousand tests ask (a Schema is frozen)."""
    d = config.load(INPUTS)
    return build_schema(d.topics, d.theme_names)


@pytest.fixture
def schema() -> Schema:
    """The schema of the shipped deliverable (its topics and synthesis themes)."""
    return shipped_schema()


def make_sample_cluster(topics: tuple[str, ...]) -> Cluster:
    """A small but complete cluster: every quadrant, every (topic, strategy), emphasis, line breaks."""
    profile = Profile(
        short_name="Test Cluster", full_name="Test Cluster Association", country="Belgium",
        founded=2010, members=120, smes=80, website="https://example.org",
        about=(Span("A "), Span("test", bold=True), Span(" cluster with "),
               Span("emphasis", italic=True), Span(".")))
    step1 = number_lists([
        Block(BlockKind.HEADING, (Span("Peer-learning"),)),
        Block(BlockKind.PARAGRAPH, (Span("We learnt "), Span("a lot", bold=True), Span(" from "),
                                    Span("ESCA", italic=True), Span("."))),
        Block(BlockKind.BULLET, (Span("First bullet"),)),
        Block(BlockKind.BULLET, (Span("Second bullet"),)),
        Block(BlockKind.NUMBERED, (Span("Step one"),)),
        Block(BlockKind.NUMBERED, (Span("Step two"),)),
        Block(BlockKind.SUBHEADING, (Span("Consultations"),)),
        Block(BlockKind.NUMBERED, (Span("Again one"),)),
        Block(BlockKind.PARAGRAPH, (Span("First line\nsecond line"),)),
        Block(BlockKind.PARAGRAPH, (Span("Bold and italic", bold=True, italic=True),)),
    ])
    swot = []
    for t, topic in enumerate(topics, start=1):
        for q in QUADRANTS:
            swot.append(SwotEntry(topic, q, "HR" if t == 1 else "", (Span(f"{q} {t}a"),)))
            swot.append(SwotEntry(topic, q, "Financial" if t == 1 else "",
                                  (Span(f"{q} {t}b with "), Span("bold", bold=True),
                                   Span("\nand a second line"))))
    tows = [TowsEntry(topic, s, "Paragraph" if s == "W-T" else "Bullet", (Span(f"{s} for topic {t}"),))
            for t, topic in enumerate(topics, start=1) for s in STRATEGIES]
    return Cluster(profile, step1, swot, tows)


@pytest.fixture
def sample_cluster(schema) -> Cluster:
    return make_sample_cluster(schema.topics)


@pytest.fixture
def make_workbook(schema):
    """make_workbook(tmp_path, cluster=None, edit=None, name="cluster.xlsx") -> Path.

    Writes a filled standard workbook; `edit(wb)` may change the openpyxl Workbook before it is
    saved, to make broken variants.
    """

    def _make(directory: Path, cluster: Cluster | None = None,
              edit: Callable | None = None, name: str = "cluster.xlsx") -> Path:
        cluster = cluster or make_sample_cluster(schema.topics)
        path = Path(directory) / name
        if edit is None:  # the same cluster makes the same workbook: made once per process
            path.write_bytes(_filled_bytes(schema, pickle.dumps(cluster)))
            return path
        wb = fill_workbook(schema, cluster)
        edit(wb)
        wb.save(path)
        return path

    return _make


@functools.lru_cache(maxsize=64)
def _filled_bytes(schema: Schema, pickled_cluster: bytes) -> bytes:
    buf = io.BytesIO()
    fill_workbook(schema, pickle.loads(pickled_cluster)).save(buf)
    return buf.getvalue()


@pytest.fixture(scope="session")
def good_bytes(tmp_path_factory) -> bytes:
    """A good filled workbook (the sample cluster, default topics): what broken variants are made from."""
    schema = build_schema()
    path = tmp_path_factory.mktemp("good") / "good.xlsx"
    fill_workbook(schema, make_sample_cluster(schema.topics)).save(path)
    return path.read_bytes()


@pytest.fixture(scope="session")
def ods_bytes(tmp_path_factory, good_bytes) -> bytes:
    """The good workbook saved by LibreOffice as .ods."""
    d = tmp_path_factory.mktemp("ods")
    (d / "cluster.xlsx").write_bytes(good_bytes)
    [ods] = convert_with_libreoffice([d / "cluster.xlsx"], d / "out", "ods")
    return ods.read_bytes()


# --- a workbook's zip parts, as another program would write them -------------------------------


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}


def write_parts(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def part_with(members: dict[str, bytes], marker: str) -> str:
    [name] = [n for n, d in members.items() if marker.encode() in d]
    return name


def zip_streaming(members: dict[str, bytes], name: str, write, out: Path) -> Path:
    """The parts zipped into `out`, the part `name` written by write(file) in chunks (zip64)."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for m, data in members.items():
            if m != name:
                z.writestr(m, data)
                continue
            with z.open(m, "w", force_zip64=True) as f:
                write(f)
    return out


def with_rows(path: Path, n: int, out: Path) -> Path:
    """The workbook with n extra one-cell rows at the end of the SWOT sheet, written as raw XML."""
    members = parts(path)
    name = part_with(members, "Strength 1a")
    head, tail = members[name].split(b"</sheetData>")

    def sheet(f) -> None:
        f.write(head)
        for start in range(1000, 1000 + n, 10_000):
            f.write(b"".join(b'<row r="%d"><c r="D%d" t="inlineStr"><is><t>x</t></is></c></row>'
                             % (k, k) for k in range(start, min(start + 10_000, 1000 + n))))
        f.write(b"</sheetData>" + tail)
    return zip_streaming(members, name, sheet, out)
