"""What partners really type, recognised: bullets and numbers typed by hand, several entries in one
cell, placeholders, two choices in one cell, group names spelt two ways, languages by name, a year
in a date-formatted cell, a web address without https://.

Pure functions on text, so that the reader stays about cells and each habit is tested on its own.
Each recogniser is strict enough that a careful partner's text never matches it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from competency_maps.model.richtext import Span, Text, normalise, plain

# --- bullets and numbers typed by hand ----------------------------------------------------------

# Glyphs people type or paste (Word's Symbol and Wingdings bullets arrive as private-use characters)
# as a bullet; they may touch the text. Dashes, asterisks and plus signs need a space after them,
# so that "-5 %" or "*important*" are not taken for bullets.
_GLYPHS = "\u2022\u25e6\u25aa\u25ab\u25cf\u25cb\u25a0\u25a1\u2023\u2043\u2219\u00b7\u27a2\u2713\u2714\u25ba\u25b8\u25b6\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8"
# Word's list bullets pasted as plain text become the letter of their symbol font followed by a tab:
# § (Wingdings square), o (Courier New circle), Ø (Wingdings arrow), ü (Wingdings tick); only with the tab.
_WORD_PLAIN = "\u00a7o\u00d8\u00fc"
_BULLET = re.compile(rf"^[ \t\u00a0]*(?:[{_GLYPHS}][ \t\u00a0]*|[-\u2013\u2014*+][ \t\u00a0]+|[{_WORD_PLAIN}]\t[ \t\u00a0]*)")
# 1. 1) (1) 12. — at most two digits, then a space: "2020. was" or "1.5 million" are not numbers
_NUMBER = re.compile(r"^[ \t\u00a0]*(?:\(\d{1,2}\)|\d{1,2}[.)])[ \t\u00a0]+(?=\S)")


def lines(text: Text) -> list[Text]:
    """The text cut at its line breaks (Alt+Enter), each line with its own emphasis."""
    out: list[list[Span]] = [[]]
    for s in text:
        parts = s.text.split("\n")
        for k, part in enumerate(parts):
            if k:
                out.append([])
            if part:
                out[-1].append(Span(part, s.bold, s.italic))
    return [normalise(x) for x in out]


def join_lines(parts: list[Text]) -> Text:
    spans: list[Span] = []
    for k, t in enumerate(parts):
        if k:
            spans.append(Span("\n"))
        spans.extend(t)
    return normalise(spans)


def _cut(text: Text, n: int) -> Text:
    """The text without its first n characters, emphasis kept."""
    out = []
    for s in text:
        if n >= len(s.text):
            n -= len(s.text)
            continue
        out.append(Span(s.text[n:], s.bold, s.italic))
        n = 0
    return normalise(out)


def _strip_marker(line: Text, pattern: re.Pattern) -> Text | None:
    m = pattern.match(plain(line))
    return _cut(line, m.end()) if m and plain(line)[m.end():].strip() else None


@dataclass(frozen=True)
class TypedList:
    """A cell typed as a list: its items without their markers, and which marker it used."""
    items: list[Text]
    numbered: bool


def typed_list(text: Text) -> TypedList | None:
    """The items of a cell whose first line starts with a typed bullet or number; lines without a
    marker continue the item above (a long item wrapped by hand). None for any other cell."""
    rows = [ln for ln in lines(text) if plain(ln).strip()]
    if not rows:
        return None
    for pattern, numbered in ((_BULLET, False), (_NUMBER, True)):
        if _strip_marker(rows[0], pattern) is None:
            continue
        items: list[list[Text]] = []
        for ln in rows:
            stripped = _strip_marker(ln, pattern)
            if stripped is not None:
                items.append([stripped])
            else:
                items[-1].append(ln)
        return TypedList([_trim(join_lines(i)) for i in items], numbered)
    return None


def _trim(text: Text) -> Text:
    spans = list(text)
    if spans:
        spans[0] = Span(spans[0].text.lstrip(), spans[0].bold, spans[0].italic)
        spans[-1] = Span(spans[-1].text.rstrip(), spans[-1].bold, spans[-1].italic)
    return normalise(spans)


# --- placeholders and repeats -------------------------------------------------------------------

_PLACEHOLDER_WORDS = {"tbd", "tbc", "tba", "todo", "to do", "to be completed", "to be defined",
                      "xxx", "xx", "n/a", "lorem ipsum", "placeholder", "fill in", "..."}
_PLACEHOLDER_MARKS = re.compile(r"[.\u2026?!_\-\u2013\u2014x*#]+|x{2,}", re.IGNORECASE)


def is_placeholder(s: str) -> bool:
    """'TBD', '...', 'xxx', '?': text that stands for an entry still to be written."""
    k = " ".join(s.split()).casefold().strip(" :.")
    full = " ".join(s.split()).casefold()
    return (k in _PLACEHOLDER_WORDS or full in _PLACEHOLDER_WORDS
            or bool(full) and _PLACEHOLDER_MARKS.fullmatch(full.replace(" ", "")) is not None)


def same_text_key(s: str) -> str:
    """What two entries share when one repeats the other (case and spacing aside)."""
    return " ".join(s.split()).casefold()


def group_key(s: str) -> str:
    """Group headings compared without case or spacing: 'HR', 'hr ', 'H R' and 'HR:' are one."""
    return re.sub(r"[\s:]+", "", s).casefold()


# --- several choices in one cell ---------------------------------------------------------------

_SEPARATORS = re.compile(r"\s*(?:[,;/&+|\n]|\band\b|\bor\b|\bet\b|\bund\b)\s*", re.IGNORECASE)


def several_choices(raw: str, match) -> list[str]:
    """The allowed values named in one cell ('Weakness, Threat'), when there are two or more and
    every part is one; else []. `match(part)` gives the allowed value a part means, or None."""
    parts = [p for p in _SEPARATORS.split(raw) if p and p.strip()]
    if len(parts) < 2:
        return []
    found = [match(p) for p in parts]
    return found if all(found) else []


# --- languages ----------------------------------------------------------------------------------

# ISO 639-1, the two-letter codes a BCP 47 tag starts with (three letters are taken on trust).
ISO_639_1 = set("""aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs
cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu
hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln
lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps
pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to
tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split())

