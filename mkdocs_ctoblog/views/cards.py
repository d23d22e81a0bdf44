"""The card of a post or page (also the post header), its links and cover, and URLs made relative
to the page a card is on."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, replace
from functools import lru_cache

from mkdocs.utils import get_relative_url

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


@lru_cache(maxsize=16384)
def link(text: str, url: str) -> Link:
    """The `Link` of a text and URL: cards share them (at 10,000 posts, 200,000 fewer objects for
    Python's garbage collector to walk)."""
    return Link(text, url)


@lru_cache(maxsize=16384)
def shared_links(links: tuple[Link, ...]) -> tuple[Link, ...]:
    """One tuple object for equal tuples of links (cards of a category share theirs)."""
    return links


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


@lru_cache(maxsize=16384)
def _links_under(items: tuple[Link, ...], up: str) -> tuple[Link, ...]:
    return tuple(link(item.text, up + item.url if item.url else "") for item in items)


def to_root(base: str) -> str:
    """The relative path from the page at `base` (a site URL) to the site root: `../` per folder."""
    return "../" * base.count("/")


def relative_card(card: CardView, base: str) -> CardView:
    """A site card for the page at `base`: every URL of ours made relative to it.

    The URLs go up to the site root and down again (`../../blog/x/`), so a card depends only on
    how deep its page is: pages of one depth share one card, and its rendered HTML."""
    up = to_root(base)

    def links(items: tuple[Link, ...]) -> tuple[Link, ...]:
        return _links_under(items, up) if items else ()

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
