"""Ctrl+C as a terminal delivers it, even when the suite itself runs in the background.

A shell starts a background job (`pytest … &`, nohup) with SIGINT ignored, every process under it
inherits that, and a Python started with SIGINT ignored never turns it into KeyboardInterrupt: a
test of what Ctrl+C does would then see nothing happen. These put the terminal's behaviour back,
for this process (a fixture) or for a child (`preexec_fn`).
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def ctrl_c_raises() -> Iterator[None]:
    """In this process: SIGINT raises KeyboardInterrupt, as Python's own handler does."""
    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


def child_takes_ctrl_c() -> None:
    """preexec_fn for a child Python: SIGINT at its default, so that Python installs its handler."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
