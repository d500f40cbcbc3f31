"""The deliverable's own data, typed: `inputs/deliverable.toml` as frozen sections, declared once.

Each class is a TOML section and each field one of its keys: its type, its default and its check on
one line (`model/keys.py`). `inputs/config.py` reads the toml (and the Markdown and logo files it
names) into these; the report reads only these. Without a toml, `Deliverable()` is the standard D2.1
(its topics, no texts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from competency_maps.labels import DEFAULT_CAPTIONS, DEFAULT_HEADINGS, DEFAULT_LABELS, Labels, fields, translated
from competency_maps.model.image import Image
from competency_maps.model.keys import (Day, Flag, Markdown, Patterns, Picture, Rows, Sections, Share, Text, TextTable,
                                        Texts, Ticks,
                                        Whole, key, section)
from competency_maps.model.richtext import Block
from competency_maps.model.schema import D21_TOPICS, name_key

VERSION_LOG_COLUMNS = ("Issue Date", "Rev. No.", "Author", "Change")
HISTORY_COLUMNS = ("Version", "Date", "Main Modification", "Entity")
HEADING_FIELDS = frozenset({"name", "project"})


class Choice(NamedTuple):
    """One check box of the document information ("report", ticked)."""
    label: str
    ticked: bool


@dataclass(frozen=True)
class Document:
    """[deliverable]"""
    number: str = key(Text(nonempty=True), "D2.1", required=True)
    title: str = key(Text(nonempty=True), "Clusters competency maps", required=True)
    language: str = key(Text(nonempty=True), "en")
    date: dt.date = key(Day(), dt.date(2020, 10, 2))


@dataclass(frozen=True)
class Project:
    """[project]"""
    acronym: str = key(Text(), "")
    full_title: str = key(Text(), "")
    url: str = key(Text(), "")


@dataclass(frozen=True)
class Cover:
    """[cover]: the cover's lines, top to bottom, and the project's logo (also on the back page)."""
    action_label: str = key(Text(), "")
    action: str = key(Text(), "")
    project_label: str = key(Text(), "")
    project: str = key(Text(), "")
    logo_text: str = key(Text(), "")  # the words of the logo: what a screen reader says for it
    logo: Image | None = key(Picture(), None)
    cofunding: str = key(Text(), "")
    emblem: bool | None = key(Flag(), None)  # the EU emblem; unset: shown when `cofunding` is given
    grant_label: str = key(Text(), "")
    grant_agreement: str = key(Text(), "")
    coordinator_label: str = key(Text(), "")
    coordinator_name: str = key(Text(), "")
    coordinator_role: str = key(Text(), "")

    @property
    def shows_emblem(self) -> bool:
        """The EU emblem and the funding line beside it, on the cover and the back page."""
        return bool(self.cofunding) if self.emblem is None else self.emblem


# The issue of a required step a partner left empty (inputs/validate.py): an error, but a draft shows
# the chapter, with a placeholder in the step's place (report/assemble.py).
STEP_EMPTY = "step.empty"


@dataclass(frozen=True)
class Chapter:
    """[chapter]: which steps each partner's chapter has; their titles are in [headings] (step1,
    step2 for the notes and the SWOT tables, step3 for the TOWS tables). A step switched off leaves
    no heading, no contents line and no check of its sheet."""
    step1: bool = key(Flag(), True)  # the narrative (sheet Step 1): required when on
    step2: bool = key(Flag(), True)  # the partners' free notes (sheet Step 2 notes): optional
    swot: bool = key(Flag(), True)  # the SWOT tables (sheet SWOT): required when on
    tows: bool = key(Flag(), True)  # the TOWS tables (sheet TOWS): required when on


@dataclass(frozen=True)
class Info:
    """[info]: the document information table."""
    ist_number: str = key(Text(), "")
    work_package_number: str = key(Text(), "")
    work_package_title: str = key(Text(), "")
    contractual_date: str = key(Text(), "")
    actual_date: str = key(Text(), "")
    status_version: str = key(Text(), "")
    status: str = key(Text(), "")
    nature: tuple[Choice, ...] = key(Ticks(), ())
    dissemination: tuple[Choice, ...] = key(Ticks(), ())
    authors: str = key(Text(), "")
    responsible_name: str = key(Text(), "")
    responsible_partner: str = key(Text(), "")
    responsible_email: str = key(Text(), "")
    responsible_phone: str = key(Text(), "")
    contributors: str = key(Text(), "")
    reviewers: str = key(Text(), "")
    abstract: str = key(Text(), "")
    keywords: str = key(Text(), "")


@dataclass(frozen=True)
class VersionLog:
    """[version_log]: each row as wide as `columns` (checked by inputs/config.py)."""
    columns: tuple[str, ...] = key(Texts(nonempty=True), VERSION_LOG_COLUMNS)
    rows: tuple[tuple[str, ...], ...] = key(Rows(), ())


@dataclass(frozen=True)
class History:
    """[history]"""
    columns: tuple[str, ...] = key(Texts(nonempty=True), HISTORY_COLUMNS)
    rows: tuple[tuple[str, ...], ...] = key(Rows(), ())


@dataclass(frozen=True)
class TextFiles:
    """[texts]: the long texts, each a Markdown file. The synthesis chapter's are optional (an inputs
    folder from before them, or a deliverable without the chapter, has none) unless named."""
    abstract: tuple[Block, ...] = key(Markdown("abstract.md"), ())
    disclaimer: tuple[Block, ...] = key(Markdown("disclaimer.md"), ())
    funding: tuple[Block, ...] = key(Markdown("funding.md"), ())
    executive_summary: tuple[Block, ...] = key(Markdown("executive-summary.md"), ())
    conclusions: tuple[Block, ...] = key(Markdown("conclusions.md"), ())
    synthesis_intro: tuple[Block, ...] = key(Markdown("synthesis-intro.md", optional=True), ())
    synthesis_overview: tuple[Block, ...] = key(Markdown("synthesis-overview.md", optional=True), ())
    synthesis_convergences: tuple[Block, ...] = key(Markdown("synthesis-convergences.md", optional=True), ())
    synthesis_complementarities: tuple[Block, ...] = key(
        Markdown("synthesis-complementarities.md", optional=True), ())


@dataclass(frozen=True)
class Clusters:
    """[clusters]: the chapters' order (also the partners expected), and About the partners' order."""
    order: tuple[str, ...] = key(Texts(unique=True), ())
    about_order: tuple[str, ...] = key(Texts(unique=True), ())


@dataclass(frozen=True)
class Swot:
    """[swot]: the topics, and the same topics as the TOWS tables name them, where given."""
    topics: tuple[str, ...] = key(Texts(nonempty=True, unique=True), D21_TOPICS)
    short_topics: tuple[str, ...] = key(Texts(), ())
    # [swot.partner_topics]: a partner's Short name = the topics asked of it (default: all of them)
    partner_topics: Mapping[str, tuple[str, ...]] = key(TextTable(), MappingProxyType({}))


@dataclass(frozen=True)
class Tows:
    """[tows]: `captions` holds the toml's own (`Deliverable.caption` falls back to the catalogs')."""
    captions: Mapping[str, str] = key(Patterns(DEFAULT_CAPTIONS), MappingProxyType({}))


@dataclass(frozen=True)
class Link:
    """[[links]]: a link on the back page."""
    label: str = key(Text(), "")
    text: str = key(Text(), "")
    url: str = key(Text(), "")


@dataclass(frozen=True)
class Workbook:
    """[workbook]: what the partners' workbooks say (new-workbook): who to send it back to, by when."""
    contact: str = key(Text(), "")
    deadline: str = key(Text(), "")  # as the coordinator writes it ("30 October 2020")


