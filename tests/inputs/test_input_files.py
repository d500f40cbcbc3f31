"""Files named in deliverable.toml are read from inside the inputs folder only (input_files.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from competency_maps.errors import ConfigError
from competency_maps.inputs.files import decode_text, read_limited, resolve_input_file
from competency_maps.errors import Location


@pytest.fixture
def inputs(tmp_path) -> Path:
    d = tmp_path / "inputs"
    d.mkdir()
    (d / "funding.md").write_text("Funded.", encoding="utf-8")
    (d / "texts").mkdir()
    (d / "texts" / "abstract.md").write_text("Abstract.", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("SECRET", encoding="utf-8")
    return d


def _refused(inputs: Path, name, message: str, **kwargs) -> ConfigError:
    with pytest.raises(ConfigError, match=message) as e:
        resolve_input_file(inputs, name, "texts", "funding", **kwargs)
    assert str(e.value.as_issue()).startswith("ERROR deliverable.toml › texts › funding: ")
    return e.value


def test_a_name_or_a_path_inside_the_folder_is_found(inputs):
    assert resolve_input_file(inputs, "funding.md", "texts", "funding") == (inputs / "funding.md").resolve()
    assert resolve_input_file(inputs, "texts/abstract.md", "texts", "abstract").read_text() == "Abstract."


@pytest.mark.parametrize("name, message", [
    ("../secret.txt", "goes up out of the inputs folder"),
    ("texts/../../secret.txt", "goes up out of the inputs folder"),
    ("..\\secret.txt", "goes up out of the inputs folder"),
    ("/etc/passwd", "a path outside the inputs folder"),
    ("/dev/zero", "a path outside the inputs folder"),
    ("C:\\Windows\\win.ini", "a path outside the inputs folder"),
    ("\\\\server\\share\\x.md", "a path outside the inputs folder"),
    (".", "is a folder"),
    ("texts", "is a folder"),
    ("", "must be a file name"),
    (3, "must be a file name"),
    ("missing.md", "which is not in"),
])
def test_names_that_leave_the_folder_or_are_not_files_are_refused(inputs, name, message):
    _refused(inputs, name, message)


def test_a_link_to_a_file_outside_is_refused_one_inside_is_followed(inputs, tmp_path):
    (inputs / "out.md").symlink_to(tmp_path / "secret.txt")
    (inputs / "zero.md").symlink_to("/dev/zero")
    (inputs / "in.md").symlink_to(inputs / "funding.md")
    _refused(inputs, "out.md", "a link to a file outside")
    _refused(inputs, "zero.md", "a link to a file outside")
    assert resolve_input_file(inputs, "in.md", "texts", "funding").read_text() == "Funded."


def test_a_fifo_is_refused_without_being_opened(inputs):
    os.mkfifo(inputs / "pipe.md")  # opening it would wait for a writer forever
    _refused(inputs, "pipe.md", "not a regular file")


def test_sizes_and_suffixes_are_limited(inputs):
    (inputs / "big.md").write_bytes(b"x" * 2048)
    _refused(inputs, "big.md", "more than the 1 KB allowed", max_bytes=1024)
    _refused(inputs, "funding.md", r"not a \.png or \.svg file", suffixes=(".png", ".svg"))
    with pytest.raises(ConfigError, match="more than"):
        read_limited(inputs / "big.md", Location("big.md"), max_bytes=1024)


def test_text_is_utf8_with_or_without_a_bom_else_the_line_is_named():
    assert decode_text("\ufeffcafé".encode("utf-8"), Location("a.md")) == "café"
    with pytest.raises(ConfigError, match="not UTF-8 text \\(byte 0xe9 on line 2\\)") as e:
        decode_text("one\ncafé".encode("latin-1"), Location("a.md"))
    assert e.value.location.file == "a.md"
