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


# --- text pasted from a PDF ---------------------------------------------------------------------

# A PDF breaks its lines where its column ends: pasted into a cell, the text keeps those breaks
# ("the period 2012-⏎2015", "Belval-⏎Ouest", "of⏎members") and now and then a page number on a line
# of its own. A break is taken for such a wrap only when a careful partner's never looks like it:
# the line before ends without a sentence's punctuation and is long (a PDF line, not a short list
# line), and the next starts with a small letter; or the line before ends with a hyphen right after
# a letter or digit and the next goes on with one. Every other break is the partner's and stays:
# after a full stop, colon or semicolon, before a capital letter (bar a hyphen), a bullet or a
# number, around a blank line, after a short line.
WRAPPED_MIN = 25  # characters of a line that a PDF's column wrapped (shorter: a list line, kept)
_SENTENCE_END = re.compile(r"[.!?:;…]['\"”’»)\]]*\s*$")
_HYPHEN_END = re.compile(r"(\w+)([-\u00ad\u2010])\s*$")
_WORD_START = re.compile(r"\s*(\w+)")
_PAGE_NUMBER = re.compile(r"\s*(?:[-\u2013\u2014]\s*)?\d{1,3}(?:\s*[-\u2013\u2014])?\s*")
WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Unwrapped:
    """A text with its PDF line breaks joined: what was joined (each shown as the words around
    it, 'innovation', '2012-2015', 'of members') and the page numbers left out."""
    text: Text
    joined: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    dropped_at: tuple[int, ...] = ()  # the lines dropped, counted from 0


def text_words(s: str) -> set[str]:
    """The words of a text, in lower case: what a hyphen at a line's end is checked against."""
    return {w.casefold() for w in WORDS.findall(s)}


def _join(before: str, after: str, words: frozenset[str] | set[str]) -> str | None:
    """How a line ending with `before` goes on with the line `after` when the break is a PDF's: " "
    (a space), "" (the hyphen left out: "inno-⏎vation" when the workbook writes "innovation"), "-"
    (glued, the hyphen kept: "2012-2015", "Belval-Ouest"); None when the break is the partner's."""
    first = after.lstrip()[:1]
    if not before.strip() or not first or _BULLET.match(after) or _NUMBER.match(after):
        return None
    hyphen = _HYPHEN_END.search(before)
    start = _WORD_START.match(after)
    if hyphen and start:
        if hyphen.group(2) == "\u00ad":  # a soft hyphen: a typesetter's, never a word's
            return ""
        left, right = hyphen.group(1), start.group(1)
        if right[:1].islower() and left[-1:].isalpha() and (left + right).casefold() in words:
            return ""
        return "-"
    if _SENTENCE_END.search(before) or len(before.strip()) < WRAPPED_MIN or not first.islower():
        return None
    return " "


def unwrap(text: Text, words: frozenset[str] | set[str] = frozenset()) -> Unwrapped:
    """The text with the line breaks of a PDF joined and a page number between the two halves of a
    sentence left out (see above); emphasis kept. `words`: the workbook's words (`text_words`), by
    which a hyphen at a line's end is left out when the joined word is one of them."""
    rows = lines(text)
    if len(rows) < 2:
        return Unwrapped(text)
    out: list[Span] = list(rows[0])
    acc = plain(rows[0])  # the line being made, as joined so far
    joined: list[str] = []
    dropped: list[str] = []
    dropped_at: list[int] = []
    k = 1
    while k < len(rows):
        nxt = plain(rows[k])
        if (_PAGE_NUMBER.fullmatch(nxt) and k + 1 < len(rows)
                and _join(acc, plain(rows[k + 1]), words) is not None):
            dropped.append(nxt.strip())
            dropped_at.append(k)
            k += 1
            continue
        glue = _join(acc, nxt, words)
        if glue is None:
            out.append(Span("\n"))
            out.extend(rows[k])
            acc = nxt
        else:
            head = _trim_end(normalise(out), hyphen=glue == "")
            tail = _trim(rows[k])
            sep = " " if glue == " " else ""  # "-": the hyphen stays where it is, glued
            out = [*head, Span(sep), *tail]
            joined.append(_around(plain(head), sep, plain(tail)))
            acc = plain(normalise(out)).rsplit("\n", 1)[-1]
        k += 1
    return Unwrapped(normalise(out), tuple(joined), tuple(dropped), tuple(dropped_at))


def _trim_end(text: Text, *, hyphen: bool) -> Text:
    """The text without its trailing spaces and, with `hyphen`, without the hyphen they follow."""
    spans = list(text)
    while spans:
        last = spans[-1]
        body = last.text.rstrip()
        if hyphen and body:
            body, hyphen = body[:-1], False
        if body:
            spans[-1] = Span(body, last.bold, last.italic)
            break
        spans.pop()
    return normalise(spans)


def _around(before: str, glue: str, after: str) -> str:
    """A join as the message shows it: the last word before it and the first after."""
    left = before.rsplit(None, 1)[-1] if before.split() else ""
    right = after.split(None, 1)[0] if after.split() else ""
    return f"{left}{glue}{right}"
