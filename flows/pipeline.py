"""The newsflow run: one Prefect flow, one task per batch of files, one published snapshot."""

# No `from __future__ import annotations` in this module: Prefect validates the flow's
# parameters with pydantic, which must see Settings itself, not the string "Settings".

import datetime as dt
import multiprocessing
import os
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.task_runners import ThreadPoolTaskRunner

from flows.memory import PeakMemory, peak_memory, release_free_memory
from flows.progress import progress_bar
from flows.worker import BatchResult, FileOutcome, process_articles, process_files, unreadable_outcome
from newsflow.settings import Settings
from transforms import articles as articles_transform
from transforms.components import update_components
from transforms.ids import stable_id
from transforms.records import Rejection
from transforms.stages import inputs_of, stage_versions, stages_to_rerun
from transforms.statements import statement_rule
from transforms.stories import duplicate_rule, story_rule
from warehouse import entity_groups, groups, ingest
from warehouse import layout as data_layout
from warehouse.build import Build
from warehouse.checks import DataCheckError, add_checks, check_build
from warehouse.inputs import scan_inputs
from warehouse.manifest import RunPlan, ToRead, plan_run
from warehouse.snapshot import (
    RunRecord,
    SourceState,
    previous_runs,
    published_snapshot,
    rejections_and_failed_checks,
    row_counts,
    schema_matches,
    source_states,
)
from warehouse.tables import ARTICLE_TABLES, DERIVED_TABLES, TABLES


@dataclass(frozen=True)
class RunSummary:
    """What a completed run did and where its results are."""

    run: RunRecord
    row_counts: list[tuple[str, int]]
    warehouse: Path
    lake: Path
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per step of the run


@task(cache_policy=NO_CACHE)
def scan(settings: Settings, known: Path | None) -> RunPlan:
    """List every input file (stat only: nothing is read) and plan the run against the source states
    of the snapshot `known` (None: every file is new). Returns the plan, not the listing: a task's
    result stays referenced by Prefect for the whole run."""
    files = scan_inputs(settings.input_dir, max_bytes=settings.max_file_bytes, follow_symlinks=settings.follow_symlinks)
    return plan_run(files, source_states(known) if known is not None else (),
                    extract_version=articles_transform.VERSION, full_refresh=settings.full_refresh,
                    verify=settings.verify)


@task(cache_policy=NO_CACHE)
def extract_batch(settings: Settings, batch: list[ToRead], pool: Executor | None) -> BatchResult:
    """Read, extract and run the per-article stages over one batch of files (in a worker process)."""
    files = [item.file for item in batch]
    known = {item.file.source_path: item.skip_if_sha for item in batch if item.skip_if_sha}
    if pool is None:  # on a Dask worker: this process is the worker
        return process_files(settings.input_dir, files, known, settings.extract)
    return pool.submit(process_files, settings.input_dir, files, known, settings.extract).result()


@task(cache_policy=NO_CACHE)
def restage_batch(articles: list[Any], stage_names: list[str], given: dict[str, list[Any]],
                  pool: Executor | None) -> BatchResult:
    """Re-run some per-article stages over articles already in the warehouse."""
    if pool is None:
        return process_articles(articles, stage_names, given)
    return pool.submit(process_articles, articles, stage_names, given).result()


