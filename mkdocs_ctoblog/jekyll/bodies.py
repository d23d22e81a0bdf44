"""Build-time translation of post bodies, with the build's untranslated tags gathered into one
warning per tag name (the import writes the same translation into the files instead).

Bodies are translated once per build, when the posts are read (`translate_posts`), so that the
excerpts of cards, meta descriptions and feeds come from the translated text too.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from urllib.parse import urlsplit

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog import excerpts
from mkdocs_ctoblog.jekyll.evaluate import Evaluator
from mkdocs_ctoblog.jekyll.liquid import translate
from mkdocs_ctoblog.jekyll.site import LiquidSite, read_include
from mkdocs_ctoblog.plural import counted
from mkdocs_ctoblog.posts import Post

log = get_plugin_logger(__name__)

_EXTENSION_USE = {
    "attr_list": "kramdown attributes ({: .class})",
    "md_in_html": "figures",
    "admonition": "notices",
}


class BodyTranslator:
    """Translates each post body once per build and warns once per build about what it could not."""

    def __init__(self, site: LiquidSite, markdown_extensions: Iterable[object]) -> None:
        self.site = site
        # Plugins may add Extension instances (ctoblog's own link extension does): names only.
        self.enabled_extensions = {name.rsplit(".", 1)[-1] for name in markdown_extensions if isinstance(name, str)}
        self.untranslated: dict[str, Counter[str]] = defaultdict(Counter)  # tag name -> file -> count
        self.missing_extensions: dict[str, set[str]] = defaultdict(set)  # extension -> files

    def translate(self, body: str, *, src: str, page_url: str, meta: Mapping[str, object], date: dt.datetime | None = None) -> str:
        result = translate(body, src=src, page_url=page_url, site=self.site, meta=meta, date=date)
        for problem in result.problems:
            log.warning(problem)
        for name, count in result.unknown.items():
            self.untranslated[name][src] += count
        for extension in result.extensions - self.enabled_extensions:
            self.missing_extensions[extension].add(src)
        return result.text

    def translate_posts(self, posts: Mapping[str, Post], urls: Mapping[str, str], separator: str | None) -> dict[str, Post]:
        """The posts with their bodies translated (those at a URL in `urls`: the ones built) and
        their excerpts made again from the translated text, unless front matter gives one."""
        translated = dict(posts)
        for src, post in posts.items():
            url = urls.get(src)
            if url is None or "{" not in post.body:  # every Liquid and kramdown construct has a brace
                continue
            body = self.translate(post.body, src=src, page_url=url, meta=post.meta, date=post.date)
            if body == post.body:
                continue
            excerpt = post.excerpt
            if post.meta.get("excerpt") in (None, ""):
                own = post.meta.get("excerpt_separator")
                excerpt = excerpts.excerpt(body, own.strip() if isinstance(own, str) and own.strip() else separator)
            translated[src] = replace(post, body=body, excerpt=excerpt)
        return translated

    def warn(self) -> None:
        """One line per Liquid tag left as is (count and files), one per Markdown extension missing."""
        for name, files in sorted(self.untranslated.items()):
            shown = ", ".join(sorted(files)[:3]) + (", ..." if len(files) > 3 else "")
            label = name if name.startswith("{{") else "{% " + name + " %}"
            log.warning(
                "Liquid %s left as is, %s in %s (%s): translate it with 'liquid.tags' "
                "in the ctoblog config, or edit the posts",
                label, counted(sum(files.values()), "time"), counted(len(files), "post"), shown,
            )
        for extension, srcs in sorted(self.missing_extensions.items()):
            log.warning(
                "%s %s %s: add '%s' to markdown_extensions in mkdocs.yml (first: %s)",
                counted(len(srcs), "post"), "uses" if len(srcs) == 1 else "use", _EXTENSION_USE[extension], extension, min(srcs),
            )


def build_site(
    *,
    site_url: str | None,
    variables: Mapping[str, object],
    post_srcs: Iterable[str],
    posts_dir: str,
    doc_urls: Mapping[str, str],
    tags: Mapping[str, str],
    jekyll: Mapping[str, object] | None = None,
    includes: str | None = None,
) -> LiquidSite:
    """The LiquidSite of an MkDocs build: `site.url` and `site.baseurl` from `site_url`, posts by
    name (`2012-03-19-going-static`, also with their folder under posts_dir), files by URL;
    `jekyll` is the old site's `site` (`_config.yml` and `data`, from `jekyll_config`) for Liquid
    that reads values; `includes` its `_includes/` folder, for static `{% include %}`s."""
    parts = urlsplit(site_url or "")
    posts: dict[str, str] = {}
    for src in post_srcs:
        name = posixpath.splitext(src)[0]
        posts.setdefault(posixpath.basename(name), src)
        posts[name.removeprefix(posts_dir.strip("/") + "/")] = src
    return LiquidSite(
        url=f"{parts.scheme}://{parts.netloc}" if parts.netloc else "",
        baseurl=parts.path.rstrip("/"),
        variables={**variables, "url": site_url or "", "baseurl": parts.path.rstrip("/")},
        posts=posts,
        docs=frozenset(doc_urls),
        urls={url: src for src, url in doc_urls.items()},
        url_of=doc_urls.get,
        source=lambda path: path.lstrip("/") if path.lstrip("/") in doc_urls else None,
        tags=tags,
        include=(lambda name: read_include(includes, name)) if includes else _no_include,
        evaluator=Evaluator({"data": {}, **(jekyll or {}), **variables, "url": site_url or "", "baseurl": parts.path.rstrip("/")}),
    )


def _no_include(_: str) -> None:
    return None
