"""The post model: the frozen `Post` every other module sees, its authors and cover image, and what
reading one needs and returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from zoneinfo import ZoneInfo

from mkdocs_ctoblog import urls

Status = Literal["published", "draft", "scheduled"]


@dataclass(frozen=True)
class AuthorLink:
    """A profile of an author (`links` in the authors file)."""

    name: str
    url: str


@dataclass(frozen=True)
class Author:
    """A post's author: `key` is the authors-file id or the name's slug; `bio` is Markdown."""

    key: str
    name: str
    url: str | None = None
    avatar: str | None = None
    description: str | None = None
    bio: str | None = None
    links: tuple[AuthorLink, ...] = ()


@dataclass(frozen=True)
class Image:
    """A cover image: `src` is a full URL, or a doc path (`assets/x.png`) when `local`."""

    src: str
    alt: str
    local: bool
    position: str | None = None  # focal point: CSS object-position, keywords and percentages only


@dataclass(frozen=True)
class Post:
    """One post, as every other module sees it."""

    src_uri: str
    dest_uri: str
    slug: str
    title: str
    date: dt.datetime
    updated: dt.datetime | None
    description: str | None
    excerpt: str
    body: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    authors: tuple[Author, ...]
    image: Image | None
    status: Status
    pin: bool
    words: int
    reading_minutes: int
    newsletter: bool | None
    comments: bool | None
    cta: str | Literal[False] | None
    read_next: tuple[str, ...] | Literal[False] | None
    meta: Mapping[str, Any] = field(repr=False, compare=False)
    author_bio: bool | None = None
    share: bool | None = None
    redirects: tuple[str, ...] = ()
    """Output paths of redirect pages to this post: its `redirect_from` and its URLs under
    `redirects.previous_post_url_formats`."""
    series: str | None = None
    series_order: int | None = None

    @property
    def summary(self) -> str:
        """Card and meta text: the description, else the excerpt."""
        return self.description or self.excerpt

    @property
    def category_slugs(self) -> tuple[str, ...]:
        return tuple(urls.slugify(c) for c in self.categories)

    @property
    def tag_slugs(self) -> tuple[str, ...]:
        return tuple(urls.slugify(t) for t in self.tags)


@dataclass(frozen=True)
class ReadSettings:
    """What reading a post needs from the site and plugin config."""

    tz: ZoneInfo
    blog_dir: str
    post_url_format: str
    use_directory_urls: bool
    words_per_minute: int
    authors: Mapping[str, Author]
    categories_allowed: frozenset[str]
    doc_paths: frozenset[str]
    posts_dir: str
    slug_case: Literal["lower", "keep"]
    excerpt_separator: str | None
    previous_post_url_formats: tuple[str, ...]


@dataclass(frozen=True)
class ReadResult:
    """A post (None when it has no usable date) and its problems, one warning line each."""

    post: Post | None
    problems: tuple[str, ...]
