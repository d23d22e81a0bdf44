"""What translating a body needs to know about the site: targets of links, variables, custom tags."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from mkdocs_ctoblog.jekyll.evaluate import Evaluator
from mkdocs_ctoblog.sitepaths import SiteFile, SitePaths


def _none(_: str) -> str | None:
    return None


@dataclass(frozen=True)
class LiquidSite:
    """The site a body belongs to, as plain values and look-ups (no MkDocs objects).

    `posts` maps a post's name (`2012-03-19-going-static`, also with its folder) to its doc path;
    `docs` holds every doc path; `urls` maps site paths (`about/`, `wrote/x/`) to doc paths and
    `url_of` gives a doc's site path; `source` maps a Jekyll source path (`{% link %}`) to a doc
    path; `include` returns the static text of an `_includes/` file, or None; `evaluator` reads
    `{% assign %}` and `{{ name.key }}` over `site.data` and front matter.
    """

    url: str = ""
    baseurl: str = ""
    variables: Mapping[str, object] = field(default_factory=dict)
    posts: Mapping[str, str] = field(default_factory=dict)
    docs: frozenset[str] = frozenset()
    urls: Mapping[str, str] = field(default_factory=dict)
    url_of: Callable[[str], str | None] = _none
    source: Callable[[str], str | None] = _none
    include: Callable[[str], str | None] = _none
    tags: Mapping[str, str] = field(default_factory=dict)
    unknown_as_comment: bool = False
    evaluator: Evaluator | None = None

    def post(self, name: str) -> str | None:
        """Doc path of the post `{% post_url name %}` names."""
        name = name.strip().strip("/")
        stem = posixpath.splitext(name)[0] if name.endswith((".md", ".markdown", ".html")) else name
        return self.posts.get(stem) or self.posts.get(posixpath.basename(stem))

    def site_path(self, path: str) -> tuple[str | None, str]:
        """The doc a site-absolute path (`/assets/x.png`, `/about/#team`) is, and its `?query#fragment`:
        found as body links are found (`sitepaths.SitePaths`, with `baseurl` as the sub-path)."""
        cut = min((i for i in (path.find("#"), path.find("?")) if i >= 0), default=len(path))
        found = self._paths.find(path[:cut] or "/")
        return (found.src_uri or None) if found is not None else None, path[cut:]

    @cached_property
    def _paths(self) -> SitePaths:
        files = [SiteFile(doc, url, url + "index.html" if url.endswith("/") or not url else url) for url, doc in self.urls.items()]
        listed = {file.src_uri for file in files}
        files += [SiteFile(doc, doc, doc) for doc in sorted(self.docs) if doc not in listed]
        return SitePaths(files, self.baseurl or "/")


def read_include(folder: str, name: str) -> str | None:
    """The text of `_includes/<name>` (`folder` is that `_includes`), when it is a file inside it."""
    folder = os.path.abspath(folder)
    path = os.path.normpath(os.path.join(folder, name.strip()))
    if not path.startswith(folder + os.sep) or not os.path.isfile(path):
        return None
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except (OSError, UnicodeDecodeError):
        return None


def in_markdown_link(before: str) -> bool:
    """Whether the text `before` a link target puts it in Markdown (`](x)`, `[ref]: x`, `<x>`), not HTML or text."""
    return before.endswith(("](", "]: ", "]:", "<"))


def relative_doc(target: str, src: str) -> str:
    """Path of doc `target` relative to the doc `src`: MkDocs turns it into the right URL."""
    return posixpath.relpath(target, posixpath.dirname(src) or ".")


def relative_url(target: str, page_url: str) -> str:
    """Site path `target` relative to the page at site path `page_url` (what a browser resolves)."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    rel = posixpath.relpath("/" + target.lstrip("/"), "/" + base.lstrip("/"))
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel if rel != "./" else "./"
