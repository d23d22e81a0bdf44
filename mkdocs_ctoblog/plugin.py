"""The `ctoblog` plugin: wires MkDocs events to the modules that do the work."""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from mkdocs_ctoblog import (
    blocks,
    bodylinks,
    dates,
    images,
    indexes,
    inject,
    markdown_text,
    outpaths,
    placement,
    rebuilds,
    redirects,
    related,
    series,
    sharing,
    sources,
    theme_meta,
    urlmap,
    views,
)
from mkdocs_ctoblog.blocks import author_bio, share_links
from mkdocs_ctoblog.blog import Blog, TermKind, build_blog
from mkdocs_ctoblog.cache import PostCache
from mkdocs_ctoblog.config import CtoblogConfig, ListingConfig
from mkdocs_ctoblog.jekyll.bodies import BodyTranslator, build_site
from mkdocs_ctoblog.posts import Post, ReadSettings
from mkdocs_ctoblog.rebuilds import Rebuilds
from mkdocs_ctoblog.render import TEMPLATES_DIR, Renderer
from mkdocs_ctoblog.timing import Timings
from mkdocs_ctoblog.urls import slugify

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)

LISTING_SLOT = "<!-- ctoblog:listing -->"


class CtoblogPlugin(BasePlugin[CtoblogConfig]):
    """Posts, index pages and blocks of a consultant's blog."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.is_serve = False
        self.cache = PostCache()  # kept across the rebuilds of one `mkdocs serve`
        self.ranking: tuple[tuple[object, ...], related.Related] | None = None  # likewise
        self.image_size_cache: images.SizeCache = {}  # likewise, keyed by file and mtime
        self.ranking_reused = False
        self.rebuilds: Rebuilds | None = None  # `mkdocs serve --dirty` only
        # kept across rebuilds, for pages a `--dirty` rebuild does not render again:
        self.post_html: dict[str, str] = {}  # posts' HTML for the feeds
        self.page_infos: dict[str, blocks.PageInfo] = {}  # pages' titles for page cards
        self.pasted: dict[str, tuple[str, ...]] = {}  # pasted blocks found in posts

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is `mkdocs serve` (drafts are shown there), and with `--dirty`."""
        self.is_serve = command == "serve"
        self.cache.enabled = self.is_serve
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
        self.posts: dict[str, Post] = {}
        self.blog = Blog(posts=())
        self.listings: dict[str, indexes.Listing] = {}
        self.own_feed_files: frozenset[str] = frozenset()
        self.generated_listing_urls: frozenset[str] = frozenset()
        self.url_map = urlmap.UrlMap()
        self.moved_pages: list[File] = []
        self.plans: dict[str, blocks.Plan] = {}
        self.latest: dict[str, list[inject.LatestRequest]] = {}
        self.markdown = (config.markdown_extensions, config.mdx_configs)
        self.bodies: BodyTranslator | None = None
        self.link_findings = bodylinks.Findings()
        self.site_paths: bodylinks.SitePaths | None = None
        self.rendering: bodylinks.SiteFile | None = None  # the page between on_page_markdown and on_page_content
        if not self.config.enabled:
            return None
        config.markdown_extensions.append(
            bodylinks.LinkExtension(lambda: self.site_paths, lambda: self.rendering, self.link_findings)
        )
        self.tz = ZoneInfo(self.config.timezone)
        self.locale = _site_locale(self.config.locale or config.theme.get("language") or config.theme.get("locale"))
        if str(TEMPLATES_DIR) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES_DIR))
        if "ctoblog/ctoblog.css" not in config.extra_css:
            config.extra_css.append("ctoblog/ctoblog.css")
        if self.config.jekyll_config is not None and self.config.jekyll_config not in config.watch:
            config.watch.append(self.config.jekyll_config)  # `mkdocs serve` rebuilds when _config.yml changes
        if "copy" in self.config.share and share_links.SCRIPT not in map(str, config.extra_javascript):
            config.extra_javascript.append(share_links.SCRIPT)
        self.renderer = Renderer(config.theme.dirs, self.config.strings)
        self.formatter = views.Formatter(self.tz, self.locale, self.config.date_format, self.config.strings)
        site = sharing.SiteFacts(config.site_url, config.site_name, config.site_description, self.locale, self.tz)
        self.sharing = sharing.Sharing(
            self.config, site, show_unpublished=self.show_unpublished, render_head=self.renderer.head
        )
        self.sharing.post_html = self.post_html
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
            sources.check_posts_dir(
                files,
                config.docs_dir,
                self.config.resolved_posts_dir(),
                blog_dir=None if self.config.posts_dir else self.config.blog_dir.strip("/"),
            )
            self.moved_pages = sources.move_pages_with_permalink(
                files,
                posts_dir=self.config.resolved_posts_dir(),
                blog_dir=self.config.blog_dir,
                use_directory_urls=config.use_directory_urls,
            )
            self.posts = sources.collect_posts(
                files,
                posts_dir=self.config.resolved_posts_dir(),
                blog_dir=self.config.blog_dir,
                settings=self._read_settings(files, config),
                cache=self.cache,
                now=dates.now(),
                future=self.config.future,
                show_unpublished=self.show_unpublished,
            )
            read_urls = {f.src_uri: f.url for f in files}  # listing pages come later
            self.bodies = self._body_translator(config, read_urls)
            if self.bodies is not None:  # before cards and feeds take the posts' excerpts
                self.posts = self.bodies.translate_posts(self.posts, read_urls, self.config.excerpt_separator)
            shown = [p for p in self.posts.values() if p.status == "published" or self.show_unpublished]
            self.blog = build_blog(shown, enabled_kinds=self._term_kinds())
            series.check(self.blog)
            planned = indexes.plan_listings(self.blog, blog_dir=self.config.blog_dir, styles=self._index_styles())
            listing_files = indexes.add_listing_files(planned, files, config)
            self.listings = {listing_files[lst.src_uri].src_uri: lst for lst in planned}
            self.listing_urls = {src: file.url for src, file in listing_files.items()}
            self.generated_listing_urls = frozenset(file.url for file in listing_files.values() if file.generated_by)
            doc_urls = {f.src_uri: f.url for f in files}
            linker = views.Linker(
                post_urls={src: doc_urls[src] for src in self.posts if src in doc_urls},
                doc_url=doc_urls.get,
                term_urls={
                    (lst.kind, lst.term.slug): self.listing_urls[lst.src_uri]  # type: ignore[misc]
                    for lst in planned
                    if lst.term is not None and lst.number == 1
                },
                image_size=self._image_size(files),
            )
            self.present = views.Presenter(
                blog=self.blog,
                linker=linker,
                formatter=self.formatter,
                listing_urls=self.listing_urls,
                feed_links=self.sharing.feed_links,
                show_badges=self.show_unpublished,
                show_topics=self.config.index_topics,
            )
            feed_paths = self.sharing.plan(
                self.blog,
                post_url=lambda post: linker.post_urls.get(post.src_uri),
                term_url=self._index_url,
                asset=lambda path: _asset(files, path),
            )
            self.own_feed_files = indexes.add_feed_files(feed_paths, files, config) | frozenset(
                path for path in self.sharing.folder_sitemaps() if files.get_file_from_path(path)
            )
            self.url_map = self._url_map(files, config, generated={*self.listings, *feed_paths})
            self.blocks = self._blocks(doc_urls)
            if self.config.redirects.enabled:
                redirects.add_redirect_files(
                    self.posts.values(),
                    files,
                    config,
                    claim=self.url_map.claim,
                    render=self.renderer.redirect,
                    lang=self.locale.replace("_", "-"),
                )
            self.site_paths = bodylinks.SitePaths(
                (bodylinks.SiteFile(f.src_uri, f.url, f.dest_uri) for f in files),
                urlsplit(config.site_url or "/").path,
                others=self.url_map.owner,  # the theme's sitemap.xml, the search index
            )
            _keep_only(self.post_html, self.posts)
            _keep_only(self.pasted, self.posts)
            _keep_only(self.page_infos, doc_urls)
            if self.rebuilds is not None:
                self._rebuild_only_what_changed(files, config, listing_files)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Give posts their own body, escaped title and meta; give index pages their title."""
        if not self.config.enabled:
            return None
        self.rendering = bodylinks.SiteFile(page.file.src_uri, page.url, page.file.dest_uri)
        post = self.posts.get(page.file.src_uri)
        listing = self.listings.get(page.file.src_uri)
        if post is not None:
            page.meta = meta = theme_meta.post_page_meta(post, self.present.post_meta(post, page.url))
            self.sharing.page_meta(post, meta)
            page.title = meta["title"]
            meta.setdefault("hide", list(self.config.post_hide))
            return post.body
        if listing is not None:
            title = page.meta.get("title") or self.present.listing_title(listing)
            _set_page_text(page, title, page.meta.get("description"))
            if page.file.generated_by:  # they only repeat posts (Material's search reads this)
                page.meta.setdefault("search", {"exclude": True})
            page.meta.setdefault("hide", list(self.config.index_hide))
        return None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Add the post header to posts, and a slot for the cards to index pages."""
        if not self.config.enabled:
            return None
        with self.timings.measure("on_page_content"):
            post = self.posts.get(page.file.src_uri)
            if self.rendering is not None and self.site_paths is not None:
                html = bodylinks.rewrite_html(
                    html, self.rendering, self.site_paths, self.link_findings, report_missing=post is not None
                )
                self.rendering = None
            listing = self.listings.get(page.file.src_uri)
            if listing is not None:  # the page's blocks (a CTA it asks for) go after the cards
                view = self._listing_view(listing, page, with_cards=False)
                html = placement.add_index_header(html, self.renderer.index_header, view) + LISTING_SLOT
            html = self._place_blocks(html, page)
            if post is not None:
                card = self.present.card(post, page.url)
                return placement.add_post_header(html, post.title, self.renderer.post_header, card)
        return html

    @event_priority(50)  # run early, before other plugins (minifiers) rewrite the page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Swap slots for the rendered cards, after the search index has been built."""
        if not self.config.enabled:
            return None
        with self.timings.measure("on_post_page"):
            output = self._fill_blocks(output, page)
            listing = self.listings.get(page.file.src_uri)
            if listing is None or LISTING_SLOT not in output:
                return output
            listing_html = self.renderer.listing(self._listing_view(listing, page))
            return output.replace(LISTING_SLOT, listing_html, 1)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Give posts their sitemap `lastmod` (updated, else date): MkDocs renders sitemap.xml next."""
        if not self.config.enabled:
            return None
        for src, post in self.posts.items():
            file = files.get_file_from_path(src)
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
            self.sharing.keep_html(post, page.content or "")
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
                return self.sharing.post_head(output, post, page.url)
            listing = self.listings.get(page.file.src_uri)
            if listing is not None:
                description = page.meta.get("description")
                return self.sharing.listing_head(
                    output,
                    listing,
                    page.url,
                    title=html.unescape(str(page.title or self.present.listing_title(listing))),
                    description=html.unescape(description) if isinstance(description, str) else None,
                    kicker=self.present.kicker(listing),
                )
        return None

    on_post_page = CombinedEvent(on_post_page, _on_post_page_head)  # type: ignore[assignment,no-redef]

    @event_priority(50)  # run early: before MkDocs' search plugin writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the feeds; one summary line per build, and the timings at debug level."""
        if not self.config.enabled:
            return
        indexes.leave_out_of_core_search(config, self.generated_listing_urls)
        with self.timings.measure("on_post_build (feeds)"):
            try:
                self.sharing.write(config.site_dir, own_files=self.own_feed_files)
            except outpaths.UnsafePath as exc:
                raise PluginError(f"ctoblog: not written: {exc}") from None
        bodylinks.report(self.link_findings)
        self.blocks.warn_unconfigured()
        counts = {s: sum(p.status == s for p in self.posts.values()) for s in ("published", "draft", "scheduled")}
        pasted = sorted(src for src, found in self.pasted.items() if found)
        log.info(
            "%d posts built, %d drafts and %d scheduled %s, %d categories%s",
            counts["published"],
            counts["draft"],
            counts["scheduled"],
            "shown as such" if self.show_unpublished else "left out",
            len(self.blog.terms.get("category", ())),
            f"; {len(pasted)} posts still contain a pasted 'Read next' list or call to action, which the "
            "blocks now add (mkdocs build --verbose names them)"
            if pasted
            else "",
        )
        for src in pasted:
            log.debug("%s: pasted %s found; delete it, the plugin adds this block", src, " and ".join(self.pasted[src]))
        if self.bodies is not None:
            self.bodies.warn()
        for post in sorted((p for p in self.posts.values() if p.status != "published"), key=lambda p: (p.date, p.src_uri)):
            shown = "shown" if self.show_unpublished else "left out"
            log.debug("%s: %s post dated %s, %s", post.src_uri, post.status, post.date.isoformat(), shown)
        if self.rebuilds is not None:
            self.rebuilds.finish(self._latest_now())
        self.timings.log()

    # -- helpers ------------------------------------------------------------------------

    def _url_map(self, files: Files, config: MkDocsConfig, *, generated: set[str]) -> urlmap.UrlMap:
        """Every output path of the build, ours claimed: a collision stops the build before anything is written."""
        url_map = urlmap.UrlMap()
        moved = {id(f) for f in self.moved_pages}
        ours = [
            f for f in files
            if f.src_uri in self.posts or id(f) in moved or (f.generated_by and f.src_uri in generated)
        ]
        urlmap.claim_site(
            url_map, files, ours=ours, static_templates=config.theme.static_templates, plugins=config.plugins.keys()
        )
        for path in self.sharing.folder_sitemaps():
            if path not in self.own_feed_files:
                url_map.claim(path, f"the folder sitemap '{path}'")
        return url_map

    def _term_kinds(self) -> set[TermKind]:
        enabled = {
            "category": self.config.categories.enabled,
            "tag": self.config.tags.enabled,
            "author": self.config.authors.enabled,
            "archive": self.config.archive.enabled,
            "series": self.config.series.enabled,
        }
        return {kind for kind, on in enabled.items() if on}  # type: ignore[misc]

    def _index_styles(self) -> dict[indexes.ListingKind, indexes.IndexStyle]:
        """The indexes to generate and how each shows its posts; author pages only when the blog
        has `authors.min_authors` authors."""
        per_page = self.config.pagination
        styles: dict[indexes.ListingKind, indexes.IndexStyle] = {"blog": indexes.IndexStyle("cards", per_page)}
        options: dict[indexes.ListingKind, ListingConfig] = {
            "category": self.config.categories,
            "tag": self.config.tags,
            "archive": self.config.archive,
            "series": self.config.series,
        }
        if len(self.blog.terms.get("author", ())) >= self.config.authors.min_authors:
            options["author"] = self.config.authors
        for kind, option in options.items():
            if kind in self.blog.terms:
                styles[kind] = indexes.IndexStyle(option.layout, per_page if option.paginate else None)  # type: ignore[arg-type]
        return styles

    def _read_settings(self, files: Files, config: MkDocsConfig) -> ReadSettings:
        return ReadSettings(
            tz=self.tz,
            blog_dir=self.config.blog_dir,
            post_url_format=self.config.post_url_format,
            use_directory_urls=config.use_directory_urls,
            words_per_minute=self.config.words_per_minute,
            authors=sources.read_authors_file(config.docs_dir, self.config.resolved_authors_file()),
            categories_allowed=frozenset(slugify(c) for c in self.config.categories_allowed),
            doc_paths=frozenset(f.src_uri for f in files),
            posts_dir=self.config.resolved_posts_dir(),
            slug_case=self.config.resolved_slug_case(),
            excerpt_separator=self.config.excerpt_separator,
            previous_post_url_formats=self.config.resolved_previous_post_url_formats(),
        )

    def _image_size(self, files: Files) -> images.SizeOf:
        def abs_path(doc_path: str) -> str | None:
            file = files.get_file_from_path(doc_path)
            return file.abs_src_path if file is not None else None

        return images.image_sizes(abs_path, self.image_size_cache)

    def _blocks(self, doc_urls: dict[str, str]) -> blocks.Blocks:
        """The blocks of this build: read-next ranking over the published posts, CTA Markdown, links."""
        ranking = self._ranking([p for p in self.posts.values() if p.status == "published"])
        site = blocks.Site(
            posts=self.posts,
            doc_urls=doc_urls,
            posts_dir=self.config.resolved_posts_dir(),
            show_unpublished=self.show_unpublished,
            pages=self.page_infos,
            next_parts=series.next_parts(self.blog),
        )
        extensions, configs = self.markdown
        cta_text = markdown_text.MarkdownText(extensions, configs, lambda url, base: self.blocks.resolve(url, base))
        bio_text = markdown_text.MarkdownText(extensions, configs, lambda url, base: bios.resolve(url, base))
        bios = author_bio.AuthorBios(
            enabled=self.config.author_bio.enabled,
            text=bio_text,
            resolve=site.resolver.resolve,
            authors_file=self.config.resolved_authors_file(),
            strings=self.config.strings,
        )
        post_blocks: dict[str, blocks.PostBlock] = {
            "share": share_links.ShareLinks(self.config.share, self.sharing.absolute, self.config.strings),
            "author_bio": bios,
            "series": series.SeriesBox(
                self.blog, self.present.linker.post, lambda slug: self._index_url("series", slug)
            ),
        }
        return blocks.Blocks(
            self.config,
            site,
            related=ranking,
            card=self.present.card,
            cta_text=cta_text,
            locale=self.locale,
            post_blocks=post_blocks,
        )

    def _body_translator(self, config: MkDocsConfig, doc_urls: dict[str, str]) -> BodyTranslator | None:
        """Jekyll's Liquid and kramdown in post bodies, translated with this build's files and URLs."""
        if not self.config.liquid.enabled:
            return None
        variables = {"title": config.site_name, "description": config.site_description, "author": config.site_author}
        site = build_site(
            site_url=config.site_url,
            variables={k: v for k, v in variables.items() if v},
            post_srcs=self.posts,
            posts_dir=self.config.resolved_posts_dir(),
            doc_urls=doc_urls,
            tags=self.config.liquid.tags,
        )
        return BodyTranslator(site, config.markdown_extensions)

    def _ranking(self, published: list[Post]) -> related.Related:
        """The read-next index; across `mkdocs serve` rebuilds the previous one (and the picks it
        made) is kept while no post's title, description, categories, tags or date changed."""
        weights = self.config.read_next.weights
        inputs = related.Related.inputs(
            published, related.Weights(weights.category, weights.tag, weights.words, weights.recency)
        )
        self.ranking_reused = self.ranking is not None and self.ranking[0] == inputs
        if self.ranking is not None and self.ranking_reused:
            self.ranking[1].refresh(published)
            return self.ranking[1]
        ranking = related.Related(published, inputs[0])  # type: ignore[arg-type]
        self.ranking = (inputs, ranking)
        return ranking

    def _rebuild_only_what_changed(self, files: Files, config: MkDocsConfig, listing_files: dict[str, File]) -> None:
        """`mkdocs serve --dirty`: let MkDocs skip the index pages, posts and pages whose ctoblog
        content did not change since the last build, and build again those whose did."""
        assert self.rebuilds is not None
        cards = {post.src_uri: self.present.site_card(post) for post in self.blog.posts}
        topics = tuple(  # every index page shows the categories and years, with their post counts
            (kind, term.slug, term.name, len(term.posts))
            for kind in ("category", "archive")
            for term in self.blog.terms.get(kind, ())  # type: ignore[call-overload]
        ) if self.config.index_topics else ()
        listed = {
            src: (lst.kind, lst.layout, lst.term.name if lst.term else None, lst.number, lst.total,
                  lst.newer_src, lst.older_src, topics, tuple(p.src_uri for p in lst.posts))
            for src, lst in self.listings.items()
        }
        pages = [f for f in files.documentation_pages() if f.src_uri not in self.posts and not f.generated_by]
        others = sorted((f.src_uri, f.url) for f in pages if f.src_uri not in self.listings)
        # every part's series box lists the other parts: a change to a series rebuilds everything
        series_parts = [(t.name, tuple((p.src_uri, p.title) for p in t.posts)) for t in self.blog.terms.get("series", ())]
        key = rebuilds.digest(
            rebuilds.file_bytes(config.config_file_path),
            rebuilds.file_bytes(os.path.join(config.docs_dir, self.config.resolved_authors_file())),
            others,
            series_parts,
        )
        now = rebuilds.Snapshot(
            key=key,
            post_urls={src: self.present.linker.post_urls.get(src, "") for src in cards},
            cards=cards,
            listings=listed,
            latest=self._latest_now(),
        )
        modified = {f.src_uri for f in pages if f.is_modified()}
        picks_now = None
        if not self.ranking_reused:
            picks_now = {
                src: tuple(p.post.src_uri for p in self.blocks.related.picks(
                    self.posts[src], shown.wanted, exclude=set(shown.pinned)))
                for src, shown in self.rebuilds.read_next.items()
                if src in self.posts
            }
        decision = self.rebuilds.decide(
            now, dests={f.abs_dest_path for f in files}, modified_pages=modified, picks_now=picks_now
        )
        if decision.wipe:
            rebuilds.empty_folder(config.site_dir)
            return
        rebuilds.delete_outputs(decision.stale, config.site_dir)
        for src in decision.rebuild:
            if (file := files.get_file_from_path(src)) is not None:
                rebuilds.mark_for_rebuild(file.abs_dest_path)
        for src, file in listing_files.items():
            if src not in decision.unchanged_listings and not file.generated_by:
                rebuilds.mark_for_rebuild(file.abs_dest_path)  # the author's own index page
        indexes.use_stable_source(
            list(listing_files.values()), decision.unchanged_listings, files, config, self.rebuilds.stable_source
        )
        log.debug("serve --dirty: %d index pages unchanged, %d pages built again", len(decision.unchanged_listings), len(decision.rebuild))

    def _latest_now(self) -> dict[str, object]:
        """What the `latest` blocks of the pages recorded by `rebuilds` show now (site-root cards)."""
        assert self.rebuilds is not None
        return {
            src: tuple(self.blocks.latest_cards(self.blog.posts, request, "", exclude={src}) for request in requests)
            for src, requests in self.rebuilds.latest_requests.items()
        }

    def _place_blocks(self, content: str, page: Page) -> str:
        """Decide the page's blocks and leave placeholders for them (and for `latest` markers)."""
        src = page.file.src_uri
        post = self.posts.get(src)
        subject = blocks.post_subject(post) if post is not None else blocks.page_subject(src, page.meta)
        self.plans[src] = plan = self.blocks.plan(subject)
        content, self.latest[src] = inject.find_latest(content, src)
        title = page.meta.get("title") if isinstance(page.meta.get("title"), str) else page.title
        self.blocks.site.pages[src] = blocks.page_info(
            src,
            page.url,
            html.unescape(str(title or "")),
            page.meta,
            self.blocks.site.doc_urls,
            section=page.parent.title if page.parent else None,
            warn=post is None,
            image_size=self.present.linker.image_size,
        )
        if post is not None:
            self.pasted[src] = inject.pasted_blocks(post.body)
        if self.rebuilds is not None:
            picks = tuple(pick.post.src_uri for pick in plan.picks) if "read_next" in plan.blocks else None
            pinned = tuple(target.src_uri for target in plan.pinned)
            self.rebuilds.rendered(src, pinned=pinned, picks=picks, wanted=plan.wanted, latest=tuple(self.latest[src]))
        return inject.add_slots(content, plan.blocks, cta_position=self.config.cta.position)

    def _fill_blocks(self, output: str, page: Page) -> str:
        """Render the page's blocks into their placeholders (after the search index was built)."""
        src = page.file.src_uri
        plan, requests = self.plans.get(src), self.latest.get(src)
        if plan is None or not (plan.blocks or requests):
            return output
        rendered = {name: self.renderer.block(name, view) for name, view in self.blocks.views(plan, page.url).items()}
        for number, request in enumerate(requests or ()):
            view = self.blocks.latest_cards(self.blog.posts, request, page.url, exclude={src})
            rendered[f"latest:{number}"] = self.renderer.block("latest", view)
        return inject.fill_slots(output, rendered)

    def _listing_view(self, listing: indexes.Listing, page: Page, *, with_cards: bool = True) -> views.ListingView:
        title = html.unescape(str(page.title)) if page.title else None
        return self.present.listing(listing, page.url, title=title, with_cards=with_cards)

    def _index_url(self, kind: str, slug: str) -> str | None:
        """Site URL of the first page of the blog index (`kind` "blog") or of a term's index."""
        return self.listing_urls.get(indexes.index_src(self.config.blog_dir, kind, slug or None, 1))  # type: ignore[arg-type]


def _site_locale(value: object) -> str:
    name = str(value or "en").replace("-", "_")
    try:
        Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        raise PluginError(f"ctoblog: 'locale' expected a locale such as 'en' or 'de_CH', received '{value}'") from None
    return name


def _keep_only(kept: dict[str, Any], current: Mapping[str, object]) -> None:
    """Forget entries of files that are gone."""
    for src in kept.keys() - current.keys():
        del kept[src]


def _asset(files: Files, path: str) -> sharing.Asset | None:
    """A file of the site by its doc path, as plain values."""
    file = files.get_file_from_path(path)
    if file is None:
        return None
    return sharing.Asset(url=file.url, src_path=file.abs_src_path, dest_path=file.abs_dest_path)


def _set_page_text(page: Page, title: str, description: str | None) -> None:
    """Hand the theme escaped text: Material and the mkdocs theme print these unescaped."""
    page.title = str(escape(title))  # type: ignore[assignment]
    page.meta["title"] = page.title
    if description:
        page.meta["description"] = str(escape(description))
