"""The files of a Jekyll source folder, sorted as Jekyll 4.3 sorts them: posts, drafts, pages,
static files, and what Jekyll does not publish as such (layouts, Liquid templates, files in
`_posts` without a dated name)."""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass
from typing import Literal

from mkdocs_ctoblog.jekyll.site_config import SiteConfig

Kind = Literal["post", "draft", "page", "static", "template", "ignored"]

# Jekyll's default `exclude` (configuration.rb) and the files it writes itself.
_DEFAULT_EXCLUDE = (
    ".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules",
    "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/",
)
_POST_NAME = re.compile(r"(\d{2,4}-\d{1,2}-\d{1,2})-(.+)\.([^./]+)$")  # Document::DATE_FILENAME_MATCHER
MARKDOWN = frozenset({"md", "markdown", "mkdown", "mkdn", "mkd", "mdown"})
PAGE_EXTENSIONS = MARKDOWN | {"html", "htm"}


@dataclass(frozen=True)
class SourceFile:
    """One file below the source folder: `rel` uses `/`; `categories` are the folders above a
    `_posts`/`_drafts` folder (Jekyll gives them to its posts); `collection` names the collection
    (`_work/`) a page belongs to."""

    rel: str
    kind: Kind
    categories: tuple[str, ...] = ()
    collection: str | None = None


def has_front_matter(path: str) -> bool:
    """Jekyll's test: the file starts with `---` and a line end."""
    with open(path, "rb") as f:
        head = f.read(5)
    return re.match(rb"---[ \t]*\r?\n", head) is not None


def scan(config: SiteConfig, collections: frozenset[str] = frozenset()) -> list[SourceFile]:
    """Every file Jekyll would read below `config.source`, sorted by path, with the documents of
    the `collections` that Jekyll writes out (`output: true`) as pages; symlinks are left out
    (Jekyll's safe mode does the same)."""
    own = {"_posts", "_drafts", *(f"_{name}" for name in collections)}
    source = config.source
    found: list[SourceFile] = []
    for folder, dirs, names in os.walk(source):
        rel_folder = os.path.relpath(folder, source).replace(os.sep, "/")
        rel_folder = "" if rel_folder == "." else rel_folder
        parts = rel_folder.split("/") if rel_folder else []
        special = next((p for p in ("_posts", "_drafts") if p in parts), None)
        dirs[:] = sorted(
            d for d in dirs
            if not os.path.islink(os.path.join(folder, d))
            and ((d in own and not rel_folder) or d in ("_posts", "_drafts") or _published(_join(rel_folder, d), d, config, special is not None))
        )
        for name in sorted(names):
            rel = _join(rel_folder, name)
            path = os.path.join(folder, name)
            if os.path.islink(path) or not _published(rel, name, config, special is not None):
                continue
            if special is not None:
                categories = tuple(parts[: parts.index(special)])
                if special == "_drafts" or _POST_NAME.search(name):
                    found.append(SourceFile(rel, "post" if special == "_posts" else "draft", categories))
                else:  # Jekyll reads only `YYYY-MM-DD-name.ext` files in `_posts`
                    found.append(SourceFile(rel, "ignored", categories))
                continue
            collection = parts[0][1:] if parts and parts[0] in own - {"_posts", "_drafts"} else None
            found.append(SourceFile(rel, _kind(path, name), collection=collection))
    return found


def post_name(name: str) -> re.Match[str] | None:
    """The date, slug and extension of a post's file name, as Jekyll reads them."""
    return _POST_NAME.search(name)


def _kind(path: str, name: str) -> Kind:
    if not has_front_matter(path):
        return "static"
    return "page" if name.rsplit(".", 1)[-1].lower() in PAGE_EXTENSIONS else "template"


def _published(rel: str, name: str, config: SiteConfig, inside_collection: bool) -> bool:
    """Jekyll's EntryFilter: no `.`/`_`/`#` names or `~` backups unless included; nothing excluded."""
    if _matches(rel, name, config.include):
        return True
    if not inside_collection and (name[:1] in "._#" or name.endswith("~")):
        return False
    if inside_collection and (name[:1] in ".#" or name.endswith("~")):
        return False
    return not _matches(rel, name, _DEFAULT_EXCLUDE + tuple(config.exclude))


def _matches(rel: str, name: str, patterns: tuple[str, ...]) -> bool:
    for pattern in patterns:
        pattern = pattern.strip("/")
        if rel == pattern or rel.startswith(pattern + "/") or name == pattern or fnmatch.fnmatch(rel, pattern):
            return True
    return False


def _join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name
