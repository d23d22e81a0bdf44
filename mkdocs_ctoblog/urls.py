"""Slugs and output paths of posts and generated pages (SPEC §3)."""

from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from slugify import slugify as _slugify

from mkdocs_ctoblog import outpaths
from mkdocs_ctoblog.jekyll import permalink

MAX_SLUG = 240  # with `.html`, still a file name of at most 255 bytes
_FORMAT_TOKEN = re.compile(r"\{(slug|year|month|day|category)\}")


_raw_slug = lru_cache(maxsize=65536)(_slugify)  # python-slugify: the same names come back for every post


@lru_cache(maxsize=65536)
def slugify(text: str) -> str:
    """Lower-case ASCII slug with `-` (Unicode transliterated: `Über` → `uber`); cached, as
    the same names come back for every card. A name with nothing to transliterate (only emoji
    or punctuation) gets a stable short hash of itself (`🚀` → `f183d1d4`), so it keeps a page
    of its own; a slug longer than `MAX_SLUG` is cut and ends in that hash (a file name has at
    most 255 bytes). `is_fallback_slug` and `is_cut_slug` tell the reader to warn."""
    slug = _raw_slug(text)
    if len(slug) > MAX_SLUG:
        return slug[: MAX_SLUG - 9].rstrip("-") + "-" + fallback_slug(text)
    if slug or not text.strip():
        return slug
    return fallback_slug(text)


def fallback_slug(text: str) -> str:
    """A stable short hash of a name (trimmed, composed, case-folded)."""
    name = unicodedata.normalize("NFC", text.strip()).casefold()
    return hashlib.blake2s(name.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()


def is_cut_slug(text: str) -> bool:
    """True when the slug of `text` is longer than `MAX_SLUG` (see `slugify`)."""
    return len(_raw_slug(text)) > MAX_SLUG


def is_fallback_slug(text: str) -> bool:
    """True when `text` is not blank but has no letters or digits for a slug (see `slugify`)."""
    return bool(text.strip()) and not _raw_slug(text)


def expand_post_url_format(fmt: str, *, slug: str, date: dt.datetime, category: str | None) -> str:
    """Fill `{slug} {year} {month} {day} {category}` (an empty token leaves an empty segment, dropped later)."""
    values = {
        "slug": slug,
        "year": f"{date.year:04d}",
        "month": f"{date.month:02d}",
        "day": f"{date.day:02d}",
        "category": slugify(category) if category else "",
    }
    return _FORMAT_TOKEN.sub(lambda m: values[m[1]], fmt)


def dest_uri_for(site_path: str, *, use_directory_urls: bool) -> str:
    """Output file of a page at `site_path` (`blog/x` or `notes/x.html`)."""
    path = site_path.strip("/")
    if path.endswith((".html", ".htm")):
        return path
    if not path:
        return "index.html"
    return f"{path}/index.html" if use_directory_urls else f"{path}.html"


@dataclass(frozen=True)
class PostPath:
    """A post's output file; `above_root` when its URL had `..` above the site root (dropped)."""

    dest_uri: str
    above_root: bool


def url_dest_uri(url_path: str, *, use_directory_urls: bool) -> PostPath:
    """Output file of a URL path as Jekyll writes it: one that ends in `/` is a folder even
    without directory URLs (`/old/x/` → `old/x/index.html`); others as `dest_uri_for`.
    Raises `outpaths.UnsafePath` for what cannot be made safe."""
    url = outpaths.normalise(url_path, url=True)
    if url.folder:
        return PostPath(posixpath.join(url.path, "index.html"), url.above_root)
    return PostPath(dest_uri_for(url.path, use_directory_urls=use_directory_urls), url.above_root)


def post_dest_uri(
    facts: permalink.PostFacts,
    *,
    slug: str,
    category: str | None,
    permalink_template: str | None,
    post_url_format: str,
    blog_dir: str,
    use_directory_urls: bool,
) -> PostPath:
    """Where a post is written: its permalink, else `post_url_format` (in Jekyll's syntax from
    the site root; else under blog_dir, or from the root with a leading `/`). `slug` is `:title`
    and `{slug}`; `category` is `{category}`.

    A URL that ends in `/` stays a folder even without directory URLs, as in Jekyll. The URL is
    resolved as Jekyll and browsers do (percent-decoded, `..` above the root dropped), by
    `outpaths.normalise`, which raises `UnsafePath` for what cannot be made safe (a drive letter, NUL)."""
    template = permalink_template or (post_url_format if permalink.is_template(post_url_format) else None)
    if template is not None:
        return url_dest_uri(permalink.expand(template, permalink.placeholders(facts, title=slug)), use_directory_urls=use_directory_urls)
    path = expand_post_url_format(post_url_format, slug=slug, date=facts.date, category=category)
    if not post_url_format.startswith("/"):
        path = f"{blog_dir}/{path}"
    url = outpaths.normalise(path, url=True)
    return PostPath(dest_uri_for(url.path, use_directory_urls=use_directory_urls), url.above_root)
