"""`build.py init DIR`: a new deliverable's inputs folder, ready to build at once.

Its files are `templates/init/` (shipped inside the package): a commented `deliverable.toml` whose
every value is a placeholder the coordinator replaces, and the Markdown texts it names. No workbook
and no project's own words: `new-workbook NAME --inputs DIR` makes the partners' workbooks from it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from competency_maps.console import Console
from competency_maps.errors import Location, ReportError
from competency_maps.publish.files import publish
from competency_maps.resources import TEMPLATES

INIT = TEMPLATES / "init"
DATE_PLACEHOLDER = "date = 2000-01-01"


def init_files(today: dt.date) -> list[tuple[str, bytes]]:
    """The folder's files, by name: the toml dated today."""
    files = []
    for path in sorted(INIT.iterdir()):
        if not path.is_file() or path.suffix not in (".toml", ".md"):
            continue
        data = path.read_bytes()
        if path.suffix == ".toml":
            data = data.replace(DATE_PLACEHOLDER.encode(), f"date = {today.isoformat()}".encode(), 1)
        files.append((path.name, data))
    return files


def init(folder: Path, *, console: Console, today: dt.date | None = None) -> int:
    """Write the files into `folder` (made if missing); nothing is written if any of them is there
    already (it may be a deliverable's own)."""
    files = [(folder / name, data) for name, data in init_files(today or dt.date.today())]
    if folder.exists() and not folder.is_dir():
        raise ReportError("init.not_folder", Location(str(folder)))
    taken = [str(p) for p, _ in files if p.exists() or p.is_symlink()]
    if taken:
        raise ReportError("init.exists", Location(", ".join(taken)))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ReportError("init.write_failed", Location(str(folder)), reason=e.strerror or str(e)) from None
    publish(files)
    console.say("console.init.wrote", folder=str(folder), count=len(files) - 1)
    console.say("console.init.next", folder=str(folder))
    return 0
