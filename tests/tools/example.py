"""What the browser, accessibility and HTML tests look at in the example site.

    from tools.example import PAGES, MODES, BLOCKS, expected_blocks, ARTICLE

- ``PAGES``: the four pages of the issue (home with latest posts, blog index, a category, a post
  with every block), as site URLs.
- ``MODES``: how each is looked at: Material light and dark (``color_scheme``: the example site's
  palette follows ``prefers-color-scheme``), a 390-px phone, and the built-in mkdocs theme.
- ``BLOCKS``: the plugin's blocks by name and CSS class. ``expected_blocks(page)`` lists the ones a
  page must show: the fixed parts of the core (cards, post header, pagination) and every block of
  SPEC §4 the page has; a block that stops rendering fails.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ARTICLE", "BLOCKS", "MODES", "OURS", "PAGES", "expected_blocks"]

PAGES: dict[str, str] = {
    "home": "",                                      # <!-- ctoblog:latest count=3 -->
    "blog": "blog/",                                 # index: cards, feed links, pagination
    "category": "blog/category/fcto/",               # generated category page
    "post": "blog/cto-or-vp-of-engineering/",         # cover, share, author bio, CTA, newsletter, read next, comments
}

_DESKTOP = {"viewport": {"width": 1280, "height": 900}}
_PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}

# mode -> (theme build, browser.new_context() options)
MODES: dict[str, tuple[str, dict[str, Any]]] = {
    "material-light": ("material", {**_DESKTOP, "color_scheme": "light"}),
    "material-dark": ("material", {**_DESKTOP, "color_scheme": "dark"}),
    "material-phone": ("material", {**_PHONE, "color_scheme": "light"}),
    "material-phone-dark": ("material", {**_PHONE, "color_scheme": "dark"}),
    "mkdocs": ("mkdocs", {**_DESKTOP, "color_scheme": "light"}),
    "mkdocs-phone": ("mkdocs", {**_PHONE, "color_scheme": "light"}),
}

# The column the article is set in, per theme.
ARTICLE = {"material": "article.md-content__inner", "mkdocs": 'div[role="main"]'}

# Everything the plugin writes into a page's body carries a ctoblog-* class.
OURS = '[class^="ctoblog-"], [class*=" ctoblog-"]'

BLOCKS: dict[str, str] = {
    "share": ".ctoblog-share",
    "author_bio": ".ctoblog-author-bio",
    "cta": ".ctoblog-cta",
    "newsletter": ".ctoblog-newsletter",
    "read_next": ".ctoblog-read-next",
    "comments": ".ctoblog-comments",
    "latest": ".ctoblog-latest",
}

_CORE: dict[str, list[str]] = {
    "home": [],
    "blog": [".ctoblog-feed-links", ".ctoblog-cards", ".ctoblog-pagination"],
    "category": [".ctoblog-index__header", ".ctoblog-feed-links", ".ctoblog-cards"],
    "post": [".ctoblog-post-header", ".ctoblog-post-header__cover"],
}
_PAGE_BLOCKS: dict[str, list[str]] = {
    "home": ["latest"],
    "blog": [],
    "category": [],
    "post": ["share", "author_bio", "cta", "newsletter", "read_next", "comments"],
}


def expected_blocks(page: str) -> list[str]:
    """CSS selectors of what ``PAGES[page]`` must show, visible and inside the article column."""
    return _CORE[page] + [BLOCKS[b] for b in _PAGE_BLOCKS[page]]
