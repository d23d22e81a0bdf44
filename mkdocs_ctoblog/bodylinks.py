"""Links in page bodies written for a site served from `/`, made relative so they work under any
`site_url` sub-path.

- `/assets/x.png`, `/2019/05/02/x/`: a site-absolute link to a file or page of this build.
- `assets/x.png` in a post at `blog/x/`: a relative link that only resolves from the site root
  (a Jekyll theme's `<base href="/">` made that work).

Markdown links are handed to MkDocs as the target's doc path, so MkDocs validates them and writes
the final URL (`LinkExtension`); links in raw HTML are rewritten in the page's HTML (`rewrite_html`),
where code is escaped text and never matches.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit, urlunsplit

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog.views import rel

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    import markdown

log = get_plugin_logger(__name__)

_TAG = re.compile(r"<(?:a|img)\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""(\s(?:href|src)\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class SiteFile:
    """A file of the build: where it comes from, its URL and its output path (site-relative)."""

    src_uri: str
    url: str
    dest_uri: str


@dataclass
class Findings:
    """What the links of one build needed: root-relative links made relative, missing targets."""

    from_root: list[tuple[str, str]] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)


class SitePaths:
    """The files of a build by site path: `/wrote/x/`, `/wrote/x/index.html` and `/wrote/x` all
    find the page written to `wrote/x/index.html`; `sub_path` is `site_url`'s path (`/docs/`),
    which a site-absolute link may carry."""

    def __init__(self, files: Iterable[SiteFile], sub_path: str = "/") -> None:
        self.sub_path = "/" + sub_path.strip("/") + "/" if sub_path.strip("/") else "/"
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
        return self.by_path.get(_key(path))

    def resolve(self, url: str, page: SiteFile) -> tuple[SiteFile, bool] | None:
        """The file a link on `page` means, when MkDocs alone would not find it: (file, whether
        the link only resolved from the site root). None for links to leave alone."""
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

    def is_missing(self, url: str) -> bool:
        """A site-absolute link to nothing in this build."""
        parts = urlsplit(url)
        return (
            not parts.scheme and not parts.netloc and parts.path.startswith("/") and not url.startswith("//")
            and self.find(parts.path) is None
        )


class LinkExtension(Extension):
    """Hands MkDocs the doc path of each link that needs `SitePaths`, before MkDocs' own link
    processing (priority 0) validates it and writes its URL. `page` says which page is rendered."""

    def __init__(self, paths: Callable[[], SitePaths | None], page: Callable[[], SiteFile | None], findings: Findings) -> None:
        super().__init__()
        self.paths = paths
        self.page = page
        self.findings = findings

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_DocPathLinks(md, self), "ctoblog_site_links", 1)


class _DocPathLinks(Treeprocessor):
    def __init__(self, md: markdown.Markdown, extension: LinkExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: Element) -> None:
        paths, page = self.extension.paths(), self.extension.page()
        if paths is None or page is None:
            return
        for element in root.iter():
            if element.tag not in ("a", "img"):
                continue
            attribute = "href" if element.tag == "a" else "src"
            url = element.get(attribute)
            resolved = paths.resolve(url, page) if url else None
            if url and resolved is not None:
                target, from_root = resolved
                element.set(attribute, _with_path(url, posixpath.relpath(target.src_uri, posixpath.dirname(page.src_uri) or ".")))
                if from_root:
                    self.extension.findings.from_root.append((page.src_uri, url))


def rewrite_html(html: str, page: SiteFile, paths: SitePaths, findings: Findings, *, report_missing: bool) -> str:
    """Links still written for the site root in a page's HTML (raw HTML in Markdown) as URLs
    relative to the page; with `report_missing`, site-absolute links to nothing are recorded."""

    def attribute(match: re.Match[str]) -> str:
        url = match[3]
        resolved = paths.resolve(url, page)
        if resolved is None:
            if report_missing and paths.is_missing(url):
                findings.missing.append((page.src_uri, url))
            return match[0]
        target, from_root = resolved
        if from_root:
            findings.from_root.append((page.src_uri, url))
        return f"{match[1]}{match[2]}{_with_path(url, rel(target.url, page.url))}{match[2]}"

    return _TAG.sub(lambda tag: _ATTRIBUTE.sub(attribute, tag[0]), html)


def _with_path(url: str, path: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(("", "", path, parts.query, parts.fragment))


def _key(path: str) -> str:
    """One spelling per site path: no leading or trailing `/`, no `index.html`, no `.html`."""
    key = unquote(path).lstrip("/")
    key = key.removesuffix("index.html").rstrip("/")
    return key.removesuffix(".html")


def report(findings: Findings) -> None:
    """A warning per link to nothing; one info line for the links that needed the site root."""
    for src, url in findings.missing:
        log.warning("%s: link '%s' points to no page or file of this site; it was left as is", src, url)
    if findings.from_root:
        pages = sorted({src for src, _ in findings.from_root})
        log.info(
            "%d relative links in %d pages only resolved from the site root (as under a Jekyll theme's "
            "<base href=\"/\">) and were made relative to their page: %s%s",
            len(findings.from_root),
            len(pages),
            ", ".join(pages[:3]),
            ", ..." if len(pages) > 3 else "",
        )
    for src, url in findings.from_root:
        log.debug("%s: relative link '%s' resolved from the site root", src, url)
