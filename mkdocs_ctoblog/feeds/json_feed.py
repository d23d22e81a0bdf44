"""JSON Feed 1.1 of a channel, as typed records (https://jsonfeed.org/version/1.1)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from mkdocs_ctoblog.dates import iso_seconds
from mkdocs_ctoblog.feeds.model import Channel

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True)
class JsonFeedAuthor:
    name: str
    url: str | None = None
    avatar: str | None = None


@dataclass(frozen=True)
class JsonFeedItem:
    id: str
    url: str
    title: str
    date_published: str
    date_modified: str | None = None
    summary: str | None = None
    content_html: str | None = None
    content_text: str | None = None
    image: str | None = None
    authors: tuple[JsonFeedAuthor, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class JsonFeed:
    title: str
    home_page_url: str
    feed_url: str
    description: str
    language: str
    items: tuple[JsonFeedItem, ...]
    icon: str | None = None
    favicon: str | None = None
    version: str = JSON_FEED_VERSION


def _json_value(value: object) -> Any:
    """Dataclasses as objects in field order, without empty optional fields."""
    if isinstance(value, (JsonFeed, JsonFeedItem, JsonFeedAuthor)):
        fields = value.__dataclass_fields__
        out = {name: _json_value(getattr(value, name)) for name in fields}
        if isinstance(value, JsonFeed):
            out = {"version": out.pop("version"), **out}
        return {k: v for k, v in out.items() if v not in (None, [], "")}
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    return value


def json_feed(channel: Channel) -> JsonFeed:
    items = []
    for entry in channel.entries:
        tags = tuple(dict.fromkeys(entry.categories + entry.tags))
        items.append(
            JsonFeedItem(
                id=entry.url,
                url=entry.url,
                title=entry.title,
                date_published=iso_seconds(entry.published),
                date_modified=iso_seconds(entry.updated),
                summary=entry.summary or None,
                content_html=entry.content,
                content_text=None if entry.content else (entry.summary or entry.title),
                image=entry.image.url if entry.image else None,
                authors=tuple(JsonFeedAuthor(p.name, p.url, p.avatar) for p in entry.authors),
                tags=tags,
            )
        )
    return JsonFeed(
        title=channel.title,
        home_page_url=channel.home_url,
        feed_url=channel.feed_urls["json"],
        description=channel.description,
        language=channel.language,
        icon=channel.logo,
        favicon=channel.logo,
        items=tuple(items),
    )


def render_json(channel: Channel) -> bytes:
    """JSON Feed 1.1, UTF-8, two-space indent, fields in the spec's order."""
    data = _json_value(json_feed(channel))
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