@task(cache_policy=NO_CACHE)
def group_stories(build: Build, settings: Settings) -> list[str]:
    """Copies and stories, updated for the articles whose features changed; the articles whose story changed.

    Stories are components of the originals alone, and a copy takes its original's story: a
    page copied a thousand times costs one node of the story rule, not a thousand."""
    changed, removed = groups.story_changes(build)
    if not changed and not removed:
        return []
    copies = groups.StoryNeighbourhood(build, "copy")
    copy_groups = update_components(changed, removed, copies, duplicate_rule(settings.stories))
    ages = {f.article_id: f.age_key() for f in copies.nodes([a for g in copy_groups for a in g])}
    duplicate_of: dict[str, str | None] = {}
    for group in copy_groups:
        original = min(group, key=lambda a: ages[a])
        duplicate_of.update({a: (original if a != original else None) for a in group})
    groups.set_duplicates(build, duplicate_of)
    # the story graph's nodes that came, changed or went: changed articles that are originals,
    # and articles that became (or stopped being) originals with their features unchanged
    changed_ids = {f.article_id for f in changed}
    affected = sorted(set(duplicate_of) | changed_ids | {f.article_id for f in removed})
    was = groups.previous_originals(build, affected)
    now = {a for a, d in duplicate_of.items() if d is None}
    entered = sorted((now - was) - changed_ids)
    left = sorted((was - now) - changed_ids - {f.article_id for f in removed})
    story_changed = [f for f in changed if f.article_id in now] + list(groups.story_features_of(build, entered))
    story_removed = ([f for f in removed if f.article_id in was]
                     + list(groups.story_features_of(build, left, previous=True)))
    stories = groups.StoryNeighbourhood(build, "story")
    story_groups = update_components(story_changed, story_removed, stories, story_rule(settings.stories))
    ages = {f.article_id: f.age_key() for f in stories.nodes([a for g in story_groups for a in g])}
    story_ids = {a: stable_id("story", min(group, key=lambda x: ages[x])) for group in story_groups for a in group}
    return groups.set_story_ids(build, groups.story_ids_with_copies(build, story_ids, duplicate_of))


@task(cache_policy=NO_CACHE)
def resolve_entities_task(build: Build) -> None:
    """Entities, their mentions and quote speakers, re-resolved where the changed articles reach."""
    changed = set(build.touched_units("ner_mentions")) | set(build.touched_units("article_words"))
    entity_groups.resolve_changes(build, sorted(changed))


@task(cache_policy=NO_CACHE)
def group_statements(build: Build, settings: Settings, story_changed: list[str]) -> list[str]:
    """The same statement across articles, updated for the quotations that changed or changed story."""
    changed, removed = groups.statement_changes(build, story_changed)
    components = update_components(changed, removed, groups.StatementNeighbourhood(build),
                                   statement_rule(settings.statements))
    return groups.set_statement_ids(build, groups.statement_ids_of(build, components))


@task(cache_policy=NO_CACHE)
def refresh_views(build: Build, statements_changed: list[str]) -> None:
    """Materialise the cross-source views for the stories and statements this run touched.

    Every change to an article's rows (its own, or a corpus column set on it: story, statement,
    speaker, entity) touches that article's units, so the stories and statements to refresh are
    those of the touched articles, before and after, and those of articles mentioning an entity
    whose name or type changed. When the views' SQL changed, every story and statement."""
    if build.views_changed:  # the views' SQL changed since the last run: all of their rows
        stories, statements = set(groups.all_keys(build, "story_id")), set(groups.all_keys(build, "statement_id"))
    else:
        stories = set(groups.touched_keys(build, "story_id", ARTICLE_TABLES))
        stories |= set(groups.renamed_entity_stories(build))
        statements = set(groups.touched_keys(build, "statement_id", ["quotes"])) | set(statements_changed)
    sizes = {"story_id": groups.key_sizes(build, "story_id", sorted(stories)),
             "statement_id": groups.key_sizes(build, "statement_id", sorted(statements))}
    for name in DERIVED_TABLES:
        unit = TABLES[name].unit
        build.refresh_derived(name, sorted(stories if unit == "story_id" else statements), sizes[unit])


def _timed(seconds: dict[str, float], step: str) -> "_Timer":
    return _Timer(seconds, step)


class _Timer:
    def __init__(self, seconds: dict[str, float], step: str):
        self.seconds, self.step = seconds, step

    def __enter__(self) -> None:
        self.started = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.seconds[self.step] = self.seconds.get(self.step, 0.0) + time.perf_counter() - self.started


