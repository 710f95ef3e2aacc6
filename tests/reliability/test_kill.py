"""kill -9 of a run's whole process group at random moments never loses or corrupts data.

A good run publishes a warehouse; the input then changes (edits, additions, deletions) so the
next run has real work. That run is killed with SIGKILL, again and again, at points drawn with a
seeded RNG: spread over the measured duration of an uninterrupted run, at the Nth change the run
makes under the data dir (to land inside the lake write and the publish, too short to hit by
timing), and a moment into the corpus stages. After every kill the published warehouse and lake
are exactly the previous good ones (same bytes, readable), or, when the kill came after the
switch, exactly the finished run's. After each chain of kills a run is let finish, and every table
of the warehouse and every dataset of the lake equals an uninterrupted run's (run ids, timestamps
and the runs/checks history aside). The lock of a killed run never blocks the next one.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reliability.cli_runs import (
    SEEDS,
    Rows,
    cli_env,
    copy_data_dir,
    events,
    finish,
    hooked_cmd,
    kill_group,
    published,
    run_ok,
    start,
    tail,
    tree_digest,
    write_corpus,
)

pytestmark = pytest.mark.usefixtures("prefect_backend")

RNG_SEED = 20261130
TIME_KILLS = 20  # spread over the measured duration of an uninterrupted run
LAKE_KILLS = 3  # at a random change of the lake write; and one at every change of the publish
CORPUS_KILLS = 2  # a random moment into the corpus-level stages
CHAINS = 3  # kills follow one another on one data dir; then a run is let finish and compared

# What a run is doing while each of its Prefect tasks runs (names as the flow logs them).
TASK_PHASES = {
    "scan": "scan",
    "extract_batch": "extraction and per-article stages",  # a worker extracts a batch and runs every stage on it
    "restage_batch": "per-article stages",
    "group_stories": "corpus stages",
    "resolve_entities_task": "corpus stages",
    "group_statements": "corpus stages",
    "refresh_views": "corpus stages",
}
PER_ARTICLE = ("extract_batch", "restage_batch")
_FINISHED = re.compile(r"^(\d\d:\d\d:\d\d\.\d+) .*Task run '(.+)-[0-9a-f]+' - Finished in state")


@dataclass(frozen=True)
class KillPoint:
    """Where to kill a run: at an offset in seconds, at the Nth change, or into the corpus stages."""

    kind: str  # time, change, corpus
    at: float  # seconds from the start (time, corpus: from the end of the per-article stages) or change number


@dataclass(frozen=True)
class Scenario:
    """A data dir after a good run, an input changed since, and an uninterrupted run's results."""

    tmp: Path
    input_dir: Path
    env: dict[str, str]
    base: Path  # the data dir after the good run (copied for each chain)
    base_published: dict[str, dict[str, Rows]]  # its tables, history included
    base_snapshot_files: dict[str, str]  # digest of every file of its published snapshot
    reference: dict[str, dict[str, Rows]]  # an uninterrupted run over the changed input
    duration: float  # wall time of that run, seconds
    changes: list[dict[str, object]]  # the changes it made under the data dir, in order
    tasks: list[tuple[float, str]]  # (seconds into the day, task name) as its tasks finished


def _finished_tasks(log: Path) -> list[tuple[float, str]]:
    """Prefect's 'Task run ... Finished' lines of a run's log: (seconds into the day, task name)."""
    found = []
    for line in log.read_text("utf-8", "replace").splitlines():
        match = _FINISHED.match(line)
        if match:
            h, m, s = match.group(1).split(":")
            found.append((int(h) * 3600 + int(m) * 60 + float(s), match.group(2)))
    return found


