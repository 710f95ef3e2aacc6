"""Run `newsflow run` over the hostile folder at full size; print wall time and peak memory.

Usage: python bench/bench_hostile.py [--workdir DIR] [--keep]

The folder is tests/reliability/hostile_folder.py's at bench sizes: a 50 MB line in a .jsonl
file, a 60 MiB file over the default 50 MiB cap, a gzip bomb that inflates to 1 GiB, HTML
nested 100,000 levels deep, entity bombs, bad names, links, pipes, the five seeds and more.
The run goes through the command line in a subprocess. Peak memory is measured two ways:
the largest sum of resident memory over the whole process tree (the CLI, its Prefect server,
its worker processes), sampled from /proc every 0.1 s; and the largest single process
(getrusage RUSAGE_CHILDREN). Then the same folder is run again, which must be a no-op.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGE = os.sysconf("SC_PAGE_SIZE")


def tree_rss(root_pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
            with open(f"/proc/{entry}/statm", "rb") as handle:
                resident = int(handle.read().split()[1]) * PAGE
        except OSError:  # the process ended while being read
            continue
        fields = stat[stat.rindex(b")") + 2 :].split()
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = resident
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def measured_run(input_dir: Path, data_dir: Path) -> tuple[float, int, int]:
    """Run the CLI once; return (wall seconds, peak tree RSS bytes, exit code)."""
    newsflow = Path(sys.executable).parent / "newsflow"
    env = {**os.environ, "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180"}
    start = time.perf_counter()
    process = subprocess.Popen([str(newsflow), "run", "--input", str(input_dir), "--data", str(data_dir)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    done.set()
    sampler.join()
    elapsed = time.perf_counter() - start
    if process.returncode:
        print(stderr.decode(errors="replace")[-3000:], file=sys.stderr)
    return elapsed, peak, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", type=Path, default=None, help="where to build the folder (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the folder and the data dir afterwards")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from tests.reliability.hostile_folder import BENCH_SIZES, build_hostile_folder

    work = args.workdir or Path(tempfile.mkdtemp(prefix="newsflow-hostile-"))
    input_dir, data_dir = work / "input", work / "data"
    try:
        start = time.perf_counter()
        build_hostile_folder(input_dir, work / "outside", BENCH_SIZES)
        size = sum(p.stat().st_size for p in input_dir.rglob("*") if p.is_file() and not p.is_symlink())
        print(f"built the hostile folder in {time.perf_counter() - start:.1f} s: {size / 1e6:.0f} MB on disk")
        first, peak, code = measured_run(input_dir, data_dir)
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = usage.ru_utime + usage.ru_stime
        print(f"first run: exit {code}, {first:.1f} s wall, {cpu:.1f} s CPU over the process tree, peak RSS of "
              f"the process tree {peak / 2**20:.0f} MiB, largest single process {usage.ru_maxrss / 2**10:.0f} MiB "
              f"(load average then: {_load()})")
        again, peak_again, code_again = measured_run(input_dir, data_dir)
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(f"rerun:     exit {code_again}, {again:.1f} s wall, {usage.ru_utime + usage.ru_stime - cpu:.1f} s CPU, "
              f"peak RSS of the process tree {peak_again / 2**20:.0f} MiB (load average then: {_load()})")
        report(data_dir)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _load() -> str:
    """The 1-minute load average against the cores: timings on a shared machine mean little without it."""
    return f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def report(data_dir: Path) -> None:
    """What became of the files: counts, and every rejection reason."""
    import duckdb

    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        runs = con.execute("select status, files_seen, files_added, files_changed, files_unchanged, "
                           "files_rejected, articles_extracted from runs order by started_at").fetchall()
        for status, seen, added, changed, unchanged, rejected, extracted in runs:
            print(f"run: status {status}, files seen {seen}, added {added}, changed {changed}, "
                  f"unchanged {unchanged}, rejected {rejected}, articles extracted {extracted}")
        print("articles:", con.execute("select count(*) from articles").fetchone()[0])  # type: ignore[index]
        for path, line, reason in con.execute("select source_path, line_number, reason from rejected_files "
                                              "order by source_path, line_number").fetchall():
            print(f"  rejected {path}{f':{line}' if line else ''}: {reason[:110]}")
    finally:
        con.close()


if __name__ == "__main__":
    main()
