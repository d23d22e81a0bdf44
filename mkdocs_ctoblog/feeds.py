"""Feeds of the blog and of each category: RSS 2.0 and Atom 1.0 (feedgen), JSON Feed 1.1 (json).

Pure functions over `Post`s and plain values; `sharing.py` hands them what they need from MkDocs.
Everything here is deterministic: dates come from the posts, never from the clock, so two builds
of the same sources write byte-identical feeds.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urljoin

from mkdocs_ctoblog import __version__
from mkdocs_ctoblog.posts import Post

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator

Format = Literal["rss", "atom", "json"]
FORMATS: tuple[Format, ...] = ("rss", "atom", "json")
FILE_NAMES: Mapping[Format, str] = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}
MEDIA_TYPES: Mapping[Format, str] = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}
STRING_KEYS: Mapping[Format, str] = {"rss": "feed_rss", "atom": "feed_atom", "json": "feed_json"}
IMAGE_TYPES: Mapping[str, str] = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".svg": "image/svg+xml",
}
GENERATOR = ("mkdocs-ctoblog", __version__, "https://pypi.org/project/mkdocs-ctoblog/")
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
_ATOM_NS = "http://www.w3.org/2005/Atom"


# -- the model ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedSet:
    """The feeds of the blog (`key` "") or of one category (`key` its slug)."""

    key: str
    folder: str
    """Site path of the folder the feeds are written to: `blog`, `blog/category/fcto`."""
    title: str
    description: str
    home: str
    """Site URL of the index page the feeds belong to: `blog/`, `blog/category/fcto/`."""
    posts: tuple[Post, ...]
    """Newest first, already limited."""
    formats: tuple[Format, ...]

    def path(self, fmt: Format) -> str:
        """Site path of one feed: `blog/feed.xml`."""
        return posixpath.join(self.folder, FILE_NAMES[fmt]) if self.folder else FILE_NAMES[fmt]


@dataclass(frozen=True)
class Person:
    name: str
    url: str | None = None
    avatar: str | None = None


@dataclass(frozen=True)
class Enclosure:
    """A cover image: absolute URL, media type, and size in bytes when the file is ours."""

    url: str
    media_type: str | None
    length: int | None
    alt: str = ""


@dataclass(frozen=True)
class Entry:
    url: str
    title: str
    summary: str
    content: str | None
    """HTML with absolute links, or None when feeds carry summaries only."""
    published: dt.datetime
    updated: dt.datetime
    authors: tuple[Person, ...]
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    image: Enclosure | None


@dataclass(frozen=True)
class Channel:
    title: str
    description: str
    home_url: str
    feed_urls: Mapping[Format, str]
    language: str
    updated: dt.datetime
    logo: str | None
    entries: tuple[Entry, ...]


# -- planning ----------------------------------------------------------------------------------


def plan(
    posts: tuple[Post, ...],
    categories: tuple[tuple[str, str, tuple[Post, ...], str], ...],
    *,
    blog_dir: str,
    blog_home: str,
    formats: tuple[Format, ...],
    limit: int,
    site_name: str,
    site_description: str | None,
    strings: Mapping[str, str],
) -> list[FeedSet]:
    """The blog's feeds, then one set per category: `categories` holds (slug, name, posts, home URL)."""
    if not formats:
        return []
    folder = blog_dir.strip("/")
    sets = [
        FeedSet(
            key="",
            folder=folder,
            title=site_name,
            description=site_description or site_name,
            home=blog_home,
            posts=posts[:limit],
            formats=formats,
        )
    ]
    for slug, name, members, home in categories:
        sets.append(
            FeedSet(
                key=slug,
                folder=posixpath.join(folder, "category", slug) if folder else posixpath.join("category", slug),
                title=f"{site_name}: {name}",
                description=f"{strings['category']}: {name} · {site_name}",
                home=home,
                posts=members[:limit],
                formats=formats,
            )
        )
    return sets


# -- entry content -----------------------------------------------------------------------------

