"""What the blocks know about the site being built: its posts, files and URLs, and the pages
that may appear as cards (plain values taken from each page after it was rendered)."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog import safe_urls
from mkdocs_ctoblog.blocks.links import PAGE_EXTENSIONS, UrlResolver
from mkdocs_ctoblog.safe_urls import safe_url
from mkdocs_ctoblog.views import ImageView

if TYPE_CHECKING:
    from mkdocs_ctoblog.images import SizeOf
    from mkdocs_ctoblog.posts import Post

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class PageInfo:
    """What a page card shows: plain values taken from a page after it was rendered."""

    src_uri: str
    url: str
    title: str
    description: str | None
    image: ImageView | None
    label: str | None = None


@dataclass
class Site:
    """What the blocks need to know about the site being built (plain values)."""

    posts: Mapping[str, Post]  # every post read, published or not, by source path
    doc_urls: Mapping[str, str]  # every file's URL by source path
    posts_dir: str
    show_unpublished: bool = False
    pages: dict[str, PageInfo] = field(default_factory=dict)
    next_parts: Mapping[str, str] = field(default_factory=dict)  # a series part → the next part

    def __post_init__(self) -> None:
        self.by_slug: dict[str, str] = {}
        for src, post in sorted(self.posts.items()):
            self.by_slug.setdefault(post.slug, src)
        self.resolver = UrlResolver(self.doc_urls)
        self.src_by_url = {url: src for src, url in self.doc_urls.items() if src.endswith(PAGE_EXTENSIONS)}


def page_info(
    src_uri: str,
    url: str,
    title: str,
    meta: Mapping[str, Any],
    doc_urls: Mapping[str, str],
    *,
    section: str | None = None,
    image_size: SizeOf = lambda doc_path: None,
    warn: bool = True,
) -> PageInfo:
    """A page card's values from a rendered page: its title, `description` and `image` front matter,
    and its label: `kicker` or `label` front matter, else the title of its nav `section`. An image
    URL `safe_urls` rejects is left out (with a warning when `warn`: posts were warned about)."""
    description = meta.get("description")
    image = None
    value = meta.get("image")
    alt = str(meta.get("image_alt") or "")
    if isinstance(value, Mapping):
        alt = str(value.get("alt") or alt)
        value = value.get("path") or value.get("src")
    src = safe_url(value) if isinstance(value, str) else None
    if warn and isinstance(value, str) and value.strip() and src is None:
        log.warning("%s: 'image' expected %s, received '%s'; left out", src_uri, safe_urls.EXPECTED, value.strip()[:80])
    if src is not None:
        if safe_urls.is_external(src):
            image = ImageView(src, alt)
        else:
            path = src.lstrip("/") if src.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), src))
            if path in doc_urls:
                width, height = image_size(path) or (None, None)
                image = ImageView(doc_urls[path], alt, width, height)
    label = next((meta[k] for k in ("kicker", "label") if isinstance(meta.get(k), str) and meta[k].strip()), section)
    return PageInfo(
        src_uri=src_uri,
        url=url,
        title=title,
        description=description if isinstance(description, str) else None,
        image=image,
        label=label.strip() if label else None,
    )