def _change_input(input_dir: Path) -> None:
    """Edit, delete and add files, so the next run extracts, removes and recomputes."""
    files = sorted(input_dir.rglob("article-*"))
    for path in files[:4]:
        path.write_text(path.read_text("utf-8") + "\nA correction was appended to this article later.\n", "utf-8")
    for path in files[-3:]:
        path.unlink()
    (input_dir / sorted(p.name for p in SEEDS.iterdir())[0]).unlink()
    write_corpus(input_dir, 6, start=500)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    tmp = tmp_path_factory.mktemp("kill")
    input_dir = tmp / "input"
    shutil.copytree(SEEDS, input_dir)
    write_corpus(input_dir, 12)
    env = cli_env(tmp / "prefect-home", NEWSFLOW_BATCH_FILES="4")
    base = tmp / "base"
    # two good runs: the run under test then has an old snapshot to prune when it publishes
    durations = []
    for i, more in enumerate((12, 0)):
        durations.append(run_ok(hooked_cmd(base, tmp / "base-changes.jsonl", "run", "--input", str(input_dir),
                                           "--data", str(base)), env, tmp / f"base-{i}.log"))
        write_corpus(input_dir, more, start=12)
    _change_input(input_dir)
    reference = tmp / "reference"
    copy_data_dir(base, reference)
    durations.append(run_ok(hooked_cmd(reference, tmp / "reference-changes.jsonl", "run", "--input",
                                       str(input_dir), "--data", str(reference)), env, tmp / "reference.log"))
    # the shorter of two runs of about the same work: on a shared machine one can be slowed down, and
    # kill points past the end of a run are wasted
    return Scenario(
        tmp=tmp, input_dir=input_dir, env=env, base=base,
        base_published=published(base, keep_run_history=True),
        base_snapshot_files=tree_digest((base / "current").resolve()),
        reference=published(reference), duration=min(durations[1:]),
        changes=events(tmp / "reference-changes.jsonl"), tasks=_finished_tasks(tmp / "reference.log"),
    )


def _kill_points(scenario: Scenario, rng: random.Random) -> list[KillPoint]:
    """The kill points: stratified over the run's duration, at lake/publish changes, in the corpus stages."""
    points = [KillPoint("time", scenario.duration * (k + rng.random()) / TIME_KILLS) for k in range(TIME_KILLS)]
    numbers = [int(str(c["n"])) for c in scenario.changes]
    lake = [n for n, c in zip(numbers, scenario.changes, strict=True) if (_landing(c) or "").startswith("lake")]
    assert lake, "the reference run wrote no lake file"
    publish = [n for n in numbers if n > lake[-1]]
    assert len(publish) >= 3, "the reference run's publish made fewer changes than a rename, a link and a switch"
    points += [KillPoint("change", n) for n in sorted(rng.sample(lake, LAKE_KILLS)) + publish]
    stage_ends = [t for t, name in scenario.tasks if name in PER_ARTICLE]
    corpus = [t for t, name in scenario.tasks if TASK_PHASES.get(name) == "corpus stages"]
    assert stage_ends and corpus, "the reference run's log shows no per-article or corpus stages"
    points += [KillPoint("corpus", rng.random() * (max(corpus) - max(stage_ends))) for _ in range(CORPUS_KILLS)]
    return points


def _landing(change: dict[str, object] | None) -> str | None:
    """Which step a change under the data dir belongs to, or None for one before the lake write."""
    if change is None:
        return None
    paths = [str(p) for p in change["paths"]]  # type: ignore[attr-defined]
    if change["event"] == "os.rename" and paths[-1] == "current":
        return "publish: switching `current`"
    if any(Path(p).name.startswith(".current-") for p in paths):
        return "publish: new `current` link"
    if (change["event"] == "os.rename" and paths[0].startswith("snapshots/.build-")
            and len(Path(paths[0]).parts) == 2 and not Path(paths[-1]).name.startswith(".")):
        return "publish: build renamed to a snapshot"
    if any("lake" in Path(p).parts for p in paths) and any(".build-" in p for p in paths):
        return f"lake write: {change['event']} {Path(paths[-1]).parent.name}"
    if (change["event"] in ("shutil.rmtree", "os.rmdir", "os.remove") and paths[0].startswith("snapshots/")
            and not any(".build-" in p for p in paths)):
        return "after publish: pruning old snapshots"
    if change["event"] == "os.symlink" or any(p in ("warehouse.duckdb", "lake") for p in paths):
        return "publish: reader links"
    return None


def _phase(log: Path, changes_log: Path, reference_tasks: list[tuple[float, str]]) -> str:
    """Where a killed run was: from the last change it made under the data dir, or from its log."""
    made = events(changes_log)
    landing = _landing(made[-1] if made else None)
    if landing:
        return landing
    if any(c["event"] == "os.rename" and str(c["paths"][-1]) == "current" for c in made[:-1]):  # type: ignore[index]
        return "after publish"
    text = log.read_text("utf-8", "replace")
    if "Beginning flow run" not in text:
        return "start-up (imports, Prefect flow run)"
    done = len(_finished_tasks(log))
    if done >= len(reference_tasks):
        return "checks and commit"
    name = reference_tasks[done][1]
    return TASK_PHASES.get(name, f"task {name}")


