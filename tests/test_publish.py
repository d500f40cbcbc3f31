"""The report's files are published as one unit (publish/): whatever interrupts a build, the output
folder holds a matching pair, no temporary file, and the message says truthfully what happened.

The renderers are replaced by stand-ins here (the rendering has tests of its own): what is tested is
what happens to the files on disk.
"""

from __future__ import annotations

import errno
import fcntl
import io
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from recording import Recording, Run, run
from terminal import child_takes_ctrl_c, ctrl_c_raises

from competency_maps.cli import main
from competency_maps.commands import build as build_command
from competency_maps.errors import Issue, Location, issue
from competency_maps.messages import render
from competency_maps.publish import files as outputs
from competency_maps.publish.files import publish
from competency_maps.publish.folder import OutputError, check_output_folder, locked
from competency_maps.render.docx import render as render_docx
from competency_maps.render.pdf import process as pdf_process
from competency_maps.render.pdf.result import RenderedPdf

ROOT = Path(__file__).resolve().parent.parent
STEM = "D2.1-clusters-competency-maps"
OLD = {f"{STEM}.docx": b"old docx", f"{STEM}.pdf": b"old pdf"}
NEW = {f"{STEM}.docx": b"new docx", f"{STEM}.pdf": b"new pdf"}
SNAPSHOT = f"{STEM}.snapshot.json"  # the data the pair was built from, published with it (snapshot.py)


@pytest.fixture
def inputs(tmp_path) -> Path:
    """The shipped inputs with one workbook (Mobinov, the smallest) and the toml expecting only it."""
    d = tmp_path / "inputs"
    shutil.copytree(ROOT / "inputs", d, ignore=lambda folder, names: [n for n in names if n.endswith(".xlsx")])
    shutil.copy(ROOT / "inputs" / "mobinov.xlsx", d)
    toml = d / "deliverable.toml"
    text = toml.read_text(encoding="utf-8").replace(
        'order = ["E-Mobility Cluster", "Mobinov", "Mov\'eo", "RAI Automotive Industry NL", "Zone Cluster"]',
        'order = ["Mobinov"]')
    toml.write_text(text, encoding="utf-8")
    return d


@pytest.fixture
def out_dir(tmp_path) -> Path:
    d = tmp_path / "out"
    d.mkdir()
    for name, data in OLD.items():
        (d / name).write_bytes(data)
    return d


@pytest.fixture
def stand_ins(monkeypatch):
    """Renderers that answer at once, with new bytes; the build in this one process."""
    calls = []
    monkeypatch.setenv("COMPETENCY_MAPS_JOBS", "1")
    monkeypatch.setattr(render_docx, "render_docx", lambda content, *a, **k: calls.append("docx") or b"new docx")
    monkeypatch.setattr(pdf_process, "render_here", lambda content: calls.append("pdf") or RenderedPdf(b"new pdf", 1))
    return calls




def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def build(inputs: Path, out_dir: Path) -> Run:
    """A build with a recording console: unpacks as (exit code, what it printed)."""
    return run("--inputs", str(inputs), "--output", str(out_dir))


def refused(inputs: Path, out_dir: Path) -> tuple[int, str, Issue]:
    """A build that stops: its exit code, what it printed, and the one issue that stopped it."""
    out = io.StringIO()
    console = Recording(out, io.StringIO())
    code = main(["--inputs", str(inputs), "--output", str(out_dir)], console)
    [stop] = [i for i in console.seen if i.is_error]
    assert str(stop) in out.getvalue()
    return code, out.getvalue(), stop


def test_a_build_replaces_both_files_and_leaves_nothing_else(inputs, out_dir, stand_ins):
    code, out = build(inputs, out_dir)
    assert code == 0, out
    assert files(out_dir) == {**NEW, SNAPSHOT: files(out_dir).get(SNAPSHOT)} and files(out_dir)[SNAPSHOT]


def test_a_full_disk_while_writing_keeps_the_old_pair_and_says_so(inputs, out_dir, stand_ins, monkeypatch):
    real = outputs._write_part

    def full(path, data):
        if path.suffix == ".pdf":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, data)

    monkeypatch.setattr(outputs, "_write_part", full)
    code, out, stop = refused(inputs, out_dir)
    assert code == 1, out
    assert (stop.code, stop.location, stop.params["reason"]) == (
        "output.write_failed", Location(str(out_dir / f"{STEM}.pdf")), "No space left on device")
    assert files(out_dir) == OLD


def test_a_file_that_cannot_be_replaced_keeps_the_old_pair(inputs, out_dir, stand_ins, monkeypatch):
    """A PDF held open on Windows, or made immutable: the DOCX renamed in first is put back."""
    real = os.replace

    def held(src, dst):
        if str(dst).endswith(".pdf") and str(src).endswith(".part"):
            raise PermissionError(errno.EPERM, "Operation not permitted", str(dst))
        return real(src, dst)

    monkeypatch.setattr(outputs.os, "replace", held)
    code, out, stop = refused(inputs, out_dir)
    assert code == 1, out
    assert (stop.code, stop.params["reason"]) == ("output.write_failed", "Operation not permitted")
    assert files(out_dir) == OLD


