"""Incremental runs end where a full recompute ends: the same rows and ids in every table."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import newsflow_run, run_flow
from newsflow.settings import Settings

pytestmark = pytest.mark.usefixtures("prefect_backend")

REPO = Path(__file__).resolve().parents[2]
EVAL_DEV = REPO.parent / "shared" / "eval-dev"
# Every dataset but the run history (run ids and times differ by nature).
COMPARED = ["articles", "quotes", "figures", "entities", "entity_mentions", "rejected_files", "statements",
            "figure_disagreements", "source_files", "article_stages", "ner_mentions", "story_features",
            "alias_groups", "aliases", "propagated_mentions"]
IGNORED = {"run_id", "processed_run_id", "mtime_ns"}


def tables(data: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        found = {}
        for table in COMPARED:
            columns = [c[0] for c in con.execute(f"describe {table}").fetchall() if c[0] not in IGNORED]
            found[table] = sorted(con.execute(f"select {', '.join(columns)} from {table}").fetchall(), key=repr)
        return found
    finally:
        con.close()


def _edit(path: Path, sentence: str) -> None:
    text = path.read_text("utf-8", errors="replace")
    if path.suffix == ".html":
        path.write_text(text.replace("</p>", f" {sentence}</p>", 1), "utf-8")
    else:
        path.write_text(text + f"\n{sentence}\n", "utf-8")


def _incremental_then_full(source: Path, tmp_path: Path) -> None:
    """Run on two thirds of the files, then on all of them with some changed and some deleted;
    compare with one run over the final files."""
    inp = tmp_path / "arriving"
    shutil.copytree(source, inp)
    files = sorted(p for p in inp.rglob("*") if p.is_file())
    later = files[len(files) // 3 :: 2]  # every other file of the last two thirds arrives later
    held = tmp_path / "held"
    held.mkdir()
    for i, path in enumerate(later):
        shutil.move(path, held / f"{i}-{path.name}")
    data = tmp_path / "incremental"
    newsflow_run(Settings.from_env(inp, data))
    for i, path in enumerate(later):
        shutil.move(held / f"{i}-{path.name}", path)
    kept = [p for p in files if p not in later]
    _edit(kept[0], "The mayor of the city said on Friday that 40 more families had come back.")
    _edit(kept[-1], "Rebels said they had reached the outskirts of the capital.")
    kept[1].unlink()
    newsflow_run(Settings.from_env(inp, data))
    full = tmp_path / "full"
    newsflow_run(Settings.from_env(inp, full))
    incremental, recomputed = tables(data), tables(full)
    for table in COMPARED:
        assert incremental[table] == recomputed[table], table


def test_incremental_runs_equal_a_full_recompute_on_the_seeds(seeds_dir: Path, tmp_path: Path) -> None:
    _incremental_then_full(seeds_dir, tmp_path)


@pytest.mark.skipif(not EVAL_DEV.is_dir(), reason="needs ../shared/eval-dev (make_corpus.py reads its pages)")
def test_incremental_runs_equal_a_full_recompute_on_a_realistic_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(REPO.parent / "shared" / "tools" / "make_corpus.py"), str(EVAL_DEV), "150",
                    str(corpus)], check=True, stdout=subprocess.DEVNULL)
    _incremental_then_full(corpus, tmp_path)


def test_a_dask_cluster_gives_the_same_tables_as_local_workers(seeds_dir: Path, tmp_path: Path) -> None:
    local, dask = tmp_path / "local", tmp_path / "dask"
    newsflow_run(Settings.from_env(seeds_dir, local))
    state = run_flow(Settings.from_env(seeds_dir, dask, task_runner="dask"))
    assert state.is_completed(), state.message
    assert tables(dask) == tables(local)
