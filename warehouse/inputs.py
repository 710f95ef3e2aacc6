"""The input dir: which files are there, their size and time, and their bytes.

Names are taken as the operating system gives them: bytes. A name that is not UTF-8 (legal
on Linux, common in scraped archives), or holds a line break, still gets a key: its
`source_path` renders every byte that is not UTF-8 text as `\\xNN`, and so also a backslash
(`\\x5c`) and control characters, so every backslash in a key starts an escape and two raw
names can never share a key (a real name `a\\xff.txt` is `a\\x5cxff.txt`). `fs_path` keeps
the name the OS gave (surrogate escapes) to open the file by.

Symbolic links are not followed by default: each one is reported with what it points to
(a file outside the input dir, a loop, nothing). With follow_symlinks, links to regular
files are read; links to directories never are (a loop would never end).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

# Read and hash in blocks of this many bytes: memory stays flat whatever the file size.
_BLOCK = 1 << 20
_NEEDS_ESCAPE = re.compile("[\\\\\x00-\x1f\x7f\udc80-\udcff]")
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"))


class InputDirError(RuntimeError):
    """The input dir cannot be read at all."""


@dataclass(frozen=True, slots=True)  # one per file of the corpus: no per-object __dict__
class InputFile:
    """One entry under the input dir, as seen by this run's scan."""

    source_path: str  # the key: relative, '/' separated, non-UTF-8 bytes, '\' and controls as \xNN
    size_bytes: int
    content_sha256: str | None  # not computed by the scan (the worker hashes what it reads)
    read_error: str | None  # why it could not be read, or None
    mtime_ns: int = 0  # modification time, ns since the epoch (of the link itself for a symlink not followed)
    fs_path: str = ""  # relative path as the OS gave it (surrogate escapes kept); "" means source_path
    follow: bool = False  # a symbolic link to a regular file, read through the link (follow_symlinks)


def escape_name(raw: bytes) -> str:
    """A relative path's bytes as a key: UTF-8 text, with bad bytes, '\\' and controls as \\xNN."""
    text = raw.decode("utf-8", errors="surrogateescape")
    return _NEEDS_ESCAPE.sub(_escape_char, text)


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code - 0xDC00 if code >= 0xDC00 else code:02x}"


def scan_inputs(input_dir: Path, *, max_bytes: int, follow_symlinks: bool = False) -> list[InputFile]:
    """List every non-hidden entry under input_dir with its size and time, or why it cannot be read, sorted by key."""
    root = input_dir.resolve()
    if not root.is_dir():
        reason = "does not exist" if not root.exists() else "is not a directory"
        raise InputDirError(f"input dir {input_dir} {reason}")
    if not os.access(root, os.R_OK | os.X_OK):
        raise InputDirError(f"input dir {input_dir} is not readable")
    root_bytes = os.fsencode(root)
    found: list[InputFile] = []
    pending: list[bytes] = [b""]  # relative directory paths still to list
    while pending:
        rel_dir = pending.pop()
        try:
            with os.scandir(os.path.join(root_bytes, rel_dir) if rel_dir else root_bytes) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            found.append(_problem(rel_dir, f"cannot list directory: {_why(exc)}"))
            continue
        for entry in entries:
            if entry.name.startswith(b"."):
                continue  # hidden files and folders (.git, editor swap files) are not input
            rel = os.path.join(rel_dir, entry.name) if rel_dir else entry.name
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as exc:  # vanished between listing and stat
                found.append(_problem(rel, f"cannot stat file: {_why(exc)}"))
                continue
            if stat.S_ISDIR(info.st_mode):
                pending.append(rel)
            elif stat.S_ISLNK(info.st_mode):
                found.append(_symlink(root_bytes, rel, info, max_bytes, follow_symlinks))
            elif stat.S_ISREG(info.st_mode):
                found.append(_regular(root_bytes, rel, info, max_bytes))
            else:
                found.append(_problem(rel, f"not a regular file ({_kind(info.st_mode)})", info))
    return sorted(found, key=lambda f: f.source_path)


