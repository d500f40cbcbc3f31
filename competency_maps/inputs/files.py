"""Files that deliverable.toml names, found inside the inputs folder and nowhere else.

The toml and its Markdown travel by e-mail like the workbooks: a name in them must not publish a
local file (`../secret.txt`, `/etc/passwd`), hang or flood the build (`/dev/zero`, a FIFO, a
folder) or reach out through a symbolic link. Every file the toml names goes through
`resolve_input_file`; images (a logo) as well as texts.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

from competency_maps.errors import ConfigError, Location, ReportError

CONFIG_NAME = "deliverable.toml"
MAX_INPUT_BYTES = 5 * 2**20  # a text or a logo: a thousand pages of Markdown would be 3 MB
FIX_NAME = ("Name a file in the inputs folder by its name alone, e.g. \"funding.md\" "
            "(or a path inside it, e.g. \"texts/funding.md\").")


def resolve_input_file(inputs: Path, name: object, section: str, key: str,
                       max_bytes: int = MAX_INPUT_BYTES, suffixes: tuple[str, ...] = ()) -> Path:
    """The regular file `name` inside `inputs`, resolved; else a ConfigError at [section] key.

    Refused: anything but a relative name, `..`, a link leading out of the folder, folders,
    devices and FIFOs, a file larger than `max_bytes`, a suffix not in `suffixes` (when given)."""
    loc = Location(CONFIG_NAME, section, key)
    if not isinstance(name, str) or not name.strip() or "\0" in name:
        raise ConfigError("must be a file name in quotes.", loc, FIX_NAME)
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or name.startswith(("/", "\\")):
        raise ConfigError(f"names '{name}', a path outside the inputs folder: only files inside it "
                          "are read.", loc, FIX_NAME)
    if ".." in windows.parts:  # Windows' parts split on both / and \
        raise ConfigError(f"names '{name}', which goes up out of the inputs folder ('..'): only "
                          "files inside it are read.", loc, FIX_NAME)
    if suffixes and posix.suffix.lower() not in suffixes:
        raise ConfigError(f"names '{name}', which is not a {' or '.join(suffixes)} file.", loc,
                          f"Name a {' or '.join(suffixes)} file.")
    folder = inputs.resolve()
    candidate = folder.joinpath(*windows.parts)
    try:
        real = candidate.resolve(strict=True)
    except FileNotFoundError:
        raise ConfigError(f"names the file {name}, which is not in {inputs}.", loc,
                          "Create the file or correct its name.") from None
    except (OSError, RuntimeError) as e:  # a loop of links, a name too long, no permission
        raise ConfigError(f"names '{name}', which cannot be opened ({_why(e)}).", loc, FIX_NAME) from None
    if not real.is_relative_to(folder):
        raise ConfigError(f"names '{name}', a link to a file outside the inputs folder: only files "
                          "inside it are read.", loc, "Copy the file itself into the inputs folder.")
    return check_regular_file(real, loc, max_bytes, shown=name)


def check_regular_file(path: Path, loc: Location, max_bytes: int = MAX_INPUT_BYTES,
                       shown: str = "") -> Path:
    """`path` if it is a regular file of at most `max_bytes`; else a ConfigError at `loc`."""
    shown = shown or path.name
    try:
        st = os.stat(path)
    except OSError as e:
        raise ConfigError(f"'{shown}' cannot be opened ({_why(e)}).", loc, "Check the file.") from None
    if stat.S_ISDIR(st.st_mode):
        raise ConfigError(f"'{shown}' is a folder, not a file.", loc, "Name a file.")
    if not stat.S_ISREG(st.st_mode):
        raise ConfigError(f"'{shown}' is not a regular file (a device, pipe or socket).", loc,
                          "Name an ordinary file.")
    if st.st_size > max_bytes:
        raise ConfigError(f"'{shown}' is {st.st_size // 1024:,} KB, more than the {max_bytes // 1024:,} KB "
                          "allowed.", loc, "Check that it is the right file, or make it smaller.")
    return path


def read_limited(path: Path, loc: Location, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The file's bytes, never more than `max_bytes` (it may have grown since it was checked)."""
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise ConfigError(f"cannot be read ({_why(e)}).", loc, "Check the file.") from None
    if len(data) > max_bytes:
        raise ConfigError(f"is more than the {max_bytes // 1024:,} KB allowed.", loc,
                          "Check that it is the right file, or make it smaller.")
    return data


def read_regular_file(path: Path, loc: Location, max_bytes: int, /,
                      error: type[ReportError] = ConfigError) -> bytes:
    """At most `max_bytes` of the regular file `path` (a link followed), else an `error` at `loc`.

    The size is what a read returns, never `st_size` (a file may grow, /proc lies): at most
    max_bytes + 1 bytes are read. A FIFO, a device (/dev/zero) or a socket, also behind a link, is
    refused without being read; it is opened non-blocking and checked again once open, so that a
    file swapped for a FIFO in between cannot hang the build."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise error("read.missing", loc) from None
    except (OSError, ValueError) as e:  # no permission, a loop of links, a name too long, a NUL
        raise error("read.cannot", loc, reason=_why(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise error("read.folder", loc)
    if not stat.S_ISREG(st.st_mode):
        raise error("read.not_regular", loc)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        raise error("read.cannot", loc, reason=_why(e)) from None
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise error("read.not_regular", loc)
        try:
            data = f.read(max_bytes + 1)
        except OSError as e:
            raise error("read.cannot", loc, reason=_why(e)) from None
    if len(data) > max_bytes:
        raise error("read.too_large", loc, limit_mb=f"{max_bytes / 2**20:g}")
    return data


def decode_text(data: bytes, loc: Location) -> str:
    """UTF-8 text (a byte-order mark allowed); else an error naming the file and the line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise ConfigError(f"is not UTF-8 text (byte 0x{data[e.start]:02x} on line {line}).", loc,
                          "Save it as UTF-8 (in most editors: Save As › Encoding › UTF-8).") from None


def _why(e: BaseException) -> str:
    return getattr(e, "strerror", None) or type(e).__name__
