"""The input dir: which files are there, their hashes, and their bytes."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path


class InputDirError(RuntimeError):
    """The input dir cannot be read at all."""


@dataclass(frozen=True)
class InputFile:
    """One regular file under the input dir, as seen by this run."""

    source_path: str  # relative to the input dir, '/' separated
    size_bytes: int
    content_sha256: str | None  # not computed by the scan (the worker hashes what it reads)
    read_error: str | None  # why it could not be read, or None
    mtime_ns: int = 0  # modification time (ns since the epoch): with the size, tells an unchanged file


def scan_inputs(input_dir: Path, max_bytes: int) -> list[InputFile]:
    """List every regular, non-hidden file under input_dir with its size and time, sorted by path.

    Only stat: no file is opened, so a rerun over a large unchanged folder reads nothing."""
    root = input_dir.resolve()
    if not root.is_dir():
        reason = "does not exist" if not root.exists() else "is not a directory"
        raise InputDirError(f"input dir {input_dir} {reason}")
    if not os.access(root, os.R_OK | os.X_OK):
        raise InputDirError(f"input dir {input_dir} is not readable")
    found: list[InputFile] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=None, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            try:
                info = path.stat()
            except OSError as exc:
                found.append(InputFile(rel, 0, None, f"cannot stat file: {exc.strerror}"))
                continue
            if not stat.S_ISREG(info.st_mode):
                continue
            if info.st_size > max_bytes:
                found.append(InputFile(rel, info.st_size, None,
                                       f"file is {info.st_size} bytes, over the size cap of {max_bytes} bytes",
                                       info.st_mtime_ns))
                continue
            found.append(InputFile(rel, info.st_size, None, None, info.st_mtime_ns))
    return sorted(found, key=lambda f: f.source_path)


def read_input(input_dir: Path, source_path: str) -> bytes:
    """Read one input file's bytes (raises OSError when it cannot be read)."""
    return (input_dir / source_path).read_bytes()
