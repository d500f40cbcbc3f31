"""What the report says, in reading order: one structure that both the DOCX and the HTML template walk.

Everything here is finished: strings and rich text ready to print, composed from the model, the
deliverable's configuration and the labels (`labels.py`). The templates only lay it out, so the
two outputs cannot say different things.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from competency_maps.inputs.config import Deliverable
from competency_maps.report.direction import rtl_language, rtl_text
from competency_maps.report.figures import Heatmap, heatmaps
from competency_maps.inputs.images import Image
from competency_maps.labels import QUADRANT_PLURALS, Labels
from competency_maps.model.cluster import Cluster, SwotEntry, TowsEntry
from competency_maps.model.richtext import Block, Text, linkify, linkify_blocks, normalise, plain, text_of, web_address
from competency_maps.model.schema import QUADRANTS, STRATEGIES
from competency_maps.slugs import slug
from competency_maps.analysis.synthesis import COMPLEMENTARITY, CONVERGENCE, Candidate, Synthesis, analyse
from competency_maps.inputs.review import Decision, Review, reconcile


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
    cofunding: Cofunding
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
    title: str
    groups: list[Group]


@dataclass
class SwotRow:
    topic: str
    left: TopicBlock | None
    right: TopicBlock | None


@dataclass
class SwotPair:
    """Strengths | Weaknesses (or Opportunities | Threats), one row per topic, so tables break
    between topics and repeat their header on the next page."""
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
    heading: str  # "Strengths"
    cells: list[TowsCell]  # under the two column headings


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
    steps: list[str] = field(default_factory=list)  # the three step headings
    step1: list[Block] = field(default_factory=list)
    swot_pairs: list[SwotPair] = field(default_factory=list)
    tows: list[TowsTable] = field(default_factory=list)
    placeholder: str = ""  # draft: why this chapter is not shown
    step2_notes: list[StepNote] = field(default_factory=list)  # printed right after the Step 2 heading
    logo: Picture | None = None  # the partner's, beside the chapter's title


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
    cofunding: Cofunding
    logo: Picture | None = None  # the project's logo, in place of the brand's words


@dataclass
class ReportContent:
    d: Deliverable  # for document properties (date, language, authors), never printed directly
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


# --- building it --------------------------------------------------------------------------------


def chapter_title(name: str, d: Deliverable) -> str:
    return d.heading("chapter").format(name=name, project=d.project_acronym)


def _swot_blocks(entries: list[SwotEntry], quadrant: str, topics: tuple[str, ...]) -> dict[str, TopicBlock]:
    blocks = {}
    for t in topics:
        groups: list[Group] = []
        for e in entries:
            if e.topic != t or e.quadrant != quadrant:
                continue
            if not groups or groups[-1].name != e.group:
                groups.append(Group(e.group, []))
            groups[-1].entries.append(linkify(e.text))
            groups[-1].rtl.append(rtl_text(e.plain))
        if groups:
            blocks[t] = TopicBlock(t, groups)
    return blocks


def _tows_cell(entries: list[TowsEntry], topic: str, strategy: str, d: Deliverable) -> TowsCell:
    caption = d.captions.get(strategy, "")
    return TowsCell(strategy, d.labels("tows_strategy", strategy=strategy),
                    d.labels("tows_caption", caption=caption) if caption else "",
                    [TowsEntryView(e.format, linkify(e.text), rtl_text(e.plain)) for e in entries
                     if e.topic == topic and e.strategy == strategy])


def chapter(cluster: Cluster, d: Deliverable) -> Chapter:
    ch = Chapter(cluster.name, "ch-" + slug(cluster.name), chapter_title(cluster.name, d),
                 _step_headings(d), linkify_blocks(cluster.step1))
    ch.step2_notes = [StepNote(n.label, list(n.blocks), _other_language(n.language, d.language),
                               rtl_language(n.language) if n.language else
                               rtl_text(n.label + "".join(plain(b.text) for b in n.blocks)))
                      for n in cluster.step2_notes]
    by_quadrant = {q: _swot_blocks(cluster.swot, q, d.topics) for q in QUADRANTS}
    for a, b in (("Strength", "Weakness"), ("Opportunity", "Threat")):
        left, right = by_quadrant[a], by_quadrant[b]
        rows = [SwotRow(t, left.get(t), right.get(t)) for t in d.topics if t in left or t in right]
        ch.swot_pairs.append(SwotPair(QUADRANT_PLURALS[a], QUADRANT_PLURALS[b], rows))
    for t in d.topics:
        if not any(e.topic == t for e in cluster.tows):
            continue
        so, st, wo, wt = (_tows_cell(cluster.tows, t, s, d) for s in STRATEGIES)
        ch.tows.append(TowsTable(
            d.labels("tows_corner", topic=d.short_topic(t)),
            [QUADRANT_PLURALS["Opportunity"], QUADRANT_PLURALS["Threat"]],
            [TowsRow(QUADRANT_PLURALS["Strength"], [so, st]),
             TowsRow(QUADRANT_PLURALS["Weakness"], [wo, wt])]))
    return ch


def _other_language(language: str, report: str) -> str:
    """A note's language, when it differs from the report's (so only that needs marking)."""
    return language if language and language.casefold() != report.casefold() else ""


def _step_headings(d: Deliverable) -> list[str]:
    return [d.heading(k).format(project=d.project_acronym, name="") for k in ("step1", "step2", "step3")]


def placeholder_chapter(name: str, reason: str, d: Deliverable) -> Chapter:
    return Chapter(name, "ch-" + slug(name), chapter_title(name, d), placeholder=reason)


def about_block(cluster: Cluster, labels: Labels) -> AboutBlock:
    p = cluster.profile
    facts = []
    if p.founded:
        facts.append(labels("about_founded", value=p.founded))
    if p.members is not None:
        facts.append(labels("about_members", value=p.members))
    if p.smes is not None:
        facts.append(labels("about_smes", value=p.smes))
    country = labels("about_country", country=p.country) if p.country else ""
    return AboutBlock(p.display_name, country, linkify(p.about) if p.about else text_of(""),
                      labels("about_facts_separator").join(facts), p.website.strip(),
                      web_address(p.website) if p.website.strip() else "")


def _cofunding(d: Deliverable) -> Cofunding:
    return Cofunding(d.cover.get("cofunding", ""), d.labels("eu_emblem_alt"))


def _project_logo(d: Deliverable) -> Picture | None:
    alt = d.cover.get("logo_text", "") or d.project_acronym
    return Picture("logo-project", d.logo, alt) if d.logo is not None else None


def _brand(d: Deliverable) -> Line:
    """The project's logo, or its name in words where no logo is given."""
    logo = _project_logo(d)
    return Line("logo", logo.alt, logo) if logo else Line("brand", d.cover.get("logo_text", ""))


