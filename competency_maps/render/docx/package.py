"""The DOCX package as Word expects a document of today: no Compatibility Mode, no leftovers of
the template it was made from, and the same bytes for the same inputs.

python-docx's blank document (from which templates/reference.docx started) carries a Word 2010
compatibility setting, a blank thumbnail, a 400 KB stylesWithEffects part, an empty bibliography,
"Microsoft Macintosh Word" in app.xml and a "clean" proofing state; none of it describes this report.
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


def _settings(data: bytes) -> bytes:
    root = _xml(data)
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


def clean(data: bytes) -> bytes:
    """The package without template leftovers, Word 2013+ settings, fixed timestamps and member order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    fix = {"word/settings.xml": _settings, "_rels/.rels": _relationships,
           "word/_rels/document.xml.rels": _relationships, "[Content_Types].xml": _content_types,
           "docProps/app.xml": lambda _: APP_XML}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        names = [n for n in src.namelist() if not _unused(n)]
        first = [n for n in names if n == "[Content_Types].xml"]
        for name in first + sorted(n for n in names if n not in first):
            info = zipfile.ZipInfo(name, ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            body = src.read(name)
            z.writestr(info, fix[name](body) if name in fix else body)
    return out.getvalue()
