"""Reading front-matter values with validation: text, flags, dates, URLs and the per-post block switches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

from mkdocs_ctoblog import dates, safe_urls, theme_keys
from mkdocs_ctoblog.frontmatter_io import raw_scalar
from mkdocs_ctoblog.posts.model import ReadSettings
from mkdocs_ctoblog.safe_urls import safe_url
from mkdocs_ctoblog.shown import shown

MAX_READ_NEXT = 50
"""Entries of a post's `read_next` (a few are shown)."""
_BOOL_WORDS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


class Fields:
    """One post file's front-matter values, read with validation: every problem is one line naming
    file, key, value and expectation, collected in `problems` (the post is still read)."""

    def __init__(self, src_uri: str, text: str, settings: ReadSettings) -> None:
        self.src_uri = src_uri
        self.text = text
        self.settings = settings
        self.problems: list[str] = []

    def problem(self, message: str) -> None:
        self.problems.append(f"{self.src_uri}: {message}")

    def warn(self, key: str, value: object, expected: str, outcome: str = "") -> None:
        self.problem(f"'{key}' expected {expected}, received {shown(value)}{outcome}")

    def text_value(self, meta: Mapping[str, Any], key: str) -> str | None:
        value = meta.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            return value.strip() or None
        if isinstance(value, (bool, int, float, dt.date)):
            literal = raw_scalar(self.text, key) or str(value)
            self.warn(key, literal, "text", f" (YAML reads it as {type(value).__name__}): quote it; using it as text")
            return literal
        self.warn(key, value, "text")
        return None

    def flag(self, meta: Mapping[str, Any], key: str) -> bool | None:
        value = meta.get(key)
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _BOOL_WORDS:
            return _BOOL_WORDS[value.strip().lower()]
        self.warn(key, value, "true or false")
        return None

    def date(self, meta: Mapping[str, Any], key: str, fallback: dt.date | None) -> dt.datetime | None:
        if meta.get(key) is not None:
            parsed = self.optional_date(meta, key)
            if parsed is not None:
                return parsed
        if fallback is not None:
            try:
                return dates.parse_date(fallback, self.settings.tz)
            except dates.DateError as exc:
                self.problem(f"the file name's date {fallback.isoformat()} is not usable: expected {exc}")
        return None

    def optional_date(self, meta: Mapping[str, Any], key: str) -> dt.datetime | None:
        value = meta.get(key)
        if value is None or value == "":
            return None
        try:
            return dates.parse_date(value, self.settings.tz)
        except dates.DateError as exc:
            self.warn(key, value, str(exc))
            return None

    def url(self, key: str, field: str, value: object) -> str | None:
        """A URL from front matter, when `safe_urls` accepts it; else a warning and None."""
        text = text_or_none(value)
        if text is None:
            return None
        checked = safe_url(text)
        if checked is None:
            self.warn(f"{key}.{field}", text, safe_urls.EXPECTED, "; left out")
        return checked

    def cta(self, meta: Mapping[str, Any]) -> str | Literal[False] | None:
        value = meta.get("cta")
        if value is None or value is True:
            return None
        if value is False:
            return False
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.warn("cta", value, "a call-to-action block name, or false")
        return None

    def read_next(self, meta: Mapping[str, Any]) -> tuple[str, ...] | Literal[False] | None:
        value = meta.get("read_next")
        if value is None or value is True:
            return None
        if value is False:
            return False
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            if len(value) > MAX_READ_NEXT:
                self.problem(f"'read_next' expected at most {MAX_READ_NEXT} entries, received {len(value)}; using the first {MAX_READ_NEXT}")
            return tuple(v.strip() for v in value[:MAX_READ_NEXT] if v.strip())
        self.warn("read_next", value, "a list of post paths, slugs or page paths, or false")
        return None

    def series_order(self, meta: Mapping[str, Any]) -> int | None:
        value = meta.get("series_order")
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        self.warn("series_order", value, "a whole number (the part's place in its series)")
        return None

    def check_template(self, meta: Mapping[str, Any]) -> None:
        """`template` (MkDocs picks the page's template by it) must be a name, and the keys themes read
        (`theme_keys`) of the type they expect; else they are ignored."""
        value = meta.get("template")
        if "template" in meta and (not isinstance(value, str) or not value.strip()):
            self.warn("template", value, "a template name such as 'post.html'", "; ignored")
        for key, wrong, expected in theme_keys.wrong_types(meta):
            self.warn(key, wrong, expected, "; left out (themes read it)")


def text_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
