"""Applying what workers made of input files to a build: which units each file replaces or removes."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import pyarrow as pa

from transforms.records import Article, Rejection
from transforms.stages import article_stages
from warehouse.build import Build
from warehouse.snapshot import RunRecord, SourceState
from warehouse.tables import ARTICLE_TABLES

ARTICLE_COLUMNS = [
    "article_id", "source_path", "source_format", "line_number", "content_sha256", "title",
    "author", "published_date", "source_name", "url", "language", "dateline", "text", "word_count",
]


@dataclass(frozen=True)
class SourceRow(SourceState):
    """One input file as this run processed it (a row of source_files): its state, and what came of it."""

    article_count: int
    rejected_count: int
    processed_run_id: str


def article_ids_of(build: Build, source_paths: Sequence[str]) -> list[str]:
    """The current article ids that came from these input files."""
    if not source_paths:
        return []
    paths = pa.table({"source_path": pa.array(sorted(set(source_paths)), pa.string())})
    with build.registered("wanted_sources", paths):
        return [str(r[0]) for r in build.query(
            "select article_id from articles where source_path in (select source_path from wanted_sources)")]


def replace_sources(build: Build, sources: Sequence[SourceRow], articles: Sequence[Article],
                    rejections: Sequence[Rejection], stage_rows: Mapping[str, Sequence[Any]],
                    stage_versions: Mapping[str, str], run_id: str) -> None:
    """Make these input files hold exactly these articles, stage rows and rejections.

    Every per-article table loses the rows of the files' previous articles; tables that corpus
    stages fill (entity_mentions) are left empty for those articles until the stages run."""
    paths = [s.source_path for s in sources]
    ids = set(article_ids_of(build, paths)) | {a.article_id for a in articles}
    stage_tables = {s.table: s.name for s in article_stages()}
    for table in ARTICLE_TABLES:
        if table == "articles":
            rows: Sequence[Any] = articles
        elif table == "article_stages":
            rows = [{"article_id": a.article_id, "stage": name, "version": version}
                    for a in articles for name, version in stage_versions.items()]
        elif table in stage_tables:
            rows = stage_rows.get(stage_tables[table], [])
        else:
            rows = []
        build.replace_units(table, ids, rows)
    build.replace_units("rejected_files", paths, [{**asdict(r), "run_id": run_id} for r in rejections])
    build.replace_units("source_files", paths, sources)


def remove_sources(build: Build, source_paths: Sequence[str]) -> None:
    """Remove every row that came from these input files."""
    ids = article_ids_of(build, source_paths)
    for table in ARTICLE_TABLES:
        build.replace_units(table, ids, [])
    build.replace_units("rejected_files", source_paths, [])
    build.replace_units("source_files", source_paths, [])


def replace_stage_rows(build: Build, stage_rows: Mapping[str, Sequence[Any]], article_ids: Sequence[str],
                       stage_versions: Mapping[str, str]) -> None:
    """Replace the rows some stages made for these articles, and record the versions that made them."""
    by_name = {s.name: s for s in article_stages()}
    for name, rows in stage_rows.items():
        build.replace_units(by_name[name].table, article_ids, rows)
    build.touch_units("article_stages", article_ids)
    ids = pa.table({"article_id": pa.array(sorted(set(article_ids)), pa.string())})
    names = sorted(stage_rows)
    with build.registered("restaged", ids):
        build.con.execute(
            "delete from delta.article_stages where article_id in (select article_id from restaged) "
            "and list_contains(?, stage)", [names])
    build.insert("article_stages", [{"article_id": a, "stage": n, "version": stage_versions[n]}
                                    for a in sorted(set(article_ids)) for n in names])


def stages_current(build: Build, stage_versions: Mapping[str, str]) -> bool:
    """True when the previous run left every article processed by these stage versions (no scan needed)."""
    rows = build.query("select value from prev_warehouse_meta where key = 'stage_versions'")
    return bool(rows) and json.loads(str(rows[0][0])) == dict(stage_versions)


def record_stage_versions(build: Build, stage_versions: Mapping[str, str]) -> None:
    """Every article of this build was processed by these stage versions."""
    build.replace_units("warehouse_meta", ["stage_versions"],
                        [{"key": "stage_versions", "value": json.dumps(dict(stage_versions), sort_keys=True)}])


def add_stage_failures(build: Build, failures: Sequence[Rejection], run_id: str) -> None:
    """rejected_files rows for articles a re-run stage failed on (replacing that stage's earlier row for them)."""
    if not failures:
        return
    build.touch_units("rejected_files", [f.source_path for f in failures])
    for f in failures:
        stage = f.reason.split(" stage failed", 1)[0]
        build.con.execute("delete from delta.rejected_files where source_path = ? and line_number is not distinct "
                          "from ? and starts_with(reason, ?)", [f.source_path, f.line_number, f"{stage} stage failed"])
    build.insert("rejected_files", [{**asdict(f), "run_id": run_id} for f in failures])


def outdated_stages(build: Build, stage_versions: Mapping[str, str]) -> dict[str, list[str]]:
    """article_id -> the stages whose recorded version is not the current one."""
    versions = pa.table({"stage": pa.array(list(stage_versions), pa.string()),
                         "version": pa.array(list(stage_versions.values()), pa.string())})
    with build.registered("stage_versions_now", versions):
        rows = build.query("""
            select a.article_id, list(v.stage order by v.stage)
            from articles as a cross join stage_versions_now as v
            left join article_stages as s on s.article_id = a.article_id and s.stage = v.stage
            where s.version is distinct from v.version
            group by a.article_id order by a.article_id""")
    return {str(a): list(stages) for a, stages in rows}


def load_articles(build: Build, article_ids: Sequence[str]) -> list[Article]:
    """Articles of the build by id (for stages re-run over them)."""
    ids = pa.table({"article_id": pa.array(sorted(set(article_ids)), pa.string())})
    with build.registered("wanted_articles", ids):
        rows = build.query(f"select {', '.join(ARTICLE_COLUMNS)} from articles "  # noqa: S608
                           "where article_id in (select article_id from wanted_articles) order by article_id")
    return [Article(**dict(zip(ARTICLE_COLUMNS, row, strict=True))) for row in rows]


def load_stage_rows(build: Build, stage_name: str, article_ids: Sequence[str]) -> list[Any]:
    """The stored rows one stage made for these articles, as its row records."""
    stage = next(s for s in article_stages() if s.name == stage_name)
    fields = [f.name for f in dataclasses.fields(stage.row_type)]
    ids = pa.table({"article_id": pa.array(sorted(set(article_ids)), pa.string())})
    with build.registered("wanted_articles", ids):
        rows = build.query(f"select {', '.join(fields)} from {stage.table} "  # noqa: S608 - names from the registry
                           "where article_id in (select article_id from wanted_articles)")
    return [stage.row_type(**dict(zip(fields, (tuple(v) if isinstance(v, list) else v for v in row), strict=True)))
            for row in rows]


def iter_article_batches(build: Build, size: int) -> Iterable[list[Article]]:
    """Every article of the build, a batch at a time (for corpus stages that read texts)."""
    ids = [str(r[0]) for r in build.query("select article_id from articles order by article_id")]
    for start in range(0, len(ids), size):
        yield load_articles(build, ids[start : start + size])


def record_run(build: Build, run: RunRecord, history: Sequence[Mapping[str, object]] = ()) -> None:
    """This run's row (and, on a build started afresh, the history of the runs before it)."""
    fields = set(RunRecord.__dataclass_fields__)
    rows = [{k: v for k, v in r.items() if k in fields} for r in history if r.get("run_id") != run.run_id]
    rows.append(asdict(run))
    build.replace_units("runs", [str(r["run_id"]) for r in rows], rows)


def files_rejected(build: Build) -> int:
    """Input files with at least one record in rejected_files after this run."""
    return int(build.query("select count(distinct source_path) from rejected_files")[0][0])
