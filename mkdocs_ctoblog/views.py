"""Small view objects handed to templates: ready text, relative URLs, no MkDocs objects."""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from babel.dates import format_date
from mkdocs.utils import get_relative_url

from mkdocs_ctoblog.blog import Blog, TermKind
from mkdocs_ctoblog.posts import Post
from mkdocs_ctoblog.topics import TopicGroup, topic_groups

if TYPE_CHECKING:
    from mkdocs_ctoblog.indexes import Listing


EXTERNAL_URL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    text: str
    url: str


TONES = 6  # generated covers: `ctoblog-tone-0` … `ctoblog-tone-5` in ctoblog.css


@dataclass(frozen=True)
class ImageView:
    url: str
    alt: str
    width: int | None = None
    height: int | None = None
    position: str | None = None  # CSS object-position (validated front matter)


@dataclass(frozen=True)
class DateView:
    iso: str
    text: str


@dataclass(frozen=True)
class CardView:
    """A post (or page) card, and the post header: everything already formatted."""

    title: str
    url: str
    summary: str
    date: DateView | None
    updated: DateView | None
    reading: str | None
    image: ImageView | None
    categories: tuple[Link, ...]
    tags: tuple[Link, ...]
    authors: tuple[Link, ...]
    badge: str | None
    pinned: bool
    kind: str = "post"
    label: str | None = None  # page cards: the small word above the title ("Services")
    tone: int = 0  # colour of the generated cover of a card without an image

    @property
    def cover_text(self) -> str:
        """What a generated cover shows: the first category, else the label."""
        return self.categories[0].text if self.categories else (self.label or "")


def tone(name: str) -> int:
    """A stable colour number for a category (or title): the same name, the same colour."""
    return zlib.crc32(name.casefold().encode()) % TONES


def rel(target: str, base: str) -> str:
    """`target` (a site URL like `blog/x/`) relative to the page at `base`.

    Not cached: a call takes about a microsecond, and an `lru_cache` here held 73,000 pairs
    (+18 MB peak memory) at 1,000 posts for no measurable time saved (benchmarks/run.py)."""
    url = get_relative_url(target, base)
    if (target == "" or target.endswith("/")) and not url.endswith("/"):
        url += "/"
    return url


@dataclass
class Linker:
    """Site URLs (relative to the site root) of posts, pages, images and index pages."""

    post_urls: Mapping[str, str]
    doc_url: Callable[[str], str | None]
    term_urls: Mapping[tuple[TermKind, str], str]
    image_size: Callable[[str], tuple[int, int] | None] = lambda doc_path: None

    def post(self, post: Post) -> str:
        return self.post_urls[post.src_uri]

    def term(self, kind: TermKind, slug: str) -> str | None:
        return self.term_urls.get((kind, slug))

    def image(self, post: Post) -> ImageView | None:
        """The cover: a full URL as it is, or the site URL of the image file."""
        image = post.image
        if image is None:
            return None
        if not image.local:
            return ImageView(image.src, image.alt, position=image.position)
        url = self.doc_url(image.src)
        if url is None:
            return None
        width, height = self.image_size(image.src) or (None, None)
        return ImageView(url, image.alt, width, height, image.position)


class Formatter:
    """Dates and reading time in the site's time zone, locale and words (dates formatted once)."""

    def __init__(self, tz: ZoneInfo, locale: str, date_format: str, strings: Mapping[str, str]) -> None:
        self.tz = tz
        self.locale = locale
        self.date_format = date_format
        self.strings = strings
        self._dates: dict[dt.datetime, DateView] = {}

    def date(self, value: dt.datetime) -> DateView:
        view = self._dates.get(value)
        if view is None:
            local = value.astimezone(self.tz)
            text = format_date(local.date(), format=self.date_format, locale=self.locale)
            view = self._dates[value] = DateView(local.isoformat(), text)
        return view

    def reading(self, minutes: int) -> str:
        return self.strings["min_read"].format(minutes=minutes)


def site_card(post: Post, *, blog: Blog, linker: Linker, fmt: Formatter, show_badge: bool) -> CardView:
    """A post as a card (or header), its URLs relative to the site root."""

    def links(kind: TermKind, names: tuple[str, ...]) -> tuple[Link, ...]:
        found = []
        for name in names:
            term = blog.term(kind, name)
            url = linker.term(kind, term.slug) if term else None
            if term and url is not None:
                found.append(Link(term.name, url))
        return tuple(found)

    author_links = []
    for author in post.authors:
        term = blog.term("author", author.name)
        url = linker.term("author", term.slug) if term else None
        author_links.append(Link(author.name, url or ""))
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
        authors=tuple(author_links),
        badge=fmt.strings[post.status] if show_badge and post.status != "published" else None,
        pinned=post.pin,
        tone=tone(post.category_slugs[0] if post.categories else post.title),
    )


def to_root(base: str) -> str:
    """The relative path from the page at `base` (a site URL) to the site root: `../` per folder."""
    return "../" * base.count("/")


def relative_card(card: CardView, base: str) -> CardView:
    """A site card for the page at `base`: every URL of ours made relative to it.

    The URLs go up to the site root and down again (`../../blog/x/`), so a card depends only on
    how deep its page is: pages of one depth share one card, and its rendered HTML."""
    up = to_root(base)

    def links(items: tuple[Link, ...]) -> tuple[Link, ...]:
        return tuple(Link(item.text, up + item.url if item.url else "") for item in items)

    image = card.image
    if image is not None and not EXTERNAL_URL.match(image.url):
        image = replace(image, url=up + image.url)
    return replace(
        card,
        url=up + card.url or "./",
        image=image,
        categories=links(card.categories),
        tags=links(card.tags),
        authors=links(card.authors),
    )


@dataclass(frozen=True)
class FeedLink:
    text: str
    url: str
    type: str


@dataclass(frozen=True)
class ListItemView:
    """A post in a compact list: title, date, categories."""

    title: str
    url: str
    date: DateView | None
    categories: tuple[Link, ...]
    badge: str | None


@dataclass(frozen=True)
class ListingView:
    """One page of an index: its heading, cards (or compact list items) and pagination."""

    kind: str
    layout: str
    title: str
    kicker: str | None
    cards: tuple[CardView, ...]
    items: tuple[ListItemView, ...]
    number: int
    total: int
    page_text: str
    newer_url: str | None
    older_url: str | None
    feeds: tuple[FeedLink, ...] = ()
    topics: tuple[TopicGroup, ...] = ()


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
    ) -> None:
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
            card = self._site_cards[post.src_uri] = site_card(
                post, blog=self.blog, linker=self.linker, fmt=self.formatter, show_badge=self.show_badges
            )
        return card

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
            feeds=self.feed_links(feeds_key, base),
            topics=self.topics(listing, base) if self.show_topics else (),
        )

    def topics(self, listing: Listing, base: str) -> tuple[TopicGroup, ...]:
        """The categories and archive years above an index page's posts."""

        def url(kind: TermKind, slug: str) -> str | None:
            target = self.linker.term(kind, slug)
            return rel(target, base) if target is not None else None

        current = (listing.kind, listing.term.slug) if listing.term else None
        return topic_groups(self.blog, url, self.strings, current=current)
