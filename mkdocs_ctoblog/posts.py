"""The post model: read, normalise and validate Jekyll-style front matter into a frozen `Post`."""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Literal
from zoneinfo import ZoneInfo

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog import dates, excerpts, outpaths, safe_urls, urls
from mkdocs_ctoblog.excerpts import markdown_to_text
from mkdocs_ctoblog.fences import strip_fences
from mkdocs_ctoblog.frontmatter_io import raw_scalar, split_post
from mkdocs_ctoblog.jekyll import permalink
from mkdocs_ctoblog.safe_urls import safe_url
from mkdocs_ctoblog.shown import shown

log = get_plugin_logger(__name__)

Status = Literal["published", "draft", "scheduled"]

_H1 = re.compile(r"^#[ \t]+(.*)$", re.MULTILINE)  # closing hashes are removed in Python: linear
MAX_TERMS = 50
"""Categories, tags or authors one post may have."""
_WORD = re.compile(r"\w+")
_TEXT_KEYS = ("title", "description", "excerpt", "image_alt", "slug", "permalink")
_POSITION_WORD = re.compile(r"left|center|right|top|bottom|(\d{1,3}(?:\.\d+)?)%")
_BOOL_WORDS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


@dataclass(frozen=True)
class AuthorLink:
    """A profile of an author (`links` in the authors file)."""

    name: str
    url: str


@dataclass(frozen=True)
class Author:
    """A post's author: `key` is the authors-file id or the name's slug; `bio` is Markdown."""

    key: str
    name: str
    url: str | None = None
    avatar: str | None = None
    description: str | None = None
    bio: str | None = None
    links: tuple[AuthorLink, ...] = ()


@dataclass(frozen=True)
class Image:
    """A cover image: `src` is a full URL, or a doc path (`assets/x.png`) when `local`."""

    src: str
    alt: str
    local: bool
    position: str | None = None  # focal point: CSS object-position, keywords and percentages only


@dataclass(frozen=True)
class Post:
    """One post, as every other module sees it."""

    src_uri: str
    dest_uri: str
    slug: str
    title: str
    date: dt.datetime
    updated: dt.datetime | None
    description: str | None
    excerpt: str
    body: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    authors: tuple[Author, ...]
    image: Image | None
    status: Status
    pin: bool
    words: int
    reading_minutes: int
    newsletter: bool | None
    comments: bool | None
    cta: str | Literal[False] | None
    read_next: tuple[str, ...] | Literal[False] | None
    meta: Mapping[str, Any] = field(repr=False, compare=False)
    author_bio: bool | None = None
    share: bool | None = None
    redirects: tuple[str, ...] = ()
    """Output paths of redirect pages to this post: its `redirect_from` and its URLs under
    `redirects.previous_post_url_formats`."""
    series: str | None = None
    series_order: int | None = None

    @property
    def summary(self) -> str:
        """Card and meta text: the description, else the excerpt."""
        return self.description or self.excerpt

    @property
    def category_slugs(self) -> tuple[str, ...]:
        return tuple(urls.slugify(c) for c in self.categories)

    @property
    def tag_slugs(self) -> tuple[str, ...]:
        return tuple(urls.slugify(t) for t in self.tags)


@dataclass(frozen=True)
class ReadSettings:
    """What reading a post needs from the site and plugin config."""

    tz: ZoneInfo
    blog_dir: str
    post_url_format: str
    use_directory_urls: bool
    words_per_minute: int
    authors: Mapping[str, Author]
    categories_allowed: frozenset[str]
    doc_paths: frozenset[str]
    posts_dir: str
    slug_case: Literal["lower", "keep"]
    excerpt_separator: str | None
    previous_post_url_formats: tuple[str, ...]


@dataclass(frozen=True)
class ReadResult:
    """A post (None when it has no usable date) and its problems, one warning line each."""

    post: Post | None
    problems: tuple[str, ...]


