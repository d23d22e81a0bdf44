"""The `ctoblog` plugin: wires MkDocs events to the modules that do the work."""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from mkdocs_ctoblog import (
    bodylinks,
    build_summary,
    dirty_serve,
    indexes,
    outpaths,
    placement,
    sharing,
    theme_meta,
    views,
)
from mkdocs_ctoblog.cache import Kept
from mkdocs_ctoblog.config import CtoblogConfig
from mkdocs_ctoblog.lookup import file_at
from mkdocs_ctoblog.rebuilds import Rebuilds
from mkdocs_ctoblog.render import Renderer
from mkdocs_ctoblog.site_build import SiteBuild
from mkdocs_ctoblog.theme_setup import add_to_config, site_locale
from mkdocs_ctoblog.timing import Timings

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from mkdocs_ctoblog.posts import Post


class CtoblogPlugin(BasePlugin[CtoblogConfig]):
    """Posts, index pages and blocks of a consultant's blog."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.is_serve = False
        self.kept = Kept()  # kept across the rebuilds of one `mkdocs serve`
        self.rebuilds: Rebuilds | None = None  # `mkdocs serve --dirty` only

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is `mkdocs serve` (drafts are shown there), and with `--dirty`."""
        self.is_serve = command == "serve"
        self.kept.posts.enabled = self.kept.cards.enabled = self.is_serve
        if self.is_serve and dirty:
            self.rebuilds = Rebuilds()

    def on_shutdown(self) -> None:
        """Remove the stable source of unchanged index pages (`mkdocs serve --dirty`)."""
        if self.rebuilds is not None:
            self.rebuilds.close()
            self.rebuilds = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Reset per-build state; add our templates, stylesheet and Jinja environment."""
        self.timings = Timings()
        self.posts: dict[str, Post] = {}  # public, like `url_map`: every post read, by source path
        self.link_findings = bodylinks.Findings()
        self.site_paths: bodylinks.SitePaths | None = None
        self.rendering: bodylinks.SiteFile | None = None  # the page between on_page_markdown and on_page_content
        if not self.config.enabled:
            return None
        config.markdown_extensions.append(
            bodylinks.LinkExtension(lambda: self.site_paths, lambda: self.rendering, self.link_findings)
        )
        self.markdown = (config.markdown_extensions, config.mdx_configs)
        self.tz = ZoneInfo(self.config.timezone)
        self.locale = site_locale(self.config, config)
        add_to_config(config, self.config)
        self.renderer = Renderer(
            config.theme.dirs, self.config.strings, bytecode_cache=self.kept.templates if self.is_serve else None
        )
        self.formatter = views.Formatter(
            self.tz, self.locale, self.config.date_format, self.config.strings, texts=self.kept.date_texts
        )
        site = sharing.SiteFacts(config.site_url, config.site_name, config.site_description, self.locale, self.tz)
        self.sharing = sharing.Sharing(self.config, site, render_head=self.renderer.head)
        self.sharing.feed_files.post_html = self.kept.post_html
        self.sharing.feed_files.written = self.kept.feeds_written if self.rebuilds is not None else None
        self.sharing.check_site_url()
        return config

    @property
    def show_unpublished(self) -> bool:
        return self.is_serve and self.config.drafts_on_serve

    @event_priority(-50)  # run late, so that files added by other plugins are seen
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Read every post, give it its URL, drop unpublished ones, and generate index pages."""
        if not self.config.enabled:
            return None
        with self.timings.measure("on_files"):
            self.build = SiteBuild(
                files,
                config,
                self.config,
                kept=self.kept,
                rebuilds=self.rebuilds,
                tz=self.tz,
                locale=self.locale,
                show_unpublished=self.show_unpublished,
                markdown=self.markdown,
                renderer=self.renderer,
                formatter=self.formatter,
                sharing=self.sharing,
            )
            self.posts, self.url_map, self.site_paths = self.build.posts, self.build.url_map, self.build.site_paths
            if self.rebuilds is not None:
                dirty_serve.rebuild_only_what_changed(
                    self.rebuilds,
                    self.build,
                    files,
                    config,
                    self.config,
                    ranking_reused=self.kept.ranking.reused,
                    previous_ranking=self.kept.ranking.previous,
                )
            self.kept.ranking.previous = None  # compared: not kept in memory
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Give posts their own body, escaped title and meta; give index pages their title."""
        if not self.config.enabled:
            return None
        self.rendering = bodylinks.SiteFile(page.file.src_uri, page.url, page.file.dest_uri)
        post = self.posts.get(page.file.src_uri)
        listing = self.build.index_pages.listings.get(page.file.src_uri)
        if post is not None:
            page.meta = meta = theme_meta.post_page_meta(post, self.build.present.post_meta(post, page.url))
            theme_meta.drop_missing_theme_files(meta, post.src_uri, config.theme)
            self.sharing.head.page_meta(post, meta)
            page.title = meta["title"]
            return post.body
        if listing is not None:
            self.build.index_pages.set_title(page, listing)
        return None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Add the post header to posts, and a slot for the cards to index pages."""
        if not self.config.enabled:
            return None
        with self.timings.measure("on_page_content"):
            src = page.file.src_uri
            post = self.posts.get(src)
            if self.rendering is not None and self.site_paths is not None:
                html = bodylinks.rewrite_html(
                    html, self.rendering, self.site_paths, self.link_findings, report_missing=post is not None
                )
                self.rendering = None
            listing = self.build.index_pages.listings.get(src)
            if listing is not None:  # the page's blocks (a CTA it asks for) go after the cards
                html = self.build.index_pages.add_header(html, page, listing)
            html = self.build.slots.place(
                html,
                src=src,
                url=page.url,
                meta=page.meta,
                page_title=page.title,
                section=page.parent.title if page.parent else None,
                post=post,
            )
            if post is not None:
                theme_meta.post_hide(page.meta, self.config.post_hide, page.toc)
                card = self.build.present.card(post, page.url)
                return placement.add_post_header(html, post.title, self.renderer.post_header, card)
        return html

    @event_priority(50)  # run early, before other plugins (minifiers) rewrite the page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Swap slots for the rendered cards, after the search index has been built."""
        if not self.config.enabled:
            return None
        with self.timings.measure("on_post_page"):
            output = self.build.slots.fill(output, src=page.file.src_uri, url=page.url)
            listing = self.build.index_pages.listings.get(page.file.src_uri)
            return output if listing is None else self.build.index_pages.fill(output, page, listing)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Give posts their sitemap `lastmod` (updated, else date): MkDocs renders sitemap.xml next.
        Under `mkdocs serve`, the theme's templates are compiled once, not on every rebuild."""
        if not self.config.enabled:
            return None
        if self.is_serve:
            env.bytecode_cache = self.kept.templates
        for src, post in self.posts.items():
            file = file_at(files, src)
            if file is not None and file.page is not None:
                file.page.update_date = self.sharing.sitemap_date(post)
        return None

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """`mkdocs serve --dirty`: pages MkDocs does not render again keep last build's nav titles
        (MkDocs takes a title from the page's first heading, which only rendering reads)."""
        if self.config.enabled and self.rebuilds is not None:
            for page in nav.pages:
                if page.title is None and page.file.src_uri in self.rebuilds.titles:
                    page.title = self.rebuilds.titles[page.file.src_uri]  # type: ignore[assignment]
        return None

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Keep each post's final HTML (after every plugin's `on_page_content`) for its feed entry."""
        if not self.config.enabled:
            return None
        post = self.posts.get(page.file.src_uri)
        if post is not None:
            self.sharing.feed_files.keep_html(post, page.content or "")
        if self.rebuilds is not None:
            self.rebuilds.titles[page.file.src_uri] = page.title
        return None

    @event_priority(-50)  # run late: other plugins (Material's social cards, at 50) have written their tags
    def _on_post_page_head(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Add social meta, canonical, feed links and JSON-LD to the head of posts and index pages,
        leaving out any tag the theme or another plugin already wrote."""
        if not self.config.enabled:
            return None
        with self.timings.measure("on_post_page (head)"):
            post = self.posts.get(page.file.src_uri)
            if post is not None:
                return self.sharing.head.post_head(output, post, page.url)
            listing = self.build.index_pages.listings.get(page.file.src_uri)
            if listing is not None:
                return self.build.index_pages.head(output, page, listing)
        return None

    on_post_page = CombinedEvent(on_post_page, _on_post_page_head)  # type: ignore[assignment,no-redef]

    @event_priority(50)  # run early: before MkDocs' search plugin writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the feeds; one summary line per build, and the timings at debug level."""
        if not self.config.enabled:
            return
        indexes.leave_out_of_core_search(config, self.build.generated_listing_urls)
        with self.timings.measure("on_post_build (feeds)"):
            try:
                self.sharing.feed_files.write(config.site_dir, own_files=self.build.own_feed_files)
            except outpaths.UnsafePath as exc:
                raise PluginError(f"ctoblog: not written: {exc}") from None
        bodylinks.report(self.link_findings)
        self.build.blocks.warn_unconfigured()
        build_summary.log_summary(self.posts, self.build.blog, self.kept.pasted, show_unpublished=self.show_unpublished)
        if self.build.bodies is not None:
            self.build.bodies.warn()
        build_summary.log_unpublished(self.posts, show_unpublished=self.show_unpublished)
        if self.rebuilds is not None:
            self.rebuilds.finish(self.build.slots.latest_now(), links_missed=self.build.blocks.links.resolver.missed)
        self.timings.log()
