"""The DuckDB warehouse: reading the last completed run, and building the next one.

A build starts from a copy of the published warehouse file (or an empty one on the first
run, on --full-refresh, or when the schema changed), applies the run's changes in one
transaction, exports the lake, and is published by warehouse.layout.publish. Nothing a
reader can see is ever written in place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from transforms.mentions import RawMention
from transforms.records import Article, Rejection, StoryAssignment
from transforms.statements import QuoteInContext
from warehouse import lake
from warehouse.layout import WAREHOUSE_FILE, DataLayout, publish

ARTICLE_COLUMNS = [
    "article_id", "source_path", "source_format", "line_number", "content_sha256", "title",
    "author", "published_date", "source_name", "url", "language", "dateline", "text", "word_count",
]
ARTICLE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()), ("source_path", pa.string()), ("source_format", pa.string()),
        ("line_number", pa.int32()), ("content_sha256", pa.string()), ("title", pa.string()),
        ("author", pa.string()), ("published_date", pa.date32()), ("source_name", pa.string()),
        ("url", pa.string()), ("language", pa.string()), ("dateline", pa.string()),
        ("text", pa.string()), ("word_count", pa.int32()),
    ]
)
REJECTION_SCHEMA = pa.schema(
    [("source_path", pa.string()), ("line_number", pa.int32()), ("content_sha256", pa.string()),
     ("reason", pa.string()), ("run_id", pa.string())]
)
SOURCE_SCHEMA = pa.schema(
    [("source_path", pa.string()), ("source_format", pa.string()), ("content_sha256", pa.string()),
     ("size_bytes", pa.int64()), ("extract_version", pa.string()), ("article_count", pa.int32()),
     ("rejected_count", pa.int32()), ("processed_run_id", pa.string())]
)
RUN_SCHEMA = pa.schema(
    [("run_id", pa.string()), ("started_at", pa.timestamp("us")), ("finished_at", pa.timestamp("us")),
     ("status", pa.string()), ("files_seen", pa.int32()), ("files_added", pa.int32()),
     ("files_changed", pa.int32()), ("files_unchanged", pa.int32()), ("files_deleted", pa.int32()),
     ("files_rejected", pa.int32()), ("articles_extracted", pa.int32()), ("full_refresh", pa.bool_()),
     ("input_dir", pa.string()), ("error", pa.string())]
)
QUOTE_SCHEMA = pa.schema(
    [("quote_id", pa.string()), ("article_id", pa.string()), ("quote_text", pa.string()),
     ("start_char", pa.int32()), ("end_char", pa.int32()), ("speaker", pa.string()),
     ("speaker_entity_id", pa.string()), ("cue", pa.string()), ("quote_type", pa.string()),
     ("part_of", pa.string()), ("statement_id", pa.string())]
)
FIGURE_SCHEMA = pa.schema(
    [("figure_id", pa.string()), ("article_id", pa.string()), ("surface", pa.string()),
     ("start_char", pa.int32()), ("end_char", pa.int32()), ("value", pa.float64()),
     ("value_low", pa.float64()), ("value_high", pa.float64()), ("qualifier", pa.string()),
     ("unit", pa.string()), ("category", pa.string()), ("subject", pa.string()), ("change", pa.string())]
)
NER_SCHEMA = pa.schema(
    [("article_id", pa.string()), ("surface", pa.string()), ("label", pa.string()),
     ("start_char", pa.int32()), ("end_char", pa.int32()), ("key", pa.string()), ("anchor_label", pa.string()),
     ("context_label", pa.string()), ("context_weight", pa.int32())]
)
ENTITY_SCHEMA = pa.schema(
    [("entity_id", pa.string()), ("canonical_name", pa.string()), ("entity_type", pa.string()),
     ("aliases", pa.list_(pa.string())), ("mention_count", pa.int32()), ("article_count", pa.int32())]
)
MENTION_SCHEMA = pa.schema(
    [("mention_id", pa.string()), ("article_id", pa.string()), ("entity_id", pa.string()),
     ("surface", pa.string()), ("entity_type", pa.string()), ("start_char", pa.int32()), ("end_char", pa.int32())]
)
# Tables written by per-article stages, with their Arrow schemas (identifiers from this list only).
STAGE_TABLES: dict[str, pa.Schema] = {"quotes": QUOTE_SCHEMA, "figures": FIGURE_SCHEMA, "ner_mentions": NER_SCHEMA}
STAGE_SCHEMA = pa.schema([("article_id", pa.string()), ("stage", pa.string()), ("version", pa.string())])
CHECK_SCHEMA = pa.schema(
    [("run_id", pa.string()), ("check_name", pa.string()), ("level", pa.string()), ("table_name", pa.string()),
     ("failing_rows", pa.int32()), ("passed", pa.bool_())]
)
STORY_SCHEMA = pa.schema(
    [("article_id", pa.string()), ("story_id", pa.string()), ("duplicate_of", pa.string())]
)


@cache
def sql(name: str) -> str:
    """The text of warehouse/sql/<name>.sql."""
    return resources.files("warehouse").joinpath("sql", f"{name}.sql").read_text("utf-8")


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create every view of warehouse/sql/views/ (the cross-source story views), in name order.

    Name order is the contract with the views: one may read another only if its name sorts first."""
    views = resources.files("warehouse").joinpath("sql", "views")
    for name in sorted(p.name for p in views.iterdir() if p.name.endswith(".sql")):
        con.execute(views.joinpath(name).read_text("utf-8"))


