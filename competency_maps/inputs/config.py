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

from competency_maps.inputs import images
from competency_maps.errors import ConfigError, Issue, Location, error
from competency_maps.model.image import Image
from competency_maps.inputs.files import CONFIG_NAME, check_regular_file, decode_text, read_limited, resolve_input_file
from competency_maps.labels import DEFAULT_CAPTIONS, DEFAULT_HEADINGS, DEFAULT_LABELS, Labels, fields
from competency_maps.inputs.options import (REQUIRED, Bool, Computed, Context, Date, Int, Invalid, Pattern, Rows, Str, StrList,
                      Table, Tables, Ticks)
from competency_maps.model.richtext import Block, MarkdownError, parse_markdown
from competency_maps.model.schema import D21_TOPICS
from competency_maps.analysis.synthesis import Theme

__all__ = ["CONFIG_NAME", "Deliverable", "load", "validate", "SCHEMA"]

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
    logo: Image | None = None  # the project's logo, on the cover and back page
    info: dict[str, Any] = field(default_factory=dict)
    version_log: list[tuple[str, ...]] = field(default_factory=list)
    version_log_columns: tuple[str, ...] = ("Issue Date", "Rev. No.", "Author", "Change")
    history: list[tuple[str, ...]] = field(default_factory=list)
    history_columns: tuple[str, ...] = ("Version", "Date", "Main Modification", "Entity")
    topics: tuple[str, ...] = D21_TOPICS
    short_topics: tuple[str, ...] = ()  # the same topics as the TOWS tables name them, where given
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

    def short_topic(self, topic: str) -> str:
        """A topic as a TOWS table names it ("Business model and internal management")."""
        return dict(zip(self.topics, self.short_topics)).get(topic, topic)


TEXT_FILES = ("abstract", "disclaimer", "funding", "executive_summary", "conclusions")
# The synthesis chapter's introduction and its sections' lead texts: optional (an inputs folder from
# before them, or a deliverable without the chapter, simply has none), unless the toml names one.
SYNTHESIS_TEXTS = ("synthesis_intro", "synthesis_overview", "synthesis_convergences",
                   "synthesis_complementarities")
COVER_KEYS = ("action_label", "action", "project_label", "project", "logo_text", "cofunding",
              "grant_label", "grant_agreement", "coordinator_label", "coordinator_name", "coordinator_role")
INFO_KEYS = ("ist_number", "work_package_number", "work_package_title", "contractual_date", "actual_date",
             "status_version", "status", "authors", "responsible_name", "responsible_partner",
             "responsible_email", "responsible_phone", "contributors", "reviewers", "abstract", "keywords")
HEADING_FIELDS = frozenset({"name", "project"})


def _markdown(name: object, ctx: Context, section: str, key: str) -> list[Block]:
    """A Markdown file named in the toml: inside inputs/, UTF-8, parsed (errors at its line)."""
    try:
        path = resolve_input_file(ctx.inputs, name, section, key)
        loc = Location(str(name))
        blocks = parse_markdown(decode_text(read_limited(path, loc), loc))
    except MarkdownError as e:
        raise Invalid(f"{name}, line {e.line}: {e}", e.hint)
    except ConfigError as e:
        if e.location.file == CONFIG_NAME:
            raise Invalid(str(e), e.hint)
        ctx.issues.append(e.as_issue())  # the Markdown file's own fault: named, not the toml's key
        return []
    return blocks


def _logo(name: object, ctx: Context, section: str, key: str) -> Image | None:
    """The deliverable's logo: a PNG, JPEG or SVG file inside inputs/, checked as untrusted input."""
    if name is None or name == "":
        return None
    path = resolve_input_file(ctx.inputs, name, section, key, images.MAX_BYTES, images.SUFFIXES)
    try:
        return images.load(path.read_bytes(), path.name)
    except images.ImageError as e:
        raise Invalid(f"names {name}, which {e}", "Use a plain PNG or SVG logo.")


def _optional_markdown(name: object, ctx: Context, section: str, key: str) -> list[Block]:
    """A Markdown file named in the toml; when the key is absent, its usual file if there is one."""
    if name is None:
        name = f"{key.replace('_', '-')}.md"
        if not (ctx.inputs / name).exists():
            return []
    return _markdown(name, ctx, section, key)


def _table_rows(columns: tuple[str, ...]) -> Table:
    return Table({"columns": StrList(columns, nonempty=True), "rows": Rows()})


