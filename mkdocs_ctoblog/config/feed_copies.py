"""`feeds.also_at`: further site paths of the blog's feeds (an old site's feed URLs), each mapped to
a format (`atom`: the blog's feed) or to a format and a category (that category's feed)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_ctoblog import outpaths
from mkdocs_ctoblog.feeds.model import FORMATS, Format
from mkdocs_ctoblog.shown import shown

_EXPECTED = (
    "site paths of files mapped to a feed format ('rss', 'atom' or 'json') or to a category's feed "
    "({'format': 'atom', 'category': 'news'}), such as {'/feed.xml': 'atom'}"
)
_KEYS = ("format", "category")


@dataclass(frozen=True)
class FeedCopy:
    """What one `feeds.also_at` path holds: the blog's feed of `format`, or `category`'s."""

    format: Format
    category: str | None = None

    def shown(self) -> str:
        """The value as written in mkdocs.yml, for messages."""
        if self.category is None:
            return shown(self.format)
        return f"{{'format': {shown(self.format)}, 'category': {shown(self.category)}}}"


class FeedCopies(c.Type):
    """`{site path: format or {format, category}}`, stored normalised (`/feed.xml` → `feed.xml`:
    `FeedCopy`); no folder, no `..`, nothing the output-path guard refuses."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, FeedCopy]:
        if not isinstance(value, dict):
            raise base.ValidationError(f"Expected {_EXPECTED}, but received: {shown(value)}")
        copies: dict[str, FeedCopy] = {}
        for path, target in value.items():
            copy, why = _feed_copy(target)
            why = why or _path_problem(path)
            normalised = outpaths.normalise(path, url=True).path if why is None else ""
            if why is None and normalised in copies:
                why = "the same path as another key"
            if why is not None or copy is None:
                raise base.ValidationError(f"Expected {_EXPECTED}, but received {shown(path)}: {shown(target)} ({why})")
            copies[normalised] = copy
        return copies


def _feed_copy(target: object) -> tuple[FeedCopy | None, str | None]:
    """The feed a value names, or why it names none."""
    if isinstance(target, Mapping):
        unknown = [key for key in target if key not in _KEYS]
        if unknown:
            return None, f"unknown key {shown(unknown[0])}: expected 'format' and 'category'"
        category = target.get("category")
        if category is not None and (not isinstance(category, str) or not category.strip()):
            return None, "'category' expected a category name"
        fmt = target.get("format")
    else:
        fmt, category = target, None
    if fmt not in FORMATS:
        return None, "an unknown feed format"
    return FeedCopy(fmt, category), None  # type: ignore[arg-type]


def _path_problem(path: object) -> str | None:
    """Why `path` cannot be a feed copy's site path, or None."""
    if not isinstance(path, str):
        return "the path is not text"
    try:
        found = outpaths.normalise(path, url=True)
    except outpaths.UnsafePath as exc:
        return f"a path which {exc}"
    if found.has_parent:
        return "a path with '..': it must stay inside the site"
    if found.folder or not found.path:
        return "a folder: give a file path"
    return None
