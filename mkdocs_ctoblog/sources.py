"""Post files in MkDocs' file collection: pick them out, read them (cached), give them their URLs."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from functools import partial
from typing import TYPE_CHECKING

import yaml
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import InclusionLevel

from mkdocs_ctoblog import dates, outpaths, urls
from mkdocs_ctoblog.cache import PostCache
from mkdocs_ctoblog.config.ctoblog import DEFAULT_AUTHORS_FILE
from mkdocs_ctoblog.frontmatter_io import describe_yaml_error, load_yaml, split_post
from mkdocs_ctoblog.jekyll import permalink as jekyll_permalink
from mkdocs_ctoblog.posts import Author, Post, ReadResult, ReadSettings, load_authors, read_post, schedule
from mkdocs_ctoblog.shown import shown

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

    from mkdocs_ctoblog.config import CtoblogConfig

log = get_plugin_logger(__name__)

POST_EXTENSIONS = (".md", ".markdown")
_DATED_NAME = re.compile(r"\d{2,4}-\d{1,2}-\d{1,2}-.+\.[^./]+$")  # Jekyll's post file names
_INDEX_FOLDERS = ("page", "category", "tag", "author", "archive", "series")


def is_post_source(src_uri: str, posts_dir: str, blog_dir: str) -> bool:
    """A Markdown file under posts_dir that is not one of the blog's own index pages
    (which matters when posts_dir is blog_dir itself)."""
    if not src_uri.endswith(POST_EXTENSIONS) or not src_uri.startswith(posts_dir.strip("/") + "/"):
        return False
    blog = blog_dir.strip("/")
    reserved = [f"{blog}/index.md", *(f"{blog}/{folder}/" for folder in _INDEX_FOLDERS)]
    return not any(src_uri == r or (r.endswith("/") and src_uri.startswith(r)) for r in reserved)


def read_blog_posts(
    files: Files,
    config: MkDocsConfig,
    cfg: CtoblogConfig,
    *,
    tz: ZoneInfo,
    cache: PostCache,
    show_unpublished: bool,
) -> tuple[list[File], dict[str, Post]]:
    """Check posts_dir, move pages with a `permalink`, then read every post (see `collect_posts`);
    return the pages moved and the posts."""
    posts_dir = cfg.resolved_posts_dir()
    check_posts_dir(
        files, config.docs_dir, posts_dir, blog_dir=None if cfg.posts_dir else cfg.blog_dir.strip("/")
    )
    moved = move_pages_with_permalink(
        files, posts_dir=posts_dir, blog_dir=cfg.blog_dir, use_directory_urls=config.use_directory_urls
    )
    posts = collect_posts(
        files,
        posts_dir=posts_dir,
        blog_dir=cfg.blog_dir,
        settings=read_settings(files, config, cfg, tz),
        cache=cache,
        now=dates.now(),
        future=cfg.future,
        show_unpublished=show_unpublished,
    )
    return moved, posts


def read_settings(files: Files, config: MkDocsConfig, cfg: CtoblogConfig, tz: ZoneInfo) -> ReadSettings:
    """What reading a post needs from the site and the plugin config."""
    return ReadSettings(
        tz=tz,
        blog_dir=cfg.blog_dir,
        post_url_format=cfg.post_url_format,
        use_directory_urls=config.use_directory_urls,
        words_per_minute=cfg.words_per_minute,
        authors=read_authors_file(
            config.docs_dir, cfg.resolved_authors_file(), required=cfg.authors_file != DEFAULT_AUTHORS_FILE
        ),
        categories_allowed=frozenset(urls.slugify(c) for c in cfg.categories_allowed),
        doc_paths=frozenset(f.src_uri for f in files),
        posts_dir=cfg.resolved_posts_dir(),
        slug_case=cfg.resolved_slug_case(),
        excerpt_separator=cfg.excerpt_separator,
        previous_post_url_formats=cfg.resolved_previous_post_url_formats(),
    )


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
    return posts


def move_pages_with_permalink(
    files: Files, *, posts_dir: str, blog_dir: str, use_directory_urls: bool
) -> list[File]:
    """Give every page that is not a post and has a front-matter `permalink` (a site path such as
    `/about.html` or `/services/`, as Jekyll pages have) that URL; return the pages moved. The path
    goes through the output-path guard as a post's does (`..` dropped with a warning; unsafe: ignored)."""
    moved = []
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
                log.warning(
                    "%s: 'permalink' expected a site path such as '/about/', received %r; ignored",
                    file.src_uri,
                    permalink,
                )
            continue
        try:
            url = outpaths.normalise(jekyll_permalink.expand(permalink.strip(), {}), url=True)
            climbs = outpaths.normalise(permalink, url=True).has_parent
        except outpaths.UnsafePath as exc:
            log.warning(
                "%s: 'permalink' expected a site path inside the site, received %r, which %s; ignored",
                file.src_uri,
                permalink,
                exc,
            )
            continue
        if climbs or url.above_root:
            log.warning(
                "%s: 'permalink' expected a site path without '..', received %r: '..' is dropped "
                "(as Jekyll does; never above the site root), so the page is at '/%s'",
                file.src_uri,
                permalink,
                url.path,
            )
        if url.folder:  # an explicit folder stays a folder, also without directory URLs
            _move(file, posixpath.join(url.path, "index.html"))
        else:
            _move(file, urls.dest_uri_for(url.path, use_directory_urls=use_directory_urls))
        moved.append(file)
    return moved


