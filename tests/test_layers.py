"""The stages keep to their lanes (README, "How it is built"): an `ast` walk over competency_maps/
that fails when a stage imports what it must not, and the `check` command's promise to stay light.

`inputs` (untrusted files → model) knows nothing of the report, the renderers or the workbooks the
tool writes; `report` (the view) nothing of the inputs, the renderers, Excel or Word; `render` (view →
bytes) only the view and what the view is made of. `check` loads no renderer and runs without lxml
and Pillow, as it must inside a browser later.
"""

from __future__ import annotations

import ast
import functools
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from openpyxl import Workbook
from conftest import typed

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "competency_maps"
INPUTS = ROOT / "inputs"
SAMPLES = sorted(INPUTS.glob("*.xlsx"))

OURS = "competency_maps"
RENDERERS = ("weasyprint", "docx", "docxtpl", "cairosvg", "jinja2")

# stage -> the imports it must not make (prefixes of dotted names: a package and all under it)
FORBIDDEN = {
    "report": (f"{OURS}.inputs", f"{OURS}.render", f"{OURS}.xlsx", "openpyxl", "docx", "docxtpl", "PIL"),
    "inputs": (f"{OURS}.report", f"{OURS}.render", f"{OURS}.xlsx"),
}
# stage -> the only modules of ours it may import (besides itself)
ALLOWED = {
    "render": (f"{OURS}.report", f"{OURS}.model", f"{OURS}.labels", f"{OURS}.errors", f"{OURS}.messages",
               f"{OURS}.resources", f"{OURS}.signals"),
}

# TRANSITIONAL (issue 22): what branch `config` removes from report/ and inputs/config.py while this
# test lands; the lead empties this list after merging it. (module, import)
KNOWN = {
    ("competency_maps.report.figures", "PIL"),  # the heat map's PNG for Word, drawn in report/
}


