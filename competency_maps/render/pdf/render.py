"""ReportContent -> PDF bytes: a Jinja2 HTML template laid out by weasyprint.

Partner text is escaped by Jinja's autoescape. The URL fetcher serves only files under
templates/: nothing in a workbook can pull a local file or a remote URL into the PDF.
"""

from __future__ import annotations

import calendar
import contextlib
import hashlib
import logging
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from competency_maps.report.view import ReportContent
from competency_maps.errors import RenderError
from competency_maps.render.pdf.result import RenderedPdf
from competency_maps.render.pdf.tags import table_header_scopes
from competency_maps.render.figures import heatmap_png
from competency_maps.report.figures import as_picture, fill, text_color
from competency_maps.model.richtext import safe_url
from competency_maps.render.pdf.tuning import few_gc_pauses, page_references_cached

from competency_maps.resources import TEMPLATES
TEMPLATE_NAME = "report.html.j2"
PDF_VARIANT = "pdf/ua-1"  # tagged, for screen readers; see README

MIME = {".css": "text/css", ".svg": "image/svg+xml", ".ttf": "font/ttf", ".png": "image/png",
        ".otf": "font/otf", ".woff2": "font/woff2"}


# The templates folder's URL inside the PDF: the same in every checkout, so that the PDF's bytes are
# too (weasyprint names images after their URL).
TEMPLATES_URL = "file:///competency-maps/templates/"


class LocalOnlyFetcher(URLFetcher):
    """Serves the files of one folder under `TEMPLATES_URL`, and the figures made for this report
    (`memory:`); refuses every other URL, real paths of that same folder included, and remembers it."""

    def __init__(self, folder: Path, memory: dict[str, tuple[bytes, str]] | None = None):
        super().__init__(allowed_protocols=("file", "memory"))
        self.folder = folder.resolve()
        self.memory = memory or {}
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        if url in self.memory:
            data, mime = self.memory[url]
            return URLFetcherResponse(url, data, {"Content-Type": mime})
        path = None
        if url.startswith(TEMPLATES_URL):
            relative = unquote(urlsplit(url).path)[len(urlsplit(TEMPLATES_URL).path):]
            path = (self.folder / relative).resolve()
        if path is None or not path.is_relative_to(self.folder) or not path.is_file():
            self.refused.append(url)
            raise ValueError(f"refused to fetch {url[:200]}")
        return URLFetcherResponse(url, path.read_bytes(),
                                  {"Content-Type": MIME.get(path.suffix.lower(), "application/octet-stream")})


