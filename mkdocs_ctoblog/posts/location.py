"""Where a post goes: its slug, its output path (front matter `permalink`, else `post_url_format`,
with Jekyll's rules for `:placeholders`) and the output paths of its redirect pages."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from mkdocs_ctoblog import outpaths, urls
from mkdocs_ctoblog.jekyll import permalink
from mkdocs_ctoblog.posts.fields import Fields
from mkdocs_ctoblog.shown import shown


def slug(fields: Fields, meta: Mapping[str, Any], file_slug: str, title: str) -> str:
    """From `slug`, else the file name, else the title: the first with letters or digits, made
    lower-case ASCII (`slug_case: lower`) or Jekyll's `:title` with its case (`keep`); when none
    has any, a short hash of the first (one warning)."""
    given = fields.text_value(meta, "slug")
    make: Callable[[str], str]
    if fields.settings.slug_case == "keep":
        make = partial(permalink.slugify, mode="pretty", cased=True)
        file_slug = permalink.file_slug(file_slug)
    else:
        make = urls.slugify
    sources = [(key, text) for key, text in (("slug", given), ("file name", file_slug), ("title", title)) if text]
    if given and (urls.is_fallback_slug(given) or not make(given)):
        fields.warn("slug", given, "letters or digits")
    usable = next(((key, text) for key, text in sources if not urls.is_fallback_slug(text) and make(text)), None)
    if usable:
        key, text = usable
        if make is urls.slugify and urls.is_cut_slug(text):
            fields.warn(key, text, f"at most {urls.MAX_SLUG} characters for the URL", f"; the post's slug is '{make(text)}'")
        return make(text)
    if not sources:
        return "post"
    key, text = sources[0]
    slug = urls.fallback_slug(text)
    if key != "slug":
        fields.warn(key, text, "letters or digits for the URL", f"; the post's slug is '{slug}': give it a 'slug'")
    return slug


def url_facts(fields: Fields, meta: Mapping[str, Any], date: dt.datetime, stem: str, file_slug: str) -> permalink.PostFacts:
    """What the post's URL is made of, as Jekyll sees it."""
    given_slug = meta.get("slug")
    return permalink.PostFacts(
        date=date,
        basename=stem,
        slug=str(given_slug) if given_slug not in (None, "") else permalink.file_slug(file_slug),
        categories=permalink.categories(meta),
        path="/" + posixpath.splitext(posixpath.relpath(fields.src_uri, fields.settings.posts_dir))[0].rstrip("."),
    )


def permalink_template(fields: Fields, meta: Mapping[str, Any]) -> str | None:
    template = fields.text_value(meta, "permalink")
    unknown = permalink.unknown_placeholders(template) if template else []
    if unknown:
        fields.warn("permalink", template, f"Jekyll's placeholders, not {shown(', '.join(dict.fromkeys(unknown)))[1:-1]}", "; using post_url_format")
        return None
    return template


def dest_uri(fields: Fields, facts: permalink.PostFacts, template: str | None, slug: str, categories: list[str]) -> str | None:
    """The output path: front matter `permalink`, else `post_url_format` (Jekyll's rules for `:placeholders`);
    `..` above the site root dropped with a warning; None (and a warning) when it cannot be made safe."""
    key, value = ("permalink", template) if template else ("categories", " ".join(facts.categories))
    try:
        where = place(fields, facts, template, slug, categories, fields.settings.post_url_format)
    except outpaths.UnsafePath as exc:
        if not template and len(slug.encode()) > outpaths.MAX_SEGMENT_BYTES:
            key, value = "slug", slug
        fields.warn(key, value, "a URL path inside the site", f", which {exc}; the post is left out")
        return None
    if where.above_root or (template and _has_parent(template)):
        fields.warn(key, value, "a URL path without '..'",
                    f": '..' is dropped (as Jekyll does; never above the site root), so the post is at '{where.dest_uri}'")
    return where.dest_uri


def place(
    fields: Fields, facts: permalink.PostFacts, template: str | None, slug: str, categories: list[str], url_format: str
) -> urls.PostPath:
    """Where the post goes under a URL format (its own `permalink` first)."""
    return urls.post_dest_uri(
        facts,
        slug=slug,
        category=categories[0] if categories else None,
        permalink_template=template,
        post_url_format=url_format,
        blog_dir=fields.settings.blog_dir,
        use_directory_urls=fields.settings.use_directory_urls,
    )


def redirect_paths(
    fields: Fields, meta: Mapping[str, Any], facts: permalink.PostFacts, template: str | None, slug: str, categories: list[str], dest_uri: str
) -> tuple[str, ...]:
    """Output paths of the post's redirect pages: `redirect_from`, then its URL under each
    earlier URL format (an earlier URL that cannot be made safe is simply not redirected).
    `slug` is `:title`, except in earlier formats in Jekyll's syntax."""
    found: list[str] = []
    for path in redirect_from(fields, meta):
        try:
            found.append(urls.url_dest_uri(path, use_directory_urls=fields.settings.use_directory_urls).dest_uri)
        except outpaths.UnsafePath as exc:
            fields.warn("redirect_from", path, "a site path such as /2019/05/old-name/", f", which {exc}; it is left out")
    for url_format in fields.settings.previous_post_url_formats:
        # Earlier URLs in Jekyll's syntax were Jekyll's: its `:title` keeps the case.
        title = permalink.slugify(facts.slug, mode="pretty", cased=True) if permalink.is_template(url_format) else slug
        try:
            found.append(place(fields, facts, template, title, categories, url_format).dest_uri)
        except outpaths.UnsafePath:
            continue
    # A path that differs from the post's only by case is the post's own folder on
    # case-insensitive disks: a redirect there would replace the post.
    return tuple(dict.fromkeys(path for path in found if path.casefold() != dest_uri.casefold()))


MAX_REDIRECTS = 100
"""Old URLs of one post (each is a page written to the site)."""


def redirect_from(fields: Fields, meta: Mapping[str, Any]) -> list[str]:
    """`redirect_from` (jekyll-redirect-from): site paths, one or a list."""
    value = meta.get("redirect_from")
    values = value if isinstance(value, list) else [] if value is None else [value]
    if len(values) > MAX_REDIRECTS:
        fields.problem(f"'redirect_from' expected at most {MAX_REDIRECTS} paths, received {len(values)}; using the first {MAX_REDIRECTS}")
        values = values[:MAX_REDIRECTS]
    paths = []
    for item in values:
        path = item.strip() if isinstance(item, str) else ""
        if not path.strip("/") or "://" in path or path.startswith("//") or ".." in path.split("/"):
            fields.warn("redirect_from", item, "a site path such as /2019/05/old-name/")
            continue
        paths.append(path)
    return paths


def _has_parent(path: str) -> bool:
    try:
        return outpaths.normalise(path, url=True).has_parent
    except outpaths.UnsafePath:
        return False
