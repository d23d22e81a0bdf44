"""The view of one index page: its heading, cards or compact list, pagination and feed links."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs_ctoblog.topics import TopicGroup
from mkdocs_ctoblog.views.cards import CardView, DateView, Link


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
