"""What one `mkdocs serve` keeps from build to build: the posts read (by source path and content)
and the read-next ranking (while its inputs are the same).

A post is read again when its content changed. On POSIX systems a file whose size, modification
time, change time and inode are the ones seen last is unchanged: every write moves the change
time, and no tool (`cp -p`, `rsync -t`) can set it back. Otherwise, and on other systems (Windows'
`st_ctime` is the creation time), the file's bytes are hashed and compared: hashing 1,000 posts
of 6 KB costs about 70 ms a rebuild, a `stat` of each 10 ms.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mkdocs_ctoblog import images, related
from mkdocs_ctoblog.posts import Post, ReadResult, ReadSettings
from mkdocs_ctoblog.template_cache import TemplateCache
from mkdocs_ctoblog.views.card_cache import CardCache

if TYPE_CHECKING:
    from mkdocs_ctoblog.blocks.site import PageInfo
    from mkdocs_ctoblog.config.blocks import ReadNextWeights


_POSIX = os.name == "posix"


class PostCache:
    """Re-reads a post only when its file changed or the reading settings did."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self.enabled = True  # off for `mkdocs build`: one build reads each post once
        self._settings: ReadSettings | None = None  # the entries' settings
        self._given: ReadSettings | None = None  # the settings object of this build

    def read(self, src_uri: str, abs_path: str | None, settings: ReadSettings, load: Callable[[], ReadResult]) -> ReadResult:
        if not self.enabled:
            return load()
        settings = self._same_settings(settings)
        cached = self._entries.get(src_uri)
        status = _status(abs_path)
        if cached is not None and cached.settings is settings and status is not None and _POSIX and cached.status == status:
            return cached.result
        stamp = _stamp(abs_path)  # before reading: a write in between is seen next time
        if cached is not None and cached.settings is settings and status is not None and stamp == cached.stamp:
            self._entries[src_uri] = _Entry(status, stamp, settings, cached.result)
            return cached.result
        result = load()
        if stamp is not None and status is not None:
            self._entries[src_uri] = _Entry(status, stamp, settings, result)
        return result

    def _same_settings(self, settings: ReadSettings) -> ReadSettings:
        """The entries' settings object when `settings` equals it (compared once a build: they
        hold every doc path of the site)."""
        if settings is not self._given:
            self._given = settings
            if self._settings is None or settings != self._settings:
                self._settings = settings
        assert self._settings is not None
        return self._settings

    def keep_only(self, src_uris: set[str]) -> None:
        """Forget deleted posts."""
        for gone in set(self._entries) - src_uris:
            del self._entries[gone]


@dataclass(frozen=True)
class _Entry:
    status: tuple[int, ...]  # size, mtime, ctime, inode, device
    stamp: bytes  # digest of the bytes
    settings: ReadSettings
    result: ReadResult


class RankingCache:
    """The read-next index; across rebuilds the previous one (and the picks it made) is kept while
    no post's title, description, categories, tags or date changed."""

    def __init__(self) -> None:
        self._kept: tuple[tuple[object, ...], related.Related] | None = None
        self.reused = False
        """Whether the last `ranking` was the previous build's."""
        self.previous: related.Related | None = None
        """When it was not: the previous build's ranking (None on the first build)."""

    def ranking(self, published: list[Post], weights: ReadNextWeights) -> related.Related:
        inputs = related.Related.inputs(
            published, related.Weights(weights.category, weights.tag, weights.words, weights.recency)
        )
        self.reused = self._kept is not None and self._kept[0] == inputs
        if self._kept is not None and self.reused:
            self._kept[1].refresh(published)
            return self._kept[1]
        ranking = related.Related(published, inputs[0])  # type: ignore[arg-type]
        self.previous = self._kept[1] if self._kept is not None else None
        self._kept = (inputs, ranking)
        return ranking


@dataclass
class Kept:
    """Everything the plugin keeps across the rebuilds of one `mkdocs serve`."""

    posts: PostCache = field(default_factory=PostCache)
    ranking: RankingCache = field(default_factory=RankingCache)
    image_sizes: images.SizeCache = field(default_factory=dict)  # keyed by file and mtime
    # for pages a `--dirty` rebuild does not render again:
    post_html: dict[str, str] = field(default_factory=dict)  # posts' HTML for the feeds
    page_infos: dict[str, PageInfo] = field(default_factory=dict)  # pages' titles for page cards
    pasted: dict[str, tuple[str, ...]] = field(default_factory=dict)  # pasted blocks found in posts
    templates: TemplateCache = field(default_factory=TemplateCache)  # compiled Jinja templates
    feeds_written: dict[str, object] = field(default_factory=dict)  # `--dirty`: feeds as last written
    date_texts: dict[tuple[str, str, dt.date], str] = field(default_factory=dict)  # formatted days
    cards: CardCache = field(default_factory=CardCache)  # post cards, while what they show is the same

    def forget_gone(self, posts: Mapping[str, object], doc_urls: Mapping[str, object]) -> None:
        """Forget what was kept of posts and pages that are gone."""
        _keep_only(self.post_html, posts)
        _keep_only(self.pasted, posts)
        _keep_only(self.page_infos, doc_urls)
        self.cards.keep_only(posts)


def _keep_only(kept: dict[str, Any], current: Mapping[str, object]) -> None:
    for src in kept.keys() - current.keys():
        del kept[src]


def _stamp(abs_path: str | None) -> bytes | None:
    """A digest of the file's content; None when there is no file to read."""
    if abs_path is None:
        return None
    try:
        with open(abs_path, "rb") as f:
            return hashlib.blake2b(f.read(), digest_size=16).digest()
    except OSError:
        return None


def _status(abs_path: str | None) -> tuple[int, ...] | None:
    if abs_path is None:
        return None
    try:
        st = os.stat(abs_path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
