"""A Jekyll site's `_config.yml`, read into typed settings with Jekyll 4.3's defaults.

Usage::

    from mkdocs_ctoblog.jekyll.site_config import SiteConfigError, read_site_config

    try:
        site = read_site_config("old-blog/_config.yml")
    except SiteConfigError as exc:  # missing file, YAML error, not a mapping: one line
        raise SystemExit(str(exc))
    for problem in site.problems:  # a key with a wrong type: one line each, Jekyll's default used
        log.warning(problem)
    site.post_permalink   # the posts' URL template: '/wrote/:title/' or '/:categories/:year/…'
    site.source           # absolute folder of the site's sources (`source:`, else the config's folder)
    site.defaults_for("_posts/2019-05-02-x.md", "posts")  # merged front-matter defaults, as Jekyll merges them

Nothing here imports MkDocs: the `import-jekyll` command and the plugin's `jekyll_config` share it.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from mkdocs_ctoblog.jekyll.permalink import STYLES, style_to_template, unknown_placeholders

DEFAULT_EXCERPT_SEPARATOR = "\n\n"  # Jekyll's default: the excerpt is the first paragraph
DEFAULT_PAGINATE_PATH = "/page:num"


class SiteConfigError(ValueError):
    """A `_config.yml` that cannot be read at all; the message names the file."""


@dataclass(frozen=True)
class DefaultsSet:
    """One entry of `defaults:`: a scope (`path`, `type`) and the front-matter `values` it gives."""

    path: str
    type: str | None
    values: Mapping[str, Any]


@dataclass(frozen=True)
class SiteConfig:
    """The keys of `_config.yml` that moving a blog needs; unset keys hold Jekyll's defaults."""

    config_path: str
    source: str
    permalink: str = "date"
    posts_permalink: str | None = None
    timezone: str | None = None
    url: str | None = None
    baseurl: str = ""
    title: str | None = None
    description: str | None = None
    author: str | Mapping[str, Any] | None = None
    excerpt_separator: str = DEFAULT_EXCERPT_SEPARATOR
    future: bool = False
    paginate: int | None = None
    paginate_path: str = DEFAULT_PAGINATE_PATH
    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = (".htaccess",)
    defaults: tuple[DefaultsSet, ...] = ()
    problems: tuple[str, ...] = field(default=(), compare=False)

    @property
    def post_permalink(self) -> str:
        """The template that gives posts their URL, in Jekyll's order of precedence: a `permalink`
        in `defaults` for all posts, then `collections.posts.permalink`, then `permalink`."""
        from_defaults = self.defaults_for("", "posts", scoped=False).get("permalink")
        if isinstance(from_defaults, str) and from_defaults.strip():
            return style_to_template(from_defaults)
        return style_to_template(self.posts_permalink or self.permalink)

    def defaults_for(self, path: str, type_: str, *, scoped: bool = True) -> dict[str, Any]:
        """Front-matter defaults of a file (path relative to `source`) of a type (`posts`,
        `drafts`, `pages`), merged as `FrontmatterDefaults#all` merges them. Without `scoped`,
        only sets with no path apply (what every file of the type gets)."""
        merged: dict[str, Any] = {}
        winner: DefaultsSet | None = None
        for entry in self.defaults:
            if entry.type is not None and entry.type != type_:
                continue
            if entry.path and (not scoped or not _path_applies(entry.path, path)):
                continue
            if winner is None or _has_precedence(winner, entry):
                merged = _deep_merge(merged, entry.values)
                winner = entry
            else:
                merged = _deep_merge(entry.values, merged)
        return merged


