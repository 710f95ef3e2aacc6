"""A progress bar for interactive runs (files processed, rate, time left); silent when not a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Callable[[int], None]]:
    """Yield advance(n); draw a bar on stderr only when it is a terminal (not in CI, cron or tests)."""
    if total <= 0 or not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TimeRemainingColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Files per second so far."""

        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} files/s" if speed else "")

    with Progress(label, BarColumn(), MofNCompleteColumn(), RateColumn(), TimeRemainingColumn(),
                  transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda n: progress.advance(task, n)