def _partner_logo(cluster: Cluster, key: str, labels: Labels) -> Picture | None:
    logo = cluster.profile.logo
    return Picture(key, logo, labels("partner_logo_alt", name=cluster.profile.display_name)) if logo else None


def _cover(d: Deliverable, draft_note: str | None) -> list[Line]:
    c, lb = d.cover, d.labels
    lines = [Line("label", c.get("action_label", "")), Line("text", c.get("action", "")),
             Line("label", c.get("project_label", "")), Line("text", c.get("project", "")),
             _brand(d), Line("title", d.title),
             Line("text", lb("cover_deliverable", number=d.number))]
    if draft_note is not None:
        lines.append(Line("notice", lb("draft_notice", note=draft_note)))
    lines += [Line("label", c.get("grant_label", "")), Line("text", c.get("grant_agreement", "")),
              Line("label", c.get("coordinator_label", "")), Line("text", c.get("coordinator_name", "")),
              Line("small", c.get("coordinator_role", ""))]
    return [line for line in lines if line.text]


def _choices(d: Deliverable, key: str) -> str:
    return "   ".join(d.labels("info_choice_ticked" if ticked else "info_choice_open", label=label)
                      for label, ticked in d.info.get(key, ()))


def _info(d: Deliverable) -> list[InfoRow]:
    i, lb = d.info, d.labels

    def v(key: str) -> InfoCell:
        return InfoCell(str(i.get(key, "")))

    def lab(key: str) -> InfoCell:
        return InfoCell(lb(key), label=True)

    def wide(key: str, value: str) -> InfoRow:
        return InfoRow([lab(key), InfoCell(value)], wide=True)

    version = str(i.get("status_version", ""))
    return [
        InfoRow([lab("info_ist_number"), v("ist_number"), lab("info_acronym"), InfoCell(d.project_acronym)]),
        wide("info_full_title", d.project_title),
        wide("info_project_url", d.project_url),
        InfoRow([lab("info_deliverable"), InfoCell(lb("info_number", value=d.number)), lab("info_title"),
                 InfoCell(d.title)]),
        InfoRow([lab("info_work_package"), InfoCell(lb("info_number", value=i.get("work_package_number", ""))),
                 lab("info_title"), v("work_package_title")]),
        InfoRow([lab("info_date_of_delivery"),
                 InfoCell(lb("info_contractual", value=i.get("contractual_date", ""))),
                 lab("info_actual"), v("actual_date")]),
        InfoRow([lab("info_status"), InfoCell(lb("info_version", value=version).strip()),
                 InfoCell("", label=True), v("status")]),
        wide("info_nature", _choices(d, "nature")),
        wide("info_dissemination", _choices(d, "dissemination")),
        wide("info_authors", str(i.get("authors", ""))),
        InfoRow([lab("info_responsible_author"), InfoCell(lb("info_name", value=i.get("responsible_name", ""))),
                 lab("info_email"), v("responsible_email")]),
        InfoRow([InfoCell("", label=True), InfoCell(lb("info_partner", value=i.get("responsible_partner", ""))),
                 lab("info_phone"), v("responsible_phone")]),
        wide("info_contributors", str(i.get("contributors", ""))),
        wide("info_reviewers", str(i.get("reviewers", ""))),
        wide("info_abstract", str(i.get("abstract", ""))),
        wide("info_keywords", str(i.get("keywords", ""))),
    ]


