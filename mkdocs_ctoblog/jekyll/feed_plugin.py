"""jekyll-feed: whether a Jekyll site used it, and the path of the Atom feed it wrote, so that the
new project writes its blog's Atom feed there too (`feeds.also_at`) and subscribers keep reading."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from mkdocs_ctoblog import outpaths
from mkdocs_ctoblog.jekyll.project import raw_config
from mkdocs_ctoblog.jekyll.site_config import SiteConfig

NAME = "jekyll-feed"
DEFAULT_PATH = "/feed.xml"  # jekyll-feed's default `feed: path:`
_GEMFILE_LINE = re.compile(r"""^\s*gem\s+["']jekyll-feed["']""", re.MULTILINE)
_OTHER_FEEDS = ("categories", "tags", "collections")


@dataclass(frozen=True)
class JekyllFeed:
    """The site path jekyll-feed wrote the posts' Atom feed to (`/feed.xml`), the feeds it wrote
    that the new project does not keep (`feed: categories`, `tags`, other `collections`), and
    `problem`: why `path` cannot be kept (then `path` is None)."""

    path: str | None
    not_kept: tuple[str, ...] = ()
    problem: str | None = None


def jekyll_feed(config: SiteConfig) -> JekyllFeed | None:
    """jekyll-feed's feed when the site uses the plugin (`plugins:` or `gems:` of `_config.yml`,
    or the site's Gemfile), else None."""
    raw = raw_config(config)
    listed = [name for key in ("plugins", "gems") if isinstance(raw.get(key), list) for name in raw[key]]
    if NAME not in listed and not _in_gemfile(os.path.dirname(config.config_path)):
        return None
    settings = raw.get("feed")
    settings = settings if isinstance(settings, Mapping) else {}
    collections = settings.get("collections")
    posts = collections.get("posts") if isinstance(collections, Mapping) else None
    given = posts.get("path") if isinstance(posts, Mapping) and posts.get("path") else settings.get("path")
    not_kept = tuple(
        f"feed: {key}" for key in _OTHER_FEEDS
        if settings.get(key) and not (key == "collections" and _only_posts(settings.get(key)))
    )
    if given is None:
        return JekyllFeed(DEFAULT_PATH, not_kept)
    problem = _path_problem(given)
    if problem is not None:
        return JekyllFeed(None, not_kept, f"_config.yml feed: path: {given!r} {problem}; the feed's URL is not kept")
    return JekyllFeed("/" + outpaths.normalise(given, url=True).path, not_kept)


def _in_gemfile(folder: str) -> bool:
    try:
        with open(os.path.join(folder, "Gemfile"), encoding="utf-8", errors="replace") as f:
            return _GEMFILE_LINE.search(f.read()) is not None
    except OSError:
        return False


def _only_posts(collections: object) -> bool:
    names = list(collections) if isinstance(collections, (Mapping, list)) else []
    return all(str(name) == "posts" for name in names)


def _path_problem(path: object) -> str | None:
    if not isinstance(path, str):
        return "is not text"
    try:
        found = outpaths.normalise(path, url=True)
    except outpaths.UnsafePath as exc:
        return str(exc)
    if found.has_parent or found.folder or not found.path:
        return "is not a file path inside the site"
    return None
