"""Where everything lives under the data dir, and how a finished build is published.

    DATA/snapshots/<run>/warehouse.duckdb   one complete, immutable build per run
    DATA/snapshots/<run>/lake/<table>/part-0.parquet
    DATA/current            -> snapshots/<run>   (the last completed run)
    DATA/warehouse.duckdb   -> current/warehouse.duckdb
    DATA/lake               -> current/lake

A run builds into DATA/snapshots/.build-<run>/ and publishes by renaming a new `current`
symlink over the old one: one atomic step switches the warehouse and the lake together.
Readers that opened the previous snapshot keep reading it; it is kept until the run after
next. A run killed before the rename leaves the published snapshot untouched, and the next
run removes the half-built directory and does the work again.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

WAREHOUSE_FILE = "warehouse.duckdb"
LAKE_DIR = "lake"
_BUILD_PREFIX = ".build-"


class DataDirError(RuntimeError):
    """The data dir cannot be used: unwritable, locked by another run, or not newsflow's."""


@dataclass(frozen=True)
class DataLayout:
    """Paths under one data dir."""

    root: Path

    @property
    def snapshots(self) -> Path:
        return self.root / "snapshots"

    @property
    def current(self) -> Path:
        return self.root / "current"

    @property
    def warehouse(self) -> Path:
        return self.root / WAREHOUSE_FILE

    @property
    def lake(self) -> Path:
        return self.root / LAKE_DIR

    @property
    def lock_file(self) -> Path:
        return self.root / ".newsflow.lock"

    def published_warehouse(self) -> Path | None:
        """The warehouse file of the last completed run, or None before the first one."""
        target = self.current / WAREHOUSE_FILE
        return target if target.is_file() else None

    def build_dir(self, snapshot_name: str) -> Path:
        return self.snapshots / f"{_BUILD_PREFIX}{snapshot_name}"


def prepare(root: Path) -> DataLayout:
    """Create the data dir if needed and check that newsflow can write there."""
    layout = DataLayout(root.resolve())
    try:
        layout.snapshots.mkdir(parents=True, exist_ok=True)
        probe = layout.root / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise DataDirError(f"data dir {root} is not writable: {exc.strerror or exc}") from exc
    for link in (layout.warehouse, layout.lake):
        if link.exists() and not link.is_symlink():
            raise DataDirError(f"{link} exists and was not made by newsflow; move it away first")
    return layout


@contextmanager
def run_lock(layout: DataLayout, *, wait: bool = False) -> Iterator[None]:
    """Hold the data dir's run lock; fail at once if another run holds it, or wait for it.

    An flock is released by the kernel when its holder dies, so a killed run never leaves a
    stale lock behind (the pid written in the file is only for the message)."""
    handle = open(layout.lock_file, "a+")  # noqa: SIM115 - held for the whole block
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                handle.seek(0)
                holder = handle.read().strip() or "unknown"
                raise DataDirError(
                    f"another run holds the warehouse at {layout.root} (pid {holder})"
                ) from exc
            raise
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


def remove_unfinished_builds(layout: DataLayout) -> list[str]:
    """Delete what killed runs left (call under the run lock); return the names removed.

    A run killed while building leaves a .build-<run> dir; one killed while writing its catalog, a
    temporary symlink; one killed between renaming its build and switching `current`, a complete
    snapshot newer than `current` that was never published (no reader can be using it), and
    maybe a .current-<run> link. None of these is the published data."""
    removed = []
    for path in layout.snapshots.glob(f"{_BUILD_PREFIX}*"):
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path.name)
    current = os.path.basename(os.path.realpath(layout.current)) if layout.current.is_symlink() else ""
    for path in sorted(layout.snapshots.iterdir()):
        if path.is_symlink():
            path.unlink()
            removed.append(path.name)
        elif path.is_dir() and not path.name.startswith(".") and path.name > current:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
    for path in layout.root.glob(".current-*"):
        if path.is_symlink():
            path.unlink()
            removed.append(path.name)
    return removed


def publish(layout: DataLayout, build: Path, snapshot_name: str, keep: int) -> Path:
    """Make a finished build the current snapshot in one atomic rename; prune old snapshots."""
    final = layout.snapshots / snapshot_name
    os.rename(build, final)
    _fsync_dir(layout.snapshots)
    tmp_link = layout.root / f".current-{snapshot_name}"
    if tmp_link.is_symlink():
        tmp_link.unlink()
    os.symlink(Path("snapshots") / snapshot_name, tmp_link)
    os.replace(tmp_link, layout.current)
    for link, target in ((layout.warehouse, Path("current") / WAREHOUSE_FILE),
                         (layout.lake, Path("current") / LAKE_DIR)):
        if not link.is_symlink():
            os.symlink(target, link)
    _fsync_dir(layout.root)
    _prune(layout, keep)
    return final


def _prune(layout: DataLayout, keep: int) -> None:
    """Keep the newest `keep` snapshots (the current one always among them)."""
    current = os.path.realpath(layout.current)
    finished = sorted(
        (p for p in layout.snapshots.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.name,
    )
    for path in finished[: max(0, len(finished) - max(keep, 1))]:
        if os.path.realpath(path) != current:
            shutil.rmtree(path, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
