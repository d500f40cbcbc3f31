"""The validated model as plain JSON data, and back: the one format of the export (`export --format
json`), of the snapshot a build keeps beside its outputs, and of the source of a pre-filled workbook.

Rich text is stored exactly, as spans (`{"text", "bold", "italic", "url"}`, false and empty ones left
out); the plain text and a Markdown rendering sit beside it for readers of the file, and are never
read back. The shape is `export.schema.json`, shipped in the package; `load` checks a file against it
so that a broken or hand-edited file is a message naming the file and the place, never a traceback.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
from jsonschema.exceptions import best_match

from competency_maps.dataset.jsonfile import DatasetError, read_json
from competency_maps.errors import Location
from competency_maps.model.cluster import Cluster, Note, Profile, SwotEntry, TowsEntry
from competency_maps.model.richtext import Block, BlockKind, Span, Text, plain
from competency_maps.model.schema import name_key

if TYPE_CHECKING:
    from competency_maps.inputs.config import Deliverable

FORMAT = "competency-maps"
VERSION = 1  # raise it when a field changes meaning; a newer file is refused by an older tool
SCHEMA_FILE = "export.schema.json"
PROFILE_ATTRS = ("short_name", "full_name", "country", "founded", "members", "smes", "website", "about")


# --- rich text ----------------------------------------------------------------------------------

# ASCII punctuation that means something in inline CommonMark; a backslash makes it literal.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>~|])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What would start a block at the start of a line: a heading, quote, list item or underline.
_LINE_START = re.compile(r"^([ \t]*)(?:([#>+=-])|(\d+)([.)]))", re.M)


def _escape(s: str) -> str:
    s = _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", s))
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(2)
                           else f"{m.group(1)}{m.group(3)}\\{m.group(4)}", s)


def to_markdown(text: Text) -> str:
    """CommonMark for people and dashboards: **bold**, *italic*, [text](url), a line break as a
    backslash at the end of the line. Spaces at a span's edges go outside its markers. The exact
    text is the spans; this is its faithful reading for ordinary text (a styled span glued to
    punctuation and a word on each side may show its asterisks)."""
    out = []
    for s in text:
        body = s.text
        lead = body[:len(body) - len(body.lstrip(" "))]
        core = body.strip(" ")
        trail = body[len(lead) + len(core):] if core else ""
        if not core:
            out.append(_breaks(_escape(body)))
            continue
        md = _breaks(_escape(core))
        marker = "***" if s.bold and s.italic else "**" if s.bold else "*" if s.italic else ""
        if marker:
            md = f"{marker}{md}{marker}"
        if s.url:
            md = f"[{md}]({s.url.replace(')', '%29').replace(' ', '%20')})"
        out.append(lead + md + trail)
    return "".join(out)


def _breaks(s: str) -> str:
    return s.replace("\n", "\\\n")


def _spans(text: Text) -> list[dict]:
    out = []
    for s in text:
        d: dict[str, Any] = {"text": s.text}
        if s.bold:
            d["bold"] = True
        if s.italic:
            d["italic"] = True
        if s.url:
            d["url"] = s.url
        out.append(d)
    return out


def _text(spans: Iterable[dict]) -> Text:
    return tuple(Span(d["text"], d.get("bold", False), d.get("italic", False), d.get("url", ""))
                 for d in spans)


def rich(text: Text, readings: bool = True) -> dict:
    """A rich text as the export shows it: the exact spans, and (`readings`) plain and Markdown."""
    if not readings:
        return {"spans": _spans(text)}
    return {"text": plain(text), "markdown": to_markdown(text), "spans": _spans(text)}


# --- blocks, notes, profiles --------------------------------------------------------------------


def style_name(kind: BlockKind) -> str:
    """As the workbook's Style column names it (Heading, Bullet...)."""
    return kind.value.capitalize()


_KINDS = {style_name(k): k for k in BlockKind}


def _block(b: Block, readings: bool) -> dict:
    d = {"style": style_name(b.kind), **rich(b.text, readings)}
    if b.number:
        d["number"] = b.number
    if b.rows:
        d["rows"] = [[_spans(cell) for cell in row] for row in b.rows]
    return d


def _block_back(d: dict) -> Block:
    rows = tuple(tuple(_text(cell) for cell in row) for row in d.get("rows", ()))
    return Block(_KINDS[d["style"]], _text(d["spans"]), d.get("number", 0), rows=rows)


def _profile(p: Profile, readings: bool) -> dict:
    """The partner's fields only (a logo comes from the inputs folder, not from a workbook)."""
    d = {a: getattr(p, a) for a in PROFILE_ATTRS}
    d["about"] = rich(p.about, readings)
    return d


def _profile_back(d: dict) -> Profile:
    values = {a: d[a] for a in PROFILE_ATTRS if a in d}
    values["about"] = _text(d["about"]["spans"]) if "about" in d else ()
    return Profile(**values)


def _note(n: Note, readings: bool) -> dict:
    return {"label": n.label, "language": n.language, "blocks": [_block(b, readings) for b in n.blocks]}


# --- the whole dataset --------------------------------------------------------------------------


