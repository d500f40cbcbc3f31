"""The installed tool works outside the checkout: a wheel built from a copy of the project, installed
into a new virtualenv, builds the sample from `/` with the templates and fonts it carries, and
writes the same report, byte for byte, as the checkout's code makes (the run's shared sample, tests/reports.py).

To stay fast and offline-friendly the wheel is built with the setuptools installed for the tests
(the `test` extra) when it meets pyproject.toml's build requirement, and the new virtualenv gets the
project from the wheel only (`--no-deps`) and sees the dependencies installed for the tests through
a .pth file.
"""

from __future__ import annotations

import pytest
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.requirements import Requirement
from reports import sample_docx_pdf_numbers, sample_pdf

pytestmark = pytest.mark.slow  # builds reports or drives a real client

ROOT = Path(__file__).resolve().parent.parent
STEM = "D2.1-clusters-competency-maps"
# Left out of the copy the wheel is built from: never part of the package, and possibly large.
NOT_COPIED = {".git", ".venv", "output", "build", "dist", ".pytest_cache", ".hypothesis"}


def _run(cmd: list[str], **kwargs) -> str:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kwargs)
    assert proc.returncode == 0, (
        f"{' '.join(map(str, cmd))} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


def _ignore(directory: str, names: list[str]) -> set[str]:
    top = Path(directory) == ROOT
    return {n for n in names if (top and n in NOT_COPIED) or n == "__pycache__" or n.endswith(".egg-info")}


def _build_isolation() -> list[str]:
    """`--no-build-isolation` when this environment has what the build-system requires (no network
    needed, 2 s faster), else nothing: pip then fetches it, as for any user."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for requirement in map(Requirement, pyproject["build-system"]["requires"]):
        try:
            if not requirement.specifier.contains(version(requirement.name), prereleases=True):
                return []
        except PackageNotFoundError:
            return []
    return ["--no-build-isolation"]


def _outputs(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_the_installed_tool_builds_the_sample_from_anywhere(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=_ignore)
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", *_build_isolation(),
          "-w", str(tmp_path / "dist"), str(source)], env=env)
    (wheel,) = (tmp_path / "dist").glob("competency_maps-*.whl")

    # Every file of templates/ (fonts included) is package data in the wheel.
    shipped = set(zipfile.ZipFile(wheel).namelist())
    needed = {f"competency_maps/templates/{p.relative_to(ROOT / 'templates').as_posix()}"
              for p in (ROOT / "templates").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    assert {"competency_maps/templates/report.html.j2",
            "competency_maps/templates/fonts/Carlito-Regular.ttf"} <= needed
    assert needed <= shipped, sorted(needed - shipped)
    # and the compiled catalogs of the partners' languages
    catalogs = {f"competency_maps/locale/{lang}/LC_MESSAGES/competency_maps.mo"
                for lang in ("fr", "de", "pt", "nl", "hu")}
    assert catalogs <= shipped, sorted(catalogs - shipped)

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], env=env)
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
          "--no-compile", str(wheel)], env=env)
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                     env=env).strip())
    deps = dict.fromkeys(sysconfig.get_path(k) for k in ("purelib", "platlib"))
    (site / "test-dependencies.pth").write_text("".join(f"{d}\n" for d in deps))

    # From `/`, the new virtualenv imports its own copy of the tool, which finds its own templates.
    where = _run([str(python), "-c", "import competency_maps.resources as r; "
                  "print(r.__file__); print(r.TEMPLATES)"], cwd="/", env=env).split("\n")
    assert Path(where[0]).is_relative_to(site), where
    assert Path(where[1]) == site / "competency_maps" / "templates", where
    said = _run([str(python), "-c", "from competency_maps.i18n import choice_label; "
                 "print(choice_label('Strength', 'fr'), choice_label('Strength', 'hu'))"], cwd="/", env=env)
    assert said.split() == ["Force", "Erősség"], said  # the installed tool speaks the partners' languages

    out = tmp_path / "out"
    default = {k: v for k, v in env.items() if k != "COMPETENCY_MAPS_JOBS"}  # as a coordinator runs it
    _run([str(venv / "bin" / "competency-maps"), "--inputs", str(ROOT / "inputs"),
          "--output", str(out)], cwd="/", env=default)

    built = _outputs(out)
    assert sorted(built) == sorted([f"{STEM}.docx", f"{STEM}.pdf", f"{STEM}-synthesis-review.xlsx",
                                    f"{STEM}.snapshot.json"])
    # the templates, fonts and reference document it carries make the checkout's very report
    assert built[f"{STEM}.pdf"] == sample_pdf().data, "the PDF differs from the checkout's"
    assert built[f"{STEM}.docx"] == sample_docx_pdf_numbers(), "the Word file differs from the checkout's"
