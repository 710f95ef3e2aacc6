"""The lake write rewrites changed buckets a bounded number of rows at a time."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from warehouse import build


def _file(tmp_path: Path, name: str, rows: int) -> Path:
    path = tmp_path / f"{name}.parquet"
    pq.write_table(pa.table({"x": list(range(rows))}), path)
    return path


def test_buckets_are_chunked_by_previous_and_new_rows(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(build, "_CHUNK_ROWS", 100)
    previous = {"0a": _file(tmp_path, "0a", 60), "0b": _file(tmp_path, "0b", 30), "0d": _file(tmp_path, "0d", 250)}
    new_rows = {"0b": 20, "0c": 50, "0e": 10}
    chunks = build._bucket_chunks(["0a", "0b", "0c", "0d", "0e"], previous, new_rows)
    # 60 + 50 would pass 100; a bucket over the limit (250 rows) is a chunk of its own
    assert chunks == [["0a"], ["0b", "0c"], ["0d"], ["0e"]]
    assert [b for c in chunks for b in c] == ["0a", "0b", "0c", "0d", "0e"]


def test_no_buckets_no_chunks() -> None:
    assert build._bucket_chunks([], {}, {}) == []


def test_a_limit_given_for_wide_rows_makes_smaller_chunks(tmp_path: Path) -> None:
    previous = {"0a": _file(tmp_path, "0a", 60)}
    new_rows = {"0b": 20, "0c": 50}
    assert build._bucket_chunks(["0a", "0b", "0c"], previous, new_rows, 70) == [["0a"], ["0b", "0c"]]
    assert build._bucket_chunks(["0a", "0b", "0c"], previous, new_rows, 30) == [["0a"], ["0b"], ["0c"]]


def test_view_units_are_computed_in_chunks_of_bounded_rows() -> None:
    # a story of many articles is computed alone; small ones share a query up to the unit limit
    sizes = {"a": 5, "b": 5, "big": 50, "c": 5, "d": 5, "e": 5}
    chunks = build._size_chunks(["a", "b", "big", "c", "d", "e"], sizes, units=2, rows=20)
    assert chunks == [["a", "b"], ["big"], ["c", "d"], ["e"]]
    assert build._size_chunks(["x", "y", "z"], {}, units=500, rows=2) == [["x", "y"], ["z"]]
    assert build._size_chunks([], {}, units=5, rows=5) == []
