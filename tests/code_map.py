"""The README's map of the code, made from the docstrings of the packages and modules.

The map in README.md (between the `code-map` comments) must equal what this makes; test_docs.py
checks it. After adding, moving or redocumenting a module, refresh it:

    .venv/bin/python tests/code_map.py
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "competency_maps"
README = ROOT / "README.md"
START, END = "<!-- code-map: made by tests/code_map.py -->", "<!-- /code-map -->"


def _summary(path: Path) -> str:
    """The first sentence or line of a module's docstring, on one line."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    first = doc.strip().split("\n\n")[0]
    return " ".join(first.split()).replace("|", "\\|")


def _io(path: Path) -> str:
    """A package's `In: … Out: …` lines, on one line."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    paragraph = next((p for p in doc.split("\n\n") if re.match(r"\s*In: ", p)), "")
    parts = re.split(r"\b(In|Out): ", " ".join(paragraph.split()))[1:]
    return " ".join(f"**{k}:** {v.strip()}" for k, v in zip(parts[::2], parts[1::2])).replace("|", "\\|")


def code_map() -> str:
    rows = ["| package / module | what it holds |", "|---|---|"]
    for init in sorted(PACKAGE.rglob("__init__.py"), key=lambda p: p.parent.relative_to(PACKAGE).parts):
        pkg = init.parent
        if "templates" in pkg.relative_to(PACKAGE).parts:
            continue
        name = pkg.relative_to(ROOT).as_posix() + "/"
        io = _io(init)
        rows.append(f"| **`{name}`** | {_summary(init)}{' ' + io if io else ''} |")
        for mod in sorted(pkg.glob("*.py")):
            if mod.name != "__init__.py":
                rows.append(f"| `{mod.relative_to(pkg).as_posix()}` | {_summary(mod)} |")
    return "\n".join(rows)


def readme_with_map(text: str) -> str:
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n{code_map()}\n{END}{after}"


if __name__ == "__main__":
    text = README.read_text(encoding="utf-8")
    new = readme_with_map(text)
    if new != text:
        README.write_text(new, encoding="utf-8")
        print("README.md: the map of the code refreshed")
    sys.exit(0)
