"""The blocks of one build, assembled: read-next ranking, CTA and bio Markdown, share links,
series boxes, and links resolved against this build's files."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from mkdocs_ctoblog import markdown_text, series
from mkdocs_ctoblog.blocks import author_bio, links, share_links
from mkdocs_ctoblog.blocks.page_blocks import Blocks, PostBlock
from mkdocs_ctoblog.blocks.site import PageInfo, Site

if TYPE_CHECKING:
    from mkdocs_ctoblog.blog import Blog
    from mkdocs_ctoblog.config import CtoblogConfig
    from mkdocs_ctoblog.posts import Post
    from mkdocs_ctoblog.related import Related
    from mkdocs_ctoblog.views import Presenter


def build_blocks(
    cfg: CtoblogConfig,
    *,
    posts: Mapping[str, Post],
    blog: Blog,
    doc_urls: Mapping[str, str],
    page_infos: dict[str, PageInfo],
    ranking: Related,
    markdown: tuple[Any, Any],
    present: Presenter,
    absolute: Callable[[str], str | None],
    index_url: Callable[[str, str], str | None],
    locale: str,
    show_unpublished: bool,
) -> Blocks:
    """`markdown` is the site's (extensions, their configs); `absolute` makes a site path a full URL;
    `index_url(kind, slug)` is the site URL of an index page."""
    site = Site(
        posts=posts,
        doc_urls=doc_urls,
        posts_dir=cfg.resolved_posts_dir(),
        show_unpublished=show_unpublished,
        pages=page_infos,
        next_parts=series.next_parts(blog),
    )
    extensions, configs = markdown
    cta_text = markdown_text.MarkdownText(extensions, configs, lambda url, base, name: blocks.resolve(url, base, name))
    bio_text = markdown_text.MarkdownText(extensions, configs, lambda url, base, key: bios.resolve(url, base, key))
    bios = author_bio.AuthorBios(
        enabled=cfg.author_bio.enabled,
        text=bio_text,
        links=links.CheckedLinks(site.resolver),
        authors_file=cfg.resolved_authors_file(),
        strings=cfg.strings,
    )
    post_blocks: dict[str, PostBlock] = {
        "share": share_links.ShareLinks(cfg.share, absolute, cfg.strings),
        "author_bio": bios,
        "series": series.SeriesBox(blog, present.linker.post, lambda slug: index_url("series", slug)),
    }
    blocks = Blocks(
        cfg, site, related=ranking, card=present.card, cta_text=cta_text, locale=locale, post_blocks=post_blocks
    )
    return blocks
