"""Typed keys of deliverable.toml, as mkdocs' config options: each key one line in a schema.

Every key is checked and every problem collected (section and key named), so the coordinator
fixes the toml in one pass; unknown keys are warned with the closest known name. A wrong value
never reaches the report as a string split into letters or a number where text is meant.
pydantic was weighed: it would add ~0.15 s of import to `check` (target < 0.3 s) and has no notion
of warnings; what the toml needs fits in these few classes.
"""

from __future__ import annotations

import datetime as dt
import difflib
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from competency_maps.errors import Issue, Location, error, warning
from competency_maps.inputs.files import CONFIG_NAME

REQUIRED: Any = object()  # the default of a key that must be given


class Invalid(Exception):
    """A wrong value: what is wrong, and what to do."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.hint = hint


@dataclass
class Context:
    """What checking needs besides the value: the inputs folder, and where issues go."""

    inputs: Path
    issues: list[Issue] = field(default_factory=list)

    @staticmethod
    def loc(section: str, key: str) -> Location:
        return Location(CONFIG_NAME, section, key)

    def error(self, section: str, key: str, message: str, hint: str = "") -> None:
        self.issues.append(error(self.loc(section, key), message, hint))

    def warn(self, section: str, key: str, message: str, hint: str = "") -> None:
        self.issues.append(warning(self.loc(section, key), message, hint))


class Option:
    """One key. `check` returns the value to use, or raises Invalid."""

    def __init__(self, default: Any = REQUIRED):
        self.default = default

    def check(self, value: Any, ctx: Context, section: str, key: str) -> Any:
        raise NotImplementedError

    def missing(self, ctx: Context, section: str, key: str) -> Any:
        """The value when the key is absent: its default (checked like a given one, for files)."""
        return self.default


def _kind(value: Any) -> str:
    return {str: "text", bool: "true/false", int: "a number", float: "a number", list: "a list",
            dict: "a table", dt.date: "a date", dt.datetime: "a date and time",
            dt.time: "a time"}.get(type(value), type(value).__name__)


class Str(Option):
    def __init__(self, default: Any = "", nonempty: bool = False):
        super().__init__(default)
        self.nonempty = nonempty

    def check(self, value, ctx, section, key):
        if not isinstance(value, str):
            raise Invalid(f"must be text in quotes, not {_kind(value)} ({value!r:.60}).",
                          f'Write it in quotes: {key} = "{value}"')
        if self.nonempty and not value.strip():
            raise Invalid("must not be empty.")
        return value


class Int(Option):
    def __init__(self, default: Any, minimum: int | None = None):
        super().__init__(default)
        self.minimum = minimum

    def check(self, value, ctx, section, key):
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(f"must be a whole number, not {_kind(value)} ({value!r:.60}).",
                          f"Write a number without quotes: {key} = 3")
        if self.minimum is not None and value < self.minimum:
            raise Invalid(f"must be at least {self.minimum}, not {value}.")
        return value


class Bool(Option):
    def check(self, value, ctx, section, key):
        if not isinstance(value, bool):
            raise Invalid(f"must be true or false, not {_kind(value)} ({value!r:.60}).",
                          f"Write {key} = true or {key} = false, without quotes.")
        return value


class Date(Option):
    def check(self, value, ctx, section, key):
        if isinstance(value, dt.datetime):
            value = value.date()
        elif isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                value = None
        if not isinstance(value, dt.date):
            raise Invalid(f"must be a date (YYYY-MM-DD), not {value!r:.60}.", f"Write {key} = 2020-10-02")
        return value


class StrList(Option):
    """A list of texts; a lone text where a list is meant is an error, never split into letters."""

    def __init__(self, default: Any = (), nonempty: bool = False, unique: bool = False):
        super().__init__(tuple(default) if isinstance(default, (list, tuple)) else default)
        self.nonempty, self.unique = nonempty, unique

    def check(self, value, ctx, section, key):
        if not isinstance(value, list):
            raise Invalid(f"must be a list in brackets, not {_kind(value)} ({value!r:.60}).",
                          f'Write {key} = ["…", "…"], even for a single item.')
        bad = [i + 1 for i, v in enumerate(value) if not isinstance(v, str) or not v.strip()]
        if bad:
            raise Invalid(f"item {bad[0]} must be non-empty text in quotes.")
        if self.nonempty and not value:
            raise Invalid("must not be empty.")
        if self.unique:
            dups = sorted({v for v in value if value.count(v) > 1})
            if dups:
                raise Invalid(f"names {dups[0]!r} twice.", "Remove the repeated item.")
        return tuple(value)


class Rows(Option):
    """A table's rows: a list of lists of texts, each as wide as the table's `columns`."""

    def __init__(self, default: Any = ()):
        super().__init__(list(default))

    def check(self, value, ctx, section, key):
        if not isinstance(value, list) or not all(isinstance(r, list) for r in value):
            raise Invalid("must be a list of rows, each a list of texts in brackets.",
                          f'Write {key} = [["…", "…"], ["…", "…"]]')
        for n, row in enumerate(value, start=1):
            bad = [c for c in row if not isinstance(c, str)]
            if bad:
                raise Invalid(f"row {n} has {_kind(bad[0])} ({bad[0]!r:.40}) where text in quotes is "
                              "expected.", "Put every cell in quotes, even numbers and dates.")
        return [tuple(r) for r in value]


class Ticks(Option):
    """Check boxes: a list of [label, true/false] pairs."""

    def __init__(self, default: Any = ()):
        super().__init__(list(default))

    def check(self, value, ctx, section, key):
        ok = isinstance(value, list) and all(
            isinstance(p, list) and len(p) == 2 and isinstance(p[0], str) and isinstance(p[1], bool)
            for p in value)
        if not ok:
            raise Invalid("must be a list of [label, true/false] pairs.",
                          f'Write {key} = [["report", true], ["other", false]]')
        return [(label, ticked) for label, ticked in value]


def pattern_fields(pattern: str) -> set[str]:
    """The blanks of a pattern ({name}); ValueError for a pattern str.format cannot fill safely."""
    names = set()
    for part in pattern.split("**"):  # labels.Labels fills bold and plain runs one by one
        for _, name, spec, conversion in string.Formatter().parse(part):
            if name is None:
                continue
            if not name.isidentifier() or spec or conversion:
                raise ValueError(f"'{{{name}{'!' + conversion if conversion else ''}"
                                 f"{':' + spec if spec else ''}}}' is not a blank")
            names.add(name)
    return names


class Pattern(Str):
    """Text with {blanks}: only the blanks in `fields`, and no lone { or }."""

    def __init__(self, default: str, fields: set[str] | frozenset[str]):
        super().__init__(default)
        self.fields = frozenset(fields)

    def _allowed(self) -> str:
        return ", ".join("{" + f + "}" for f in sorted(self.fields)) or "no blanks"

    def check(self, value, ctx, section, key):
        value = super().check(value, ctx, section, key)
        try:
            names = pattern_fields(value)
        except ValueError as e:
            raise Invalid(f"is not a valid pattern ({e}).",
                          f"Use only {self._allowed()}; write {{{{ and }}}} for a literal brace.")
        if not names <= self.fields:
            raise Invalid(f"uses blanks that do not exist: {', '.join(sorted(names - self.fields))}.",
                          f"Use only {self._allowed()}.")
        return value


class Computed(Option):
    """A key whose value comes from a function of the raw value (files, Markdown)."""

    def __init__(self, default: Any, convert: Callable[[Any, Context, str, str], Any]):
        super().__init__(default)
        self.convert = convert

    def check(self, value, ctx, section, key):
        return self.convert(value, ctx, section, key)

    def missing(self, ctx, section, key):
        return self.convert(self.default, ctx, section, key)


class Table(Option):
    """A TOML table of known keys. Unknown keys are warned (or, with `strict`, errors)."""

    def __init__(self, options: dict[str, Option], strict: bool = False, noun: str = "key",
                 unknown_hint: str = ""):
        super().__init__({})
        self.options, self.strict, self.noun, self.unknown_hint = options, strict, noun, unknown_hint

    def check(self, value, ctx, section, key):
        where = f"{section} › {key}" if section and key else section or key
        if not isinstance(value, dict):
            raise Invalid(f"must be a table ([{key}] and its keys below it), not {_kind(value)}.")
        out = {}
        for name, option in self.options.items():
            try:
                out[name] = (option.check(value[name], ctx, where, name) if name in value
                             else option.missing(ctx, where, name))
            except Invalid as e:
                ctx.error(where, name, str(e), e.hint)
                out[name] = option.default if option.default is not REQUIRED else None
                continue
            if out[name] is REQUIRED:
                ctx.error(where, name, "is required but missing.", f"Add {name} = … under [{where}].")
                out[name] = None
        for name in value:
            if name not in self.options:
                close = difflib.get_close_matches(name, list(self.options), n=1, cutoff=0.6)
                hint = f"Did you mean '{close[0]}'?" if close else (
                    self.unknown_hint or f"The known keys are: {', '.join(self.options)}.")
                if self.strict:
                    ctx.error(where, name, f"has an unknown {self.noun} '{name}'.", hint)
                else:
                    ctx.warn(where, name, f"unknown {self.noun} '{name}', ignored.", hint)
        return out

    def missing(self, ctx, section, key):
        return self.check({}, ctx, section, key)


class Tables(Option):
    """An array of tables ([[links]]), each checked by `item`."""

    def __init__(self, item: Table):
        super().__init__([])
        self.item = item

    def check(self, value, ctx, section, key):
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise Invalid(f"must be tables written [[{key}]], not {_kind(value)}.")
        return [self.item.check(v, ctx, f"{key} {n}" if not section else f"{section} › {key} {n}", "")
                for n, v in enumerate(value, start=1)]

    def missing(self, ctx, section, key):
        return []
