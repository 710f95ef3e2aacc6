"""What a run has to do: compare the input dir with what the last completed run processed."""

from __future__ import annotations

from dataclasses import dataclass

from warehouse.inputs import InputFile
from warehouse.store import SourceState


@dataclass(frozen=True)
class RunPlan:
    """The files a run extracts, keeps and removes, and the counts the runs table reports."""

    to_extract: tuple[InputFile, ...]  # new, changed, or processed by an older extract version
    unreadable: tuple[InputFile, ...]  # found but not readable (or over the size cap)
    to_remove: tuple[str, ...]  # source paths whose old rows go: changed, deleted, re-extracted
    files_seen: int
    files_added: int
    files_changed: int
    files_unchanged: int
    files_deleted: int


def plan_run(
    files: list[InputFile],
    previous: dict[str, SourceState],
    extract_version: str,
    full_refresh: bool,
) -> RunPlan:
    """Decide per file: extract, keep, or remove; count added/changed/unchanged/deleted."""
    to_extract: list[InputFile] = []
    unreadable: list[InputFile] = []
    to_remove: list[str] = []
    added = changed = unchanged = 0
    current = {f.source_path for f in files}
    for f in files:
        before = previous.get(f.source_path)
        if before is None:
            added += 1
        elif _same_content(before, f):
            unchanged += 1
        else:
            changed += 1
        same = (
            before is not None
            and _same_content(before, f)
            and before.extract_version == extract_version
            and not full_refresh
        )
        if same:
            continue
        if before is not None:
            to_remove.append(f.source_path)
        (unreadable if f.read_error else to_extract).append(f)
    deleted = sorted(set(previous) - current)
    return RunPlan(
        to_extract=tuple(to_extract),
        unreadable=tuple(unreadable),
        to_remove=tuple(sorted(to_remove + deleted)),
        files_seen=len(files),
        files_added=added,
        files_changed=changed,
        files_unchanged=unchanged,
        files_deleted=len(deleted),
    )


def _same_content(before: SourceState, f: InputFile) -> bool:
    """Same bytes as last time; or, for a file the scan could not read (a symlink not followed,
    a file over the size cap), unreadable again at the same size: its rejection row stands."""
    if before.content_sha256 is not None:
        return before.content_sha256 == f.content_sha256
    return f.content_sha256 is None and f.read_error is not None and before.size_bytes == f.size_bytes
