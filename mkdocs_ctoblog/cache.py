"""Posts read in earlier builds of one `mkdocs serve`, keyed by source path and modification time."""

from __future__ import annotations

import os
from collections.abc import Callable

from mkdocs_ctoblog.posts import ReadResult, ReadSettings


class PostCache:
    """Re-reads a post only when its file changed or the reading settings did."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[tuple[int, int], ReadSettings, ReadResult]] = {}

    def read(self, src_uri: str, abs_path: str | None, settings: ReadSettings, load: Callable[[], ReadResult]) -> ReadResult:
        stamp = _stamp(abs_path)
        cached = self._entries.get(src_uri)
        if stamp is not None and cached is not None and cached[0] == stamp and cached[1] == settings:
            return cached[2]
        result = load()
        if stamp is not None:
            self._entries[src_uri] = (stamp, settings, result)
        return result

    def keep_only(self, src_uris: set[str]) -> None:
        """Forget deleted posts."""
        for gone in set(self._entries) - src_uris:
            del self._entries[gone]


def _stamp(abs_path: str | None) -> tuple[int, int] | None:
    if abs_path is None:
        return None
    try:
        stat = os.stat(abs_path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size
