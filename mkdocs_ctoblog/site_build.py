"""One build's blog, made from MkDocs' files in `on_files`: posts read (and their Liquid translated),
index and feed pages generated, every output path claimed, redirect pages added, and the views,
index pages and blocks that the page events use."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from mkdocs_ctoblog import indexes, redirects, series, site_files, sources, urlmap, views
from mkdocs_ctoblog.blocks.assemble import build_blocks
from mkdocs_ctoblog.blocks.slots import BlockSlots
from mkdocs_ctoblog.blog import build_blog
from mkdocs_ctoblog.index_pages import IndexPages
from mkdocs_ctoblog.jekyll import bodies
from mkdocs_ctoblog.jekyll.evaluate import jekyll_site
from mkdocs_ctoblog.jekyll.site_config import read_site_config

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from mkdocs_ctoblog.cache import Kept
    from mkdocs_ctoblog.config import CtoblogConfig
    from mkdocs_ctoblog.rebuilds import Rebuilds
    from mkdocs_ctoblog.render import Renderer
    from mkdocs_ctoblog.sharing import Sharing


class SiteBuild:
    """What `on_files` makes of the site for the page events (one per build)."""

    def __init__(
        self,
        files: Files,
        config: MkDocsConfig,
        cfg: CtoblogConfig,
        *,
        kept: Kept,
        rebuilds: Rebuilds | None,
        tz: ZoneInfo,
        locale: str,
        show_unpublished: bool,
        markdown: tuple[Any, Any],
        renderer: Renderer,
        formatter: views.Formatter,
        sharing: Sharing,
    ) -> None:
        moved_pages, self.posts = sources.read_blog_posts(
            files, config, cfg, tz=tz, cache=kept.posts, show_unpublished=show_unpublished
        )
        read_urls = site_files.doc_urls(files)  # listing pages come later
        self.bodies = _body_translator(cfg, config, self.posts, read_urls)
        if self.bodies is not None:  # before cards and feeds take the posts' excerpts
            self.posts = self.bodies.translate_posts(self.posts, read_urls, cfg.excerpt_separator)
        shown = [p for p in self.posts.values() if p.status == "published" or show_unpublished]
        self.blog = build_blog(shown, enabled_kinds=indexes.term_kinds(cfg))
        series.check(self.blog)
        planned = indexes.plan_listings(self.blog, blog_dir=cfg.blog_dir, styles=indexes.index_styles(cfg, self.blog))
        self.listing_files = indexes.add_listing_files(planned, files, config)
        listings = {self.listing_files[lst.src_uri].src_uri: lst for lst in planned}
        listing_urls = {src: file.url for src, file in self.listing_files.items()}
        self.generated_listing_urls = frozenset(file.url for file in self.listing_files.values() if file.generated_by)
        doc_urls = site_files.doc_urls(files)
        linker = views.Linker(
            post_urls={src: doc_urls[src] for src in self.posts if src in doc_urls},
            doc_url=doc_urls.get,
            term_urls={
                (lst.kind, lst.term.slug): listing_urls[lst.src_uri]  # type: ignore[misc]
                for lst in planned
                if lst.term is not None and lst.number == 1
            },
            image_size=site_files.image_sizes(files, kept.image_sizes),
        )
        self.present = views.Presenter(
            blog=self.blog,
            linker=linker,
            formatter=formatter,
            listing_urls=listing_urls,
            feed_links=sharing.feed_files.feed_links,
            show_badges=show_unpublished,
            show_topics=cfg.index_topics,
            kept=kept.cards if kept.cards.enabled else None,
        )
        if kept.cards.enabled:
            kept.cards.use_context(self.present.card_context())
        self.index_pages = IndexPages(
            listings, listing_urls, blog_dir=cfg.blog_dir, present=self.present, renderer=renderer, sharing=sharing,
            hide=cfg.index_hide,
        )
        feed_paths = sharing.plan(
            self.blog,
            post_url=lambda post: linker.post_urls.get(post.src_uri),
            term_url=self.index_pages.index_url,
            asset=lambda path: site_files.asset(files, path),
        )
        stable = rebuilds.stable_source if rebuilds is not None else None
        self.own_feed_files = indexes.add_feed_files(feed_paths, files, config, stable_source=stable) | frozenset(
            path for path in sharing.feed_files.folder_sitemaps() if files.get_file_from_path(path)
        )
        self.url_map = urlmap.claim_build(
            files,
            config,
            posts=self.posts,
            moved=moved_pages,
            generated={*listings, *feed_paths},
            folder_sitemaps=sharing.feed_files.folder_sitemaps(),
            own_feed_files=self.own_feed_files,
        )
        copies = sharing.feed_files.copies  # `feeds.also_at`: a file of the author there is a collision
        for copy in copies:
            self.url_map.claim(copy.path, copy.owner)
        indexes.add_feed_files([copy.path for copy in copies], files, config, stable_source=stable)
        self.blocks = build_blocks(
            cfg,
            posts=self.posts,
            blog=self.blog,
            doc_urls=doc_urls,
            page_infos=kept.page_infos,
            ranking=kept.ranking.ranking([p for p in self.posts.values() if p.status == "published"], cfg.read_next.weights),
            markdown=markdown,
            present=self.present,
            absolute=sharing.links.absolute,
            index_url=self.index_pages.index_url,
            locale=locale,
            show_unpublished=show_unpublished,
        )
        self.slots = BlockSlots(
            self.blocks,
            render=renderer.block,
            latest_posts=self.blog.posts,
            cta_position=cfg.cta.position,
            image_size=linker.image_size,
            pasted=kept.pasted,
            rebuilds=rebuilds,
        )
        if cfg.redirects.enabled:
            pages = redirects.page_redirects(files, is_post=self.posts.__contains__, use_directory_urls=config.use_directory_urls)
            redirects.add_redirect_files(
                [*self.posts.values(), *pages],
                files,
                config,
                claim=self.url_map.claim,
                render=renderer.redirect,
                lang=locale.replace("_", "-"),
            )
        self.site_paths = site_files.site_paths(files, config.site_url, others=self.url_map.owner)
        kept.forget_gone(self.posts, doc_urls)


def _body_translator(
    cfg: CtoblogConfig, config: MkDocsConfig, post_srcs: Iterable[str], doc_urls: Mapping[str, str]
) -> bodies.BodyTranslator | None:
    """Jekyll's Liquid and kramdown in post bodies, translated with this build's files and URLs
    (None when `liquid.enabled` is off)."""
    if not cfg.liquid.enabled:
        return None
    variables = {"title": config.site_name, "description": config.site_description, "author": config.site_author}
    source = read_site_config(cfg.jekyll_config).source if cfg.jekyll_config else None  # checked with the config
    site = bodies.build_site(
        site_url=config.site_url,
        variables={k: v for k, v in variables.items() if v},
        post_srcs=post_srcs,
        posts_dir=cfg.resolved_posts_dir(),
        doc_urls=doc_urls,
        tags=cfg.liquid.tags,
        jekyll=jekyll_site(cfg.jekyll_config, source) if cfg.jekyll_config and source else None,
        includes=os.path.join(source, "_includes") if source else None,
    )
    return bodies.BodyTranslator(site, config.markdown_extensions)
