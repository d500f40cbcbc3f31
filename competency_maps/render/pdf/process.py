"""The PDF is laid out in a second process, started before the workbooks are read.

Nearly all of a build is weasyprint's layout. In a process of its own it imports weasyprint while
this one reads and checks the workbooks, then lays out the pages while this one fills the Word
file: both cores work (bench/benchmark.py has the figures). 'spawn', not 'fork': it behaves the
same on Windows and macOS, where a coordinator may run the build, and copies no locks or threads.

If the second process cannot start, dies, or stops answering (stopped, stuck: a watchdog hears
its heartbeat every second), the PDF is laid out in this process instead: slower, the same bytes.
Ctrl+C is this process's to handle; the second one ignores it from its very start (no traceback
of its own on the terminal) and is ended: asked first, so that its clean-up runs, then killed.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from typing import TYPE_CHECKING

from competency_maps.errors import RenderError
from competency_maps.render.pdf.result import RenderedPdf

if TYPE_CHECKING:  # not imported here: this module starts the process before the rest is imported
    from multiprocessing.connection import Connection

    from competency_maps.report.view import ReportContent

ENV_JOBS = "COMPETENCY_MAPS_JOBS"  # "1": everything in one process
HEARTBEAT_SECONDS = 1.0  # the PDF process says it is alive this often while it lays out
STALL_SECONDS = 30.0  # silence for this long: it is stopped or stuck, and the PDF is made here
GRACE_SECONDS = 3.0  # for the process to end by itself (its clean-up) before it is ended


def wanted() -> bool:
    """A second process pays off only with a second core; COMPETENCY_MAPS_JOBS=1 turns it off."""
    jobs = os.environ.get(ENV_JOBS, "").strip()
    if jobs.isdigit():
        return int(jobs) > 1
    return (os.cpu_count() or 1) > 1


def render_here(content: ReportContent) -> RenderedPdf:
    """The PDF laid out in this process."""
    try:  # not at the top: it would import weasyprint into the build
        from competency_maps.render.pdf.render import render_pdf
    except (ImportError, OSError) as e:  # weasyprint, or Pango under it, is not installed
        raise RenderError("pdf.engine.missing", error_type=type(e).__name__, detail=str(e)) from e
    return render_pdf(content)


def _serve(conn: Connection) -> None:
    """The second process: import first (the slow part), then wait for the one job; then wait for
    the build to hang up, and end normally, so that every clean-up runs."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))  # finally: blocks run
    try:
        from competency_maps.render.pdf import render as render_pdf  # noqa: F401
    except BaseException:  # noqa: BLE001 - no traceback here: the build falls back, and says why
        return
    try:
        content = conn.recv()
    except EOFError:  # the build stopped before it had anything to lay out
        return
    lock, done = threading.Lock(), threading.Event()

    def send(message) -> None:
        with lock:
            conn.send(message)

    def heartbeat() -> None:
        while not done.wait(HEARTBEAT_SECONDS):
            try:
                send(("alive", None))
            except OSError:
                return

    threading.Thread(target=heartbeat, daemon=True).start()
    try:
        result = ("ok", render_here(content))
    except SystemExit:  # SIGTERM: the build is ending (Ctrl+C, SIGTERM) and waits for no answer
        raise
    except BaseException as e:  # noqa: BLE001 - every failure goes back to the build, whole
        e.add_note("In the PDF process:\n" + "".join(traceback.format_exception(e)))
        result = ("error", e)
    done.set()
    try:
        _reply(send, result)
    except OSError:  # the build hung up (interrupted): nobody to tell, and nothing to print
        return
    try:
        conn.recv()  # nothing more comes: this returns when the build closes its end
    except (EOFError, OSError):
        pass


def _reply(send, result: tuple[str, object]) -> None:
    try:
        send(result)
    except OSError:
        raise
    except Exception:  # an exception that cannot be pickled: send what it said
        send(("error", RuntimeError(f"{type(result[1]).__name__}: {result[1]}")))


@contextlib.contextmanager
def started(needed: bool) -> Iterator[PdfProcess | None]:
    """The PDF process, if the PDF is to be made and a second core is there; ended on leaving."""
    if not needed or not wanted():
        yield None
        return
    with PdfProcess() as process:
        yield process


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


class PdfProcess:
    """One PDF job in a process of its own; `result()` falls back to this process if it fails."""

    def __init__(self) -> None:
        self._content: ReportContent | None = None
        self._sent = False
        ctx = multiprocessing.get_context("spawn")
        self._conn, child_conn = ctx.Pipe()
        self._process: multiprocessing.process.BaseProcess | None = ctx.Process(
            target=_serve, args=(child_conn,), daemon=True, name="competency-maps-pdf")
        try:
            with _sigint_ignored():  # inherited: the new Python never installs Ctrl+C's handler
                self._process.start()
        except Exception:  # no new processes here (limits, an embedded Python): use this one
            self._process = None
        child_conn.close()

    def start(self, content: ReportContent) -> None:
        self._content = content
        if self._process is not None:
            try:  # blocks until the process has imported weasyprint, if the content fills the pipe
                self._conn.send(content)
                self._sent = True
            except Exception:  # the process is gone already, or the content did not pickle
                self._sent = False

    def result(self) -> RenderedPdf:
        assert self._content is not None, "start() first"
        if self._sent:
            try:
                status, value = self._answer()
            except (EOFError, OSError, TimeoutError):  # died (killed, out of memory) or stuck: here
                self._end(wait=0)
            else:
                if status == "ok":
                    return value
                raise value
        return render_here(self._content)

    def _answer(self) -> tuple[str, object]:
        """The process's answer; TimeoutError if it falls silent for STALL_SECONDS."""
        while True:
            if not self._conn.poll(STALL_SECONDS):
                raise TimeoutError("the PDF process stopped answering")
            status, value = self._conn.recv()
            if status != "alive":
                return status, value

    def close(self) -> None:
        """Ends the process, whether it is still importing, laying out or done: done, it ends by
        itself when the pipe closes; else it is asked to (SIGTERM: its clean-up runs), and killed
        if it does not (a stopped or stuck process)."""
        self._conn.close()
        self._end(wait=GRACE_SECONDS if self._sent else 0)  # nothing sent: nothing to clean up

    def _end(self, wait: float) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.join(timeout=wait)
        if process.is_alive():
            process.terminate()
            process.join(timeout=GRACE_SECONDS)
        if process.is_alive():
            process.kill()  # SIGKILL ends a stopped process too
            process.join(timeout=GRACE_SECONDS)

    def __enter__(self) -> PdfProcess:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