@dataclass(frozen=True)
class Theme:
    """[[synthesis.themes]]: a theme of the synthesis and the words that name it."""
    name: str = key(Text(nonempty=True), "", required=True)
    keywords: tuple[str, ...] = key(Texts(), ())


@dataclass(frozen=True)
class Synthesis:
    """[synthesis]: `enabled` unset means on when there are themes."""
    enabled: bool | None = key(Flag(), None)
    min_clusters: int = key(Whole(minimum=2), 3)
    min_share: float = key(Share(), 0.5)  # and at least this share of the partners compared
    themes: tuple[Theme, ...] = key(Sections(Theme), ())

    @property
    def shown(self) -> bool:
        return bool(self.themes) if self.enabled is None else self.enabled


_HEADINGS = Patterns(DEFAULT_HEADINGS, lambda _: HEADING_FIELDS, noun="heading")
_LABELS = Patterns(DEFAULT_LABELS, fields, strict=True, noun="label")


@dataclass(frozen=True)
class Deliverable:
    """The whole toml, section by section (each field a section, named as in the toml)."""
    deliverable: Document = section(Document)
    project: Project = section(Project)
    cover: Cover = section(Cover)
    info: Info = section(Info)
    version_log: VersionLog = section(VersionLog)
    history: History = section(History)
    texts: TextFiles = section(TextFiles)
    clusters: Clusters = section(Clusters)
    chapter: Chapter = section(Chapter)
    swot: Swot = section(Swot)
    tows: Tows = section(Tows)
    # the toml's own wording only; the rest comes from the catalogs, in the report's language
    headings: Mapping[str, str] = key(_HEADINGS, MappingProxyType({}))
    label_patterns: Mapping[str, str] = key(_LABELS, MappingProxyType({}), toml="labels")
    links: tuple[Link, ...] = key(Sections(Link), ())
    workbook: Workbook = section(Workbook)
    synthesis: Synthesis = section(Synthesis)

    # What the rest of the tool reads most, by its usual name.
    @property
    def number(self) -> str:
        return self.deliverable.number

    @property
    def title(self) -> str:
        return self.deliverable.title

    @property
    def language(self) -> str:
        return self.deliverable.language

    @property
    def date(self) -> dt.date:
        return self.deliverable.date

    @property
    def project_acronym(self) -> str:
        return self.project.acronym

    @property
    def logo(self) -> Image | None:
        return self.cover.logo

    @property
    def topics(self) -> tuple[str, ...]:
        return self.swot.topics

    @property
    def themes(self) -> tuple[Theme, ...]:
        return self.synthesis.themes

    @property
    def theme_names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.synthesis.themes)

    @property
    def version_log_columns(self) -> tuple[str, ...]:
        return self.version_log.columns

    @property
    def labels(self) -> Labels:
        """Every label: the toml's [labels], else the catalog's in the report's language, else English."""
        return Labels(dict(self.label_patterns), language=self.language)

    def text(self, name: str) -> list[Block]:
        return list(getattr(self.texts, name))

    def heading(self, key: str) -> str:
        """A heading pattern: the toml's [headings], else the catalog's, else English."""
        if key in self.headings:
            return self.headings[key]
        return translated({key: DEFAULT_HEADINGS[key]}, self.language)[key]

    def caption(self, strategy: str) -> str:
        """What a TOWS strategy means: the toml's [tows.captions], else the catalog's, else English
        ("" for a strategy without one)."""
        if strategy in self.tows.captions:
            return self.tows.captions[strategy]
        return translated(DEFAULT_CAPTIONS, self.language).get(strategy, "")

    def topics_for(self, cluster: str) -> tuple[str, ...]:
        """The topics asked of a partner, in the report's order: its [swot.partner_topics] line (its
        Short name compared as the workbooks' are), or every topic."""
        asked = next((v for k, v in self.swot.partner_topics.items() if name_key(k) == name_key(cluster)), None)
        return self.topics if asked is None else tuple(t for t in self.topics if t in asked)

    def short_topic(self, topic: str) -> str:
        """A topic as a TOWS table names it ("Business model and internal management")."""
        return dict(zip(self.swot.topics, self.swot.short_topics)).get(topic, topic)