def read_site_config(path: str) -> SiteConfig:
    """Read a `_config.yml`; raise `SiteConfigError` when it cannot be read as a mapping."""
    try:
        with open(path, encoding="utf-8-sig") as f:
            data = yaml.safe_load(f)
    except OSError as exc:
        raise SiteConfigError(f"{path}: cannot read the file: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise SiteConfigError(f"{path}: invalid YAML{where}: {getattr(exc, 'problem', None) or exc}") from None
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise SiteConfigError(f"{path}: expected a mapping of settings, received {type(data).__name__}")
    return _Reader(path, data).read()


class _Reader:
    """Reads each key; a wrong value is one problem line and Jekyll's default is kept."""

    def __init__(self, path: str, data: Mapping[str, Any]) -> None:
        self.path = path
        self.data = data
        self.problems: list[str] = []

    def warn(self, key: str, value: object, expected: str) -> None:
        self.problems.append(f"{self.path}: '{key}' expected {expected}, received {value!r}; using Jekyll's default")

    def read(self) -> SiteConfig:
        folder = os.path.dirname(os.path.abspath(self.path))
        source = self.text("source")
        return SiteConfig(
            config_path=self.path,
            source=os.path.normpath(os.path.join(folder, source)) if source else folder,
            permalink=self.permalink("permalink", self.data.get("permalink")) or "date",
            posts_permalink=self.posts_permalink(),
            timezone=self.timezone(),
            url=self.text("url"),
            baseurl=(self.text("baseurl") or "").rstrip("/"),
            title=self.text("title"),
            description=self.text("description"),
            author=self.author(),
            excerpt_separator=self.excerpt_separator(),
            future=self.flag("future"),
            paginate=self.paginate(),
            paginate_path=self.text("paginate_path") or DEFAULT_PAGINATE_PATH,
            exclude=self.names("exclude", ()),
            include=self.names("include", (".htaccess",)),
            defaults=self.defaults(),
            problems=tuple(self.problems),
        )

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value).strip() or None
        self.warn(key, value, "text")
        return None

    def permalink(self, key: str, value: object) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.warn(key, value, f"a style ({', '.join(STYLES)}) or a pattern such as '/:year/:title/'")
            return None
        unknown = unknown_placeholders(value)
        if unknown:
            self.warn(key, value, f"Jekyll's placeholders, not {', '.join(unknown)}")
            return None
        return value.strip()

    def posts_permalink(self) -> str | None:
        collections = self.data.get("collections")
        posts = collections.get("posts") if isinstance(collections, Mapping) else None
        if not isinstance(posts, Mapping):
            return None
        return self.permalink("collections.posts.permalink", posts.get("permalink"))

    def timezone(self) -> str | None:
        name = self.text("timezone")
        if name is None:
            return None
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            self.warn("timezone", name, "an IANA time zone name such as 'Europe/London'")
            return None
        return name

    def author(self) -> str | Mapping[str, Any] | None:
        value = self.data.get("author")
        if value is None or isinstance(value, Mapping):
            return value
        return self.text("author")

    def excerpt_separator(self) -> str:
        value = self.data.get("excerpt_separator", DEFAULT_EXCERPT_SEPARATOR)
        if isinstance(value, str):
            return value
        self.warn("excerpt_separator", value, "text such as '<!--more-->'")
        return DEFAULT_EXCERPT_SEPARATOR

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if isinstance(value, bool):
            return value
        self.warn(key, value, "true or false")
        return False

    def paginate(self) -> int | None:
        value = self.data.get("paginate")
        if value is None or value is False:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
        self.warn("paginate", value, "a whole number of posts per page")
        return None

    def names(self, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            return tuple(str(v) for v in value)
        self.warn(key, value, "a list of file or folder names")
        return default

    def defaults(self) -> tuple[DefaultsSet, ...]:
        value = self.data.get("defaults")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.warn("defaults", value, "a list of {scope, values}")
            return ()
        sets: list[DefaultsSet] = []
        for entry in value:
            scope = entry.get("scope", {}) if isinstance(entry, Mapping) else None
            if not isinstance(scope, Mapping) or not isinstance(entry.get("values"), Mapping):
                self.warn("defaults", entry, "{scope: {path, type}, values: {...}}")
                continue
            kind = scope.get("type")
            sets.append(
                DefaultsSet(
                    path=str(scope.get("path") or ""),
                    type=_TYPE_ALIASES.get(str(kind), str(kind)) if kind is not None else None,
                    values=dict(entry["values"]),
                )
            )
        return tuple(sets)


_TYPE_ALIASES = {"post": "posts", "page": "pages", "draft": "drafts"}  # Jekyll's deprecated names


def _clean_scope(path: str) -> str:
    """`sanitize_path`: a leading `/` and a trailing one go."""
    return path.strip("/") if path.startswith("/") else path


def _path_applies(scope_path: str, path: str) -> bool:
    """Whether a file lies under a scope path (a glob matches the file or one of its folders)."""
    scope = _clean_scope(scope_path)
    if "*" not in scope:
        return path.startswith(scope)
    parts = path.split("/")
    return any(fnmatch.fnmatchcase("/".join(parts[:n]), scope) for n in range(1, len(parts) + 1))


def _has_precedence(old: DefaultsSet, new: DefaultsSet) -> bool:
    """Jekyll's rule: the longer path wins; on equal paths a set with a type wins."""
    new_path, old_path = _clean_scope(new.path), _clean_scope(old.path)
    if len(new_path) != len(old_path):
        return len(new_path) >= len(old_path)
    return new.type is not None or old.type is None


def _deep_merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged
