"""Post cards kept across the rebuilds of one `mkdocs serve`: at 10,000 posts a `--dirty` rebuild
otherwise makes 10,000 site cards (to find the changed ones) although one post changed.

A kept card is used again only when everything it is made of is equal: the post's own values (title,
summary, dates, reading time, categories, tags, authors, status, pin), its URL and cover as this
build gives them, and the build's context: time zone, locale, date format, words (`strings`),
whether badges show, and every term's name and index URL (a category's spelling, an author's name
from the authors file, a tag page that moved). Any difference in the context forgets every card.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs_ctoblog.posts import Post
    from mkdocs_ctoblog.views.cards import CardView, ImageView


@dataclass
class CardCache:
    """Site cards by post."""

    enabled: bool = False  # on under `mkdocs serve`: one build makes each card once anyway
    context: object = None
    site: dict[str, tuple[tuple[object, ...], CardView]] = field(default_factory=dict)

    def use_context(self, context: object) -> None:
        """This build's context (compared once a build); a different one forgets every card."""
        if context != self.context:
            self.context = context
            self.site.clear()

    def keep_only(self, srcs: Mapping[str, object]) -> None:
        """Forget the cards of posts that are gone."""
        for src in self.site.keys() - srcs:
            del self.site[src]


def post_key(post: Post, url: str | None, image: ImageView | None) -> tuple[object, ...]:
    """What a post's card is made of besides the build's context."""
    return (
        post.title, post.summary, post.date, post.updated, post.reading_minutes, post.categories, post.tags,
        post.authors, post.status, post.pin, url, image,
    )
