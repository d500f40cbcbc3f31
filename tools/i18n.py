#!/usr/bin/env python3
"""The translation catalogs: extract the texts, update each language's catalog, compile them.

    .venv/bin/python tools/i18n.py extract    # competency_maps/locale/competency_maps.pot from the code
    .venv/bin/python tools/i18n.py update     # every language's .po: new texts added empty, gone ones dropped
    .venv/bin/python tools/i18n.py compile    # every .po to its .mo (committed: `pip install .` ships them)
    .venv/bin/python tools/i18n.py missing    # what is still untranslated, per language
    .venv/bin/python tools/i18n.py pending    # locale/pending.txt: what is untranslated in some language

The texts are (1) the message templates of `competency_maps/messages/` (message and hint; a
template with a plural is one msgid with its msgid_plural) and (2) the texts marked in the code with
`N_`, `pN_`, `gettext`, `ngettext`, `pgettext` (Babel's Python extractor). Each .po's header carries
its language's CLDR plural rules (Babel). A translator edits the .po files, then runs `compile`.
Babel is needed here and in the tests only; the installed tool reads the .mo with `gettext`.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "competency_maps"
LOCALE = PACKAGE / "locale"
POT = LOCALE / "competency_maps.pot"
KEYWORDS = {"_": None, "N_": None, "pN_": ((1, "c"), 2), "gettext": None, "ngettext": (1, 2),
            "pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3)}
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)  # so that a catalog changes only with its texts
SKIPPED_CODES = {"legacy.text"}  # TRANSITIONAL (issue 22): English text carried as a parameter

sys.path.insert(0, str(ROOT))
from competency_maps import i18n, messages  # noqa: E402  (the package of this checkout)


def template_catalog() -> Catalog:
    """Every translatable text of the package, with where it comes from."""
    cat = Catalog(project="competency-maps", creation_date=FIXED_DATE, fuzzy=False)
    for code, t in messages.ALL.items():
        if code in SKIPPED_CODES:
            continue
        where = [(f"messages:{code}", 0)]
        cat.add((t.message, t.plural) if t.plural else t.message, locations=where, auto_comments=[code])
        if t.hint:
            cat.add(t.hint, locations=where, auto_comments=[f"{code} (hint)"])
    for filename, lineno, message, comments, context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",),
            strip_comment_tags=True):
        if isinstance(message, tuple) and any(m is None for m in message):
            continue  # a call with a variable (translated elsewhere)
        if message is None:
            continue
        cat.add(message, locations=[(f"competency_maps/{filename}", lineno)], auto_comments=comments,
                context=context)
    return cat


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"


def read(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=i18n.LOCALES[lang], project="competency-maps", creation_date=FIXED_DATE,
                       revision_date=FIXED_DATE, fuzzy=False)
    with path.open("rb") as f:
        return read_po(f, locale=i18n.LOCALES[lang])


def write(lang: str, cat: Catalog) -> None:
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    cat.revision_date = FIXED_DATE
    buf = io.BytesIO()
    write_po(buf, cat, width=100, ignore_obsolete=True, omit_header=False, sort_output=False)
    path.write_bytes(buf.getvalue())


def mo_bytes(cat: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, cat, use_fuzzy=False)
    return buf.getvalue()


def extract() -> None:
    buf = io.BytesIO()
    write_po(buf, template_catalog(), width=100, omit_header=False)
    POT.parent.mkdir(parents=True, exist_ok=True)
    POT.write_bytes(buf.getvalue())
    print(f"Wrote {POT.relative_to(ROOT)}")


def update() -> None:
    template = template_catalog()
    for lang in i18n.LANGUAGES:
        if lang == i18n.DEFAULT:
            continue
        cat = read(lang)
        cat.update(template, no_fuzzy_matching=True, update_header_comment=False)
        write(lang, cat)
        print(f"Updated {po_path(lang).relative_to(ROOT)}")


def compile_all() -> None:
    for lang in i18n.LANGUAGES:
        if lang == i18n.DEFAULT:
            continue
        po_path(lang).with_suffix(".mo").write_bytes(mo_bytes(read(lang)))
        print(f"Compiled {po_path(lang).with_suffix('.mo').relative_to(ROOT)}")


PENDING = LOCALE / "pending.txt"  # msgids not yet translated, listed so that the list only shrinks


def pending() -> set[str]:
    """The msgids (their English singular) whose translation is still to be written, every language."""
    if not PENDING.exists():
        return set()
    return {line for line in PENDING.read_text(encoding="utf-8").split("\n") if line and not line.startswith("#")}


def untranslated(lang: str) -> list[str]:
    """The msgids of the code that `lang`'s catalog does not translate (or marks fuzzy)."""
    cat = read(lang)
    out = []
    for m in template_catalog():
        if not m.id:
            continue
        have = cat.get(m.id, context=m.context)
        strings = have.string if have is not None else ""
        strings = strings if isinstance(strings, tuple) else (strings,)
        if have is None or have.fuzzy or not all(strings):
            out.append(m.id if isinstance(m.id, str) else m.id[0])
    return out


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "extract":
        extract()
    elif command == "update":
        extract()
        update()
    elif command == "compile":
        compile_all()
    elif command == "pending":  # write the list of what is untranslated in any language
        missing = sorted({m for lang in i18n.LANGUAGES[1:] for m in untranslated(lang)})
        PENDING.write_text("# msgids still to translate (tools/i18n.py pending); a test keeps this list exact\n" +
                           "".join(f"{m}\n" for m in missing), encoding="utf-8")
        print(f"{len(missing)} msgids pending: {PENDING.relative_to(ROOT)}")
    elif command == "missing":
        total = 0
        for lang in i18n.LANGUAGES[1:]:
            missing = untranslated(lang)
            total += len(missing)
            print(f"{lang}: {len(missing)} untranslated")
            for m in missing:
                print(f"  {m}")
        return 1 if total else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