def to_data(clusters: list[Cluster], deliverable: Deliverable | None = None,
            themes_of: Callable[[SwotEntry], Iterable[str]] | None = None, readings: bool = True) -> dict:
    """The clusters, in report order, as JSON-ready data. `themes_of(entry)`: the synthesis' themes
    of a SWOT entry (the partner's choice, else its keywords'). Without `readings` (a snapshot, kept
    only to be compared), the plain and Markdown texts and the themes are left out: half the size."""
    swot, tows = [], []
    for c in clusters:
        for n, e in enumerate(c.swot, start=1):
            r = {"cluster": c.name, "order": n, "topic": e.topic, "quadrant": e.quadrant, "group": e.group,
                 "theme": e.theme, **rich(e.text, readings)}
            if readings:
                r["themes"] = list(themes_of(e)) if themes_of else ([e.theme] if e.theme else [])
            swot.append(r)
        for n, t in enumerate(c.tows, start=1):
            tows.append({"cluster": c.name, "order": n, "topic": t.topic, "strategy": t.strategy,
                         "format": t.format, **rich(t.text, readings)})
    data: dict[str, Any] = {
        "format": FORMAT, "version": VERSION,
        "clusters": [{"name": c.name, "profile": _profile(c.profile, readings),
                      "step1": [_block(b, readings) for b in c.step1],
                      "step2_notes": [_note(n, readings) for n in c.step2_notes]} for c in clusters],
        "swot": swot, "tows": tows}
    if deliverable is not None:
        data["deliverable"] = {"number": deliverable.number, "title": deliverable.title,
                               "language": deliverable.language, "date": deliverable.date.isoformat()}
        data["topics"] = list(deliverable.topics)
    return data


def dumps(data: dict) -> bytes:
    """Sorted keys, one indentation, UTF-8 as written (accents stay readable): same data, same bytes."""
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def clusters_of(data: dict) -> list[Cluster]:
    """The model back from data that `check` accepted."""
    by_name: dict[str, Cluster] = {}
    for d in data["clusters"]:
        by_name[d["name"]] = Cluster(_profile_back(d["profile"]), [_block_back(b) for b in d["step1"]],
                                     step2_notes=[Note(n["label"], tuple(_block_back(b) for b in n["blocks"]),
                                                       n["language"]) for n in d["step2_notes"]])
    for r in sorted(data["swot"], key=lambda r: r["order"]):
        by_name[r["cluster"]].swot.append(SwotEntry(r["topic"], r["quadrant"], r["group"], _text(r["spans"]),
                                                    theme=r["theme"]))
    for r in sorted(data["tows"], key=lambda r: r["order"]):
        by_name[r["cluster"]].tows.append(TowsEntry(r["topic"], r["strategy"], r["format"], _text(r["spans"])))
    return list(by_name.values())


# --- reading a file back ------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def json_schema() -> dict:
    """The shipped JSON Schema of the export (package data)."""
    return json.loads(resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _validator():
    return jsonschema.Draft202012Validator(json_schema())


MAX_BYTES = 64 * 2**20  # a 100-cluster export is some 20 MB
MAX_PROBLEM = 160  # characters of jsonschema's own words (it quotes whole objects)


def _at(where: Location, path: Iterable) -> Location:
    """The place in the file, as a JSON path (swot[3].quadrant), where a cell would be."""
    shown = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    return Location(where.file, "", shown)


def cluster_key(name: str) -> str:
    """Two clusters of one file must differ by this: the name folded as the reader folds it (a
    name of punctuation only, which folds to nothing, as it is)."""
    return name_key(name) or name


def check(data: Any, where: Location) -> None:
    """A DatasetError saying what is wrong, and where in the file, unless the data fits the schema,
    its records name clusters that it holds and no cluster is listed twice (names folded as the
    reader folds them: "Zone-Cluster" and "Zone Cluster" are one)."""
    if isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("version"), int) \
            and data["version"] > VERSION:
        raise DatasetError("dataset.newer", _at(where, ["version"]), found=data["version"], supported=VERSION)
    error = best_match(_validator().iter_errors(data))
    if error is not None:
        problem = error.message if len(error.message) <= MAX_PROBLEM else error.message[:MAX_PROBLEM] + "…"
        raise DatasetError("dataset.schema", _at(where, error.absolute_path), problem=problem)
    first: dict[str, int] = {}
    for n, c in enumerate(data["clusters"]):
        k = cluster_key(c["name"])
        if k in first:
            raise DatasetError("dataset.duplicate_cluster", _at(where, ["clusters", n, "name"]),
                               name=repr(c["name"]), first=_at(where, ["clusters", first[k], "name"]).cell)
        first[k] = n
    names = {c["name"] for c in data["clusters"]}
    for part in ("swot", "tows"):
        for n, r in enumerate(data[part]):
            if r["cluster"] not in names:
                raise DatasetError("dataset.unknown_cluster", _at(where, [part, n, "cluster"]),
                                   name=repr(r["cluster"]))


def load(path: Path) -> list[Cluster]:
    """The clusters of a JSON export or snapshot, checked whole against the schema; a DatasetError
    naming the file, and the place in it, if it cannot be read back."""
    where = Location(str(path))
    data = read_json(path, MAX_BYTES)
    check(data, where)
    return clusters_of(data)
