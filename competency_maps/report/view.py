"""What the report says, in reading order: one structure that both the DOCX and the HTML template walk.

Everything here is finished: strings and rich text ready to print, composed (by `content.build_content`
and its builders) from the model, the deliverable's configuration and the labels (`labels.py`). The
templates only lay it out, so the two outputs cannot say different things. Renderers import this
module only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from competency_maps.analysis.decisions import Decision
from competency_maps.analysis.synthesis import Synthesis
from competency_maps.model.image import Image
from competency_maps.model.richtext import Block, Text, linkify, text_of
from competency_maps.report.figures import Heatmap


# --- page furniture, cover, front matter -------------------------------------------------------


@dataclass
class Furniture:
    """What every page carries besides its content."""
    running: str  # "RECIPE4Mobility · D2.1 Clusters competency maps"
    page_before: str  # "Page "
    page_between: str  # " of "
    page_after: str
    draft_mark: str  # "DRAFT" on drafts, else ""


@dataclass(frozen=True)
class Picture:
    """An image of the inputs (a logo) and the words a screen reader says for it."""
    key: str  # its fixed name in the outputs ("logo-ch1"), so that the same inputs give the same bytes
    image: Image
    alt: str


@dataclass
class Line:
    """One line of the cover or the back page; `kind` picks its style."""
    kind: str  # label | text | brand | logo | title | small | notice
    text: str
    picture: Picture | None = None  # for kind "logo": the image, `text` its alternative text


@dataclass
class Link:
    label: str
    text: str
    url: str


@dataclass
class Cofunding:
    """The EU emblem and the funding line beside it ([cover] emblem, cofunding)."""
    text: str
    emblem_alt: str


@dataclass
class InfoCell:
    text: str
    label: bool = False

    @property
    def rich(self) -> Text:
        """The text, with a web or e-mail address in it made a link."""
        return linkify(text_of(self.text))


@dataclass
class InfoRow:
    """A row of the document information table: label, value, label, value; or, when `wide`,
    a label and one value across the other three columns."""
    cells: list[InfoCell]
    wide: bool = False


@dataclass
class Table:
    """A plain table with a title, a header row and rows of text."""
    title: str
    columns: list[str]
    rows: list[list[str]]


@dataclass
class FrontMatter:
    cover: list[Line]
    cofunding: Cofunding | None  # None: no emblem ([cover] emblem = false)
    info_heading: str
    info: list[InfoRow]
    logs: list[Table]
    abstract_heading: str
    abstract: list[Block]
    legal: list[Block]
    summary_heading: str
    summary: list[Block]


@dataclass
class TocEntry:
    level: int  # 1 chapter, 2 section
    text: str
    anchor: str  # the heading's id (HTML) ...
    bookmark: str = ""  # ... and its bookmark (Word: a letter first, no dashes, at most 40 characters)
    bookmark_id: int = 0


# --- cluster chapters ---------------------------------------------------------------------------


@dataclass
class Group:
    name: str
    entries: list[Text]
    rtl: list[bool] = field(default_factory=list)  # per entry: set right to left (direction.py)


@dataclass
class TopicBlock:
    title: str  # the topic, printed above the entries; "" in a piece that continues a topic
    groups: list[Group]


@dataclass
class SwotRow:
    """One table row: a whole topic, or one piece of a tall one (chapters.py cuts it between entries,
    both sides at about the same height, so that both cells continue together). Rows never split:
    the table breaks between them. `continued` is the topic's label for the top of a page; the PDF
    shows it on a piece that starts a page (render/pdf/render.py lays the pages out to know which),
    after the repeated header row."""
    topic: str
    left: TopicBlock | None
    right: TopicBlock | None
    key: str = ""  # unique in the report: the HTML id of the row
    continued: str = ""  # "Governance (continued)"; "" for a topic's first piece
    last: bool = True  # the topic's last piece (or its only row)


@dataclass
class SwotPair:
    """Strengths | Weaknesses (or Opportunities | Threats), one row per topic (or per piece of a tall
    topic), so tables break between topics and entries and repeat their header on the next page."""
    left: str
    right: str
    rows: list[SwotRow]


@dataclass
class TowsEntryView:
    format: str  # Bullet | Paragraph
    text: Text
    rtl: bool = False  # set right to left (direction.py)


@dataclass
class TowsCell:
    strategy: str
    label: str  # "S-O Strategy"
    caption: str  # ": building on …", after the label
    entries: list[TowsEntryView]


@dataclass
class TowsRow:
    """A row, or a piece of a tall one (as SwotRow: cut between entries, never split; a piece after
    the first has no heading and no captions, and shows `continued` when it starts a page)."""
    heading: str  # "Strengths"; "" in a piece that continues a row
    cells: list[TowsCell]  # under the two column headings
    key: str = ""
    continued: str = ""  # "Strengths (continued)"


@dataclass
class TowsTable:
    corner: str  # "Topic: …"
    columns: list[str]  # "Opportunities", "Threats"
    rows: list[TowsRow]


@dataclass
class StepNote:
    """A partner's free note at the start of Step 2: its label, its text, and its language when it
    is not the report's (a BCP 47 code, for the `lang` of the PDF and Word's w:lang), else ""."""
    label: str
    blocks: list[Block]
    language: str = ""
    rtl: bool = False  # its language (or, without one, its first letter) is written right to left


@dataclass
class Chapter:
    name: str
    anchor: str
    title: str
    steps: list[str] = field(default_factory=list)  # the three step headings; "" for none
    step1: list[Block] = field(default_factory=list)
    swot_pairs: list[SwotPair] = field(default_factory=list)
    tows: list[TowsTable] = field(default_factory=list)
    placeholder: str = ""  # draft: why this chapter is not shown
    step2_notes: list[StepNote] = field(default_factory=list)  # printed right after the Step 2 heading
    logo: Picture | None = None  # the partner's, beside the chapter's title
    placeholders: dict[str, str] = field(default_factory=dict)  # step1|swot|tows left empty: what shows


# --- synthesis, about, back page ----------------------------------------------------------------


@dataclass
class Finding:
    """A finding the coordinator endorsed (or, in a draft, one proposed): its sentence, then the
    entries it quotes."""
    sentence: Text
    items: list[Text]


@dataclass
class SynthesisView:
    heading: str
    intro: list[Block]  # the deliverable's own Markdown, as are the sections' lead texts
    overview_heading: str
    overview: list[Block]
    heatmaps: list[Heatmap]  # one picture per part of the map, each with the header
    figure_caption: str
    topics_note: str
    convergences_heading: str
    convergences_lead: list[Block]
    convergences: list[Finding]  # empty: the section is left out
    complementarities_heading: str
    complementarities_lead: list[Block]
    complementarities: list[Finding]
    decisions: list[Decision]  # every candidate and review row: the next review file, the console
    analysis: Synthesis  # the numbers behind it, for tests and tools
    reviewed: bool = False  # there is a review file: candidates it lacks are new

    @property
    def sections(self) -> list[tuple[str, str]]:
        """(heading, anchor) of the chapter's sections that have something to show."""
        out = [(self.overview_heading, "synthesis-overview")]
        if self.convergences:
            out.append((self.convergences_heading, "synthesis-convergences"))
        if self.complementarities:
            out.append((self.complementarities_heading, "synthesis-complementarities"))
        return out


