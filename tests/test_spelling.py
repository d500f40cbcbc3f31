"""No word that the tool itself writes is misspelled (en_US or en_GB), in either output: headings,
labels, captions and the headings of generated tables. Words typed by partners or the coordinator
(anything in inputs/) are theirs and not judged."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from competency_maps.labels import DEFAULT_CAPTIONS, DEFAULT_HEADINGS, DEFAULT_LABELS, QUADRANT_PLURALS
from parity import docx_blocks, pdf_blocks
from reports import INPUTS, model_texts, sample_docx, sample_gathered, sample_pdf

pytestmark = pytest.mark.slow  # builds reports or drives a real client

WORD_LISTS = [Path("/usr/share/dict/american-english"), Path("/usr/share/dict/british-english")]
# Acronyms and words of the trade that the word lists lack (each in Merriam-Webster or the EU's usage).
KNOWN = {"swot", "tows", "esca", "ist", "smes", "eu", "deliverable", "benchmarking", "complementarity",
         "complementarities", "pairings"}


@pytest.fixture(scope="module")
def dictionary() -> set[str]:
    missing = [str(p) for p in WORD_LISTS if not p.exists()]
    if missing:
        msg = f"word lists missing: {', '.join(missing)} (Debian packages wamerican, wbritish; tools/setup.sh --test)"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    return {w.strip().lower() for p in WORD_LISTS for w in p.read_text(encoding="utf-8").splitlines()} | KNOWN


def words(text: str) -> set[str]:
    return {w.lower().strip("'") for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text.replace("’", "'"))}


def _known(word: str, dictionary: set[str]) -> bool:
    return word in dictionary or all(part in dictionary for part in re.split(r"[-']", word) if part) or (
        word.endswith("'s") and word[:-2] in dictionary)


def test_every_label_default_is_spelled_right(dictionary):
    texts = [*DEFAULT_LABELS.values(), *DEFAULT_HEADINGS.values(), *DEFAULT_CAPTIONS.values(),
             *QUADRANT_PLURALS.values(), *QUADRANT_PLURALS]
    wrong = sorted(w for t in texts for w in words(re.sub(r"\{\w+\}", " ", t)) if not _known(w, dictionary))
    assert not wrong, wrong


def test_no_word_the_tool_wrote_in_either_output_is_misspelled(dictionary):
    typed = set()
    for _, text in model_texts(sample_gathered()):
        typed |= words(text)
    for f in INPUTS.iterdir():
        if f.suffix in (".toml", ".md"):
            typed |= words(f.read_text(encoding="utf-8"))
    for name, blocks in (("DOCX", docx_blocks(sample_docx())), ("PDF", pdf_blocks(sample_pdf().data))):
        ours = {w for b in blocks for w in words(b)} - typed
        wrong = sorted(w for w in ours if not _known(w, dictionary))
        assert not wrong, f"{name}: {wrong}"


def test_the_check_finds_a_misspelling(dictionary):
    assert not _known("weaknesss", dictionary) and not _known("opportunitys", dictionary)
    assert _known("organisation", dictionary) and _known("organization", dictionary)
