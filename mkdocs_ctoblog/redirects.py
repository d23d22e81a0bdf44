"""Redirect pages to posts and pages: one small static HTML file at each old path (`redirect_from`,
URLs under earlier `post_url_format`s), added to MkDocs' files as generated files.

Static files, not pages: neither search nor the sitemap lists them, and their links are written
relative, so they work under a `site_url` sub-path and without directory URLs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urljoin

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel

from mkdocs_ctoblog import outpaths, urls
from mkdocs_ctoblog.frontmatter_io import split_post
from mkdocs_ctoblog.lookup import file_at
from mkdocs_ctoblog.views import rel

log = get_plugin_logger(__name__)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files



class Redirected(Protocol):
    """A post or page with redirect pages: its doc path, title, and the output paths to redirect from."""

    @property
    def src_uri(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def redirects(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class PageRedirects:
    """A page (not a post) with `redirect_from` in its front matter."""

    src_uri: str
    title: str
    redirects: tuple[str, ...]


@dataclass(frozen=True)
class RedirectView:
    """What `ctoblog/redirect.html` receives: the post's title, its URL relative to the redirect
    page (`target`), its full URL (`canonical`, relative without `site_url`) and the site language."""

    title: str
    target: str
    canonical: str
    lang: str


def add_redirect_files(
    posts: Iterable[Redirected],
    files: Files,
    config: MkDocsConfig,
    *,
    claim: Callable[[str, str], str],
    render: Callable[[RedirectView], str],
    lang: str,
) -> int:
    """Add a redirect file for each old path of each built post or page; return how many. `claim`
    (the build's `UrlMap.claim`) stops the build when the path is another file's or redirect's."""
    added = 0
    for post in posts:
        target = file_at(files, post.src_uri)
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



def page_redirects(files: Files, *, is_post: Callable[[str], bool], use_directory_urls: bool) -> list[PageRedirects]:
    """The pages whose front matter has `redirect_from` (jekyll-redirect-from: a site path or a
    list of them); a value that is not a site path inside the site is one warning, left out."""
    found = []
    for file in files.documentation_pages():
        if is_post(file.src_uri) or file.generated_by:
            continue
        try:
            text = file.content_string
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs reports it when it reads the page
        if not text.startswith("---") or "redirect_from" not in text[:4000]:
            continue
        meta = split_post(text).meta
        value = meta.get("redirect_from")
        paths = []
        for item in value if isinstance(value, list) else [value] if value is not None else []:
            try:
                if not isinstance(item, str) or not item.strip("/ ") or "://" in item or item.startswith("//"):
                    raise outpaths.UnsafePath("is not a site path")
                if ".." in item.split("/"):
                    raise outpaths.UnsafePath("contains '..'")
                paths.append(urls.url_dest_uri(item.strip(), use_directory_urls=use_directory_urls).dest_uri)
            except outpaths.UnsafePath as exc:
                log.warning("%s: 'redirect_from' expected a site path such as /old-name/, received %r, which %s; left out",
                            file.src_uri, item, exc)
        own = file.dest_uri.casefold()
        paths = [path for path in dict.fromkeys(paths) if path.casefold() != own]
        if paths:
            title = meta.get("title")
            found.append(PageRedirects(file.src_uri, title if isinstance(title, str) else file.name, tuple(paths)))
    return found
