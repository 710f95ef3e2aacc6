"""Reading a published warehouse in tests: a query, the last runs row, every row of some tables."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb


def query(data: Path, sql: str, params: Sequence[object] = ()) -> list[tuple]:  # type: ignore[type-arg]
    """Rows of a query on the published warehouse under a data dir."""
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def last_run(data: Path) -> dict[str, object]:
    """The newest runs row, by column name."""
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        cursor = con.execute("select * from runs order by started_at desc limit 1")
        names = [d[0] for d in cursor.description]
        return dict(zip(names, cursor.fetchall()[0], strict=True))
    finally:
        con.close()


def table_rows(data: Path, tables: Sequence[str]) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    """Every row of these tables, sorted, for comparisons across runs."""
    return {t: sorted(query(data, f"select * from {t}"), key=repr) for t in tables}
