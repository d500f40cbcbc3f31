"""How the tool talks: the one place that decides what goes to stdout and stderr.

Results (reports, status tables) go to stdout; progress goes to stderr and only on a terminal.
Every line's words come from a coded template (`say(code, **params)`, `messages/console.py`),
rendered in the console's `language`: no command composes English itself. Problems are printed as
sentences with their location, never as tracebacks; for a program, as one JSON document of coded
issues (`json`, `issue_record`). Whatever the terminal
can show is shown: a character its encoding lacks becomes "?" (a cp1252 console and "Łódź"), a
control or bidi control character from a workbook is shown escaped ("\\x9b", "\\u202e"), and a
reader that goes away (`build.py | head -2`) silences the output, never the build.
"""

from __future__ import annotations

import io
import json
import os
import sys
from typing import Any, Iterable, Mapping, TextIO

from competency_maps import i18n
from competency_maps.errors import Issue, Severity
from competency_maps.i18n import pN_
from competency_maps.inputs.textsafety import escaped
from competency_maps.messages import jsonable, render

SEVERITY_WORDS = {Severity.ERROR: pN_("severity", "ERROR"), Severity.WARNING: pN_("severity", "WARNING"),
                  Severity.INFO: pN_("severity", "INFO")}


def issue_line(issue: Issue, language: str = "en") -> str:
    """An issue as one line of the console, in `language`: severity, place, message, hint."""
    t = issue.text(language)
    where = f"{issue.location}: " if str(issue.location) else ""
    tail = f" {t.hint}" if t.hint else ""
    word = i18n.translator(language).pgettext("severity", SEVERITY_WORDS[issue.severity])
    return f"{word} {where}{t.message}{tail}"


class Console:
    """`language`: of the lines the commands say (`check` answers each workbook in its own)."""

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None, progress: bool | None = None,
                 language: str = i18n.DEFAULT):
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.language = language
        self.show_progress = self.err.isatty() if progress is None else progress
        self.written: list = []  # output files published by this run: what an interruption must not deny

    def published(self, paths: list) -> None:
        """The run has replaced these files: from now on "nothing changed" would be false."""
        self.written.extend(paths)

    def progress(self, code: str, /, **params: Any) -> None:
        """What a long step is doing, on a terminal only (`console.progress.*`)."""
        if self.show_progress:
            self._write("err", f"  … {self.words(code, params)}", flush=True)

    def say(self, code: str, /, *, language: str | None = None, indent: int = 0, **params: Any) -> None:
        """One line of a command, from the template `code` (its message, then its hint), in
        `language` or the console's. `indent`: levels of two spaces (a line under a heading)."""
        self._write("out", "  " * indent + self.words(code, params, language))

    def words(self, code: str, params: Mapping[str, Any], language: str | None = None) -> str:
        t = render(code, params, language or self.language)
        return f"{t.message} {t.hint}" if t.hint else t.message

    def blank(self) -> None:
        """An empty line between two parts of the output."""
        self._write("out", "")

    def print(self, msg: str = "") -> None:
        """A line that is data, not words of the tool's (a table row, a partner's text)."""
        self._write("out", msg)

    def issues(self, issues: Iterable[Issue], language: str | None = None) -> None:
        for i in issues:
            self._write("out", f"  {issue_line(i, language or self.language)}")

    def json(self, document: Any) -> None:
        """One JSON document on stdout, ASCII only: whatever the terminal's encoding, every
        character a partner typed arrives whole (as an escape), never as "?"."""
        self._write("out", json.dumps(document, indent=2, default=str))

    def problems(self, issues: Iterable[Issue]) -> None:
        """What stopped a command: each issue on a line of its own, not indented as results are."""
        for i in issues:
            self._write("out", issue_line(i, self.language))

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
        fmt = "  ".join(f"{{:<{w}}}" for w in widths)
        self.print(fmt.format(*header))
        self.print(fmt.format(*("-" * w for w in widths)))
        for r in rows:
            self.print(fmt.format(*map(str, r)))

    def flush(self) -> None:
        """At the end of a run: what is still buffered, written (or dropped if the reader is gone)."""
        for name in ("out", "err"):
            try:
                getattr(self, name).flush()
            except BrokenPipeError:
                self._gone(name)
            except (OSError, ValueError):  # closed, or a stream that cannot flush: nothing to save
                pass

    def _write(self, name: str, text: str, flush: bool = False) -> None:
        stream = getattr(self, name)
        text = escaped(text)  # a partner's U+009B or U+202E is shown, never obeyed by the terminal
        encoding = getattr(stream, "encoding", None)
        if encoding:
            try:
                text = text.encode(encoding, "replace").decode(encoding)
            except LookupError:  # an encoding Python does not know: ASCII is safe anywhere
                text = text.encode("ascii", "replace").decode("ascii")
        try:
            print(text, file=stream, flush=flush)
        except BrokenPipeError:
            self._gone(name)

    def _gone(self, name: str) -> None:
        """The reader closed the pipe: later output goes nowhere, and Python's own flush at exit
        finds a valid file instead of printing 'Exception ignored … BrokenPipeError'."""
        stream = getattr(self, name)
        try:
            fd = stream.fileno()
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, fd)
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass
        setattr(self, name, _Nowhere())


def issue_record(i: Issue, language: str = "en") -> dict[str, Any]:
    """An issue for a program: its code and parameters, where it is, and its words in `language`."""
    text = i.text(language)
    return {"code": i.code, "severity": i.severity.value, "file": i.location.file,
            "sheet": i.location.sheet, "cell": i.location.cell, "message": text.message,
            "hint": text.hint, "params": jsonable(i.params)}


class _Nowhere(io.StringIO):
    """Where output goes once its reader is gone."""

    def write(self, s: str) -> int:
        return len(s)
