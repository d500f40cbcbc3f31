"""The words a configuration is declared in, as mkdocs' `config_options`: each key of a section is one
dataclass field whose default is the typed value and whose metadata is its check, e.g.

    number: str = key(Text(nonempty=True), "D2.1", required=True)

These are data: what a key must be. `inputs/options.py` checks a raw TOML value against them and
`inputs/config.py` reads the files some keys name; the model and the report only read the typed
sections (`model/deliverable.py`), so they never depend on how the TOML is read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Text:
    """Text in quotes."""
    nonempty: bool = False


@dataclass(frozen=True)
class Pattern:
    """Text with {blanks}: only those in `fields`, and no lone { or }."""
    fields: frozenset[str]


@dataclass(frozen=True)
class Whole:
    """A whole number, at least `minimum`."""
    minimum: int | None = None


@dataclass(frozen=True)
class Share:
    """A share of a whole: a number from 0 to 1 (0.5 is half)."""


@dataclass(frozen=True)
class Flag:
    """true or false."""


@dataclass(frozen=True)
class Day:
    """A date (2020-10-02, or the same in quotes)."""


@dataclass(frozen=True)
class Texts:
    """A list of texts; a lone text where a list is meant is an error, never split into letters."""
    nonempty: bool = False
    unique: bool = False


@dataclass(frozen=True)
class TextTable:
    """A table of names, each with a list of texts ([swot.partner_topics]: a Short name = its topics)."""


@dataclass(frozen=True)
class Rows:
    """A table's rows: a list of lists of texts."""


@dataclass(frozen=True)
class Ticks:
    """Check boxes: a list of [label, true/false] pairs."""


@dataclass(frozen=True)
class Markdown:
    """The name of a Markdown file inside the inputs folder; the value is its parsed blocks. `file`:
    the name used when the key is absent; `optional`: then, no file is no text (not an error)."""
    file: str
    optional: bool = False


@dataclass(frozen=True)
class Picture:
    """The name of a PNG, JPEG or SVG file inside the inputs folder ("" for none); the value is the
    checked image."""


@dataclass(frozen=True)
class Patterns:
    """A table of known names, each a pattern with its default (headings, labels, captions); the value
    is the whole mapping. `fields(default)`: the blanks a name's pattern may use (None: plain text)."""
    defaults: Mapping[str, str]
    fields: Any = None  # Callable[[str], set[str]] | None
    strict: bool = False  # an unknown name is an error (a label), not a warning
    noun: str = "key"


@dataclass(frozen=True)
class Section:
    """A TOML table whose keys are the fields of the section class `of`."""
    of: type
    noun: str = "key"


@dataclass(frozen=True)
class Sections:
    """An array of tables ([[links]]), each a section of class `of`."""
    of: type


CHECK = "check"  # the metadata key of a field's check
REQUIRED = "required"
TOML = "toml"


def key(check: Any, default: Any = None, *, required: bool = False, toml: str = "") -> Any:
    """A field: its default when the key is absent (or no toml at all), and its check. `toml`: the
    key's name in the TOML when the field cannot have it (a name the class already uses)."""
    metadata = {CHECK: check, REQUIRED: required, TOML: toml}
    if isinstance(default, (list, dict, set)):
        raise TypeError("a key's default must be immutable (a tuple, a mapping proxy)")
    if isinstance(default, Mapping):  # read-only, but unhashable: shared through a factory
        return dataclasses.field(default_factory=lambda: default, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def section(cls: type, *, noun: str = "key", toml: str = "") -> Any:
    """A field holding a whole section: its default is the section with every key's default."""
    return dataclasses.field(default_factory=cls, metadata={CHECK: Section(cls, noun), REQUIRED: False, TOML: toml})


def toml_name(f: dataclasses.Field) -> str:
    return f.metadata.get(TOML) or f.name
