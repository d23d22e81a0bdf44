"""The view objects of one build: post cards (made once a post and page depth), post meta for
themes, and index pages."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from mkdocs_ctoblog.blog import Blog, TermKind
from mkdocs_ctoblog.posts import Post
from mkdocs_ctoblog.topics import TopicGroup, topic_groups
from mkdocs_ctoblog.urls import slugify
from mkdocs_ctoblog.views.card_cache import CardCache, post_key
from mkdocs_ctoblog.views.cards import CardView, Link, link, rel, relative_card, shared_links, tone
from mkdocs_ctoblog.views.formatter import Formatter
from mkdocs_ctoblog.views.linker import Linker
from mkdocs_ctoblog.views.listing import FeedLink, ListingView, ListItemView

if TYPE_CHECKING:
    from mkdocs_ctoblog.indexes import Listing


def site_card(post: Post, *, blog: Blog, linker: Linker, fmt: Formatter, show_badge: bool) -> CardView:
    """A post as a card (or header), its URLs relative to the site root."""

    def links(kind: TermKind, names: tuple[str, ...]) -> tuple[Link, ...]:
        found = []
        for name in names:
            term = blog.term(kind, name)
            url = linker.term(kind, term.slug) if term else None
            if term and url is not None:
                found.append(link(term.name, url))
        return shared_links(tuple(found))

    author_links = []
    for author in post.authors:
        term = blog.term("author", author.name)
        url = linker.term("author", term.slug) if term else None
        author_links.append(link(author.name, url or ""))
    return CardView(
        title=post.title,
        url=linker.post(post),
        summary=post.summary,
        date=fmt.date(post.date),
        updated=fmt.date(post.updated) if post.updated else None,
        reading=fmt.reading(post.reading_minutes),
        image=linker.image(post),
        categories=links("category", post.categories),
        tags=links("tag", post.tags),
        authors=shared_links(tuple(author_links)),
        badge=fmt.strings[post.status] if show_badge and post.status != "published" else None,
        pinned=post.pin,
        tone=tone(slugify(post.categories[0]) if post.categories else post.title),
    )


class Presenter:
    """Makes the view objects of one build, for the page at `base` (its site URL)."""

    def __init__(
        self,
        *,
        blog: Blog,
        linker: Linker,
        formatter: Formatter,
        listing_urls: Mapping[str, str],
        feed_links: Callable[[str, str], tuple[FeedLink, ...]],
        show_badges: bool,
        show_topics: bool = False,
        kept: CardCache | None = None,
    ) -> None:
        """`kept`: cards kept across `mkdocs serve` rebuilds (its context set for this build)."""
        self.blog = blog
        self.linker = linker
        self.formatter = formatter
        self.strings = formatter.strings
        self.listing_urls = listing_urls
        self.feed_links = feed_links
        self.show_badges = show_badges
        self.show_topics = show_topics
        self._site_cards: dict[str, CardView] = {}
        self._cards: dict[tuple[str, int], CardView] = {}
        self._kept = kept

    def card(self, post: Post, base: str) -> CardView:
        """A post's card for the page at `base`: made once a post and page depth."""
        key = (post.src_uri, base.count("/"))
        card = self._cards.get(key)
        if card is None:
            card = self._cards[key] = relative_card(self.site_card(post), base)
        return card

    def site_card(self, post: Post) -> CardView:
        """A post's card with URLs from the site root (made once a post)."""
        card = self._site_cards.get(post.src_uri)
        if card is None:
            kept = key = None
            if self._kept is not None:
                key = post_key(post, self.linker.post_urls.get(post.src_uri), self.linker.image(post))
                kept = self._kept.site.get(post.src_uri)
            if kept is not None and kept[0] == key:
                card = kept[1]
            else:
                card = site_card(post, blog=self.blog, linker=self.linker, fmt=self.formatter, show_badge=self.show_badges)
                if self._kept is not None:
                    self._kept.site[post.src_uri] = (key, card)  # type: ignore[assignment]
            self._site_cards[post.src_uri] = card
        return card

    def card_context(self) -> tuple[object, ...]:
        """What every card of this build is made of besides its post (see `CardCache`)."""
        fmt = self.formatter
        return (
            str(fmt.tz), fmt.locale, fmt.date_format, dict(fmt.strings), self.show_badges, dict(self.linker.term_urls),
            {key: term.name for key, term in self.blog.by_slug.items()},
        )

    def list_item(self, post: Post, base: str) -> ListItemView:
        """A post as an item of a compact list on the page at `base`."""
        card = self.card(post, base)
        return ListItemView(card.title, card.url, card.date, card.categories, card.badge)

    def post_meta(self, post: Post, base: str) -> dict[str, object]:
        """What themes may want, in `page.meta["ctoblog"]`."""
        card = self.card(post, base)
        return {
            "date": card.date.iso if card.date else None,
            "updated": card.updated.iso if card.updated else None,
            "reading_time": post.reading_minutes,
            "status": post.status,
            "categories": [{"name": c.text, "url": c.url} for c in card.categories],
            "tags": [{"name": t.text, "url": t.url} for t in card.tags],
            "authors": [a.name for a in post.authors],
            "image": card.image.url if card.image else None,
            "excerpt": post.excerpt,
        }

    def listing_title(self, listing: Listing) -> str:
        """A term's name, or the blog's name from `strings`."""
        return listing.term.name if listing.term else self.strings["blog"]

    def kicker(self, listing: Listing) -> str | None:
        """The small word above an index page's title ("Category")."""
        return self.strings[listing.kind] if listing.kind != "blog" else None

    def listing(self, listing: Listing, base: str, *, title: str | None, with_cards: bool = True) -> ListingView:
        """An index page; `title` is the page's own (front matter), else the listing's."""
        urls = self.listing_urls
        feeds_key = listing.term.slug if listing.kind == "category" and listing.term else ""
        as_list = listing.layout == "list"
        return ListingView(
            kind=listing.kind,
            layout=listing.layout,
            title=title or self.listing_title(listing),
            kicker=self.kicker(listing),
            cards=tuple(self.card(p, base) for p in listing.posts) if with_cards and not as_list else (),
            items=tuple(self.list_item(p, base) for p in listing.posts) if with_cards and as_list else (),
            number=listing.number,
            total=listing.total,
            page_text=self.strings["page"].format(number=listing.number, total=listing.total),
            newer_url=rel(urls[listing.newer_src], base) if listing.newer_src else None,
            older_url=rel(urls[listing.older_src], base) if listing.older_src else None,
            feeds=self.feed_links(feeds_key, base) if with_cards else (),  # the header shows neither
            topics=self.topics(listing, base) if self.show_topics and with_cards else (),
        )

    def topics(self, listing: Listing, base: str) -> tuple[TopicGroup, ...]:
        """The categories and archive years above an index page's posts."""

        def url(kind: TermKind, slug: str) -> str | None:
            target = self.linker.term(kind, slug)
            return rel(target, base) if target is not None else None

        current = (listing.kind, listing.term.slug) if listing.term else None
        return topic_groups(self.blog, url, self.strings, current=current)
