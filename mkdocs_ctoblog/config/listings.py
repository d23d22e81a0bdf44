"""Config of the generated index pages: categories, tags, authors, archive, series."""

from __future__ import annotations

from mkdocs.config import config_options as c

from mkdocs_ctoblog.config.options import PositiveInt, StrictConfig

MATERIAL_HIDE = ("navigation", "toc", "path", "footer", "tags", "feedback")

LAYOUTS = ("cards", "list")


class ListingConfig(StrictConfig):
    """Index pages shown as cards, split into pages (category pages)."""

    enabled = c.Type(bool, default=True)
    """Generate these index pages."""
    layout = c.Choice(LAYOUTS, default="cards")
    """`cards` (cover, summary, date, categories) or `list` (compact: title, date, category)."""
    paginate = c.Type(bool, default=True)
    """Split the posts into pages of `pagination`; `false`: all of them on one page."""


class SeriesListingConfig(ListingConfig):
    """Series pages: the parts in order, as cards, on one page."""

    paginate = c.Type(bool, default=False)


class CompactListingConfig(ListingConfig):
    """Index pages shown as one compact list (tag and archive pages)."""

    layout = c.Choice(LAYOUTS, default="list")
    paginate = c.Type(bool, default=False)


class AuthorListingConfig(ListingConfig):
    """Author pages: only a blog with several authors needs them."""

    min_authors = PositiveInt(2)
    """Generate author pages only when the blog's posts have at least this many authors (`1`: always)."""
