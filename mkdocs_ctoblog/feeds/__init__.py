"""Feeds of the blog and of each category: RSS 2.0 and Atom 1.0 (feedgen), JSON Feed 1.1 (json).

Pure functions over `Post`s and plain values; `sharing` hands them what they need from MkDocs.
Everything here is deterministic: dates come from the posts, never from the clock, so two builds
of the same sources write byte-identical feeds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from mkdocs_ctoblog.feeds.cleaning import clean_entry, xml_text
from mkdocs_ctoblog.feeds.content import entry_html, image_type
from mkdocs_ctoblog.feeds.json_feed import render_json
from mkdocs_ctoblog.feeds.model import (
    FORMATS,
    MEDIA_TYPES,
    NAMES,
    STRING_KEYS,
    Channel,
    Enclosure,
    Entry,
    FeedSet,
    Format,
    Person,
    plan,
)
from mkdocs_ctoblog.feeds.xml_feeds import render_atom, render_rss

RENDERERS: Mapping[Format, Callable[[Channel], bytes]] = {
    "rss": render_rss,
    "atom": render_atom,
    "json": render_json,
}

__all__ = [
    "FORMATS",
    "MEDIA_TYPES",
    "NAMES",
    "RENDERERS",
    "STRING_KEYS",
    "Channel",
    "Enclosure",
    "Entry",
    "FeedSet",
    "Format",
    "Person",
    "clean_entry",
    "entry_html",
    "image_type",
    "plan",
    "xml_text",
]