# The languages of the EU (and the consortium's neighbours) by their English and their own names,
# and the country codes people type instead of the language's (cz for Czech, gr for Greek).
LANGUAGE_NAMES = {
    "bulgarian": "bg", "български": "bg", "croatian": "hr", "hrvatski": "hr", "czech": "cs",
    "čeština": "cs", "cestina": "cs", "danish": "da", "dansk": "da", "dutch": "nl", "nederlands": "nl",
    "flemish": "nl", "english": "en", "estonian": "et", "eesti": "et", "finnish": "fi", "suomi": "fi",
    "french": "fr", "français": "fr", "francais": "fr", "german": "de", "deutsch": "de",
    "greek": "el", "ελληνικά": "el", "hungarian": "hu", "magyar": "hu", "irish": "ga",
    "gaeilge": "ga", "italian": "it", "italiano": "it", "latvian": "lv", "latviešu": "lv",
    "lithuanian": "lt", "lietuvių": "lt", "maltese": "mt", "malti": "mt", "polish": "pl",
    "polski": "pl", "portuguese": "pt", "português": "pt", "portugues": "pt", "romanian": "ro",
    "română": "ro", "romana": "ro", "slovak": "sk", "slovenčina": "sk", "slovenian": "sl",
    "slovene": "sl", "slovenščina": "sl", "spanish": "es", "español": "es", "espanol": "es",
    "swedish": "sv", "svenska": "sv", "catalan": "ca", "català": "ca", "basque": "eu",
    "euskara": "eu", "galician": "gl", "galego": "gl", "luxembourgish": "lb", "norwegian": "no",
    "norsk": "no", "turkish": "tr", "türkçe": "tr", "ukrainian": "uk", "serbian": "sr",
}
COUNTRY_NOT_LANGUAGE = {"cz": "cs", "gr": "el", "dk": "da", "at": "de", "ge": "de", "gb": "en",
                        "uk": "en", "us": "en", "ua": "uk", "jp": "ja", "cn": "zh"}
_TAG = re.compile(r"([a-z]{2,3})((?:-[a-z0-9]{1,8})*)", re.IGNORECASE)


def language_code(raw: str) -> str | None:
    """A BCP 47 language tag ('de', 'pt-BR') from what was typed: a tag in any case, with '_' or
    '-', or a language's name ('German', 'Deutsch'). None if it is neither."""
    s = raw.strip().replace("_", "-")
    name = LANGUAGE_NAMES.get(s.casefold())
    if name:
        return name
    m = _TAG.fullmatch(s)
    if not m:
        return None
    primary = m.group(1).lower()
    if len(primary) == 2 and primary not in ISO_639_1:
        return None
    subtags = [t for t in m.group(2).split("-") if t]
    out = [primary]
    for t in subtags:  # BCP 47's conventions: regions upper case, scripts title case
        out.append(t.upper() if len(t) == 2 else t.title() if len(t) == 4 and t.isalpha() else t.lower())
    return "-".join(out)


def language_suggestion(raw: str) -> str | None:
    """The code probably meant by a country code typed for a language ('cz' → 'cs'), for the message
    ('uk' is Ukrainian's code and is accepted as such; the message on a refused code names it)."""
    return COUNTRY_NOT_LANGUAGE.get(raw.strip().casefold())


# --- web addresses ------------------------------------------------------------------------------

_HOST = re.compile(r"(?:[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?\.)+"
                   r"[a-z\u00a1-\uffff]{2,63}\.?")  # matched lowercased: IGNORECASE over these ranges
# takes 30 ms to compile, a tenth of `check`
_URL = re.compile(r"(?:(https?)://)?([^/?#\s:@]+)(:\d{1,5})?([/?#][^\s]*)?", re.IGNORECASE)


def is_website(raw: str) -> bool:
    """A web address as people type it, with or without https:// ('www.pole-moveo.org'); not an
    e-mail address, text with spaces, or another scheme such as javascript:. (The link it makes
    is richtext.web_address's.)"""
    m = _URL.fullmatch(raw.strip())
    return bool(m and _HOST.fullmatch(m.group(2).lower()))