@dataclass
class AboutBlock:
    name: str
    country: str  # "(France)"
    about: Text
    facts: str  # "Founded 2006 · 620 members · 360 SMEs"
    website: str = ""  # the link's text, as the partner typed it ("www.pole-moveo.org")
    website_url: str = ""  # where it leads ("https://www.pole-moveo.org"); "" if it leads nowhere safe
    logo: Picture | None = None


@dataclass
class BackPage:
    brand: str
    links: list[Link]
    cofunding: Cofunding | None
    logo: Picture | None = None  # the project's logo, in place of the brand's words


@dataclass(frozen=True)
class Properties:
    """The files' document properties, never printed: Word's core properties, the PDF's metadata."""
    language: str  # the report's language (BCP 47)
    date: dt.date  # the deliverable's date: also the files' creation date, for identical builds
    author: str
    subject: str  # the project's full title
    keywords: str

    @property
    def created(self) -> str:
        return self.date.isoformat()


@dataclass
class ReportContent:
    properties: Properties
    title: str  # "D2.1 Clusters competency maps"
    document_title: str  # the file's title property
    furniture: Furniture
    front: FrontMatter | None  # None in a proof
    toc_heading: str
    toc: list[TocEntry]
    chapters: list[Chapter]
    synthesis: SynthesisView | None
    conclusions_heading: str
    conclusions: list[Block] | None  # None in a proof
    about_heading: str
    about: list[AboutBlock]
    back: BackPage | None  # None in a proof
    draft: bool = False
    proof: bool = False
    bookmarks: dict[str, TocEntry] = field(default_factory=dict)  # anchor -> its TOC entry

    @property
    def pictures(self) -> list[Picture]:
        """Every image of the inputs the report shows, once each."""
        found = [line.picture for line in (self.front.cover if self.front else []) if line.picture]
        found += [ch.logo for ch in self.chapters if ch.logo] + [a.logo for a in self.about if a.logo]
        found += [self.back.logo] if self.back and self.back.logo else []
        return list({p.key: p for p in found}.values())
