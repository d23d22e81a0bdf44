"""A post's excerpt and other Markdown made plain text for cards, meta descriptions and feed summaries.

The plugin calls `excerpt` twice when a post body holds Jekyll Liquid: once when the post is read,
and again on the translated body (`jekyll.bodies.BodyTranslator.translate_posts`), so cards never
show Liquid; the import writes translated bodies, so one reading is enough there.
"""

from __future__ import annotations

import html
import re
from functools import cache

import markdown
from markupsafe import Markup

from mkdocs_ctoblog.fences import strip_fences

MORE = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)
# Characters Markdown might act on; text without them is returned as it is (most excerpts).
_MARKUP = re.compile(r"[\\`*_\[\]<>&#!|~{]|^[ \t]*(?:\d+[.)]|[-+=]+)(?:\s|$)", re.MULTILINE)


def excerpt(body: str, separator: str | None) -> str:
    """Plain text of what comes before `separator` (default `<!-- more -->`), else of the first paragraph."""
    parts = body.split(separator, maxsplit=1) if separator else MORE.split(body, maxsplit=1)
    return markdown_to_text(_cut(parts[0] if len(parts) == 2 else first_paragraph(body)))


MAX_SOURCE = 20_000
"""Characters of Markdown an excerpt is made from (a feed summary keeps 10,000): a post of one
huge paragraph, or with `<!-- more -->` at its end, is not converted a second time in full."""


def _cut(source: str) -> str:
    if len(source) <= MAX_SOURCE:
        return source
    space = source.rfind(" ", 0, MAX_SOURCE)
    return source[: space if space > MAX_SOURCE // 2 else MAX_SOURCE]


def markdown_to_text(source: str) -> str:
    """Plain text of a Markdown fragment: markup, inline code marks and `{: .class}` attributes go."""
    if not _MARKUP.search(source):
        return " ".join(source.split())  # nothing for Markdown to do
    rendered = _plain_markdown().reset().convert(source)
    return " ".join(Markup(rendered).striptags().split())


def description_text(given: str | None) -> str | None:
    """A front-matter `description` as plain text, as Jekyll's SEO tag prints it (`markdownify |
    strip_html`): no backticks or asterisks on cards; HTML in it stays text (`<T>` is kept)."""
    if not given:
        return given
    return markdown_to_text(html.escape(given, quote=False)) or None


@cache
def _plain_markdown() -> markdown.Markdown:
    """One converter for every excerpt: building a Markdown instance costs more than using it."""
    return markdown.Markdown(extensions=["attr_list"])


def first_paragraph(body: str) -> str:
    """The first block of prose: headings, HTML, images, tables, quotes, rules and Liquid tags skipped."""
    text = strip_fences(body)
    for block in re.split(r"\n\s*\n", text):
        stripped = block.strip()
        if not stripped or stripped[0] in "#<![|>" or stripped.startswith(("---", "***", "{%", "{{", "{:")):
            continue
        return stripped
    return ""
