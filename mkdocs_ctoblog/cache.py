"""Posts read in earlier builds of one `mkdocs serve`, keyed by source path and content.

The key is a hash of the file's bytes, not its modification time and size: an edit that keeps
both (`cp -p`, `rsync -t`, a file system with coarse timestamps) is still seen, on every OS
(Windows' `st_ctime` is the creation time, so size + mtime + ctime would miss it there). Hashing
1,000 posts of 6 KB costs about 70 ms a rebuild (stat alone: 10 ms), which MkDocs' own reading
of the pages dwarfs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from mkdocs_ctoblog.posts import ReadResult, ReadSettings


class PostCache:
    """Re-reads a post only when its file changed or the reading settings did."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[bytes, ReadSettings, ReadResult]] = {}
        self.enabled = True  # off for `mkdocs build`: one build reads each post once

    def read(self, src_uri: str, abs_path: str | None, settings: ReadSettings, load: Callable[[], ReadResult]) -> ReadResult:
        if not self.enabled:
            return load()
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


def _stamp(abs_path: str | None) -> bytes | None:
    """A digest of the file's content; None when there is no file to read."""
    if abs_path is None:
        return None
    try:
        with open(abs_path, "rb") as f:
            return hashlib.blake2b(f.read(), digest_size=16).digest()
    except OSError:
        return None