def module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(path: Path, package: Path) -> set[str]:
    """Every module `path` imports, anywhere in it (functions and `if TYPE_CHECKING:` included):
    `from a.b import c` counts as a.b and as a.b.c, as c may be a module."""
    me = module_name(path, package)
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the module's own package
                here = me.split(".") if path.name == "__init__.py" else me.split(".")[:-1]
                base = ".".join(here[:len(here) - node.level + 1] + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return names


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@functools.cache
def violations(package: Path = PACKAGE) -> frozenset[tuple[str, str]]:
    """(module, import) for every import that crosses a stage's boundary."""
    found = set()
    for path in sorted(package.rglob("*.py")):
        me = module_name(path, package)
        parts = me.split(".")
        if len(parts) < 2:
            continue
        stage, own = parts[1], f"{parts[0]}.{parts[1]}"
        for name in imported(path, package):
            if any(_under(name, bad) for bad in FORBIDDEN.get(stage, ())):
                found.add((me, name))
            if stage in ALLOWED and _under(name, OURS) and name != OURS and not _under(name, own) \
                    and not any(_under(name, ok) for ok in ALLOWED[stage]):
                found.add((me, name))
    # `from a.b import c` counts twice (a.b, a.b.c): the broader name stands for both
    return frozenset((m, n) for m, n in found if not any(m2 == m and n != i and _under(n, i) for m2, i in found))


def test_no_stage_imports_what_it_must_not():
    assert violations() - KNOWN == set()


def test_the_known_violations_are_still_there():
    """When branch `config` has removed one, it leaves this list too (else the list hides nothing)."""
    assert KNOWN <= violations()


def test_a_bad_import_fails_the_walk(tmp_path):
    """The test of the test: a copy of the package with one import each stage must not make."""
    copy = tmp_path / OURS
    for path in PACKAGE.rglob("*.py"):
        target = copy / path.relative_to(PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    bad = {"report/bad.py": "from openpyxl import Workbook\n",
           "inputs/bad.py": "def f():\n    from ..render.pdf import process\n",
           "render/bad.py": "import competency_maps.inputs.gather\n",
           "render/docx/bad.py": "from competency_maps.xlsx import blank\n"}
    for rel, text in bad.items():
        (copy / rel).write_text(text, encoding="utf-8")
    assert violations(copy) - violations() == {
        ("competency_maps.report.bad", "openpyxl"),
        ("competency_maps.inputs.bad", "competency_maps.render.pdf"),
        ("competency_maps.render.bad", "competency_maps.inputs.gather"),
        ("competency_maps.render.docx.bad", "competency_maps.xlsx"),
    }


# --- `check` stays light ------------------------------------------------------------------------

LIGHT_RUN = """
import json, sys
for name in sys.argv[1].split(","):
    if name:
        sys.modules[name] = None  # `import name` now fails, as where it cannot be installed
from competency_maps.cli import main
code = main(sys.argv[2:])
loaded = sorted(m for m, mod in sys.modules.items() if mod is not None)
print(json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""


def run_check(args: list, blocked: tuple[str, ...] = ()) -> tuple[int, dict, list[str]]:
    """`build.py check --format json ARGS` in a fresh process: exit code, its JSON, modules loaded."""
    proc = subprocess.run([sys.executable, "-c", LIGHT_RUN, ",".join(blocked), "--inputs", str(INPUTS),
                           "check", "--format", "json", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    tail = json.loads(proc.stderr.strip().splitlines()[-1])
    assert tail["code"] == proc.returncode or proc.returncode == 0, proc.stderr
    return tail["code"], json.loads(proc.stdout), tail["loaded"]


def _issues(document: dict) -> list[tuple]:
    return [(f["file"], f["cluster"], i["code"], i["sheet"], i["cell"], json.dumps(i["params"], sort_keys=True))
            for f in document["files"] for i in f["issues"]] + \
           [("", None, i["code"], i["sheet"], i["cell"], json.dumps(i["params"], sort_keys=True))
            for i in document["issues"]]


@pytest.mark.slow  # four processes of their own: the quick loop stays quick
@pytest.mark.parametrize("which", ["sample", "broken"])
def test_check_loads_no_renderer_and_needs_neither_lxml_nor_pillow(which, tmp_path, make_workbook):
    if which == "sample":
        files = [p for p in SAMPLES if p.name != "synthesis-review.xlsx"]
    else:
        other = tmp_path / "budget.xlsx"  # a workbook of the wrong kind: every sheet missing
        wb = Workbook()
        wb.active.title = "Budget"
        wb.save(other)
        files = [make_workbook(tmp_path, edit=typed({"SWOT!B2": "Stength", "SWOT!F3": "a note"})), other,
                 INPUTS / "synthesis-review.xlsx"]  # the tool's own: checked as a review
    code, normal, loaded = run_check(files)
    light_code, light, light_loaded = run_check(files, blocked=("lxml", "PIL"))
    assert not [m for m in loaded if m.split(".")[0] in RENDERERS]
    assert not [m for m in loaded if _under(m, f"{OURS}.report") or _under(m, f"{OURS}.render.docx")
                or _under(m, f"{OURS}.render.pdf.render")]
    assert (light_code, _issues(light)) == (code, _issues(normal))
    assert not [m for m in light_loaded if m.split(".")[0] in ("lxml", "PIL")]
    if which == "sample":
        assert code == 0 and len(normal["files"]) == len(files) and all(f["cluster"] for f in normal["files"])
    else:
        assert code == 1
        first = normal["files"][0]
        assert first["errors"] >= 1 and first["warnings"] >= 1
        assert {i["sheet"] for i in normal["files"][1]["issues"]} >= {"Cluster", "SWOT", "TOWS"}
        assert normal["files"][2]["tool_file"] == "synthesis review" and not normal["files"][2]["errors"]


def test_every_package_is_installed():
    """A new stage package must be listed in pyproject.toml, or the installed tool cannot import it
    (test_install finds it too, but only in the slow run)."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    packages = {module_name(init, PACKAGE) for init in PACKAGE.rglob("__init__.py")
                if "templates" not in init.relative_to(PACKAGE).parts}
    assert packages <= listed, packages - listed
