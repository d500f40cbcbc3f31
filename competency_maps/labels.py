"""Every word of the report that neither a partner nor the coordinator typed: the one place.

Both templates receive these as finished strings through the report view (`report/`); they never
compose words, so the DOCX and the PDF cannot drift. Patterns name their blanks (`{name}`); a coordinator may
override any of them in `deliverable.toml` under `[labels]` (and headings under `[headings]`).
Each is marked for the catalogs (`pN_("report", …)`, a context of its own so that a report's word is
translated apart from the same word in a message): `[deliverable] language` picks the catalog, the
toml's overrides win over it, English is the fallback. A test spell-checks this module.
"""

from __future__ import annotations

import string

from competency_maps.i18n import pN_, translator
from competency_maps.model.richtext import Span, Text, normalise

# The four SWOT quadrants as one entry says them and as a heading says them (in messages; the
# report's are the labels below, in its language).
QUADRANT_PLURALS = {"Strength": "Strengths", "Weakness": "Weaknesses",
                    "Opportunity": "Opportunities", "Threat": "Threats"}
# Each quadrant's and strategy's stem of its label keys: `strengths`, `strengths_in_sentence`,
# `letter_strength`; `strategy_so`.
QUADRANT_KEYS = {"Strength": "strength", "Weakness": "weakness", "Opportunity": "opportunity", "Threat": "threat"}
QUADRANT_PLURAL_KEYS = {"Strength": "strengths", "Weakness": "weaknesses", "Opportunity": "opportunities",
                        "Threat": "threats"}

# Chapter and section headings; `{name}` is a partner, `{project}` the project's acronym. Neutral, as
# for any consortium: a deliverable's own wording (D2.1's "… competency map", its Step 1 title) is
# set in its deliverable.toml under [headings].
DEFAULT_HEADINGS = {
    "chapter": pN_("report", "{name}"),
    "step1": pN_("report", "Context and needs"),
    "step2": pN_("report", "SWOT analysis"),
    "step3": pN_("report", "TOWS analysis and action plan"),
    "about": pN_("report", "About the partners"),
    "conclusions": pN_("report", "Conclusions"),
    "executive_summary": pN_("report", "Executive Summary"),
    "abstract": pN_("report", "Abstract"),
    "contents": pN_("report", "Table of contents"),
    "document_information": pN_("report", "Document Information"),
    "synthesis": pN_("report", "Consortium synthesis"),
    "synthesis_overview": pN_("report", "Overview"),
    "synthesis_convergences": pN_("report", "Convergences"),
    "synthesis_complementarities": pN_("report", "Complementarities"),
}

# Keys ending in _one and _other are the singular and plural of one message: `Labels.count()`.

# What each TOWS strategy means, printed in its cell after its label.
DEFAULT_CAPTIONS = {
    "S-O": pN_("report", "using strengths to take advantage of opportunities"),
    "S-T": pN_("report", "using strengths to limit the impact of threats"),
    "W-O": pN_("report", "overcoming weaknesses so as to take advantage of opportunities"),
    "W-T": pN_("report", "keeping weaknesses from increasing the impact of threats"),
}

