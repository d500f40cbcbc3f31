"""The front matter (cover, document information, logs, abstract, summary) and the back page's parts:
the deliverable's configuration → view."""

from __future__ import annotations

from competency_maps.model.deliverable import Choice, Deliverable
from competency_maps.model.richtext import linkify_blocks
from competency_maps.report.view import Cofunding, FrontMatter, InfoCell, InfoRow, Line, Picture, Table


def cofunding(d: Deliverable) -> Cofunding | None:
    """The EU emblem and its funding line, or None where [cover] leaves them out (`emblem`)."""
    return Cofunding(d.cover.cofunding, d.labels("eu_emblem_alt")) if d.cover.shows_emblem else None


def project_logo(d: Deliverable) -> Picture | None:
    alt = d.cover.logo_text or d.project_acronym
    return Picture("logo-project", d.logo, alt) if d.logo is not None else None


def _brand(d: Deliverable) -> Line:
    """The project's logo, or its name in words where no logo is given."""
    logo = project_logo(d)
    return Line("logo", logo.alt, logo) if logo else Line("brand", d.cover.logo_text)


def _cover(d: Deliverable, draft_note: str | None) -> list[Line]:
    c, lb = d.cover, d.labels
    lines = [Line("label", c.action_label), Line("text", c.action),
             Line("label", c.project_label), Line("text", c.project),
             _brand(d), Line("title", d.title),
             Line("text", lb("cover_deliverable", number=d.number))]
    if draft_note is not None:
        lines.append(Line("notice", lb("draft_notice", note=draft_note)))
    lines += [Line("label", c.grant_label), Line("text", c.grant_agreement),
              Line("label", c.coordinator_label), Line("text", c.coordinator_name),
              Line("small", c.coordinator_role)]
    return [line for line in lines if line.text]


def _choices(d: Deliverable, choices: tuple[Choice, ...]) -> str:
    return "   ".join(d.labels("info_choice_ticked" if c.ticked else "info_choice_open", label=c.label)
                      for c in choices)


def _info(d: Deliverable) -> list[InfoRow]:
    """The rows that hold something: a row whose values are all empty is left out."""
    return [row for row, values in _info_rows(d) if any(v.strip() for v in values)]


def _info_rows(d: Deliverable) -> list[tuple[InfoRow, tuple[str, ...]]]:
    """Each row of the table with the values the coordinator gave for it."""
    i, lb = d.info, d.labels

    def lab(key: str) -> InfoCell:
        return InfoCell(lb(key), label=True)

    def wide(key: str, value: str) -> InfoRow:
        return InfoRow([lab(key), InfoCell(value)], wide=True)

    def val(key: str, value: str) -> InfoCell:
        """A value in its pattern ("Number: WP2"); nothing at all for an empty value."""
        return InfoCell(lb(key, value=value).strip() if value.strip() else "")

    return [
        (InfoRow([lab("info_ist_number"), InfoCell(i.ist_number), lab("info_acronym"),
                  InfoCell(d.project_acronym)]), (i.ist_number, d.project_acronym)),
        (wide("info_full_title", d.project.full_title), (d.project.full_title,)),
        (wide("info_project_url", d.project.url), (d.project.url,)),
        (InfoRow([lab("info_deliverable"), val("info_number", d.number), lab("info_title"),
                  InfoCell(d.title)]), (d.number, d.title)),
        (InfoRow([lab("info_work_package"), val("info_number", i.work_package_number),
                  lab("info_title"), InfoCell(i.work_package_title)]),
         (i.work_package_number, i.work_package_title)),
        (InfoRow([lab("info_date_of_delivery"),
                  val("info_contractual", i.contractual_date),
                  lab("info_actual"), InfoCell(i.actual_date)]), (i.contractual_date, i.actual_date)),
        (InfoRow([lab("info_status"), val("info_version", i.status_version),
                  InfoCell("", label=True), InfoCell(i.status)]), (i.status_version, i.status)),
        (wide("info_nature", _choices(d, i.nature)), tuple(c.label for c in i.nature)),
        (wide("info_dissemination", _choices(d, i.dissemination)), tuple(c.label for c in i.dissemination)),
        (wide("info_authors", i.authors), (i.authors,)),
        (InfoRow([lab("info_responsible_author"), val("info_name", i.responsible_name),
                  lab("info_email"), InfoCell(i.responsible_email)]),  # kept with the row under it
         (i.responsible_name, i.responsible_email, i.responsible_partner, i.responsible_phone)),
        (InfoRow([InfoCell("", label=True), val("info_partner", i.responsible_partner),
                  lab("info_phone"), InfoCell(i.responsible_phone)]), (i.responsible_partner, i.responsible_phone)),
        (wide("info_contributors", i.contributors), (i.contributors,)),
        (wide("info_reviewers", i.reviewers), (i.reviewers,)),
        (wide("info_abstract", i.abstract), (i.abstract,)),
        (wide("info_keywords", i.keywords), (i.keywords,)),
    ]


def front_matter(d: Deliverable, draft_note: str | None) -> FrontMatter:
    h = d.heading
    logs = [Table(d.labels(name), list(log.columns), [list(r) for r in log.rows])
            for name, log in (("version_log", d.version_log), ("history", d.history)) if log.rows]
    return FrontMatter(_cover(d, draft_note), cofunding(d), h("document_information"), _info(d), logs,
                       h("abstract"), linkify_blocks(d.text("abstract")),
                       linkify_blocks(d.text("disclaimer") + d.text("funding")),
                       h("executive_summary"), linkify_blocks(d.text("executive_summary")))
