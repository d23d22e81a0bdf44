"""CPU seconds spent by a build: unlike wall-clock time, not stretched when other processes share
the machine, so "costs at most k times plain MkDocs" holds on a busy CI runner and still fails on
a slow path."""

from __future__ import annotations

import resource
import subprocess
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def run_child(*args: Any, **kwargs: Any) -> tuple[float, subprocess.CompletedProcess[str]]:
    """`subprocess.run(...)` and the CPU seconds (user + system) the child used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(*args, **kwargs)  # noqa: PLW1510 - the caller passes check
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), result


def in_process(work: Callable[[], T]) -> tuple[float, T]:
    """`work()` and the CPU seconds this process used for it."""
    start = time.process_time()
    value = work()
    return time.process_time() - start, value
