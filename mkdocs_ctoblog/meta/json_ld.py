"""JSON-LD of posts and the blog index: schema.org `BlogPosting`, `Blog`, `Person`, `Organization`."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mkdocs_ctoblog.dates import iso_seconds
from mkdocs_ctoblog.meta.tags import ImageMeta

_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


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
        "datePublished": iso_seconds(facts.published),
        "dateModified": iso_seconds(facts.modified),
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
