"""How the tool talks: the one place that decides what goes to stdout and stderr.

Results (reports, status tables) go to stdout; progress goes to stderr and only on a terminal.
Problems are printed as sentences with their location, never as tracebacks.
"""

from __future__ import annotations

import sys
from typing import Iterable, TextIO

from .errors import Issue


class Console:
    def __init__(self, out: TextIO | None = None, err: TextIO | None = None, progress: bool | None = None):
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.show_progress = self.err.isatty() if progress is None else progress

    def progress(self, msg: str) -> None:
        if self.show_progress:
            print(f"  … {msg}", file=self.err, flush=True)

    def print(self, msg: str = "") -> None:
        print(msg, file=self.out)

    def issues(self, issues: Iterable[Issue]) -> None:
        for i in issues:
            print(f"  {i}", file=self.out)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
        fmt = "  ".join(f"{{:<{w}}}" for w in widths)
        self.print(fmt.format(*header))
        self.print(fmt.format(*("-" * w for w in widths)))
        for r in rows:
            self.print(fmt.format(*map(str, r)))