def html_env(templates: Path = TEMPLATES) -> Environment:
    env = Environment(loader=FileSystemLoader(str(templates)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False)
    env.filters["safe_url"] = safe_url  # only http, https and mailto links are ever written
    return env


def render_html(content: ReportContent, templates: Path = TEMPLATES, continued: frozenset[str] = frozenset()) -> str:
    """`continued`: the keys of the SWOT rows that show their topic's "(continued)" label."""
    return html_env(templates).get_template(TEMPLATE_NAME).render(r=content, continued=continued)


def render_figures(content: ReportContent, templates: Path = TEMPLATES) -> dict[str, tuple[bytes, str]]:
    env = html_env(templates)
    figures = {f"memory:{p.key}": (p.image.data, p.image.mime) for p in content.pictures}
    if content.furniture.draft_mark:
        svg = env.get_template("draft-mark.svg.j2").render(text=content.furniture.draft_mark)
        figures["memory:draft-mark.svg"] = (svg.encode("utf-8"), "image/svg+xml")
    if content.synthesis is not None:
        for n, h in enumerate(content.synthesis.heatmaps, start=1):  # report.html.j2 names them so
            if as_picture(h):  # Word's picture, the same glyphs: SVG text would not be shaped
                figures[f"memory:heatmap-{n}.svg"] = (heatmap_png(h), "image/png")
                continue
            svg = env.get_template("heatmap.svg.j2").render(h=h, fill=fill, text_color=text_color)
            figures[f"memory:heatmap-{n}.svg"] = (svg.encode("utf-8"), "image/svg+xml")
    return figures


@contextlib.contextmanager
def _quiet_libraries():
    """weasyprint and fontTools log layout chatter at WARNING; the coordinator needs none of it."""
    loggers = [logging.getLogger(n) for n in ("weasyprint", "fontTools")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels):
            lg.setLevel(level)


@contextlib.contextmanager
def _source_date(epoch: int):
    """fontTools stamps font subsets with the time unless SOURCE_DATE_EPOCH is set."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = old or str(epoch)
    try:
        yield
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]


@contextlib.contextmanager
def _own_temp_folder():
    """weasyprint copies the @font-face fonts into a temporary folder that it removes only when its
    font configuration is garbage-collected, which a process that ends first never does (3.5 MB
    left per build): it gets a folder of ours instead, removed once the PDF is written."""
    folder = tempfile.mkdtemp(prefix="competency-maps-pdf-")
    old = tempfile.tempdir
    tempfile.tempdir = folder
    try:
        yield
    finally:
        tempfile.tempdir = old
        shutil.rmtree(folder, ignore_errors=True)


MAX_LAYOUTS = 8  # a first layout, then again while a "(continued)" label is missing or misplaced


def _continued_on_top(doc, content: ReportContent) -> frozenset[str]:
    """The SWOT rows that continue a topic and stand first on their page (under the repeated header)."""
    more = {row.key for ch in content.chapters for table in [*ch.swot_pairs, *ch.tows] for row in table.rows
            if row.continued}
    found = set()
    for page in doc.pages:
        rows = [(box[1], name) for name, box in page.anchors.items() if name.startswith("piece-")]
        if rows and min(rows)[1] in more:
            found.add(min(rows)[1])
    return frozenset(found)


def _layout(content: ReportContent, templates: Path, fetcher):
    """Laid out once, and again while a row that continues a topic starts a page without its label:
    the label takes a line, which may move the rows after it (so at most MAX_LAYOUTS times; the last
    layout is kept, its labels right unless it moved a row again). Returns (document, html)."""
    continued: frozenset[str] = frozenset()
    for _ in range(MAX_LAYOUTS):
        try:
            html = render_html(content, templates, continued)
        except Exception as e:
            raise RenderError("pdf.template.failed", error_type=type(e).__name__, detail=str(e)) from e
        doc = HTML(string=html, base_url=TEMPLATES_URL, url_fetcher=fetcher).render()
        wanted = _continued_on_top(doc, content)
        if wanted == continued:
            break
        continued = wanted
    return doc, html


def render_pdf(content: ReportContent, templates: Path = TEMPLATES) -> RenderedPdf:
    try:
        fetcher = LocalOnlyFetcher(templates, render_figures(content, templates))
    except Exception as e:
        raise RenderError("pdf.template.failed", error_type=type(e).__name__, detail=str(e)) from e
    try:
        with (_quiet_libraries(), few_gc_pauses(), page_references_cached(), table_header_scopes(), _own_temp_folder(),
              _source_date(calendar.timegm(content.properties.date.timetuple()))):
            doc, html = _layout(content, templates, fetcher)
            identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode()
            pdf = doc.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=identifier, custom_metadata=True)
    except RenderError:
        raise
    except Exception as e:
        raise RenderError("pdf.layout.failed", error_type=type(e).__name__, detail=str(e)) from e
    anchors: dict[str, int] = {}
    tops: set[str] = set()
    for number, page in enumerate(doc.pages, start=1):
        named = {name: box for name, box in page.anchors.items() if not name.startswith("piece-")}  # SWOT rows
        top = min((box[1] for box in named.values()), default=0)
        for name, box in named.items():
            if name not in anchors:
                anchors[name] = number
                if box[1] <= top + 0.5 and not name.endswith("-section"):
                    tops.add(name)
    return RenderedPdf(pdf, len(doc.pages), anchors, frozenset(tops))
