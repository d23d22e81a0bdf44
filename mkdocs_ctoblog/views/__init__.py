"""Small view objects handed to templates: ready text, relative URLs, no MkDocs objects."""

from __future__ import annotations

from mkdocs_ctoblog.views.cards import EXTERNAL_URL, CardView, ImageView, Link, rel, relative_card, tone
from mkdocs_ctoblog.views.formatter import Formatter
from mkdocs_ctoblog.views.linker import Linker
from mkdocs_ctoblog.views.listing import FeedLink, ListingView
from mkdocs_ctoblog.views.presenter import Presenter

__all__ = [
    "EXTERNAL_URL",
    "CardView",
    "FeedLink",
    "Formatter",
    "ImageView",
    "Link",
    "Linker",
    "ListingView",
    "Presenter",
    "rel",
    "relative_card",
    "tone",
]
