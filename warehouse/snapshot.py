"""Reading the last completed snapshot: what the previous run knew, its counts and its report."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.layout import WAREHOUSE_FILE, DataLayout
from warehouse.sqlfiles import schema_version, sql


@dataclass(frozen=True, slots=True)  # one per file of the corpus: no per-object __dict__
class SourceState:
    """One input file as the last completed run processed it."""

    source_path: str
    source_format: str | None
    content_sha256: str | None
    size_bytes: int
    mtime_ns: int
    extract_version: str


@dataclass(frozen=True)
class RunRecord:
    """One row of the runs table."""

    run_id: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: str
    files_seen: int
    files_added: int
    files_changed: int
    files_unchanged: int
    files_deleted: int
    files_rejected: int
    articles_extracted: int
    full_refresh: bool
    input_dir: str
    error: str | None = None
    step_seconds: dict[str, float] | None = None
    peak_rss_mb: float | None = None


def published_snapshot(layout: DataLayout) -> Path | None:
    """The snapshot dir of the last completed run, or None before the first one."""
    if layout.published_warehouse() is None:
        return None
    return Path(os.path.realpath(layout.current))


@contextmanager
def read_only(snapshot: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to a snapshot's catalog."""
    con = duckdb.connect(str(snapshot / WAREHOUSE_FILE), read_only=True)
    try:
        yield con
    finally:
        con.close()


def schema_matches(snapshot: Path) -> bool:
    """True when the snapshot was written with this code's schema (else a run starts afresh)."""
    with read_only(snapshot) as con:
        try:
            rows = con.execute("select value from warehouse_meta where key = 'schema_version'").fetchall()
        except duckdb.Error:
            return False
    return bool(rows) and rows[0][0] == schema_version()


def source_states(snapshot: Path) -> Iterator[SourceState]:
    """The input files the snapshot's run processed, in source path order, fetched a chunk at a time."""
    with read_only(snapshot) as con:
        cursor = con.execute(sql("source_states"))
        shared: dict[str, str] = {}  # formats and versions: a handful of values, one string each
        while rows := cursor.fetchmany(_STATE_ROWS):
            for path, source_format, sha, size, mtime, version in rows:
                yield SourceState(path, source_format and shared.setdefault(source_format, source_format),
                                  sha, size, mtime, shared.setdefault(version, version))


_STATE_ROWS = 10_000


def previous_runs(snapshot: Path) -> list[dict[str, object]]:
    """The runs history of a snapshot (kept through a full refresh or a schema change)."""
    with read_only(snapshot) as con:
        try:
            cursor = con.execute("select * from runs")
        except duckdb.Error:
            return []
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def row_counts(path: Path) -> list[tuple[str, int]]:
    """Row counts of the public tables of a warehouse file."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [(str(name), int(count)) for name, count in con.execute(sql("row_counts")).fetchall()]
    finally:
        con.close()


def rejections_and_failed_checks(path: Path, run_id: str) -> tuple[list[tuple[str, int | None, str]],
                                                                    list[tuple[str, str, int]]]:
    """The rejected files of a warehouse, and the checks of a run that failed."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        rejected = [(str(p), line, str(r)) for p, line, r in con.execute(sql("run_report")).fetchall()]
        failed = [(str(n), str(lv), int(f)) for n, lv, f in con.execute(sql("failed_checks"), [run_id]).fetchall()]
    finally:
        con.close()
    return rejected, failed
