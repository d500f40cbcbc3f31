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
from string import Formatter
from typing import Any, NamedTuple

from competency_maps import i18n
from competency_maps.messages import (cells, changes, commands, completeness, config, console, dataset,
                                      decisions, docx, entries, general, images, init, inputs, languages,
                                      outputs, profile, publish, reading, review, sheets, site, synthesis,
                                      typeset, workbook, written)
from competency_maps.messages.template import SEVERITIES, Template, catalog

__all__ = ["SEVERITIES", "Template", "catalog", "Rendered", "Phrase", "template", "codes", "render", "jsonable",
           "ALL"]

AREAS = (general, workbook, sheets, cells, profile, entries, completeness, images, inputs, dataset, outputs,
         decisions, reading, written, config, review, docx, commands, publish, languages, synthesis, typeset,
         site, console, init, changes)
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


class Phrase(NamedTuple):
    """Another template's words inside a message ("cannot be the logo: it {reason}"): rendered in
    the same language as the message around it. `part` is "message" or "hint"."""

    code: str
    params: Mapping[str, Any]
    part: str = "message"


# How a list parameter is joined, by the format spec its field gives: `{choices}`, `{suffixes:or}`,
# `{names:bar}`, `{values:quoted}` ('a', 'b'). (With translations, "or" is Babel's
# `format_list(style="or")`.)
LIST_JOINS = {"": ", ", "or": " or ", "bar": " | ", "quoted": ", "}
# Parameters that hold dropdown values, canonical as the model keeps them: shown as the partner's
# dropdown shows them, in the message's language; `column`: a column's name, in that language.
CHOICE_PARAMS = frozenset({"choice", "choices", "suggestion", "first", "others", "quadrant", "strategy", "topic"})
# Parameters that hold the schema's own texts (a profile field's label, its help), which the workbook
# shows translated: shown in the message's language too.
SCHEMA_TEXT_PARAMS = frozenset({"field", "help"})
# Parameters that hold a word of the tool's own, from a closed list marked pN_("term", …) beside the
# templates that use it (config.TERMS: "a number", "section"; decisions.TERMS: "Convergence"):
# shown in the message's language. Anything else (a partner's quoted value) is shown as it is.
TERM_PARAMS = frozenset({"kind", "noun"})


class _Filler(Formatter):
    def __init__(self, language: str):
        self.language = language
        self.tr = i18n.translator(language)

    def get_value(self, key, args, kwargs) -> Any:
        value = super().get_value(key, args, kwargs)
        if key in CHOICE_PARAMS:
            if isinstance(value, (list, tuple)):
                return [i18n.choice_label(str(v), self.language) for v in value]
            return i18n.choice_label(str(value), self.language)
        if key == "column":
            return self.tr.pgettext("column", str(value))
        if key in SCHEMA_TEXT_PARAMS:
            return self.tr.gettext(str(value))
        if key in TERM_PARAMS:
            return self.tr.pgettext("term", str(value))
        if key == "quadrants":  # "Strengths": a quadrant's plural (languages.QUADRANT_PLURALS)
            return self.tr.pgettext("quadrants", str(value))
        return value

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Phrase):
            return getattr(render(value.code, value.params, self.language), value.part)
        if isinstance(value, (list, tuple)):
            each = "'{}'" if format_spec == "quoted" else "{}"
            or_word = self.tr.pgettext("list", "or")
            join = f" {or_word} " if format_spec == "or" else LIST_JOINS[format_spec]
            parts = [each.format(self.format_field(v, "")) for v in value]
            if not format_spec and any("," in p for p in parts):
                join = "; "  # topics hold commas
            return join.join(parts)
        return super().format_field(value, format_spec)


def render(code: str, params: Mapping[str, Any], language: str = "en") -> Rendered:
    """The words of an issue, in `language` (one of `i18n.LANGUAGES`; English for any other).

    The English template is the catalog's message id; a template with a `plural` is chosen by its
    `count` parameter and the language's plural rules (CLDR's, in each catalog)."""
    t = template(code)
    filler = _Filler(language)
    if t.plural:
        message = filler.tr.ngettext(t.message, t.plural, int(params.get(t.count, 0)))
    else:
        message = filler.tr.gettext(t.message)
    hint = filler.tr.gettext(t.hint) if t.hint else ""
    return Rendered(filler.vformat(message, (), params), filler.vformat(hint, (), params))


def jsonable(value: Any) -> Any:
    """Parameters as JSON data (`check --format json`): lists for tuples, a phrase as its code and
    parameters, anything else that JSON has no type for as its text."""
    if isinstance(value, Phrase):
        return {"code": value.code, "params": jsonable(value.params), "part": value.part}
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
