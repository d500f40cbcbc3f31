"""The typed model every renderer works from. It knows nothing of Excel, Word or HTML."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from competency_maps.model.image import Image
from competency_maps.model.richtext import Block, Text, plain
from competency_maps.model.schema import QUADRANTS

@dataclass
class Profile:
    short_name: str
    full_name: str = ""
    country: str = ""
    founded: int | None = None
    members: int | None = None
    smes: int | None = None
    website: str = ""
    about: Text = ()
    logo: Image | None = None  # from inputs/logos/ (logos.py), never from a cell

    @property
    def display_name(self) -> str:
        return self.full_name or self.short_name


@dataclass(frozen=True)
class SwotEntry:
    topic: str
    quadrant: str  # one of schema.QUADRANTS
    group: str
    text: Text
    row: int = 0
    theme: str = ""  # chosen by the partner; overrides the keyword match of the synthesis

    @property
    def plain(self) -> str:
        return plain(self.text)


@dataclass(frozen=True)
class TowsEntry:
    topic: str
    strategy: str  # one of schema.STRATEGIES
    format: str  # one of schema.FORMATS
    text: Text
    row: int = 0

    @property
    def plain(self) -> str:
        return plain(self.text)


@dataclass(frozen=True)
class Note:
    """A free note a partner gives Step 2 (such as its own SWOT workshop notes), printed at the start
    of Step 2 under its label, in its language."""
    label: str  # "Strengths / Stärken"
    blocks: tuple[Block, ...]
    language: str = ""  # BCP 47 ("de"); empty: the deliverable's language


@dataclass
class Cluster:
    profile: Profile
    step1: list[Block] = field(default_factory=list)
    swot: list[SwotEntry] = field(default_factory=list)
    tows: list[TowsEntry] = field(default_factory=list)
    source: Path | None = None
    step2_notes: list[Note] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.profile.short_name

    def swot_counts(self) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = {}
        for e in self.swot:
            out[(e.topic, e.quadrant)] = out.get((e.topic, e.quadrant), 0) + 1
        return out

    def quadrant_counts(self) -> list[int]:
        """Entries per quadrant, in schema order (Strength, Weakness, Opportunity, Threat)."""
        return [sum(1 for e in self.swot if e.quadrant == q) for q in QUADRANTS]

    def tows_counts(self) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = {}
        for e in self.tows:
            out[(e.topic, e.strategy)] = out.get((e.topic, e.strategy), 0) + 1
        return out
