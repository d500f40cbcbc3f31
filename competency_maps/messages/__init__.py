"""Every message the tool shows, as a template keyed by a stable code.

In: an issue's code and parameters. Out: its message and hint, in a language.

An `Issue` (see `errors.py`) holds only its code, location and parameters; its words are made here
when it is shown. Each template is declared once, in its area's module (`messages/<area>.py`), with
its severity, its message and its hint, as named `str.format` fields. Codes are dotted and stable
(`swot.quadrant.unknown`): tests, `check --format json` and the browser checker key on them, and
translations key on the English template.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from competency_maps.messages import general, site
from competency_maps.messages.template import SEVERITIES, Template, catalog

__all__ = ["SEVERITIES", "Template", "catalog", "Rendered", "template", "codes", "render", "ALL"]

AREAS = (general, site)
ALL: Mapping[str, Template] = {code: t for area in AREAS for code, t in area.TEMPLATES.items()}


class Rendered(NamedTuple):
    message: str
    hint: str


def template(code: str) -> Template:
    try:
        return ALL[code]
    except KeyError:
        raise KeyError(f"no message template has the code {code!r}") from None


def codes() -> Iterable[str]:
    return ALL.keys()


def _shown(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def render(code: str, params: Mapping[str, Any], language: str = "en") -> Rendered:
    """The words of an issue, in `language` (English until the catalogs are translated)."""
    t = template(code)
    shown = {k: _shown(v) for k, v in params.items()}
    return Rendered(t.message.format_map(shown), t.hint.format_map(shown))