# prefect types the runner generically; ThreadPoolTaskRunner() is the documented usage
@flow(name="newsflow-run", task_runner=ThreadPoolTaskRunner(max_workers=4), log_prints=False)  # type: ignore[arg-type]
def newsflow_run(settings: Settings) -> RunSummary:
    """Ingest every raw article file under settings.input_dir into the warehouse and lake under settings.data_dir."""
    return run_pipeline(settings)


def run_flow(settings: Settings) -> Any:
    """Run the flow with the task runner the settings ask for (local worker processes, or Dask); its final state."""
    if settings.task_runner != "dask":
        return newsflow_run(settings, return_state=True)
    from prefect_dask import DaskTaskRunner

    if settings.dask_address:  # an existing scheduler, whose workers share the input dir's filesystem
        runner = DaskTaskRunner(address=settings.dask_address)
    else:  # a LocalCluster of worker processes on this machine, one task at a time each
        runner = DaskTaskRunner(cluster_kwargs={"n_workers": settings.workers, "threads_per_worker": 1,
                                                "processes": True, "dashboard_address": None})
    with _api_for_workers():
        # prefect-dask's runner is a TaskRunner; prefect's own annotation is narrower than its use
        return newsflow_run.with_options(task_runner=runner)(settings, return_state=True)  # type: ignore[arg-type]


