"""The partners' languages: gettext catalogs, one per language, read with the standard library.

In: a language code and an English text (a message template, a text of the workbook). Out: the text
in that language. The catalogs are `locale/<lang>/LC_MESSAGES/competency_maps.po`, compiled to
`.mo` beside them (both committed; `tools/i18n.py` extracts the texts with Babel, updates the
catalogs and compiles them; a test fails when a `.mo` is older than its `.po`). Plural forms are
CLDR's, written into each catalog's header by Babel (French and Portuguese say "0 erreur", "1
erreur", "2 erreurs"; Hungarian keeps the noun singular after a number).

Texts are marked where they are written, for extraction: `N_("…")` for a text translated later,
`pN_("context", "…")` for a short word that has a context (a dropdown value, a sheet name), and
the usual `gettext`/`ngettext`/`pgettext` calls on a translator. A text with fields is a
`str.format` template filled after translation: never an f-string.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from importlib import resources

DOMAIN = "competency_maps"
LANGUAGES = ("en", "fr", "de", "pt", "nl", "hu")
DEFAULT = "en"
# Each language in its own name, for the Read me and for help texts
NAMES = {"en": "English", "fr": "Français", "de": "Deutsch", "pt": "Português", "nl": "Nederlands",
         "hu": "Magyar"}
# The CLDR locale whose plural rules a catalog uses (Portuguese as written in Portugal)
LOCALES = {"en": "en", "fr": "fr", "de": "de", "pt": "pt_PT", "nl": "nl", "hu": "hu"}


def N_(text: str) -> str:
    """Marks a text for extraction; it is translated where it is shown."""
    return text


def pN_(context: str, text: str) -> str:
    """Marks a text with a context (`choice`, `sheet`…) for extraction."""
    return text


# Each language's name in a sentence of another ("Write your entries in {language}."), translated
LANGUAGE_NAMES = {"en": N_("English"), "fr": N_("French"), "de": N_("German"), "pt": N_("Portuguese"),
                  "nl": N_("Dutch"), "hu": N_("Hungarian")}


def language(code: str | None) -> str:
    """One of LANGUAGES from what a workbook or a command line says ('FR', 'pt-PT', 'de_DE');
    English for anything else."""
    base = (code or "").strip().replace("_", "-").split("-")[0].casefold()
    return base if base in LANGUAGES else DEFAULT


@lru_cache(maxsize=len(LANGUAGES))
def translator(code: str = DEFAULT) -> gettext.NullTranslations:
    """The catalog of a language (`gettext`, `ngettext`, `pgettext`, `npgettext`); English is the
    texts as written."""
    lang = language(code)
    if lang == DEFAULT:
        return gettext.NullTranslations()
    folder = resources.files("competency_maps") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with folder.open("rb") as f:
        return gettext.GNUTranslations(f)


def choice_label(value: str, code: str = DEFAULT) -> str:
    """A dropdown value (a quadrant, a strategy, a style, a topic…) as a partner sees it."""
    return translator(code).pgettext("choice", value)


def labels_of(value: str) -> dict[str, str]:
    """A dropdown value's label in every language, by language."""
    return {lang: choice_label(value, lang) for lang in LANGUAGES}