def check_posts_dir(files: Files, docs_dir: str, posts_dir: str, *, blog_dir: str | None) -> None:
    """One warning when posts_dir is not a folder of docs_dir and holds no file (from a plugin).
    `blog_dir` is given when posts_dir is the default: then a site without a blog folder (no blog
    started yet) is left alone."""
    _warn_unread_posts(files, posts_dir)
    if blog_dir is not None and not os.path.isdir(os.path.join(docs_dir, blog_dir)):
        return
    if os.path.isdir(os.path.join(docs_dir, posts_dir)) or any(
        f.src_uri.startswith(posts_dir + "/") for f in files
    ):
        return
    log.warning(
        "posts_dir '%s' does not exist in docs_dir: no posts are read. Create it, or set posts_dir "
        "(default '<blog_dir>/posts') to the folder of your posts",
        posts_dir,
    )


def _warn_unread_posts(files: Files, posts_dir: str) -> None:
    """One warning for Jekyll posts MkDocs does not read as Markdown (`2019-05-02-x.html`,
    `x.md.backup`: a dated name and front matter), which would otherwise be left out silently."""
    unread = []
    for file in files:
        name = posixpath.basename(file.src_uri)
        if (
            not file.src_uri.startswith(posts_dir + "/")
            or name.endswith(POST_EXTENSIONS)
            or not _DATED_NAME.match(name)
        ):
            continue
        try:
            with open(file.abs_src_path or "", "rb") as f:
                if f.read(4).rstrip(b"\r\n") == b"---":
                    unread.append(file.src_uri)
        except OSError:
            continue
    if unread:
        log.warning(
            "%d Jekyll posts in posts_dir are not Markdown files, so MkDocs does not read them (first: %s): "
            "rename them to .md, or move the blog with 'ctoblog import-jekyll', which does",
            len(unread),
            ", ".join(sorted(unread)[:3]),
        )


def read_authors_file(docs_dir: str, path: str, *, required: bool = False) -> dict[str, Author]:
    """The authors file (`blog/.authors.yml`), when there is one (a `required` one, named in
    mkdocs.yml, is warned about when missing). MkDocs leaves dot files out of its collection, so it
    is read from disk."""
    full = os.path.join(docs_dir, path)
    if not os.path.isfile(full):
        if required:
            log.warning(
                "mkdocs.yml: 'authors_file' names %s, expected a YAML file in docs_dir; no authors read",
                shown(path),
            )
        return {}
    try:
        with open(full, encoding="utf-8-sig") as f:
            data = load_yaml(f.read())
    except UnicodeDecodeError as exc:
        log.warning(
            "%s: authors file: expected UTF-8 text (%s at byte %d); no authors read",
            path,
            exc.reason,
            exc.start,
        )
        return {}
    except OSError as exc:
        log.warning("%s: cannot read the authors file (%s)", path, exc.strerror or exc)
        return {}
    except yaml.YAMLError as exc:
        log.warning("%s: authors file %s; no authors read", path, describe_yaml_error(exc))
        return {}
    return load_authors(data, path)


def _read(file: File, settings: ReadSettings) -> ReadResult:
    try:
        text = file.content_string
    except UnicodeDecodeError as exc:
        problem = (
            f"{file.src_uri}: expected UTF-8 text ({exc.reason} at byte {exc.start}); the post is left out"
        )
        return ReadResult(None, (problem,))
    return read_post(file.src_uri, text, settings)


def _move(file: File, dest_uri: str) -> None:
    """Give a file a new output path (and so a new URL)."""
    file.dest_uri = dest_uri
    for cached in ("url", "abs_dest_path", "dest_path"):
        file.__dict__.pop(cached, None)
