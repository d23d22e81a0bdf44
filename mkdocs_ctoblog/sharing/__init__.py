"""What leaves the site: feeds, social and structured-data meta, sitemap dates (SPEC §3, §4).

`Sharing` holds one build's state between the page events and `on_post_build`: `links` (absolute
URLs, names), `feed_files` (the feeds) and `head` (the head tags). It takes plain values and
callables from the plugin (site-relative URLs, files on disk) and calls `feeds`, `meta` and
`sitemaps`; it never sees MkDocs `File` or `Page` objects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog import dates, meta, sitemaps
from mkdocs_ctoblog.blog import Blog
from mkdocs_ctoblog.posts import Post
from mkdocs_ctoblog.sharing.feed_files import FeedFiles
from mkdocs_ctoblog.sharing.head import HeadTags
from mkdocs_ctoblog.sharing.links import Asset, SiteFacts, SiteLinks

if TYPE_CHECKING:
    from mkdocs_ctoblog.config import CtoblogConfig

__all__ = ["Asset", "Sharing", "SiteFacts"]

log = get_plugin_logger(__name__)


class Sharing:
    """Feeds, head tags and sitemap dates of one build."""

    def __init__(self, config: CtoblogConfig, site: SiteFacts, *, render_head: Callable[[meta.HeadView], str]) -> None:
        self.config = config
        self.links = SiteLinks(site)
        self.feed_files = FeedFiles(config, self.links)
        self.head = HeadTags(config, self.links, self.feed_files, render_head)

    def check_site_url(self) -> None:
        """One warning when feeds (or absolute meta) are wanted but `site_url` is not set."""
        if self.links.site.site_url:
            return
        wanted = [name for name, on in (("feeds", self.config.feeds.enabled and self.feed_files.formats),
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
        """Take this build's blog and URLs; decide which feeds exist and return their site paths."""
        self.links.blog, self.links.post_url, self.links.term_url, self.links.asset = blog, post_url, term_url, asset
        return self.feed_files.plan(blog)

    def sitemap_date(self, post: Post) -> str:
        return sitemaps.lastmod(post, self.links.site.tz, dates.now())
