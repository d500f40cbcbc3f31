"""How weasyprint is run: two adjustments, each measured with bench/benchmark.py, neither of
which changes a byte of the PDF (tests/test_weasyprint_tuning.py checks that).

The render is single-threaded, so changing process-wide state for its duration is safe; both are
undone afterwards, for the tests and anything else running in the same process.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

import pydyf


@contextlib.contextmanager
def few_gc_pauses() -> Iterator[None]:
    """Layout allocates millions of short-lived objects, and the cyclic collector rescans the
    growing heap each time: a sixth of the render time of the sample. The objects alive now are set
    aside and the collector runs rarely; reference counting still frees almost everything, so peak
    memory stays the same."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 50, 1_000)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


@contextlib.contextmanager
def page_references_cached() -> Iterator[None]:
    """pydyf 0.13 rebuilds the list of all page references each time weasyprint asks for one,
    and the PDF/UA tags ask once per tagged element: pages x elements, 7 of the 55 s of a
    100-cluster PDF. Pages are only ever appended, so the list is kept until their number changes.
    If pydyf stops defining it as a property, it is left alone."""
    original = pydyf.PDF.__dict__.get("page_references")
    if not isinstance(original, property) or original.fget is None:
        yield
        return
    build = original.fget

    def page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
        count = len(pdf.pages["Kids"])
        cached = pdf.__dict__.get("_cached_page_references")
        if cached is None or cached[0] != count:
            cached = (count, build(pdf))
            pdf.__dict__["_cached_page_references"] = cached
        return cached[1]

    pydyf.PDF.page_references = property(page_references)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original
