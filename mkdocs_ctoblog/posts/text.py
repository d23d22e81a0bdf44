"""Plain text taken from a post's Markdown: its excerpt, its first heading, a title made from its slug."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from mkdocs_ctoblog import excerpts
from mkdocs_ctoblog.excerpts import markdown_to_text
from mkdocs_ctoblog.fences import strip_fences
from mkdocs_ctoblog.posts.fields import Fields

_H1 = re.compile(r"^#[ \t]+(.*)$", re.MULTILINE)  # closing hashes are removed in Python: linear


def excerpt(fields: Fields, meta: Mapping[str, Any], body: str) -> str:
    """Front matter `excerpt`, else the text before the excerpt separator, else the first paragraph."""
    given = fields.text_value(meta, "excerpt")
    if given:
        return markdown_to_text(given)
    return excerpts.excerpt(body, fields.text_value(meta, "excerpt_separator") or fields.settings.excerpt_separator)


def first_heading(body: str) -> str | None:
    match = _H1.search(strip_fences(body))
    return markdown_to_text(_without_closing_hashes(match[1])) if match else None


def _without_closing_hashes(text: str) -> str:
    """`Title ##` → `Title`, as Markdown reads an ATX heading's optional closing sequence."""
    text = text.rstrip(" \t")
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        return bare.rstrip(" \t")
    return text


def title_from_slug(slug: str) -> str:
    return " ".join(word.capitalize() for word in re.split(r"[-_\s]+", slug) if word)
