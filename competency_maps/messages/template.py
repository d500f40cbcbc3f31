"""A message template: a code, its severity, its message and hint with named `str.format` fields.

A message that counts something has a `plural` form, chosen by the parameter named `count` (as
gettext's `ngettext(message, plural, n)`): code never builds a plural ("item{s}")."""

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
    plural: str = ""  # the message when the parameter `count` is not 1
    count: str = ""  # the parameter that chooses between `message` and `plural`

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"message {self.code}: severity {self.severity!r}")
        if bool(self.plural) != bool(self.count):
            raise ValueError(f"message {self.code}: a plural needs its count, and a count its plural")

    def fields(self) -> set[str]:
        """The parameters it takes: its placeholders, and the count that chooses its plural."""
        texts = (self.message, self.hint, self.plural)
        named = {f.split(".")[0].split("[")[0] for text in texts for _, f, _, _ in Formatter().parse(text) if f}
        return named | ({self.count} if self.count else set())

    def message_for(self, params) -> str:
        """The message, or its plural form when `count` says so."""
        return self.plural if self.count and params.get(self.count) != 1 else self.message


def catalog(*templates: Template) -> dict[str, Template]:
    """One area's templates by code (each area module ends with `TEMPLATES = catalog(...)`)."""
    out: dict[str, Template] = {}
    for t in templates:
        if t.code in out:
            raise ValueError(f"message code {t.code} declared twice")
        out[t.code] = t
    return out
