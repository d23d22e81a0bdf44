"""Where an import puts things: one URL per post and page, and the site the translation looks links,
posts and includes up in."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from collections.abc import Mapping

from mkdocs_ctoblog import outpaths, urls
from mkdocs_ctoblog.jekyll import project
from mkdocs_ctoblog.jekyll.entries import Entry
from mkdocs_ctoblog.jekyll.evaluate import Evaluator, jekyll_site
from mkdocs_ctoblog.jekyll.project import site_variables
from mkdocs_ctoblog.jekyll.site import LiquidSite, read_include
from mkdocs_ctoblog.jekyll.site_config import SiteConfig
from mkdocs_ctoblog.sitepaths import SiteFile, SitePaths


def last_written_first(pages: list[Entry], posts: list[Entry], collections: Mapping[str, object]) -> list[Entry]:
    """Jekyll writes pages, then each collection's documents (posts first) in date order (then
    path), so the last one written on a path is the one it served there: that order, reversed."""
    order = {name: number for number, name in enumerate(["posts", *collections], start=1)}
    oldest = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    plain_pages = {id(p) for p in pages if p.source.collection is None}

    def written(entry: Entry) -> tuple[int, dt.datetime, str]:
        group = 0 if id(entry) in plain_pages else order.get(entry.source.collection or "posts", 1)
        return group, entry.date or oldest, entry.source.rel

    return sorted(pages + posts, key=written, reverse=True)


def unique_urls(entries: list[Entry]) -> list[tuple[str, str, str, str]]:
    """One URL per entry (`entries` last written first): the first keeps a URL, the others get
    `-2`, `-3`... with a permalink. Returns the moves: (URL, kept doc, moved doc, new URL)."""
    moves: list[tuple[str, str, str, str]] = []
    taken: dict[str, Entry] = {}
    for entry in entries:
        key = entry.url.lower()
        if key not in taken:
            taken[key] = entry
            continue
        number = 2
        while _suffixed(entry.url, number).lower() in taken:
            number += 1
        new = _suffixed(entry.url, number)
        moves.append(("/" + entry.url, taken[key].doc, entry.doc, "/" + new))
        entry.url = new
        entry.meta["permalink"] = "/" + new
        taken[new.lower()] = entry
    return moves


def unique_redirects(entries: list[Entry], statics: list[str]) -> list[tuple[str, str, str]]:
    """`redirect_from` paths no other file of the new site is written to: a path that is a post's,
    a page's or a copied file's, or an earlier entry's redirect (`entries` in the order Jekyll wrote
    them, last first: the last one written keeps it), is taken out of
    the front matter. Returns (path, the entry it is left out of, what has it)."""
    owners: dict[str, str] = {_key(rel): rel for rel in statics}
    for entry in entries:
        owners.setdefault(_key(_dest(entry.url)), entry.doc)
    dropped: list[tuple[str, str, str]] = []
    for entry in entries:
        value = entry.meta.get("redirect_from")
        if value is None:
            continue
        kept = []
        for item in value if isinstance(value, list) else [value]:
            dest = _dest(item) if isinstance(item, str) else ""
            owner = owners.get(_key(dest)) if dest else None
            if owner is not None and owner != entry.doc:
                dropped.append((str(item), entry.doc, owner))
                continue
            if dest:
                owners[_key(dest)] = entry.doc
            kept.append(item)  # the plugin warns about what is not a site path
        if len(kept) < (len(value) if isinstance(value, list) else 1):
            if kept:
                entry.meta["redirect_from"] = kept
            else:
                del entry.meta["redirect_from"]
    return dropped


def _key(dest: str) -> str:
    """An output path as collisions compare it: case-folded, `x/index.html` as `x` (a file `x` and a
    folder `x` cannot both exist)."""
    return dest.casefold().removesuffix("/index.html")


def _dest(url: str) -> str:
    """The output file of a site URL, or "" when it cannot be made safe."""
    try:
        return urls.url_dest_uri(url, use_directory_urls=True).dest_uri
    except outpaths.UnsafePath:
        return ""


def liquid_site(config: SiteConfig, written: list[Entry], statics: list[str], tags: Mapping[str, str]) -> LiquidSite:
    """The site as the Liquid of the imported posts and pages sees it (`tags`: the `--tags` file)."""
    posts: dict[str, str] = {}
    for entry in written:
        if entry.doc.startswith("blog/posts/"):
            below = entry.source.rel.split("_posts/", 1)[-1].split("_drafts/", 1)[-1]
            posts.setdefault(os.path.splitext(os.path.basename(below))[0], entry.doc)
            posts[os.path.splitext(below)[0]] = entry.doc
    docs = {e.doc: e.url for e in written} | {rel: rel for rel in statics}
    by_source = {e.source.rel: e.doc for e in written} | {rel: rel for rel in statics}
    includes = os.path.join(config.source, "_includes")
    return LiquidSite(
        url=(config.url or "").rstrip("/"),
        baseurl=config.baseurl,
        variables=site_variables(config),
        posts=posts,
        docs=frozenset(docs),
        urls={url: doc for doc, url in docs.items()},
        url_of=docs.get,
        source=lambda path: by_source.get(path.strip().lstrip("/")),
        include=lambda name: read_include(includes, name),
        tags=tags,
        unknown_as_comment=True,
        evaluator=Evaluator({**jekyll_site(config.config_path, config.source), **site_variables(config)}),
    )


def site_paths(written: list[Entry], statics: list[str], baseurl: str, feed_copies: Mapping[str, object]) -> SitePaths:
    """Every file of the new site at its Jekyll URL, for checking and fixing body links; the files
    the new project writes itself (its theme's, the old feed paths in `feed_copies`) count too."""
    return SitePaths(
        [site_file(e.doc, e.url) for e in written] + [SiteFile(rel, rel, rel) for rel in statics],
        baseurl,
        others=lambda path: "the new project" if path in project.WRITTEN_BY_OTHERS or "/" + path in feed_copies else None,
    )


def site_file(doc: str, url: str) -> SiteFile:
    """A written post or page as `SitePaths` sees it (`url` is its Jekyll URL)."""
    return SiteFile(doc, url, url + "index.html" if url.endswith("/") or not url else url)


def _suffixed(url: str, number: int) -> str:
    """`wrote/x/` → `wrote/x-2/`; `2020/x.html` → `2020/x-2.html`."""
    if url.endswith("/"):
        return url[:-1] + f"-{number}/"
    stem, ext = posixpath.splitext(url)
    return f"{stem}-{number}{ext}" if ext in (".html", ".htm", ".aspx", ".php") else f"{url}-{number}"
