"""Writing files without ever leaving a half-written one, a mismatched pair, or losing the last
good one: `publish` (both or neither, signals held for the renames) and `write_atomically`."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from competency_maps.errors import Location
from competency_maps.publish.folder import OutputError, reason
from competency_maps.signals import signals_held


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
        raise OutputError("output.write_failed", Location(str(where)), reason=reason(e)) from None
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
        raise OutputError("output.not_put_back", Location(str(failed[0].parent)),
                          names=[p.name for p in failed])
