"""The next snapshot, built aside from what a run changed, and published in one atomic step.

A build never copies the warehouse. It keeps what the run computes in a private DuckDB file
(snapshots/.build-<run>/work.duckdb), table by table:

    delta.<table>   the new rows of every unit the run touched (schema.sql's columns and NOT NULLs;
                    its keys checked before publishing)
    gone.<table>    every unit the run touched (replaced or removed)
    <table>         a view of the current state: the previous snapshot's Parquet rows of
                    untouched units, plus delta.<table>

so corpus stages read the corpus as it now is through the plain table names, at the cost of
reading Parquet only where they look. Publishing writes, for each table, a new Parquet file for
every bucket holding a touched unit (the previous rows of that bucket minus the touched units,
plus the delta, sorted), hard-links every other bucket file of the previous snapshot, writes the
snapshot's catalog (warehouse.duckdb: views over its lake) and renames `current` to it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, fields, is_dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from warehouse import catalog
from warehouse.layout import DataLayout, publish
from warehouse.sqlfiles import schema_version, sql, view_names, view_sql, views_version
from warehouse.tables import BASE_TABLES, DERIVED_TABLES, TABLES, TableSpec

WORK_FILE = "work.duckdb"
_BATCH_ROWS = 20_000  # rows per Arrow batch while a bucket file is written
# Rows rewritten per query (the buckets of a chunk): one sort over every changed bucket of a
# table of millions of rows (the pairs of figure_disagreements at 10,000 articles) ran out of
# DuckDB's memory limit. At most _CHUNK_ROWS rows, and fewer for wide rows, so that a chunk holds
# about _CHUNK_BYTES: 100,000 articles with their texts in one sort ran out of a 2 GB limit.
_CHUNK_ROWS = 250_000
_CHUNK_BYTES = 64 * 2**20
# DuckDB's limit while the worker processes live: the rows they send are written to the work
# file, and a cache of them grew with the run (to the whole limit at 10,000 articles) beside the
# workers' models; the corpus stages after them get memory_limit back. 64 MB: the flow process
# held 430-460 MiB during a 10,000-file extraction, against 490-520 at 192 MB, at the same
# seconds of its apply step relative to the workers' (inserts append; they do not need a cache)
_SMALL_CACHE = "64MB"
# Freed memory DuckDB's allocator keeps for reuse before handing it back (its default, 128 MB, is
# twice the small cache: the flow process kept it all)
_ALLOCATOR_FLUSH = "16MB"
_REFRESH_CHUNK = 500  # units of a materialised view recomputed per query, at most
_REFRESH_ROWS = 20_000  # and about this many rows they are computed from (see Build.refresh_derived)


class Build:
    """The next snapshot of the warehouse and lake, built aside and published on success."""

    def __init__(self, layout: DataLayout, snapshot_name: str, *, previous: Path | None, keep_snapshots: int,
                 memory_limit: str = "512MB"):
        self.layout = layout
        self.snapshot_name = snapshot_name
        self.previous = previous  # the published snapshot dir this build starts from, or None
        self.keep_snapshots = keep_snapshots
        self.memory_limit = memory_limit
        self.dir = layout.build_dir(snapshot_name)
        self._con: duckdb.DuckDBPyConnection | None = None
        self._previous_files: dict[str, dict[str, Path]] = {}
        self._schemas: dict[str, pa.Schema] = {}
        self._published = False
        self.keys: dict[str, tuple[str, ...]] = {}  # table -> its key columns (schema.sql's primary keys)
        # the previous snapshot's views were other SQL: every row of the derived tables is recomputed
        self.views_changed = False

    # -- opening ---------------------------------------------------------------------------

    def __enter__(self) -> Build:
        self.dir.mkdir(parents=True)
        con = duckdb.connect(str(self.dir / WORK_FILE), config={"memory_limit": self.memory_limit})
        self._con = con
        con.execute("set temp_directory = ?", [str(self.dir / "tmp")])
        con.execute(f"set allocator_flush_threshold = '{_ALLOCATOR_FLUSH}'")
        # DuckDB keeps the Parquet it reads in its cache (up to memory_limit) for a second read;
        # each step reads the previous snapshot's files about once, and the OS caches them anyway.
        # With it, a 10-file rerun at 10,000 articles held 753 MiB in the flow process, without 547
        # (the same step seconds)
        con.execute("set enable_external_file_cache = false")
        # every lake file and view orders its rows itself: inserts need not keep their order (less memory)
        con.execute("set preserve_insertion_order = false")
        con.execute("create schema delta")
        con.execute("create schema gone")
        self.keys = _create_delta_tables(con)
        for name in BASE_TABLES:
            spec = TABLES[name]
            con.execute(f"create table gone.{name} ({spec.unit} varchar not null)")
            self._previous_files[name] = self._list_previous(spec)
            con.execute(self._previous_view(spec))
            con.execute(f"""create view main.{name} as
                select * from main.prev_{name} where {spec.unit} not in (select {spec.unit} from gone.{name})
                union all by name select * from delta.{name}""")  # noqa: S608 - identifiers from TABLES
        if self.previous is not None:
            before = con.execute("select value from main.prev_warehouse_meta where key = 'views_version'").fetchall()
            self.views_changed = not before or before[0][0] != views_version()
        for name in view_names():
            for statement in _statements(view_sql(name)):
                if not statement.lower().lstrip().startswith("comment on"):
                    con.execute(statement)
        for name in DERIVED_TABLES:
            spec = TABLES[name]
            # rows of other views' SQL are neither linked nor read (their columns may differ too)
            self._previous_files[name] = {} if self.views_changed else self._list_previous(spec)
            con.execute(f"create table delta.{name} as select * from main.{name} limit 0")  # noqa: S608
            con.execute(f"create table gone.{name} ({spec.unit} varchar not null)")
        self._add_gone("warehouse_meta", ["schema_version", "views_version"])
        con.execute("insert into delta.warehouse_meta values ('schema_version', ?), ('views_version', ?)",
                    [schema_version(), views_version()])
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        if not self._published:  # failed, or closed without publishing: nothing of it stays
            shutil.rmtree(self.dir, ignore_errors=True)

    def _add_gone_touched(self, table: str) -> None:
        """Record the units of `touched_units` (registered by the caller) as touched, once each."""
        unit = TABLES[table].unit
        self.con.execute(f"insert into gone.{table} select distinct unit from touched_units "  # noqa: S608
                         f"where unit not in (select {unit} from gone.{table})")

    def _add_gone(self, table: str, units: Sequence[str]) -> None:
        with self._registered("touched_units", pa.table({"unit": pa.array(sorted(set(units)), pa.string())})):
            self._add_gone_touched(table)

    def duplicate_keys(self) -> dict[str, int]:
        """table -> how many key values of its new rows (delta) occur more than once.

        The keys are schema.sql's primary keys, checked here once rather than by an index kept
        on every insert (see _create_delta_tables)."""
        counts = {}
        for table, columns in sorted(self.keys.items()):
            cols = ", ".join(columns)
            counts[table] = int(self.query(f"select count(*) from (select {cols} from delta.{table} "  # noqa: S608
                                           f"group by {cols} having count(*) > 1)")[0][0])
        return counts

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise RuntimeError("build is not open")
        return self._con

    @property
    def started_empty(self) -> bool:
        return self.previous is None

    def _list_previous(self, spec: TableSpec) -> dict[str, Path]:
        """bucket -> Parquet file of the previous snapshot for one table (empty when there is none)."""
        if self.previous is None:
            return {}
        folder = self.previous / catalog.table_dir(spec.name)
        found = {}
        for path in sorted(folder.glob("part-*.parquet")):
            found[path.name.split("-")[1]] = path
        return found

    def _previous_view(self, spec: TableSpec) -> str:
        files = sorted(self._previous_files[spec.name].values())
        if not files:
            return f"create view main.prev_{spec.name} as select * from delta.{spec.name} where false"  # noqa: S608
        return f"create view main.prev_{spec.name} as select * from read_parquet({_sql_list(files)})"  # noqa: S608

    @contextmanager
    def small_cache(self) -> Iterator[None]:
        """DuckDB's memory limit lowered to _SMALL_CACHE for a while (the rows written meanwhile
        go to the work file, not to a cache that grows with them), then back to memory_limit."""
        self.con.execute(f"set memory_limit = '{_SMALL_CACHE}'")
        try:
            yield
        finally:
            if self._con is not None:
                self._con.execute(f"set memory_limit = '{self.memory_limit}'")

    # -- writing rows ----------------------------------------------------------------------

    def replace_units(self, table: str, units: Iterable[str], rows: Sequence[Any] | pa.Table) -> None:
        """Make these units of a table hold exactly these rows (no rows: the units are removed)."""
        spec = TABLES[table]  # KeyError for a table outside the fixed list
        ids = sorted(set(units))
        if ids:
            with self._registered("touched_units", pa.table({"unit": pa.array(ids, pa.string())})):
                self._add_gone_touched(table)
                self.con.execute(f"delete from delta.{table} where {spec.unit} in "  # noqa: S608
                                 "(select unit from touched_units)")
        self.insert(table, rows)

    def insert(self, table: str, rows: Sequence[Any] | pa.Table) -> None:
        """Add rows to units this run already touched (replace_units first)."""
        arrow = rows if isinstance(rows, pa.Table) else _to_arrow(rows, self._schema(table))
        if arrow is None or arrow.num_rows == 0:
            return
        with self._registered("incoming_rows", arrow):
            self.con.execute(f"insert into delta.{table} by name select * from incoming_rows")  # noqa: S608

    def _schema(self, table: str) -> pa.Schema:
        if table not in self._schemas:
            self._schemas[table] = self.con.execute(f"select * from delta.{table} limit 0").to_arrow_table().schema  # noqa: S608
        return self._schemas[table]

    def touch_units(self, table: str, units: Iterable[str]) -> None:
        """Bring the current rows of these units into the delta, so they can be updated in place."""
        spec = TABLES[table]
        ids = sorted(set(units))
        if not ids:
            return
        with self._registered("touched_units", pa.table({"unit": pa.array(ids, pa.string())})):
            self.con.execute(f"""insert into delta.{table} by name
                select * from main.prev_{table}
                where {spec.unit} in (select unit from touched_units)
                  and {spec.unit} not in (select {spec.unit} from gone.{table})""")  # noqa: S608
            self._add_gone_touched(table)

    def update_column(self, table: str, key: str, column: str, values: Mapping[str, str | None],
                      units: Iterable[str]) -> None:
        """Set one column of the rows with these keys (rows of the given units, which are touched first)."""
        self.touch_units(table, units)
        if not values:
            return
        update = pa.table({"k": pa.array(list(values), pa.string()), "v": pa.array(list(values.values()), pa.string())})
        with self._registered("column_values", update):
            self.con.execute(f"""update delta.{table} set {column} = column_values.v from column_values
                                 where delta.{table}.{key} = column_values.k""")  # noqa: S608

    def query(self, statement: str, parameters: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Rows of a read of the build's current state."""
        return self.con.execute(statement, parameters or []).fetchall()

    def query_arrow(self, statement: str, parameters: Sequence[Any] | None = None) -> pa.Table:
        return self.con.execute(statement, parameters or []).to_arrow_table()

    @contextmanager
    def registered(self, name: str, table: pa.Table) -> Iterator[None]:
        """Make an Arrow table queryable under name for the duration of the block."""
        with self._registered(name, table):
            yield

    @contextmanager
    def _registered(self, name: str, table: pa.Table) -> Iterator[None]:
        self.con.register(name, table)
        try:
            yield
        finally:
            self.con.unregister(name)

    def touched_units(self, table: str) -> list[str]:
        return [str(r[0]) for r in self.query(f"select {TABLES[table].unit} from gone.{table}")]  # noqa: S608

    def refresh_derived(self, table: str, units: Iterable[str], sizes: Mapping[str, int] | None = None) -> None:
        """Recompute the rows of a materialised view for these units (story ids, statement ids).

        sizes: rows each unit's view rows are computed from (articles of a story, quotations of a
        statement); a query takes units up to about _REFRESH_ROWS of them, so that one story of
        thousands of articles is computed alone and not with 499 others."""
        spec = TABLES[table]
        ids = sorted({u for u in units if u is not None})
        if not ids:
            return
        with self._registered("touched_units", pa.table({"unit": pa.array(ids, pa.string())})):
            self._add_gone_touched(table)
            self.con.execute(f"delete from delta.{table} where {spec.unit} in (select unit from touched_units)")  # noqa: S608
        # the ids as bound values, not a subquery: DuckDB pushes a list of values down through the
        # views' window functions to the table scans, a subquery it does not (the whole corpus, then)
        for chunk in _size_chunks(ids, sizes or {}, units=_REFRESH_CHUNK, rows=_REFRESH_ROWS):
            marks = ", ".join("?" * len(chunk))
            try:
                self.con.execute(f"insert into delta.{table} by name select * from main.{table} "  # noqa: S608
                                 f"where {spec.unit} in ({marks})", chunk)
            except duckdb.Error as error:
                error.add_note(f"while computing {table} for {len(chunk)} of its units "
                               f"({sum((sizes or {}).get(u, 1) for u in chunk)} rows in)")
                raise

    # -- publishing ------------------------------------------------------------------------

    def publish(self, before_runs: Callable[[], None] | None = None) -> Path:
        """Write the changed buckets, link the others, write the catalog, and make it current.

        before_runs is called when every table but `runs` is written (so the run's own row can say
        how long publishing took)."""
        self.con.execute("checkpoint")
        for name in sorted((*BASE_TABLES, *DERIVED_TABLES), key=lambda n: n == "runs"):
            if name == "runs" and before_runs is not None:
                before_runs()
            try:
                self._write_table(TABLES[name])
            except duckdb.Error as error:
                error.add_note(f"while writing the lake files of {name}")
                raise
        self.con.close()
        self._con = None
        (self.dir / WORK_FILE).unlink()
        shutil.rmtree(self.dir / "tmp", ignore_errors=True)
        catalog.write_catalog(self.dir, final_dir=self.layout.snapshots / self.snapshot_name)
        final = publish(self.layout, self.dir, self.snapshot_name, self.keep_snapshots)
        self._published = True
        return final

    def _write_table(self, spec: TableSpec) -> None:
        name = spec.name
        folder = self.dir / catalog.table_dir(name)
        folder.mkdir(parents=True)
        previous = self._previous_files[name]
        new_rows = {str(b): int(n) for b, n in self.query(
            f"select {spec.bucket_expr}, count(*) from delta.{name} group by all")}  # noqa: S608
        affected = set(new_rows) | {str(r[0]) for r in self.query(
            f"select distinct {spec.bucket_expr} from gone.{name}")}  # noqa: S608
        for bucket, path in previous.items():
            if bucket not in affected:
                os.link(path, folder / path.name)
        row_bytes = self._row_bytes(name, previous) if affected else 0  # nothing to rewrite: no sample
        limit = max(1_000, min(_CHUNK_ROWS, _CHUNK_BYTES // row_bytes)) if row_bytes else _CHUNK_ROWS
        for chunk in _bucket_chunks(sorted(affected), previous, new_rows, limit):
            # a chunk of buckets per query: the sort holds that chunk's rows, not the table's
            buckets = ", ".join(f"'{b}'" for b in chunk)  # hex digits, from bucket_expr
            sources = [previous[b] for b in chunk if b in previous]
            delta = f"select * from delta.{name} where {spec.bucket_expr} in ({buckets})"  # noqa: S608
            union = (f"select * from read_parquet({_sql_list(sources)}) "
                     f"where {spec.unit} not in (select {spec.unit} from gone.{name}) "
                     f"union all by name {delta}") if sources else delta
            reader = self.con.execute(
                f"select *, {spec.bucket_expr} as __bucket from ({union}) order by __bucket, {spec.order}"  # noqa: S608
            ).to_arrow_reader(_BATCH_ROWS)
            self._write_buckets(folder, reader)
        if not any(folder.glob("*.parquet")):
            schema = self.con.execute(f"select * from delta.{name} limit 0").to_arrow_table().schema  # noqa: S608
            pq.write_table(schema.empty_table(), folder / "empty.parquet", compression="zstd")

    def _row_bytes(self, name: str, previous: Mapping[str, Path]) -> int:
        """About how many bytes a row of the table takes (its text form, from a sample of the new
        rows, else the previous files' footers); 0 when the table has no row to tell."""
        sample = self.query(f"select avg(strlen(t::varchar)) from (select * from delta.{name} "  # noqa: S608
                            "using sample 1000 rows) as t")
        if sample and sample[0][0]:
            return int(sample[0][0])
        for path in previous.values():
            meta = pq.read_metadata(path)
            if meta.num_rows and meta.num_row_groups:
                return sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups)) // meta.num_rows
        return 0

    def _write_buckets(self, folder: Path, reader: pa.RecordBatchReader) -> None:
        """Stream rows sorted by bucket into one file per bucket (temp name, then rename)."""
        writer: pq.ParquetWriter | None = None
        current: str | None = None
        tmp = final = folder / ".incoming"
        schema = pa.schema([f for f in reader.schema if f.name != "__bucket"])
        for batch in reader:
            buckets = batch.column("__bucket")
            data = batch.drop_columns(["__bucket"]) if hasattr(batch, "drop_columns") else \
                pa.RecordBatch.from_arrays(batch.columns[:-1], schema=schema)
            for value in pc.unique(buckets).to_pylist():
                part = data.filter(pc.equal(buckets, value))
                if value != current:
                    if writer is not None:
                        writer.close()
                        os.replace(tmp, final)
                    current = value
                    final = folder / f"part-{value}-{self.snapshot_name}.parquet"
                    tmp = folder / f".part-{value}.tmp"
                    writer = pq.ParquetWriter(tmp, schema, compression="zstd")
                assert writer is not None
                writer.write_batch(part)
        if writer is not None:
            writer.close()
            os.replace(tmp, final)


