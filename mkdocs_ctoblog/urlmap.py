"""One map of every output path of the build, made before anything is written.

Usage (the plugin builds `self.url_map` at the end of `on_files`; claim before `on_files` returns,
so that a collision stops the build before any file is written):

    url_map = UrlMap()
    url_map.reserve("404.html", "the theme's '404.html'")      # written by someone else
    url_map.claim("blog/old-name/", "redirect from 'blog/old-name/'")  # written by ctoblog
    url_map.owner("blog/old-name/index.html")                 # → "redirect from 'blog/old-name/'"

A path is a site path: `blog/x/` and `blog/x` with a trailing `/`… mean `blog/x/index.html`;
`blog/feed.xml` is that file. Paths are compared normalised and case-folded (`/Same/` and
`/same/` are one folder on macOS and Windows), and a file collides with a folder of the same
name (`blog/feed.xml` and `blog/feed.xml/index.html`). `claim` raises `PathCollision` (a
`PluginError`) naming both owners when the path is taken, and `UnsafeOutput` when it is not a
path inside the site; `reserve` records files the plugin does not write (theme, other plugins,
the author's pages) and never raises: two of those on one path are MkDocs' business.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from mkdocs_ctoblog import outpaths

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

SEARCH_PLUGINS = ("search", "material/search")


class PathCollision(PluginError):
    """Two owners of one output path."""


class UnsafeOutput(PluginError):
    """A path the plugin would write that is not inside the site."""


class UrlMap:
    """Output paths of the site and who writes each; see the module docstring."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[str, str, bool]] = {}  # key → (path, owner, ours)
        self._folders: dict[str, tuple[str, str, bool]] = {}  # key of a folder → a file inside it

    def claim(self, path: str, owner: str) -> str:
        """Take `path` for a file the plugin writes; return its normalised file path."""
        return self._add(path, owner, ours=True)

    def reserve(self, path: str, owner: str) -> None:
        """Record a file someone else writes (first owner kept); unsafe paths are ignored."""
        try:
            self._add(path, owner, ours=False)
        except UnsafeOutput:
            return

    def owner(self, path: str) -> str | None:
        """Who writes `path`, or None."""
        try:
            key = outpaths.collision_key(_file_path(path))
        except outpaths.UnsafePath:
            return None
        found = self._files.get(key)
        return found[1] if found else None

    def _add(self, path: str, owner: str, *, ours: bool) -> str:
        try:
            file_path = outpaths.inside(_file_path(path))
        except outpaths.UnsafePath as exc:
            raise UnsafeOutput(f"ctoblog: {owner} would be written to '{path}', which {exc}") from None
        if not file_path:
            raise UnsafeOutput(f"ctoblog: {owner} would be written to '{path}', which is the site folder itself")
        key = outpaths.collision_key(file_path)
        entry = (file_path, owner, ours)
        parents = [key.rsplit("/", n)[0] for n in range(1, key.count("/") + 1)]
        clash = self._files.get(key) or self._folders.get(key) or next(
            (self._files[p] for p in parents if p in self._files), None
        )
        if clash is not None:
            if ours or clash[2]:
                raise PathCollision(_collision_message(clash, entry))
            return file_path
        self._files[key] = entry
        for parent in parents:
            self._folders.setdefault(parent, entry)
        return file_path


def claim_site(url_map: UrlMap, files: Files, *, ours: Collection[File], static_templates: Collection[str],
               plugins: Collection[str]) -> None:
    """Put every file of the build in the map: others' first (theme, plugins, the author's pages,
    the theme's static templates, the search index), then `ours` (posts, index pages, feeds)."""
    own = {id(f) for f in ours}
    for file in files:
        if id(file) not in own:
            url_map.reserve(file.dest_uri, _describe(file))
    for name in static_templates:
        url_map.reserve(name, f"the theme's '{name}'")
        if name == "sitemap.xml":
            url_map.reserve("sitemap.xml.gz", "the theme's 'sitemap.xml.gz'")
    for name in SEARCH_PLUGINS:
        if name in plugins:
            url_map.reserve("search/search_index.json", f"the {name} plugin's 'search/search_index.json'")
    for file in ours:
        url_map.claim(file.dest_uri, f"'{file.src_uri}'")


def claim_build(
    files: Files,
    config: MkDocsConfig,
    *,
    posts: Collection[str],
    moved: Iterable[File],
    generated: Collection[str],
    folder_sitemaps: Iterable[str],
    own_feed_files: Collection[str],
) -> UrlMap:
    """Every output path of the build, ours claimed (posts, pages moved to their `permalink`, our
    generated files, folder sitemaps): a collision stops the build before anything is written."""
    url_map = UrlMap()
    moved_ids = {id(f) for f in moved}
    ours = [
        f for f in files
        if f.src_uri in posts or id(f) in moved_ids or (f.generated_by and f.src_uri in generated)
    ]
    claim_site(url_map, files, ours=ours, static_templates=config.theme.static_templates, plugins=config.plugins.keys())
    for path in folder_sitemaps:
        if path not in own_feed_files:
            url_map.claim(path, f"the folder sitemap '{path}'")
    return url_map


def _describe(file: File) -> str:
    if file.generated_by:
        return f"'{file.src_uri}' (from the {file.generated_by} plugin)"
    if file.is_documentation_page():
        return f"the page '{file.src_uri}'"
    return f"the file '{file.src_uri}'"


def _file_path(path: str) -> str:
    """`blog/x/` → `blog/x/index.html`; a file path as it is."""
    if not path or path.endswith("/"):
        return posixpath.join(path, "index.html")
    return path


def _collision_message(first: tuple[str, str, bool], second: tuple[str, str, bool]) -> str:
    same = first[0] == second[0]
    where = f"'{second[0]}'" if same else f"'{first[0]}' and '{second[0]}' (one path on case-insensitive file systems, or a file and a folder of one name)"
    return (
        f"ctoblog: {first[1]} and {second[1]} would both be written to {where}: move one of them "
        "(a post: give it a 'slug' or 'permalink', or put the date in the URLs with "
        "post_url_format: '{year}/{month}/{day}/{slug}')"
    )
