"""Reading one post file into a `Post`: front matter and body, each value validated on the way."""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from dataclasses import replace

from mkdocs_ctoblog import dates, excerpts
from mkdocs_ctoblog.fences import strip_fences
from mkdocs_ctoblog.frontmatter_io import split_post
from mkdocs_ctoblog.posts import cover, location, terms, text
from mkdocs_ctoblog.posts.fields import Fields
from mkdocs_ctoblog.posts.model import Post, ReadResult, ReadSettings, Status
from mkdocs_ctoblog.shown import shown

_WORD = re.compile(r"\w+")


def read_post(src_uri: str, text: str, settings: ReadSettings) -> ReadResult:
    """Read one post file into a `Post` and the problems found on the way."""
    fields = Fields(src_uri, text, settings)
    return ReadResult(_read(fields), tuple(fields.problems))


def schedule(post: Post, now: dt.datetime, *, future: bool) -> Post:
    """The post as of `now`: a published post dated later is scheduled (unless `future`)."""
    if post.status == "published" and post.date > now and not future:
        return replace(post, status="scheduled")
    return post


def _read(fields: Fields) -> Post | None:
    """The post, or None (with a problem) when it has no usable date or safe URL."""
    split = split_post(fields.text)
    if split.error:
        fields.problem(f"front matter {split.error}; using the file name's date, slug and title")
    for key in split.duplicates:
        fields.problem(f"front matter gives {shown(key)} more than once; using the last value")
    meta = split.meta
    body = split.body
    stem = posixpath.splitext(posixpath.basename(fields.src_uri))[0]
    file_date, file_slug, _ = dates.split_filename(stem)

    date = fields.date(meta, "date", file_date)
    if date is None:
        fields.problem("no usable date: give front matter 'date' or name the file YYYY-MM-DD-slug.md; the post is left out")
        return None
    updated = fields.optional_date(meta, "updated") or fields.optional_date(meta, "last_modified_at")

    title = fields.text_value(meta, "title") or text.first_heading(body) or text.title_from_slug(file_slug)
    title = html.unescape(title).strip()
    slug = location.slug(fields, meta, file_slug, title)
    categories = terms.term_names(fields, meta, "category", split_strings=False) + terms.term_names(fields, meta, "categories")
    categories = terms.capped(fields, "categories", terms.unique_by_slug(categories))
    fields.check_template(meta)
    terms.check_allowed(fields, categories)
    tags = terms.capped(fields, "tags", terms.unique_by_slug(terms.term_names(fields, meta, "tags") + terms.term_names(fields, meta, "tag", split_strings=False)))
    terms.fallback_slugs(fields, "categories", categories)
    terms.fallback_slugs(fields, "tags", tags)
    authors = terms.authors(fields, meta)
    terms.fallback_slugs(fields, "author", [a.name for a in authors if a.key not in fields.settings.authors])
    series = fields.text_value(meta, "series")
    terms.fallback_slugs(fields, "series", [series] if series else [])
    local_date = date.astimezone(fields.settings.tz)
    facts = location.url_facts(fields, meta, local_date, stem, file_slug)
    template = location.permalink_template(fields, meta)
    dest_uri = location.dest_uri(fields, facts, template, slug, categories)
    if dest_uri is None:
        return None
    words = len(_WORD.findall(strip_fences(body, " ")))
    status: Status = "published"
    if fields.flag(meta, "draft") is True or fields.flag(meta, "published") is False:
        status = "draft"
    return Post(
        src_uri=fields.src_uri,
        dest_uri=dest_uri,
        slug=slug,
        title=title,
        date=date,
        updated=updated,
        description=excerpts.description_text(fields.text_value(meta, "description")),
        excerpt=text.excerpt(fields, meta, body),
        body=body,
        categories=tuple(categories),
        tags=tuple(tags),
        authors=authors,
        image=cover.image(fields, meta),
        status=status,
        pin=fields.flag(meta, "pin") is True,
        words=words,
        reading_minutes=max(1, round(words / fields.settings.words_per_minute)),
        newsletter=fields.flag(meta, "newsletter"),
        comments=fields.flag(meta, "comments"),
        cta=fields.cta(meta),
        read_next=fields.read_next(meta),
        meta=meta,
        author_bio=fields.flag(meta, "author_bio"),
        share=fields.flag(meta, "share"),
        redirects=location.redirect_paths(fields, meta, facts, template, slug, categories, dest_uri),
        series=series,
        series_order=fields.series_order(meta),
    )
