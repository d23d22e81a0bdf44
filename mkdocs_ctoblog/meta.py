"""Head tags of blog pages and posts: Open Graph, `article:*`, Twitter card, canonical, feed
autodiscovery links and JSON-LD (`BlogPosting`, `Blog`).

Pure functions over plain values. A tag the theme or another plugin already wrote wins: `existing()`
reads what the page's `<head>` holds and `head_view()` leaves those keys out.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import struct
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global

_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_HEAD_TAGS = re.compile(
    r"""<(?:meta|link)\b(?:[^>"']|"[^"]*"|'[^']*')*>"""
    r"""|<script\b[^>]*ld\+json[^>]*>.*?</script\s*>""",
    re.IGNORECASE | re.DOTALL,
)
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


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


def _iso(value: dt.datetime) -> str:
    return value.replace(microsecond=0).isoformat()


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
            ("article:published_time", _iso(facts.published) if facts.published else None),
            ("article:modified_time", _iso(facts.modified) if facts.modified else None),
            ("article:section", facts.section),
        ]
        og += [("article:tag", tag) for tag in facts.tags]
    tags = [MetaTag("property", key, value) for key, value in og if value]
    tags.append(MetaTag("name", "twitter:card", "summary_large_image" if image else "summary"))
    if image is not None and image.alt:
        tags.append(MetaTag("name", "twitter:image:alt", image.alt))
    return tuple(tags)


# -- JSON-LD -----------------------------------------------------------------------------------


def script_json(data: Mapping[str, Any]) -> str:
    """JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` as `\\u003c`… so that a
    title holding `</script>` or `<!--` stays inside its string."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(", ", ": "))
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m[0]], text)


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


@dataclass(frozen=True)
class PersonFacts:
    name: str
    url: str | None = None
    same_as: tuple[str, ...] = ()
    image: str | None = None


def person(facts: PersonFacts) -> dict[str, Any]:
    return _clean(
        {"@type": "Person", "name": facts.name, "url": facts.url, "sameAs": list(facts.same_as), "image": facts.image}
    )


def organization(name: str, logo: str | None) -> dict[str, Any]:
    return _clean({"@type": "Organization", "name": name, "logo": _clean({"@type": "ImageObject", "url": logo}) if logo else None})


@dataclass(frozen=True)
class ArticleFacts:
    """What `BlogPosting` says about a post."""

    headline: str
    description: str | None
    url: str | None
    published: dt.datetime
    modified: dt.datetime
    image: ImageMeta | None = None
    authors: tuple[PersonFacts, ...] = ()
    keywords: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    word_count: int | None = None
    language: str | None = None
    publisher: Mapping[str, Any] | None = field(default=None)


def blog_posting(facts: ArticleFacts, *, context: bool = True) -> dict[str, Any]:
    """schema.org `BlogPosting` of a post (with `@context` when it is the page's own object)."""
    image = None
    if facts.image is not None:
        image = _clean(
            {"@type": "ImageObject", "url": facts.image.url, "width": facts.image.width, "height": facts.image.height}
        )
    data = {
        "@context": "https://schema.org" if context else None,
        "@type": "BlogPosting",
        "headline": facts.headline,
        "description": facts.description,
        "url": facts.url,
        "mainEntityOfPage": _clean({"@type": "WebPage", "@id": facts.url}) if facts.url and context else None,
        "image": image,
        "datePublished": _iso(facts.published),
        "dateModified": _iso(facts.modified),
        "author": [person(a) for a in facts.authors],
        "publisher": dict(facts.publisher) if facts.publisher and context else None,
        "keywords": list(facts.keywords),
        "articleSection": list(facts.sections) if len(facts.sections) > 1 else (facts.sections[0] if facts.sections else None),
        "wordCount": facts.word_count,
        "inLanguage": facts.language if context else None,
    }
    return _clean(data)


def blog(
    *, name: str, description: str | None, url: str | None, language: str, publisher: Mapping[str, Any] | None,
    posts: Sequence[ArticleFacts],
) -> dict[str, Any]:
    """schema.org `Blog` of the blog index, with its page's posts as `blogPost`."""
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "Blog",
            "name": name,
            "description": description,
            "url": url,
            "inLanguage": language,
            "publisher": dict(publisher) if publisher else None,
            "blogPost": [blog_posting(p, context=False) for p in posts],
        }
    )


