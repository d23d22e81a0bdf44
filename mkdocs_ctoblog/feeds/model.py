"""What the feeds hold: the feed sets of a build (the blog's, each category's), their entries and
channel, and the plan that decides them."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from mkdocs_ctoblog.posts import Post

Format = Literal["rss", "atom", "json"]
FORMATS: tuple[Format, ...] = ("rss", "atom", "json")
FILE_NAMES: Mapping[Format, str] = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}
MEDIA_TYPES: Mapping[Format, str] = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}
STRING_KEYS: Mapping[Format, str] = {"rss": "feed_rss", "atom": "feed_atom", "json": "feed_json"}
NAMES: Mapping[Format, str] = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}


@dataclass(frozen=True)
class FeedSet:
    """The feeds of the blog (`key` "") or of one category (`key` its slug)."""

    key: str
    folder: str
    """Site path of the folder the feeds are written to: `blog`, `blog/category/fcto`."""
    title: str
    description: str
    home: str
    """Site URL of the index page the feeds belong to: `blog/`, `blog/category/fcto/`."""
    posts: tuple[Post, ...]
    """Newest first, already limited."""
    formats: tuple[Format, ...]

    def path(self, fmt: Format) -> str:
        """Site path of one feed: `blog/feed.xml`."""
        return posixpath.join(self.folder, FILE_NAMES[fmt]) if self.folder else FILE_NAMES[fmt]


@dataclass(frozen=True)
class Person:
    name: str
    url: str | None = None
    avatar: str | None = None


@dataclass(frozen=True)
class Enclosure:
    """A cover image: absolute URL, media type, and size in bytes when the file is ours."""

    url: str
    media_type: str | None
    length: int | None
    alt: str = ""


@dataclass(frozen=True)
class Entry:
    url: str
    title: str
    summary: str
    content: str | None
    """HTML with absolute links, or None when feeds carry summaries only."""
    published: dt.datetime
    updated: dt.datetime
    authors: tuple[Person, ...]
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    image: Enclosure | None


@dataclass(frozen=True)
class Channel:
    title: str
    description: str
    home_url: str
    feed_urls: Mapping[Format, str]
    language: str
    updated: dt.datetime
    logo: str | None
    entries: tuple[Entry, ...]


def plan(
    posts: tuple[Post, ...],
    categories: tuple[tuple[str, str, tuple[Post, ...], str], ...],
    *,
    blog_dir: str,
    blog_home: str,
    formats: tuple[Format, ...],
    limit: int,
    site_name: str,
    site_description: str | None,
    strings: Mapping[str, str],
) -> list[FeedSet]:
    """The blog's feeds, then one set per category: `categories` holds (slug, name, posts, home URL)."""
    if not formats:
        return []
    folder = blog_dir.strip("/")
    sets = [
        FeedSet(
            key="",
            folder=folder,
            title=site_name,
            description=site_description or site_name,
            home=blog_home,
            posts=posts[:limit],
            formats=formats,
        )
    ]
    for slug, name, members, home in categories:
        sets.append(
            FeedSet(
                key=slug,
                folder=posixpath.join(folder, "category", slug) if folder else posixpath.join("category", slug),
                title=f"{site_name}: {name}",
                description=f"{strings['category']}: {name} · {site_name}",
                home=home,
                posts=members[:limit],
                formats=formats,
            )
        )
    return sets
