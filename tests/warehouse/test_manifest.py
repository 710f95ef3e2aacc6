"""plan_run: which files a run reads, keeps without reading, records as unreadable, and removes."""

from __future__ import annotations

import pytest

from warehouse.inputs import InputFile
from warehouse.manifest import plan_run
from warehouse.snapshot import SourceState


def f(path: str, size: int = 10, mtime: int = 1, error: str | None = None) -> InputFile:
    return InputFile(path, size, None, error, mtime)


def s(path: str, sha: str | None = "a", version: str = "1", size: int = 10, mtime: int = 1) -> SourceState:
    return SourceState(path, "text", sha, size, mtime, version)


@pytest.mark.parametrize(
    "files, previous, full, verify, read, skip, kept, deleted",
    [
        # first run: everything is read and extracted
        ([f("a.txt"), f("b.txt")], [], False, False, ["a.txt", "b.txt"], [None, None], [], []),
        # same size and time: kept without reading
        ([f("a.txt")], [s("a.txt")], False, False, [], [], ["a.txt"], []),
        # a new modification time: read, and skipped by the worker if the bytes are the same
        ([f("a.txt", mtime=2)], [s("a.txt")], False, False, ["a.txt"], ["a"], [], []),
        # a new size: read likewise
        ([f("a.txt", size=11)], [s("a.txt")], False, False, ["a.txt"], ["a"], [], []),
        # --verify: read even when size and time match
        ([f("a.txt")], [s("a.txt")], False, True, ["a.txt"], ["a"], [], []),
        # a deleted file: its rows go
        ([], [s("a.txt")], False, False, [], [], [], ["a.txt"]),
        # a new extract version: read and extracted whatever its bytes
        ([f("a.txt")], [s("a.txt", version="0")], False, False, ["a.txt"], [None], [], []),
        # full refresh: every file read and extracted
        ([f("a.txt")], [s("a.txt")], True, False, ["a.txt"], [None], [], []),
        # a file that could not be read last time, now readable: read again
        ([f("a.txt")], [s("a.txt", sha=None)], False, False, ["a.txt"], [None], [], []),
    ],
)
def test_plan_run(files, previous, full, verify, read, skip, kept, deleted) -> None:  # type: ignore[no-untyped-def]
    plan = plan_run(files, previous, extract_version="1", full_refresh=full, verify=verify)
    assert [x.file.source_path for x in plan.to_read] == read
    assert [x.skip_if_sha for x in plan.to_read] == skip
    assert list(plan.kept) == kept and list(plan.deleted) == deleted
    assert plan.files_seen == len(files)


def test_unreadable_files_are_recorded_once_and_then_kept() -> None:
    unreadable = f("a.txt", error="cannot read file: Permission denied")
    plan = plan_run([unreadable], [], extract_version="1", full_refresh=False, verify=False)
    assert plan.to_read == () and [x.source_path for x in plan.unreadable] == ["a.txt"]
    again = plan_run([unreadable], [s("a.txt", sha=None)], extract_version="1", full_refresh=False,
                     verify=False)
    assert again.unreadable == () and again.kept == ("a.txt",)


def test_scan_and_states_are_merged_in_path_order() -> None:
    # the scan in any order, the states in path order: kept, read, new, deleted and unreadable interleaved
    files = [f("d/5.txt", mtime=2), f("a.txt"), f("c.txt"), f("e.txt", error="cannot read file: Permission denied")]
    previous = [s("a.txt"), s("b.txt"), s("c.txt", sha="c", size=9), s("d/4.txt"), s("d/5.txt", sha="d"), s("z.txt")]
    plan = plan_run(files, previous, extract_version="1", full_refresh=False, verify=False)
    assert [(x.file.source_path, x.skip_if_sha) for x in plan.to_read] == [("c.txt", "c"), ("d/5.txt", "d")]
    assert plan.kept == ("a.txt",)
    assert plan.deleted == ("b.txt", "d/4.txt", "z.txt")
    assert [x.source_path for x in plan.unreadable] == ["e.txt"]
    # the plan keeps the last run's state of the files it reads, not of the kept ones
    assert sorted(plan.previous) == ["c.txt", "d/5.txt"] and plan.previous["c.txt"].size_bytes == 9


def test_a_full_refresh_reads_everything_and_removes_nothing() -> None:
    plan = plan_run([f("a.txt")], [s("a.txt"), s("b.txt")], extract_version="1", full_refresh=True, verify=False)
    assert [x.skip_if_sha for x in plan.to_read] == [None] and plan.deleted == ()
    assert list(plan.previous) == ["a.txt"]  # known before: counted as changed or unchanged, not added


def test_states_out_of_path_order_are_an_error_not_a_deletion() -> None:
    with pytest.raises(RuntimeError, match="out of order"):
        plan_run([f("a.txt")], [s("b.txt"), s("a.txt")], extract_version="1", full_refresh=False, verify=False)
