"""Generated files: index pages (blog, category, tag, author, archive), paginated, and feed placeholders."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel

from mkdocs_ctoblog.blog import Blog, Term, TermKind, listing_order
from mkdocs_ctoblog.lookup import file_at

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from mkdocs_ctoblog.config import CtoblogConfig, ListingConfig
    from mkdocs_ctoblog.posts import Post

log = get_plugin_logger(__name__)

ListingKind = Literal["blog", "category", "tag", "author", "archive", "series"]
Layout = Literal["cards", "list"]


@dataclass(frozen=True)
class IndexStyle:
    """How an index shows its posts: cards or a compact list, split into pages of `per_page` or not."""

    layout: Layout
    per_page: int | None


@dataclass(frozen=True)
class Listing:
    """One page of an index: page `number` of `total`, its posts as cards or a compact list."""

    src_uri: str
    kind: ListingKind
    layout: Layout
    term: Term | None
    number: int
    total: int
    posts: tuple[Post, ...]
    newer_src: str | None
    older_src: str | None


def term_kinds(cfg: CtoblogConfig) -> set[TermKind]:
    """The kinds of terms whose index pages are on."""
    enabled = {
        "category": cfg.categories.enabled,
        "tag": cfg.tags.enabled,
        "author": cfg.authors.enabled,
        "archive": cfg.archive.enabled,
        "series": cfg.series.enabled,
    }
    return {kind for kind, on in enabled.items() if on}  # type: ignore[misc]


def index_styles(cfg: CtoblogConfig, blog: Blog) -> dict[ListingKind, IndexStyle]:
    """The indexes to generate and how each shows its posts; author pages only when the blog
    has `authors.min_authors` authors."""
    per_page = cfg.pagination
    styles: dict[ListingKind, IndexStyle] = {"blog": IndexStyle("cards", per_page)}
    options: dict[ListingKind, ListingConfig] = {
        "category": cfg.categories,
        "tag": cfg.tags,
        "archive": cfg.archive,
        "series": cfg.series,
    }
    if len(blog.terms.get("author", ())) >= cfg.authors.min_authors:
        options["author"] = cfg.authors
    for kind, option in options.items():
        if kind in blog.terms:
            styles[kind] = IndexStyle(option.layout, per_page if option.paginate else None)  # type: ignore[arg-type]
    return styles


def index_src(blog_dir: str, kind: ListingKind, slug: str | None, number: int) -> str:
    """Source path of page `number` of an index: `blog/index.md`, `blog/category/x/page/2/index.md`."""
    parts = [blog_dir.strip("/")]
    if kind != "blog":
        parts += [kind, slug or ""]
    if number > 1:
        parts += ["page", str(number)]
    return posixpath.join(*[p for p in parts if p], "index.md")


def plan_listings(blog: Blog, *, blog_dir: str, styles: Mapping[ListingKind, IndexStyle]) -> list[Listing]:
    """Every page of every index whose kind has a style, with links between a page and its neighbours."""
    indexes: list[tuple[ListingKind, Term | None, tuple[Post, ...]]] = [("blog", None, blog.posts)] if "blog" in styles else []
    for kind in ("category", "tag", "author", "archive", "series"):
        if kind in styles:
            indexes += [(kind, term, term.posts) for term in blog.terms.get(kind, ())]  # type: ignore[misc]
    listings = []
    for kind, term, posts in indexes:
        style = styles[kind]
        ordered = posts if kind == "series" else listing_order(posts)  # a series: in part order
        size = style.per_page or len(ordered) or 1
        chunks = [ordered[i : i + size] for i in range(0, len(ordered), size)] or [()]
        slug = term.slug if term else None
        for number, chunk in enumerate(chunks, start=1):
            listings.append(
                Listing(
                    src_uri=index_src(blog_dir, kind, slug, number),
                    kind=kind,
                    layout=style.layout,
                    term=term,
                    number=number,
                    total=len(chunks),
                    posts=chunk,
                    newer_src=index_src(blog_dir, kind, slug, number - 1) if number > 1 else None,
                    older_src=index_src(blog_dir, kind, slug, number + 1) if number < len(chunks) else None,
                )
            )
    return listings


def add_listing_files(listings: list[Listing], files: Files, config: MkDocsConfig) -> dict[str, File]:
    """Add a generated file for each listing the author did not write; map listing source → file.

    An author's own page (`blog/index.md`, or `blog/category/x.md` for `blog/category/x/index.md`)
    keeps its content and gets the cards below it.
    """
    by_src: dict[str, File] = {}
    for listing in listings:
        file = _authors_page(listing.src_uri, files)
        first_blog_page = listing.kind == "blog" and listing.number == 1
        inclusion = InclusionLevel.UNDEFINED if first_blog_page else InclusionLevel.NOT_IN_NAV
        if file is None:
            file = File.generated(config, listing.src_uri, content="", inclusion=inclusion)
            files.append(file)
        elif not first_blog_page and file.inclusion == InclusionLevel.INCLUDED:
            file.inclusion = inclusion  # an intro page (`blog/category/x.md`): no "not in the nav" note
        by_src[listing.src_uri] = file
    return by_src


def use_stable_source(listing_files: list[File], unchanged: set[str], files: Files, config: MkDocsConfig, stable_source: str) -> None:
    """`mkdocs serve --dirty`: back the generated index pages whose content did not change by an
    old, empty file instead of in-memory content, so that MkDocs sees them as not modified and
    keeps their output of the last build. The index pages keep their order (the sitemap's)."""
    for file in listing_files:
        if file.generated_by:
            files.remove(file)
    for file in listing_files:
        if file.generated_by and file.src_uri in unchanged:
            file = File.generated(config, file.src_uri, abs_src_path=stable_source, inclusion=file.inclusion)
        if file.generated_by:
            files.append(file)


def _authors_page(src_uri: str, files: Files) -> File | None:
    found = file_at(files, src_uri)
    if found is None and src_uri.endswith("/index.md"):
        found = file_at(files, src_uri[: -len("/index.md")] + ".md")
    return found


def add_feed_files(paths: list[str], files: Files, config: MkDocsConfig, *, stable_source: str | None = None) -> frozenset[str]:
    """Register the feeds as generated files (so Markdown links to them validate); their content is
    written in on_post_build. A file of the same path in docs_dir wins: return those paths.
    `stable_source` (`mkdocs serve --dirty`): an empty file older than any output, so that MkDocs
    does not empty a feed written by an earlier build (the plugin writes only changed feeds)."""
    own = set()
    for path in paths:
        if files.get_file_from_path(path) is not None:
            log.warning("%s: a file in docs_dir has the path of a feed; the feed is not written", path)
            own.add(path)
            continue
        if stable_source is None:
            files.append(File.generated(config, path, content=b"", inclusion=InclusionLevel.NOT_IN_NAV))
        else:
            files.append(File.generated(config, path, abs_src_path=stable_source, inclusion=InclusionLevel.NOT_IN_NAV))
    return frozenset(own)


def leave_out_of_core_search(config: MkDocsConfig, urls: frozenset[str]) -> None:
    """Drop these pages from the index of MkDocs' own search plugin before it is written: it has
    no per-page switch (Material's search reads `search: exclude` from the page's meta instead)."""
    from mkdocs.contrib.search import SearchPlugin

    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None) if isinstance(plugin, SearchPlugin) else None
        if index is not None:
            index._entries = [e for e in index._entries if e["location"].partition("#")[0] not in urls]