def read_input(input_dir: Path, f: InputFile, *, max_bytes: int) -> bytes:
    """Read one input file's bytes; raise OSError saying why when it vanished, changed kind or grew past the cap."""
    path = os.path.join(os.fsencode(input_dir.resolve()), os.fsencode(f.fs_path or f.source_path))
    try:
        fd = os.open(path, _OPEN_FLAGS | (0 if f.follow else _NOFOLLOW))
    except FileNotFoundError as exc:
        raise OSError(errno.ENOENT, "file vanished since the scan") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP and not f.follow:
            raise OSError(errno.ELOOP, "file was replaced by a symbolic link since the scan") from exc
        raise
    with os.fdopen(fd, "rb", buffering=0) as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, f"file is no longer a regular file ({_kind(info.st_mode)})")
        data = _read_capped(handle, max_bytes)
    if len(data) > max_bytes:
        raise OSError(errno.EFBIG, f"file grew past the size cap of {max_bytes} bytes since the scan")
    return data


def _regular(root: bytes, rel: bytes, info: os.stat_result, max_bytes: int, *, follow: bool = False) -> InputFile:
    """A regular file (or, with follow, the file a link points to), from its stat alone: the scan
    opens nothing, so a rerun over a large unchanged folder reads no file (the worker that reads it
    hashes it, and says so if it vanished or changed kind meanwhile)."""
    key, fs_path = escape_name(rel), os.fsdecode(rel)
    fs_path = key if fs_path == key else fs_path  # the same string object: not a second copy of every name
    if info.st_size > max_bytes:
        return InputFile(key, info.st_size, None, _over_cap(info.st_size, max_bytes), info.st_mtime_ns, fs_path,
                         follow)
    return InputFile(key, info.st_size, None, None, info.st_mtime_ns, fs_path, follow)


def _symlink(root: bytes, rel: bytes, link: os.stat_result, max_bytes: int, follow_symlinks: bool) -> InputFile:
    """A symbolic link: followed to a regular file when asked, otherwise a row saying what it points to."""
    try:
        target = os.stat(os.path.join(root, rel))
    except OSError as exc:
        reason = ("symbolic link loop, not followed" if exc.errno == errno.ELOOP
                  else "broken symbolic link: cannot be read, its target does not exist" if exc.errno == errno.ENOENT
                  else f"symbolic link whose target cannot be read: {_why(exc)}")
        return _problem(rel, reason, link)
    inside = _inside(root, os.path.realpath(os.path.join(root, rel)))
    where = "inside" if inside else "outside"
    if stat.S_ISREG(target.st_mode):
        if follow_symlinks:
            return _regular(root, rel, target, max_bytes, follow=True)
        note = " (it is read under its own name)" if inside else " (follow_symlinks is off)"
        return _problem(rel, f"symbolic link to a file {where} the input dir, not followed{note}", link)
    if stat.S_ISDIR(target.st_mode):
        return _problem(rel, f"symbolic link to a directory {where} the input dir, not followed", link)
    return _problem(rel, f"symbolic link to {_kind(target.st_mode)}, not followed", link)


def _inside(root: bytes, real: bytes) -> bool:
    return real == root or real.startswith(root.rstrip(b"/") + b"/")


def _problem(rel: bytes, reason: str, info: os.stat_result | None = None) -> InputFile:
    size, mtime = (info.st_size, info.st_mtime_ns) if info is not None else (0, 0)
    return InputFile(escape_name(rel), size, None, reason, mtime, os.fsdecode(rel))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _over_cap(size: int, max_bytes: int) -> str:
    return f"file is {size} bytes, over the size cap of {max_bytes} bytes"


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _read_capped(handle: object, max_bytes: int) -> bytes:
    """Read at most max_bytes + 1 bytes (one more tells that the file is over the cap)."""
    chunks: list[bytes] = []
    left = max_bytes + 1
    while left > 0:
        block = handle.read(min(_BLOCK, left))  # type: ignore[attr-defined]
        if not block:
            break
        chunks.append(block)
        left -= len(block)
    return b"".join(chunks)
