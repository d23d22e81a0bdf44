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
        return url, False


class ConfigLinks:
    """Links written in `mkdocs.yml`, resolved per page; each bad one is warned about once per build."""

    def __init__(self, resolver: UrlResolver) -> None:
        self.resolver = resolver
        self._warned: set[tuple[str, str]] = set()

    def resolve(self, url: str, base: str, key: str) -> str | None:
        """`url` (of option `key`) relative to the page at `base`; None when `safe_urls` rejects it."""
        checked = safe_url(url)
        if checked is None:
            if (key, url) not in self._warned:
                self._warned.add((key, url))
                log.warning("mkdocs.yml: '%s' expected %s, received '%s'; left out", key, safe_urls.EXPECTED, url[:80])
            return None
        url = checked
        resolved, found = self.resolver.resolve(url, base)
        if not found and (key, url) not in self._warned:
            self._warned.add((key, url))
            log.warning("mkdocs.yml: '%s' expected a page of the site, a site path or a URL, received '%s'", key, url)
        return resolved


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