@contextmanager
def _api_for_workers() -> Iterator[None]:
    """A Prefect API the Dask workers can reach: the configured one, or a temporary server; its
    address goes to the environment the worker processes inherit (without it each would start an
    ephemeral server of its own)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    before = os.environ.get("PREFECT_API_URL")
    configured = PREFECT_API_URL.value()
    server = None
    if not configured:
        from prefect.server.api.server import SubprocessASGIServer

        server = SubprocessASGIServer()
        server.start(timeout=120)
        configured = server.api_url
    os.environ["PREFECT_API_URL"] = configured
    try:
        with temporary_settings(updates={PREFECT_API_URL: configured}):
            yield
    finally:
        if before is None:
            del os.environ["PREFECT_API_URL"]
        else:
            os.environ["PREFECT_API_URL"] = before
        if server is not None:
            server.stop()


def run_pipeline(settings: Settings) -> RunSummary:
    """The body of the flow, callable with explicit settings (tests, benchmarks)."""
    logger = get_run_logger()
    seconds: dict[str, float] = {}
    layout = data_layout.prepare(settings.data_dir)
    run_id = _run_id()
    started = _now()
    snapshot_name = f"{started:%Y%m%dT%H%M%S%f}-{run_id[:8]}"
    with data_layout.run_lock(layout, wait=settings.wait):
        removed = data_layout.remove_unfinished_builds(layout)
        if removed:
            logger.warning("removed unfinished builds of killed runs: %s", ", ".join(removed))
        previous = published_snapshot(layout)
        known = previous is not None and schema_matches(previous)  # its source states can be compared
        fresh = previous is None or settings.full_refresh or not known
        with _timed(seconds, "scan"):
            plan = scan(settings, previous if known else None)
        logger.info("%d files: %d to read, %d unchanged by size and time, %d deleted, %d unreadable",
                    plan.files_seen, len(plan.to_read), len(plan.kept), len(plan.deleted), len(plan.unreadable))
        run = RunRecord(
            run_id=run_id, started_at=started, finished_at=None, status="running",
            files_seen=plan.files_seen, files_added=0, files_changed=0, files_unchanged=len(plan.kept),
            files_deleted=len(plan.deleted), files_rejected=0, articles_extracted=0,
            full_refresh=settings.full_refresh, input_dir=str(settings.input_dir),
        )
        try:
            with peak_memory() as memory:
                finished = _build_snapshot(settings, layout, run, plan, snapshot_name,
                                           previous=None if fresh else previous,
                                           history=previous_runs(previous) if previous is not None and fresh else [],
                                           seconds=seconds, memory=memory)
        except Exception as exc:
            _record_failure(layout, settings, run, exc)
            raise
    counts = row_counts(layout.warehouse)
    logger.info("run %s completed: %s", run_id, ", ".join(f"{t} {n}" for t, n in counts))
    logger.info("seconds per step: %s", ", ".join(f"{k} {v:.2f}" for k, v in seconds.items()))
    _report(finished, counts, layout)
    return RunSummary(finished, counts, layout.warehouse, layout.lake, seconds)


def corpus_stages(build: Build, settings: Settings, seconds: dict[str, float], *, as_tasks: bool = True) -> None:
    """Stories, entities, statements and the cross-source views, in that order, each timed.

    as_tasks=False calls the functions under the tasks (bench/scale_bench.py, outside a flow)."""
    def step(t: Any) -> Any:
        return t if as_tasks else t.fn

    with _timed(seconds, "stories"):
        story_changed = step(group_stories)(build, settings)
    with _timed(seconds, "entities"):
        step(resolve_entities_task)(build)
    with _timed(seconds, "statements"):
        statements_changed = step(group_statements)(build, settings, story_changed)
    with _timed(seconds, "views"):
        step(refresh_views)(build, statements_changed)


def _build_snapshot(settings: Settings, layout: data_layout.DataLayout, run: RunRecord, plan: RunPlan,
                    snapshot_name: str, *, previous: Path | None,
                    history: list[dict[str, object]], seconds: dict[str, float], memory: PeakMemory) -> RunRecord:
    """Apply the run's changes to a build started from the last snapshot, run the stages, and publish."""
    versions = stage_versions()
    counts = {"added": 0, "changed": 0, "unchanged": run.files_unchanged, "extracted": 0}
    with Build(layout, snapshot_name, previous=previous, keep_snapshots=settings.keep_snapshots) as build:
        # the worker processes (each with its spaCy model) end before the corpus-level stages start:
        # their memory is not held while the build's queries run, and the build's cache stays small
        # while they live
        with _worker_pool(settings) as pool, build.small_cache():
            with _timed(seconds, "apply"):
                ingest.remove_sources(build, plan.deleted)
                for f in plan.unreadable:
                    _apply(build, BatchResult([unreadable_outcome(f)]), plan.previous, versions, run.run_id, counts)
            with _timed(seconds, "extract"):
                for result in _extract_all(settings, plan, pool):
                    with _timed(seconds, "apply"):
                        _apply(build, result, plan.previous, versions, run.run_id, counts)
                    for step, value in result.seconds.items():
                        seconds[f"worker {step}"] = seconds.get(f"worker {step}", 0.0) + value
                    del result  # its rows are in the build now
                    release_free_memory()
            with _timed(seconds, "restage"):
                _rerun_outdated_stages(build, settings, versions, pool, run.run_id)
        changed = previous is None or build.views_changed or any(build.touched_units(t) for t in ARTICLE_TABLES)
        if changed:  # corpus-level groupings depend only on the articles and their stage rows
            corpus_stages(build, settings, seconds)
        with _timed(seconds, "checks"):
            check_build(build, run.run_id)
        rejected = ingest.files_rejected(build)
        publishing = time.perf_counter()
        finished: list[RunRecord] = []

        def record() -> None:  # the run's own row, written last, when publishing is nearly done
            seconds["publish"] = time.perf_counter() - publishing
            finished.append(replace(
                run, finished_at=_now(), status="completed", files_added=counts["added"],
                files_changed=counts["changed"], files_unchanged=counts["unchanged"],
                files_rejected=rejected, articles_extracted=counts["extracted"],
                step_seconds={k: round(v, 3) for k, v in seconds.items()}, peak_rss_mb=memory.peak_mb,
            ))
            ingest.record_run(build, finished[0], history)

        build.publish(before_runs=record)
    return finished[0]


