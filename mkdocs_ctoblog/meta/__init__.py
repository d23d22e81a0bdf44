"""Head tags of blog pages and posts: Open Graph, `article:*`, Twitter card, canonical, feed
autodiscovery links and JSON-LD (`BlogPosting`, `Blog`).

Pure functions over plain values. A tag the theme or another plugin already wrote wins: `existing()`
reads what the page's `<head>` holds and `head_view()` leaves those keys out.
"""

from __future__ import annotations

from mkdocs_ctoblog.meta.head import Existing, existing, head_view, inject
from mkdocs_ctoblog.meta.json_ld import (
    ArticleFacts,
    PersonFacts,
    blog,
    blog_posting,
    organization,
    script_json,
)
from mkdocs_ctoblog.meta.tags import (
    AlternateLink,
    HeadView,
    ImageMeta,
    MetaTag,
    PageFacts,
    language_tag,
    og_locale,
    social_tags,
)

__all__ = [
    "AlternateLink",
    "ArticleFacts",
    "Existing",
    "HeadView",
    "ImageMeta",
    "MetaTag",
    "PageFacts",
    "PersonFacts",
    "blog",
    "blog_posting",
    "existing",
    "head_view",
    "inject",
    "language_tag",
    "og_locale",
    "organization",
    "script_json",
    "social_tags",
]
