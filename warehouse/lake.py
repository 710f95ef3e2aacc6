"""The Parquet lake: one dataset per public table, zstd-compressed, rows in key order."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

# Public tables and the key their rows are sorted by (identifiers from this fixed list only).
LAKE_TABLES: dict[str, str] = {
    "articles": "article_id",
    "quotes": "quote_id",
    "figures": "figure_id",
    "entities": "entity_id",
    "entity_mentions": "mention_id",
    "runs": "started_at, run_id",
    "rejected_files": "source_path, line_number",
    "checks": "run_id, check_name",
    "statements": "statement_id",
    "figure_disagreements": "story_id, category, subject, unit, figure_id_a, figure_id_b",
}
_BATCH_ROWS = 50_000  # rows per Arrow batch read from DuckDB while writing


def export(con: duckdb.DuckDBPyConnection, lake_dir: Path) -> None:
    """Write every public table to lake_dir/<table>/part-0.parquet (temp name, then rename)."""
    for table, order in LAKE_TABLES.items():
        target_dir = lake_dir / table
        target_dir.mkdir(parents=True, exist_ok=True)
        reader = con.execute(f"select * from {table} order by {order}").to_arrow_reader(_BATCH_ROWS)  # noqa: S608
        tmp = target_dir / ".part-0.parquet.tmp"
        with pq.ParquetWriter(tmp, reader.schema, compression="zstd") as writer:
            for batch in reader:
                writer.write_batch(batch)
        os.replace(tmp, target_dir / "part-0.parquet")
