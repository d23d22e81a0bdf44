"""Card lists shown by blocks: the view of "read next" and "latest posts", a page's card, and the
newest posts a `<!-- ctoblog:latest -->` marker asks for."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mkdocs_ctoblog.urls import slugify
from mkdocs_ctoblog.views import CardView, relative_card, tone

if TYPE_CHECKING:
    from mkdocs_ctoblog.blocks.site import PageInfo
    from mkdocs_ctoblog.posts import Post


@dataclass(frozen=True)
class CardsView:
    """`ctoblog/read_next.html` and `ctoblog/latest.html`: a heading (or none) and cards."""

    title: str | None
    cards: tuple[CardView, ...]


def page_card(page: PageInfo, base: str) -> CardView:
    """The card of a page that is not a post, for the page at `base`."""
    site_card = CardView(
        title=page.title,
        url=page.url,
        summary=page.description or "",
        date=None,
        updated=None,
        reading=None,
        image=page.image,
        categories=(),
        tags=(),
        authors=(),
        badge=None,
        pinned=False,
        kind="page",
        label=page.label,
        tone=tone(page.label or page.title),
    )
    return relative_card(site_card, base)


def latest_cards(
    posts: Sequence[Post],
    request: Any,
    base: str,
    *,
    card: Callable[[Post, str], CardView],
    exclude: Collection[str] = (),
) -> CardsView:
    """The newest posts (of a category or tag) for a `<!-- ctoblog:latest -->` marker."""
    chosen = []
    for post in posts:
        if post.src_uri in exclude:
            continue
        if request.category and slugify(request.category) not in post.category_slugs:
            continue
        if request.tag and slugify(request.tag) not in post.tag_slugs:
            continue
        chosen.append(card(post, base))
        if len(chosen) >= request.count:
            break
    return CardsView(request.title, tuple(chosen))
