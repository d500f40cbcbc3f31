"""The deliverable's own data: `inputs/deliverable.toml` plus Markdown files for long text.

The coordinator edits these without touching code. Everything the report says that is not a
partner's is here: cover, document information, summaries, topics, captions, chapter order.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError, Location
from .labels import DEFAULT_CAPTIONS, DEFAULT_HEADINGS, DEFAULT_LABELS, Labels, fields
from .richtext import Block, parse_markdown
from .schema import D21_TOPICS
from .synthesis import Theme

CONFIG_NAME = "deliverable.toml"

@dataclass(frozen=True)
class Choice:
    label: str
    ticked: bool


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]


@dataclass
class Deliverable:
    number: str = "D2.1"
    title: str = "Clusters competency maps"
    language: str = "en"
    date: dt.date = dt.date(2020, 10, 2)
    project_acronym: str = "RECIPE4Mobility"
    project_title: str = ""
    project_url: str = ""
    cover: dict[str, str] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)
    version_log: list[tuple[str, ...]] = field(default_factory=list)
    version_log_columns: tuple[str, ...] = ("Issue Date", "Rev. No.", "Author", "Change")
    history: list[tuple[str, ...]] = field(default_factory=list)
    history_columns: tuple[str, ...] = ("Version", "Date", "Main Modification", "Entity")
    topics: tuple[str, ...] = D21_TOPICS
    captions: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_CAPTIONS))
    headings: dict[str, str] = field(default_factory=dict)
    clusters: tuple[str, ...] = ()
    about_order: tuple[str, ...] = ()
    links: list[dict[str, str]] = field(default_factory=list)
    texts: dict[str, list[Block]] = field(default_factory=dict)
    synthesis: bool = False
    synthesis_min_clusters: int = 3
    themes: tuple[Theme, ...] = ()
    label_overrides: dict[str, str] = field(default_factory=dict)

    @property
    def labels(self) -> Labels:
        return Labels(self.label_overrides)

    @property
    def theme_names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.themes)

    def text(self, name: str) -> list[Block]:
        return self.texts.get(name, [])

    def heading(self, key: str) -> str:
        return self.headings.get(key, DEFAULT_HEADINGS[key])


TEXT_FILES = ("abstract", "disclaimer", "funding", "executive_summary", "conclusions")


def load(inputs: Path) -> Deliverable:
    """Read the configuration in `inputs/`; without one, the D2.1 defaults apply."""
    path = inputs / CONFIG_NAME
    if not path.exists():
        return Deliverable()
    loc = Location(path.name)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot be read: {e}.", loc, "Fix the TOML syntax (quotes, brackets).")
    try:
        return _from_dict(raw, inputs)
    except (KeyError, TypeError, ValueError) as e:
        raise ConfigError(f"has a missing or wrong value: {e}.", loc,
                          "Compare it with the shipped inputs/deliverable.toml.")


def _from_dict(raw: dict, inputs: Path) -> Deliverable:
    d = raw["deliverable"]
    p = raw.get("project", {})
    date = d.get("date", Deliverable.date)
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    texts = {}
    for name in TEXT_FILES:
        fname = raw.get("texts", {}).get(name, f"{name.replace('_', '-')}.md")
        f = inputs / fname
        if f.exists():
            texts[name] = parse_markdown(f.read_text(encoding="utf-8"))
        else:
            raise ConfigError(f"names the text file {fname}, which is not in {inputs}.",
                              Location(CONFIG_NAME, "texts", name),
                              "Create the file or correct its name.")
    labels = {str(k): str(v) for k, v in raw.get("labels", {}).items()}
    for key, pattern in labels.items():
        known = DEFAULT_LABELS.get(key)
        if known is None:
            raise ConfigError(f"has an unknown label '{key}'.", Location(CONFIG_NAME, "labels", key),
                              "Use one of the names listed in competency_maps/labels.py.")
        if not fields(pattern) <= fields(known):
            raise ConfigError(f"label '{key}' uses blanks that do not exist: "
                              f"{', '.join(sorted(fields(pattern) - fields(known)))}.",
                              Location(CONFIG_NAME, "labels", key),
                              f"Use only {', '.join('{' + f + '}' for f in sorted(fields(known))) or 'no blanks'}.")
    syn = raw.get("synthesis", {})
    themes = tuple(Theme(str(t["name"]), tuple(str(k) for k in t.get("keywords", ())))
                   for t in syn.get("themes", ()))
    captions = dict(DEFAULT_CAPTIONS)
    captions.update(raw.get("tows", {}).get("captions", {}))
    return Deliverable(
        number=d["number"],
        title=d["title"],
        language=d.get("language", "en"),
        date=date,
        project_acronym=p.get("acronym", ""),
        project_title=p.get("full_title", ""),
        project_url=p.get("url", ""),
        cover={k: str(v) for k, v in raw.get("cover", {}).items()},
        info=raw.get("info", {}),
        version_log=[tuple(str(c) for c in r) for r in raw.get("version_log", {}).get("rows", [])],
        version_log_columns=tuple(str(c) for c in raw.get("version_log", {}).get(
            "columns", Deliverable.version_log_columns)),
        history=[tuple(str(c) for c in r) for r in raw.get("history", {}).get("rows", [])],
        history_columns=tuple(str(c) for c in raw.get("history", {}).get(
            "columns", Deliverable.history_columns)),
        topics=tuple(raw.get("swot", {}).get("topics", D21_TOPICS)),
        captions=captions,
        headings={k: str(v) for k, v in raw.get("headings", {}).items()},
        clusters=tuple(raw.get("clusters", {}).get("order", ())),
        about_order=tuple(raw.get("clusters", {}).get("about_order", ())),
        links=list(raw.get("links", [])),
        texts=texts,
        synthesis=bool(syn.get("enabled", bool(themes))),
        synthesis_min_clusters=int(syn.get("min_clusters", 3)),
        themes=themes,
        label_overrides=labels,
    )