# The whole file: adding a key is one line here (and, if the report uses it, a field of Deliverable).
SCHEMA = Table({
    "deliverable": Table({"number": Str(REQUIRED, nonempty=True), "title": Str(REQUIRED, nonempty=True),
                          "language": Str("en", nonempty=True), "date": Date(Deliverable.date)}),
    "project": Table({"acronym": Str(), "full_title": Str(), "url": Str()}),
    "cover": Table({**{k: Str() for k in COVER_KEYS}, "logo": Computed(None, _logo)}),
    "info": Table({**{k: Str() for k in INFO_KEYS}, "nature": Ticks(), "dissemination": Ticks()}),
    "version_log": _table_rows(Deliverable.version_log_columns),
    "history": _table_rows(Deliverable.history_columns),
    "texts": Table({**{k: Computed(f"{k.replace('_', '-')}.md", _markdown) for k in TEXT_FILES},
                    **{k: Computed(None, _optional_markdown) for k in SYNTHESIS_TEXTS}}),
    "clusters": Table({"order": StrList(unique=True), "about_order": StrList(unique=True)}),
    "swot": Table({"topics": StrList(D21_TOPICS, nonempty=True, unique=True), "short_topics": StrList()}),
    "tows": Table({"captions": Table({k: Str(v) for k, v in DEFAULT_CAPTIONS.items()})}),
    "headings": Table({k: Pattern(v, HEADING_FIELDS) for k, v in DEFAULT_HEADINGS.items()}, noun="heading"),
    "labels": Table({k: Pattern(v, fields(v)) for k, v in DEFAULT_LABELS.items()}, strict=True, noun="label",
                    unknown_hint="Use one of the names listed in competency_maps/labels.py."),
    "links": Tables(Table({"label": Str(), "text": Str(), "url": Str()})),
    "synthesis": Table({"enabled": Bool(None), "min_clusters": Int(3, minimum=2),
                        "themes": Tables(Table({"name": Str(REQUIRED, nonempty=True),
                                                "keywords": StrList()}))}),
}, noun="section")


def validate(inputs: Path, source: str | None = None) -> tuple[Deliverable | None, list[Issue]]:
    """Every problem of deliverable.toml and the files it names, at once: (the deliverable if no
    error, errors and warnings). Without the file, the D2.1 defaults and no issue. `source`: a new
    text of the toml to check before it is written (a version log row, version_log.py)."""
    path = inputs / CONFIG_NAME
    loc = Location(CONFIG_NAME)
    if source is None and not path.exists() and not path.is_symlink():
        return Deliverable(), []
    try:
        if source is None:
            check_regular_file(path, loc)
            source = decode_text(read_limited(path, loc), loc)
        raw = tomllib.loads(source)
    except ConfigError as e:
        return None, [e.as_issue()]
    except tomllib.TOMLDecodeError as e:
        return None, [error(loc, f"cannot be read: {e}.", "Fix the TOML syntax (quotes, brackets).")]
    ctx = Context(inputs)
    try:
        values = SCHEMA.check(raw, ctx, "", "")
    except Invalid as e:  # pragma: no cover - tomllib always gives a table
        return None, [error(loc, str(e), e.hint)]
    _check_rows(values, ctx)
    if any(i.is_error for i in ctx.issues):
        return None, ctx.issues
    return _deliverable(values), ctx.issues


def load(inputs: Path) -> Deliverable:
    """The deliverable, or a ConfigError (the first error; all of them in `.issues`)."""
    deliverable, issues = validate(inputs)
    if deliverable is None:
        first = next(i for i in issues if i.is_error)
        raise ConfigError(first.message, first.location, first.hint, issues=issues)
    return deliverable


def _check_rows(values: dict, ctx: Context) -> None:
    topics, short = values["swot"]["topics"], values["swot"]["short_topics"]
    if short and len(short) != len(topics):
        ctx.error("swot", "short_topics", f"has {len(short)} names for {len(topics)} topics.",
                  "Give one short name per topic, in the same order as topics.")
    for section in ("version_log", "history"):
        width = len(values[section]["columns"])
        for n, row in enumerate(values[section]["rows"], start=1):
            if len(row) != width:
                ctx.error(section, "rows", f"row {n} has {len(row)} cells for {width} columns.",
                          "Give every row one cell per column (\"\" for an empty one).")


def _deliverable(v: dict) -> Deliverable:
    d, p, syn = v["deliverable"], v["project"], v["synthesis"]
    themes = tuple(Theme(t["name"], t["keywords"]) for t in syn["themes"])
    return Deliverable(
        number=d["number"], title=d["title"], language=d["language"], date=d["date"],
        project_acronym=p["acronym"], project_title=p["full_title"], project_url=p["url"],
        cover={k: val for k, val in v["cover"].items() if k != "logo"}, logo=v["cover"]["logo"],
        info=dict(v["info"]),
        version_log=v["version_log"]["rows"], version_log_columns=v["version_log"]["columns"],
        history=v["history"]["rows"], history_columns=v["history"]["columns"],
        topics=v["swot"]["topics"], short_topics=v["swot"]["short_topics"], captions=dict(v["tows"]["captions"]), headings=dict(v["headings"]),
        clusters=v["clusters"]["order"], about_order=v["clusters"]["about_order"],
        links=list(v["links"]), texts=dict(v["texts"]),
        synthesis=bool(themes) if syn["enabled"] is None else syn["enabled"],
        synthesis_min_clusters=syn["min_clusters"], themes=themes,
        label_overrides={k: val for k, val in v["labels"].items() if val != DEFAULT_LABELS[k]},
    )
