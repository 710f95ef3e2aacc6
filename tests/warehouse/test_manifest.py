"""plan_run: what a run extracts, keeps and removes, and how it counts files."""

from __future__ import annotations

import pytest

from warehouse.inputs import InputFile
from warehouse.manifest import plan_run
from warehouse.store import SourceState


def f(path: str, sha: str | None = "a", error: str | None = None) -> InputFile:
    return InputFile(path, 10, sha, error)


def s(path: str, sha: str | None = "a", version: str = "1") -> SourceState:
    return SourceState(path, "text", sha, 10, version)


@pytest.mark.parametrize(
    "files, previous, version, full, extract, remove, counts",
    [
        # first run: everything is new
        ([f("a.txt"), f("b.txt")], {}, "1", False, ["a.txt", "b.txt"], [], (2, 2, 0, 0, 0)),
        # unchanged input: nothing to do
        ([f("a.txt")], {"a.txt": s("a.txt")}, "1", False, [], [], (1, 0, 0, 1, 0)),
        # changed bytes: re-extract and replace the old rows
        ([f("a.txt", "b")], {"a.txt": s("a.txt")}, "1", False, ["a.txt"], ["a.txt"], (1, 0, 1, 0, 0)),
        # a deleted file: its rows go
        ([], {"a.txt": s("a.txt")}, "1", False, [], ["a.txt"], (0, 0, 0, 0, 1)),
        # a new extract version: same bytes, counted unchanged, but re-extracted
        ([f("a.txt")], {"a.txt": s("a.txt", version="0")}, "1", False, ["a.txt"], ["a.txt"], (1, 0, 0, 1, 0)),
        # full refresh: every file re-extracted
        ([f("a.txt")], {"a.txt": s("a.txt")}, "1", True, ["a.txt"], ["a.txt"], (1, 0, 0, 1, 0)),
        # a file that could not be read last time is tried again, and counted as changed
        ([f("a.txt")], {"a.txt": s("a.txt", sha=None)}, "1", False, ["a.txt"], ["a.txt"], (1, 0, 1, 0, 0)),
    ],
)
def test_plan_run(files, previous, version, full, extract, remove, counts) -> None:  # type: ignore[no-untyped-def]
    plan = plan_run(files, previous, version, full)
    assert [x.source_path for x in plan.to_extract] == extract
    assert list(plan.to_remove) == remove
    assert (plan.files_seen, plan.files_added, plan.files_changed, plan.files_unchanged,
            plan.files_deleted) == counts


def test_unreadable_files_are_planned_apart_from_extraction() -> None:
    plan = plan_run([f("a.txt", None, "cannot read file: Permission denied")], {}, "1", False)
    assert plan.to_extract == () and [x.source_path for x in plan.unreadable] == ["a.txt"]
