"""A message template: a code, its severity, its message and hint with named `str.format` fields."""

from __future__ import annotations

from dataclasses import dataclass
from string import Formatter

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Template:
    code: str
    severity: str  # one of SEVERITIES
    message: str
    hint: str = ""
    plural: str = ""  # the message for a count other than one, chosen by the language's plural rules
    count: str = "count"  # the parameter that chooses between `message` and `plural`

    def fields(self) -> set[str]:
        return {f for text in (self.message, self.hint, self.plural) for _, f, _, _ in Formatter().parse(text)
                if f}


def catalog(*templates: Template) -> dict[str, Template]:
    """One area's templates by code (each area module ends with `TEMPLATES = catalog(...)`)."""
    out: dict[str, Template] = {}
    for t in templates:
        if t.code in out:
            raise ValueError(f"message code {t.code} declared twice")
        out[t.code] = t
    return out
