"""What one `mkdocs serve` keeps from build to build: the posts read (by source path and content)
and the read-next ranking (while its inputs are the same).

The key is a hash of the file's bytes, not its modification time and size: an edit that keeps
both (`cp -p`, `rsync -t`, a file system with coarse timestamps) is still seen, on every OS
(Windows' `st_ctime` is the creation time, so size + mtime + ctime would miss it there). Hashing
1,000 posts of 6 KB costs about 70 ms a rebuild (stat alone: 10 ms), which MkDocs' own reading
of the pages dwarfs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mkdocs_ctoblog import images, related
from mkdocs_ctoblog.posts import Post, ReadResult, ReadSettings
from mkdocs_ctoblog.template_cache import TemplateCache

if TYPE_CHECKING:
    from mkdocs_ctoblog.blocks import PageInfo
    from mkdocs_ctoblog.config.blocks import ReadNextWeights


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


class RankingCache:
    """The read-next index; across rebuilds the previous one (and the picks it made) is kept while
    no post's title, description, categories, tags or date changed."""

    def __init__(self) -> None:
        self._kept: tuple[tuple[object, ...], related.Related] | None = None
        self.reused = False
        """Whether the last `ranking` was the previous build's."""

    def ranking(self, published: list[Post], weights: ReadNextWeights) -> related.Related:
        inputs = related.Related.inputs(
            published, related.Weights(weights.category, weights.tag, weights.words, weights.recency)
        )
        self.reused = self._kept is not None and self._kept[0] == inputs
        if self._kept is not None and self.reused:
            self._kept[1].refresh(published)
            return self._kept[1]
        ranking = related.Related(published, inputs[0])  # type: ignore[arg-type]
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

    def forget_gone(self, posts: Mapping[str, object], doc_urls: Mapping[str, object]) -> None:
        """Forget what was kept of posts and pages that are gone."""
        _keep_only(self.post_html, posts)
        _keep_only(self.pasted, posts)
        _keep_only(self.page_infos, doc_urls)


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
