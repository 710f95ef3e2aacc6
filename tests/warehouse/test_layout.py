"""Snapshots, the atomic publish, pruning, the run lock, and the input scan."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from warehouse.inputs import InputDirError, scan_inputs
from warehouse.layout import (
    DataDirError,
    prepare,
    publish,
    remove_unfinished_builds,
    run_lock,
)


def _build(layout, name: str, content: str) -> Path:  # type: ignore[no-untyped-def]
    build = layout.build_dir(name)
    (build / "lake" / "articles").mkdir(parents=True)
    (build / "warehouse.duckdb").write_text(content)
    return build


def test_publish_switches_warehouse_and_lake_together_and_prunes(tmp_path: Path) -> None:
    layout = prepare(tmp_path / "data")
    for i in range(4):
        publish(layout, _build(layout, f"run{i}", f"v{i}"), f"run{i}", keep=2)
        assert layout.warehouse.read_text() == f"v{i}"
        assert os.path.realpath(layout.lake) == str(layout.snapshots / f"run{i}" / "lake")
    assert sorted(p.name for p in layout.snapshots.iterdir()) == ["run2", "run3"]


def test_unfinished_builds_are_removed(tmp_path: Path) -> None:
    layout = prepare(tmp_path / "data")
    _build(layout, "killed", "half")
    assert remove_unfinished_builds(layout) == [".build-killed"]
    assert list(layout.snapshots.iterdir()) == []


def test_the_run_lock_refuses_a_second_holder(tmp_path: Path) -> None:
    layout = prepare(tmp_path / "data")
    with run_lock(layout):
        with pytest.raises(DataDirError, match="another run holds the warehouse"):
            with run_lock(layout):
                pass
    with run_lock(layout):  # released after the first holder is done
        pass


def test_a_foreign_warehouse_file_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "warehouse.duckdb").write_text("someone else's")
    with pytest.raises(DataDirError, match="not made by newsflow"):
        prepare(tmp_path / "data")


def test_scan_skips_hidden_and_caps_size(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("hello")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "y.txt").write_text("hidden")
    (tmp_path / ".z.txt").write_text("hidden")
    (tmp_path / "big.html").write_text("x" * 100)
    files = {f.source_path: f for f in scan_inputs(tmp_path, max_bytes=50)}
    assert sorted(files) == ["a/x.txt", "big.html"]
    # the scan only stats: size and time, no hash (a rerun over an unchanged folder reads nothing)
    assert files["a/x.txt"].size_bytes == 5 and files["a/x.txt"].mtime_ns > 0 and files["a/x.txt"].read_error is None
    assert files["big.html"].read_error and "size cap" in files["big.html"].read_error


def test_scan_of_a_missing_dir_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputDirError, match="does not exist"):
        scan_inputs(tmp_path / "missing", max_bytes=50)


def test_what_a_killed_publish_leaves_is_removed_and_the_published_snapshot_kept(tmp_path: Path) -> None:
    layout = prepare(tmp_path / "data")
    publish(layout, _build(layout, "run1", "v1"), "run1", keep=2)
    # killed after renaming its build, before switching current: complete, never published
    (layout.snapshots / "run2").mkdir()
    os.symlink("snapshots/run2", layout.root / ".current-run2")
    assert sorted(remove_unfinished_builds(layout)) == [".current-run2", "run2"]
    assert sorted(p.name for p in layout.snapshots.iterdir()) == ["run1"] and layout.warehouse.read_text() == "v1"