def _create_delta_tables(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, ...]]:
    """schema.sql's tables in schema delta, with their NOT NULL constraints but without their primary
    keys; returns each table's key columns.

    A primary key is an index DuckDB keeps in memory beside the table, updated on every insert:
    3 million varchar keys held 542 MB of RSS against 155 MB without (a standalone test), and
    the blocking keys alone (story_keys) are 1.6 million rows at 10,000 articles; writing the rows
    of 100,000 copied articles (bench/scale_bench.py) took 526 s without the indexes and 1,321 s
    with them, both beside another run (400 s without, alone). Keys are checked once, before publishing
    (Build.duplicate_keys, a data check), which also names every table that breaks its key."""
    home = con.execute("select current_database()").fetchall()[0][0]
    con.execute("attach ':memory:' as declared")
    try:
        con.execute("use declared")
        con.execute(sql("schema")).fetchall()
        con.execute(f"use {home}.main")
        constraints = con.execute("""select table_name, constraint_type, constraint_column_names
                                     from duckdb_constraints() where database_name = 'declared'
                                     order by table_name, constraint_index""").fetchall()
        tables = con.execute("""select table_name from duckdb_tables()
                                where database_name = 'declared' order by table_name""").fetchall()
        for (table,) in tables:
            con.execute(f"create table {home}.delta.{table} as select * from declared.main.{table} limit 0")  # noqa: S608
        keys: dict[str, tuple[str, ...]] = {}
        for table, kind, columns in constraints:
            if kind == "PRIMARY KEY":
                keys[table] = tuple(columns)
            if kind in ("PRIMARY KEY", "NOT NULL"):
                for column in columns:
                    con.execute(f"alter table {home}.delta.{table} alter column {column} set not null")
        return keys
    finally:
        con.execute(f"use {home}.main")
        con.execute("detach declared")