def _apply(build: Build, result: BatchResult, states: Mapping[str, SourceState], versions: dict[str, str],
           run_id: str, counts: dict[str, int]) -> None:
    """Write one batch's outcomes to the build and count added, changed and unchanged files."""
    replaced: list[FileOutcome] = []
    touched: list[ingest.SourceRow] = []
    for outcome in result.outcomes:
        before = states.get(outcome.file.source_path)
        if before is None:
            counts["added"] += 1
        elif outcome.content_sha256 is not None and outcome.content_sha256 == before.content_sha256:
            counts["unchanged"] += 1
        else:
            counts["changed"] += 1
        row = ingest.SourceRow(
            source_path=outcome.file.source_path, source_format=outcome.source_format,
            content_sha256=outcome.content_sha256, size_bytes=outcome.file.size_bytes,
            mtime_ns=outcome.file.mtime_ns, extract_version=articles_transform.VERSION,
            article_count=len(outcome.articles), rejected_count=len(outcome.rejections), processed_run_id=run_id,
        )
        if outcome.unchanged and before is not None:  # same bytes: only its size and time are new
            touched.append(replace(row, article_count=0, rejected_count=0, processed_run_id=run_id))
        else:
            replaced.append(outcome)
            counts["extracted"] += len(outcome.articles)
            touched.append(row)
    if touched and not replaced:
        _refresh_source_rows(build, touched)
        return
    _refresh_source_rows(build, [t for t in touched if t.source_path not in {o.file.source_path for o in replaced}])
    ingest.replace_sources(
        build,
        [t for t in touched if t.source_path in {o.file.source_path for o in replaced}],
        [a for o in replaced for a in o.articles],
        [r for o in replaced for r in o.rejections] + result.failures,
        result.stage_rows, versions, run_id,
    )


def _refresh_source_rows(build: Build, rows: list[ingest.SourceRow]) -> None:
    """Files read again with the same bytes: keep their rows, record their new size and time."""
    if not rows:
        return
    paths = [r.source_path for r in rows]
    build.touch_units("source_files", paths)
    for r in rows:
        build.con.execute("update delta.source_files set size_bytes = ?, mtime_ns = ? where source_path = ?",
                          [r.size_bytes, r.mtime_ns, r.source_path])


def _rerun_outdated_stages(build: Build, settings: Settings, versions: dict[str, str], pool: Executor | None,
                           run_id: str) -> None:
    """Stages whose version changed since they ran on an article run again on it (in batches)."""
    if ingest.stages_current(build, versions):
        return  # the last run left every article at these versions, and new articles got them
    outdated = ingest.outdated_stages(build, versions)
    groups: dict[tuple[str, ...], list[str]] = {}
    for article_id, stages in outdated.items():
        groups.setdefault(tuple(stages_to_rerun(stages)), []).append(article_id)
    for names, ids in sorted(groups.items()):
        for start in range(0, len(ids), settings.batch_articles):
            chunk = ids[start : start + settings.batch_articles]
            given = {n: ingest.load_stage_rows(build, n, chunk) for n in inputs_of(names)}
            result = restage_batch(ingest.load_articles(build, chunk), list(names), given, pool)
            ingest.replace_stage_rows(build, result.stage_rows, chunk, {n: versions[n] for n in names})
            ingest.add_stage_failures(build, result.failures, run_id)
    ingest.record_stage_versions(build, versions)


def _extract_all(settings: Settings, plan: RunPlan, pool: Executor | None) -> Iterator[BatchResult]:
    """Batches of files through the workers, a bounded number in flight, results in submission order."""
    items = list(plan.to_read)
    batches = [items[i : i + settings.batch_files] for i in range(0, len(items), settings.batch_files)]
    window = 2 * settings.workers + 2  # batches in flight: enough to keep every worker busy, few in memory
    pending: deque[tuple[list[ToRead], Any]] = deque()
    with progress_bar(len(items), "extracting files") as advance:
        for batch in batches:
            pending.append((batch, extract_batch.submit(settings, batch, pool)))
            if len(pending) >= window:
                done, future = pending.popleft()
                yield _result_or_retry(settings, done, future, pool, advance)
        while pending:
            done, future = pending.popleft()
            yield _result_or_retry(settings, done, future, pool, advance)


