"""Work done once per test run and shared by pytest-xdist's workers.

Each xdist worker has its own session, so a session fixture or an lru_cache makes in every worker
what they all use (the sample's PDF and Word file, a LibreOffice conversion, the self-check site):
seconds each, on a machine with few cores. `once(key, make)` keeps the result in this run's folder
(tests/conftest.py makes it and names it in RUN_DIR for the workers): the first worker that asks
makes it while the others wait on a lock (fcntl), then read it back. Nothing outlives the run, so
nothing goes stale when the code changes. Outside pytest (RUN_DIR unset) it just makes the value.

A value that fails to be made (an exception, a skip, a failure) is not kept: the next worker that
asks tries again and fails the same way, so a missing client still fails every test that needs it.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

RUN_DIR = "COMPETENCY_MAPS_TEST_RUN_DIR"

T = TypeVar("T")


def run_dir() -> Path | None:
    folder = os.environ.get(RUN_DIR)
    return Path(folder) if folder else None


def once(key: str, make: Callable[[], T]) -> T:
    """make(), or what another worker's make() for the same key returned in this run. `make` may
    call once() for another key, never back for one of its callers' (the locks would deadlock)."""
    folder = run_dir()
    if folder is None:
        return make()
    stem = folder / hashlib.sha256(key.encode()).hexdigest()[:32]
    kept = stem.with_suffix(".pickle")
    with open(stem.with_suffix(".lock"), "wb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if kept.exists():
            return pickle.loads(kept.read_bytes())
        value = make()
        part = stem.with_suffix(".part")
        part.write_bytes(pickle.dumps(value))
        os.replace(part, kept)
        return value


def folder_for(key: str) -> Path:
    """A folder of this run's, for a value that is a folder (a built site): the same path for every
    worker. Outside pytest, a new temporary folder."""
    folder = run_dir()
    if folder is None:
        import tempfile
        return Path(tempfile.mkdtemp(prefix="once-"))
    return folder / ("dir-" + hashlib.sha256(key.encode()).hexdigest()[:32])
