"""The DOCX package as Word expects a document of today: no Compatibility Mode, no leftovers of
the template it was made from, and the same bytes for the same inputs.

python-docx's blank document (from which templates/reference.docx started) carries a Word 2010
compatibility setting, a blank thumbnail, a 400 KB stylesWithEffects part, an empty bibliography,
"Microsoft Macintosh Word" in app.xml and a "clean" proofing state; none of it describes this report.
docxtpl leaves runs without text where a tag stood, and a Jinja test may leave an "off" toggle
(`<w:bidi w:val="0"/>`): both are dropped, as are the styles nothing uses (the reference document
carries Word's 100-odd table styles), so an editor's Styles pane lists the report's own.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
WORD_2013 = "15"  # compatibilityMode of Word 2013 and later: no "Compatibility Mode" banner

# Parts that only the template needed, and the relationship types that point at them.
UNUSED_PARTS = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml")
UNUSED_PREFIXES = ("customXml/",)
UNUSED_RELATIONSHIPS = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
)

APP_XML = (b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
           b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           b"<Application>competency-maps</Application><DocSecurity>0</DocSecurity></Properties>")


def _unused(name: str) -> bool:
    return name in UNUSED_PARTS or name.startswith(UNUSED_PREFIXES)


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, remove_blank_text=False))


def _dump(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# On/off properties: "off" written out is a no-op where nothing under it turns them on.
TOGGLES = frozenset(f"{{{W}}}{t}" for t in (
    "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "vanish", "rtl", "bidi", "keepNext",
    "keepLines", "pageBreakBefore", "widowControl", "cantSplit", "tblHeader", "contextualSpacing"))
OFF = frozenset({"0", "false", "off"})
# Styles kept though no paragraph names them: defaults, and those Word's own commands apply
# (links, headers and footers, the contents list that "Update table" rebuilds, list continuations).
NEEDED_STYLES = frozenset({"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Hyperlink", "Header",
                           "Footer", "TOC1", "TOC2", "TOCHeading", "Heading1", "Heading2", "Caption"})


def _style_keeps(styles: bytes) -> dict[str, set[str]]:
    """Paragraph style id -> the paragraph toggles it turns on (keepNext, keepLines), its base's too."""
    root = _xml(styles)
    own, base = {}, {}
    for st in root.iter(f"{{{W}}}style"):
        sid = st.get(f"{{{W}}}styleId")
        ppr = st.find(f"{{{W}}}pPr")
        own[sid] = {el.tag for el in (ppr if ppr is not None else []) if el.tag in TOGGLES
                    and el.get(f"{{{W}}}val") not in OFF}
        based = st.find(f"{{{W}}}basedOn")
        base[sid] = based.get(f"{{{W}}}val") if based is not None else None
    out = {}
    for sid in own:
        seen, at, on = set(), sid, set()
        while at in own and at not in seen:
            seen.add(at)
            on |= own[at]
            at = base[at]
        out[sid] = on
    return out


def _tidy_body(data: bytes, style_keeps: dict[str, set[str]] | None = None) -> bytes:
    """No run without content, no "off" toggle written out (unless it turns off what the paragraph's
    style turns on), "on" as the bare element (the Office 2016 schema refuses `w:val="1"` on some,
    such as cantSplit)."""
    root = _xml(data)
    for el in list(root.iter(*TOGGLES)):
        val = el.get(f"{{{W}}}val")
        style = el.getparent().find(f"{{{W}}}pStyle") if el.getparent().tag == f"{{{W}}}pPr" else None
        if val in OFF and style is not None and el.tag in (style_keeps or {}).get(style.get(f"{{{W}}}val"), ()):
            el.set(f"{{{W}}}val", "0")  # the style's on, turned off for this paragraph
        elif val in OFF:
            el.getparent().remove(el)
        elif val is not None:
            del el.attrib[f"{{{W}}}val"]
    for run in list(root.iter(f"{{{W}}}r")):
        content = [c for c in run if c.tag != f"{{{W}}}rPr"]
        if all(c.tag == f"{{{W}}}t" and not c.text for c in content):
            run.getparent().remove(run)
    return _dump(root)


