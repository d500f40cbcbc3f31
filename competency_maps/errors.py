"""Problems found in the inputs, and the exceptions that carry them.

Validation collects `Issue`s (every problem at once, like a compiler); exceptions are kept for what
stops a whole file or the build. Each carries a location a partner can find: file › sheet › cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # how a partner's typing habit was read (a bulleted cell split into entries)


@dataclass(frozen=True)
class Location:
    file: str = ""
    sheet: str = ""
    cell: str = ""

    def __str__(self) -> str:
        return " › ".join(p for p in (self.file, self.sheet, self.cell) if p)


@dataclass(frozen=True)
class Issue:
    severity: Severity
    location: Location
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.location}: " if str(self.location) else ""
        tail = f" {self.hint}" if self.hint else ""
        return f"{self.severity.value.upper()} {where}{self.message}{tail}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(loc: Location, message: str, hint: str = "") -> Issue:
    return Issue(Severity.ERROR, loc, message, hint)


def warning(loc: Location, message: str, hint: str = "") -> Issue:
    return Issue(Severity.WARNING, loc, message, hint)


def info(loc: Location, message: str, hint: str = "") -> Issue:
    return Issue(Severity.INFO, loc, message, hint)


class SortsIssues:
    """For anything holding `issues`: its errors, its warnings and its information lines."""

    issues: list[Issue]

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.WARNING]

    @property
    def infos(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.INFO]


class ReportError(Exception):
    """Base of the tool's own failures: always shown as a message, never as a traceback."""

    def __init__(self, message: str, location: Location | None = None, hint: str = ""):
        self.location = location or Location()
        self.hint = hint
        super().__init__(message)

    def as_issue(self) -> Issue:
        return error(self.location, str(self), self.hint)

    def __reduce__(self):  # whole across processes (see pdf_process), location and hint included
        return type(self), (str(self), self.location, self.hint)


class WorkbookError(ReportError):
    """A file that cannot be read as a workbook at all."""


class ConfigError(ReportError):
    """The deliverable's own configuration (TOML, Markdown) is wrong.

    `issues`: every error and warning found with it, when the whole file was checked."""

    def __init__(self, message: str, location: Location | None = None, hint: str = "",
                 issues: list[Issue] | None = None):
        super().__init__(message, location, hint)
        self.issues = issues if issues is not None else [self.as_issue()]


class RenderError(ReportError):
    """An output could not be produced."""
