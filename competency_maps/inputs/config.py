"""The deliverable's own data read: `inputs/deliverable.toml` plus the Markdown and logo files it names.

The coordinator edits these without touching code. Everything the report says that is not a
partner's is here: cover, document information, summaries, topics, captions, chapter order. Its
shape, types, defaults and checks are declared once, in `model/deliverable.py`; this module reads the
toml, checks it against them (`options.py`), reads the files it names, and checks across keys.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from competency_maps import i18n
from competency_maps.errors import Collector, ConfigError, Issue, Location
from competency_maps.inputs import images
from competency_maps.inputs.files import CONFIG_NAME, check_regular_file, decode_text, read_limited, resolve_input_file
from competency_maps.inputs.options import Context, ValidationError, check_section
from competency_maps.model.deliverable import VERSION_LOG_COLUMNS, Deliverable
from competency_maps.model.image import Image
from competency_maps.model.schema import name_key
from competency_maps.model.keys import Markdown, Picture
from competency_maps.model.richtext import Block, MarkdownError, markdown_images, parse_markdown

__all__ = ["CONFIG_NAME", "VERSION_LOG_COLUMNS", "Deliverable", "load", "validate"]


def _markdown(check: Markdown, name: Any, ctx: Context, *, section: str, key: str) -> tuple[Block, ...]:
    """A Markdown file named in the toml: inside inputs/, UTF-8, parsed (errors at its line). When
    the key is absent, its usual file; an optional text without that file is none."""
    if name is None:
        name = check.file
        if check.optional and not (ctx.inputs / name).exists():
            return ()
    try:
        path = resolve_input_file(ctx.inputs, name, section, key)
        loc = Location(str(name))
        source = decode_text(read_limited(path, loc), loc)
        blocks = parse_markdown(source)
        for line, alt, src in markdown_images(source):  # printed as their alt text only: said
            ctx.issues.add("markdown.image.omitted", Location(str(name), "", f"line {line}"), alt=alt, src=src)
    except MarkdownError as e:
        raise ValidationError("config.markdown.line", file=name, line=e.line, problem=e.phrase(),
                              fix=e.phrase("hint")) from None
    except ConfigError as e:
        if e.location.file == CONFIG_NAME:
            raise
        ctx.issues.extend([e.as_issue()])  # the Markdown file's own fault: named, not the toml's key
        return ()
    return tuple(blocks)


def _logo(name: Any, ctx: Context, *, section: str, key: str) -> Image | None:
    """The deliverable's logo: a PNG, JPEG or SVG file inside inputs/, checked as untrusted input."""
    if name is None or name == "":
        return None
    path = resolve_input_file(ctx.inputs, name, section, key, images.MAX_BYTES, images.SUFFIXES)
    try:
        return images.load(path.read_bytes(), path.name)
    except images.ImageError as e:
        raise ValidationError("config.logo.invalid", file=name, problem=e.phrase()) from None


def _read_file(check: Any, name: Any, ctx: Context, *, section: str, key: str) -> Any:
    if isinstance(check, Markdown):
        return _markdown(check, name, ctx, section=section, key=key)
    if isinstance(check, Picture):
        return _logo(name, ctx, section=section, key=key)
    raise TypeError(f"no reader for {check!r}")  # pragma: no cover - a declaration's fault


def validate(inputs: Path, source: str | None = None) -> tuple[Deliverable | None, list[Issue]]:
    """Every problem of deliverable.toml and the files it names, at once: (the deliverable if no
    error, errors and warnings). Without the file, the D2.1 defaults and no issue. `source`: a new
    text of the toml to check before it is written (a version log row, version_log.py)."""
    path = inputs / CONFIG_NAME
    loc = Location(CONFIG_NAME)
    if source is None and not path.exists() and not path.is_symlink():
        return Deliverable(), []
    issues = Collector(CONFIG_NAME)
    try:
        if source is None:
            check_regular_file(path, loc)
            source = decode_text(read_limited(path, loc), loc)
        raw = tomllib.loads(source)
    except ConfigError as e:
        return None, [e.as_issue()]
    except tomllib.TOMLDecodeError as e:
        return None, [issues.add("config.toml.syntax", loc, problem=str(e))]
    ctx = Context(inputs, issues, _read_file)
    deliverable = check_section(Deliverable, raw, ctx, where="", noun="section")
    _check_rows(deliverable, ctx)
    _check_language(deliverable, ctx)
    if issues.errors:
        return None, issues.issues
    return deliverable, issues.issues


def load(inputs: Path) -> Deliverable:
    """The deliverable, or a ConfigError (the first error; all of them in `.issues`)."""
    deliverable, issues = validate(inputs)
    if deliverable is None:
        raise ConfigError.from_issues(issues)
    return deliverable


def _check_language(d: Deliverable, ctx: Context) -> None:
    """A report language without a catalog builds, its fixed words in English: said, not silent."""
    if d.language.strip().replace("_", "-").split("-")[0].casefold() not in i18n.LANGUAGES:
        ctx.at("deliverable", "language", "config.language.words", value=d.language,
               languages=", ".join(i18n.LANGUAGES))


def _check_rows(d: Deliverable, ctx: Context) -> None:
    """What one key cannot say alone: as many short topics as topics, a partner's topics among them,
    rows as wide as their columns."""
    topics, short = d.swot.topics, d.swot.short_topics
    if short and len(short) != len(topics):
        ctx.at("swot", "short_topics", "config.short_topics.count", names=len(short), topics=len(topics))
    for partner, asked in d.swot.partner_topics.items():
        for topic in asked:
            if topic not in topics:
                ctx.at("swot › partner_topics", partner, "config.partner_topics.unknown", partner=repr(partner),
                       topic=repr(topic), topics=topics)
        if d.clusters.order and not any(
                name_key(partner) == name_key(n) for n in d.clusters.order):
            ctx.at("swot › partner_topics", partner, "config.partner_topics.partner", partner=repr(partner))
    for section, log in (("version_log", d.version_log), ("history", d.history)):
        width = len(log.columns)
        for n, row in enumerate(log.rows, start=1):
            if len(row) != width:
                ctx.at(section, "rows", "config.rows.width", row=n, cells=len(row), columns=width)
