"""The feed files of one build: which feeds exist, their entries (made once per post), the visible
feed links of index pages, and writing them with the folder sitemaps."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog import dates, feeds, meta, outpaths, sitemaps
from mkdocs_ctoblog.blog import Blog
from mkdocs_ctoblog.feeds import FeedSet, Format
from mkdocs_ctoblog.feeds.cleaning import MAX_CONTENT
from mkdocs_ctoblog.posts import Post
from mkdocs_ctoblog.sharing.links import SiteLinks
from mkdocs_ctoblog.shown import shown
from mkdocs_ctoblog.views import FeedLink, rel

if TYPE_CHECKING:
    from mkdocs_ctoblog.config import CtoblogConfig

log = get_plugin_logger(__name__)


@dataclasses.dataclass(frozen=True)
class FeedCopyPlan:
    """One `feeds.also_at` copy of this build: the feed set (`key`) and format it copies, and who
    writes it (for the URL map's collision errors)."""

    path: str
    format: Format
    key: str
    owner: str


class FeedFiles:
    """The feeds of one build: planned after the posts are read, written after the pages are built."""

    def __init__(self, config: CtoblogConfig, links: SiteLinks) -> None:
        self.config = config
        self.links = links
        self.strings = config.strings
        self.feed_sets: list[FeedSet] = []
        self.copies: list[FeedCopyPlan] = []  # `feeds.also_at` of this build; none when no feeds are written
        self.full_content_posts: frozenset[str] = frozenset()
        self.post_html: dict[str, str] = {}
        # `mkdocs serve --dirty`: what the last build wrote (feed path -> channel, and the sitemap
        # it cut the folder sitemaps from), kept by the plugin; an unchanged file is not written again
        self.written: dict[str, object] | None = None
        self.entries: dict[str, feeds.Entry | None] = {}

    @property
    def feeds_on(self) -> bool:
        cfg = self.config.feeds
        return bool(cfg.enabled and self.links.site.site_url and self.formats)

    @property
    def formats(self) -> tuple[Format, ...]:
        cfg = self.config.feeds
        return tuple(f for f in feeds.FORMATS if getattr(cfg, f))

    def plan(self, blog: Blog) -> list[str]:
        """Decide which feeds exist (after the posts are read); return their site paths."""
        term_url = self.links.term_url
        self.feed_sets = []
        self.copies = []
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
            site_name=self.links.site.site_name,
            site_description=self.links.site.site_description,
            strings=self.strings,
        )
        if cfg.full_content:
            self.full_content_posts = frozenset(p.src_uri for s in self.feed_sets for p in s.posts)
        self.copies = self._plan_copies(blog)
        return [s.path(fmt) for s in self.feed_sets for fmt in s.formats]

    def _plan_copies(self, blog: Blog) -> list[FeedCopyPlan]:
        """`feeds.also_at` of this build; a category no shown post has is one warning each."""
        planned = []
        for path, copy in self.config.feeds.also_at.items():
            if copy.category is None:
                term, feed_set = None, self.feed_set("")
            else:
                term = blog.term("category", copy.category)
                feed_set = self.feed_set(term.slug) if term is not None else None
            if feed_set is None:
                log.warning(
                    "mkdocs.yml: 'feeds.also_at' %s: %s names a category no post has; no feed is written there",
                    shown(path), copy.shown(),
                )
                continue
            if copy.format not in feed_set.formats:
                continue
            what = f"the blog's {feeds.NAMES[copy.format]} feed" if term is None else (
                f"the {feeds.NAMES[copy.format]} feed of category {shown(term.name)}"
            )
            planned.append(FeedCopyPlan(path, copy.format, feed_set.key, f"{what} also at '{path}' (feeds.also_at)"))
        return planned

    def folder_sitemaps(self) -> list[str]:
        """Site paths of the sitemaps written next to the feeds (see `sitemaps`)."""
        return [f"{s.folder}/{sitemaps.FILE_NAME}" for s in self.feed_sets if s.folder]

    def feed_set(self, key: str) -> FeedSet | None:
        return next((s for s in self.feed_sets if s.key == key), None)

    def feed_links(self, key: str, base: str) -> tuple[FeedLink, ...]:
        """Visible links to the feeds of the blog (`key` "") or a category, relative to `base`."""
        feed_set = self.feed_set(key)
        if feed_set is None:
            return ()
        return tuple(
            FeedLink(self.strings[feeds.STRING_KEYS[fmt]], rel(feed_set.path(fmt), base), feeds.MEDIA_TYPES[fmt])
            for fmt in feed_set.formats
        )

    def keep_html(self, post: Post, content: str) -> None:
        """Remember a post's rendered HTML (after every `on_page_content`) for its feed entry;
        only for posts some feed carries in full, so memory does not grow with the archive."""
        if post.src_uri in self.full_content_posts:
            self.post_html[post.src_uri] = content

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
        url = self.links.absolute(self.links.post_url(post))
        if url is None:
            return None
        title = post.title
        if post.status != "published":
            title = f"[{self.strings[post.status]}] {title}"
        content = None
        page_html = self.post_html.get(post.src_uri)
        if self.config.feeds.full_content and page_html is not None and len(page_html) > MAX_CONTENT:
            content = page_html  # too large: clean_entry leaves it out, with a warning
        elif self.config.feeds.full_content and page_html is not None:
            content = feeds.entry_html(page_html, title=post.title, url=url, site_root=self.links.site.site_url or "")
        return feeds.Entry(
            url=url,
            title=title,
            summary=post.summary,
            content=content,
            published=post.date,
            updated=max(post.updated or post.date, post.date),
            authors=tuple(
                feeds.Person(a.name, self.links.user_url(a.url), self.links.user_url(a.avatar)) for a in post.authors
            ),
            categories=self.links.names("category", post.categories) + self.links.names("series", (post.series,) if post.series else ()),
            tags=self.links.names("tag", post.tags),
            image=self.enclosure(post),
        )

    def enclosure(self, post: Post) -> feeds.Enclosure | None:
        image = post.image
        if image is None:
            return None
        if not image.local:
            url = self.links.user_url(image.src)
            return feeds.Enclosure(url, feeds.image_type(image.src), None, image.alt) if url else None
        found = self.links.asset(image.src)
        url = self.links.absolute(found.url) if found else None
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
            home_url=self.links.absolute(feed_set.home) or "",
            feed_urls={fmt: self.links.absolute(feed_set.path(fmt)) or "" for fmt in feed_set.formats},
            language=meta.language_tag(self.links.site.locale),
            updated=updated,
            logo=self.links.user_url(self.config.feeds.logo),
            entries=entries,
        )

    def write(self, site_dir: str, *, own_files: frozenset[str]) -> None:
        """Write every planned feed and its copies (`feeds.also_at`), then the folder sitemaps
        Material's JavaScript asks for."""
        if not self.feeds_on:
            return
        written = {} if self.written is None else self.written
        count = 0
        for feed_set in self.feed_sets:
            channel = self.channel(feed_set)
            for fmt in feed_set.formats:
                path = feed_set.path(fmt)
                if path not in own_files:
                    count += self._write(site_dir, path, fmt, channel, written)
            for planned in self.copies:
                if planned.key == feed_set.key:
                    # the same feed; its self link (Atom, RSS) or feed_url (JSON) is where this copy is
                    own_url = self.links.absolute(quote(planned.path)) or ""
                    copy = dataclasses.replace(channel, feed_urls={**channel.feed_urls, planned.format: own_url})
                    count += self._write(site_dir, planned.path, planned.format, copy, written)
        folders = [s.folder for s in self.feed_sets]
        site_map = sitemaps.read_site_map(site_dir)
        kept = [f"{folder}/{sitemaps.FILE_NAME}" for folder in folders if folder]
        if site_map != written.get(sitemaps.FILE_NAME) or not all(Path(site_dir, p).is_file() for p in kept):
            sitemaps.write_folder_sitemaps(site_dir, site_map, self.links.site.site_url or "", folders, skip=own_files)
            written[sitemaps.FILE_NAME] = site_map
        log.debug("feeds: %d written", count)

    @staticmethod
    def _write(site_dir: str, path: str, fmt: Format, channel: feeds.Channel, written: dict[str, object]) -> int:
        """Write one feed file unless the last build wrote the same one and it is still as written
        (`mkdocs serve --dirty`); return how many files were written."""
        target = Path(outpaths.site_file(site_dir, path))
        if written.get(path) == (channel, _mtime(target)):
            return 0
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(feeds.RENDERERS[fmt](channel))
        written[path] = (channel, _mtime(target))
        return 1


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None
