"""Fixtures of the self-check site's tests (imported by each test module: a conftest.py here would
shadow tests/conftest.py for the modules that import helpers from it): the site built once per
run (from the download cache) and the corpus, shared by xdist's workers (tests/once.py), the clients."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from competency_maps.site.build import write_site
from competency_maps.site.fetch import default_cache
from competency_maps.site.serve import server
from once import folder_for, once
from site_corpus import ROOT, make_corpus

PLAYWRIGHT = ROOT / "tools" / "site" / "node_modules" / "playwright-core"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def _missing(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is not installed; it is required on CI (tools/setup.sh --test installs it).")
    pytest.skip(f"{what} is not installed (tools/setup.sh --test installs it)")


def _site() -> Path:
    out = folder_for("site") / "site"
    write_site(out, ROOT / "inputs", cache=default_cache())
    return out


@pytest.fixture(scope="session")
def built_site() -> Path:
    """Read only: a test that changes a site builds its own."""
    return once("site", _site)


@pytest.fixture(scope="session")
def corpus() -> list[Path]:
    return once("corpus", lambda: make_corpus(folder_for("corpus")))


@pytest.fixture(scope="session")
def node(require_tool) -> str:
    return require_tool("node", "nodejs")


@pytest.fixture(scope="session")
def chromium(node) -> str:
    if not Path(CHROMIUM).is_file():
        _missing(f"Chromium ({CHROMIUM})")
    if not PLAYWRIGHT.is_dir():
        _missing("playwright-core (npm, tools/site)")
    return CHROMIUM


@pytest.fixture
def served(built_site) -> Iterator[str]:
    httpd = server(built_site, 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
