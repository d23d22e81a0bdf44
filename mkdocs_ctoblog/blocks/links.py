"""Links that authors write in config or front matter, resolved for the page a block is on
(site-absolute `/contact/`, doc paths `contact.md`, any `site_url` sub-path, with or without
directory URLs)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog import safe_urls
from mkdocs_ctoblog.safe_urls import safe_url
from mkdocs_ctoblog.shown import shown
from mkdocs_ctoblog.views import EXTERNAL_URL, rel

log = get_plugin_logger(__name__)

PAGE_EXTENSIONS = (".md", ".markdown")
_SPLIT = re.compile(r"^([^?#]*)(.*)$", re.DOTALL)


class UrlResolver:
    """Turns the URLs an author writes in config or front matter into URLs relative to a page.

    - full URLs (`https://…`, `mailto:…`) and fragments (`#top`) stay as they are;
    - doc paths (`contact.md`, `/contact.md`, `assets/x.pdf`), relative to docs_dir, become
      the file's URL;
    - site-absolute paths (`/contact/`, `/contact`) become the URL of the page that would have
      that path with directory URLs, so they still work with `use_directory_urls: false`;
      other site paths are kept, relative to the site root.
    """

    def __init__(self, doc_urls: Mapping[str, str]) -> None:
        self.doc_urls = doc_urls
        self.missed = False  # a URL named a page or file the site does not have (yet)
        self.page_urls: dict[str, str] = {}
        for src, url in doc_urls.items():
            if src.endswith(PAGE_EXTENSIONS):
                self.page_urls.setdefault(_directory_form(url), url)
                self.page_urls.setdefault(url, url)

    def site_url(self, url: str) -> str | None:
        """The site URL (`contact/`) of an author's link, or None when it leaves the site or is unknown."""
        path = _SPLIT.match(url)[1]  # type: ignore[index]
        if not path or EXTERNAL_URL.match(url):
            return None
        if path.startswith("/"):
            target = path.lstrip("/")
            if target in self.doc_urls:
                return self.doc_urls[target]
            return self.page_urls.get(target) or self.page_urls.get(_directory_form(target))
        normal = posixpath.normpath(path)
        return self.doc_urls.get(normal)

    def resolve(self, url: str, base: str) -> tuple[str, bool]:
        """`url` relative to the page at `base`, and whether it was found on the site."""
        path, rest = _SPLIT.match(url.strip()).groups()  # type: ignore[union-attr]
        if not path or EXTERNAL_URL.match(url.strip()):
            return url, True
        found = self.site_url(path)
        if found is not None:
            return rel(found, base) + rest, True
        if path.startswith("/"):
            return rel(path.lstrip("/"), base) + rest, True  # a path of the site we do not build
        self.missed = True
        return url, False


class CheckedLinks:
    """URLs written in `mkdocs.yml` or the authors file, resolved per page. A URL `safe_urls` rejects
    is left out, and one naming no page or file of the site is kept; each is one warning per build,
    naming where it was written (`where`: `mkdocs.yml: 'cta.blocks.x.button.url'`)."""

    def __init__(self, resolver: UrlResolver) -> None:
        self.resolver = resolver
        self._warned: set[tuple[str, str]] = set()

    def resolve(self, url: str, base: str, where: str) -> str | None:
        """`url` relative to the page at `base`; None when `safe_urls` rejects it."""
        checked = safe_url(url)
        if checked is None:
            self._warn_once(where, url, f"{safe_urls.EXPECTED}, received {shown(url)}; left out")
            return None
        resolved, found = self.resolver.resolve(checked, base)
        if not found:
            self._warn_once(where, url, f"a page or file of the site, a site path or a URL, received {shown(url)}")
        return resolved

    def _warn_once(self, where: str, url: str, expected: str) -> None:
        if (where, url) not in self._warned:
            self._warned.add((where, url))
            log.warning("%s expected %s", where, expected)


def _directory_form(url: str) -> str:
    """`contact.html` → `contact/`, `index.html` → ``, `blog/index.html` → `blog/`, `contact` → `contact/`."""
    path = url.split("#")[0].split("?")[0]
    if path in ("", "index.html"):
        return ""
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    if path.endswith(".html"):
        return path[: -len(".html")] + "/"
    return path if path.endswith("/") else path + "/"
