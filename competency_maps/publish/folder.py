"""The output folder: checked before anything is rendered, and locked against a second build."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from competency_maps.errors import Location, ReportError

if sys.platform == "win32":  # pragma: no cover - Windows locks a file in the folder, not the folder
    import msvcrt
    fcntl = None
else:
    import fcntl

MIN_FREE_BYTES = 20 * 2**20  # the sample's pair is 1.5 MB, a 100-cluster report some 15 MB
LOCK_NAME = ".competency-maps.lock"  # used where a folder cannot be locked itself (Windows)


class OutputError(ReportError):
    """The output folder cannot take the files: not a folder, no permission, no room, busy."""


def reason(e: OSError) -> str:
    """Why the system refused, in its words ("Permission denied"), for a message's `reason`."""
    return e.strerror or type(e).__name__


def check_output_folder(output: Path, min_free: int = MIN_FREE_BYTES) -> None:
    """Before anything is rendered: the folder is a folder (made if missing), takes a new file,
    and has room; else an OutputError naming it, and nothing in it is touched."""
    loc = Location(str(output))
    if output.exists() and not output.is_dir():
        raise OutputError("output.not_a_folder", loc)
    try:
        output.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-test.", suffix=".part", dir=output)
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        raise OutputError("output.not_writable", loc, reason=reason(e)) from None
    free = shutil.disk_usage(output).free
    if free < min_free:
        raise OutputError("output.no_room", loc, free_mb=round(free / 2**20, 1),
                          needed_mb=min_free // 2**20)


@contextlib.contextmanager
def locked(output: Path) -> Iterator[None]:
    """One build at a time writes into `output`: a second one is refused at once, with a message.

    The folder itself is locked (flock), so no lock file is ever left behind, even by a killed
    build; where folders cannot be locked (Windows), a lock file in it."""
    loc = Location(str(output))
    busy = OutputError("output.busy", loc)
    if fcntl is None:  # pragma: no cover - Windows
        yield from _locked_with_file(output / LOCK_NAME, busy)
        return
    fd = os.open(output, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise busy from None
        yield
    finally:
        os.close(fd)  # releases the lock


def _locked_with_file(path: Path, busy: OutputError) -> Iterator[None]:  # pragma: no cover - Windows
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        raise busy from None
    try:
        yield
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            path.unlink()
