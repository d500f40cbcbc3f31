"""Languages as Word writes them: with a region (`de-DE`, not `de`), and right to left for the
scripts that run so (a note in Hebrew or Arabic: `w:bidi`, `w:rtl`, `w:lang w:bidi`)."""

from __future__ import annotations

# The region Word gives a language when none is named: the country where it is first spoken.
# English is British here: the deliverable is European (the tool's words pass en_GB and en_US).
REGIONS = {
    "ar": "ar-SA", "bg": "bg-BG", "ca": "ca-ES", "cs": "cs-CZ", "da": "da-DK", "de": "de-DE", "el": "el-GR",
    "en": "en-GB", "es": "es-ES", "et": "et-EE", "eu": "eu-ES", "fa": "fa-IR", "fi": "fi-FI", "fr": "fr-FR",
    "ga": "ga-IE", "he": "he-IL", "hr": "hr-HR", "hu": "hu-HU", "it": "it-IT", "ja": "ja-JP", "lt": "lt-LT",
    "lv": "lv-LV", "mt": "mt-MT", "nl": "nl-NL", "no": "nb-NO", "pl": "pl-PL", "pt": "pt-PT", "ro": "ro-RO",
    "ru": "ru-RU", "sk": "sk-SK", "sl": "sl-SI", "sr": "sr-Latn-RS", "sv": "sv-SE", "tr": "tr-TR",
    "uk": "uk-UA", "ur": "ur-PK", "yi": "yi-001", "zh": "zh-CN",
}
RIGHT_TO_LEFT = frozenset({"ar", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"})


def word_language(code: str) -> str:
    """`de` -> `de-DE`; a code with a region (or unknown) as given."""
    if not code or "-" in code:
        return code
    return REGIONS.get(code.casefold(), code)


def bidi(code: str) -> bool:
    return code.split("-")[0].casefold() in RIGHT_TO_LEFT
