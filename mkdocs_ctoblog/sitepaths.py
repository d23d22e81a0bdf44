"""Which file of a site a link in a body means, for links written for a site served from `/`.

One resolution for both paths of a moved blog: the build (`bodylinks`, links in the HTML MkDocs
makes) and the import (`jekyll.links`, links in the Markdown it writes). A link may be

- site-absolute (`/assets/x.png`, `/2019/05/02/x/`, or with the `site_url` sub-path);
- relative to the doc, as MkDocs reads it (left to MkDocs);
- relative to the page's URL, as the browser reads it (a post at `blog/x/` linking `../y/`);
- relative to the site root: a Jekyll theme's `<base href="/">` made `assets/x.png` work anywhere.

No MkDocs imports: files are plain `SiteFile` values.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class SiteFile:
    """A file of the build: where it comes from, its URL and its output path (site-relative).
    `src_uri` is empty for a file someone else writes outside MkDocs' files (the theme's
    `sitemap.xml`, the search index): links to it are fine, but it is no doc to link to."""

    src_uri: str
    url: str
    dest_uri: str


def _none(_: str) -> object | None:
    return None


class SitePaths:
    """The files of a build by site path: `/wrote/x/`, `/wrote/x/index.html` and `/wrote/x` all
    find the page written to `wrote/x/index.html`; `sub_path` is `site_url`'s path (`/docs/`) or
    Jekyll's `baseurl`, which a site-absolute link may carry; `others` names the owner of an
    output path that no file of `files` writes (the URL map's `owner`), or None."""

    def __init__(self, files: Iterable[SiteFile], sub_path: str = "/", others: Callable[[str], object | None] = _none) -> None:
        self.sub_path = "/" + sub_path.strip("/") + "/" if sub_path.strip("/") else "/"
        self.others = others
        self.by_path: dict[str, SiteFile] = {}
        self.by_src: dict[str, SiteFile] = {}
        files = list(files)
        for file in files:
            self.by_src[file.src_uri] = file
            for path in (file.dest_uri, file.url):
                self.by_path.setdefault(_key(path), file)
        for file in files:  # `/blog/posts/x.md`, the doc path, comes after every output path
            self.by_path.setdefault(_key(file.src_uri), file)

    def find(self, site_path: str) -> SiteFile | None:
        """The file at a path from the site root (`/assets/x.png` or with the sub-path)."""
        path = posixpath.normpath(unquote(site_path))
        if self.sub_path != "/" and (path + "/").startswith(self.sub_path):
            path = path[len(self.sub_path) - 1 :]
        found = self.by_path.get(_key(path))
        if found is None and path.strip("/"):
            relative = path.lstrip("/") + ("/" if site_path.endswith("/") and not path.endswith("/") else "")
            # `/404` is served from `404.html`, as for pages (GitHub Pages and MkDocs' server do so)
            extensionless = not relative.endswith("/") and not posixpath.splitext(relative)[1]
            for candidate in (relative, relative + ".html") if extensionless else (relative,):
                if self.others(candidate) is not None:
                    return SiteFile("", candidate, candidate + "index.html" if candidate.endswith("/") else candidate)
        return found

    def resolve(self, url: str, page: SiteFile) -> tuple[SiteFile, bool] | None:
        """The file a link on `page` means, when MkDocs alone would not find it: (file, whether
        the link only resolved from the site root). None for links to leave alone (external,
        fragments, links between doc files that MkDocs resolves, links to nothing)."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path or url.startswith("//"):
            return None
        if parts.path.startswith("/"):
            found = self.find(parts.path)
            return (found, False) if found is not None else None
        path = unquote(parts.path)
        if posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), path)) in self.by_src:
            return None  # an ordinary link between doc files: MkDocs' job
        found = self.find(posixpath.join("/" + posixpath.dirname(page.dest_uri), path))
        if found is not None:
            return found, False  # resolves against the page's own URL, as in the browser
        found = self.find("/" + path)
        return (found, True) if found is not None else None

    def is_missing(self, url: str, page: SiteFile | None = None) -> bool:
        """A local link to nothing in this build: site-absolute ones always; relative ones too
        when `page` is given (MkDocs checks those of Markdown links itself)."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("//") or not parts.path:
            return False
        if parts.path.startswith("/"):
            return self.find(parts.path) is None
        if page is None:
            return False
        doc_relative = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), unquote(parts.path)))
        return doc_relative not in self.by_src and self.resolve(url, page) is None


def _key(path: str) -> str:
    """One spelling per site path: no leading or trailing `/`, no `index.html`, no `.html`."""
    key = unquote(path).lstrip("/")
    key = key.removesuffix("index.html").rstrip("/")
    return key.removesuffix(".html")