def _front(d: Deliverable, draft_note: str | None) -> FrontMatter:
    h = d.heading
    logs = [Table(d.labels("version_log"), list(d.version_log_columns), [list(r) for r in d.version_log]),
            Table(d.labels("history"), list(d.history_columns), [list(r) for r in d.history])]
    return FrontMatter(_cover(d, draft_note), _cofunding(d), h("document_information"), _info(d), logs,
                       h("abstract"), linkify_blocks(d.text("abstract")),
                       linkify_blocks(d.text("disclaimer") + d.text("funding")),
                       h("executive_summary"), linkify_blocks(d.text("executive_summary")))


def _finding(c: Candidate, lb: Labels, wording: Text, proposed: bool) -> Finding:
    """The generated sentence, or the coordinator's wording in its place; then the quotes."""
    if c.kind == CONVERGENCE:
        sentence = lb("convergence", theme=c.theme, count=len(c.quotes),
                      quadrant=QUADRANT_PLURALS[c.quadrant].lower())
        items = [lb.rich("convergence_quote", cluster=q.cluster, entry=q.entry) for q in c.quotes]
    else:
        strong, weak = c.quotes
        sentence = lb("complementarity", theme=c.theme, strong=strong.cluster, weak=weak.cluster)
        items = [lb.rich("complementarity_strength", cluster=strong.cluster, entry=strong.entry),
                 lb.rich("complementarity_weakness", cluster=weak.cluster, entry=weak.entry)]
    text = wording or text_of(sentence)
    if proposed:
        before, _, after = lb("finding_proposed", finding="\0").partition("\0")
        text = normalise(text_of(before) + text + text_of(after))
    return Finding(text, items)


def _findings(decisions: list[Decision], kind: str, lb: Labels, draft: bool) -> list[Finding]:
    """The rows of a kind marked Yes, in the review file's order; in a draft also the undecided and
    the new ones, marked "proposed". A No, or a row whose entries changed, is never printed."""
    return [_finding(dec.candidate, lb, dec.wording, proposed=dec.include is None) for dec in decisions
            if dec.candidate is not None and dec.candidate.kind == kind
            and (dec.include or (dec.include is None and draft))]


