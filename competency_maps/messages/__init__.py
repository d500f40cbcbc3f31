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

from competency_maps import i18n
from competency_maps.messages import general, languages
from competency_maps.messages.template import SEVERITIES, Template, catalog

__all__ = ["SEVERITIES", "Template", "catalog", "Rendered", "template", "codes", "render", "ALL"]

AREAS = (general, languages)
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


def _shown(name: str, value: Any, language: str) -> str:
    """A parameter as the message shows it. Parameters named `…choice` or `…choices` hold
    dropdown values (canonical, as the model keeps them): shown as the partner's dropdown shows
    them, in `language`. A list is joined with "; " (topics hold commas)."""
    if name.endswith(("choice", "choices")):
        items = value if isinstance(value, (list, tuple)) else (value,)
        value = [i18n.choice_label(str(v), language) for v in items]
        return "; ".join(value) if any("," in v for v in value) else ", ".join(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def render(code: str, params: Mapping[str, Any], language: str = "en") -> Rendered:
    """The words of an issue, in `language` (one of `i18n.LANGUAGES`; English for any other).

    The English template is the catalog's message id; a template with a `plural` is chosen by the
    `count` parameter and the language's plural rules."""
    t = template(code)
    tr = i18n.translator(language)
    shown = {k: _shown(k, v, language) for k, v in params.items()}
    if t.plural:
        message = tr.ngettext(t.message, t.plural, int(params.get(t.count, 0)))
    else:
        message = tr.gettext(t.message)
    hint = tr.gettext(t.hint) if t.hint else ""
    return Rendered(message.format_map(shown), hint.format_map(shown))
