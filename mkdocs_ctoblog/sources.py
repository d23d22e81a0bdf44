"""Post files in MkDocs' file collection: pick them out, read them (cached), give them their URLs."""

from __future__ import annotations

import datetime as dt
import os
from functools import partial
from typing import TYPE_CHECKING

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import InclusionLevel

from mkdocs_ctoblog import urls
from mkdocs_ctoblog.cache import PostCache
from mkdocs_ctoblog.frontmatter_io import split_post
from mkdocs_ctoblog.posts import Author, Post, ReadResult, ReadSettings, load_authors, read_post, schedule

if TYPE_CHECKING:
    from mkdocs.structure.files import File, Files

log = get_plugin_logger(__name__)

POST_EXTENSIONS = (".md", ".markdown")
_INDEX_FOLDERS = ("page", "category", "tag", "author", "archive")


def is_post_source(src_uri: str, posts_dir: str, blog_dir: str) -> bool:
    """A Markdown file under posts_dir that is not one of the blog's own index pages
    (which matters when posts_dir is blog_dir itself)."""
    if not src_uri.endswith(POST_EXTENSIONS) or not src_uri.startswith(posts_dir.strip("/") + "/"):
        return False
    blog = blog_dir.strip("/")
    reserved = [f"{blog}/index.md", *(f"{blog}/{folder}/" for folder in _INDEX_FOLDERS)]
    return not any(src_uri == r or (r.endswith("/") and src_uri.startswith(r)) for r in reserved)


def collect_posts(
    files: Files,
    *,
    posts_dir: str,
    blog_dir: str,
    settings: ReadSettings,
    cache: PostCache,
    now: dt.datetime,
    future: bool,
    show_unpublished: bool,
) -> dict[str, Post]:
    """Read every post (all of them, drafts included, by source path); move the ones that are
    built to their URLs, out of the nav; remove the others (and undated ones) from `files`."""
    posts: dict[str, Post] = {}
    post_files = [f for f in files.documentation_pages() if is_post_source(f.src_uri, posts_dir, blog_dir)]
    for file in post_files:
        result = cache.read(file.src_uri, file.abs_src_path, settings, partial(_read, file, settings))
        for problem in result.problems:
            log.warning(problem)
        if result.post is None:
            files.remove(file)
            continue
        post = posts[file.src_uri] = schedule(result.post, now, future=future)
        if post.status != "published" and not show_unpublished:
            files.remove(file)
            continue
        _move(file, post.dest_uri)
        file.inclusion = InclusionLevel.NOT_IN_NAV
    cache.keep_only({f.src_uri for f in post_files})
    _check_unique_urls(files)
    return posts


def move_pages_with_permalink(files: Files, *, posts_dir: str, blog_dir: str, use_directory_urls: bool) -> None:
    """Give every page that is not a post and has a front-matter `permalink` (a site path such as
    `/about.html` or `/services/`, as Jekyll pages have) that URL."""
    for file in files.documentation_pages():
        if is_post_source(file.src_uri, posts_dir, blog_dir):
            continue
        try:
            text = file.content_string
        except UnicodeDecodeError:
            continue  # MkDocs reports it when it reads the page
        if not text.startswith("---") or "permalink" not in text[:4000]:
            continue
        permalink = split_post(text).meta.get("permalink")
        if not isinstance(permalink, str) or not permalink.strip().startswith("/") or ":" in permalink:
            if permalink is not None:
                log.warning("%s: 'permalink' expected a site path such as '/about/', received %r; ignored", file.src_uri, permalink)
            continue
        path = permalink.strip()
        folder = path.strip("/")
        if path.endswith("/"):  # an explicit folder stays a folder, also without directory URLs
            _move(file, f"{folder}/index.html" if folder else "index.html")
        else:
            _move(file, urls.dest_uri_for(path, use_directory_urls=use_directory_urls))


def read_authors_file(docs_dir: str, path: str) -> dict[str, Author]:
    """The authors file (`blog/.authors.yml`), when there is one. MkDocs leaves dot files out of
    its collection, so it is read from disk."""
    full = os.path.join(docs_dir, path)
    if not os.path.isfile(full):
        return {}
    try:
        with open(full, encoding="utf-8-sig") as f:
            data = yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as exc:
        log.warning("%s: cannot read authors file: %s", path, exc)
        return {}
    return load_authors(data, path)


def _read(file: File, settings: ReadSettings) -> ReadResult:
    try:
        text = file.content_string
    except UnicodeDecodeError as exc:
        problem = f"{file.src_uri}: expected UTF-8 text ({exc.reason} at byte {exc.start}); the post is left out"
        return ReadResult(None, (problem,))
    return read_post(file.src_uri, text, settings)


def _move(file: File, dest_uri: str) -> None:
    """Give a file a new output path (and so a new URL)."""
    file.dest_uri = dest_uri
    for cached in ("url", "abs_dest_path", "dest_path"):
        file.__dict__.pop(cached, None)


def _check_unique_urls(files: Files) -> None:
    seen: dict[str, File] = {}
    for file in files:
        other = seen.setdefault(file.dest_uri, file)
        if other is not file:
            raise PluginError(
                f"ctoblog: '{other.src_uri}' and '{file.src_uri}' would both be written to '{file.dest_uri}': "
                "give one of them a 'slug' or 'permalink', or put the date in the URLs "
                "with post_url_format: '{year}/{month}/{day}/{slug}'"
            )
