"""What a rendered page's `<head>` already holds (the theme's or another plugin's tags win), our
tags minus those, and the fragment put before `</head>`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import Any

from mkdocs_ctoblog.meta.json_ld import script_json
from mkdocs_ctoblog.meta.tags import AlternateLink, HeadView, MetaTag

_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_HEAD_TAGS = re.compile(
    r"""<(?:meta|link)\b(?:[^>"']|"[^"]*"|'[^']*')*>"""
    r"""|<script\b[^>]*ld\+json[^>]*>.*?</script\s*>""",
    re.IGNORECASE | re.DOTALL,
)


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
