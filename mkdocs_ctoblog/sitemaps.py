"""Sitemap dates of posts, and the folder sitemaps that keep Material's JavaScript from 404s.

Material for MkDocs fetches `sitemap.xml` from the folder of every `<link rel="alternate">` href
on a page (its alternate-language support: `new URL("sitemap.xml", link.href)`), so a feed link to
`blog/feed.xml` makes the browser request `blog/sitemap.xml`. The plugin writes, next to each
feed it links, a sitemap of the site's URLs under that folder: a valid sitemap (the protocol
only allows URLs under a sitemap's own folder), and Material finds nothing in it to act on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

from mkdocs_ctoblog import outpaths
from mkdocs_ctoblog.posts import Post

FILE_NAME = "sitemap.xml"


def lastmod(post: Post, tz: ZoneInfo, now: dt.datetime) -> str:
    """`<lastmod>` of a post: its `updated` (or `last_modified_at`) date, else its date; never
    later than `now` (a post built with `future: true`; MkDocs also takes the newest `lastmod`
    as the mtime of sitemap.xml.gz, which cannot be past 2106)."""
    when: dt.datetime = min(post.updated or post.date, now)
    return when.astimezone(tz).date().isoformat()


def folder_sitemap(site_map: str, prefix: str) -> str | None:
    """The `<url>` entries of `site_map` whose `<loc>` starts with `prefix`, in the same document
    shape; None when `site_map` is not a sitemap MkDocs wrote. One pass with `str.find`."""
    return _Entries.of(site_map).under(prefix) if "</urlset>" in site_map else None


class _Entries:
    """A sitemap's `<url>` entries, found once for all the folders cut from it."""

    def __init__(self, site_map: str, end: int) -> None:
        self.site_map, self.end = site_map, end
        self.blocks = list(_url_blocks(site_map, end))

    @classmethod
    def of(cls, site_map: str) -> _Entries:
        return cls(site_map, site_map.rfind("</urlset>"))

    def under(self, prefix: str) -> str:
        site_map, end, blocks = self.site_map, self.end, self.blocks
        head = site_map[: blocks[0][0]] if blocks else site_map[:end]
        kept = [site_map[start:stop] for start, stop, loc in blocks if loc.startswith(prefix)]
        return head + "".join(kept) + site_map[end:]


def _url_blocks(site_map: str, end: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, loc) of each `<url>...</url>` before `end`, with the indentation before it and
    the white space after it."""
    pos = 0
    while (start := site_map.find("<url>", pos, end)) >= 0 and (stop := site_map.find("</url>", start, end)) >= 0:
        block = site_map[start:stop]
        loc_start, loc_end = block.find("<loc>"), block.find("</loc>")
        loc = block[loc_start + 5 : loc_end].strip() if 0 <= loc_start < loc_end else ""
        indent = len(site_map[pos:start]) - len(site_map[pos:start].rstrip(" \t"))
        pos = stop + 6
        while pos < end and site_map[pos].isspace():
            pos += 1
        yield start - indent, pos, loc


def read_site_map(site_dir: str) -> str | None:
    """The text of the site's `sitemap.xml` (MkDocs writes it), or None."""
    source = Path(site_dir, FILE_NAME)
    return source.read_text(encoding="utf-8") if source.is_file() else None


def write_folder_sitemaps(
    site_dir: str, site_map: str | None, site_url: str, folders: Iterable[str], *, skip: Iterable[str] = ()
) -> list[str]:
    """Write `<folder>/sitemap.xml`, cut from `site_map`, for each folder (not the root, not a path
    in `skip`, which are the author's own files); return the site paths written."""
    if site_map is None or "</urlset>" not in site_map:
        return []
    entries = _Entries.of(site_map)
    skipped = set(skip)
    written = []
    for folder in sorted(set(folders)):
        path = f"{folder.strip('/')}/{FILE_NAME}"
        if not folder.strip("/") or path in skipped:
            continue
        text = entries.under(site_url.rstrip("/") + "/" + folder.strip("/") + "/")
        target = Path(outpaths.site_file(site_dir, path))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
