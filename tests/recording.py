"""A console that keeps what it shows as codes and parameters, and the command line run with it:
tests assert which line a command said and with what, never its English words.

Shared by the command-line tests (test_cli, test_publish, xlsx/test_prefill, xlsx/test_annotate…)."""

from __future__ import annotations

import io
from typing import Any, NamedTuple

from competency_maps.cli import main
from competency_maps.console import Console
from competency_maps.errors import Issue, Location


class Said(NamedTuple):
    """One line a command said: its template's code, its parameters and its language."""
    code: str
    params: dict[str, Any]
    language: str


class Recording(Console):
    """A console that also keeps every issue it shows and every line it says."""

    def __init__(self, out, err, language: str = "en"):
        super().__init__(out, err, progress=False, language=language)
        self.seen: list[Issue] = []
        self.said: list[Said] = []

    def issues(self, issues, language: str | None = None) -> None:
        issues = list(issues)
        self.seen.extend(issues)
        super().issues(issues, language)

    def problems(self, issues) -> None:
        issues = list(issues)
        self.seen.extend(issues)
        super().problems(issues)

    def say(self, code: str, /, *, language: str | None = None, indent: int = 0, **params: Any) -> None:
        self.said.append(Said(code, params, language or self.language))
        super().say(code, language=language, indent=indent, **params)


class Run:
    """What a command did: exit code, what it printed, the issues it showed and the lines it said."""

    def __init__(self, code: int, out: str, err: str, issues: list[Issue], said: list[Said]):
        self.code, self.out, self.err, self.issues, self.said = code, out, err, issues, said

    def __iter__(self):
        """`code, printed = run(...)`, for a test that needs no more."""
        return iter((self.code, self.out))

    def __getitem__(self, index: int):
        return (self.code, self.out)[index]

    def at(self, *where: str) -> list[Issue]:
        """The issues shown at this file › sheet › cell."""
        return [i for i in self.issues if i.location == Location(*where)]

    def lines(self, code: str) -> list[dict[str, Any]]:
        """The parameters of each line of this code that the command said."""
        return [s.params for s in self.said if s.code == code]

    def codes(self) -> list[str]:
        """The codes of the lines said, in order."""
        return [s.code for s in self.said]


def run(*argv) -> Run:
    """`build.py ARGV…` in this process, with a recording console."""
    out, err = io.StringIO(), io.StringIO()
    console = Recording(out, err)
    code = main([str(a) for a in argv], console)
    return Run(code, out.getvalue(), err.getvalue(), console.seen, console.said)