# -- what the page already has -----------------------------------------------------------------


@dataclass
class Existing:
    """Keys of the meta tags, the canonical link, alternate hrefs and JSON-LD types of a `<head>`."""

    meta: set[str] = field(default_factory=set)
    canonical: bool = False
    alternates: set[str] = field(default_factory=set)
    json_ld_types: set[str] = field(default_factory=set)


class _HeadReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = Existing()
        self._json: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            for attr in ("property", "name"):
                if a.get(attr):
                    self.found.meta.add(a[attr].strip().lower())
        elif tag == "link":
            rels = a.get("rel", "").lower().split()
            if "canonical" in rels:
                self.found.canonical = True
            if "alternate" in rels and a.get("href"):
                self.found.alternates.add(a["href"])
        elif tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._json = []

    def handle_data(self, data: str) -> None:
        if self._json is not None:
            self._json.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._json is not None:
            try:
                data = json.loads("".join(self._json))
            except ValueError:
                data = None
            for item in data if isinstance(data, list) else [data]:
                if isinstance(item, dict):
                    kind = item.get("@type")
                    self.found.json_ld_types.update(kind if isinstance(kind, list) else [str(kind)])
            self._json = None


def existing(output: str) -> Existing:
    """What the `<head>` of a rendered page already says (tolerant of minified HTML).

    Only the `<meta>`, `<link>` and JSON-LD `<script>` tags go through the HTML parser, not the
    theme's inline scripts and styles around them."""
    end = _HEAD_END.search(output)
    reader = _HeadReader()
    for tag in _HEAD_TAGS.finditer(output, 0, end.start() if end else len(output)):
        reader.feed(tag[0])
    reader.close()
    return reader.found


def head_view(
    *,
    tags: Iterable[MetaTag],
    canonical: str | None,
    alternates: Iterable[AlternateLink],
    json_ld: Mapping[str, Any] | None,
    found: Existing,
) -> HeadView:
    """Our head tags minus anything the page already has (the theme's or another plugin's wins)."""
    kept: list[MetaTag] = []
    has_image = "og:image" in found.meta
    for tag in tags:
        key = tag.key.lower()
        if key in found.meta or (has_image and (key.startswith("og:image") or key == "twitter:image:alt")):
            continue
        if has_image and key == "twitter:card":
            # Another plugin's image (Material's social card) is the page's image.
            tag = replace(tag, content="summary_large_image")
        kept.append(tag)
    kept_json = None
    if json_ld is not None and str(json_ld.get("@type")) not in found.json_ld_types:
        kept_json = script_json(json_ld)
    return HeadView(
        tags=tuple(kept),
        canonical=canonical if canonical and not found.canonical else None,
        alternates=tuple(a for a in alternates if a.url not in found.alternates),
        json_ld=kept_json,
    )


def inject(output: str, fragment: str) -> str:
    """`fragment` inserted just before `</head>` (unchanged output when there is none)."""
    end = _HEAD_END.search(output)
    if end is None or not fragment.strip():
        return output
    return output[: end.start()] + fragment + output[end.start():]


# -- image dimensions --------------------------------------------------------------------------


def image_size(head: bytes) -> tuple[int, int] | None:
    """Width and height from the first bytes of a PNG, GIF, JPEG or WebP file; None if unknown."""
    try:
        if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
            w, h = struct.unpack(">II", head[16:24])
            return w, h
        if head[:6] in (b"GIF87a", b"GIF89a"):
            w, h = struct.unpack("<HH", head[6:10])
            return w, h
        if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
            chunk = head[12:16]
            if chunk == b"VP8X":
                w = int.from_bytes(head[24:27], "little") + 1
                h = int.from_bytes(head[27:30], "little") + 1
                return w, h
            if chunk == b"VP8 ":
                w, h = struct.unpack("<HH", head[26:30])
                return w & 0x3FFF, h & 0x3FFF
            if chunk == b"VP8L":
                bits = int.from_bytes(head[21:25], "little")
                return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
            return None
        if head.startswith(b"\xff\xd8"):
            return _jpeg_size(head)
    except (struct.error, IndexError):
        return None
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            h, w = struct.unpack(">HH", data[i + 5 : i + 9])
            return w, h
        i += 2 + length
    return None
