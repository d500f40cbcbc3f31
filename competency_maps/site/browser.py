"""What the self-check page runs in the partner's browser (inside Pyodide, in a Web Worker).

In: a workbook the partner dropped, written into Pyodide's memory file system, and the deliverable's
own files (deliverable.json, unpacked into a folder). Out: the same issues `build.py check --inputs`
gives for it (codes, cells, severities, words), as JSON for the page; the annotated copy's bytes;
and their chapter as the report's HTML template renders it, made fit for a sandboxed frame.

The checking is the command line's own code (gather.check_files, logos.attach_logos), unchanged:
only this glue is the browser's. It runs as well under CPython, where the parity tests compare it
with the command line. A `Session` holds the deliverable between checks (no module state).
The annotated copy's writer and the report's view are imported when first asked for, not before
the page is ready: every module costs the partner's browser its compilation on each visit.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from competency_maps import messages
from competency_maps.errors import Issue
from competency_maps.inputs import config
from competency_maps.inputs.gather import Gathered, PartnerStatus, check_files
from competency_maps.inputs.logos import attach_logos
from competency_maps.inputs.reader import ReadResult
from competency_maps.model.schema import build_schema
from competency_maps.site.deliverable import unpack

# Checks the browser makes differently from the command line, said on the page when they apply.
LIMIT_PICTURES = "site.limit.pictures"  # headers read, pixels not decoded (no Pillow in a browser)
LIMIT_PREVIEW = "site.limit.preview_pictures"


def pillow_available() -> bool:
    try:
        import PIL  # noqa: F401
    except ImportError:
        return False
    return True


def issue_record(i: Issue, language: str = "en") -> dict[str, Any]:
    """One issue as `check --format json` gives it: code, severity, place, words and parameters."""
    words = i.text(language)
    return {"code": i.code, "severity": i.severity.value, "file": i.location.file, "sheet": i.location.sheet,
            "cell": i.location.cell, "message": words.message, "hint": words.hint,
            "params": messages.jsonable(dict(i.params))}


class Session:
    """The deliverable's configuration, read once; then any number of workbooks checked against it."""

    def __init__(self, inputs: str | Path):
        self.inputs = Path(inputs)
        self.deliverable, self.config_issues = config.validate(self.inputs)
        if self.deliverable is None:  # the site is built only from a valid configuration
            raise ValueError("the deliverable's configuration in the site does not load")
        self.schema = build_schema(self.deliverable.topics, self.deliverable.theme_names)
        self._last: tuple[Path, ReadResult, list[Issue]] | None = None

    def issues(self, path: str | Path) -> tuple[ReadResult, list[Issue]]:
        """`check`'s issues for one workbook, in `check`'s order: its errors, warnings and
        information lines, then the errors of the cluster's logo in the deliverable's logos/."""
        path = Path(path)
        [res] = check_files([path], self.schema, self.deliverable.topics, topics_for=self.deliverable.topics_for,
                            steps=self.deliverable.chapter)
        found = res.errors + res.warnings + res.infos
        if res.cluster is not None:
            found += [i for i in attach_logos(self.inputs, [res.cluster]) if i.is_error]
        self._last = (path, res, found)
        return res, found

    def check(self, path: str, language: str = "en") -> str:
        path_ = Path(path)
        res, found = self.issues(path_)
        logo = res.cluster.profile.logo if res.cluster else None  # pasted, or from the logos/ folder
        raster = _has_pictures(path_) or (logo is not None and logo.format != "svg")
        limits = [LIMIT_PICTURES] if raster and not pillow_available() else []
        return json.dumps({
            "file": path_.name, "cluster": res.cluster.name if res.cluster else "",
            "issues": [issue_record(i, language) for i in found],
            "errors": sum(i.is_error for i in found),
            "warnings": sum(i.severity.value == "warning" for i in found),
            "limits": limits, "preview": res.cluster is not None and not res.errors,
        }, ensure_ascii=False)

    def annotated(self, out_dir: str) -> str:
        """The annotated copy of the workbook checked last, as `check --annotate` writes it; its path."""
        from competency_maps.xlsx.annotate import annotate
        path, _, found = self._require_last()
        return str(annotate(path, found, Path(out_dir), path.stem, self.schema))

    def preview(self, base_url: str) -> str:
        """The chapter of the workbook checked last, as `build.py proof` lays it out in the PDF, for
        a sandboxed frame whose files are under `base_url`."""
        from competency_maps.report.assemble import assemble_proof
        from competency_maps.site.preview import chapter_html
        path, res, found = self._require_last()
        if res.cluster is None or res.errors:
            raise ValueError("a workbook with errors has no preview")
        g = Gathered(self.deliverable, self.schema, [PartnerStatus(res.cluster.name, path, res.cluster, found)], [])
        return chapter_html(assemble_proof(g, res.cluster.name), base_url)

    def _require_last(self) -> tuple[Path, ReadResult, list[Issue]]:
        if self._last is None:
            raise ValueError("no workbook was checked yet")
        return self._last


def _has_pictures(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            return any(n.startswith("xl/media/") for n in z.namelist())
    except (zipfile.BadZipFile, OSError):
        return False


def unpack_deliverable(data: str, folder: str) -> str:
    """deliverable.json's files written into `folder` (in Pyodide's memory); the folder."""
    return str(unpack(json.loads(data), Path(folder)))


def temporary_folder() -> str:
    return tempfile.mkdtemp(prefix="check-")
