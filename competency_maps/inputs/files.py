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


def resolve_input_file(inputs: Path, name: object, section: str, key: str,
                       max_bytes: int = MAX_INPUT_BYTES, suffixes: tuple[str, ...] = ()) -> Path:
    """The regular file `name` inside `inputs`, resolved; else a ConfigError at [section] key.

    Refused: anything but a relative name, `..`, a link leading out of the folder, folders,
    devices and FIFOs, a file larger than `max_bytes`, a suffix not in `suffixes` (when given)."""
    loc = Location(CONFIG_NAME, section, key)
    if not isinstance(name, str) or not name.strip() or "\0" in name:
        raise ConfigError("input_file.not_a_name", loc)
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or name.startswith(("/", "\\")):
        raise ConfigError("input_file.absolute", loc, name=name)
    if ".." in windows.parts:  # Windows' parts split on both / and \
        raise ConfigError("input_file.up", loc, name=name)
    if suffixes and posix.suffix.lower() not in suffixes:
        raise ConfigError("input_file.suffix", loc, name=name, suffixes=suffixes)
    folder = inputs.resolve()
    candidate = folder.joinpath(*windows.parts)
    try:
        real = candidate.resolve(strict=True)
    except FileNotFoundError:
        raise ConfigError("input_file.missing", loc, name=name, folder=str(inputs)) from None
    except (OSError, RuntimeError) as e:  # a loop of links, a name too long, no permission
        raise ConfigError("input_file.unopenable", loc, name=name, reason=_why(e)) from None
    if not real.is_relative_to(folder):
        raise ConfigError("input_file.link_outside", loc, name=name)
    return check_regular_file(real, loc, max_bytes, shown=name)


def check_regular_file(path: Path, loc: Location, max_bytes: int = MAX_INPUT_BYTES,
                       shown: str = "") -> Path:
    """`path` if it is a regular file of at most `max_bytes`; else a ConfigError at `loc`."""
    shown = shown or path.name
    try:
        st = os.stat(path)
    except OSError as e:
        raise ConfigError("input_file.stat_failed", loc, name=shown, reason=_why(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise ConfigError("input_file.folder", loc, name=shown)
    if not stat.S_ISREG(st.st_mode):
        raise ConfigError("input_file.not_regular", loc, name=shown)
    if st.st_size > max_bytes:
        raise ConfigError("input_file.too_large", loc, name=shown, size_kb=st.st_size // 1024,
                          max_kb=max_bytes // 1024)
    return path


def read_limited(path: Path, loc: Location, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The file's bytes, never more than `max_bytes` (it may have grown since it was checked)."""
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise ConfigError("input_file.unreadable", loc, reason=_why(e)) from None
    if len(data) > max_bytes:
        raise ConfigError("input_file.grew", loc, max_kb=max_bytes // 1024)
    return data


def read_regular_file(path: Path, loc: Location, max_bytes: int, /,
                      raising: type[ReportError] = ConfigError) -> bytes:
    """At most `max_bytes` of the regular file `path` (a link followed), else a `raising` error at `loc`.

    The size is what a read returns, never `st_size` (a file may grow, /proc lies): at most
    max_bytes + 1 bytes are read. A FIFO, a device (/dev/zero) or a socket, also behind a link, is
    refused without being read; it is opened non-blocking and checked again once open, so that a
    file swapped for a FIFO in between cannot hang the build."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise raising("read.missing", loc) from None
    except (OSError, ValueError) as e:  # no permission, a loop of links, a name too long, a NUL
        raise raising("read.cannot", loc, reason=_why(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise raising("read.folder", loc)
    if not stat.S_ISREG(st.st_mode):
        raise raising("read.not_regular", loc)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        raise raising("read.cannot", loc, reason=_why(e)) from None
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise raising("read.not_regular", loc)
        try:
            data = f.read(max_bytes + 1)
        except OSError as e:
            raise raising("read.cannot", loc, reason=_why(e)) from None
    if len(data) > max_bytes:
        raise raising("read.too_large", loc, limit_mb=f"{max_bytes / 2**20:g}")
    return data


def decode_text(data: bytes, loc: Location) -> str:
    """UTF-8 text (a byte-order mark allowed); else an error naming the file and the line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise ConfigError("input_file.not_utf8", loc, byte=f"0x{data[e.start]:02x}", line=line) from None


def _why(e: BaseException) -> str:
    return getattr(e, "strerror", None) or type(e).__name__