def _used_styles(parts: dict[str, bytes]) -> set[str]:
    used: set[str] = set()
    for name, data in parts.items():
        if name == "word/document.xml" or name == "word/numbering.xml" or name.startswith(("word/header", "word/footer")):
            for el in _xml(data).iter(f"{{{W}}}pStyle", f"{{{W}}}rStyle", f"{{{W}}}tblStyle"):
                used.add(el.get(f"{{{W}}}val"))
    return used


def _styles(data: bytes, used: set[str], language: str) -> bytes:
    """Only the styles the document uses, what they are based on or linked to, and Word's needed ones."""
    root = _xml(data)
    styles = {s.get(f"{{{W}}}styleId"): s for s in root.findall(f"{{{W}}}style")}
    keep = {sid for sid, s in styles.items() if s.get(f"{{{W}}}default") in ("1", "true")}
    todo = [sid for sid in used | NEEDED_STYLES | keep if sid in styles]
    while todo:
        sid = todo.pop()
        keep.add(sid)
        for ref in ("basedOn", "link", "next"):
            el = styles[sid].find(f"{{{W}}}{ref}")
            target = el.get(f"{{{W}}}val") if el is not None else None
            if target in styles and target not in keep:
                todo.append(target)
    for sid, s in styles.items():
        if sid not in keep:
            root.remove(s)
    return _dump(root)


def _settings(data: bytes, language: str = "") -> bytes:
    root = _xml(data)
    lang = root.find(f"{{{W}}}themeFontLang")
    if lang is not None and language:
        lang.set(f"{{{W}}}val", language)
        for attr in ("eastAsia", "bidi"):
            lang.attrib.pop(f"{{{W}}}{attr}", None)
    for tag in ("updateFields", "proofState", "attachedTemplate"):
        for el in root.findall(f"{{{W}}}{tag}"):
            root.remove(el)
    compat = root.find(f"{{{W}}}compat")
    if compat is None:
        compat = etree.SubElement(root, f"{{{W}}}compat")
    mode = [el for el in compat.findall(f"{{{W}}}compatSetting")
            if el.get(f"{{{W}}}name") == "compatibilityMode"]
    if not mode:
        mode = [etree.SubElement(compat, f"{{{W}}}compatSetting", {
            f"{{{W}}}name": "compatibilityMode", f"{{{W}}}uri": "http://schemas.microsoft.com/office/word"})]
    mode[0].set(f"{{{W}}}val", WORD_2013)
    return _dump(root)


def _relationships(data: bytes) -> bytes:
    root = _xml(data)
    for el in list(root):
        if el.get("Type") in UNUSED_RELATIONSHIPS:
            root.remove(el)
    return _dump(root)


def _content_types(data: bytes) -> bytes:
    root = _xml(data)
    for el in list(root):
        part = (el.get("PartName") or "").lstrip("/")
        if part and _unused(part):
            root.remove(el)
    return _dump(root)


def clean(data: bytes, *, language: str = "") -> bytes:
    """The package without template leftovers, Word 2013+ settings, fixed timestamps and member order;
    no empty run or "off" toggle, no unused style; `language` the document's (settings)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in src.namelist() if not _unused(n)]
    keeps = _style_keeps(src.read("word/styles.xml")) if "word/styles.xml" in names else {}
    bodies = {n: _tidy_body(src.read(n), keeps) for n in names
              if n == "word/document.xml" or n.startswith(("word/header", "word/footer"))}
    used = _used_styles({**bodies, **{n: src.read(n) for n in names if n == "word/numbering.xml"}})
    fix = {"word/settings.xml": lambda b: _settings(b, language), "_rels/.rels": _relationships,
           "word/_rels/document.xml.rels": _relationships, "[Content_Types].xml": _content_types,
           "docProps/app.xml": lambda _: APP_XML, "word/styles.xml": lambda b: _styles(b, used, language)}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        first = [n for n in names if n == "[Content_Types].xml"]
        for name in first + sorted(n for n in names if n not in first):
            info = zipfile.ZipInfo(name, ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            body = bodies[name] if name in bodies else src.read(name)
            z.writestr(info, fix[name](body) if name in fix else body)
    return out.getvalue()