def _kill(proc: subprocess.Popen[bytes], began: float, point: KillPoint, log: Path,
          stage_count: int) -> bool:
    """Kill the run's process group at the point; False when it ended first (or killed itself)."""
    if point.kind == "change":
        finish(proc, log)  # the hook kills the group itself
        return proc.returncode == -9
    ready: Callable[[], bool]
    if point.kind == "time":
        def ready() -> bool:
            return time.monotonic() - began >= point.at
    else:
        reached: list[float] = []

        def ready() -> bool:
            if not reached and sum(1 for _, n in _finished_tasks(log) if n in PER_ARTICLE) >= stage_count:
                reached.append(time.monotonic())
            return bool(reached) and time.monotonic() - reached[0] >= point.at
    deadline = time.monotonic() + 600
    while proc.poll() is None:
        if ready():
            kill_group(proc)
            return True
        assert time.monotonic() < deadline, f"the run hung:\n{tail(log)}"
        time.sleep(0.01)
    return False


def _after_kill(data: Path, scenario: Scenario) -> str:
    """Check what readers see after a kill: 'previous' (unchanged) or 'finished' (the switch happened)."""
    snapshot = (data / "current").resolve()
    if snapshot.name == (scenario.base / "current").resolve().name:
        assert tree_digest(snapshot) == scenario.base_snapshot_files, "a file of the published snapshot changed"
        assert published(data, keep_run_history=True) == scenario.base_published
        return "previous"
    assert published(data) == scenario.reference
    return "finished"


def _lock_names(data: Path, pid: int) -> bool:
    """True when the data dir's lock file names this process (left there by a killed run)."""
    try:
        return (data / ".newsflow.lock").read_text().strip() == str(pid)
    except OSError:
        return False


def test_sigkill_at_random_points_never_loses_data(scenario: Scenario) -> None:
    rng = random.Random(RNG_SEED)
    points = _kill_points(scenario, rng)
    rng.shuffle(points)
    chains = [points[c::CHAINS] for c in range(CHAINS)]
    stage_count = sum(1 for _, n in scenario.tasks if n in PER_ARTICLE)
    report: list[str] = []
    killed = stale_locks = 0
    for c, chain in enumerate(chains):
        data = scenario.tmp / f"chain-{c}"
        copy_data_dir(scenario.base, data)
        for k, point in enumerate(chain):
            name = f"chain-{c}-kill-{k}"
            log, changes = scenario.tmp / f"{name}.log", scenario.tmp / f"{name}.changes.jsonl"
            if point.kind == "change" and k:  # changes are counted as on a fresh copy of the good run
                shutil.rmtree(data)
                copy_data_dir(scenario.base, data)
            began = time.monotonic()
            proc = start(hooked_cmd(data, changes, "run", "--input", str(scenario.input_dir), "--data", str(data),
                                    kill_at=int(point.at) if point.kind == "change" else 0), scenario.env, log)
            was_killed = _kill(proc, began, point, log, stage_count)
            at = time.monotonic() - began
            if not was_killed:
                # a run may end before a late kill point: then it must have completed
                assert proc.returncode == 0, f"{name} failed on its own:\n{tail(log)}"
            seen = _after_kill(data, scenario)
            phase = _phase(log, changes, scenario.tasks) if was_killed else "(the run ended first)"
            stale = was_killed and _lock_names(data, proc.pid)
            report.append(f"{name:17} {point.kind:6} {point.at:6.2f} {at:5.1f}s  {phase:38} -> readers see "
                          f"{seen}{', lock names the dead run' if stale else ''}")
            killed += was_killed
            stale_locks += stale
            if seen == "finished":  # nothing left for the next run to do: start from the good run again
                shutil.rmtree(data)
                copy_data_dir(scenario.base, data)
        run_ok(hooked_cmd(data, scenario.tmp / f"chain-{c}-finish.changes.jsonl", "run", "--input",
                          str(scenario.input_dir), "--data", str(data)),
               scenario.env, scenario.tmp / f"chain-{c}-finish.log")
        assert published(data) == scenario.reference, f"chain {c}: the run after the kills differs"
        assert not list((data / "snapshots").glob(".build-*")), "a killed run's build dir was left behind"
        report.append(f"chain-{c} run to the end: every table and the lake equal the uninterrupted run's")
    print(f"\nuninterrupted run: {scenario.duration:.1f} s; {killed} kills; kill points "
          "(kind, at, wall, landed in, readers saw):")
    print("\n".join(report))
    assert killed >= 20, f"only {killed} runs were killed: the kill points missed the run"
    # the next run went past a lock file naming a killed run (flock dies with its holder)
    assert stale_locks >= 1, "no kill left the lock file naming the killed run: the stale-lock case was not tried"
