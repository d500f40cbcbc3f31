"""Problems found in the inputs, and the exceptions that carry them.

An issue is a code, a location and parameters (as frictionless' `errors/cell.py`): its words come
from the template its code names in `messages.py`, rendered when it is shown, so that it can be
shown in any language we ship and tests assert codes and parameters, not English.

Validation collects `Issue`s in one `Collector` (every problem at once, like a compiler);
exceptions, all under `ReportError`, are kept for what stops a whole file or the build. Each carries
a location a partner can find: file › sheet › cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any

from competency_maps import messages


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


def _frozen(params: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType({k: tuple(v) if isinstance(v, list) else v for k, v in params.items()})


@dataclass(frozen=True)
class Issue:
    """One problem: `code` names its template in `messages.py`; `params` fill it."""

    code: str
    severity: Severity
    location: Location = field(default_factory=Location)
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", _frozen(self.params))

    def __hash__(self) -> int:
        return hash((self.code, self.severity, self.location, tuple(sorted(map(repr, self.params.items())))))

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Issue) and (self.code, self.severity, self.location) ==
                (other.code, other.severity, other.location) and dict(self.params) == dict(other.params))

    @property
    def message(self) -> str:
        return self.text().message

    @property
    def hint(self) -> str:
        return self.text().hint

    def text(self, language: str = "en") -> "messages.Rendered":
        return messages.render(self.code, self.params, language)

    def phrase(self, part: str = "message") -> messages.Phrase:
        """Its message (or hint) as a part of another message: "…: it {reason}"."""
        return messages.Phrase(self.code, dict(self.params), part)

    def relocated(self, location: Location) -> Issue:
        return Issue(self.code, self.severity, location, self.params)

    def __str__(self) -> str:
        where = f"{self.location}: " if str(self.location) else ""
        t = self.text()
        tail = f" {t.hint}" if t.hint else ""
        return f"{self.severity.value.upper()} {where}{t.message}{tail}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def issue(code: str, location: Location | None = None, /, **params: Any) -> Issue:
    """An issue of `code`, its severity as the catalog declares it."""
    return Issue(code, Severity(messages.template(code).severity), location or Location(), params)


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


class Collector(SortsIssues):
    """The one place issues are gathered while something is read: `add(code, location, **params)`."""

    def __init__(self, file: str = "", issues: Iterable[Issue] = ()):
        self.file = file
        self.issues: list[Issue] = list(issues)

    def loc(self, sheet: str = "", cell: str = "") -> Location:
        return Location(self.file, sheet, cell)

    def add(self, code: str, location: Location | None = None, /, **params: Any) -> Issue:
        found = issue(code, location or self.loc(), **params)
        self.issues.append(found)
        return found

    def at(self, sheet: str, cell: str, code: str, /, **params: Any) -> Issue:
        """An issue in this collector's file, at sheet › cell."""
        return self.add(code, self.loc(sheet, cell), **params)

    def extend(self, issues: Iterable[Issue]) -> None:
        self.issues.extend(issues)


class ReportError(Exception):
    """Base of the tool's own failures: always shown as a message, never as a traceback.

    Raised with a code and parameters as an issue is: `ReportError("output.busy", loc, folder=...)`."""

    def __init__(self, code: str, location: Location | None = None, /, **params: Any):
        if code not in messages.ALL:  # a fault of ours, found by tests/test_messages.py
            raise KeyError(f"no message template has the code {code!r}")
        self.code = code
        self.location = location or Location()
        self.params = dict(params)
        super().__init__(code)

    def as_issue(self) -> Issue:
        return Issue(self.code, Severity.ERROR, self.location, self.params)

    def phrase(self, part: str = "message") -> messages.Phrase:
        """Its message (or hint) as a part of another message: "…: it {reason}"."""
        return messages.Phrase(self.code, dict(self.params), part)

    @property
    def message(self) -> str:
        return self.as_issue().message

    @property
    def hint(self) -> str:
        return self.as_issue().hint

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # whole across processes (see render.pdf.process), location and params included
        return _rebuild, (type(self), self.code, self.location, self.params, getattr(self, "issues", None))


def _rebuild(cls: type, code: str, location: Location, params: dict, issues: list[Issue] | None):
    e = cls.__new__(cls)
    ReportError.__init__(e, code, location, **params)
    if issues is not None:
        e.issues = issues
    return e


class WorkbookError(ReportError):
    """A file that cannot be read as a workbook at all."""


class ConfigError(ReportError):
    """The deliverable's own configuration (TOML, Markdown) is wrong.

    `issues`: every error and warning found with it, when the whole file was checked."""

    def __init__(self, code: str, location: Location | None = None, /, issues: list[Issue] | None = None,
                 **params: Any):
        super().__init__(code, location, **params)
        self.issues = issues if issues is not None else [self.as_issue()]

    @classmethod
    def from_issues(cls, issues: list[Issue]) -> ConfigError:
        first = next(i for i in issues if i.is_error)
        return cls(first.code, first.location, issues=issues, **first.params)


class RenderError(ReportError):
    """An output could not be produced."""

