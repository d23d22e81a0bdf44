"""The bar above an index page's posts: categories with their post counts, and archive years."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mkdocs_ctoblog.blog import Blog, TermKind


@dataclass(frozen=True)
class TopicLink:
    text: str
    url: str
    count: int
    current: bool


@dataclass(frozen=True)
class TopicGroup:
    """One labelled row of links ("Categories", "Archive")."""

    title: str
    links: tuple[TopicLink, ...]


def topic_groups(
    blog: Blog,
    term_url: Callable[[TermKind, str], str | None],
    strings: Mapping[str, str],
    *,
    current: tuple[str, str] | None,
) -> tuple[TopicGroup, ...]:
    """Categories (most posts first) and archive years (newest first), linked with `term_url`
    (kind, slug → URL for the page); a group with fewer than two links is left out."""
    groups = []
    for kind, title in (("category", strings["categories"]), ("archive", strings["archive"])):
        terms = blog.terms.get(kind, ())  # type: ignore[call-overload]
        if kind == "category":
            terms = sorted(terms, key=lambda t: (-len(t.posts), t.name.casefold()))
        else:
            terms = sorted(terms, key=lambda t: t.name, reverse=True)
        links = []
        for term in terms:
            url = term_url(kind, term.slug)  # type: ignore[arg-type]
            if url is not None:
                links.append(TopicLink(term.name, url, len(term.posts), current == (kind, term.slug)))
        if len(links) >= 2:
            groups.append(TopicGroup(title, tuple(links)))
    return tuple(groups)
