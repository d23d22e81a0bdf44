"""Links in page bodies written for a site served from `/`, made relative so they work under any
`site_url` sub-path.

- `/assets/x.png`, `/2019/05/02/x/`: a site-absolute link to a file or page of this build.
- `assets/x.png` in a post at `blog/x/`: a relative link that only resolves from the site root
  (a Jekyll theme's `<base href="/">` made that work).

Which file a link means is `sitepaths.SitePaths`' job (the import uses it too). Markdown links
are handed to MkDocs as the target's doc path, so MkDocs validates them and writes the final URL
(`LinkExtension`); links in raw HTML, and links to files MkDocs does not list (the theme's
`sitemap.xml`), are rewritten in the page's HTML (`rewrite_html`), where code is escaped text and
never matches.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog.plural import counted
from mkdocs_ctoblog.shown import shown
from mkdocs_ctoblog.sitepaths import SiteFile, SitePaths
from mkdocs_ctoblog.views import rel

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    import markdown

log = get_plugin_logger(__name__)

_TAG = re.compile(r"""<(?:a|img)\b(?:[^<>"']|"[^"<]*"|'[^'<]*')*>""", re.IGNORECASE)  # stops at the next '<': linear
_ATTRIBUTE = re.compile(r"""(\s(?:href|src)\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)


@dataclass
class Findings:
    """What the links of one build needed: root-relative links made relative, missing targets."""

    from_root: list[tuple[str, str]] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)


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
            if url and resolved is not None and resolved[0].src_uri:  # others' files: in `rewrite_html`
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


def report(findings: Findings) -> None:
    """A warning per link to nothing; one info line for the links that needed the site root."""
    for src, url in findings.missing:
        log.warning("%s: link %s points to no page or file of this site; it was left as is", src, shown(url))
    if findings.from_root:
        pages = sorted({src for src, _ in findings.from_root})
        log.info(
            "%s in %s only resolved from the site root (as under a Jekyll theme's "
            "<base href=\"/\">) and %s made relative to %s page: %s%s",
            counted(len(findings.from_root), "relative link"),
            counted(len(pages), "page"),
            *(("was", "its") if len(findings.from_root) == 1 else ("were", "their")),
            ", ".join(pages[:3]),
            ", ..." if len(pages) > 3 else "",
        )
    for src, url in findings.from_root:
        log.debug("%s: relative link '%s' resolved from the site root", src, url)