# Every pattern stops at the next `<` (`[^<>]`), so each scans only one tag: linear in the page.
_PLACEHOLDER = re.compile(r"<!--\s*/?ctoblog:[^<>]*-->\s*")
_EMPTY_P = re.compile(r"<p>\s*</p>\n?")  # left by a `<p><!-- ctoblog:latest --></p>` an author wrote
_POST_HEADER = re.compile(r"<header\s[^>]*class=\"[^\"]*\bctoblog-post-header\b[^\"]*\"[^>]*>.*?</header>", re.DOTALL)
_HEADERLINK = re.compile(r"<a\s[^<>]*class=\"[^\"<>]*\bheaderlink\b[^\"<>]*\"[^<>]*>[^<]*</a>")
_LEADING_H1 = re.compile(r"^\s*<h1[\s>].*?</h1>", re.DOTALL)
_TAG = re.compile(r"<[A-Za-z](?:[^<>\"']|\"[^\"<]*\"|'[^'<]*')*>")
_URL_ATTR = re.compile(r"(\s(?:href|src|poster|cite|data-src)\s*=\s*)(\"[^\"]*\"|'[^']*')", re.IGNORECASE)
_SRCSET_ATTR = re.compile(r"(\s(?:srcset|data-srcset)\s*=\s*)(\"[^\"]*\"|'[^']*')", re.IGNORECASE)


def absolute_url(value: str, *, base: str, site_root: str) -> str:
    """`value` made absolute: relative to `base` (the page's URL); `/x` from the site root."""
    if value.startswith("/") and not value.startswith("//"):
        return site_root.rstrip("/") + value
    return urljoin(base, value)


def absolutize(html_text: str, *, base: str, site_root: str) -> str:
    """Every relative `href`/`src`/`srcset` in `html_text` made absolute (feed readers have no base)."""

    def fix(value: str) -> str:
        return html.escape(absolute_url(html.unescape(value), base=base, site_root=site_root))

    def fix_srcset(value: str) -> str:
        candidates = []
        for candidate in html.unescape(value).split(","):
            parts = candidate.strip().split(maxsplit=1)
            if parts:
                parts[0] = absolute_url(parts[0], base=base, site_root=site_root)
                candidates.append(" ".join(parts))
        return html.escape(", ".join(candidates))

    def attr(match: re.Match[str], fixer: Callable[[str], str]) -> str:
        quoted = match[2]
        return f"{match[1]}{quoted[0]}{fixer(quoted[1:-1])}{quoted[0]}"

    def tag(match: re.Match[str]) -> str:
        text = _URL_ATTR.sub(lambda m: attr(m, fix), match[0])
        return _SRCSET_ATTR.sub(lambda m: attr(m, fix_srcset), text)

    return _TAG.sub(tag, html_text)


def entry_html(page_html: str, *, title: str, url: str, site_root: str) -> str:
    """A post's rendered HTML as feed content: without our slots, the post header, a leading
    `<h1>` that repeats the title (the entry has its own) and heading permalinks; links absolute."""
    text = _EMPTY_P.sub("", _PLACEHOLDER.sub("", page_html))
    text = _POST_HEADER.sub("", text, count=1)
    text = _HEADERLINK.sub("", text)
    leading = _LEADING_H1.match(text)
    if leading and _plain(leading[0]) == " ".join(title.split()):
        text = text[leading.end() :]
    return absolutize(text.strip(), base=url, site_root=site_root)


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", fragment)).split())


def image_type(path: str) -> str | None:
    """Media type of an image from its file name (`cover.webp` → `image/webp`)."""
    return IMAGE_TYPES.get(posixpath.splitext(path.split("?")[0].split("#")[0])[1].lower())


# -- what XML can carry ------------------------------------------------------------------------

# Characters XML 1.0 does not allow (C0 controls but tab and newlines, surrogates, U+FFFE/U+FFFF).
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
MAX_CONTENT = 1_000_000
"""Characters of an entry's HTML: a larger post gets its summary only (libxml2 stops at 10 MB)."""
MAX_TEXT = 10_000
"""Characters of any other text of an entry (title, summary, names)."""


