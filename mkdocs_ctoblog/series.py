"""Series of posts (front matter `series: "Scaling the team"`, optional `series_order`).

The parts of a series are ordered by `series_order`, then by date (parts without an order come
after the numbered ones). Each part gets a box under its header — "Part 2 of 3 in Scaling the
team" and links to every part —, its series page (`blog/series/<slug>/`, an index page like a
category's) lists the parts in order, and "read next" starts with the next part.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog.shown import shown
from mkdocs_ctoblog.views import rel

if TYPE_CHECKING:
    from mkdocs_ctoblog.blog import Blog, Term
    from mkdocs_ctoblog.posts import Post

log = get_plugin_logger(__name__)


def check(blog: Blog) -> None:
    """One warning for a series of a single post, and one for each `series_order` given twice."""
    for term in blog.terms.get("series", ()):
        if len(term.posts) == 1:
            log.warning(
                "%s: 'series' %s has no other post; a series needs two or more parts (no series box is shown)",
                term.posts[0].src_uri,
                shown(term.name),
            )
        seen: dict[int, Post] = {}
        for post in term.posts:
            if post.series_order is None:
                continue
            other = seen.setdefault(post.series_order, post)
            if other is not post:
                log.warning(
                    "%s: 'series_order' %d of series %s is also given in %s; expected one number per part "
                    "(they are ordered by date)",
                    post.src_uri,
                    post.series_order,
                    shown(term.name),
                    other.src_uri,
                )


def next_parts(blog: Blog) -> dict[str, str]:
    """Source path of each part → source path of the part after it."""
    found = {}
    for term in blog.terms.get("series", ()):
        for part, following in zip(term.posts, term.posts[1:]):
            found[part.src_uri] = following.src_uri
    return found


@dataclass(frozen=True)
class SeriesPart:
    title: str
    url: str
    current: bool


@dataclass(frozen=True)
class SeriesView:
    """`ctoblog/series.html`: the series' name and page URL, this part's number, all parts in order."""

    name: str
    url: str | None
    number: int
    total: int
    parts: tuple[SeriesPart, ...]


class SeriesBox:
    """The series box of posts during one build (a post block placed under the post header)."""

    def __init__(self, blog: Blog, post_url: Callable[[Post], str], term_url: Callable[[str], str | None]) -> None:
        self.by_post: Mapping[str, Term] = {
            post.src_uri: term for term in blog.terms.get("series", ()) for post in term.posts
        }
        self.post_url = post_url
        self.term_url = term_url

    def shown(self, post: Post) -> bool:
        term = self.by_post.get(post.src_uri)
        return term is not None and len(term.posts) > 1

    def view(self, post: Post, base: str) -> SeriesView:
        term = self.by_post[post.src_uri]
        page = self.term_url(term.slug)
        parts = tuple(
            SeriesPart(part.title, rel(self.post_url(part), base), part.src_uri == post.src_uri) for part in term.posts
        )
        number = next(n for n, part in enumerate(term.posts, start=1) if part.src_uri == post.src_uri)
        return SeriesView(
            name=term.name,
            url=rel(page, base) if page is not None else None,
            number=number,
            total=len(term.posts),
            parts=parts,
        )
