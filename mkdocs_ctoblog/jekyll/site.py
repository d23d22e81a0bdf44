"""What translating a body needs to know about the site: targets of links, variables, custom tags."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote

from mkdocs_ctoblog.jekyll.evaluate import Evaluator


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
        """The doc a site-absolute path (`/assets/x.png`, `/about/#team`) is, and its `?query#fragment`."""
        cut = min((i for i in (path.find("#"), path.find("?")) if i >= 0), default=len(path))
        path, suffix = unquote(path[:cut]), path[cut:]
        base = self.baseurl.rstrip("/")
        if base and (path == base or path.startswith(base + "/")):
            path = path[len(base) :]
        rel = path.lstrip("/")
        if rel in self.docs:
            return rel, suffix
        for key in (rel, rel + "/" if rel and not rel.endswith("/") else rel, rel.removesuffix("index.html")):
            doc = self.urls.get(key)
            if doc is not None:
                return doc, suffix
        return None, suffix


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
