"""Plain values taken from MkDocs' file collection: URLs by doc path, a file as a feed asset,
image sizes, and the site's files as body links see them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs_ctoblog import images
from mkdocs_ctoblog.lookup import file_at
from mkdocs_ctoblog.sharing import Asset
from mkdocs_ctoblog.sitepaths import SiteFile, SitePaths

if TYPE_CHECKING:
    from mkdocs.structure.files import Files


def doc_urls(files: Files) -> dict[str, str]:
    """Every file's URL by its doc path."""
    return {f.src_uri: f.url for f in files}


def asset(files: Files, path: str) -> Asset | None:
    """A file of the site by its doc path, as plain values."""
    file = files.get_file_from_path(path)
    if file is None:
        return None
    return Asset(url=file.url, src_path=file.abs_src_path, dest_path=file.abs_dest_path)


def image_sizes(files: Files, cache: images.SizeCache) -> images.SizeOf:
    """`size(doc_path)` of the site's images, cached across `mkdocs serve` rebuilds."""

    def abs_path(doc_path: str) -> str | None:
        file = file_at(files, doc_path)
        return file.abs_src_path if file is not None else None

    return images.image_sizes(abs_path, cache)


def site_paths(files: Files, site_url: str | None, others: Callable[[str], object | None]) -> SitePaths:
    """The site's files for the links in post bodies, under `site_url`'s path; `others` names the
    owner of an output path no file writes (the theme's sitemap.xml, the search index)."""
    return SitePaths(
        (SiteFile(f.src_uri, f.url, f.dest_uri) for f in files), urlsplit(site_url or "/").path, others=others
    )
