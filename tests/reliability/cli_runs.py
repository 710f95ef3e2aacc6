"""Helpers for black-box reliability tests: `newsflow` in a subprocess, the published tables read back.

Every run here talks to the session's temporary Prefect server (the `prefect_backend` fixture)
through PREFECT_API_URL, so a run does not pay for an ephemeral server of its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pyarrow.dataset as ds

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

# Tables that record runs rather than data, and columns that name the run that wrote a row:
# they differ between two runs that produce the same data, so comparisons leave them out.
RUN_HISTORY_TABLES = frozenset({"runs", "checks"})
RUN_SPECIFIC_COLUMNS = frozenset({"run_id", "processed_run_id", "started_at", "finished_at"})

Rows = list[tuple[object, ...]]

# Runs `newsflow` with an audit hook that logs every change the flow process makes under the
# data dir (renames, symlinks, deletions, files opened for writing) and, when asked, kills the
# run's whole process group with SIGKILL just before the N-th one: a kill -9 that lands inside
# a step too short to hit by timing (one rename of the publish). Worker processes are spawned
# without the hook; they die with the group.
_WRAPPER = r"""
import json, os, signal, sys, time
data, kill_at, log_path = os.path.realpath(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
log = open(log_path, "a", buffering=1)
count = 0
CHANGES = {"os.rename", "os.symlink", "os.remove", "os.rmdir", "shutil.rmtree", "os.mkdir",
           "shutil.copyfile", "os.truncate", "os.link"}
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

def under_data(value):
    try:
        path = os.fsdecode(value) if isinstance(value, bytes) else os.fspath(value)
    except TypeError:
        return None
    if not isinstance(path, str):
        return None
    path = os.path.abspath(path)
    return os.path.relpath(path, data) if path == data or path.startswith(data + os.sep) else None

def hook(event, args):
    global count
    if event == "open":
        mode, flags = (args[1] or ""), (args[2] or 0)
        if not (any(c in mode for c in "wax+") or (flags & WRITE_FLAGS)):
            return
        paths = [args[0]]
    elif event in CHANGES:
        paths = list(args[:2])
    else:
        return
    rel = [p for p in (under_data(a) for a in paths) if p is not None]
    if not rel:
        return
    count += 1
    log.write(json.dumps({"n": count, "t": time.time(), "event": event, "paths": rel}) + "\n")
    if count == kill_at:
        os.killpg(os.getpgid(0), signal.SIGKILL)

sys.addaudithook(hook)
sys.argv = ["newsflow", *sys.argv[4:]]
from newsflow.cli import main
sys.exit(main())
"""


def prefect_api_url() -> str:
    """The API of the session's temporary Prefect server (call inside the prefect_backend fixture)."""
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    assert url, "no Prefect server: use the prefect_backend fixture"
    return str(url)


def cli_env(prefect_home: Path, **extra: str) -> dict[str, str]:
    """The environment of a `newsflow` subprocess: the session's Prefect server, a private home."""
    env = {**os.environ, "PREFECT_API_URL": prefect_api_url(), "PREFECT_HOME": str(prefect_home),
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PYTHONUNBUFFERED": "1"}
    env.update(extra)
    return env


def newsflow_cmd(*args: str) -> list[str]:
    """The command line of `newsflow ARGS` run by this interpreter."""
    return [sys.executable, "-m", "newsflow.cli", *args]


def hooked_cmd(data: Path, events_log: Path, *args: str, kill_at: int = 0) -> list[str]:
    """`newsflow ARGS` that logs its changes under data to events_log and kills itself at change kill_at."""
    return [sys.executable, "-c", _WRAPPER, str(data), str(kill_at), str(events_log), *args]


def start(cmd: Sequence[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """Start a command in its own process group (so a kill reaches its workers), output to log."""
    with log.open("ab") as out:
        return subprocess.Popen(list(cmd), env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True, cwd=REPO)


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL a started command's whole process group and reap it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def finish(proc: subprocess.Popen[bytes], log: Path, timeout: float = 600) -> int:
    """Wait for a started command; on timeout kill it and fail with the end of its log."""
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        raise AssertionError(f"{proc.args!r} did not end in {timeout} s:\n{tail(log)}") from None


def run_ok(cmd: Sequence[str], env: dict[str, str], log: Path, timeout: float = 600) -> float:
    """Run a command to completion, fail with its log unless it exits 0; return its wall time."""
    began = time.monotonic()
    code = finish(start(cmd, env, log), log, timeout)
    assert code == 0, f"{cmd[-6:]} exited {code}:\n{tail(log)}"
    return time.monotonic() - began


def tail(log: Path, chars: int = 3000) -> str:
    """The end of a log file, for failure messages."""
    return log.read_text("utf-8", "replace")[-chars:] if log.exists() else "(no log)"


def events(events_log: Path) -> list[dict[str, object]]:
    """The changes a hooked run logged, in order."""
    if not events_log.exists():
        return []
    lines = events_log.read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.endswith("}")]


def warehouse_tables(data: Path, *, keep_run_history: bool = False) -> dict[str, Rows]:
    """Every table and view of DATA/warehouse.duckdb, rows sorted, run-specific columns left out."""
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        names = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main' order by 1"
        ).fetchall()]
        tables = {}
        for name in names:
            if name in RUN_HISTORY_TABLES and not keep_run_history:
                continue
            columns = [r[0] for r in con.execute(f'describe "{name}"').fetchall()]
            kept = [c for c in columns if keep_run_history or c not in RUN_SPECIFIC_COLUMNS]
            select = ", ".join(f'"{c}"' for c in kept)
            tables[name] = sorted(con.execute(f'select {select} from "{name}"').fetchall(), key=repr)  # noqa: S608
        return tables
    finally:
        con.close()


def lake_tables(data: Path, *, keep_run_history: bool = False) -> dict[str, Rows]:
    """Every dataset under DATA/lake/ read with pyarrow, rows sorted, run-specific columns left out."""
    lake = data / "lake"
    tables = {}
    for table_dir in sorted(p for p in lake.iterdir() if p.is_dir()):
        if table_dir.name in RUN_HISTORY_TABLES and not keep_run_history:
            continue
        table = ds.dataset(table_dir, format="parquet").to_table()
        kept = [c for c in table.column_names if keep_run_history or c not in RUN_SPECIFIC_COLUMNS]
        tables[table_dir.name] = sorted((tuple(r.values()) for r in table.select(kept).to_pylist()), key=repr)
    return tables


def published(data: Path, *, keep_run_history: bool = False) -> dict[str, dict[str, Rows]]:
    """What readers see: the warehouse's tables and the lake's datasets."""
    return {"warehouse": warehouse_tables(data, keep_run_history=keep_run_history),
            "lake": lake_tables(data, keep_run_history=keep_run_history)}


def tree_digest(root: Path) -> dict[str, str]:
    """SHA-256 of every file under root (symlinks resolved), keyed by relative path."""
    digests = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digests[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def copy_data_dir(source: Path, target: Path) -> None:
    """Copy a data dir as it is, its relative symlinks (current, warehouse.duckdb, lake) kept as links."""
    shutil.copytree(source, target, symlinks=True)


def extra_sentence(i: int) -> str:
    """A sentence that makes copy i of a page distinct (a made-up fact with a number)."""
    return f"Officials said on day {i} that {100 + 37 * i} residents of district {i} had returned home."


def write_corpus(root: Path, count: int, *, start: int = 0) -> list[Path]:
    """Write `count` distinct articles made from the seeds: plain text, HTML and one JSON Lines file."""
    seeds = sorted(SEEDS.glob("*.txt"))
    written = []
    records = []
    for i in range(start, start + count):
        lines = seeds[i % len(seeds)].read_text("utf-8").split("\n")
        lines.insert(len(lines) // 2, extra_sentence(i))
        if i % 5 == 3:  # one in five goes into a JSON Lines export instead
            records.append({"title": lines[0], "text": "\n\n".join(lines[1:]), "url": f"https://example.org/{i}"})
            continue
        folder = root / f"batch-{i // 20:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        if i % 2:
            path = folder / f"article-{i:04d}.html"
            body = "".join(f"<p>{line}</p>" for line in lines[1:] if line.strip())
            path.write_text(f"<html><head><title>{lines[0]}</title></head><body><article><h1>{lines[0]}</h1>"
                            f"{body}</article></body></html>", "utf-8")
        else:
            path = folder / f"article-{i:04d}.txt"
            path.write_text("\n".join(lines), "utf-8")
        written.append(path)
    if records:
        path = root / f"export-{start:04d}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
        written.append(path)
    return written