def xml_text(text: str) -> tuple[str, int]:
    """`text` without the characters XML does not allow, and how many were removed."""
    cleaned, count = _XML_INVALID.subn("", text)
    return cleaned, count


def clean_entry(entry: Entry) -> tuple[Entry, list[str]]:
    """`entry` as every feed format can carry it, and one line per problem found."""
    removed = 0
    cut: list[str] = []

    def clean(value: Any, name: str) -> Any:
        nonlocal removed
        if isinstance(value, str):
            value, count = xml_text(value)
            removed += count
            if name != "content" and len(value) > MAX_TEXT:
                cut.append(name)
                value = value[: MAX_TEXT - 1] + "…"
            return value
        if isinstance(value, tuple):
            return tuple(clean(item, name) for item in value)
        if isinstance(value, (Entry, Person, Enclosure)):
            return replace(value, **{f.name: clean(getattr(value, f.name), f.name) for f in fields(value)})
        return value

    cleaned: Entry = clean(entry, "entry")
    problems = []
    if removed:
        problems.append(f"{removed} characters that XML does not allow (control characters) left out of its feed entry")
    if cut:
        problems.append(f"{', '.join(sorted(set(cut)))} longer than {MAX_TEXT:,} characters: cut in its feed entry")
    if cleaned.content is not None and len(cleaned.content) > MAX_CONTENT:
        problems.append(
            f"{len(cleaned.content):,} characters of HTML is too large for a feed entry "
            f"(at most {MAX_CONTENT:,}): the entry carries its summary"
        )
        cleaned = replace(cleaned, content=None)
    return cleaned, problems


# -- rendering ---------------------------------------------------------------------------------


def _iso(value: dt.datetime) -> str:
    return value.replace(microsecond=0).isoformat()


def _generator(channel: Channel) -> FeedGenerator:
    from feedgen.feed import FeedGenerator  # only builds that write RSS or Atom need feedgen and lxml

    fg = FeedGenerator()
    fg.id(channel.home_url)
    fg.title(channel.title)
    fg.description(channel.description)
    fg.language(channel.language)
    fg.updated(channel.updated)
    fg.lastBuildDate(channel.updated)
    fg.generator(GENERATOR[0], version=GENERATOR[1], uri=GENERATOR[2])
    return fg


def render_rss(channel: Channel) -> bytes:
    """RSS 2.0, with `content:encoded`, `dc:creator` authors and cover enclosures."""
    fg = _generator(channel)
    fg.load_extension("dc", atom=False, rss=True)
    # The RSS <channel><link> is the last link set: the self link first, the page last.
    fg.link(href=channel.feed_urls["rss"], rel="self", type=MEDIA_TYPES["rss"])
    fg.link(href=channel.home_url, rel="alternate")
    if channel.logo:
        fg.image(url=channel.logo, title=channel.title, link=channel.home_url)
    for entry in channel.entries:
        fe = fg.add_entry(order="append")
        fe.title(entry.title)
        fe.link(href=entry.url)
        fe.guid(entry.url, permalink=True)
        fe.pubDate(entry.published)
        fe.description(entry.summary or entry.title)
        if entry.content:
            fe.content(entry.content, type="html")
        for person in entry.authors:
            fe.dc.dc_creator(person.name)
        for name in entry.categories + entry.tags:
            fe.category(term=name)
        image = entry.image
        if image and image.length is not None and image.media_type:
            # RSS requires the length: only files the site holds get an enclosure.
            fe.enclosure(url=image.url, length=str(image.length), type=image.media_type)
    return fg.rss_str(pretty=True)


def render_atom(channel: Channel) -> bytes:
    """Atom 1.0 (RFC 4287), with `link rel=enclosure` for covers."""
    fg = _generator(channel)
    fg.link(href=channel.home_url, rel="alternate", type="text/html")
    fg.link(href=channel.feed_urls["atom"], rel="self", type=MEDIA_TYPES["atom"])
    if channel.logo:
        fg.logo(channel.logo)
        fg.icon(channel.logo)
    for entry in channel.entries:
        fe = fg.add_entry(order="append")
        fe.id(entry.url)
        fe.title(entry.title)
        fe.link(href=entry.url, rel="alternate")
        fe.published(entry.published)
        fe.updated(entry.updated)
        if entry.summary:
            fe.summary(entry.summary)
        if entry.content:
            fe.content(entry.content, type="html")  # not "CDATA": invalid in Atom
        for person in entry.authors:
            fe.author({"name": person.name, **({"uri": person.url} if person.url else {})})
        for name in entry.categories + entry.tags:
            fe.category(term=name, label=name)
    return _add_atom_enclosures(fg.atom_str(pretty=False), channel.entries)


