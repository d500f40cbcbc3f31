"""ReportContent -> DOCX bytes: docxtpl fills the template that template.py makes from
templates/reference.docx; then each chapter's running head (sections.py) and a clean package.

Partner text reaches Word only as data: autoescape is on, and rich text becomes runs through
docxtpl's RichText, which escapes it too. Same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from pathlib import Path
from types import CodeType

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage, RichText
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup, escape

from competency_maps.report.view import ReportContent
from competency_maps.errors import RenderError
from competency_maps.render.figures import heatmap_png
from competency_maps.render.docx import ooxml
from competency_maps.render.docx.language import bidi, word_language
from competency_maps.render.docx.package import clean
from competency_maps.render.docx.raster import raster
from competency_maps.render.docx.sections import running_heads
from competency_maps.render.docx.template import REFERENCE, list_style, make_template, template_from
from competency_maps.model.richtext import Span, Text, safe_url



# docxtpl turns "{_{", "}_}", "{_%", "%_}" in its output into Jinja delimiters (its escape for
# template authors); in partner text those underscores must survive, so they become "&#95;".
_MARKER_UNDERSCORE = re.compile(r"(?<=[{}%])_(?=[{}%])")


def _guard(xml: str) -> str:
    return _MARKER_UNDERSCORE.sub("&#95;", xml)


_LANG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")  # BCP 47: safe inside an attribute


def rich(text: Text | str, lang: str = "", tpl: DocxTemplate | None = None) -> RichText:
    """Runs of rich text (a plain string is one run); `lang` marks their language (w:lang). With
    `tpl`, a span with a (safe) URL becomes a hyperlink in the "Hyperlink" character style."""
    if isinstance(text, str):
        text = (Span(text),) if text else ()
    lang = word_language(lang) if lang and _LANG.fullmatch(lang) else None
    rt = RichText()
    for s in text:
        url = safe_url(s.url) if tpl is not None else ""
        link = {"url_id": tpl.build_url_id(url), "style": "Hyperlink"} if url else {}
        rt.add(s.text, bold=s.bold or None, italic=s.italic or None, lang=lang, **link)
    xml = rt.xml
    if lang and bidi(lang):  # right to left: the run is, and its language is the complex-script one
        xml = xml.replace(f'<w:lang w:val="{lang}"/>', f'<w:rtl/><w:lang w:bidi="{lang}"/>')
    rt.xml = _guard(xml)
    return rt


def _link(text: str, url: str) -> Text:
    return (Span(text, url=safe_url(url)),) if text else ()


def _finalize(value):
    """Plain values are escaped here (autoescape would do it too) and guarded as above."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return Markup(_guard(str(escape(value))))
    return value


class _Figure(InlineImage):
    """A picture with its alternative text (what a screen reader says, as the PDF's alt); `floating`:
    at the right margin, out of the text's flow (see ooxml.floating_at_right)."""

    def __init__(self, tpl: DocxTemplate, image: bytes, alt: str, width=None, height=None, floating: bool = False):
        super().__init__(tpl, io.BytesIO(image), width=width, height=height)
        self.alt = alt
        self.floating = floating

    def _insert_image(self) -> str:
        xml = super()._insert_image()
        xml = xml.replace("<wp:docPr ", f'<wp:docPr descr="{escape(self.alt)}" ', 1)
        if self.floating:
            start, end = xml.index("<w:drawing>") + len("<w:drawing>"), xml.index("</w:drawing>")
            xml = xml[:start] + ooxml.floating_at_right(xml[start:end]) + xml[end:]
        return xml


class _Template(DocxTemplate):
    """docxtpl's template, whose clean-up of each XML part for Jinja is kept per process
    (`_patched`): the parts are the same in every report filled from one template."""

    def patch_xml(self, src_xml: str) -> str:
        return _patched(src_xml)


@functools.lru_cache(maxsize=32)
def _patched(src_xml: str) -> str:
    """docxtpl's patch_xml: regular expressions over the source alone (it reads nothing of the
    template object), so a pure function of an immutable input."""
    return DocxTemplate(io.BytesIO()).patch_xml(src_xml)


