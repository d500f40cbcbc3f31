"""A number or date as Excel shows it: the cell's number format applied, so that a cell showing
`35%` is read as "35%", not "0.35", `1,234,567.89` not "1234567.891", `01/03/2024` not "2024-03-01".

Excel stores a number and a format code ("0%", "#,##0.00", "dd/mm/yyyy", '"€"#,##0;[Red]-"€"#,##0');
what the partner sees is the one applied to the other. The codes are the same in every Excel (the
separators they show are the computer's; the report writes the English ones). What is supported:
sections (positive;negative;zero;text), literals ("…", \\x, _x, [$€-407]), colours, digits (0 # ?),
grouping, scaling commas, percent, scientific notation, and dates and times (y m d h s AM/PM).
A format beyond that (fractions, conditions, elapsed time) raises `Unsupported`: the caller then
keeps the plain number and names the cell. The computer's short date (Excel's built-in format 14,
"mm-dd-yy" in the file) differs from one computer to the next: `locale_date` says so.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

from competency_maps.errors import Issue, Location, issue

GENERAL = ("general", "")
# Excel's built-in formats whose display follows the computer's settings (14: short date, 22: short
# date and time), as openpyxl names them, and the system date and time codes
LOCALE_DATES = ("mm-dd-yy", "m/d/yy h:mm")
_SYSTEM = re.compile(r"^\[\$-F[48]00\]", re.I)
_CORE = re.compile(r"[#0?][#0?,]*(?:\.[#0?]*)?|\.[#0?]+")
_DATE_CODES = re.compile(r"(am/pm|a/p|y+|m+|d+|h+|s+)", re.I)
PRIVATE = 0xE000  # literals stand in the code as private-use characters while it is read
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Unsupported(ValueError):
    """A format code this module does not apply."""


def locale_date(number_format: str) -> bool:
    """Whether the format shows a date as the partner's computer is set to (not knowable here)."""
    return number_format.strip().lower() in LOCALE_DATES or bool(_SYSTEM.match(number_format.strip()))


def shown(value: float | int | dt.date | dt.time, number_format: str) -> str | None:
    """`value` as the format shows it; None for General (the caller's own rendering)."""
    if number_format.strip().lower() in GENERAL or number_format.strip() == "@":
        return None
    sections = _split(number_format)
    if isinstance(value, (dt.date, dt.time)):
        return _date(value, sections[0])
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    section, sign = sections[0], "-" if value < 0 else ""
    if value < 0 and len(sections) >= 2:
        section, sign = sections[1], ""
    elif value == 0 and len(sections) >= 3:
        section = sections[2]
    code, literals = _read(section)
    if _DATE_CODES.search(_unquoted_letters(code)) and not _CORE.search(code):
        raise Unsupported(number_format)  # a date format on a number openpyxl did not take for a date
    return sign + _number(abs(value), code, literals)


def _split(number_format: str) -> list[str]:
    out, part, quoted, bracket = [], "", False, False
    chars = iter(number_format)
    for ch in chars:
        if ch == '"':
            quoted = not quoted
        elif ch == "\\" and not quoted:
            part += ch + next(chars, "")
            continue
        elif ch == "[" and not quoted:
            bracket = True
        elif ch == "]" and not quoted:
            bracket = False
        elif ch == ";" and not quoted and not bracket:
            out.append(part)
            part = ""
            continue
        part += ch
    out.append(part)
    return out


def _read(section: str) -> tuple[str, list[str]]:
    """The section's code with each literal as one private-use character, and the literals."""
    code, literals = [], []

    def literal(text: str) -> None:
        code.append(chr(PRIVATE + len(literals)))
        literals.append(text)

    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            literal(section[i + 1:end])
            i = end + 1
        elif ch == "\\":
            literal(section[i + 1:i + 2])
            i += 2
        elif ch == "_":
            literal(" ")
            i += 2
        elif ch == "*":
            i += 2  # a fill character: nothing to print
        elif ch == "[":
            end = section.find("]", i)
            inside = section[i + 1:end if end >= 0 else len(section)]
            if inside.startswith("$"):
                symbol = inside[1:].split("-")[0]
                if symbol:
                    literal(symbol)
            elif inside[:1] in "<>=" or inside.lower()[:1] in "hms":
                raise Unsupported(section)  # a condition, or elapsed time
            i = (end if end >= 0 else len(section)) + 1  # a colour is not printed
        elif ch == "@":
            raise Unsupported(section)
        else:
            code.append(ch)
            i += 1
    return "".join(code), literals


def _unquoted_letters(code: str) -> str:
    return "".join(ch for ch in code if ch.isascii() and ch.isalpha())


def _restore(text: str, literals: list[str]) -> str:
    return "".join(literals[ord(ch) - PRIVATE] if PRIVATE <= ord(ch) < PRIVATE + len(literals) else ch
                   for ch in text)