def test_ctrl_c_between_the_renames_still_gives_a_matching_pair(inputs, out_dir, stand_ins, monkeypatch):
    real = os.replace

    def interrupted(src, dst):
        real(src, dst)
        if str(dst).endswith(".docx"):
            os.kill(os.getpid(), signal.SIGINT)  # delivered at once, between the two renames

    monkeypatch.setattr(outputs.os, "replace", interrupted)
    with ctrl_c_raises():
        r = build(inputs, out_dir)
    assert r.code == 130
    assert files(out_dir) == {**NEW, SNAPSHOT: files(out_dir).get(SNAPSHOT)} and files(out_dir)[SNAPSHOT]
    assert r.lines("console.interrupted.written") == [
        {"files": [str(out_dir / name) for name in (*NEW, SNAPSHOT)]}]
    assert "console.interrupted.nothing" not in r.codes()


def test_ctrl_c_after_done_does_not_claim_that_nothing_changed(inputs, out_dir, stand_ins, monkeypatch):
    real = build_command.report_written

    def then_ctrl_c(*args):
        real(*args)
        raise KeyboardInterrupt

    monkeypatch.setattr(build_command, "report_written", then_ctrl_c)
    r = build(inputs, out_dir)
    assert r.code == 130 and r.codes()[-2:] == ["console.done", "console.interrupted.written"]
    assert "console.interrupted.nothing" not in r.codes()
    assert r.lines("console.interrupted.written")[0]["files"][0] == str(out_dir / f"{STEM}.docx")


def test_a_second_build_into_the_same_folder_is_refused(inputs, out_dir, stand_ins):
    fd = os.open(out_dir, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a build in another process holds it
        code, out, stop = refused(inputs, out_dir)
    finally:
        os.close(fd)
    assert code == 1, out
    assert (stop.code, stop.location) == ("output.busy", Location(str(out_dir)))
    assert files(out_dir) == OLD and not stand_ins  # refused before rendering
    assert build(inputs, out_dir)[0] == 0  # free again


def test_the_lock_is_released_and_leaves_no_file(tmp_path):
    with locked(tmp_path):
        with pytest.raises(OutputError) as refusal:
            with locked(tmp_path):
                pass
    assert refusal.value.code == "output.busy"
    with locked(tmp_path):
        pass
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_while_writing_leaves_no_part_file_and_the_old_pair(inputs, out_dir, signum):
    """In a process of its own: SIGTERM ends the process it is sent to."""
    script = f"""
import os, signal, sys
sys.path.insert(0, {str(ROOT)!r})
from competency_maps.render.pdf import process as pdf_process
from competency_maps.render.docx import render as render_docx
from competency_maps.render.pdf.result import RenderedPdf
render_docx.render_docx = lambda content, *a, **k: b"new docx"
pdf_process.render_here = lambda content: RenderedPdf(b"new pdf", 1)
real = os.fsync
def fsync(fd):
    real(fd)
    os.kill(os.getpid(), {int(signum)})
os.fsync = fsync
from competency_maps.cli import main
sys.exit(main(["--inputs", {str(inputs)!r}, "--output", {str(out_dir)!r}]))
"""
    env = {**os.environ, "COMPETENCY_MAPS_JOBS": "1"}
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                          preexec_fn=child_takes_ctrl_c)
    assert proc.returncode == 128 + signum, (proc.returncode, proc.stdout, proc.stderr)
    assert render("console.interrupted.nothing", {}).message in proc.stdout
    assert "Traceback" not in proc.stderr
    assert files(out_dir) == OLD


@pytest.mark.slow
def test_sigterm_between_the_renames_still_gives_a_matching_pair(inputs, out_dir):
    script = f"""
import os, signal, sys
sys.path.insert(0, {str(ROOT)!r})
from competency_maps.render.pdf import process as pdf_process
from competency_maps.render.docx import render as render_docx
from competency_maps.render.pdf.result import RenderedPdf
render_docx.render_docx = lambda content, *a, **k: b"new docx"
pdf_process.render_here = lambda content: RenderedPdf(b"new pdf", 1)
real = os.replace
def replace(src, dst):
    real(src, dst)
    if str(dst).endswith(".docx"):
        os.kill(os.getpid(), signal.SIGTERM)
os.replace = replace
from competency_maps.cli import main
sys.exit(main(["--inputs", {str(inputs)!r}, "--output", {str(out_dir)!r}]))
"""
    env = {**os.environ, "COMPETENCY_MAPS_JOBS": "1"}
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 143, (proc.stdout, proc.stderr)
    assert files(out_dir) == {**NEW, SNAPSHOT: files(out_dir).get(SNAPSHOT)} and files(out_dir)[SNAPSHOT]
    written = [str(out_dir / name) for name in (*NEW, SNAPSHOT)]
    assert render("console.interrupted.written", {"files": written}).message in proc.stdout


