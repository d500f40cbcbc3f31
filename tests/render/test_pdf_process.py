"""The PDF laid out in a second process: same bytes, failures reported whole, a fallback.

These lay out one cluster's proof (a few pages); that a whole build's PDF, laid out in the second
process, is the sample's bytes is test_build.py's end-to-end test.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time

import pytest

from competency_maps.render.pdf import process as pdf_process
from competency_maps.errors import Location, RenderError
from competency_maps.messages import render
from competency_maps.render.pdf.process import PdfProcess
from reports import INPUTS, ROOT, proof_content, proof_pdf, sample_content
from terminal import child_takes_ctrl_c

pytestmark = pytest.mark.slow  # builds reports or drives a real client


def test_the_second_process_lays_out_the_same_bytes():
    with PdfProcess() as p:
        p.start(proof_content())
        pdf = p.result()
    assert pdf.data == proof_pdf().data and pdf.pages == proof_pdf().pages


def test_a_dead_process_falls_back_to_this_one():
    with PdfProcess() as p:
        p._process.kill()  # as the kernel's out-of-memory killer would
        p._process.join()
        p.start(proof_content())
        assert p.result().data == proof_pdf().data


def test_errors_cross_processes_with_location_and_hint():
    e = RenderError("pdf.layout.failed", Location("a.xlsx", "SWOT", "B2"), error_type="ValueError", detail="x")
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is RenderError and back.as_issue() == e.as_issue()
    assert (back.code, back.location.cell, back.params["detail"]) == ("pdf.layout.failed", "B2", "x")


def test_a_failure_in_the_second_process_is_raised_here():
    with PdfProcess() as p:
        p._content = object()
        p._conn.send(("not content",))  # what the template cannot fill
        p._sent = True
        with pytest.raises(RenderError) as e:
            p.result()
        assert e.value.code == "pdf.template.failed"


@pytest.mark.parametrize("env, cpus, expected", [("", 2, True), ("", 1, False), ("1", 2, False),
                                                 ("2", 1, True), ("x", 2, True)])
def test_a_second_process_only_with_a_second_core(monkeypatch, env, cpus, expected):
    monkeypatch.setenv(pdf_process.ENV_JOBS, env)
    monkeypatch.setattr(os, "cpu_count", lambda: cpus)
    assert pdf_process.wanted() is expected


def test_closing_early_ends_the_process():
    p = PdfProcess()
    proc = p._process
    p.close()  # the build stopped on input errors: nothing to lay out
    assert not proc.is_alive()


def test_started_only_when_the_pdf_is_wanted_and_ended_on_leaving(monkeypatch):
    monkeypatch.setenv(pdf_process.ENV_JOBS, "2")
    with pdf_process.started(needed=False) as none:
        assert none is None
    with pdf_process.started(needed=True) as p:
        proc = p._process
        assert proc.is_alive()
    assert not proc.is_alive()
    monkeypatch.setenv(pdf_process.ENV_JOBS, "1")
    with pdf_process.started(needed=True) as none:
        assert none is None


def test_a_missing_pdf_engine_is_a_message_with_what_to_do(monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "competency_maps.render.pdf.render", None)  # import fails, as without Pango
    with pytest.raises(RenderError) as info:
        pdf_process.render_here(sample_content())
    assert info.value.code == "pdf.engine.missing" and info.value.params["error_type"] == "ModuleNotFoundError"


# --- no temp files left, no hang, no traceback of its own ------------------------------------------


def test_the_second_process_leaves_no_temporary_files(tmp_path, monkeypatch):
    """weasyprint's copy of the fonts (3.5 MB a build) used to stay in the temp folder."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the new process's temp folder
    with PdfProcess() as p:
        p.start(proof_content())
        assert p.result().pages == proof_pdf().pages
    assert list(tmp_path.iterdir()) == []


def test_a_stopped_process_does_not_hang_the_build(monkeypatch):
    import signal
    import threading
    import time
    from competency_maps.render.pdf.result import RenderedPdf
    monkeypatch.setattr(pdf_process, "STALL_SECONDS", 1.0)
    monkeypatch.setattr(pdf_process, "render_here", lambda content: RenderedPdf(b"made here", 1))
    p = PdfProcess()
    proc = p._process
    os.kill(proc.pid, signal.SIGSTOP)  # as Ctrl+Z, a debugger or a frozen machine would
    got = []
    worker = threading.Thread(target=lambda: got.append(p.result()), daemon=True)
    started = time.monotonic()
    try:
        p.start(proof_content())
        worker.start()
        worker.join(timeout=20)
        assert got and got[0].data == b"made here", "the build waited for a stopped PDF process"
        assert time.monotonic() - started < 15
        p.close()
        assert not proc.is_alive()
    finally:
        if proc.is_alive():
            proc.kill()
            proc.join()


def test_the_second_process_ignores_ctrl_c_from_its_very_start():
    """A Ctrl+C while it still imports used to print a traceback of its own on the terminal."""
    p = PdfProcess()
    try:
        status = open(f"/proc/{p._process.pid}/status").read()  # at once: it is still starting
        ignored = int(next(line.split()[1] for line in status.splitlines() if line.startswith("SigIgn:")), 16)
        assert ignored & (1 << (2 - 1)), "SIGINT is not ignored"  # bit 1: SIGINT (2)
    finally:
        p.close()


SLOW_PDF_BUILD = '''
import sys
import time

from competency_maps.render.pdf import process


def _slow(content):
    print("LAYING OUT", flush=True)
    time.sleep(120)


process.render_here = _slow  # module level: the spawned PDF process runs it too (it imports __mp_main__)

if __name__ == "__main__":
    from competency_maps.cli import main
    sys.exit(main(sys.argv[1:]))
'''


@pytest.mark.slow
@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_real_ctrl_c_or_sigterm_while_the_pdf_is_laid_out_prints_no_traceback(tmp_path, signum, code):
    """The build, run as a coordinator runs it, is interrupted while its second process lays out the
    PDF (held there by a layout that sleeps): exit 130 or 143, not a line of traceback from either
    process (the PDF process used to print a BrokenPipeError answering a build that had hung up)."""
    script = tmp_path / "slow_pdf_build.py"
    script.write_text(SLOW_PDF_BUILD, encoding="utf-8")
    env = {**os.environ, "COMPETENCY_MAPS_JOBS": "2", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(script), "--inputs", str(INPUTS), "--output", str(tmp_path / "out")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True, preexec_fn=child_takes_ctrl_c)
    try:
        printed = []
        while not printed or printed[-1] and "LAYING OUT" not in printed[-1]:
            printed.append(proc.stdout.readline())
        assert "LAYING OUT" in printed[-1], "".join(printed)
        time.sleep(0.5)
        if signum == signal.SIGINT:
            os.killpg(proc.pid, signum)  # as a terminal sends Ctrl+C: to every process of the build
        else:
            os.kill(proc.pid, signum)  # as a service manager: to the build's own process
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == code, out + err
    assert err == "" and "Traceback" not in out and render("console.interrupted.nothing", {}).message in out
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.pdf"))