def _synthesis(s: Synthesis, d: Deliverable, review: Review | None, draft: bool) -> SynthesisView:
    lb, h = d.labels, d.heading
    note = lb("counts_topics_note", list=lb("counts_topics_separator").join(
        lb("counts_topics_item", n=n, topic=t) for n, t in enumerate(s.topics, start=1)))
    decisions = reconcile(s.candidates, review)
    return SynthesisView(
        h("synthesis"), linkify_blocks(d.text("synthesis_intro")),
        h("synthesis_overview"), linkify_blocks(d.text("synthesis_overview")), heatmaps(s, lb),
        lb("heatmap_caption"), note,
        h("synthesis_convergences"), linkify_blocks(d.text("synthesis_convergences")),
        _findings(decisions, CONVERGENCE, lb, draft),
        h("synthesis_complementarities"), linkify_blocks(d.text("synthesis_complementarities")),
        _findings(decisions, COMPLEMENTARITY, lb, draft),
        decisions, s, review is not None and review.path is not None)


def _toc(chapters: list[Chapter], syn: SynthesisView | None, d: Deliverable, proof: bool) -> list[TocEntry]:
    toc = []
    for ch in chapters:
        toc.append(TocEntry(1, ch.title, ch.anchor))
        for n, step in enumerate(ch.steps, start=1):
            toc.append(TocEntry(2, step, f"{ch.anchor}-step{n}"))
    if syn is not None:
        toc.append(TocEntry(1, syn.heading, "synthesis"))
        for text, anchor in syn.sections:
            toc.append(TocEntry(2, text, anchor))
    if not proof:
        toc.append(TocEntry(1, d.heading("conclusions"), "conclusions"))
    toc.append(TocEntry(1, _about_heading(d), "about"))
    for n, entry in enumerate(toc, start=1):
        entry.bookmark, entry.bookmark_id = f"_Toc{n:05d}", n
    return toc


def _about_heading(d: Deliverable) -> str:
    return d.heading("about").format(project=d.project_acronym, name="")


def build_content(d: Deliverable, chapters: list[Chapter], clusters: list[Cluster],
                  about_order: tuple[str, ...] = (), draft: bool = False,
                  proof: bool = False, draft_note: str = "", review: Review | None = None) -> ReportContent:
    """Everything the templates show. The synthesis needs at least two clusters to compare; it prints
    the findings that `review` (the coordinator's review file) marks Yes."""
    lb = d.labels
    for i, ch in enumerate(chapters, start=1):  # unique even for names slug() cannot spell
        ch.anchor = f"ch{i}-{slug(ch.name)}"
    by_name = {c.name: c for c in clusters}
    ordered = [by_name[n] for n in about_order if n in by_name]
    ordered += [c for c in clusters if c not in ordered]
    syn = None
    if d.synthesis and d.themes and not proof and len(clusters) >= 2:
        syn = _synthesis(analyse(clusters, d.topics, list(d.themes), d.synthesis_min_clusters, d.language),
                         d, review, draft)
    title = f"{d.number} {d.title}"
    before, _, rest = lb("page_footer", page="\0", pages="\1").partition("\0")
    between, _, after = rest.partition("\1")
    furniture = Furniture(lb("running_header", project=d.project_acronym, number=d.number, title=d.title),
                          before, between, after, lb("draft_mark") if draft else "")
    back = None if proof else BackPage(
        d.project_acronym, [Link(lb("link", label=x.get("label", "")), x.get("text", ""), x.get("url", ""))
                            for x in d.links], _cofunding(d), _project_logo(d))
    for i, ch in enumerate(chapters, start=1):
        if ch.name in by_name:
            ch.logo = _partner_logo(by_name[ch.name], f"logo-ch{i}", lb)
    about = [about_block(c, lb) for c in ordered]
    for i, (a, c) in enumerate(zip(about, ordered), start=1):
        a.logo = _partner_logo(c, f"logo-about{i}", lb)
    toc = _toc(chapters, syn, d, proof)
    return ReportContent(
        d, title, lb("document_title_draft", title=title) if draft else title, furniture,
        None if proof else _front(d, draft_note if draft else None),
        d.heading("contents"), toc, chapters, syn,
        d.heading("conclusions"), None if proof else linkify_blocks(d.text("conclusions")),
        _about_heading(d), about, back, draft, proof,
        {e.anchor: e for e in toc})