def _to_arrow(rows: Sequence[Any], schema: pa.Schema) -> pa.Table | None:
    """Records (dataclasses or dicts) as an Arrow table of the table's schema; unknown fields are an error.

    Records of one flat dataclass (every stage's rows) are read column by column with getattr:
    dataclasses.asdict deep-copies each record and took most of the flow process's time writing a
    batch (8.6 of 13.9 s over a 1,000-file first run), time taken from the workers on a 2-core machine."""
    if not rows:
        return None
    first = rows[0]
    if not isinstance(first, dict) and _flat_records(rows):
        try:
            return _columns_to_arrow(rows, schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            pass  # a value only asdict turns into something Arrow takes (a dataclass in a later row)
    dicts = [dict(r) if isinstance(r, dict) else asdict(r) for r in rows]
    unknown = set(dicts[0]) - set(schema.names)
    if unknown:
        raise ValueError(f"fields not in the table: {sorted(unknown)}")
    for d in dicts:
        for k, v in d.items():
            if isinstance(v, tuple):
                d[k] = list(v)
    return pa.Table.from_pylist(dicts, schema=schema)


def _columns_to_arrow(rows: Sequence[Any], schema: pa.Schema) -> pa.Table:
    """Rows of one flat dataclass as an Arrow table, a column at a time."""
    names = {f.name for f in fields(rows[0])}
    unknown = names - set(schema.names)
    if unknown:
        raise ValueError(f"fields not in the table: {sorted(unknown)}")
    columns: dict[str, list[Any]] = {}
    for name in schema.names:
        values = [getattr(r, name) for r in rows] if name in names else [None] * len(rows)
        if any(isinstance(v, tuple) for v in values):
            values = [list(v) if isinstance(v, tuple) else v for v in values]
        columns[name] = values
    return pa.Table.from_pydict(columns, schema=schema)


def _flat_records(rows: Sequence[Any]) -> bool:
    """True when every row is an instance of the first row's dataclass and no field of the first row
    holds a dataclass (what asdict would turn into a dict)."""
    kind = type(rows[0])
    if not is_dataclass(rows[0]) or any(type(r) is not kind for r in rows):
        return False
    for f in fields(rows[0]):
        value = getattr(rows[0], f.name)
        items = value if isinstance(value, list | tuple) else (value,)
        if any(is_dataclass(item) for item in items):
            return False
    return True


def _size_chunks(ids: Sequence[str], sizes: Mapping[str, int], *, units: int, rows: int) -> list[list[str]]:
    """ids in order, cut into chunks of at most `units` ids and about `rows` rows (a bigger id alone)."""
    chunks: list[list[str]] = []
    current: list[str] = []
    total = 0
    for unit in ids:
        size = sizes.get(unit, 1)
        if current and (len(current) >= units or total + size > rows):
            chunks.append(current)
            current, total = [], 0
        current.append(unit)
        total += size
    if current:
        chunks.append(current)
    return chunks


def _bucket_chunks(buckets: Sequence[str], previous: Mapping[str, Path], new_rows: Mapping[str, int],
                   limit: int | None = None) -> list[list[str]]:
    """Buckets in sorted runs of at most `limit` rows (previous rows, from the Parquet
    footers, plus new ones; _CHUNK_ROWS by default); a bucket bigger than that is a chunk of its own."""
    limit = _CHUNK_ROWS if limit is None else limit
    chunks: list[list[str]] = []
    rows = 0
    for bucket in buckets:
        count = new_rows.get(bucket, 0)
        if bucket in previous:
            count += pq.read_metadata(previous[bucket]).num_rows
        if not chunks or (rows + count > limit and chunks[-1]):
            chunks.append([])
            rows = 0
        chunks[-1].append(bucket)
        rows += count
    return chunks


def _sql_list(paths: Sequence[Path]) -> str:
    """A SQL list literal of file paths (paths are the build's own, quotes doubled anyway)."""
    return "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths) + "]"


def _statements(text: str) -> list[str]:
    """The statements of a SQL file, in order."""
    con = duckdb.connect()
    try:
        return [s.query for s in con.extract_statements(text)]
    finally:
        con.close()