def _number(value: float | int, code: str, literals: list[str]) -> str:
    if "general" in code.lower():
        n = int(value) if float(value).is_integer() else value
        return _restore(re.sub("(?i)general", str(n), code, count=1), literals)
    if "/" in code and _CORE.search(code):
        raise Unsupported(code)  # a fraction
    sci = re.search(r"[eE][+-]", code)
    core = _CORE.search(code)
    if core is None:
        if _unquoted_letters(code):
            raise Unsupported(code)
        return _restore(code, literals)  # text only: "-" or "n/a"
    if sci:
        mantissa = code[core.start():sci.start()]
        decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
        exp_digits = len(re.match(r"[0#]*", code[sci.end():]).group())
        m, e = f"{value:.{decimals}E}".split("E")
        text = f"{m}E{e[0]}{int(e[1:]):0{max(exp_digits, 1)}d}"
        rest = code[:core.start()] + "\0" + code[sci.end() + exp_digits:]
        if _unquoted_letters(rest):
            raise Unsupported(code)
        return _restore(rest.replace("\0", text), literals)
    pattern = core.group()
    scale = 0
    after = core.end()
    while after < len(code) and code[after] == ",":
        scale += 1
        after += 1
    while pattern.endswith(","):  # "#,##0," : the trailing commas scale by thousands
        pattern = pattern[:-1]
        scale += 1
    rest = code[:core.start()] + "\0" + code[after:]
    if _unquoted_letters(rest):
        raise Unsupported(code)
    percent = rest.count("%")
    whole, _, fraction = pattern.partition(".")
    places = len(fraction)
    least = len(fraction.rstrip("#?"))
    x = Decimal(repr(value)) * Decimal(100) ** percent / Decimal(1000) ** scale
    rounded = x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    digits, _, decimals = f"{rounded:.{places}f}".partition(".")
    decimals = decimals.rstrip("0").ljust(least, "0") if places else ""
    pad = whole.replace(",", "").count("0")
    digits = digits.lstrip("0").rjust(pad, "0")
    if "," in whole:
        digits = f"{int(digits):,}" if digits else ""
    text = digits + ("." + decimals if decimals or (places and "0" in fraction) else "")
    if not places and "." in pattern:
        text += "."
    return _restore(rest.replace("\0", text), literals)


def _date(value: dt.date | dt.time, section: str) -> str:
    code, literals = _read(section)
    if re.search(r"s\.0", code, re.I):
        raise Unsupported(section)
    twelve = bool(re.search("am/pm|a/p", code, re.I))
    parts = _DATE_CODES.split(code)
    out = []
    for k, part in enumerate(parts):
        low = part.lower()
        if k % 2 == 0:
            if _unquoted_letters(part.replace("E", "").replace("e", "")):
                raise Unsupported(section)
            out.append(part)
            continue
        before = "".join(parts[:k]).lower()
        after_codes = [p.lower() for p in parts[k + 1::2]]
        minute = low[0] == "m" and len(low) <= 2 and (
            re.search(r"h+[^a-z]*$", before) is not None or (after_codes[:1] and after_codes[0][0] == "s"))
        out.append(_date_code(value, low, minute, twelve))
    return _restore("".join(out), literals)


def _date_code(v: dt.date | dt.time, code: str, minute: bool, twelve: bool) -> str:
    d = v if isinstance(v, dt.date) else None
    t = v if isinstance(v, dt.time) else (v.time() if isinstance(v, dt.datetime) else dt.time())
    kind, n = code[0], len(code)
    if code in ("am/pm", "a/p"):
        mark = "AM" if t.hour < 12 else "PM"
        return mark if code == "am/pm" else mark[0]
    if kind == "h":
        hour = (t.hour % 12 or 12) if twelve else t.hour
        return f"{hour:02d}" if n >= 2 else str(hour)
    if kind == "s":
        return f"{t.second:02d}" if n >= 2 else str(t.second)
    if kind == "m" and minute:
        return f"{t.minute:02d}" if n >= 2 else str(t.minute)
    if d is None:
        raise Unsupported(code)
    if kind == "y":
        return f"{d.year % 100:02d}" if n <= 2 else f"{d.year:04d}"
    if kind == "m":
        return (str(d.month), f"{d.month:02d}", MONTHS[d.month - 1][:3], MONTHS[d.month - 1],
                MONTHS[d.month - 1][0])[min(n, 5) - 1]
    if kind == "d":
        return (str(d.day), f"{d.day:02d}", DAYS[d.weekday()][:3], DAYS[d.weekday()])[min(n, 4) - 1]
    raise Unsupported(code)


def cell_shown(cell, location: Location, issues: list[Issue]) -> str | None:
    """A number or date cell's text as Excel shows it; None when its format is General (or it holds
    no number). A format that cannot be applied, or a date in the computer's own format, is said in
    `issues` (the cell named), and None returned: the caller keeps the plain number or ISO date."""
    v = cell.value
    if isinstance(v, bool) or not isinstance(v, (int, float, dt.date, dt.time)):
        return None
    number_format = str(cell.number_format or "General")
    if isinstance(v, (dt.date, dt.time)) and locale_date(number_format):
        iso = v.date().isoformat() if isinstance(v, dt.datetime) and v.time() == dt.time() else v.isoformat()
        issues.append(issue("cell.number_format.locale_date", location, printed=iso))
        return None
    try:
        return shown(v, number_format)
    except Unsupported:
        printed = str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
        issues.append(issue("cell.number_format.unsupported", location, number_format=number_format,
                            printed=printed))
        return None
