"""A new row of the version log in deliverable.toml, from `--log "…"` and the changes since the last
build: the coordinator's file is edited as a person would (tomlkit keeps its comments, order and
layout; only the rows of [version_log] gain a line), checked whole by config.py before it is written.
"""

from __future__ import annotations

import re
from pathlib import Path

import tomlkit

from competency_maps.inputs import config
from competency_maps.errors import ConfigError, Location
from competency_maps.inputs.files import CONFIG_NAME, check_regular_file, decode_text, read_limited

# Which column holds what, by the words of its heading ("Issue Date", "Rev. No.", "Author", "Change").
ROLES = (("date", ("date",)), ("version", ("rev", "version", "no")), ("author", ("author", "entity", "by")),
         ("change", ("change", "modification", "comment", "description")))


def _role(column: str) -> str:
    words = set(re.findall(r"[a-z]+", column.casefold()))
    return next((role for role, keys in ROLES if words & set(keys)), "")


def next_version(rows: list[tuple[str, ...]], column: int) -> str:
    """One more than the highest number in the column; the first row without one counts as 0."""
    numbers = [int(m.group(0)) for r in rows if column < len(r) for m in [re.search(r"\d+", r[column])] if m]
    return str(max(numbers, default=max(len(rows) - 1, 0)) + 1)


def new_row(d: config.Deliverable, text: str, summary: str) -> tuple[str, ...]:
    """The row, one cell per column of the toml's log: dated with the deliverable's date (the only
    date the tool writes), by its authors, the text followed by the per-cluster counts."""
    change = f"{text} ({summary})" if summary else text
    values = {"date": d.date.strftime("%d/%m/%Y"), "author": d.info.authors or d.project_acronym,
              "change": change}
    row = []
    for i, column in enumerate(d.version_log_columns):
        role = _role(column)
        row.append(next_version(d.version_log.rows, i) if role == "version" else values.pop(role, "") if role else "")
    if "change" in values:  # no column says so: the first column of no known kind, else the last
        free = [i for i, column in enumerate(d.version_log_columns) if not _role(column)]
        row[free[0] if free else -1] = change
    return tuple(row)


def with_row(inputs: Path, row: tuple[str, ...]) -> tuple[bytes, config.Deliverable]:
    """deliverable.toml's new text with `row` added to [version_log] rows, and the deliverable it
    gives; a ConfigError (nothing written) if config.py finds anything wrong with it."""
    path = inputs / CONFIG_NAME
    loc = Location(CONFIG_NAME)
    check_regular_file(path, loc)
    doc = tomlkit.parse(decode_text(read_limited(path, loc), loc))
    log = doc.get("version_log")
    if log is None:
        log = tomlkit.table()
        log["columns"] = list(config.VERSION_LOG_COLUMNS)
        doc["version_log"] = log
    if "rows" not in log:
        log["rows"] = tomlkit.array()
    rows = log["rows"]
    rows.append(list(row))
    if "\n" not in rows.as_string():  # one row per line, as [history] is written
        rows.multiline(True)
    text = tomlkit.dumps(doc)
    deliverable, issues = config.validate(inputs, text)
    if deliverable is None:
        first = next(i for i in issues if i.is_error)
        raise ConfigError("version_log.row.invalid", loc, issues=issues, reason=first.phrase(),
                          reason_hint=first.phrase("hint"))
    return text.encode("utf-8"), deliverable
