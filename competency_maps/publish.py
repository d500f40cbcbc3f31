"""Writing outputs without ever leaving a half-written file, a mismatched pair, or losing the last
good one.

The DOCX and the PDF are published as one unit (`publish`): both are written beside the old ones,
then swapped in with Ctrl+C and SIGTERM held back for the few renames; if any step fails, the old
files are put back. One build at a time writes into a folder (`locked`); the folder is checked for
writability and room before anything is rendered (`check_output_folder`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from competency_maps.errors import Location, ReportError
from competency_maps.slugs import slug

MIN_FREE_BYTES = 20 * 2**20  # the sample's pair is 1.5 MB, a 100-cluster report some 15 MB
LOCK_NAME = ".competency-maps.lock"  # used where a folder cannot be locked itself (Windows)


class OutputError(ReportError):
    """The output folder cannot take the files: not a folder, no permission, no room, busy."""


@dataclass(frozen=True)
class RenderedPdf:
    """Here, not in render_pdf: the build receives it from the PDF process without importing
    weasyprint (pickle imports the module of a class it rebuilds)."""
    data: bytes
    pages: int
    anchors: dict[str, int] = field(default_factory=dict)  # id of a heading -> its page (from 1)
    page_tops: frozenset[str] = frozenset()  # ids of the headings that start a page


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _write_part(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _write_part(path: Path, data: bytes) -> Path:
    """`data` in a new `.part` file beside `path`, on disk (fsync); removed again if that fails."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    tmp = Path(name)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; outputs are for sharing
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _reason(e: OSError) -> str:
    return e.strerror or type(e).__name__


def check_output_folder(output: Path, min_free: int = MIN_FREE_BYTES) -> None:
    """Before anything is rendered: the folder is a folder (made if missing), takes a new file,
    and has room; else an OutputError naming it, and nothing in it is touched."""
    loc = Location(str(output))
    if output.exists() and not output.is_dir():
        raise OutputError("is a file, not a folder: the report cannot be written there.", loc,
                          "Name a folder with --output DIR.")
    try:
        output.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-test.", suffix=".part", dir=output)
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        raise OutputError(f"cannot be written to ({_reason(e)}): nothing was changed.", loc,
                          "Check the folder's permissions, or choose another with --output DIR.") from None
    free = shutil.disk_usage(output).free
    if free < min_free:
        raise OutputError(f"has only {free / 2**20:.1f} MB free; the report needs some "
                          f"{min_free // 2**20} MB: nothing was changed.", loc,
                          "Free some space on that disk, or choose another folder with --output DIR.")


@contextlib.contextmanager
def locked(output: Path) -> Iterator[None]:
    """One build at a time writes into `output`: a second one is refused at once, with a message.

    The folder itself is locked (flock), so no lock file is ever left behind, even by a killed
    build; where folders cannot be locked (Windows), a lock file in it."""
    loc = Location(str(output))
    busy = OutputError("is being written by another build right now: nothing was changed.", loc,
                       "Wait for that build to finish, then build again.")
    try:
        import fcntl
    except ImportError:  # Windows
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
    import msvcrt
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


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl+C and SIGTERM wait until the block is done, then are delivered as usual."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    held = [s for s in (signal.SIGINT, getattr(signal, "SIGTERM", None)) if s is not None]
    old = {s: signal.getsignal(s) for s in held}
    for s in held:
        signal.signal(s, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
        for s in received:
            signal.raise_signal(s)


def publish(files: list[tuple[Path, bytes]], done: Callable[[], None] | None = None) -> None:
    """Both files or neither. Each is written beside its old version first; then, signals held, the
    old versions are kept aside and the new ones renamed in, and `done()` is told so before any
    held signal is delivered. If any step fails, the old files are put back and an OutputError (or
    the interruption) says that nothing changed."""
    staged: list[tuple[Path, Path]] = []
    kept: dict[Path, Path | None] = {}  # target -> its old version, set aside
    placed: list[Path] = []
    try:
        for path, data in files:
            staged.append((path, _write_part(path, data)))
        with signals_held():  # a signal held here is delivered after done(): the pair is complete
            try:
                for path, _ in staged:
                    kept[path] = _set_aside(path)
                for path, tmp in staged:
                    os.replace(tmp, path)
                    placed.append(path)
            except BaseException:
                _roll_back(placed, kept)
                raise
            if done is not None:
                done()
    except OSError as e:
        where = Path(e.filename) if e.filename else files[0][0]
        raise OutputError(f"could not be written ({_reason(e)}): nothing was changed, the previous "
                          "files are in place.", Location(str(where)),
                          "Free some space, close the file if another program holds it, or check "
                          "the folder's permissions; then build again.") from None
    finally:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)
        for old in kept.values():
            if old is not None:
                old.unlink(missing_ok=True)


def _set_aside(path: Path) -> Path | None:
    """A copy of the file now at `path` (a second name for it where possible), to put back."""
    if not path.exists():
        return None
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent)
    os.close(fd)
    aside = Path(name)
    try:
        aside.unlink()
        os.link(path, aside)
    except OSError:  # no hard links here (FAT, some network drives, an immutable file): a copy
        shutil.copy2(path, aside)
    return aside


def _roll_back(placed: list[Path], kept: dict[Path, Path | None]) -> None:
    """Put the old files back where new ones were renamed in; a new file with no old one goes."""
    failed = []
    for path in placed:
        old = kept.get(path)
        try:
            if old is None:
                path.unlink(missing_ok=True)
            else:
                os.replace(old, path)
                kept[path] = None
        except OSError:
            failed.append(path)
    if failed:
        names = ", ".join(p.name for p in failed)
        raise OutputError(f"holds a new {names} beside older files: the previous version could not "
                          "be put back.", Location(str(failed[0].parent)),
                          "Delete the files in that folder and build again.")


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
