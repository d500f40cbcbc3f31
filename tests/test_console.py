"""What the tool prints survives any terminal: an encoding that lacks a character, a closed pipe."""

from __future__ import annotations

import pytest
import io
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from competency_maps.cli import main
from competency_maps.console import Console, issue_record
from competency_maps import messages
from competency_maps.errors import Location, issue
from competency_maps.messages import Phrase

ROOT = Path(__file__).resolve().parent.parent


def _cp1252() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="cp1252", newline="\n")


def test_a_character_the_terminal_lacks_is_replaced_not_fatal():
    out = _cp1252()
    err = _cp1252()
    console = Console(out, err, progress=True)
    console.print("Łódź Automotive ✓")
    console.progress("console.progress.reading", folder="Łódź")
    out.flush()
    err.flush()
    assert out.buffer.getvalue().decode("cp1252") == "?ód? Automotive ?\n"
    assert err.buffer.getvalue().decode("cp1252") == "  … " + messages.render(
        "console.progress.reading", {"folder": "?ód?"}).message + "\n"


def test_check_of_a_cluster_named_lodz_on_a_cp1252_console(tmp_path, make_workbook, sample_cluster):
    """Windows with the output redirected: cp1252. Both `check` and the build used to exit 3."""
    cluster = replace(sample_cluster, profile=replace(sample_cluster.profile, short_name="Łódź Automotive"))
    path = make_workbook(tmp_path, cluster, name="lodz.xlsx")
    out = _cp1252()
    code = main(["check", str(path), "--inputs", str(ROOT / "inputs")], Console(out, _cp1252(), progress=False))
    out.flush()
    text = out.buffer.getvalue().decode("cp1252")
    assert code == 0, text
    head = messages.render("console.check.file", {"file": "lodz.xlsx", "cluster": "?ód? Automotive",
                                                  "errors": Phrase("console.count.ok", {}),
                                                  "warnings": Phrase("console.count.warnings", {"count": 0})})
    assert head.message in text


@pytest.mark.slow
def test_a_reader_that_goes_away_ends_no_traceback(tmp_path, make_workbook):
    """`build.py check … | head -1`: the pipe closes before the tool has written everything."""
    path = make_workbook(tmp_path)
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "check", str(path), str(path),
                             "--inputs", str(ROOT / "inputs")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    proc.stdout.close()  # the reader is gone before the first line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert "BrokenPipeError" not in err and "Traceback" not in err and "Exception ignored" not in err, err


def test_broken_pipe_while_printing_silences_the_rest(tmp_path):
    class Closed(io.StringIO):
        def write(self, s):
            raise BrokenPipeError(32, "Broken pipe")

    console = Console(Closed(), io.StringIO(), progress=False)
    console.print("one")
    console.print("two")  # nowhere, and no exception
    console.flush()


def test_json_reaches_a_cp1252_console_whole():
    """A program reads the JSON: every character a partner typed arrives, escaped, never as "?"."""
    out = _cp1252()
    found = issue("output.busy", Location("Łódź ✓", "SWOT", "B2"))
    Console(out, _cp1252(), progress=False).json({"issues": [issue_record(found)]})
    out.flush()
    [record] = json.loads(out.buffer.getvalue().decode("cp1252"))["issues"]
    assert (record["code"], record["file"], record["sheet"], record["cell"]) == ("output.busy", "Łódź ✓", "SWOT", "B2")
    assert (record["severity"], record["params"]) == ("error", {})
    assert record["message"] == found.message and record["hint"] == found.hint


def test_an_issue_record_gives_lists_for_a_programs_params():
    found = issue("output.not_put_back", Location("out"), names=["a.docx", "b.pdf"])
    assert issue_record(found)["params"] == {"names": ["a.docx", "b.pdf"]}