class _Lists:
    """Real Word numbering for numbered lists, restarting at 1 with each list: every list (at every
    nesting level) gets a numbering instance of its own over its style's numbering (reference.docx)."""

    def __init__(self) -> None:
        self.ids: list[tuple[int, str]] = []  # (numbering id, the list style it numbers)
        self.current: dict[int, int] = {}  # nesting level -> its list's numbering id
        self.first = 0

    def __call__(self, block) -> int:
        if block.number == 1 or block.level not in self.current:
            num_id = self.first + len(self.ids)
            self.ids.append((num_id, list_style(block)))
            self.current[block.level] = num_id
        return self.current[block.level]

    def start(self, tpl: DocxTemplate) -> None:
        numbering = tpl.get_docx().part.numbering_part.element
        self.first = 1 + max((int(n.get(ooxml.qn("w:numId"))) for n in numbering.findall(ooxml.qn("w:num"))), default=0)

    def write(self, tpl: DocxTemplate) -> None:
        """The numbering instances the lists used, each over its style's own list definition."""
        docx = tpl.docx
        numbering = docx.part.numbering_part.element
        qn = ooxml.qn
        abstract_of = {n.get(qn("w:numId")): n.find(qn("w:abstractNumId")).get(qn("w:val"))
                       for n in numbering.findall(qn("w:num"))}
        for num_id, style in self.ids:
            style_num = docx.styles[style].element.pPr.find(f"{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
            num = ooxml.element("w:num", numId=str(num_id))
            num.append(ooxml.element("w:abstractNumId", val=abstract_of[style_num]))
            override = ooxml.element("w:lvlOverride", ilvl="0")
            override.append(ooxml.element("w:startOverride", val="1"))
            num.append(override)
            numbering.append(num)


class _Environment(Environment):
    """Jinja's environment for the template, which reuses the code of a source compiled before
    (`_compiled`): docxtpl compiles every XML part on every render, though the template is the
    same each time (a build renders twice, see paginate.py; the tests many times)."""

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[override]
        if isinstance(source, str) and name is None and filename is None and not raw and not defer_init:
            return _compiled(source)
        return super().compile(source, name, filename, raw, defer_init)


@functools.lru_cache(maxsize=64)
def _compiled(source: str) -> CodeType:
    """The code Jinja makes of a template's source. A pure function of the source (an immutable
    input), so it is kept per process: every environment jinja_env makes has the same options and
    the same filter names, and the code looks the filters up by name in the environment it runs
    in, as the code Jinja's own bytecode cache shares between environments does."""
    return Environment.compile(jinja_env(), source)


def jinja_env(tpl: DocxTemplate | None = None, lists: _Lists | None = None) -> Environment:
    env = _Environment(autoescape=True, undefined=StrictUndefined, finalize=_finalize)
    env.filters["rich"] = lambda text, lang="": rich(text, lang, tpl)
    env.filters["link"] = lambda text, url: rich(_link(text, url), "", tpl)
    env.filters["list_number"] = lists or _Lists()
    env.filters["list_style"] = list_style
    env.filters["bidi"] = lambda lang: "1" if lang and bidi(lang) else "0"  # "0" is dropped by package.clean
    if tpl is not None:
        env.filters["heatmap_image"] = lambda h: _Figure(tpl, heatmap_png(h), h.title, width=Mm(170))
        env.filters["picture"] = lambda p, height_mm: _Figure(tpl, raster(p.image), p.alt, height=Mm(height_mm))
        env.filters["logo"] = lambda p, height_mm: _Figure(tpl, raster(p.image), p.alt, height=Mm(height_mm),
                                                           floating=True)
    else:
        env.filters["heatmap_image"] = lambda h: h
        env.filters["picture"] = lambda p, height_mm: p
        env.filters["logo"] = lambda p, height_mm: p
    return env


def clear_caches() -> None:
    """Forgets the template, the parts' clean-up and the code this process keeps (template.py,
    `_patched`, `_compiled`): the next report is filled as a build's first one is (for the
    benchmark, and for the test that the kept ones give the same file)."""
    template_from.cache_clear()
    _patched.cache_clear()
    _compiled.cache_clear()


def prepare(content: ReportContent, reference: Path = REFERENCE) -> bytes:
    """What the Word file needs before the PDF's page numbers are known: its template, and the
    pictures drawn (cached). The build does this while the PDF is laid out in the other process."""
    for picture in content.pictures:
        raster(picture.image)
    return make_template(reference)


def _drop_unshown_pictures(doc) -> None:
    """A picture the template holds that the report left out (the EU emblem with `[cover] emblem =
    false`) is not kept in the file either: its relationship goes, so python-docx leaves it out."""
    used = {value for el in doc.element.iter() for value in el.attrib.values()}  # r:embed, r:id…
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype == RT.IMAGE and not rel.is_external and rid not in used:
            del doc.part.rels[rid]
            doc.part.rels._target_parts_by_rId.pop(rid, None)


def render_docx(content: ReportContent, pages: dict[str, int] | None = None, *,
                reference: Path = REFERENCE, template: bytes | None = None) -> bytes:
    """`pages`: the page of each heading's anchor, shown as the TOC's stored numbers (see
    paginate.py); without it the TOC lists the headings without page numbers."""
    template = template if template is not None else make_template(reference)
    try:
        tpl = _Template(io.BytesIO(template))
        lists = _Lists()
        lists.start(tpl)
        tpl.render({"r": content, "pages": pages or {}}, jinja_env=jinja_env(tpl, lists), autoescape=True)
        lists.write(tpl)
    except Exception as e:  # template errors are ours, but still a message, not a traceback
        raise RenderError("docx.template.failed", error_type=type(e).__name__, detail=str(e)) from e
    doc = tpl.docx
    for rid, rel in doc.part.rels.items():  # docxtpl swapped in the filled headers and footers
        if not rel.is_external:              # behind python-docx's lookup table: make it see them
            doc.part.rels._target_parts_by_rId[rid] = rel.target_part
    running_heads(doc, ooxml.find_style(doc, "Heading 1").style_id)
    _drop_unshown_pictures(doc)
    props = content.properties
    language = word_language(props.language)
    ooxml.default_language(doc, language)
    when = dt.datetime.combine(props.date, dt.time(12, 0))
    cp = doc.core_properties
    cp.title = content.document_title
    cp.subject = props.subject
    cp.author = props.author
    cp.keywords = props.keywords
    cp.language = language
    cp.created = cp.modified = when
    cp.last_modified_by = ""
    cp.comments = ""
    cp.revision = 1
    buf = io.BytesIO()
    tpl.save(buf)
    return clean(buf.getvalue(), language=language)
