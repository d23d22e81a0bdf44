"""The blog as a whole: visible posts in order, and their categories, tags, authors and years."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from mkdocs_ctoblog import urls
from mkdocs_ctoblog.posts import Post

TermKind = Literal["category", "tag", "author", "archive", "series"]


@dataclass(frozen=True)
class Term:
    """A category, tag, author or archive year, with its posts newest first (a series: in part order)."""

    kind: TermKind
    slug: str
    name: str
    posts: tuple[Post, ...]


@dataclass(frozen=True)
class Blog:
    """Visible posts newest first, and the terms that group them."""

    posts: tuple[Post, ...]
    terms: dict[TermKind, tuple[Term, ...]] = field(default_factory=dict)
    by_slug: dict[tuple[TermKind, str], Term] = field(default_factory=dict, repr=False)

    def term(self, kind: TermKind, name: str) -> Term | None:
        return self.by_slug.get((kind, name if kind == "archive" else urls.slugify(name)))

    def display_name(self, kind: TermKind, name: str) -> str:
        """The first spelling met in date order (`fCTO` and `fcto` are one category)."""
        term = self.term(kind, name)
        return term.name if term else name


def newest_first(posts: list[Post] | tuple[Post, ...]) -> tuple[Post, ...]:
    """Newest first; equal dates by title, then source path, so order never depends on the file system."""
    by_title = sorted(posts, key=lambda p: (p.title.casefold(), p.src_uri))
    return tuple(sorted(by_title, key=lambda p: p.date, reverse=True))


def part_order(posts: list[Post] | tuple[Post, ...]) -> tuple[Post, ...]:
    """The parts of one series in reading order: by `series_order`, then date, then title."""
    return tuple(
        sorted(
            posts,
            key=lambda p: (p.series_order is None, p.series_order or 0, p.date, p.title.casefold(), p.src_uri),
        )
    )


def listing_order(posts: tuple[Post, ...]) -> tuple[Post, ...]:
    """Index-page order: pinned posts first, each group newest first."""
    return tuple(p for p in posts if p.pin) + tuple(p for p in posts if not p.pin)


def _reversed(posts: list[Post]) -> tuple[Post, ...]:
    return tuple(reversed(posts))


def build_blog(posts: list[Post], *, enabled_kinds: set[TermKind]) -> Blog:
    """Group posts (already filtered to the visible ones) into terms."""
    ordered = newest_first(posts)
    oldest_first = tuple(reversed(ordered))
    values: dict[str, Callable[[Post], tuple[str, ...]]] = {
        "category": lambda p: p.categories,
        "tag": lambda p: p.tags,
        "author": lambda p: tuple(a.name for a in p.authors),
        "archive": lambda p: (f"{p.date.year:04d}",),
        "series": lambda p: (p.series,) if p.series else (),
    }
    terms: dict[TermKind, tuple[Term, ...]] = {}
    kinds: tuple[TermKind, ...] = ("category", "tag", "author", "archive", "series")
    for kind in kinds:
        if kind not in enabled_kinds:
            continue
        names: dict[str, str] = {}
        members: dict[str, list[Post]] = {}
        for post in oldest_first:
            for name in values[kind](post):
                slug = urls.slugify(name) if kind != "archive" else name
                names.setdefault(slug, name)
                members.setdefault(slug, []).append(post)
        # members are in `oldest_first` order: reversed, they are in `newest_first` order already
        order = part_order if kind == "series" else _reversed
        found = [Term(kind, slug, names[slug], order(members[slug])) for slug in members]
        if kind == "archive":
            found.sort(key=lambda t: t.slug, reverse=True)
        else:
            found.sort(key=lambda t: t.name.casefold())
        terms[kind] = tuple(found)
    by_slug = {(kind, term.slug): term for kind, found in terms.items() for term in found}
    return Blog(posts=ordered, terms=terms, by_slug=by_slug)
