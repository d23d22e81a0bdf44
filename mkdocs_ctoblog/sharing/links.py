"""Absolute URLs of the site's pages and files, and the display names of terms, for meta and feeds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from mkdocs_ctoblog.blog import Blog
from mkdocs_ctoblog.posts import Post
from mkdocs_ctoblog.safe_urls import is_external, safe_url


@dataclass(frozen=True)
class Asset:
    """A file of the site: its site URL, its source and its output on disk."""

    url: str
    src_path: str | None
    dest_path: str


@dataclass(frozen=True)
class SiteFacts:
    site_url: str | None
    site_name: str
    site_description: str | None
    locale: str
    tz: ZoneInfo


class SiteLinks:
    """Absolute URLs and display names of one build, for meta and feeds (set by `Sharing.plan`)."""

    def __init__(self, site: SiteFacts) -> None:
        self.site = site
        self.blog = Blog(posts=())
        self.post_url: Callable[[Post], str | None] = lambda post: None
        self.asset: Callable[[str], Asset | None] = lambda path: None
        self.term_url: Callable[[str, str], str | None] = lambda kind, slug: None

    def absolute(self, site_path: str | None) -> str | None:
        """A site-relative URL (`blog/x/`) as an absolute one, or None without `site_url`."""
        if site_path is None or not self.site.site_url:
            return None
        return self.site.site_url.rstrip("/") + "/" + site_path.lstrip("/")

    def user_url(self, value: str | None) -> str | None:
        """A URL from config or the authors file: full URLs as they are; a doc path
        (`assets/logo.png`) as its file's URL; other paths from the site root."""
        value = safe_url(value)
        if not value:
            return None
        if is_external(value):
            return value
        found = self.asset(value.lstrip("/").split("#")[0])
        return self.absolute(found.url if found else value.lstrip("/"))

    def names(self, kind: str, names: tuple[str, ...]) -> tuple[str, ...]:
        """The display names of terms of `kind` (as the blog spells them)."""
        return tuple(self.blog.display_name(kind, n) for n in names)  # type: ignore[arg-type]

    def author_page(self, name: str) -> str | None:
        """The absolute URL of an author's index page, if it has one."""
        term = self.blog.term("author", name)
        return self.absolute(self.term_url("author", term.slug if term else ""))
