"""The newsflow run: one Prefect flow, one task per batch of files, one published snapshot."""

import datetime as dt
import multiprocessing
import uuid
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.task_runners import ThreadPoolTaskRunner

from flows.extract import (
    ArticleStage,
    FileResult,
    StageResult,
    article_stages,
    extract_files,
    run_stage,
    unreadable_result,
)
from flows.progress import progress_bar
from newsflow.settings import Settings
from transforms import articles as articles_transform
from transforms.entities import link_speakers, resolve_entities
from transforms.records import Article
from transforms.statements import group_statements
from transforms.stories import assign_stories
from warehouse import layout as data_layout
from warehouse.inputs import InputFile, scan_inputs
from warehouse.manifest import RunPlan, plan_run
from warehouse.store import (
    Build,
    DataCheckError,
    RunRecord,
    load_source_states,
    record_failed_run,
    rejections_and_failed_checks,
    row_counts,
)


@dataclass(frozen=True)
class RunSummary:
    """What a completed run did and where its results are."""

    run: RunRecord
    row_counts: list[tuple[str, int]]
    warehouse: Path
    lake: Path


@task(cache_policy=NO_CACHE)
def scan(settings: Settings) -> list[InputFile]:
    """List and hash every input file."""
    return scan_inputs(settings.input_dir, max_bytes=settings.max_file_bytes,
                       follow_symlinks=settings.follow_symlinks)


@task(cache_policy=NO_CACHE)
def extract_batch(settings: Settings, files: list[InputFile], pool: Executor) -> list[FileResult]:
    """Extract one batch of files in a worker process."""
    return pool.submit(extract_files, settings.input_dir, files, settings.extract).result()


@task(cache_policy=NO_CACHE)
def stage_batch(stage: ArticleStage, articles: list[Article], pool: Executor) -> StageResult:
    """Run one per-article stage over one batch of articles in a worker process."""
    return pool.submit(run_stage, stage.name, articles).result()


@task(cache_policy=NO_CACHE)
def apply_extraction(build: Build, plan: RunPlan, results: list[FileResult], run_id: str) -> int:
    """Remove the rows of changed and deleted files; add what this run extracted."""
    build.remove_sources(plan.to_remove)
    new_articles = [a for r in results for a in r.articles]
    build.add_articles(new_articles)
    build.add_rejections([x for r in results for x in r.rejections], run_id)
    build.add_sources([_source_row(r, run_id) for r in results])
    return len(new_articles)


@task(cache_policy=NO_CACHE)
def group_stories(build: Build, articles: list[Article], settings: Settings) -> None:
    """Corpus-level story grouping over every article."""
    build.set_stories(assign_stories(articles, settings.stories))


@task(cache_policy=NO_CACHE)
def resolve_entities_task(build: Build, articles: list[Article]) -> None:
    """Corpus-level entities from every article's NER mentions; link quote speakers to them."""
    found, mentions = resolve_entities(build.ner_mentions(), {a.article_id: a.text for a in articles})
    build.replace_entities(found, mentions)
    build.set_speaker_entities(link_speakers(build.quote_speakers(), mentions))


@task(cache_policy=NO_CACHE)
def group_statements_task(build: Build, settings: Settings) -> None:
    """Corpus-level grouping of the same statement across articles (needs the stories)."""
    build.set_statements(group_statements(build.quotes_in_context(), settings.statements))


def _build_snapshot(settings: Settings, run: RunRecord, plan: RunPlan, results: list[FileResult],
                    snapshot_name: str, pool: Executor) -> RunRecord:
    """Apply the run's changes to a copy of the warehouse, run the stages, and publish."""
    layout = data_layout.DataLayout(settings.data_dir.resolve())
    with Build(layout, snapshot_name, full_refresh=settings.full_refresh,
               keep_snapshots=settings.keep_snapshots) as build:
        extracted = apply_extraction(build, plan, results, run.run_id)
        articles = build.all_articles()
        changed = bool(results or plan.to_remove or build.started_empty)
        for stage in article_stages():
            done = build.stage_versions(stage.name)
            todo = [a for a in articles if done.get(a.article_id) != stage.version]
            batches = [todo[i : i + settings.batch_articles] for i in range(0, len(todo), settings.batch_articles)]
            futures = [stage_batch.submit(stage, batch, pool) for batch in batches]
            done_batches = [future.result() for future in futures]
            rows = [row for batch in done_batches for row in batch.rows]
            # an article a stage failed on is marked done too: retried when its file or the stage changes
            build.replace_stage_rows(stage.name, stage.table, stage.version, [a.article_id for a in todo], rows)
            build.add_rejections([f for batch in done_batches for f in batch.failures], run.run_id)
            changed = changed or bool(todo)
        if changed:  # corpus-level groupings depend only on the articles and their quotes
            group_stories(build, articles, settings)
            resolve_entities_task(build, articles)
            group_statements_task(build, settings)
        build.check(run.run_id)
        finished = RunRecord(**{
            **run.__dict__,
            "finished_at": _now(),
            "status": "completed",
            "files_rejected": build.files_rejected(),
            "articles_extracted": extracted,
        })
        build.add_run(finished)
        build.publish()
    return finished


# prefect types the runner generically; ThreadPoolTaskRunner() is the documented usage
@flow(name="newsflow-run", task_runner=ThreadPoolTaskRunner(max_workers=4), log_prints=False)  # type: ignore[arg-type]
# No `from __future__ import annotations` in this module: Prefect validates the flow's
# parameters with pydantic, which must see Settings itself, not the string "Settings".
def newsflow_run(settings: Settings) -> RunSummary:
    """Ingest every raw article file under settings.input_dir into the warehouse and lake under settings.data_dir."""
    return run_pipeline(settings)


