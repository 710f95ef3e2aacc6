"""A snapshot's catalog: warehouse.duckdb, one view per table over the snapshot's own Parquet files.

The catalog holds no rows, so writing it costs the same at ten articles as at a million. Each
view reads `<snapshot>/lake/<table>/*.parquet` (bookkeeping tables: `<snapshot>/state/...`) by
absolute path: a connection opened on one snapshot keeps reading that snapshot's files, which
stay until the snapshot is pruned (NEWSFLOW_KEEP_SNAPSHOTS). Comments come from schema.sql and
the view files, so `newsflow schema` and DuckDB's own catalog describe every column.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from warehouse.layout import WAREHOUSE_FILE
from warehouse.sqlfiles import sql, view_names, view_sql
from warehouse.tables import TABLES


def table_dir(name: str) -> str:
    """The folder of a table's Parquet files, relative to a snapshot dir."""
    return f"{'lake' if TABLES[name].public else 'state'}/{name}"


def write_catalog(build_dir: Path, *, final_dir: Path) -> None:
    """Write build_dir/warehouse.duckdb with views over the files the snapshot will have at final_dir.

    DuckDB checks a view's files when it is created, so final_dir points at the build for that
    moment (a symlink, removed before the build is renamed to it)."""
    final_dir.symlink_to(build_dir.name)
    con = duckdb.connect(str(build_dir / WAREHOUSE_FILE))
    try:
        for name in TABLES:
            files = f"{final_dir}/{table_dir(name)}/*.parquet".replace("'", "''")
            con.execute(f"create view {name} as select * from read_parquet('{files}')")  # noqa: S608
        for statement in comments():
            con.execute(statement)
    finally:
        con.close()
        final_dir.unlink()


def comments() -> list[str]:
    """Every COMMENT ON statement of schema.sql and the view files, as statements on views."""
    found = []
    texts = [sql("schema")] + [view_sql(name) for name in view_names()]
    con = duckdb.connect()
    try:
        for text in texts:
            for statement in con.extract_statements(text):
                query = statement.query.strip()
                if query.lower().startswith("comment on"):
                    found.append(re.sub(r"^comment on table", "comment on view", query, flags=re.I))
    finally:
        con.close()
    return found
