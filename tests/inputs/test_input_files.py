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


def _refused(inputs: Path, name, code: str, **kwargs) -> ConfigError:
    with pytest.raises(ConfigError) as e:
        resolve_input_file(inputs, name, "texts", "funding", **kwargs)
    assert e.value.code == code
    assert e.value.location == Location("deliverable.toml", "texts", "funding")
    return e.value


def test_a_name_or_a_path_inside_the_folder_is_found(inputs):
    assert resolve_input_file(inputs, "funding.md", "texts", "funding") == (inputs / "funding.md").resolve()
    assert resolve_input_file(inputs, "texts/abstract.md", "texts", "abstract").read_text() == "Abstract."


@pytest.mark.parametrize("name, code", [
    ("../secret.txt", "input_file.up"),
    ("texts/../../secret.txt", "input_file.up"),
    ("..\\secret.txt", "input_file.up"),
    ("/etc/passwd", "input_file.absolute"),
    ("/dev/zero", "input_file.absolute"),
    ("C:\\Windows\\win.ini", "input_file.absolute"),
    ("\\\\server\\share\\x.md", "input_file.absolute"),
    (".", "input_file.folder"),
    ("texts", "input_file.folder"),
    ("", "input_file.not_a_name"),
    (3, "input_file.not_a_name"),
    ("missing.md", "input_file.missing"),
])
def test_names_that_leave_the_folder_or_are_not_files_are_refused(inputs, name, code):
    _refused(inputs, name, code)


def test_a_link_to_a_file_outside_is_refused_one_inside_is_followed(inputs, tmp_path):
    (inputs / "out.md").symlink_to(tmp_path / "secret.txt")
    (inputs / "zero.md").symlink_to("/dev/zero")
    (inputs / "in.md").symlink_to(inputs / "funding.md")
    _refused(inputs, "out.md", "input_file.link_outside")
    _refused(inputs, "zero.md", "input_file.link_outside")
    assert resolve_input_file(inputs, "in.md", "texts", "funding").read_text() == "Funded."


def test_a_fifo_is_refused_without_being_opened(inputs):
    os.mkfifo(inputs / "pipe.md")  # opening it would wait for a writer forever
    _refused(inputs, "pipe.md", "input_file.not_regular")


def test_sizes_and_suffixes_are_limited(inputs):
    (inputs / "big.md").write_bytes(b"x" * 2048)
    assert _refused(inputs, "big.md", "input_file.too_large", max_bytes=1024).params["max_kb"] == 1
    assert _refused(inputs, "funding.md", "input_file.suffix", suffixes=(".png", ".svg")).params["suffixes"] == (
        ".png", ".svg")
    with pytest.raises(ConfigError) as e:
        read_limited(inputs / "big.md", Location("big.md"), max_bytes=1024)
    assert (e.value.code, e.value.params["max_kb"]) == ("input_file.grew", 1)


def test_text_is_utf8_with_or_without_a_bom_else_the_line_is_named():
    assert decode_text("\ufeffcafé".encode("utf-8"), Location("a.md")) == "café"
    with pytest.raises(ConfigError) as e:
        decode_text("one\ncafé".encode("latin-1"), Location("a.md"))
    assert (e.value.code, e.value.params["byte"], e.value.params["line"]) == ("input_file.not_utf8", "0xe9", 2)
    assert e.value.location.file == "a.md"