def run_pipeline(settings: Settings) -> RunSummary:
    """The body of the flow, callable with explicit settings (tests, benchmarks)."""
    logger = get_run_logger()
    layout = data_layout.prepare(settings.data_dir)
    run_id = _run_id()
    started = _now()
    snapshot_name = f"{started:%Y%m%dT%H%M%S%f}-{run_id[:8]}"
    with data_layout.run_lock(layout, wait=settings.wait):
        removed = data_layout.remove_unfinished_builds(layout)
        if removed:
            logger.warning("removed unfinished builds of killed runs: %s", ", ".join(removed))
        files = scan(settings)
        plan = plan_run(files, load_source_states(layout), articles_transform.VERSION, settings.full_refresh)
        logger.info(
            "%d files: %d added, %d changed, %d unchanged, %d deleted; %d to extract",
            plan.files_seen, plan.files_added, plan.files_changed, plan.files_unchanged,
            plan.files_deleted, len(plan.to_extract),
        )
        run = RunRecord(
            run_id=run_id, started_at=started, finished_at=None, status="running",
            files_seen=plan.files_seen, files_added=plan.files_added,
            files_changed=plan.files_changed, files_unchanged=plan.files_unchanged,
            files_deleted=plan.files_deleted, files_rejected=0, articles_extracted=0,
            full_refresh=settings.full_refresh, input_dir=str(settings.input_dir),
        )
        try:
            with _worker_pool(settings) as pool:
                results = [unreadable_result(f) for f in plan.unreadable]
                results += _extract_all(settings, list(plan.to_extract), pool)
                finished = _build_snapshot(settings, run, plan, results, snapshot_name, pool)
        except Exception as exc:
            _record_failure(layout, settings, run, exc)
            raise
    counts = row_counts(layout.warehouse)
    logger.info("run %s completed: %s", run_id, ", ".join(f"{t} {n}" for t, n in counts))
    _report(finished, counts, layout)
    return RunSummary(finished, counts, layout.warehouse, layout.lake)


def _report(run: RunRecord, counts: list[tuple[str, int]], layout: data_layout.DataLayout) -> None:
    """Prefect artifacts of the run: its counts and row counts (a table), rejections and failed checks."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    rows = [{"measure": k, "value": v} for k, v in run.__dict__.items()
            if k.startswith("files_") or k in ("articles_extracted", "status")]
    rows += [{"measure": f"rows in {table}", "value": count} for table, count in counts]
    create_table_artifact(key="newsflow-run-counts", table=rows, description=f"newsflow run {run.run_id}")
    rejected, failed = rejections_and_failed_checks(layout.warehouse, run.run_id)
    lines = [f"# newsflow run {run.run_id}", "", f"## Rejected files ({len(rejected)})", ""]
    lines += [f"- `{path}`{f' line {line}' if line else ''}: {reason}" for path, line, reason in rejected] or ["none"]
    lines += ["", f"## Failed checks ({len(failed)})", ""]
    lines += [f"- {name} ({level}): {rows_} rows" for name, level, rows_ in failed] or ["none"]
    create_markdown_artifact(key="newsflow-run-report", markdown="\n".join(lines),
                             description="rejected files and failed checks")


def _record_failure(layout: data_layout.DataLayout, settings: Settings, run: RunRecord, exc: Exception) -> None:
    """Add a failed runs row to the last good warehouse; its data stays as it was."""
    failed = RunRecord(**{**run.__dict__, "status": "failed", "finished_at": _now(),
                          "error": f"{type(exc).__name__}: {exc}"[:2000]})
    try:
        record_failed_run(layout, failed, f"{run.started_at:%Y%m%dT%H%M%S%f}-{run.run_id[:8]}-failed",
                          settings.keep_snapshots, exc.results if isinstance(exc, DataCheckError) else ())
    except Exception as record_exc:  # never hide the run's own error behind this one
        get_run_logger().error("could not record the failed run: %s", record_exc)


@contextmanager
def _worker_pool(settings: Settings) -> Iterator[Executor]:
    """Worker processes for extraction and stages, started only when first used."""
    # spawn, not fork: the flow process runs Prefect's threads, which fork would copy mid-flight
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=settings.workers, mp_context=context) as pool:
        yield pool


def _extract_all(settings: Settings, files: list[InputFile], pool: Executor) -> list[FileResult]:
    """Extract files in batches: one Prefect task per batch, spread over worker processes."""
    batches = [files[i : i + settings.batch_files] for i in range(0, len(files), settings.batch_files)]
    futures = [extract_batch.submit(settings, batch, pool) for batch in batches]
    with progress_bar(len(files), "extracting files") as advance:
        results = []
        for future in futures:
            batch_results = future.result()
            advance(len(batch_results))
            results.extend(batch_results)
    return results


def _source_row(result: FileResult, run_id: str) -> dict[str, object]:
    return {
        "source_path": result.file.source_path,
        "source_format": result.source_format,
        "content_sha256": result.content_sha256,
        "size_bytes": result.file.size_bytes,
        "extract_version": articles_transform.VERSION,
        "article_count": len(result.articles),
        "rejected_count": len(result.rejections),
        "processed_run_id": run_id,
    }


def _run_id() -> str:
    try:
        return str(get_run_context().flow_run.id)  # type: ignore[union-attr]
    except Exception:  # outside a flow run
        return str(uuid.uuid4())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
