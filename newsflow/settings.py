"""Run settings, built once at the edge (the command line) from arguments and environment,
then passed down typed: the flow and everything under it read them, never the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from transforms.articles import ExtractOptions
from transforms.statements import StatementOptions
from transforms.stories import StoryOptions

TASK_RUNNERS = ("default", "dask")  # where extraction and per-article stages run
DASK_SCHEMES = ("tcp", "tls")  # the Dask comms a scheduler address may name


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from exc


def _check_dask_address(address: str) -> None:
    """Raise ValueError unless address reads tcp://HOST:PORT (or tls://HOST:PORT)."""
    problem = f"--dask-address must look like tcp://HOST:PORT, not {address!r}"
    try:
        parts = urlsplit(address)
        port = parts.port  # ValueError when not a number in 0..65535
    except ValueError as exc:
        raise ValueError(problem) from exc
    if parts.scheme not in DASK_SCHEMES or not parts.hostname or not port or parts.path.strip("/") \
            or parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(problem)


@dataclass(frozen=True)
class Settings:
    """Everything one pipeline run needs to know."""

    input_dir: Path  # raw article files, read recursively
    data_dir: Path  # warehouse, lake and snapshots
    full_refresh: bool = False  # rebuild everything from the raw files
    verify: bool = False  # hash every input file, even when its size and modification time are unchanged
    follow_symlinks: bool = False  # ingest files that symlinks inside the input dir point to outside it
    wait: bool = False  # wait for another run holding the data dir instead of failing at once
    task_runner: str = "default"  # default (local worker processes) or dask (a Dask cluster)
    dask_address: str | None = None  # tcp://HOST:PORT of a running Dask scheduler; None: a LocalCluster
    workers: int = 2  # processes extracting in parallel (>= 1; the machine's cores by default)
    batch_files: int = 64  # files per Prefect task (>= 1): tasks cost ~10 ms each, so batch
    batch_articles: int = 256  # articles per per-article stage task (>= 1)
    max_file_bytes: int = 50 * 1024 * 1024  # size cap of one input file, bytes (>= 1)
    keep_snapshots: int = 2  # completed snapshots kept for readers still on an older one (>= 1)
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    stories: StoryOptions = field(default_factory=StoryOptions)
    statements: StatementOptions = field(default_factory=StatementOptions)

    @classmethod
    def from_env(
        cls,
        input_dir: str | Path,
        data_dir: str | Path,
        *,
        full_refresh: bool = False,
        max_file_bytes: int | None = None,
        verify: bool = False,
        follow_symlinks: bool = False,
        wait: bool = False,
        task_runner: str = "default",
        dask_address: str | None = None,
    ) -> Settings:
        """Settings from arguments, with NEWSFLOW_* environment variables for the tunables."""
        cap = max_file_bytes if max_file_bytes is not None else _env_int("NEWSFLOW_MAX_FILE_BYTES", 50 * 1024 * 1024)
        if cap < 1:
            raise ValueError("the size cap must be at least 1 byte")
        if task_runner not in TASK_RUNNERS:
            raise ValueError(f"the task runner must be one of {', '.join(TASK_RUNNERS)}, not {task_runner!r}")
        if dask_address is not None and task_runner != "dask":
            raise ValueError("--dask-address needs --task-runner dask")
        if dask_address is not None:
            _check_dask_address(dask_address)
        workers = _env_int("NEWSFLOW_WORKERS", os.cpu_count() or 1)
        return cls(
            input_dir=Path(input_dir),
            data_dir=Path(data_dir),
            full_refresh=full_refresh,
            verify=verify,
            follow_symlinks=follow_symlinks,
            wait=wait,
            task_runner=task_runner,
            dask_address=dask_address,
            workers=max(1, workers),
            batch_files=max(1, _env_int("NEWSFLOW_BATCH_FILES", 64)),
            max_file_bytes=cap,
            keep_snapshots=max(1, _env_int("NEWSFLOW_KEEP_SNAPSHOTS", 2)),
            extract=ExtractOptions(max_bytes=cap),
        )
