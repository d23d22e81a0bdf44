"""What leaves the site: feeds, social and structured-data meta, sitemap dates (SPEC §3, §4).

`Sharing` holds one build's state between the page events and `on_post_build`. It takes plain
values and callables from `plugin.py` (site-relative URLs, files on disk) and calls `feeds`,
`meta` and `sitemaps`; it never sees MkDocs `File` or `Page` objects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog import dates, feeds, meta, outpaths, sitemaps
from mkdocs_ctoblog.blog import Blog
from mkdocs_ctoblog.feeds import FeedSet, Format
from mkdocs_ctoblog.posts import Post
from mkdocs_ctoblog.safe_urls import is_external, safe_url
from mkdocs_ctoblog.views import FeedLink, rel

if TYPE_CHECKING:
    from mkdocs_ctoblog.config import CtoblogConfig
    from mkdocs_ctoblog.indexes import Listing

log = get_plugin_logger(__name__)

_DESCRIPTION_LENGTH = 300


@dataclass(frozen=True)
class Asset:
    """A file of the site: its site URL, its source and its output on disk."""

    url: str
    src_path: str | None
    dest_path: str


@dataclass(frozen=True)
class SiteFacts:
    site_url: str | None
    site_name: str
    site_description: str | None
    locale: str
    tz: ZoneInfo


class Sharing:
    """Feeds, head tags and sitemap dates of one build."""

    def __init__(
        self,
        config: CtoblogConfig,
        site: SiteFacts,
        *,
        show_unpublished: bool,
        render_head: Callable[[meta.HeadView], str],
    ) -> None:
        self.config = config
        self.render_head = render_head
        self.site = site
        self.strings = config.strings
        self.show_unpublished = show_unpublished
        self.feed_sets: list[FeedSet] = []
        self.full_content_posts: frozenset[str] = frozenset()
        self.post_html: dict[str, str] = {}
        # `mkdocs serve --dirty`: what the last build wrote (feed path -> channel, and the sitemap
        # it cut the folder sitemaps from), kept by the plugin; an unchanged file is not written again
        self.written: dict[str, object] | None = None
        self.entries: dict[str, feeds.Entry | None] = {}
        self.blog = Blog(posts=())
        self.post_url: Callable[[Post], str | None] = lambda post: None
        self.asset: Callable[[str], Asset | None] = lambda path: None
        self.term_url: Callable[[str, str], str | None] = lambda kind, slug: None

    # -- state ------------------------------------------------------------------------------

    @property
    def feeds_on(self) -> bool:
        cfg = self.config.feeds
        return bool(cfg.enabled and self.site.site_url and self.formats)

    @property
    def formats(self) -> tuple[Format, ...]:
        cfg = self.config.feeds
        return tuple(f for f in feeds.FORMATS if getattr(cfg, f))

    def check_site_url(self) -> None:
        """One warning when feeds (or absolute meta) are wanted but `site_url` is not set."""
        if self.site.site_url:
            return
        wanted = [name for name, on in (("feeds", self.config.feeds.enabled and self.formats),
                                        ("meta", self.config.meta.enabled)) if on]
        if wanted:
            log.warning(
                "'site_url' is not set in mkdocs.yml: feeds are not written and social meta has no URLs "
                "(canonical, og:url, og:image, JSON-LD). Set site_url to the address the site is published at."
            )

    def plan(
        self,
        blog: Blog,
        *,
        post_url: Callable[[Post], str | None],
        term_url: Callable[[str, str], str | None],
        asset: Callable[[str], Asset | None],
    ) -> list[str]:
        """Decide which feeds exist (after the posts are read); return their site paths."""
        self.blog = blog
        self.post_url = post_url
        self.term_url = term_url
        self.asset = asset
        self.feed_sets = []
        self.entries = {}
        self.full_content_posts = frozenset()
        if not self.feeds_on:
            return []
        cfg = self.config.feeds
        categories = []
        if cfg.per_category:
            for term in blog.terms.get("category", ()):
                home = term_url("category", term.slug)
                if home is not None:
                    categories.append((term.slug, term.name, term.posts, home))
        blog_home = term_url("blog", "") or (self.config.blog_dir.strip("/") + "/")
        self.feed_sets = feeds.plan(
            blog.posts,
            tuple(categories),
            blog_dir=self.config.blog_dir,
            blog_home=blog_home,
            formats=self.formats,
            limit=cfg.limit,
            site_name=self.site.site_name,
            site_description=self.site.site_description,
            strings=self.strings,
        )
        if cfg.full_content:
            self.full_content_posts = frozenset(p.src_uri for s in self.feed_sets for p in s.posts)
        return [s.path(fmt) for s in self.feed_sets for fmt in s.formats]

    def folder_sitemaps(self) -> list[str]:
        """Site paths of the sitemaps written next to the feeds (see `sitemaps`)."""
        return [f"{s.folder}/{sitemaps.FILE_NAME}" for s in self.feed_sets if s.folder]

    def feed_set(self, key: str) -> FeedSet | None:
        return next((s for s in self.feed_sets if s.key == key), None)

    # -- URLs -------------------------------------------------------------------------------

    def absolute(self, site_path: str | None) -> str | None:
        """A site-relative URL (`blog/x/`) as an absolute one, or None without `site_url`."""
        if site_path is None or not self.site.site_url:
            return None
        return self.site.site_url.rstrip("/") + "/" + site_path.lstrip("/")

    def user_url(self, value: str | None) -> str | None:
        """A URL from config or the authors file: full URLs as they are; a doc path
        (`assets/logo.png`) as its file's URL; other paths from the site root."""
        value = safe_url(value)
        if not value:
            return None
        if is_external(value):
            return value
        found = self.asset(value.lstrip("/").split("#")[0])
        return self.absolute(found.url if found else value.lstrip("/"))

    # -- index pages ------------------------------------------------------------------------

    def feed_links(self, key: str, base: str) -> tuple[FeedLink, ...]:
        """Visible links to the feeds of the blog (`key` "") or a category, relative to `base`."""
        feed_set = self.feed_set(key)
        if feed_set is None:
            return ()
        return tuple(
            FeedLink(self.strings[feeds.STRING_KEYS[fmt]], rel(feed_set.path(fmt), base), feeds.MEDIA_TYPES[fmt])
            for fmt in feed_set.formats
        )

    def alternates(self, keys: tuple[str, ...], base: str) -> tuple[meta.AlternateLink, ...]:
        links = []
        for key in keys:
            feed_set = self.feed_set(key)
            if feed_set is None:
                continue
            for fmt in feed_set.formats:
                title = f"{feed_set.title} ({self.strings[feeds.STRING_KEYS[fmt]]})"
                links.append(meta.AlternateLink(title, rel(feed_set.path(fmt), base), feeds.MEDIA_TYPES[fmt]))
        return tuple(links)

    # -- pages ------------------------------------------------------------------------------

    def keep_html(self, post: Post, content: str) -> None:
        """Remember a post's rendered HTML (after every `on_page_content`) for its feed entry;
        only for posts some feed carries in full, so memory does not grow with the archive."""
        if post.src_uri in self.full_content_posts:
            self.post_html[post.src_uri] = content

    def page_meta(self, post: Post, page_meta: dict[str, Any]) -> None:
        """A post with a cover image keeps it as its social image: Material's social plugin is told
        (its documented front matter `social: {cards: false}`) not to write a card and tags for it,
        unless the post's own front matter says something about `social`."""
        if self.config.meta.enabled and post.image is not None and "social" not in post.meta:
            page_meta["social"] = {"cards": False}

    def post_head(self, output: str, post: Post, page_url: str) -> str:
        """`output` with the post's social meta, canonical, feed links and `BlogPosting` in `<head>`."""
        url = self.absolute(page_url)
        image = self.image_meta(post)
        found = meta.existing(output)
        tags: tuple[meta.MetaTag, ...] = ()
        json_ld = None
        if self.config.meta.enabled:
            facts = meta.PageFacts(
                type="article",
                title=post.title,
                description=_short(post.summary),
                url=url,
                site_name=self.site.site_name,
                locale=self.site.locale,
                image=image,
                published=post.date,
                modified=post.updated or post.date,
                section=self._names("category", post.categories)[0] if post.categories else None,
                tags=self._names("tag", post.tags),
            )
            tags = meta.social_tags(facts)
            json_ld = meta.blog_posting(self.article(post, url, image))
        return self._inject(output, found, tags=tags, canonical=url, keys=("",), base=page_url, json_ld=json_ld)

    def listing_head(
        self, output: str, listing: Listing, page_url: str, *, title: str, description: str | None, kicker: str | None
    ) -> str:
        """`output` with an index page's meta, canonical, feed links (a category's own first) and,
        on the blog index, JSON-LD `Blog` listing that page's posts. Without a description of its
        own, a term's page says what it is ("Category: Hiring · Site"), the blog index uses the
        site description."""
        url = self.absolute(page_url)
        found = meta.existing(output)
        keys = (listing.term.slug, "") if listing.kind == "category" and listing.term else ("",)
        tags: tuple[meta.MetaTag, ...] = ()
        json_ld = None
        if self.config.meta.enabled:
            if not description and kicker and listing.kind != "blog":
                description = f"{kicker}: {title} · {self.site.site_name}"
            description = description or self.site.site_description
            facts = meta.PageFacts(
                type="website",
                title=title,
                description=_short(description) if description else None,
                url=url,
                site_name=self.site.site_name,
                locale=self.site.locale,
            )
            tags = meta.social_tags(facts)
            if listing.kind == "blog":
                json_ld = meta.blog(
                    name=title,
                    description=description,
                    url=url,
                    language=meta.language_tag(self.site.locale),
                    publisher=self.publisher(),
                    posts=[self.article(p, self.absolute(self.post_url(p)), self.image_meta(p)) for p in listing.posts],
                )
        return self._inject(output, found, tags=tags, canonical=url, keys=keys, base=page_url, json_ld=json_ld)

    def _inject(
        self,
        output: str,
        found: meta.Existing,
        *,
        tags: tuple[meta.MetaTag, ...],
        canonical: str | None,
        keys: tuple[str, ...],
        base: str,
        json_ld: dict[str, Any] | None,
    ) -> str:
        view = meta.head_view(
            tags=tags,
            canonical=canonical if self.config.meta.enabled else None,
            alternates=self.alternates(keys, base),
            json_ld=json_ld,
            found=found,
        )
        if not view:
            return output
        return meta.inject(output, self.render_head(view))

    def sitemap_date(self, post: Post) -> str:
        return sitemaps.lastmod(post, self.site.tz, dates.now())

    # -- facts ------------------------------------------------------------------------------

    def _names(self, kind: str, names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self.blog.display_name(kind, n) for n in names)  # type: ignore[arg-type]

    def image_meta(self, post: Post) -> meta.ImageMeta | None:
        """The post's cover as an absolute URL, with size and type when the file is ours."""
        image = post.image
        if image is None or not self.site.site_url:
            return None
        if not image.local:
            url = self.user_url(image.src)
            return meta.ImageMeta(url, image.alt, type=feeds.image_type(image.src)) if url else None
        found = self.asset(image.src)
        if found is None:
            return None
        size = None
        disk = found.src_path or found.dest_path
        try:
            with open(disk, "rb") as f:
                size = meta.image_size(f.read(65536))
        except OSError:
            pass
        return meta.ImageMeta(
            self.absolute(found.url) or found.url,
            image.alt,
            width=size[0] if size else None,
            height=size[1] if size else None,
            type=feeds.image_type(image.src),
        )

    def publisher(self) -> dict[str, Any]:
        cfg = self.config.meta
        logo = self.user_url(cfg.publisher_logo or self.config.feeds.logo)
        return meta.organization(cfg.publisher or self.site.site_name, logo)

    def authors(self, post: Post) -> tuple[meta.PersonFacts, ...]:
        people = []
        for author in post.authors:
            own = self.user_url(author.url)
            page = self.absolute(self.term_url("author", _slug(self.blog, author.name)))
            people.append(
                meta.PersonFacts(
                    name=author.name,
                    url=page or own,
                    same_as=(own,) if own and page else (),
                    image=self.user_url(author.avatar),
                )
            )
        return tuple(people)

    def article(self, post: Post, url: str | None, image: meta.ImageMeta | None) -> meta.ArticleFacts:
        return meta.ArticleFacts(
            headline=post.title,
            description=_short(post.summary) or None,
            url=url,
            published=post.date,
            modified=post.updated or post.date,
            image=image,
            authors=self.authors(post),
            keywords=self._names("tag", post.tags),
            sections=self._names("category", post.categories),
            word_count=post.words,
            language=meta.language_tag(self.site.locale),
            publisher=self.publisher(),
        )

    # -- feeds ------------------------------------------------------------------------------

    def entry(self, post: Post) -> feeds.Entry | None:
        """A post's feed entry, made once per build however many feeds carry it; characters XML
        does not allow and content too large for a feed entry are left out, with a warning."""
        if post.src_uri not in self.entries:
            entry = self._entry(post)
            if entry is not None:
                entry, problems = feeds.clean_entry(entry)
                for problem in problems:
                    log.warning("%s: %s", post.src_uri, problem)
            self.entries[post.src_uri] = entry
        return self.entries[post.src_uri]

    def _entry(self, post: Post) -> feeds.Entry | None:
        url = self.absolute(self.post_url(post))
        if url is None:
            return None
        title = post.title
        if post.status != "published":
            title = f"[{self.strings[post.status]}] {title}"
        content = None
        page_html = self.post_html.get(post.src_uri)
        if self.config.feeds.full_content and page_html is not None:
            content = feeds.entry_html(page_html, title=post.title, url=url, site_root=self.site.site_url or "")
        return feeds.Entry(
            url=url,
            title=title,
            summary=post.summary,
            content=content,
            published=post.date,
            updated=max(post.updated or post.date, post.date),
            authors=tuple(
                feeds.Person(a.name, self.user_url(a.url), self.user_url(a.avatar)) for a in post.authors
            ),
            categories=self._names("category", post.categories) + self._names("series", (post.series,) if post.series else ()),
            tags=self._names("tag", post.tags),
            image=self.enclosure(post),
        )

    def enclosure(self, post: Post) -> feeds.Enclosure | None:
        image = post.image
        if image is None:
            return None
        if not image.local:
            url = self.user_url(image.src)
            return feeds.Enclosure(url, feeds.image_type(image.src), None, image.alt) if url else None
        found = self.asset(image.src)
        url = self.absolute(found.url) if found else None
        if found is None or url is None:
            return None
        length = None
        for disk in (found.dest_path, found.src_path):
            if disk and Path(disk).is_file():
                length = Path(disk).stat().st_size
                break
        return feeds.Enclosure(url, feeds.image_type(image.src), length, image.alt)

    def channel(self, feed_set: FeedSet) -> feeds.Channel:
        entries = tuple(e for e in (self.entry(p) for p in feed_set.posts) if e is not None)
        updated = max((e.updated for e in entries), default=None) or dates.now()
        return feeds.Channel(
            title=feeds.xml_text(feed_set.title)[0],
            description=feeds.xml_text(feed_set.description)[0],
            home_url=self.absolute(feed_set.home) or "",
            feed_urls={fmt: self.absolute(feed_set.path(fmt)) or "" for fmt in feed_set.formats},
            language=meta.language_tag(self.site.locale),
            updated=updated,
            logo=self.user_url(self.config.feeds.logo),
            entries=entries,
        )

    def write(self, site_dir: str, *, own_files: frozenset[str]) -> None:
        """Write every planned feed, then the folder sitemaps Material's JavaScript asks for."""
        if not self.feeds_on:
            return
        written = {} if self.written is None else self.written
        count = 0
        for feed_set in self.feed_sets:
            channel = self.channel(feed_set)
            for fmt in feed_set.formats:
                path = feed_set.path(fmt)
                if path in own_files:
                    continue
                target = Path(outpaths.site_file(site_dir, path))
                if written.get(path) == (channel, _mtime(target)):
                    continue  # the same feed, and the file as this plugin wrote it
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(feeds.RENDERERS[fmt](channel))
                written[path] = (channel, _mtime(target))
                count += 1
        folders = [s.folder for s in self.feed_sets]
        site_map = sitemaps.read_site_map(site_dir)
        kept = [f"{folder}/{sitemaps.FILE_NAME}" for folder in folders if folder]
        if site_map != written.get(sitemaps.FILE_NAME) or not all(Path(site_dir, p).is_file() for p in kept):
            sitemaps.write_folder_sitemaps(site_dir, site_map, self.site.site_url or "", folders, skip=own_files)
            written[sitemaps.FILE_NAME] = site_map
        log.debug("feeds: %d written", count)


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _short(text: str | None, limit: int = _DESCRIPTION_LENGTH) -> str:
    """`text` cut at a word boundary to at most `limit` characters (with `…`)."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.-–—")
    return cut + "…"


def _slug(blog: Blog, name: str) -> str:
    term = blog.term("author", name)
    return term.slug if term else ""