def schema_version() -> str:
    """A hash of the schema: a build whose schema differs starts from an empty warehouse."""
    return hashlib.sha256(sql("schema").encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class CheckResult:
    """One data check of one build."""

    check_name: str
    level: str
    table_name: str
    failing_rows: int
    passed: bool


class DataCheckError(RuntimeError):
    """ERROR-level data checks failed: the build is not published."""

    def __init__(self, results: list[CheckResult]):
        failed = [r for r in results if not r.passed and r.level == "ERROR"]
        super().__init__("data checks failed: " + "; ".join(f"{r.check_name} ({r.failing_rows} rows)" for r in failed))
        self.results = results


def run_checks(con: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    """Run every data check of warehouse/sql/checks.sql on a connection."""
    rows = con.execute(sql("checks")).fetchall()
    return [CheckResult(str(n), str(lv), str(t), int(f), bool(p)) for n, lv, t, f, p in rows]


@dataclass(frozen=True)
class SourceState:
    """One input file as the last completed run processed it."""

    source_path: str
    source_format: str | None
    content_sha256: str | None
    size_bytes: int
    extract_version: str


@dataclass(frozen=True)
class RunRecord:
    """One row of the runs table."""

    run_id: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: str
    files_seen: int
    files_added: int
    files_changed: int
    files_unchanged: int
    files_deleted: int
    files_rejected: int
    articles_extracted: int
    full_refresh: bool
    input_dir: str
    error: str | None = None


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a published warehouse file."""
    return duckdb.connect(str(path), read_only=True)


def load_source_states(layout: DataLayout) -> dict[str, SourceState]:
    """The input files the last completed run processed, keyed by source path (empty at first)."""
    path = layout.published_warehouse()
    if path is None:
        return {}
    con = connect_read_only(path)
    try:
        if _meta(con, "schema_version") != schema_version():
            return {}
        rows = con.execute(sql("source_states")).fetchall()
    finally:
        con.close()
    return {r[0]: SourceState(*r) for r in rows}


def row_counts(path: Path) -> list[tuple[str, int]]:
    """Row counts of the public tables of a warehouse file."""
    con = connect_read_only(path)
    try:
        return [(str(name), int(count)) for name, count in con.execute(sql("row_counts")).fetchall()]
    finally:
        con.close()


def rejections_and_failed_checks(path: Path, run_id: str) -> tuple[list[tuple[str, int | None, str]],
                                                                    list[tuple[str, str, int]]]:
    """The rejected files of a warehouse, and the checks of a run that failed."""
    con = connect_read_only(path)
    try:
        rejected = [(str(p), line, str(r)) for p, line, r in con.execute(sql("run_report")).fetchall()]
        failed = [(str(n), str(lv), int(f)) for n, lv, f in con.execute(sql("failed_checks"), [run_id]).fetchall()]
    finally:
        con.close()
    return rejected, failed


class Build:
    """The next snapshot of the warehouse and lake, built aside and published on success."""

    def __init__(self, layout: DataLayout, snapshot_name: str, *, full_refresh: bool, keep_snapshots: int):
        self.layout = layout
        self.snapshot_name = snapshot_name
        self.full_refresh = full_refresh
        self.keep_snapshots = keep_snapshots
        self.dir = layout.build_dir(snapshot_name)
        self.started_empty = True
        self._con: duckdb.DuckDBPyConnection | None = None
        self._in_transaction = False

    def __enter__(self) -> Build:
        self.dir.mkdir(parents=True)
        db_path = self.dir / WAREHOUSE_FILE
        previous = self.layout.published_warehouse()
        if previous is not None and not self.full_refresh and _schema_matches(previous):
            shutil.copyfile(previous, db_path)
            self.started_empty = False
        self._con = duckdb.connect(str(db_path))
        self._con.execute(sql("schema")).fetchall()
        if previous is not None and self.started_empty:
            self._carry_over_runs(previous)
        self._con.execute(
            "insert or replace into warehouse_meta values ('schema_version', ?)", [schema_version()]
        )
        self._con.execute("begin transaction")
        self._in_transaction = True
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._con is not None:
            if exc_type is not None and self._in_transaction:
                self._con.execute("rollback")
            self._con.close()
            self._con = None
        if exc_type is not None:
            shutil.rmtree(self.dir, ignore_errors=True)

    def _carry_over_runs(self, previous: Path) -> None:
        """Keep the runs history through a full refresh or a schema change."""
        old = connect_read_only(previous)
        try:
            present = {r[0] for r in old.execute(sql("runs_columns")).fetchall()}
            columns = [c for c in RUN_SCHEMA.names if c in present]
            if not columns:
                return
            # identifiers from RUN_SCHEMA only
            history = old.execute(f"select {', '.join(columns)} from runs").to_arrow_table()  # noqa: S608
        finally:
            old.close()
        with self._registered("previous_runs", history):
            self.con.execute("insert into runs by name select * from previous_runs")

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise RuntimeError("build is not open")
        return self._con

    def remove_sources(self, source_paths: Iterable[str]) -> None:
        """Delete every row that came from these input files."""
        doomed = pa.table({"source_path": pa.array(sorted(set(source_paths)), pa.string())})
        if doomed.num_rows == 0:
            return
        with self._registered("doomed_sources", doomed):
            self.con.execute(sql("delete_sources"))

    def add_articles(self, articles: Sequence[Article]) -> None:
        """Insert new article rows (their story columns are filled by set_stories)."""
        self._insert("articles", [asdict(a) for a in articles], ARTICLE_SCHEMA)

    def add_rejections(self, rejections: Sequence[Rejection], run_id: str) -> None:
        """Insert rejected_files rows for this run."""
        rows = [{**asdict(r), "run_id": run_id} for r in rejections]
        self._insert("rejected_files", rows, REJECTION_SCHEMA)

    def add_sources(self, rows: Sequence[dict[str, Any]]) -> None:
        """Insert manifest rows for the input files this run processed."""
        self._insert("source_files", list(rows), SOURCE_SCHEMA)

    def all_articles(self) -> list[Article]:
        """Every article in the build, for corpus-level stages."""
        cursor = self.con.execute(sql("articles_all"))
        return [Article(**dict(zip(ARTICLE_COLUMNS, row, strict=True))) for row in cursor.fetchall()]

    def set_stories(self, assignments: Sequence[StoryAssignment]) -> None:
        """Write story_id and duplicate_of for every article."""
        table = pa.Table.from_pylist([asdict(a) for a in assignments], schema=STORY_SCHEMA)
        with self._registered("story_assignments", table):
            self.con.execute(sql("update_stories"))

    def stage_versions(self, stage: str) -> dict[str, str]:
        """article_id -> version of `stage` that produced its rows."""
        return dict(self.con.execute(sql("stage_versions"), [stage]).fetchall())

    def replace_stage_rows(self, stage: str, table: str, version: str, article_ids: Sequence[str],
                           rows: Sequence[Any]) -> None:
        """Replace one stage's rows for these articles and record the version that made them."""
        schema = STAGE_TABLES[table]  # KeyError for any table outside the fixed list
        ids = pa.table({"article_id": pa.array(sorted(set(article_ids)), pa.string())})
        with self._registered("stage_articles", ids):
            self.con.execute(sql("delete_stage_rows").format(table=table))
            self.con.execute(sql("delete_article_stages"), [stage])
        self._insert(table, [asdict(r) for r in rows], schema)
        self._insert("article_stages", [{"article_id": a, "stage": stage, "version": version}
                                        for a in sorted(set(article_ids))], STAGE_SCHEMA)

    def ner_mentions(self) -> list[RawMention]:
        """Every article's cleaned NER mentions."""
        return [RawMention(*row) for row in self.con.execute(sql("ner_mentions_all")).fetchall()]

    def replace_entities(self, entities: Sequence[Any], mentions: Sequence[Any]) -> None:
        """Replace the entities and entity_mentions tables (they are rebuilt over the corpus)."""
        self.con.execute("delete from entity_mentions")
        self.con.execute("delete from entities")
        self._insert("entities", [{**asdict(e), "aliases": list(e.aliases)} for e in entities], ENTITY_SCHEMA)
        self._insert("entity_mentions", [asdict(m) for m in mentions], MENTION_SCHEMA)

    def quote_speakers(self) -> list[tuple[str, str, str]]:
        """(quote_id, article_id, speaker) for quotes with a speaker."""
        return [(str(q), str(a), str(s)) for q, a, s in self.con.execute(sql("quote_speakers")).fetchall()]

    def set_speaker_entities(self, links: dict[str, str]) -> None:
        """Write quotes.speaker_entity_id (NULL where no entity is linked)."""
        table = pa.table({"quote_id": pa.array(list(links), pa.string()),
                          "entity_id": pa.array(list(links.values()), pa.string())})
        with self._registered("speaker_links", table):
            self.con.execute(sql("update_speaker_entities"))

    def quotes_in_context(self) -> list[QuoteInContext]:
        """Every quotation with its article's story and date."""
        rows = self.con.execute(sql("quotes_in_context")).fetchall()
        return [QuoteInContext(*row) for row in rows]

    def set_statements(self, statement_ids: dict[str, str]) -> None:
        """Write statement_id for every quotation, and (re)create the statements view."""
        table = pa.table({"quote_id": pa.array(list(statement_ids), pa.string()),
                          "statement_id": pa.array(list(statement_ids.values()), pa.string())})
        with self._registered("statement_ids", table):
            self.con.execute(sql("update_statements"))
        self.con.execute(sql("statements"))
        self.con.execute(sql("figure_disagreements"))
        create_views(self.con)

    def files_rejected(self) -> int:
        rows = self.con.execute(sql("files_rejected")).fetchall()
        return int(rows[0][0]) if rows else 0

    def check(self, run_id: str) -> list[CheckResult]:
        """Run the data checks on this build and record them; raise DataCheckError on an ERROR failure."""
        results = run_checks(self.con)
        self.add_checks(results, run_id)
        if any(not r.passed and r.level == "ERROR" for r in results):
            raise DataCheckError(results)
        return results

    def add_checks(self, results: Sequence[CheckResult], run_id: str) -> None:
        """Insert check results for a run."""
        self._insert("checks", [{**asdict(r), "run_id": run_id} for r in results], CHECK_SCHEMA)

    def add_run(self, run: RunRecord) -> None:
        """Insert this run's row."""
        self._insert("runs", [asdict(run)], RUN_SCHEMA)

    def publish(self) -> Path:
        """Commit, write the lake, and make this build the current snapshot."""
        self.con.execute("commit")
        self._in_transaction = False
        self.con.execute("checkpoint")
        lake.export(self.con, self.dir / "lake")
        self.con.close()
        self._con = None
        return publish(self.layout, self.dir, self.snapshot_name, self.keep_snapshots)

    @contextmanager
    def _registered(self, name: str, table: pa.Table) -> Iterator[None]:
        """Make an Arrow table queryable under name for the duration of the block."""
        self.con.register(name, table)
        try:
            yield
        finally:
            self.con.unregister(name)

    def _insert(self, table: str, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
        if not rows:
            return
        arrow = pa.Table.from_pylist(rows, schema=schema)
        with self._registered("incoming_rows", arrow):
            self.con.execute(f"insert into {table} by name select * from incoming_rows")  # noqa: S608


def record_failed_run(layout: DataLayout, run: RunRecord, snapshot_name: str, keep_snapshots: int,
                      checks: Sequence[CheckResult] = ()) -> None:
    """Publish the last good warehouse again with one more runs row saying this run failed."""
    with Build(layout, snapshot_name, full_refresh=False, keep_snapshots=keep_snapshots) as build:
        build.add_checks(checks, run.run_id)
        build.add_run(run)
        build.publish()


def _meta(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    try:
        rows = con.execute("select value from warehouse_meta where key = ?", [key]).fetchall()
    except duckdb.CatalogException:
        return None
    return str(rows[0][0]) if rows else None


def _schema_matches(path: Path) -> bool:
    con = connect_read_only(path)
    try:
        return _meta(con, "schema_version") == schema_version()
    finally:
        con.close()
