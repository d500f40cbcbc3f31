"""Every word of the report that neither a partner nor the coordinator typed: the one place.

Both templates receive these as finished strings through the report view (`report/`); they never
compose words, so the DOCX and the PDF cannot drift. Patterns name their blanks (`{name}`); a coordinator may
override any of them in `deliverable.toml` under `[labels]` (and headings under `[headings]`),
for instance to publish in another language. A test spell-checks this module.
"""

from __future__ import annotations

import string

from competency_maps.model.richtext import Span, Text, normalise

# The four SWOT quadrants as one entry says them and as a heading says them.
QUADRANT_PLURALS = {"Strength": "Strengths", "Weakness": "Weaknesses",
                    "Opportunity": "Opportunities", "Threat": "Threats"}
QUADRANT_LETTERS = {"Strength": "S", "Weakness": "W", "Opportunity": "O", "Threat": "T"}

# Chapter and section headings; `{name}` is a partner, `{project}` the project's acronym. Neutral, as
# for any consortium: a deliverable's own wording (D2.1's "… competency map", its Step 1 title) is
# set in its deliverable.toml under [headings].
DEFAULT_HEADINGS = {
    "chapter": "{name}",
    "step1": "Context and needs",
    "step2": "SWOT analysis",
    "step3": "TOWS analysis and action plan",
    "about": "About the partners",
    "conclusions": "Conclusions",
    "executive_summary": "Executive Summary",
    "abstract": "Abstract",
    "contents": "Table of contents",
    "document_information": "Document Information",
    "synthesis": "Consortium synthesis",
    "synthesis_overview": "Overview",
    "synthesis_convergences": "Convergences",
    "synthesis_complementarities": "Complementarities",
}

# Keys ending in _one and _other are the singular and plural of one message: `Labels.count()`.

# What each TOWS strategy means, printed in its cell after its label.
DEFAULT_CAPTIONS = {
    "S-O": "using strengths to take advantage of opportunities",
    "S-T": "using strengths to limit the impact of threats",
    "W-O": "overcoming weaknesses so as to take advantage of opportunities",
    "W-T": "keeping weaknesses from increasing the impact of threats",
}

DEFAULT_LABELS = {
    # page furniture
    "running_header": "{project} · {number} {title}",
    "page_footer": "Page {page} of {pages}",
    "draft_mark": "DRAFT",
    "document_title_draft": "{title} (DRAFT)",
    # cover and back page
    "cover_deliverable": "Deliverable {number}",
    "draft_notice": "DRAFT — not for circulation: {note}",
    "draft_note_complete": "built from the workbooks received.",
    "draft_note_left_out_one": "1 chapter left out ({names}).",
    "draft_note_left_out_other": "{count} chapters left out ({names}).",
    "eu_emblem_alt": "Flag of the European Union",
    "partner_logo_alt": "{name} logo",
    "link": "{label}:",
    # document information
    "info_ist_number": "Project Number",
    "info_acronym": "Acronym",
    "info_full_title": "Full Title",
    "info_project_url": "Project URL",
    "info_deliverable": "Deliverable",
    "info_work_package": "Work Package",
    "info_number": "Number: {value}",
    "info_title": "Title",
    "info_date_of_delivery": "Date of Delivery",
    "info_contractual": "Contractual: {value}",
    "info_actual": "Actual",
    "info_status": "Status",
    "info_version": "version {value}",
    "info_nature": "Nature",
    "info_dissemination": "Dissemination level",
    "info_choice_ticked": "{label} ☒",
    "info_choice_open": "{label} ☐",
    "info_authors": "Authors (Partner)",
    "info_responsible_author": "Responsible Author",
    "info_name": "Name: {value}",
    "info_partner": "Partner: {value}",
    "info_email": "E-mail",
    "info_phone": "Phone",
    "info_contributors": "Contributors",
    "info_reviewers": "Reviewers",
    "info_abstract": "Abstract (for dissemination)",
    "info_keywords": "Keywords",
    "version_log": "Version Log",
    "history": "Document History",
    # cluster chapters
    "placeholder_missing": "Workbook not returned.",
    "placeholder_errors_one": "Workbook has 1 error — not shown.",
    "placeholder_errors_other": "Workbook has {count} errors — not shown.",
    "placeholder_step_empty": "Not filled in yet.",
    "tows_corner": "Topic: {topic}",
    "tows_strategy": "{strategy} Strategy",
    "tows_caption": ": {caption}",
    # about the partners
    "about_country": "({country})",
    "about_founded": "Founded {value}",
    "about_members": "{value} members",
    "about_smes": "{value} SMEs",
    "about_facts_separator": " · ",
    # consortium synthesis (its introduction and lead texts are the deliverable's own Markdown)
    "heatmap_alt": "Heat map of the SWOT entries per partner, topic and quadrant.",
    "heatmap_alt_part": "Heat map of the SWOT entries per partner, topic and quadrant, part {part} of "
                        "{parts}: {first} to {last}.",
    "heatmap_caption": "SWOT entries per partner, topic and quadrant (S Strengths, W Weaknesses, "
                       "O Opportunities, T Threats).",
    "heatmap_topic": "Topic {n}",
    "heatmap_all_topics": "All topics",
    "counts_topics_note": "Topics: {list}.",
    "counts_topics_item": "{n}. {topic}",
    "counts_topics_separator": "; ",
    "convergence": "{theme}: {count} partners list it among their {quadrant}.",
    "convergence_quote": "**{cluster}**: “{entry}”",
    "complementarity": "{theme}: {strong} could support {weak}.",
    "complementarity_strength": "**{cluster}** (strength): “{entry}”",
    "complementarity_weakness": "**{cluster}** (weakness): “{entry}”",
    "finding_proposed": "{finding} (proposed)",
}


def fields(pattern: str) -> set[str]:
    """The blanks a pattern names: `{name}` gives {"name"}."""
    return {f for _, f, _, _ in string.Formatter().parse(pattern) if f}


class Labels:
    """The labels above, with the coordinator's overrides, filled in: plain or rich (`**bold**`).

    Values are inserted after the pattern is split into bold and plain runs, so a value is never
    read as markup."""

    def __init__(self, overrides: dict[str, str] | None = None):
        self.patterns = {**DEFAULT_LABELS, **(overrides or {})}

    def __call__(self, key: str, **values: object) -> str:
        return "".join(s.text for s in self.rich(key, **values))

    def count(self, key: str, count: int, **values: object) -> str:
        return self(f"{key}_{'one' if count == 1 else 'other'}", count=count, **values)

    def rich(self, key: str, **values: object) -> Text:
        parts = self.patterns[key].split("**")
        return normalise([Span(part.format(**values), bold=i % 2 == 1) for i, part in enumerate(parts)])