# --- checked before anything is rendered ---------------------------------------------------------


def test_an_output_that_is_a_file_is_an_input_problem(inputs, tmp_path, stand_ins):
    target = tmp_path / "report.docx"
    target.write_bytes(b"mine")
    code, out, stop = refused(inputs, target)
    assert code == 1, out
    assert (stop.code, stop.location) == ("output.not_a_folder", Location(str(target)))
    assert target.read_bytes() == b"mine" and not stand_ins


def test_a_folder_that_cannot_be_written_is_refused_before_rendering(inputs, out_dir, stand_ins, monkeypatch):
    def denied(*args, **kwargs):  # as in a read-only folder (the tests may run as root, who may write)
        raise PermissionError(errno.EACCES, "Permission denied", str(out_dir))

    monkeypatch.setattr(outputs.tempfile, "mkstemp", denied)
    code, out, stop = refused(inputs, out_dir)
    assert code == 1, out
    assert (stop.code, stop.location, dict(stop.params)) == (
        "output.not_writable", Location(str(out_dir)), {"reason": "Permission denied"})
    assert files(out_dir) == OLD and not stand_ins


def test_a_full_disk_is_found_before_rendering(inputs, out_dir, stand_ins, monkeypatch):
    monkeypatch.setattr(outputs.shutil, "disk_usage", lambda p: shutil._ntuple_diskusage(100, 99, 2**20))
    code, out, stop = refused(inputs, out_dir)
    assert code == 1, out
    assert (stop.code, dict(stop.params)) == ("output.no_room", {"free_mb": 1.0, "needed_mb": 20})
    assert files(out_dir) == OLD and not stand_ins


def test_publish_alone_puts_back_what_it_replaced(tmp_path, monkeypatch):
    a, b = tmp_path / "a.docx", tmp_path / "b.pdf"
    a.write_bytes(b"old a")
    real = os.replace
    monkeypatch.setattr(outputs.os, "replace",
                        lambda s, d: (_ for _ in ()).throw(KeyboardInterrupt) if str(d) == str(b) else real(s, d))
    with pytest.raises(KeyboardInterrupt):
        publish([(a, b"new a"), (b, b"new b")])
    assert files(tmp_path) == {"a.docx": b"old a"}  # b had no old version: it is not left half-made


def test_check_output_folder_makes_a_missing_folder(tmp_path):
    check_output_folder(tmp_path / "new" / "out")
    assert (tmp_path / "new" / "out").is_dir() and not list((tmp_path / "new" / "out").iterdir())


def test_a_new_file_that_cannot_be_taken_back_is_named(tmp_path, monkeypatch):
    """The last resort: the old version could not be put back; the coordinator is told which file."""
    a, b = tmp_path / "a.docx", tmp_path / "b.pdf"
    a.write_bytes(b"old a")
    real = os.replace

    def failing(src, dst):
        if str(dst) == str(b):
            raise PermissionError(errno.EPERM, "Operation not permitted", str(dst))
        if str(dst) == str(a) and str(src).endswith(".old"):  # putting the old a back fails too
            raise PermissionError(errno.EPERM, "Operation not permitted", str(dst))
        return real(src, dst)

    monkeypatch.setattr(outputs.os, "replace", failing)
    with pytest.raises(OutputError) as refusal:
        publish([(a, b"new a"), (b, b"new b")])
    assert (refusal.value.code, refusal.value.location, refusal.value.params) == (
        "output.not_put_back", Location(str(tmp_path)), {"names": ["a.docx"]})


# --- the words (the one place tests read them: messages/publish.py's templates) ----------------


def test_the_output_messages_read_as_before():
    where = Location("out")
    said = {code: str(issue(code, where, **params)) for code, params in [
        ("output.no_room", {"free_mb": 1.0, "needed_mb": 20}),
        ("output.not_put_back", {"names": ["a.docx", "b.pdf"]}),
        ("output.write_failed", {"reason": "No space left on device"})]}
    assert said == {
        "output.no_room": "ERROR out: has only 1.0 MB free; the report needs some 20 MB: nothing was "
                          "changed. Free some space on that disk, or choose another folder with --output DIR.",
        "output.not_put_back": "ERROR out: holds a new a.docx, b.pdf beside older files: the previous version "
                               "could not be put back. Delete the files in that folder and build again.",
        "output.write_failed": "ERROR out: could not be written (No space left on device): nothing was changed, "
                               "the previous files are in place. Free some space, close the file if another "
                               "program holds it, or check the folder's permissions; then build again."}
