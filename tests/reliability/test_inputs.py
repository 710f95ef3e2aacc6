"""The input scan on hostile names and file kinds, and reads that re-check what the scan saw."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from warehouse.inputs import InputFile, escape_name, read_input, scan_inputs


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        # plain UTF-8 stays as it is
        ("dossier/café.txt".encode(), "dossier/café.txt"),
        # a latin-1 byte is not UTF-8: \xNN
        (b"caf\xe9.txt", "caf\\xe9.txt"),
        # a backslash is escaped too, so the literal name "caf\xe9.txt" has another key
        (b"caf\\xe9.txt", "caf\\x5cxe9.txt"),
        # line breaks, tabs and DEL are escaped: a key is one printable line
        (b"a\nb\tc\x7f.txt", "a\\x0ab\\x09c\\x7f.txt"),
        # a lone UTF-8 lead byte before valid text
        (b"\xc3(.txt", "\\xc3(.txt"),
        # an overlong encoding of '/' is not UTF-8 either
        (b"\xc0\xaf.txt", "\\xc0\\xaf.txt"),
        # an encoded surrogate (CESU-8) is refused by strict UTF-8, so escaped byte by byte
        (b"\xed\xa0\x80.txt", "\\xed\\xa0\\x80.txt"),
    ],
)
def test_escape_name(raw: bytes, key: str) -> None:
    assert escape_name(raw) == key


def test_escaped_keys_of_distinct_names_are_distinct() -> None:
    # every backslash in a key starts an escape, so decoding is unambiguous: no two names collide
    names = [b"a\\b", b"a\\x5cb", b"a\x5cb", b"a\\\\b", b"\xff", b"\\xff", b"\\x5cxff", b"\\\xff"]
    keys = [escape_name(n) for n in names]
    assert len(set(keys)) == len(set(names))


def _write(root: Path, raw: bytes, data: bytes) -> None:
    with open(os.path.join(os.fsencode(root), raw), "wb") as handle:
        handle.write(data)


def test_scan_keys_and_opens_files_by_their_raw_names(tmp_path: Path) -> None:
    _write(tmp_path, b"caf\xe9.txt", b"latin-1 name")
    _write(tmp_path, b"caf\\xe9.txt", b"backslash name")
    files = {f.source_path: f for f in scan_inputs(tmp_path, max_bytes=100)}
    assert sorted(files) == ["caf\\x5cxe9.txt", "caf\\xe9.txt"]
    assert read_input(tmp_path, files["caf\\xe9.txt"], max_bytes=100) == b"latin-1 name"
    assert read_input(tmp_path, files["caf\\x5cxe9.txt"], max_bytes=100) == b"backslash name"
    # stat only: size and time, no hash (the worker hashes what it reads)
    assert all(f.mtime_ns > 0 and f.size_bytes > 0 and f.content_sha256 is None for f in files.values())


def test_scan_reports_links_and_special_files_without_following_them(tmp_path: Path) -> None:
    root, outside = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    (root / "real.txt").write_text("real")
    os.symlink(outside / "secret.txt", root / "out.txt")
    os.symlink("real.txt", root / "in.txt")
    os.symlink("self.txt", root / "self.txt")
    os.symlink(outside, root / "dir")
    os.mkfifo(root / "fifo.txt")
    reasons = {f.source_path: f.read_error for f in scan_inputs(root, max_bytes=100)}
    assert reasons == {
        "dir": "symbolic link to a directory outside the input dir, not followed",
        "fifo.txt": "not a regular file (a named pipe)",
        "in.txt": "symbolic link to a file inside the input dir, not followed (it is read under its own name)",
        "out.txt": "symbolic link to a file outside the input dir, not followed (follow_symlinks is off)",
        "real.txt": None,
        "self.txt": "symbolic link loop, not followed",
    }
    followed = {f.source_path: f for f in scan_inputs(root, max_bytes=100, follow_symlinks=True)}
    assert followed["out.txt"].read_error is None and followed["out.txt"].follow
    assert read_input(root, followed["out.txt"], max_bytes=100) == b"secret"
    # even when following, a link to a directory is not walked
    assert followed["dir"].read_error == "symbolic link to a directory outside the input dir, not followed"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        # the file is deleted between the scan and the read
        (lambda p: p.unlink(), "file vanished since the scan"),
        # it grows past the cap
        (lambda p: p.write_bytes(b"x" * 101), "file grew past the size cap of 100 bytes since the scan"),
        # it becomes a named pipe: opened without blocking, refused
        (lambda p: (p.unlink(), os.mkfifo(p)), "file is no longer a regular file (a named pipe)"),
        # it becomes a link to somewhere else: not followed
        (lambda p: (p.unlink(), os.symlink("/etc/hostname", p)), "file was replaced by a symbolic link since the scan"),
    ],
)
def test_read_input_says_what_changed_since_the_scan(tmp_path: Path, change, reason: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_bytes(b"hello")
    (found,) = scan_inputs(tmp_path, max_bytes=100)
    change(tmp_path / "a.txt")
    with pytest.raises(OSError) as excinfo:
        read_input(tmp_path, found, max_bytes=100)
    assert excinfo.value.strerror == reason


def test_scan_caps_size_before_hashing(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * 101)
    (found,) = scan_inputs(tmp_path, max_bytes=100)
    assert found == InputFile("big.txt", 101, None, "file is 101 bytes, over the size cap of 100 bytes",
                              found.mtime_ns, "big.txt")
