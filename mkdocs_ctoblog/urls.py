"""Slugs and output paths of posts and generated pages (SPEC §3)."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from functools import lru_cache

from slugify import slugify as _slugify

# Jekyll's named permalink styles, as its documentation lists them.
_JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_PLACEHOLDER = re.compile(r":(output_ext|short_year|i_month|i_day|categories|minute|second|title|month|year|hour|slug|day)")
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


def expand_permalink(permalink: str, *, slug: str, date: dt.datetime, categories: list[str]) -> str:
    """Expand Jekyll placeholders in a front-matter `permalink` the way Jekyll does."""
    template = _JEKYLL_STYLES.get(permalink.strip(), permalink.strip())
    values = {
        "year": f"{date.year:04d}",
        "short_year": f"{date.year % 100:02d}",
        "month": f"{date.month:02d}",
        "i_month": str(date.month),
        "day": f"{date.day:02d}",
        "i_day": str(date.day),
        "hour": f"{date.hour:02d}",
        "minute": f"{date.minute:02d}",
        "second": f"{date.second:02d}",
        "title": slug,
        "slug": slug,
        "categories": "/".join(slugify(c) for c in categories),
        "output_ext": ".html",
    }
    path = _PLACEHOLDER.sub(lambda m: values[m[1]], template)
    trailing = "/" if path.endswith("/") else ""
    return "/" + _clean(path) + trailing if _clean(path) else "/"


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
    *,
    slug: str,
    date: dt.datetime,
    categories: list[str],
    permalink: str | None,
    post_url_format: str,
    blog_dir: str,
    use_directory_urls: bool,
) -> str:
    """Where a post is written: its permalink, else `post_url_format` under blog_dir (or the root with `/`)."""
    if permalink:
        expanded = expand_permalink(permalink, slug=slug, date=date, categories=categories)
        if expanded.endswith("/"):
            # An explicit folder URL stays a folder even without directory URLs.
            return posixpath.join(expanded.strip("/"), "index.html") if expanded != "/" else "index.html"
        return dest_uri_for(expanded, use_directory_urls=use_directory_urls)
    first_category = categories[0] if categories else None
    path = expand_post_url_format(post_url_format, slug=slug, date=date, category=first_category)
    if not post_url_format.startswith("/"):
        path = posixpath.join(blog_dir.strip("/"), path) if blog_dir.strip("/") else path
    return dest_uri_for(path, use_directory_urls=use_directory_urls)