def _add_atom_enclosures(document: bytes, entries: tuple[Entry, ...]) -> bytes:
    """Add `<link rel="enclosure">` to entries with a cover.

    feedgen 1.0.0 drops `rel`, `type` and `length` of entry links (a shadowed variable in its
    `atom_entry`), which would turn an enclosure into a second plain link; so we add them here.
    """
    from lxml import etree

    root = etree.fromstring(document, etree.XMLParser(remove_blank_text=True, resolve_entities=False))
    images = {e.url: e.image for e in entries if e.image}
    for node in root.iterfind(f"{{{_ATOM_NS}}}entry"):
        image = images.get(node.findtext(f"{{{_ATOM_NS}}}id") or "")
        if image is None:
            continue
        link = etree.SubElement(node, f"{{{_ATOM_NS}}}link", rel="enclosure", href=image.url)
        if image.media_type:
            link.set("type", image.media_type)
        if image.length is not None:
            link.set("length", str(image.length))
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")


# JSON Feed 1.1, as typed records (https://jsonfeed.org/version/1.1).


@dataclass(frozen=True)
class JsonFeedAuthor:
    name: str
    url: str | None = None
    avatar: str | None = None


@dataclass(frozen=True)
class JsonFeedItem:
    id: str
    url: str
    title: str
    date_published: str
    date_modified: str | None = None
    summary: str | None = None
    content_html: str | None = None
    content_text: str | None = None
    image: str | None = None
    authors: tuple[JsonFeedAuthor, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class JsonFeed:
    title: str
    home_page_url: str
    feed_url: str
    description: str
    language: str
    items: tuple[JsonFeedItem, ...]
    icon: str | None = None
    favicon: str | None = None
    version: str = JSON_FEED_VERSION


def _json_value(value: object) -> Any:
    """Dataclasses as objects in field order, without empty optional fields."""
    if isinstance(value, (JsonFeed, JsonFeedItem, JsonFeedAuthor)):
        fields = value.__dataclass_fields__
        out = {name: _json_value(getattr(value, name)) for name in fields}
        if isinstance(value, JsonFeed):
            out = {"version": out.pop("version"), **out}
        return {k: v for k, v in out.items() if v not in (None, [], "")}
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    return value


def json_feed(channel: Channel) -> JsonFeed:
    items = []
    for entry in channel.entries:
        tags = tuple(dict.fromkeys(entry.categories + entry.tags))
        items.append(
            JsonFeedItem(
                id=entry.url,
                url=entry.url,
                title=entry.title,
                date_published=_iso(entry.published),
                date_modified=_iso(entry.updated),
                summary=entry.summary or None,
                content_html=entry.content,
                content_text=None if entry.content else (entry.summary or entry.title),
                image=entry.image.url if entry.image else None,
                authors=tuple(JsonFeedAuthor(p.name, p.url, p.avatar) for p in entry.authors),
                tags=tags,
            )
        )
    return JsonFeed(
        title=channel.title,
        home_page_url=channel.home_url,
        feed_url=channel.feed_urls["json"],
        description=channel.description,
        language=channel.language,
        icon=channel.logo,
        favicon=channel.logo,
        items=tuple(items),
    )


def render_json(channel: Channel) -> bytes:
    """JSON Feed 1.1, UTF-8, two-space indent, fields in the spec's order."""
    data = _json_value(json_feed(channel))
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


RENDERERS: Mapping[Format, Callable[[Channel], bytes]] = {
    "rss": render_rss,
    "atom": render_atom,
    "json": render_json,
}
