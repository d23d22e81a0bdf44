"""`import-jekyll`: a Jekyll site written out as a ready MkDocs project, every post at its Jekyll URL.

This module reads the posts and pages and runs the steps in order: `plan` gives each its URL,
`writing` writes the project. Reads only from the source folder; writes only below the destination.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from mkdocs_ctoblog import dates
from mkdocs_ctoblog.feeds.model import Format
from mkdocs_ctoblog.jekyll import entries, old_feeds, plan, texts, tree, writing
from mkdocs_ctoblog.jekyll.entries import Entry
from mkdocs_ctoblog.jekyll.project import next_steps, output_collections
from mkdocs_ctoblog.jekyll.report import Report
from mkdocs_ctoblog.jekyll.site import LiquidSite
from mkdocs_ctoblog.jekyll.site_config import SiteConfig, SiteConfigError, read_site_config
from mkdocs_ctoblog.posts import ReadSettings, read_post

PARK_AFTER = dt.timedelta(days=365)
PROGRESS_EVERY = 200
_DATED_URL = re.compile(r":(year|short_year|month|i_month|short_month|long_month|day|i_day|y_day|week|w_year|w_day|short_day|long_day)\b")


class ImportError_(Exception):
    """The import cannot start (destination not empty, unreadable `_config.yml`): one line."""


def import_jekyll(
    src: str, dest: str, *, tags: Mapping[str, str] | None = None, progress: Callable[[str], None] = lambda _: None
) -> Report:
    """Import the Jekyll site at `src` into the new MkDocs project `dest`; return the report.
    `tags` translates the theme's own Liquid tags (`{name: Jinja template}`, as `liquid.tags`)."""
    if os.path.exists(dest) and (not os.path.isdir(dest) or os.listdir(dest)):
        raise ImportError_(f"{dest}: expected a new or empty folder")
    if not os.path.isdir(src):
        raise ImportError_(f"{src}: expected the folder of a Jekyll site")
    config_path = os.path.join(src, "_config.yml")
    try:
        config = read_site_config(config_path) if os.path.exists(config_path) else SiteConfig(config_path, os.path.abspath(src))
    except SiteConfigError as exc:
        raise ImportError_(str(exc)) from None
    return _Importer(config, src, dest, progress, tags or {}).run()


