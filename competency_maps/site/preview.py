"""The partner's chapter for the page's preview: the report's own HTML template and view, as the PDF.

In: the view of one chapter (`report.assemble.assemble_proof`, as `build.py proof` makes it). Out:
the HTML `report.html.j2` renders for weasyprint, changed only where a browser frame needs it:
its files are found under the site's `preview/` (a `<base>`), a screen style sheet is added (a
browser ignores @page rules: the pages become one sheet on screen), and what the page's
Content-Security-Policy would refuse is left out (inline styles, in-memory pictures), as are links
out of the site (a click in the preview fetches nothing). Partner text is escaped by the template's
autoescape as in the PDF, and the page shows the result in a sandboxed frame without scripts.
"""

from __future__ import annotations

import re

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import escape

from competency_maps.model.richtext import safe_url
from competency_maps.report.view import ReportContent
from competency_maps.resources import TEMPLATES

TEMPLATE_NAME = "report.html.j2"  # the PDF's template (render/pdf/render.py)
SCREEN_STYLES = "preview.css"

# Attributes and elements the template writes, never partner text (autoescape turns a partner's
# quotes into &#34;, so no typed text can match these).
_INLINE_STYLE = re.compile(r'\sstyle="[^"]*"')
_STYLE_ELEMENT = re.compile(r"<style>.*?</style>", re.DOTALL)
_MEMORY_SRC = re.compile(r'\ssrc="memory:[^"]*"')
_OUTWARD_HREF = re.compile(r'\shref="(?!#)[^"]*"')


def html_env() -> Environment:
    """The PDF's Jinja environment (render/pdf/render.py's html_env, which imports weasyprint with it)."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=False, lstrip_blocks=False)
    env.filters["safe_url"] = safe_url
    return env


def for_screen(html: str, base_url: str) -> str:
    html = _STYLE_ELEMENT.sub("", html)
    html = _INLINE_STYLE.sub("", html)
    html = _MEMORY_SRC.sub("", html)
    head, sep, body = html.partition("<body")
    body = _OUTWARD_HREF.sub("", body)  # the head's only link is the style sheet
    head = head.replace("<head>", f'<head>\n<base href="{escape(base_url)}">', 1)
    head = head.replace("</head>", f'<link rel="stylesheet" href="{SCREEN_STYLES}">\n</head>', 1)
    return head + sep + body


def chapter_html(content: ReportContent, base_url: str) -> str:
    return for_screen(html_env().get_template(TEMPLATE_NAME).render(r=content), base_url)
