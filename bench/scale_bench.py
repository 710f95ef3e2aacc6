"""Does a rerun cost what changed at 100,000 articles? A big warehouse built without running NLP again.

Usage: python bench/scale_bench.py BASE_CORPUS BASE_DATA TARGET [--work DIR] [--changed 10]

BASE_CORPUS is a folder newsflow already ran on, into BASE_DATA (bench/run_bench.py leaves
/tmp/newsflow-bench/corpus-N and data-N). This script writes TARGET input files, each a copy of
a base file with one sentence of its own appended (new path, new bytes), and builds their
warehouse the way a run would, except that the expensive per-article rows (NER mentions, quotes,
figures, story features, keys) are the base article's, moved to the copy's new ids, instead of
being computed again; articles, source files and every corpus-level table (stories, copies,
entities, statements, cross-source views) are computed by the pipeline's own code over all
TARGET articles. Then it times `newsflow run` on that folder: with nothing changed, and with
--changed files changed, and prints seconds and peak RSS beside the same reruns on the base folder.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run_bench import change_files, measure  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def build_copies(base_corpus: Path, base_data: Path, target: int, corpus: Path, data: Path) -> None:
    """Write the copies and their warehouse (a normal snapshot the next `newsflow run` starts from)."""
    import duckdb

    from flows import pipeline
    from newsflow.settings import Settings
    from transforms.articles import VERSION as EXTRACT_VERSION
    from transforms.articles import article_id as make_article_id
    from transforms.ids import stable_id
    from transforms.stages import stage_versions
    from warehouse import ingest
    from warehouse.build import Build
    from warehouse.checks import check_build
    from warehouse.layout import prepare
    from warehouse.snapshot import RunRecord

    base = duckdb.connect(str(base_data / "warehouse.duckdb"), read_only=True)
    articles = base.execute("select * exclude (story_id, duplicate_of) from articles order by source_path").fetchall()
    columns = [d[0] for d in base.description]
    by_path = {row[columns.index("source_path")]: row for row in articles}
    files = sorted(p for p in base_corpus.rglob("*") if p.is_file()
                   and p.relative_to(base_corpus).as_posix() in by_path)
    copies = -(-target // len(files))
    base_rows = {table: _rows_by_article(base, table) for table in _copied_tables()}  # read once
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(data, ignore_errors=True)
    layout = prepare(data)
    versions = stage_versions()
    settings = Settings.from_env(corpus, data)
    run_id = str(uuid.uuid4())
    started = time.perf_counter()
    with Build(layout, f"{time.strftime('%Y%m%dT%H%M%S')}000000-{run_id[:8]}", previous=None,
               keep_snapshots=2, memory_limit="2GB") as build:
        made = 0
        for k in range(copies):
            batch_articles, sources = [], []
            rows: dict[str, list[dict[str, object]]] = {}
            for path in files:
                if made >= target:
                    break
                rel = path.relative_to(base_corpus).as_posix()
                new_rel = f"copy{k:04d}/{rel}"
                sentence = f"Editors added note {k} to this copy of the report."
                raw = path.read_bytes() + f"\n{sentence}\n".encode()
                out = corpus / new_rel
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(raw)
                info = out.stat()
                row = dict(zip(columns, by_path[rel], strict=True))
                old_id = row["article_id"]
                new_id = make_article_id(new_rel, None)
                row.update(article_id=new_id, source_path=new_rel, content_sha256=hashlib.sha256(raw).hexdigest(),
                           text=f"{row['text']}\n\n{sentence}", word_count=row["word_count"] + len(sentence.split()))
                batch_articles.append(row)
                sources.append({"source_path": new_rel, "source_format": row["source_format"],
                                "content_sha256": row["content_sha256"], "size_bytes": info.st_size,
                                "mtime_ns": info.st_mtime_ns, "extract_version": EXTRACT_VERSION,
                                "article_count": 1, "rejected_count": 0, "processed_run_id": run_id})
                quote_ids: dict[object, object] = {}
                for table in _copied_tables():
                    of_article = base_rows[table].get(old_id, [])
                    if table == "quotes":  # the copy's quote ids, for the rows that refer to them
                        quote_ids.update({r["quote_id"]: stable_id("quote", new_id, r["start_char"], r["end_char"])
                                          for r in of_article})
                    rows.setdefault(table, []).extend(_moved(r, new_id, new_rel, quote_ids, stable_id)
                                                      for r in of_article)
                for name, version in versions.items():
                    rows.setdefault("article_stages", []).append(
                        {"article_id": new_id, "stage": name, "version": version})
                made += 1
            ids = [a["article_id"] for a in batch_articles]
            build.replace_units("articles", ids, batch_articles)
            for table, table_rows in rows.items():
                build.replace_units(table, ids, table_rows)
            build.replace_units("source_files", [s["source_path"] for s in sources], sources)
            print(f"  {made} articles", flush=True)
        print(f"rows copied in {time.perf_counter() - started:.0f} s; corpus stages...", flush=True)
        seconds: dict[str, float] = {}
        pipeline.corpus_stages(build, settings, seconds, as_tasks=False)
        print("corpus stages (s): " + ", ".join(f"{k} {v:.0f}" for k, v in seconds.items()), flush=True)
        check_build(build, run_id)
        now = pipeline._now()
        ingest.record_run(build, RunRecord(
            run_id=run_id, started_at=now, finished_at=now, status="completed", files_seen=made, files_added=made,
            files_changed=0, files_unchanged=0, files_deleted=0, files_rejected=0, articles_extracted=made,
            full_refresh=False, input_dir=str(corpus), error="built by bench/scale_bench.py from copies"))
        build.publish()
    base.close()
    print(f"{made} articles built in {time.perf_counter() - started:.0f} s", flush=True)


def _copied_tables() -> list[str]:
    """The per-article stage tables, quotes first (the keys of other rows refer to quote ids)."""
    from transforms.stages import article_stages

    return [s.table for s in article_stages()]


def _rows_by_article(con: object, table: str) -> dict[str, list[dict[str, object]]]:
    """Every row of a base table, by article id (the base warehouse is small: read it once)."""
    cursor = con.execute(f"select * from {table}")  # type: ignore[attr-defined]  # noqa: S608
    names = [d[0] for d in cursor.description]
    by_article: dict[str, list[dict[str, object]]] = {}
    for r in cursor.fetchall():
        row = dict(zip(names, r, strict=True))
        by_article.setdefault(str(row["article_id"]), []).append(row)
    return by_article


def _moved(row: dict[str, object], new: str, path: str, quote_ids: dict[object, object],
           stable_id: Any) -> dict[str, object]:
    """A row of the base article as a row of its copy: the new article id, and ids derived from it again."""
    row = {**row, "article_id": new}
    if "figure_id" in row:
        row["figure_id"] = stable_id("figure", new, row["start_char"], row["end_char"])
    if "quote_id" in row:  # a quote, or a statement key of one
        row["quote_id"] = quote_ids[row["quote_id"]]
    if "quote_text" in row:
        row["part_of"] = quote_ids.get(row["part_of"]) if row.get("part_of") else None
        row["statement_id"] = row["speaker_entity_id"] = None  # corpus-level: computed again
    if "source_path" in row:
        row["source_path"] = path
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_corpus", type=Path)
    parser.add_argument("base_data", type=Path)
    parser.add_argument("target", type=int)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsflow-bench"))
    parser.add_argument("--changed", type=int, default=10)
    parser.add_argument("--reuse", action="store_true", help="keep an existing copied warehouse")
    args = parser.parse_args()
    corpus, data = args.work / f"copies-{args.target}", args.work / f"copies-data-{args.target}"
    if not (args.reuse and (data / "warehouse.duckdb").exists()):
        build_copies(args.base_corpus, args.base_data, args.target, corpus, data)
    newsflow = str(REPO / ".venv" / "bin" / "newsflow")
    results = []
    for label, folder, target in (("base", args.base_corpus, args.base_data), ("copies", corpus, data)):
        seconds, peak, code = measure([newsflow, "run", "--input", str(folder), "--data", str(target)])
        results.append((label, "no-op rerun", seconds, peak, code))
        change_files(folder, args.changed, f"scale {time.time_ns()}")
        seconds, peak, code = measure([newsflow, "run", "--input", str(folder), "--data", str(target)])
        results.append((label, f"{args.changed} files changed", seconds, peak, code))
    sizes = {"base": sum(1 for p in args.base_corpus.rglob("*") if p.is_file()),
             "copies": sum(1 for p in corpus.rglob("*") if p.is_file())}
    print()
    print("| warehouse | rerun | seconds | peak RSS (MiB) |")
    print("|---|---|---|---|")
    for label, rerun, seconds, peak, code in results:
        print(f"| {sizes[label]:,} articles | {rerun} | {seconds:.1f}{'' if code == 0 else ' (failed)'} | {peak:.0f} |")
    base10 = next(s for lb, r, s, *_ in results if lb == "base" and r.endswith("changed"))
    big10 = next(s for lb, r, s, *_ in results if lb == "copies" and r.endswith("changed"))
    print(f"{args.changed}-file rerun at {sizes['copies']:,} / at {sizes['base']:,}: {big10 / base10:.2f}x")


if __name__ == "__main__":
    main()
