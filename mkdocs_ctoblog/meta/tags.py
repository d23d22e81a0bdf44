"""Social meta of a page: Open Graph, `article:*` and Twitter card tags, and the view of what
`ctoblog/meta.html` renders into `<head>`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from mkdocs_ctoblog.dates import iso_seconds


@dataclass(frozen=True)
class MetaTag:
    """`<meta property|name="key" content="...">`: Open Graph uses `property`, Twitter `name`."""

    attr: str
    key: str
    content: str


@dataclass(frozen=True)
class AlternateLink:
    """`<link rel="alternate">` to a feed: relative URL, media type and a title naming the feed."""

    title: str
    url: str
    type: str


@dataclass(frozen=True)
class ImageMeta:
    url: str
    alt: str = ""
    width: int | None = None
    height: int | None = None
    type: str | None = None


@dataclass(frozen=True)
class HeadView:
    """What `ctoblog/meta.html` renders into `<head>`."""

    tags: tuple[MetaTag, ...] = ()
    canonical: str | None = None
    alternates: tuple[AlternateLink, ...] = ()
    json_ld: str | None = None
    """JSON already made safe for a `<script>` element."""

    def __bool__(self) -> bool:
        return bool(self.tags or self.canonical or self.alternates or self.json_ld)


@dataclass(frozen=True)
class PageFacts:
    """What a page's social meta says about it."""

    type: str
    """`article` (posts) or `website` (index pages)."""
    title: str
    description: str | None
    url: str | None
    site_name: str
    locale: str
    image: ImageMeta | None = None
    published: dt.datetime | None = None
    modified: dt.datetime | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()


def og_locale(locale: str) -> str:
    """`en` → `en_US`, `de_CH` → `de_CH`: Open Graph wants language and territory."""
    try:
        parsed = Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return locale.replace("-", "_")
    territory = parsed.territory
    if not territory:
        likely = str(get_global("likely_subtags").get(parsed.language, ""))
        territory = next((part for part in likely.split("_")[1:] if part.isupper() and len(part) == 2), None)
    return f"{parsed.language}_{territory}" if territory else parsed.language


def language_tag(locale: str) -> str:
    """`de_CH` → `de-CH` (BCP 47, for feeds and `inLanguage`)."""
    return locale.replace("_", "-")


def social_tags(facts: PageFacts) -> tuple[MetaTag, ...]:
    """Open Graph, `article:*` and Twitter card tags of a page, in a stable order."""
    og: list[tuple[str, str | None]] = [
        ("og:type", facts.type),
        ("og:title", facts.title),
        ("og:description", facts.description),
        ("og:url", facts.url),
        ("og:site_name", facts.site_name),
        ("og:locale", og_locale(facts.locale)),
    ]
    image = facts.image
    if image is not None:
        og += [
            ("og:image", image.url),
            ("og:image:type", image.type),
            ("og:image:width", str(image.width) if image.width else None),
            ("og:image:height", str(image.height) if image.height else None),
            ("og:image:alt", image.alt or None),
        ]
    if facts.type == "article":
        og += [
            ("article:published_time", iso_seconds(facts.published) if facts.published else None),
            ("article:modified_time", iso_seconds(facts.modified) if facts.modified else None),
            ("article:section", facts.section),
        ]
        og += [("article:tag", tag) for tag in facts.tags]
    tags = [MetaTag("property", key, value) for key, value in og if value]
    tags.append(MetaTag("name", "twitter:card", "summary_large_image" if image else "summary"))
    if image is not None and image.alt:
        tags.append(MetaTag("name", "twitter:image:alt", image.alt))
    return tuple(tags)
