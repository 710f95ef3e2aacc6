"""A run killed with SIGKILL leaves the last warehouse readable, and the next run finishes the work."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import newsflow_run
from newsflow.settings import Settings

pytestmark = pytest.mark.usefixtures("prefect_backend")


def _count(data: Path, sql: str) -> int:
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        return int(con.execute(sql).fetchall()[0][0])
    finally:
        con.close()


def _grow(input_dir: Path, copies: int) -> None:
    """Add many distinct files so a run takes long enough to be killed part way."""
    seeds = sorted(input_dir.glob("*.txt"))
    for i in range(copies):
        src = seeds[i % len(seeds)]
        text = src.read_text("utf-8") + f"\nEditor's note number {i} was added to this copy.\n"
        (input_dir / f"copy-{i:04d}.txt").write_text(text, "utf-8")


def _start_run(input_dir: Path, data: Path, tmp_path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "NEWSFLOW_BATCH_FILES": "8"}
    env.pop("PREFECT_API_URL", None)
    return subprocess.Popen(
        [sys.executable, "-m", "newsflow.cli", "run", "--input", str(input_dir), "--data", str(data)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )


def _kill_when(proc: subprocess.Popen[bytes], ready: object, timeout: float = 120.0) -> bool:
    """SIGKILL the run's whole process group once ready() is true; False if it ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if ready():  # type: ignore[operator]
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    raise AssertionError("the run never reached the point to kill it at")


@pytest.mark.parametrize("moment", ["extracting", "building"])
def test_sigkill_at_any_moment_keeps_the_last_good_warehouse(
    seeds_dir: Path, tmp_path: Path, moment: str
) -> None:
    data = tmp_path / "data"
    newsflow_run(Settings.from_env(seeds_dir, data))
    _grow(seeds_dir, 300)
    snapshots = data / "snapshots"

    def extracting() -> bool:  # the lock is taken and the build has not started writing its lake
        return (data / ".newsflow.lock").read_text().strip() not in ("", str(os.getpid())) and not list(
            snapshots.glob(".build-*/lake")
        )

    def building() -> bool:  # the new snapshot's files are being written
        return bool(list(snapshots.glob(".build-*/lake")))

    proc = _start_run(seeds_dir, data, tmp_path)
    killed = _kill_when(proc, extracting if moment == "extracting" else building)
    assert killed, "the run finished before it could be killed"
    # the published warehouse is the previous one, whole and readable
    assert _count(data, "select count(*) from articles") == 5
    assert _count(data, "select count(*) from runs") == 1

    summary = newsflow_run(Settings.from_env(seeds_dir, data))
    assert summary.run.status == "completed" and summary.run.files_added == 300
    assert _count(data, "select count(*) from articles") == 305
    assert not list(snapshots.glob(".build-*"))


def test_a_query_during_a_run_answers_from_the_last_completed_run(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsflow.cli import main

    data = tmp_path / "data"
    newsflow_run(Settings.from_env(seeds_dir, data))
    _grow(seeds_dir, 200)
    proc = _start_run(seeds_dir, data, tmp_path)
    try:
        deadline = time.monotonic() + 120
        while (data / ".newsflow.lock").read_text().strip() in ("", str(os.getpid())):
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        capsys.readouterr()
        code = main(["sql", "--data", str(data), "--format", "csv", "select count(*) as n from articles"])
        running = proc.poll() is None
        out = capsys.readouterr().out
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert code == 0 and out.splitlines()[-1] == "5"
    assert running, "the run ended before the query: the test proved nothing"
