"""The feeds a Jekyll site published: jekyll-feed's Atom feed and the theme's own feed templates
(`atom.xml`, `rss.xml` looping over posts). The new project writes its blog's feed of the same
format at each of their paths too (`feeds.also_at`), so subscribers keep reading."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from mkdocs_ctoblog import outpaths
from mkdocs_ctoblog.feeds.model import FILE_NAMES, NAMES, Format
from mkdocs_ctoblog.frontmatter_io import split_post
from mkdocs_ctoblog.jekyll.project import raw_config
from mkdocs_ctoblog.jekyll.report import Report
from mkdocs_ctoblog.jekyll.site_config import SiteConfig
from mkdocs_ctoblog.shown import shown
from mkdocs_ctoblog.urls import slugify

NAME = "jekyll-feed"
DEFAULT_PATH = "/feed.xml"  # jekyll-feed's default `feed: path:`
MAIN_FEEDS: Mapping[str, Format] = {f"/blog/{name}": fmt for fmt, name in FILE_NAMES.items()}  # the import's blog_dir
_GEMFILE_LINE = re.compile(r"""^\s*gem\s+["']jekyll-feed["']""", re.MULTILINE)
# Theme gems that depend on jekyll-feed: Jekyll loads a gem theme's dependencies, so `theme: minima`
# alone publishes /feed.xml (checked with Jekyll 4.3 and minima 2.5).
_THEMES_WITH_FEED = frozenset({"minima"})
_FEED_META = re.compile(r"\{%-?\s*feed_meta\b")  # jekyll-feed's head tag: the site's layouts need the plugin
_TEMPLATE_FOLDERS = ("_layouts", "_includes")
_OTHER_FEEDS = ("tags", "collections")  # ctoblog has no tag feeds, and one blog
_TEMPLATE_FORMATS: tuple[tuple[re.Pattern[str], Format], ...] = (
    (re.compile(r"<feed[\s>]"), "atom"),
    (re.compile(r"<rss[\s>]"), "rss"),
    (re.compile(r"jsonfeed\.org/version/"), "json"),
)


@dataclass(frozen=True)
class JekyllFeed:
    """The site path jekyll-feed wrote the posts' Atom feed to (`/feed.xml`), the categories it
    wrote a feed of (`feed: categories`, or `feed: collections: posts: categories`; each at
    `/feed/<category>.xml`), the feeds it wrote that the new project does not keep (`feed: tags`,
    other `collections`), and `problem`: why `path` cannot be kept (then `path` is None)."""

    path: str | None
    not_kept: tuple[str, ...] = ()
    problem: str | None = None
    categories: tuple[str, ...] = ()


def jekyll_feed(config: SiteConfig) -> JekyllFeed | None:
    """jekyll-feed's feed when the site uses the plugin (`plugins:` or `gems:` of `_config.yml`,
    the site's Gemfile, a gem theme that depends on it, or `{% feed_meta %}` in the site's layouts),
    else None."""
    if not _uses_jekyll_feed(config):
        return None
    raw = raw_config(config)
    settings = raw.get("feed")
    settings = settings if isinstance(settings, Mapping) else {}
    collections = settings.get("collections")
    posts = collections.get("posts") if isinstance(collections, Mapping) else None
    posts = posts if isinstance(posts, Mapping) else {}
    given = posts.get("path") or settings.get("path")
    categories = _category_names(posts.get("categories") or settings.get("categories"))  # as jekyll-feed reads them
    not_kept = tuple(
        f"feed: {key}" for key in _OTHER_FEEDS
        if settings.get(key) and not (key == "collections" and _only_posts(settings.get(key)))
    )
    if given is None:
        return JekyllFeed(DEFAULT_PATH, not_kept, categories=categories)
    path = site_path(given)
    if path is None:
        problem = f"_config.yml feed: path: {given!r} is not a file path inside the site; the feed's URL is not kept"
        return JekyllFeed(None, not_kept, problem, categories)
    return JekyllFeed(path, not_kept, categories=categories)


def feed_copies(
    config: SiteConfig,
    templates: Mapping[str, tuple[Format, str]],
    taken: set[str],
    categories: set[str],
    report: Report,
) -> dict[str, Format | dict[str, str]]:
    """The old site's feed paths and what they are now, for `feeds.also_at` (a format, or a format
    and a category, as mkdocs.yml gives them): jekyll-feed's Atom
    feed and its category feeds, and the theme's feed templates (`templates`: path → format,
    template file); but not where a file of the site is (`taken`: jekyll-feed leaves such a file
    alone, and so does the import), not on the blog's own feeds, and not for a category no
    published post has (`categories`: their slugs). What is kept and what is not goes to the report."""
    found: dict[str, tuple[Format, str, str | None]] = {}  # path → format, what wrote it, category
    plugin = jekyll_feed(config)
    if plugin is not None:
        report.feed_not_kept += plugin.not_kept
        if plugin.problem:
            report.problems.append(plugin.problem)
        if plugin.path is not None:
            found[plugin.path] = ("atom", "jekyll-feed's Atom feed", None)
        found |= _category_feeds(plugin.categories, categories, report)
    found |= {path: (fmt, f"the {NAMES[fmt]} feed of the template {rel}", None) for path, (fmt, rel) in templates.items()}
    copies: dict[str, Format | dict[str, str]] = {}
    for path, (fmt, what, category) in sorted(found.items()):
        main = MAIN_FEEDS.get(path)
        if path.lstrip("/") in taken:
            report.problems.append(f"{path}: a file of the site (copied as it is), so no feed is written there")
        elif main is not None and main != fmt:
            report.problems.append(f"{path}: {what} is now the blog's {NAMES[main]} feed")
        else:  # a category feed's path is never a main feed's (`/feed/<name>.xml`, no '..')
            if main is None:
                copies[path] = fmt if category is None else {"format": fmt, "category": category}
            now = "the blog's" if category is None else "the category's"
            report.kept_feeds.append(f"{path}: {what}, now {now}" + ("" if main else " (feeds.also_at in mkdocs.yml)"))
    return copies


def _category_feeds(
    listed: tuple[str, ...], published: set[str], report: Report
) -> dict[str, tuple[Format, str, str | None]]:
    """jekyll-feed's feed of each listed category (`/feed/<category>.xml`, the name as written), for
    the categories some published post has; the others are reported (Jekyll wrote them empty)."""
    found: dict[str, tuple[Format, str, str | None]] = {}
    for name in listed:
        path = site_path(f"/feed/{name}.xml")
        what = f"jekyll-feed's Atom feed of category {shown(name)}"
        if path is None:
            report.problems.append(f"_config.yml feed: categories: {shown(name)}: /feed/{name}.xml is not a file path inside the site; not kept")
        elif slugify(name) not in published:
            report.problems.append(f"{path}: {what} is not kept: no published post has that category")
        else:
            found[path] = ("atom", what, name)
    return found


def feed_template(source: str, rel: str) -> tuple[str, Format] | None:
    """(site path, format) of a Liquid template that writes a feed (`atom.xml` with `<feed>`,
    `rss.xml` with `<rss>`, a JSON Feed), at its `permalink` if it has one; else None."""
    try:
        with open(os.path.join(source, rel), encoding="utf-8-sig") as f:
            split = split_post(f.read())
    except (OSError, UnicodeDecodeError):
        return None
    fmt = next((fmt for pattern, fmt in _TEMPLATE_FORMATS if pattern.search(split.body)), None)
    permalink = split.meta.get("permalink") if not split.error else None
    path = site_path(permalink if isinstance(permalink, str) and permalink.strip() else rel)
    return (path, fmt) if fmt is not None and path is not None else None


def site_path(path: object) -> str | None:
    """`/feed.xml` for a file path inside the site (`feed.xml`, `/feed.xml`), else None."""
    if not isinstance(path, str):
        return None
    try:
        found = outpaths.normalise(path, url=True)
    except outpaths.UnsafePath:
        return None
    return None if found.has_parent or found.folder or not found.path else "/" + found.path


def _uses_jekyll_feed(config: SiteConfig) -> bool:
    raw = raw_config(config)
    listed = [name for key in ("plugins", "gems") if isinstance(raw.get(key), list) for name in raw[key]]
    return (
        NAME in listed
        or raw.get("theme") in _THEMES_WITH_FEED
        or _in_gemfile(os.path.dirname(config.config_path))
        or _in_templates(config.source)
    )


def _in_templates(source: str) -> bool:
    """Whether a layout or include of the site calls jekyll-feed's `{% feed_meta %}`."""
    for folder in _TEMPLATE_FOLDERS:
        for root, _dirs, files in os.walk(os.path.join(source, folder)):
            for name in files:
                try:
                    with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                        if _FEED_META.search(f.read()):
                            return True
                except OSError:
                    continue
    return False


def _in_gemfile(folder: str) -> bool:
    try:
        with open(os.path.join(folder, "Gemfile"), encoding="utf-8", errors="replace") as f:
            return _GEMFILE_LINE.search(f.read()) is not None
    except OSError:
        return False


def _category_names(listed: object) -> tuple[str, ...]:
    """The category names of jekyll-feed's `categories:` list (a number is its text)."""
    if not isinstance(listed, list):
        return ()
    names = [str(item) for item in listed if isinstance(item, (str, int)) and not isinstance(item, bool)]
    return tuple(dict.fromkeys(name for name in names if name.strip()))


def _only_posts(collections: object) -> bool:
    names = list(collections) if isinstance(collections, (Mapping, list)) else []
    return all(str(name) == "posts" for name in names)
