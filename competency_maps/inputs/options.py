"""deliverable.toml's raw values checked against the keys declared in `model/deliverable.py`.

Every key is checked and every problem collected (section and key named), so the coordinator
fixes the toml in one pass; unknown keys are warned with the closest known name. A wrong value
never reaches the report as a string split into letters or a number where text is meant.
pydantic was weighed: it would add ~0.15 s of import to `check` (target < 0.3 s) and has no notion
of warnings; what the toml needs fits in these few functions, one per kind of key (`model/keys.py`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from competency_maps.errors import Collector, ConfigError, Location, ReportError
from competency_maps.inputs.files import CONFIG_NAME
from competency_maps.model.deliverable import Choice
from competency_maps.model.keys import (CHECK, REQUIRED, Day, Flag, Markdown, Pattern, Patterns, Picture, Rows,
                                        Section, Sections, Share, Text, TextTable, Texts, Ticks, Whole, toml_name)


class ValidationError(ConfigError):
    """A wrong value: its code and parameters; where it is, the section walking it knows."""

    def __init__(self, code: str, /, **params: Any):
        super().__init__(code, None, **params)


@dataclass(frozen=True)
class Context:
    """What checking needs besides the value: the inputs folder, where issues go, and how to read
    the files keys name (`inputs/config.py`: Markdown, pictures)."""

    inputs: Path
    issues: Collector
    read_file: Callable[..., Any]  # (check, raw name, ctx, *, section, key) -> the value

    def at(self, section: str, key: str, code: str, /, **params: Any) -> None:
        self.issues.add(code, Location(CONFIG_NAME, section, key), **params)


_KINDS = MappingProxyType({str: "text", bool: "true/false", int: "a number", float: "a number", list: "a list",
                           dict: "a table", dt.date: "a date", dt.datetime: "a date and time", dt.time: "a time"})


def _kind(value: Any) -> str:
    return _KINDS.get(type(value), type(value).__name__)


def _shown(value: Any, width: int = 60) -> str:
    return f"{value!r:.{width}}"


def _text(spec: Text, value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise ValidationError("config.text.type", kind=_kind(value), value=_shown(value), key=key, typed=f"{value}")
    if spec.nonempty and not value.strip():
        raise ValidationError("config.empty")
    return value


def _whole(spec: Whole, value: Any, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("config.number.type", kind=_kind(value), value=_shown(value), key=key)
    if spec.minimum is not None and value < spec.minimum:
        raise ValidationError("config.number.small", minimum=spec.minimum, value=value)
    return value


def _share(value: Any, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError("config.share.type", kind=_kind(value), value=_shown(value), key=key)
    if not 0 <= value <= 1:  # also NaN
        raise ValidationError("config.share.range", value=value, key=key)
    return float(value)


def _flag(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError("config.flag.type", kind=_kind(value), value=_shown(value), key=key)
    return value


def _day(value: Any, key: str) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    elif isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    if not isinstance(value, dt.date):
        raise ValidationError("config.date.type", value=_shown(value), key=key)
    return value


def _texts(spec: Texts, value: Any, key: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValidationError("config.list.type", kind=_kind(value), value=_shown(value), key=key)
    bad = [i + 1 for i, v in enumerate(value) if not isinstance(v, str) or not v.strip()]
    if bad:
        raise ValidationError("config.list.item", item=bad[0])
    if spec.nonempty and not value:
        raise ValidationError("config.empty")
    if spec.unique:
        dups = sorted({v for v in value if value.count(v) > 1})
        if dups:
            raise ValidationError("config.list.repeated", item=repr(dups[0]))
    return tuple(value)


def _text_table(value: Any, key: str) -> Mapping[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ValidationError("config.table.type", kind=_kind(value), key=key)
    return MappingProxyType({name: _texts(Texts(unique=True), texts, name) for name, texts in value.items()})


def _rows(value: Any, key: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list) or not all(isinstance(r, list) for r in value):
        raise ValidationError("config.rows.type", key=key)
    for n, row in enumerate(value, start=1):
        bad = [c for c in row if not isinstance(c, str)]
        if bad:
            raise ValidationError("config.rows.cell", row=n, kind=_kind(bad[0]), value=_shown(bad[0], 40))
    return tuple(tuple(r) for r in value)


def _ticks(value: Any, key: str) -> tuple[Choice, ...]:
    ok = isinstance(value, list) and all(
        isinstance(p, list) and len(p) == 2 and isinstance(p[0], str) and isinstance(p[1], bool) for p in value)
    if not ok:
        raise ValidationError("config.ticks.type", key=key)
    return tuple(Choice(label, ticked) for label, ticked in value)


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


def _pattern(spec: Pattern, value: Any, key: str) -> str:
    value = _text(Text(), value, key)
    allowed = ", ".join("{" + f + "}" for f in sorted(spec.fields)) or "no blanks"
    try:
        names = pattern_fields(value)
    except ValueError as e:
        raise ValidationError("config.pattern.invalid", problem=str(e), allowed=allowed) from None
    if not names <= spec.fields:
        raise ValidationError("config.pattern.blanks", blanks=tuple(sorted(names - spec.fields)), allowed=allowed)
    return value


def _unknown(ctx: Context, known: tuple[str, ...], given: Mapping, *, where: str, noun: str, strict: bool) -> None:
    for name in given:
        if name in known:
            continue
        close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
        if close:
            ctx.at(where, name, "config.label.unknown" if strict else "config.key.unknown", noun=noun, name=name,
                   close=close[0])
        elif strict:
            ctx.at(where, name, "config.label.unknown.listed", noun=noun, name=name)
        else:
            ctx.at(where, name, "config.key.unknown.listed", noun=noun, name=name, known=known)


def _patterns(spec: Patterns, value: Any, ctx: Context, *, where: str) -> Mapping[str, str]:
    """The patterns the toml gives, each checked (the defaults are the catalogs', in the report's
    language: model/deliverable.py); unknown names warned (or errors)."""
    if not isinstance(value, dict):
        raise ValidationError("config.table.type", key=where.rsplit(" › ", 1)[-1], kind=_kind(value))
    out: dict[str, str] = {}
    for name, default in spec.defaults.items():
        if name not in value:
            continue
        check = Pattern(frozenset(spec.fields(default))) if spec.fields else Text()
        try:
            out[name] = check_value(check, value[name], ctx, where=where, key=name)
        except ReportError as e:
            ctx.at(where, name, e.code, **e.params)
    _unknown(ctx, tuple(spec.defaults), value, where=where, noun=spec.noun, strict=spec.strict)
    return MappingProxyType(out)


def check_section(cls: type, value: Any, ctx: Context, *, where: str, noun: str = "key") -> Any:
    """The section `cls` from its raw TOML table: every key checked (a wrong one is an issue and
    its default is kept, so that the others are checked too), unknown keys warned."""
    if not isinstance(value, dict):
        raise ValidationError("config.table.type", key=where.rsplit(" › ", 1)[-1], kind=_kind(value))
    out = {}
    for f in dataclasses.fields(cls):
        name = toml_name(f)
        check = f.metadata[CHECK]
        inner = f"{where} › {name}" if where else name
        try:
            if isinstance(check, Section):
                out[f.name] = check_section(check.of, value.get(name, {}), ctx, where=inner, noun=check.noun)
            elif name in value:
                out[f.name] = check_value(check, value[name], ctx, where=where, key=name)
            elif isinstance(check, (Markdown, Picture)):  # a file's usual name, read like a given one
                out[f.name] = ctx.read_file(check, None, ctx, section=where, key=name)
            elif f.metadata[REQUIRED]:
                ctx.at(where, name, "config.key.required", key=name, section=where)
        except ReportError as e:
            ctx.at(where, name, e.code, **e.params)
    _unknown(ctx, tuple(toml_name(f) for f in dataclasses.fields(cls)), value, where=where, noun=noun, strict=False)
    return cls(**out)


def check_value(check: Any, value: Any, ctx: Context, *, where: str, key: str) -> Any:
    """One key's value, typed; an ValidationError (a ConfigError) says what is wrong."""
    inner = f"{where} › {key}" if where else key
    if isinstance(check, Text):
        return _text(check, value, key)
    if isinstance(check, Pattern):
        return _pattern(check, value, key)
    if isinstance(check, Whole):
        return _whole(check, value, key)
    if isinstance(check, Share):
        return _share(value, key)
    if isinstance(check, Flag):
        return _flag(value, key)
    if isinstance(check, Day):
        return _day(value, key)
    if isinstance(check, Texts):
        return _texts(check, value, key)
    if isinstance(check, Rows):
        return _rows(value, key)
    if isinstance(check, TextTable):
        return _text_table(value, key)
    if isinstance(check, Ticks):
        return _ticks(value, key)
    if isinstance(check, Patterns):
        return _patterns(check, value, ctx, where=inner)
    if isinstance(check, Section):
        return check_section(check.of, value, ctx, where=inner, noun=check.noun)
    if isinstance(check, Sections):
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise ValidationError("config.tables.type", key=key, kind=_kind(value))
        return tuple(check_section(check.of, v, ctx, where=f"{inner} {n}") for n, v in enumerate(value, start=1))
    if isinstance(check, (Markdown, Picture)):
        return ctx.read_file(check, value, ctx, section=where, key=key)
    raise TypeError(f"no check for {check!r}")  # pragma: no cover - a declaration's fault