class _Reader:
    """Reads one file; every problem is one line naming file, key, value and expectation."""

    def __init__(self, src_uri: str, text: str, settings: ReadSettings) -> None:
        self.src_uri = src_uri
        self.text = text
        self.settings = settings
        self.problems: list[str] = []

    def problem(self, message: str) -> None:
        self.problems.append(f"{self.src_uri}: {message}")

    def warn(self, key: str, value: object, expected: str, outcome: str = "") -> None:
        self.problem(f"'{key}' expected {expected}, received {shown(value)}{outcome}")

    def read(self) -> Post | None:
        split = split_post(self.text)
        if split.error:
            self.problem(f"front matter {split.error}; using the file name's date, slug and title")
        meta = split.meta
        body = split.body
        stem = posixpath.splitext(posixpath.basename(self.src_uri))[0]
        file_date, file_slug, _ = dates.split_filename(stem)

        date = self.date(meta, "date", file_date)
        if date is None:
            self.problem("no usable date: give front matter 'date' or name the file YYYY-MM-DD-slug.md; the post is left out")
            return None
        updated = self.optional_date(meta, "updated") or self.optional_date(meta, "last_modified_at")

        title = self.text_value(meta, "title") or _first_heading(body) or _title_from_slug(file_slug)
        title = html.unescape(title).strip()
        slug = self.slug(meta, file_slug, title)
        categories = self.terms(meta, "category", split_strings=False) + self.terms(meta, "categories")
        categories = self.capped("categories", _unique_by_slug(categories))
        self.check_template(meta)
        self.check_allowed(categories)
        tags = self.capped("tags", _unique_by_slug(self.terms(meta, "tags") + self.terms(meta, "tag", split_strings=False)))
        self.fallback_slugs("categories", categories)
        self.fallback_slugs("tags", tags)
        authors = self.authors(meta)
        self.fallback_slugs("author", [a.name for a in authors if a.key not in self.settings.authors])
        local_date = date.astimezone(self.settings.tz)
        facts = self.url_facts(meta, local_date, stem, file_slug)
        template = self.permalink_template(meta)
        dest_uri = self.dest_uri(facts, template, slug, categories)
        if dest_uri is None:
            return None
        words = len(_WORD.findall(strip_fences(body, " ")))
        status: Status = "published"
        if self.flag(meta, "draft") is True or self.flag(meta, "published") is False:
            status = "draft"
        return Post(
            src_uri=self.src_uri,
            dest_uri=dest_uri,
            slug=slug,
            title=title,
            date=date,
            updated=updated,
            description=self.text_value(meta, "description"),
            excerpt=self.excerpt(meta, body),
            body=body,
            categories=tuple(categories),
            tags=tuple(tags),
            authors=authors,
            image=self.image(meta),
            status=status,
            pin=self.flag(meta, "pin") is True,
            words=words,
            reading_minutes=max(1, round(words / self.settings.words_per_minute)),
            newsletter=self.flag(meta, "newsletter"),
            comments=self.flag(meta, "comments"),
            cta=self.cta(meta),
            read_next=self.read_next(meta),
            meta=meta,
            author_bio=self.flag(meta, "author_bio"),
            share=self.flag(meta, "share"),
            redirects=self.redirect_paths(meta, facts, template, slug, categories, dest_uri),
            series=self.text_value(meta, "series"),
            series_order=self.series_order(meta),
        )

    # -- values -------------------------------------------------------------------------

    def url_facts(self, meta: Mapping[str, Any], date: dt.datetime, stem: str, file_slug: str) -> permalink.PostFacts:
        """What the post's URL is made of, as Jekyll sees it."""
        given_slug = meta.get("slug")
        return permalink.PostFacts(
            date=date,
            basename=stem,
            slug=str(given_slug) if given_slug not in (None, "") else permalink.file_slug(file_slug),
            categories=permalink.categories(meta),
            path="/" + posixpath.splitext(posixpath.relpath(self.src_uri, self.settings.posts_dir))[0].rstrip("."),
        )

    def permalink_template(self, meta: Mapping[str, Any]) -> str | None:
        template = self.text_value(meta, "permalink")
        unknown = permalink.unknown_placeholders(template) if template else []
        if unknown:
            self.warn("permalink", template, f"Jekyll's placeholders, not {', '.join(unknown)}", "; using post_url_format")
            return None
        return template

    def dest_uri(self, facts: permalink.PostFacts, template: str | None, slug: str, categories: list[str]) -> str | None:
        """The output path: front matter `permalink`, else `post_url_format` (Jekyll's rules for `:placeholders`);
        `..` above the site root dropped with a warning; None (and a warning) when it cannot be made safe."""
        key, value = ("permalink", template) if template else ("categories", " ".join(facts.categories))
        try:
            place = self.place(facts, template, slug, categories, self.settings.post_url_format)
        except outpaths.UnsafePath as exc:
            if not template and len(slug.encode()) > outpaths.MAX_SEGMENT_BYTES:
                key, value = "slug", slug
            self.warn(key, value, "a URL path inside the site", f", which {exc}; the post is left out")
            return None
        if place.above_root or (template and _has_parent(template)):
            self.warn(key, value, "a URL path without '..'",
                      f": '..' is dropped (as Jekyll does; never above the site root), so the post is at '{place.dest_uri}'")
        return place.dest_uri

    def place(
        self, facts: permalink.PostFacts, template: str | None, slug: str, categories: list[str], url_format: str
    ) -> urls.PostPath:
        """Where the post goes under a URL format (its own `permalink` first)."""
        return urls.post_dest_uri(
            facts,
            slug=slug,
            category=categories[0] if categories else None,
            permalink_template=template,
            post_url_format=url_format,
            blog_dir=self.settings.blog_dir,
            use_directory_urls=self.settings.use_directory_urls,
        )

    def redirect_paths(
        self, meta: Mapping[str, Any], facts: permalink.PostFacts, template: str | None, slug: str, categories: list[str], dest_uri: str
    ) -> tuple[str, ...]:
        """Output paths of the post's redirect pages: `redirect_from`, then its URL under each
        earlier URL format (an earlier URL that cannot be made safe is simply not redirected).
        `slug` is `:title`, except in earlier formats in Jekyll's syntax."""
        found: list[str] = []
        for path in self.redirect_from(meta):
            try:
                found.append(urls.url_dest_uri(path, use_directory_urls=self.settings.use_directory_urls).dest_uri)
            except outpaths.UnsafePath as exc:
                self.warn("redirect_from", path, "a site path such as /2019/05/old-name/", f", which {exc}; it is left out")
        for url_format in self.settings.previous_post_url_formats:
            # Earlier URLs in Jekyll's syntax were Jekyll's: its `:title` keeps the case.
            title = permalink.slugify(facts.slug, mode="pretty", cased=True) if permalink.is_template(url_format) else slug
            try:
                found.append(self.place(facts, template, title, categories, url_format).dest_uri)
            except outpaths.UnsafePath:
                continue
        # A path that differs from the post's only by case is the post's own folder on
        # case-insensitive disks: a redirect there would replace the post.
        return tuple(dict.fromkeys(path for path in found if path.casefold() != dest_uri.casefold()))

    def redirect_from(self, meta: Mapping[str, Any]) -> list[str]:
        """`redirect_from` (jekyll-redirect-from): site paths, one or a list."""
        value = meta.get("redirect_from")
        values = value if isinstance(value, list) else [] if value is None else [value]
        paths = []
        for item in values:
            path = item.strip() if isinstance(item, str) else ""
            if not path.strip("/") or "://" in path or path.startswith("//") or ".." in path.split("/"):
                self.warn("redirect_from", item, "a site path such as /2019/05/old-name/")
                continue
            paths.append(path)
        return paths

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

    def slug(self, meta: Mapping[str, Any], file_slug: str, title: str) -> str:
        """From `slug`, else the file name, else the title: the first with letters or digits, made
        lower-case ASCII (`slug_case: lower`) or Jekyll's `:title` with its case (`keep`); when none
        has any, a short hash of the first (one warning)."""
        given = self.text_value(meta, "slug")
        make: Callable[[str], str]
        if self.settings.slug_case == "keep":
            make = partial(permalink.slugify, mode="pretty", cased=True)
            file_slug = permalink.file_slug(file_slug)
        else:
            make = urls.slugify
        sources = [(key, text) for key, text in (("slug", given), ("file name", file_slug), ("title", title)) if text]
        if given and (urls.is_fallback_slug(given) or not make(given)):
            self.warn("slug", given, "letters or digits")
        usable = next(((key, text) for key, text in sources if not urls.is_fallback_slug(text) and make(text)), None)
        if usable:
            key, text = usable
            if make is urls.slugify and urls.is_cut_slug(text):
                self.warn(key, text, f"at most {urls.MAX_SLUG} characters for the URL", f"; the post's slug is '{make(text)}'")
            return make(text)
        if not sources:
            return "post"
        key, text = sources[0]
        slug = urls.fallback_slug(text)
        if key != "slug":
            self.warn(key, text, "letters or digits for the URL", f"; the post's slug is '{slug}': give it a 'slug'")
        return slug

    def fallback_slugs(self, key: str, names: list[str]) -> None:
        """One warning per name with no letters or digits (only emoji or punctuation), or too long
        for a file name: its pages get a hash slug, or a cut one."""
        for name in names:
            if urls.is_fallback_slug(name):
                self.warn(key, name, "a name with letters or digits", f"; its pages use the slug '{urls.slugify(name)}'")
            elif urls.is_cut_slug(name):
                self.warn(key, name, f"a name of at most {urls.MAX_SLUG} characters", f"; its pages use the slug '{urls.slugify(name)}'")

    def check_template(self, meta: Mapping[str, Any]) -> None:
        """`template` (MkDocs picks the page's template by it) must be a name; else it is ignored."""
        value = meta.get("template")
        if "template" in meta and (not isinstance(value, str) or not value.strip()):
            self.warn("template", value, "a template name such as 'post.html'", "; ignored")

    def capped(self, key: str, names: list[str]) -> list[str]:
        """The first `MAX_TERMS` names; more on one post is a mistake (a warning), and would make
        every index and feed of each of them carry the post."""
        if len(names) > MAX_TERMS:
            self.problem(f"'{key}' expected at most {MAX_TERMS} names, received {len(names)}; using the first {MAX_TERMS}")
            return names[:MAX_TERMS]
        return names

    def terms(self, meta: Mapping[str, Any], key: str, *, split_strings: bool = True) -> list[str]:
        """`category`: one value; `categories`/`tags`: a list, or a string split on spaces."""
        value = meta.get(key)
        if value is None or value == "":
            return []
        if isinstance(value, bool):
            self.warn(key, value, "a name or a list of names")
            return []
        if isinstance(value, (int, float)):
            return [str(value)]
        if isinstance(value, str):
            return value.split() if split_strings else [value.strip()]
        if isinstance(value, list):
            names: list[str] = []
            for item in value:
                if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
                    names.append(str(item).strip())
                elif item is not None:
                    self.warn(key, item, "a name")
            return names
        self.warn(key, value, "a name or a list of names")
        return []

    def check_allowed(self, categories: list[str]) -> None:
        allowed = self.settings.categories_allowed
        for name in categories:
            if allowed and urls.slugify(name) not in allowed:
                self.warn("categories", name, "one of the categories_allowed")

    def authors(self, meta: Mapping[str, Any]) -> tuple[Author, ...]:
        found: list[Author] = []
        for key in ("author", "authors"):
            value = meta.get(key)
            items = value if isinstance(value, list) else [value] if value is not None else []
            if len(items) > MAX_TERMS:
                self.problem(f"'{key}' expected at most {MAX_TERMS} names, received {len(items)}; using the first {MAX_TERMS}")
                items = items[:MAX_TERMS]
            for item in items:
                author = self.author(key, item)
                if author and all(a.key != author.key for a in found):
                    found.append(author)
        return tuple(found)

    def author(self, key: str, value: object) -> Author | None:
        known = self.settings.authors
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            name = str(value).strip()
            return known.get(name) or Author(key=urls.slugify(name) or name, name=name)
        if isinstance(value, Mapping) and isinstance(value.get("name"), str):
            name = value["name"].strip()
            return Author(
                key=urls.slugify(name) or name,
                name=name,
                url=self.url(key, "url", value.get("url") or value.get("web") or value.get("website")),
                avatar=self.url(key, "avatar", value.get("avatar") or value.get("picture")),
                description=_text_or_none(value.get("description") or value.get("bio")),
            )
        if value not in (None, ""):
            self.warn(key, value, "a name, an author id, or {name: ...}")
        return None

    def url(self, key: str, field: str, value: object) -> str | None:
        """A URL from front matter, when `safe_urls` accepts it; else a warning and None."""
        text = _text_or_none(value)
        if text is None:
            return None
        checked = safe_url(text)
        if checked is None:
            self.warn(f"{key}.{field}", text, safe_urls.EXPECTED, "; left out")
        return checked

    def image(self, meta: Mapping[str, Any]) -> Image | None:
        value = meta.get("image")
        alt = self.text_value(meta, "image_alt")
        if value is None or value == "":
            return None
        if isinstance(value, Mapping):
            src = next(
                (value[k] for k in ("path", "feature", "src", "url", "thumbnail") if isinstance(value.get(k), str)),
                None,
            )
            alt = _text_or_none(value.get("alt")) or alt
            if src is None:
                self.warn("image", value, "a path, or a mapping with 'path' and 'alt'")
                return None
        elif isinstance(value, str):
            src = value
        else:
            self.warn("image", value, "a path, or a mapping with 'path' and 'alt'")
            return None
        checked = safe_url(src)
        if checked is None:
            self.warn("image", src, safe_urls.EXPECTED, "; left out")
            return None
        src = checked
        position = self.image_position(meta)
        if safe_urls.is_external(src):
            return Image(src=src, alt=alt or "", local=False, position=position)
        doc_path = self.local_image_path(src)
        if doc_path is None:
            self.problem(f"'image' file not found in docs_dir: '{src}'")
            return None
        return Image(src=doc_path, alt=alt or "", local=True, position=position)

    def image_position(self, meta: Mapping[str, Any]) -> str | None:
        """`image_position` (or `image: {position}`): one or two of left, center, right, top, bottom, N%."""
        value = meta.get("image_position")
        image = meta.get("image")
        if value is None and isinstance(image, Mapping):
            value = image.get("position")
        if value is None or value == "":
            return None
        position = _css_position(value)
        if position is not None:
            return position
        self.warn("image_position", value, "one or two of left, center, right, top, bottom or a percentage (e.g. '50% 30%')")
        return None

    def local_image_path(self, src: str) -> str | None:
        """Doc path of a site-absolute (`/assets/x.png`) or relative image; relative to the post first."""
        path = src.split("#")[0].split("?")[0]
        if path.startswith("/"):
            candidates = [path.lstrip("/")]
        else:
            here = posixpath.dirname(self.src_uri)
            candidates = [posixpath.normpath(posixpath.join(here, path)), posixpath.normpath(path)]
        return next((c for c in candidates if c in self.settings.doc_paths), None)

    def excerpt(self, meta: Mapping[str, Any], body: str) -> str:
        given = self.text_value(meta, "excerpt")
        if given:
            return markdown_to_text(given)
        return excerpts.excerpt(body, self.text_value(meta, "excerpt_separator") or self.settings.excerpt_separator)

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

    def series_order(self, meta: Mapping[str, Any]) -> int | None:
        value = meta.get("series_order")
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        self.warn("series_order", value, "a whole number (the part's place in its series)")
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
            return tuple(v.strip() for v in value if v.strip())
        self.warn("read_next", value, "a list of post paths, slugs or page paths, or false")
        return None


