"""Sitemap dates of posts, and the folder sitemaps that keep Material's JavaScript from 404s.

Material for MkDocs fetches `sitemap.xml` from the folder of every `<link rel="alternate">` href
on a page (its alternate-language support: `new URL("sitemap.xml", link.href)`), so a feed link to
`blog/feed.xml` makes the browser request `blog/sitemap.xml`. The plugin writes, next to each
feed it links, a sitemap of the site's URLs under that folder: a valid sitemap (the protocol
only allows URLs under a sitemap's own folder), and Material finds nothing in it to act on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

from mkdocs_ctoblog import outpaths
from mkdocs_ctoblog.posts import Post

FILE_NAME = "sitemap.xml"
_URL_BLOCK = re.compile(r"[ \t]*<url>.*?</url>\s*", re.DOTALL)
_LOC = re.compile(r"<loc>\s*(.*?)\s*</loc>", re.DOTALL)


def lastmod(post: Post, tz: ZoneInfo, now: dt.datetime) -> str:
    """`<lastmod>` of a post: its `updated` (or `last_modified_at`) date, else its date; never
    later than `now` (a post built with `future: true`; MkDocs also takes the newest `lastmod`
    as the mtime of sitemap.xml.gz, which cannot be past 2106)."""
    when: dt.datetime = min(post.updated or post.date, now)
    return when.astimezone(tz).date().isoformat()


def folder_sitemap(site_map: str, prefix: str) -> str | None:
    """The `<url>` entries of `site_map` whose `<loc>` starts with `prefix`, in the same document
    shape; None when `site_map` is not a sitemap MkDocs wrote."""
    first = _URL_BLOCK.search(site_map)
    end = site_map.rfind("</urlset>")
    if end < 0:
        return None
    head = site_map[: first.start()] if first else site_map[:end]
    kept = [m[0] for m in _URL_BLOCK.finditer(site_map) if (loc := _LOC.search(m[0])) and loc[1].startswith(prefix)]
    return head + "".join(kept) + site_map[end:]


def read_site_map(site_dir: str) -> str | None:
    """The text of the site's `sitemap.xml` (MkDocs writes it), or None."""
    source = Path(site_dir, FILE_NAME)
    return source.read_text(encoding="utf-8") if source.is_file() else None


def write_folder_sitemaps(
    site_dir: str, site_map: str | None, site_url: str, folders: Iterable[str], *, skip: Iterable[str] = ()
) -> list[str]:
    """Write `<folder>/sitemap.xml`, cut from `site_map`, for each folder (not the root, not a path
    in `skip`, which are the author's own files); return the site paths written."""
    if site_map is None:
        return []
    skipped = set(skip)
    written = []
    for folder in sorted(set(folders)):
        path = f"{folder.strip('/')}/{FILE_NAME}"
        if not folder.strip("/") or path in skipped:
            continue
        text = folder_sitemap(site_map, site_url.rstrip("/") + "/" + folder.strip("/") + "/")
        if text is None:
            continue
        target = Path(outpaths.site_file(site_dir, path))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
