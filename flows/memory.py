"""The memory of the run's processes: its peak over the process tree (the flow process and its
worker processes), and handing freed memory back to the system after each batch."""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

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


def release_free_memory() -> None:
    """Give the memory freed by a batch back to the system: glibc's heap (Python objects) and
    Arrow's pool keep freed pages for reuse, so a process's RSS would stay at that of its largest
    batch (its parses, rows and pages freed, not returned)."""
    arrow = sys.modules.get("pyarrow")  # only where Arrow is in use (the flow process)
    if arrow is not None:
        arrow.default_memory_pool().release_unused()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _glibc() -> Any:
    name = ctypes.util.find_library("c") if sys.platform.startswith("linux") else None
    library = ctypes.CDLL(name) if name else None
    return library if library is not None and hasattr(library, "malloc_trim") else None


_LIBC = _glibc()
