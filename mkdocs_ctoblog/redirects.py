"""Redirect pages to posts: one small static HTML file at each old path (`redirect_from`, URLs
under earlier `post_url_format`s), added to MkDocs' files as generated files.

Static files, not pages: neither search nor the sitemap lists them, and their links are written
relative, so they work under a `site_url` sub-path and without directory URLs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from mkdocs.structure.files import File, InclusionLevel

from mkdocs_ctoblog.views import rel

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from mkdocs_ctoblog.posts import Post


@dataclass(frozen=True)
class RedirectView:
    """What `ctoblog/redirect.html` receives: the post's title, its URL relative to the redirect
    page (`target`), its full URL (`canonical`, relative without `site_url`) and the site language."""

    title: str
    target: str
    canonical: str
    lang: str


def add_redirect_files(
    posts: Iterable[Post],
    files: Files,
    config: MkDocsConfig,
    *,
    claim: Callable[[str, str], str],
    render: Callable[[RedirectView], str],
    lang: str,
) -> int:
    """Add a redirect file for each old path of each built post; return how many. `claim` (the
    build's `UrlMap.claim`) stops the build when the path is another file's or redirect's."""
    added = 0
    for post in posts:
        target = files.get_file_from_path(post.src_uri)
        if target is None:
            continue
        for path in post.redirects:
            claim(path, f"a redirect to '{post.src_uri}'")
            file = File.generated(config, path, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            canonical = urljoin(config.site_url, target.url) if config.site_url else rel(target.url, file.url)
            file.content_string = render(RedirectView(post.title, rel(target.url, file.url), canonical, lang))
            files.append(file)
            added += 1
    return added

