"""The front matter (cover, document information, logs, abstract, summary) and the back page's parts:
the deliverable's configuration → view."""

from __future__ import annotations

from competency_maps.inputs.config import Deliverable
from competency_maps.model.richtext import linkify_blocks
from competency_maps.report.view import Cofunding, FrontMatter, InfoCell, InfoRow, Line, Picture, Table


def cofunding(d: Deliverable) -> Cofunding:
    return Cofunding(d.cover.get("cofunding", ""), d.labels("eu_emblem_alt"))


def project_logo(d: Deliverable) -> Picture | None:
    alt = d.cover.get("logo_text", "") or d.project_acronym
    return Picture("logo-project", d.logo, alt) if d.logo is not None else None


def _brand(d: Deliverable) -> Line:
    """The project's logo, or its name in words where no logo is given."""
    logo = project_logo(d)
    return Line("logo", logo.alt, logo) if logo else Line("brand", d.cover.get("logo_text", ""))


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


def front_matter(d: Deliverable, draft_note: str | None) -> FrontMatter:
    h = d.heading
    logs = [Table(d.labels("version_log"), list(d.version_log_columns), [list(r) for r in d.version_log]),
            Table(d.labels("history"), list(d.history_columns), [list(r) for r in d.history])]
    return FrontMatter(_cover(d, draft_note), cofunding(d), h("document_information"), _info(d), logs,
                       h("abstract"), linkify_blocks(d.text("abstract")),
                       linkify_blocks(d.text("disclaimer") + d.text("funding")),
                       h("executive_summary"), linkify_blocks(d.text("executive_summary")))
