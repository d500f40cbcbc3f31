"""Where the templates and fonts are: `templates/` beside the package in a checkout, or the copy
installed inside the package (`pip install .`), so the tool works from any directory."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def templates_dir() -> Path:
    for candidate in (_PACKAGE.parent / "templates", _PACKAGE / "templates"):
        if (candidate / "report.html.j2").is_file():
            return candidate
    raise FileNotFoundError(f"the templates folder is missing beside or inside {_PACKAGE}")


TEMPLATES = templates_dir()
