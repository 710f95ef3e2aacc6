"""What a run has to do: compare the input dir with what the last completed run processed.

The incremental to-do rule, in one place: a file whose size and modification time match the
manifest, processed by the same extraction version, is unchanged without being read (unless
--verify or --full-refresh). Every other file is read and hashed in a worker; if its bytes are
the ones the manifest knows and the extraction version is the same, it is unchanged after all
(touched, not changed) and is not extracted again.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def plan_run(
    files: list[InputFile],
    previous: dict[str, SourceState],
    *,
    extract_version: str,
    full_refresh: bool,
    verify: bool,
) -> RunPlan:
    """Decide per file: keep without reading, read (and maybe extract), record as unreadable, or remove."""
    to_read: list[ToRead] = []
    unreadable: list[InputFile] = []
    kept: list[str] = []
    for f in files:
        before = previous.get(f.source_path)
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
            else:
                unreadable.append(f)
        elif same_stat and not verify and before is not None and before.content_sha256 is not None:
            kept.append(f.source_path)
        else:
            skip = before.content_sha256 if same_version and before is not None else None
            to_read.append(ToRead(f, skip))
    current = {f.source_path for f in files}
    return RunPlan(
        to_read=tuple(to_read),
        unreadable=tuple(unreadable),
        kept=tuple(kept),
        deleted=tuple(sorted(set(previous) - current)),
        files_seen=len(files),
    )
