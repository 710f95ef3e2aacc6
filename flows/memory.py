"""Peak resident memory of the run's process tree (the flow process and its worker processes)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import psutil


class PeakMemory:
    """Samples the summed RSS of this process and its descendants in a background thread."""

    def __init__(self, interval: float = 0.25):
        self.interval = interval  # seconds between samples
        self.peak_bytes = 0
        self._stop = threading.Event()

    def sample(self) -> int:
        me = psutil.Process()
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:  # a worker that just ended
                continue
        self.peak_bytes = max(self.peak_bytes, total)
        return total

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    @property
    def peak_mb(self) -> float:
        return round(self.peak_bytes / 2**20, 1)


@contextmanager
def peak_memory() -> Iterator[PeakMemory]:
    """Sample the process tree's memory for the duration of the block."""
    meter = PeakMemory()
    meter.sample()
    thread = threading.Thread(target=meter._loop, name="newsflow-peak-memory", daemon=True)
    thread.start()
    try:
        yield meter
    finally:
        meter._stop.set()
        thread.join()
        meter.sample()
