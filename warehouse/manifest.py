"""What a run has to do: compare the input dir with what the last completed run processed.

The incremental to-do rule, in one place: a file whose size and modification time match the
manifest, processed by the same extraction version, is unchanged without being read (unless
--verify or --full-refresh). Every other file is read and hashed in a worker; if its bytes are
the ones the manifest knows and the extraction version is the same, it is unchanged after all
(touched, not changed) and is not extracted again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from warehouse.inputs import InputFile
from warehouse.snapshot import SourceState


@dataclass(frozen=True, slots=True)
class ToRead:
    """A file to read, and the hash whose bytes need no extraction (None: extract whatever it holds)."""

    file: InputFile
    skip_if_sha: str | None


@dataclass(frozen=True)
class RunPlan:
    """The files a run reads, keeps and removes."""

    to_read: tuple[ToRead, ...]  # new, changed by size or time, or to re-extract
    unreadable: tuple[InputFile, ...]  # found but not readable (or over the size cap), to record as rejected
    kept: tuple[str, ...]  # source paths unchanged by size and time: not read at all
    deleted: tuple[str, ...]  # source paths of the previous run no longer under the input dir
    files_seen: int
    # the last run's state of each file to read or record as unreadable (not of the kept ones: a
    # corpus's worth of states is not held for a run that reads ten files)
    previous: Mapping[str, SourceState] = field(default_factory=dict)


def plan_run(
    files: list[InputFile],
    previous: Iterable[SourceState],
    *,
    extract_version: str,
    full_refresh: bool,
    verify: bool,
) -> RunPlan:
    """Decide per file: keep without reading, read (and maybe extract), record as unreadable, or remove.

    previous: the last completed run's states in source path order (as the snapshot lists them),
    merged with the scan in one pass, so that no mapping of every state is built. A full refresh
    removes nothing (it builds from nothing) but still says which files were known."""
    to_read: list[ToRead] = []
    unreadable: list[InputFile] = []
    kept: list[str] = []
    deleted: list[str] = []
    known: dict[str, SourceState] = {}
    states = _in_order(previous)
    state = next(states, None)
    for f in sorted(files, key=lambda x: x.source_path):
        while state is not None and state.source_path < f.source_path:
            deleted.append(state.source_path)  # the last run had it, the scan has not
            state = next(states, None)
        before = state if state is not None and state.source_path == f.source_path else None
        if before is not None:
            state = next(states, None)
        same_version = before is not None and before.extract_version == extract_version and not full_refresh
        same_stat = (
            same_version
            and before is not None
            and before.size_bytes == f.size_bytes
            and before.mtime_ns == f.mtime_ns
        )
        if f.read_error:
            if same_stat and before is not None and before.content_sha256 is None:
                kept.append(f.source_path)  # still unreadable as before: its rejection stands
                continue
            unreadable.append(f)
        elif same_stat and not verify and before is not None and before.content_sha256 is not None:
            kept.append(f.source_path)
            continue
        else:
            skip = before.content_sha256 if same_version and before is not None else None
            to_read.append(ToRead(f, skip))
        if before is not None:
            known[f.source_path] = before
    while state is not None:
        deleted.append(state.source_path)
        state = next(states, None)
    return RunPlan(
        to_read=tuple(to_read),
        unreadable=tuple(unreadable),
        kept=tuple(kept),
        deleted=() if full_refresh else tuple(deleted),
        files_seen=len(files),
        previous=known,
    )


def _in_order(states: Iterable[SourceState]) -> Iterator[SourceState]:
    """The states, checked to come in strictly increasing source path order (the merge needs it)."""
    last: str | None = None
    for state in states:
        if last is not None and state.source_path <= last:
            raise RuntimeError(f"source states out of order: {state.source_path!r} after {last!r}")
        last = state.source_path
        yield state
