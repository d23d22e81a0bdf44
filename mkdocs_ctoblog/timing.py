"""Time spent in each plugin event, for `mkdocs build --verbose` and the benchmarks."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)


class Timings:
    """Seconds per event name, summed over a build."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def measure(self, event: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[event] += time.perf_counter() - start

    def log(self) -> None:
        for event, seconds in self.seconds.items():
            log.debug("timing: %s %.3fs", event, seconds)