def read_post(src_uri: str, text: str, settings: ReadSettings) -> ReadResult:
    """Read one post file into a `Post` and the problems found on the way."""
    reader = _Reader(src_uri, text, settings)
    post = reader.read()
    return ReadResult(post, tuple(reader.problems))


def schedule(post: Post, now: dt.datetime, *, future: bool) -> Post:
    """The post as of `now`: a published post dated later is scheduled (unless `future`)."""
    if post.status == "published" and post.date > now and not future:
        return replace(post, status="scheduled")
    return post


def load_authors(data: object, source: str) -> dict[str, Author]:
    """Authors file (`{authors: {id: {...}}}` as Material writes it, or `{id: {...}}`); `bio` is
    Markdown, `links` a list of `{name, url}`. A URL that is not relative, http(s) or mailto is
    left out with a warning."""
    if isinstance(data, Mapping) and isinstance(data.get("authors"), Mapping):
        data = data["authors"]
    if not isinstance(data, Mapping):
        log.warning("%s: expected a mapping of author ids to {name, description, avatar, url, bio, links}", source)
        return {}
    authors: dict[str, Author] = {}
    for key, value in data.items():
        if not (isinstance(value, Mapping) and isinstance(value.get("name"), str)):
            log.warning("%s: author '%s' expected a mapping with 'name', received %s", source, key, shown(value))
            continue
        if urls.is_fallback_slug(value["name"]):
            log.warning(
                "%s: author '%s' expected a name with letters or digits, received %s; its page uses the slug '%s'",
                source, key, shown(value["name"]), urls.slugify(value["name"]),
            )

        authors[str(key)] = Author(
            key=str(key),
            name=value["name"],
            url=_author_url(value.get("url"), source, str(key), "url"),
            avatar=_author_url(value.get("avatar"), source, str(key), "avatar"),
            description=_text_or_none(value.get("description")),
            bio=_text_or_none(value.get("bio")),
            links=_author_links(value.get("links"), source, str(key)),
        )
    return authors


