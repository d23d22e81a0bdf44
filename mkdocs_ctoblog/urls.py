"""Slugs and output paths of posts and generated pages (SPEC §3)."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from functools import lru_cache

from slugify import slugify as _slugify

from mkdocs_ctoblog.jekyll import permalink

_FORMAT_TOKEN = re.compile(r"\{(slug|year|month|day|category)\}")


@lru_cache(maxsize=65536)
def slugify(text: str) -> str:
    """Lower-case ASCII slug with `-` (Unicode transliterated: `Über` → `uber`); cached, as
    the same names come back for every card."""
    return _slugify(text)


def expand_post_url_format(fmt: str, *, slug: str, date: dt.datetime, category: str | None) -> str:
    """Fill `{slug} {year} {month} {day} {category}`; an empty token is dropped with its slash."""
    values = {
        "slug": slug,
        "year": f"{date.year:04d}",
        "month": f"{date.month:02d}",
        "day": f"{date.day:02d}",
        "category": slugify(category) if category else "",
    }
    return _clean(_FORMAT_TOKEN.sub(lambda m: values[m[1]], fmt))


def _clean(path: str) -> str:
    """Collapse empty segments: `/a//b/` → `a/b`."""
    return "/".join(part for part in path.split("/") if part not in ("", "."))


def dest_uri_for(site_path: str, *, use_directory_urls: bool) -> str:
    """Output file of a page at `site_path` (`blog/x` or `notes/x.html`)."""
    path = site_path.strip("/")
    if path.endswith((".html", ".htm")):
        return path
    if not path:
        return "index.html"
    return f"{path}/index.html" if use_directory_urls else f"{path}.html"


def post_dest_uri(
    facts: permalink.PostFacts,
    *,
    slug: str,
    category: str | None,
    permalink_template: str | None,
    post_url_format: str,
    blog_dir: str,
    use_directory_urls: bool,
) -> str:
    """Where a post is written: its permalink, else `post_url_format` (in Jekyll's syntax from
    the site root; else under blog_dir, or from the root with a leading `/`). `slug` is `:title`
    and `{slug}`; `category` is `{category}`.

    A URL that ends in `/` stays a folder even without directory URLs, as in Jekyll."""
    template = permalink_template or (post_url_format if permalink.is_template(post_url_format) else None)
    if template is not None:
        expanded = permalink.expand(template, permalink.placeholders(facts, title=slug))
        if expanded.endswith("/"):
            return posixpath.join(expanded.strip("/"), "index.html") if expanded != "/" else "index.html"
        return dest_uri_for(expanded, use_directory_urls=use_directory_urls)
    path = expand_post_url_format(post_url_format, slug=slug, date=facts.date, category=category)
    if not post_url_format.startswith("/"):
        path = posixpath.join(blog_dir.strip("/"), path) if blog_dir.strip("/") else path
    return dest_uri_for(path, use_directory_urls=use_directory_urls)