class _Importer:
    def __init__(
        self, config: SiteConfig, src: str, dest: str, progress: Callable[[str], None], tags: Mapping[str, str]
    ) -> None:
        self.config, self.dest, self.progress, self.tags = config, dest, progress, tags
        self.switches: Counter[str] = Counter()  # `comments: true`, `newsletter: true` dropped
        self.tz = ZoneInfo(config.timezone or "UTC")
        self.report = Report(source=src, dest=dest, timezone=config.timezone)
        self.report.problems.extend(config.problems)
        self.now = dates.now()
        self.feed_templates: dict[str, tuple[Format, str]] = {}  # site path → format, template
        self.published_categories: set[str] = set()  # slugs of the published posts' categories

    def run(self) -> Report:
        self.collections = output_collections(self.config)
        files = tree.scan(self.config, frozenset(self.collections))
        pages = [p for p in (self.page(f) for f in files if f.kind == "page") if p is not None]
        self.doc_paths = frozenset(
            [p.doc for p in pages]
            + [entries.post_doc(f) for f in files if f.kind in ("post", "draft")]
            + [f.rel for f in files if f.kind == "static"]
        )
        read = [self.post(f) for f in files if f.kind in ("post", "draft")]
        posts = [p for p in read if p is not None]
        statics = [f.rel for f in files if f.kind == "static" and not self.skip_static(f.rel)]
        in_order = plan.last_written_first(pages, posts, self.collections)
        self.report.collisions += plan.unique_urls(in_order)
        self.report.redirects_left_out += plan.unique_redirects(in_order, statics)
        site = plan.liquid_site(self.config, pages + posts, statics, self.tags)
        self.report.skipped += [(f.rel, "in _posts without a YYYY-MM-DD- name: Jekyll does not publish it") for f in files if f.kind == "ignored"]
        rendered = {f.rel: text for f in files if f.kind == "template" and (text := self.text_file(f, site)) is not None}
        statics += list(rendered)
        feed_copies = old_feeds.feed_copies(
            self.config, self.feed_templates, {*statics, *(p.url for p in pages)}, self.published_categories, self.report
        )
        paths = plan.site_paths(pages + posts, statics, self.config.baseurl, feed_copies)
        os.makedirs(os.path.join(self.dest, "docs"), exist_ok=True)
        for number, entry in enumerate(posts + pages, start=1):
            writing.write_entry(entry, site, paths, self.dest, self.report)
            if number % PROGRESS_EVERY == 0:
                self.progress(f"{number}/{len(posts) + len(pages)} posts and pages written")
        writing.copy_files(self.config.source, self.dest, statics, rendered)
        self.report.static_files = len(statics)
        self.report.pages = len(pages)
        self.report.next_steps = next_steps(self.config, self.dest, self.switches)
        writing.write_config_and_report(self.config, self.dest, self.report, feed_copies)
        return self.report

    # -- reading ----------------------------------------------------------------------------------

    def page(self, file: tree.SourceFile) -> Entry | None:
        doc = os.path.splitext(file.rel)[0].lstrip("_") + ".md"
        entry = entries.read_entry(self.config, file, doc, file.collection or "pages")
        collection = (file.collection, self.collections[file.collection]) if file.collection else None
        entry.url = entries.page_url(self.config, file.rel, entry.meta, collection)
        entry.date = entries.document_date(file.rel, entry.meta, self.tz) if file.collection else None
        self.drop_switches(entry)
        if entry.url in ("404.html", "404/"):
            self.report.skipped.append((file.rel, "a 404 page: the theme's is used"))
            return None
        if entry.url == "blog/" or doc == "blog.md":  # the plugin's blog index lives there
            entry.doc, entry.url = "blog/index.md", "blog/"
        if entries.is_listing(entry.body):
            self.report.listing_pages.append(entry.doc)
            entry.body = "" if entry.url == "blog/" else "<!-- ctoblog:latest count=10 -->\n"
        if entry.url != entries.mkdocs_url(entry.doc):
            entry.meta["permalink"] = "/" + entry.url
        if entry.problem:
            self.report.problems.append(entry.problem)
        return entry

    def post(self, file: tree.SourceFile) -> Entry | None:
        try:
            entry = entries.read_entry(self.config, file, entries.post_doc(file), "posts" if file.kind == "post" else "drafts")
        except UnicodeDecodeError as exc:
            self.report.skipped.append((file.rel, f"not UTF-8 text ({exc.reason})"))
            return None
        entries.with_folder_categories(entry.meta, file.categories)
        entries.with_cover_path(entry.meta)
        entries.with_media_subpath(entry.meta)
        self.drop_switches(entry)
        if file.kind == "draft":
            entry.meta["draft"] = True
            entry.meta.setdefault("date", entries.draft_date(self.config, file, self.tz))
        post, problems = self.read_as_plugin(entry)
        self.report.problems += [p for p in problems if "front matter" not in p] + ([entry.problem] if entry.problem else [])
        if post is None:
            self.report.skipped.append((file.rel, "no usable date"))
            return None
        entry.url = entries.dest_url(post.dest_uri)
        entry.date = post.date
        if post.status == "draft":
            (self.report.drafts if file.kind == "draft" or post.meta.get("draft") else self.report.hidden).append(entry.doc)
        elif post.date > self.now + PARK_AFTER and not self.config.future:
            entry.meta["draft"] = True
            self.report.parked.append((entry.doc, post.date))
        elif post.date > self.now and not self.config.future:
            self.report.scheduled.append((entry.doc, post.date))
        else:
            self.report.published += 1
            self.published_categories.update(post.category_slugs)
        if self.day_depends_on_zone(post.date):
            self.report.zone_days.append((entry.doc, post.date, entry.url))
        last = entry.url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
        if entry.url != entry.url.lower() or any(c in last for c in "_. "):
            self.report.kept_urls.append((entry.doc, "/" + entry.url))
        return entry

    def day_depends_on_zone(self, date: dt.datetime) -> bool:
        """A date with a UTC offset on another day in UTC, in a dated URL, with no `timezone`:
        Jekyll's URL for it depended on the zone of the machine that built the site."""
        return (
            self.config.timezone is None and bool(date.utcoffset()) and _DATED_URL.search(self.config.post_permalink) is not None
            and date.date() != date.astimezone(dt.timezone.utc).date()
        )

    def drop_switches(self, entry: Entry) -> None:
        """`comments: true` / `newsletter: true` are for Jekyll layouts; ctoblog's need a provider first."""
        for switch in ("comments", "newsletter"):
            if entry.meta.get(switch) is True:
                del entry.meta[switch]
                self.switches[switch] += 1

    def read_as_plugin(self, entry: Entry) -> tuple[Any, tuple[str, ...]]:
        """The post as the plugin will read it in the new project (same settings as mkdocs.yml)."""
        settings = ReadSettings(
            tz=self.tz, blog_dir="blog", post_url_format=self.config.post_permalink, use_directory_urls=True,
            words_per_minute=230, authors={}, categories_allowed=frozenset(), doc_paths=self.doc_paths,
            posts_dir="blog/posts", slug_case="keep", excerpt_separator=None, previous_post_url_formats=(),
        )
        result = read_post(entry.doc, writing.document(entry.meta, entry.body), settings)
        return result.post, result.problems

    def text_file(self, file: tree.SourceFile, site: LiquidSite) -> str | None:
        text = texts.translated(self.config.source, file.rel, site)
        feed = old_feeds.feed_template(self.config.source, file.rel) if text is None else None
        if feed is not None:
            self.feed_templates[feed[0]] = (feed[1], file.rel)
        if text is None:
            self.report.skipped.append((file.rel, "a Liquid template of the theme (feeds, styles); ctoblog writes its own"))
        return text

    def skip_static(self, rel: str) -> bool:
        if rel.lower().endswith((".md", ".markdown")):
            self.report.skipped.append((rel, "Markdown without front matter: Jekyll copies it as a plain file"))
            return True
        return False


def read_tags(path: str) -> dict[str, str]:
    """A `--tags` file: `{tag name: Jinja template}`, each template parsed."""
    from mkdocs_ctoblog.jekyll.tags import check_template

    try:
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as exc:
        raise ImportError_(f"{path}: cannot read the tags file: {exc}") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise ImportError_(f"{path}: expected a mapping of tag names to Jinja templates")
    for name, source in data.items():
        problem = check_template(source)
        if problem:
            raise ImportError_(f"{path}: tag '{name}': the template fails at {problem}")
    return data
