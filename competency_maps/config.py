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
from .richtext import Block, parse_markdown
from .schema import D21_TOPICS
from .synthesis import Theme

CONFIG_NAME = "deliverable.toml"

DEFAULT_CAPTIONS = {
    "S-O": "building on the cluster's strengths to take advantage of environment opportunities",
    "S-T": "building on the strengths of the cluster to limit the impact of environment threats",
    "W-O": "ensure that the cluster's weaknesses will not prevent it from taking advantage of the "
           "environment's opportunities",
    "W-T": "ensure that weaknesses in the activity will not increase the impact of environment threats",
}


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
    history: list[tuple[str, ...]] = field(default_factory=list)
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

    @property
    def theme_names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.themes)

    def text(self, name: str) -> list[Block]:
        return self.texts.get(name, [])

    def heading(self, key: str) -> str:
        return self.headings.get(key, DEFAULT_HEADINGS[key])


DEFAULT_HEADINGS = {
    "chapter": "{name} competency map",
    "step1": "Step 1: Areas for skills improvement identified during peer-learning, ESCA benchmarking "
             "and consultations",
    "step2": "Step 2: SWOT analysis on cluster's own resources",
    "step3": "Step 3: First action plan with TOWS analysis",
    "about": "About the {project} Partners",
    "conclusions": "Conclusions",
    "executive_summary": "Executive Summary",
    "abstract": "Abstract",
    "contents": "Table of contents",
    "document_information": "Document Information",
    "synthesis": "Consortium synthesis",
}

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
        history=[tuple(str(c) for c in r) for r in raw.get("history", {}).get("rows", [])],
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
    )
