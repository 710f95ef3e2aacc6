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


def test_copies_that_become_originals_and_back_end_as_a_full_recompute(seeds_dir: Path, tmp_path: Path) -> None:
    # a story is grouped over originals and a copy takes its original's story, so an article
    # that stops or starts being a copy (an earlier copy arrives, its original is deleted)
    # leaves or enters the story graph without any change of its own
    inp, data = tmp_path / "files", tmp_path / "incremental"
    shutil.copytree(seeds_dir, inp)
    first = sorted(inp.glob("*.txt"))[0]
    text = first.read_text("utf-8")
    late = inp / "zz-copy.txt"
    late.write_text(text + "\nThe agency added a line of its own to this copy.\n", "utf-8")
    first.unlink()  # the copy is an original until the earlier ones arrive
    early = inp / "00-copy.txt"

    def same_as_full(step: str) -> None:
        full = tmp_path / f"full-{step}"
        newsflow_run(Settings.from_env(inp, full))
        incremental, recomputed = tables(data), tables(full)
        for table in COMPARED:
            assert incremental[table] == recomputed[table], (step, table)

    newsflow_run(Settings.from_env(inp, data))
    early.write_text(text + "\nAnother site put a different line under it.\n", "utf-8")
    newsflow_run(Settings.from_env(inp, data))  # the late copy is a copy now: it leaves the story graph
    same_as_full("earlier copy arrived")
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        rows = dict(con.execute("select source_path, duplicate_of is not null from articles "
                                "where source_path like '%-copy.txt'").fetchall())
        stories = con.execute("select count(distinct story_id) from articles "
                              "where source_path like '%-copy.txt'").fetchone()
    finally:
        con.close()
    assert rows == {"00-copy.txt": False, "zz-copy.txt": True}
    assert stories == (1,)
    early.unlink()
    newsflow_run(Settings.from_env(inp, data))  # its original is gone: it is an original again
    same_as_full("original deleted")


def _query(data: Path, statement: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(statement).fetchall()
    finally:
        con.close()


def test_a_change_of_the_views_recomputes_their_rows_and_nothing_else(seeds_dir: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # the cross-source views are SQL over the tables: new view SQL recomputes every row of them
    # from the tables of the last run, without reading a file or re-running a stage
    import warehouse.build
    import warehouse.catalog
    import warehouse.sqlfiles

    data = tmp_path / "data"
    newsflow_run(Settings.from_env(seeds_dir, data))
    count = "select count(*), min(outlet_count) from story_statements"
    before = _query(data, count)[0]
    assert before[0] > 0 and before[1] == 2
    original = warehouse.sqlfiles.view_sql

    def one_outlet_enough(name: str) -> str:  # story_statements with statements one outlet carried too
        text = original(name)
        if name == "story_statements":
            assert "outlet_count >= 2" in text
            return text.replace("outlet_count >= 2", "outlet_count >= 1")
        return text

    for module in (warehouse.build, warehouse.catalog, warehouse.sqlfiles):
        monkeypatch.setattr(module, "view_sql", one_outlet_enough)
    newsflow_run(Settings.from_env(seeds_dir, data))
    after = _query(data, count)[0]
    assert after[1] == 1 and after[0] > before[0]
    run = _query(data, "select files_unchanged, articles_extracted from runs order by started_at desc limit 1")
    assert run == [(5, 0)]

    monkeypatch.undo()  # back to the views of the first run: their rows are those of the first run
    newsflow_run(Settings.from_env(seeds_dir, data))
    assert _query(data, count)[0] == before
    full = tmp_path / "full"
    newsflow_run(Settings.from_env(seeds_dir, full))
    for view in ("story_statements", "first_reports", "stories", "statements"):
        assert sorted(_query(data, f"select * from {view}"), key=repr) == \
            sorted(_query(full, f"select * from {view}"), key=repr), view