DEFAULT_LABELS = {
    # the SWOT quadrants: as a table heading, inside a sentence, as a heat map's column letter; and the
    # TOWS strategies' names (SWOT's letters in every language, as "SWOT analysis" keeps them)
    "strengths": pN_("report", "Strengths"),
    "weaknesses": pN_("report", "Weaknesses"),
    "opportunities": pN_("report", "Opportunities"),
    "threats": pN_("report", "Threats"),
    "strengths_in_sentence": pN_("report", "strengths"),
    "weaknesses_in_sentence": pN_("report", "weaknesses"),
    "opportunities_in_sentence": pN_("report", "opportunities"),
    "threats_in_sentence": pN_("report", "threats"),
    "letter_strength": pN_("report", "S"),
    "letter_weakness": pN_("report", "W"),
    "letter_opportunity": pN_("report", "O"),
    "letter_threat": pN_("report", "T"),
    "strategy_so": pN_("report", "S-O"),
    "strategy_st": pN_("report", "S-T"),
    "strategy_wo": pN_("report", "W-O"),
    "strategy_wt": pN_("report", "W-T"),
    # page furniture
    "running_header": pN_("report", "{project} · {number} {title}"),
    "page_footer": pN_("report", "Page {page} of {pages}"),
    "draft_mark": pN_("report", "DRAFT"),
    "document_title_draft": pN_("report", "{title} (DRAFT)"),
    # cover and back page
    "cover_deliverable": pN_("report", "Deliverable {number}"),
    "draft_notice": pN_("report", "DRAFT — not for circulation: {note}"),
    "draft_note_complete": pN_("report", "built from the workbooks received."),
    "draft_note_left_out_one": pN_("report", "1 chapter left out ({names})."),
    "draft_note_left_out_other": pN_("report", "{count} chapters left out ({names})."),
    "eu_emblem_alt": pN_("report", "Flag of the European Union"),
    "partner_logo_alt": pN_("report", "{name} logo"),
    "link": pN_("report", "{label}:"),
    # document information
    "info_ist_number": pN_("report", "Project Number"),
    "info_acronym": pN_("report", "Acronym"),
    "info_full_title": pN_("report", "Full Title"),
    "info_project_url": pN_("report", "Project URL"),
    "info_deliverable": pN_("report", "Deliverable"),
    "info_work_package": pN_("report", "Work Package"),
    "info_number": pN_("report", "Number: {value}"),
    "info_title": pN_("report", "Title"),
    "info_date_of_delivery": pN_("report", "Date of Delivery"),
    "info_contractual": pN_("report", "Contractual: {value}"),
    "info_actual": pN_("report", "Actual"),
    "info_status": pN_("report", "Status"),
    "info_version": pN_("report", "version {value}"),
    "info_nature": pN_("report", "Nature"),
    "info_dissemination": pN_("report", "Dissemination level"),
    "info_choice_ticked": pN_("report", "{label} ☒"),
    "info_choice_open": pN_("report", "{label} ☐"),
    "info_authors": pN_("report", "Authors (Partner)"),
    "info_responsible_author": pN_("report", "Responsible Author"),
    "info_name": pN_("report", "Name: {value}"),
    "info_partner": pN_("report", "Partner: {value}"),
    "info_email": pN_("report", "E-mail"),
    "info_phone": pN_("report", "Phone"),
    "info_contributors": pN_("report", "Contributors"),
    "info_reviewers": pN_("report", "Reviewers"),
    "info_abstract": pN_("report", "Abstract (for dissemination)"),
    "info_keywords": pN_("report", "Keywords"),
    "version_log": pN_("report", "Version Log"),
    "history": pN_("report", "Document History"),
    # cluster chapters
    "placeholder_missing": pN_("report", "Workbook not returned."),
    "placeholder_errors_one": pN_("report", "Workbook has 1 error — not shown."),
    "placeholder_errors_other": pN_("report", "Workbook has {count} errors — not shown."),
    "topic_continued": pN_("report", "{topic} (continued)"),
    "placeholder_step_empty": pN_("report", "Not filled in yet."),
    "tows_corner": pN_("report", "Topic: {topic}"),
    "tows_strategy": pN_("report", "{strategy} Strategy"),
    "tows_caption": pN_("report", ": {caption}"),
    # about the partners
    "about_country": pN_("report", "({country})"),
    "about_founded": pN_("report", "Founded {value}"),
    "about_members": pN_("report", "{value} members"),
    "about_smes": pN_("report", "{value} SMEs"),
    "about_facts_separator": pN_("report", " · "),
    # consortium synthesis (its introduction and lead texts are the deliverable's own Markdown)
    "heatmap_alt": pN_("report", "Heat map of the SWOT entries per partner, topic and quadrant."),
    "heatmap_alt_part": pN_("report", "Heat map of the SWOT entries per partner, topic and quadrant, part "
                                      "{part} of {parts}: {first} to {last}."),
    "heatmap_caption": pN_("report", "SWOT entries per partner, topic and quadrant ({quadrants})."),
    "heatmap_key_item": pN_("report", "{letter} {quadrant}"),
    "heatmap_key_separator": pN_("report", ", "),
    "heatmap_topic": pN_("report", "Topic {n}"),
    "heatmap_all_topics": pN_("report", "All topics"),
    "counts_topics_note": pN_("report", "Topics: {list}."),
    "counts_topics_item": pN_("report", "{n}. {topic}"),
    "counts_topics_separator": pN_("report", "; "),
    "convergence": pN_("report", "{theme}: {count} partners list it among their {quadrant}."),
    "convergence_quote": pN_("report", "**{cluster}**: “{entry}”"),
    "complementarity": pN_("report", "{theme}: {strong} could support {weak}."),
    "complementarity_strength": pN_("report", "**{cluster}** (strength): “{entry}”"),
    "complementarity_weakness": pN_("report", "**{cluster}** (weakness): “{entry}”"),
    "finding_proposed": pN_("report", "{finding} (proposed)"),
}


def fields(pattern: str) -> set[str]:
    """The blanks a pattern names: `{name}` gives {"name"}."""
    return {f for _, f, _, _ in string.Formatter().parse(pattern) if f}


def translated(defaults: dict[str, str], language: str) -> dict[str, str]:
    """`defaults` in the report's language (its catalog's `report` context); English where a catalog
    has no translation."""
    tr = translator(language)
    return {k: tr.pgettext("report", v) for k, v in defaults.items()}


class Labels:
    """The labels above in the report's language, with the coordinator's overrides, filled in: plain
    or rich (`**bold**`).

    Values are inserted after the pattern is split into bold and plain runs, so a value is never
    read as markup."""

    def __init__(self, overrides: dict[str, str] | None = None, *, language: str = "en"):
        self.patterns = {**translated(DEFAULT_LABELS, language), **(overrides or {})}

    def __call__(self, key: str, **values: object) -> str:
        return "".join(s.text for s in self.rich(key, **values))

    def count(self, key: str, count: int, **values: object) -> str:
        return self(f"{key}_{'one' if count == 1 else 'other'}", count=count, **values)

    def quadrant(self, quadrant: str, *, in_sentence: bool = False) -> str:
        """A quadrant ("Strength") as a heading ("Strengths") or inside a sentence ("strengths") says it."""
        return self(QUADRANT_PLURAL_KEYS[quadrant] + ("_in_sentence" if in_sentence else ""))

    def letter(self, quadrant: str) -> str:
        return self(f"letter_{QUADRANT_KEYS[quadrant]}")

    def strategy(self, strategy: str) -> str:
        """A TOWS strategy's name ("S-O")."""
        return self("strategy_" + strategy.replace("-", "").casefold())

    def rich(self, key: str, **values: object) -> Text:
        parts = self.patterns[key].split("**")
        return normalise([Span(part.format(**values), bold=i % 2 == 1) for i, part in enumerate(parts)])
