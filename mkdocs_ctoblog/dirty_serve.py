"""`mkdocs serve --dirty`, at the end of `on_files`: take a snapshot of what this build's pages
show, let `rebuilds.Rebuilds` compare it with the last build's, and apply its decision to MkDocs'
files (skip, rebuild, delete, or empty the site folder)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog import indexes, rebuilds
from mkdocs_ctoblog.lookup import file_at
from mkdocs_ctoblog.plural import counted
from mkdocs_ctoblog.related.changes import picks_may_change

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from mkdocs_ctoblog.config import CtoblogConfig
    from mkdocs_ctoblog.related import Related
    from mkdocs_ctoblog.site_build import SiteBuild

log = get_plugin_logger(__name__)


def rebuild_only_what_changed(
    state: rebuilds.Rebuilds,
    build: SiteBuild,
    files: Files,
    config: MkDocsConfig,
    cfg: CtoblogConfig,
    *,
    ranking_reused: bool,
    previous_ranking: Related | None,
) -> None:
    """Let MkDocs skip the index pages, posts and pages whose ctoblog content did not change since
    the last build, and build again those whose did. `previous_ranking`: the last build's read-next
    ranking, when this build's is another."""
    blog, present, listing_files = build.blog, build.present, build.listing_files
    cards = {post.src_uri: present.site_card(post) for post in blog.posts}
    topics = tuple(  # every index page shows the categories and years, with their post counts
        (kind, term.slug, term.name, len(term.posts))
        for kind in ("category", "archive")
        for term in blog.terms.get(kind, ())  # type: ignore[call-overload]
    ) if cfg.index_topics else ()
    listed = {  # what each index page shows; its posts last
        src: (lst.kind, lst.layout, lst.term.name if lst.term else None, lst.number, lst.total,
              lst.newer_src, lst.older_src, topics,
              # the blog index's JSON-LD gives each post's word count, which its card does not show
              tuple(p.words for p in lst.posts) if lst.kind == "blog" else (),
              tuple(p.src_uri for p in lst.posts))
        for src, lst in build.index_pages.listings.items()
    }
    pages = [f for f in files.documentation_pages() if f.src_uri not in build.posts and not f.generated_by]
    others = sorted((f.src_uri, f.url) for f in pages if f.src_uri not in build.index_pages.listings)
    # every part's series box lists the other parts: a change to a series rebuilds everything
    series_parts = [(t.name, tuple((p.src_uri, p.title) for p in t.posts)) for t in blog.terms.get("series", ())]
    key = rebuilds.digest(
        rebuilds.file_bytes(config.config_file_path),
        rebuilds.file_bytes(os.path.join(config.docs_dir, cfg.resolved_authors_file())),
        others,
        series_parts,
    )
    now = rebuilds.Snapshot(
        key=key,
        post_urls={src: present.linker.post_urls.get(src, "") for src in cards},
        cards=cards,
        listings=listed,
        latest=build.slots.latest_now(),
    )
    modified = {f.src_uri for f in pages if f.is_modified()}
    picks_now = None
    if not ranking_reused:  # the picks of the posts that share something with an edited post
        ranking = build.blocks.related
        may_change = picks_may_change(ranking, previous_ranking) if previous_ranking is not None else None
        picks_now = {
            src: tuple(p.post.src_uri for p in ranking.picks(build.posts[src], shown.wanted, exclude=set(shown.pinned)))
            for src, shown in state.read_next.items()
            if src in build.posts and (may_change is None or may_change(src, shown.wanted, len(shown.pinned)))
        }
    decision = state.decide(now, dests={f.abs_dest_path for f in files}, modified_pages=modified, picks_now=picks_now)
    if decision.wipe:
        rebuilds.empty_folder(config.site_dir)
        return
    rebuilds.delete_outputs(decision.stale, config.site_dir)
    patched = 0
    for src in decision.rebuild:
        if (file := file_at(files, src)) is None:
            continue
        post = build.posts.get(src)
        if (
            src in decision.blocks_only
            and post is not None
            and not file.is_modified()  # an edited post is built by MkDocs anyway
            and build.slots.patch(post, url=file.url, path=file.abs_dest_path)
        ):
            patched += 1  # its blocks swapped in its output: MkDocs need not build it
            continue
        rebuilds.mark_for_rebuild(file.abs_dest_path)
    for src, file in listing_files.items():
        if src not in decision.unchanged_listings and not file.generated_by:
            rebuilds.mark_for_rebuild(file.abs_dest_path)  # the author's own index page
    indexes.use_stable_source(list(listing_files.values()), decision.unchanged_listings, files, config, state.stable_source)
    log.debug(
        "serve --dirty: %s unchanged, %s built again, %d of them by swapping their blocks",
        counted(len(decision.unchanged_listings), "index page"), counted(len(decision.rebuild), "page"), patched,
    )