def _author_url(value: object, source: str, key: str, field: str) -> str | None:
    text = _text_or_none(value)
    if text is not None and safe_url(text) is None:
        log.warning(
            "%s: author '%s' '%s' expected a relative, http(s) or mailto URL, received %s; left out",
            source,
            key,
            field,
            shown(text),
        )
        return None
    return safe_url(text) if text is not None else None


def _author_links(value: object, source: str, key: str) -> tuple[AuthorLink, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    links = []
    for item in items:
        if isinstance(item, Mapping) and isinstance(item.get("name"), str) and isinstance(item.get("url"), str):
            checked = _author_url(item["url"], source, key, "links")
            if checked is not None:
                links.append(AuthorLink(item["name"].strip(), checked))
        else:
            log.warning("%s: author '%s' 'links' expected a list of {name, url}, received %s", source, key, shown(item))
    return tuple(links)


def _first_heading(body: str) -> str | None:
    match = _H1.search(strip_fences(body))
    return markdown_to_text(_without_closing_hashes(match[1])) if match else None


def _without_closing_hashes(text: str) -> str:
    """`Title ##` → `Title`, as Markdown reads an ATX heading's optional closing sequence."""
    text = text.rstrip(" \t")
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        return bare.rstrip(" \t")
    return text


def _title_from_slug(slug: str) -> str:
    return " ".join(word.capitalize() for word in re.split(r"[-_\s]+", slug) if word)


def _unique_by_slug(names: list[str]) -> list[str]:
    seen: set[str] = set()
    unique = []
    for name in names:
        slug = urls.slugify(name)
        if slug and slug not in seen:
            seen.add(slug)
            unique.append(name)
    return unique


def _has_parent(path: str) -> bool:
    try:
        return outpaths.normalise(path, url=True).has_parent
    except outpaths.UnsafePath:
        return False


def _text_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _css_position(value: object) -> str | None:
    """A safe CSS `object-position`: one or two keywords or percentages (0-100%), else None."""
    words = value.lower().split() if isinstance(value, str) else []
    matches = [_POSITION_WORD.fullmatch(word) for word in words]
    if not 1 <= len(words) <= 2 or not all(matches):
        return None
    if any(m[1] is not None and float(m[1]) > 100 for m in matches if m):
        return None
    return " ".join(words)