def _result_or_retry(settings: Settings, batch: list[ToRead], future: Any, pool: Executor | None,
                     advance: Callable[[int], None]) -> BatchResult:
    """A batch's result; if its worker died (a crash on one file), each file alone, the culprit rejected."""
    try:
        result: BatchResult = future.result()
    except Exception as exc:  # a worker killed by one file (segfault, memory) must not fail the run
        get_run_logger().warning("a batch failed (%s: %s); retrying its files one by one", type(exc).__name__, exc)
        result = BatchResult()
        failures: list[str] = []
        for item in batch:
            one = _one_file(settings, item, pool, failures)
            result = _merge(result, one)
        if len(batch) > 1 and len(failures) == len(batch):
            # every file failing alike is the code or the machine, not the files: stop, and lose nothing
            raise RuntimeError(f"every file of a batch failed, the first with {failures[0]}") from exc
    advance(len(batch))
    return result


def _one_file(settings: Settings, item: ToRead, pool: Executor | None, failures: list[str]) -> BatchResult:
    known = {item.file.source_path: item.skip_if_sha} if item.skip_if_sha else {}
    try:
        if pool is None:
            return process_files(settings.input_dir, [item.file], known, settings.extract)
        return pool.submit(process_files, settings.input_dir, [item.file], known, settings.extract).result()
    except Exception as exc:
        failures.append(f"{type(exc).__name__}: {exc}")
        reason = f"processing the file failed or killed its worker ({type(exc).__name__}: {exc})"[:500]
        outcome = FileOutcome(item.file, None, None, False, (),
                              (Rejection(item.file.source_path, None, None, reason),))
        return BatchResult([outcome])


def _merge(a: BatchResult, b: BatchResult) -> BatchResult:
    rows = {k: list(v) for k, v in a.stage_rows.items()}
    for k, v in b.stage_rows.items():
        rows.setdefault(k, []).extend(v)
    return BatchResult(a.outcomes + b.outcomes, rows, {k: a.seconds.get(k, 0) + b.seconds.get(k, 0)
                                                       for k in set(a.seconds) | set(b.seconds)},
                       a.failures + b.failures)


class _Pool(Executor):
    """A process pool that replaces itself when a worker dies, so one crash does not stop the run."""

    def __init__(self, workers: int):
        self.workers = workers
        self._pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        # spawn, not fork: the flow process runs Prefect's threads, which fork would copy mid-flight
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"))

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        try:
            return self._pool.submit(fn, *args, **kwargs)
        except BrokenProcessPool:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new()
            return self._pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)


@contextmanager
def _worker_pool(settings: Settings) -> Iterator[Executor | None]:
    """Local worker processes (started on first use), or None on Dask, whose workers run the tasks."""
    if settings.task_runner == "dask":
        yield None
        return
    pool = _Pool(settings.workers)
    try:
        yield pool
    finally:
        pool.shutdown()


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
    failed = replace(run, status="failed", finished_at=_now(), error=f"{type(exc).__name__}: {exc}"[:2000])
    name = f"{run.started_at:%Y%m%dT%H%M%S%f}-{run.run_id[:8]}-failed"
    try:
        data_layout.remove_unfinished_builds(layout)
        previous = published_snapshot(layout)
        if previous is not None and not schema_matches(previous):
            return  # an older schema: recording would mean starting afresh and hiding the last good data
        with Build(layout, name, previous=previous, keep_snapshots=settings.keep_snapshots) as build:
            if isinstance(exc, DataCheckError):
                add_checks(build, exc.results, run.run_id)
            ingest.record_run(build, failed)
            build.publish()
    except Exception as record_exc:  # never hide the run's own error behind this one
        get_run_logger().error("could not record the failed run: %s", record_exc)


def _run_id() -> str:
    try:
        return str(get_run_context().flow_run.id)  # type: ignore[union-attr]
    except Exception:  # outside a flow run
        return str(uuid.uuid4())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
