"""`import-jekyll`: a Jekyll site written out as a ready MkDocs project, every post at its Jekyll URL.

Reads only from the source folder; writes only below the destination folder.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from mkdocs_ctoblog import dates, inject
from mkdocs_ctoblog.feeds.model import NAMES, Format
from mkdocs_ctoblog.jekyll import entries, old_feeds, project, texts, tree
from mkdocs_ctoblog.jekyll.entries import Entry
from mkdocs_ctoblog.jekyll.evaluate import Evaluator, jekyll_site
from mkdocs_ctoblog.jekyll.links import fix_links
from mkdocs_ctoblog.jekyll.liquid import translate
from mkdocs_ctoblog.jekyll.project import mkdocs_yml, next_steps, output_collections, site_variables
from mkdocs_ctoblog.jekyll.report import Report
from mkdocs_ctoblog.jekyll.site import LiquidSite, read_include
from mkdocs_ctoblog.jekyll.site_config import SiteConfig, SiteConfigError, read_site_config
from mkdocs_ctoblog.posts import ReadSettings, read_post
from mkdocs_ctoblog.sitepaths import SiteFile, SitePaths

PARK_AFTER = dt.timedelta(days=365)
PROGRESS_EVERY = 200
_DATED_URL = re.compile(r":(year|short_year|month|i_month|short_month|long_month|day|i_day|y_day|week|w_year|w_day|short_day|long_day)\b")
_NEWSLETTER_INCLUDE = re.compile(r"^include(?:_cached)? .*(newsletter|subscribe|signup|mailchimp)", re.IGNORECASE)


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
        self.unique_urls(pages, posts)
        site = self.liquid_site(pages + posts, statics)
        self.report.skipped += [(f.rel, "in _posts without a YYYY-MM-DD- name: Jekyll does not publish it") for f in files if f.kind == "ignored"]
        rendered = {f.rel: text for f in files if f.kind == "template" and (text := self.text_file(f, site)) is not None}
        statics += list(rendered)
        feed_copies = self.feed_copies(statics, pages)
        self.paths = SitePaths(
            [_site_file(e.doc, e.url) for e in pages + posts] + [SiteFile(rel, rel, rel) for rel in statics],
            self.config.baseurl,
            others=lambda path: "the new project" if path in project.WRITTEN_BY_OTHERS or "/" + path in feed_copies else None,
        )
        os.makedirs(os.path.join(self.dest, "docs"), exist_ok=True)
        for number, entry in enumerate(posts + pages, start=1):
            self.write(entry, site)
            if number % PROGRESS_EVERY == 0:
                self.progress(f"{number}/{len(posts) + len(pages)} posts and pages written")
        for rel in statics:
            target = os.path.join(self.dest, "docs", rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if rel in rendered:
                with open(target, "w", encoding="utf-8") as f:
                    f.write(rendered[rel])
            else:
                shutil.copyfile(os.path.join(self.config.source, rel), target)
        self.report.static_files = len(statics)
        self.report.pages = len(pages)
        self.report.next_steps = next_steps(self.config, self.dest, self.switches)
        with open(os.path.join(self.dest, "mkdocs.yml"), "w", encoding="utf-8") as f:
            f.write(mkdocs_yml(self.config, broken_links=bool(self.report.broken), feed_copies=feed_copies))
        with open(os.path.join(self.dest, "import-report.txt"), "w", encoding="utf-8") as f:
            f.write(self.report.text())
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
        result = read_post(entry.doc, _document(entry.meta, entry.body), settings)
        return result.post, result.problems

    def text_file(self, file: tree.SourceFile, site: LiquidSite) -> str | None:
        text = texts.translated(self.config.source, file.rel, site)
        feed = old_feeds.feed_template(self.config.source, file.rel) if text is None else None
        if feed is not None:
            self.feed_templates[feed[0]] = (feed[1], file.rel)
        if text is None:
            self.report.skipped.append((file.rel, "a Liquid template of the theme (feeds, styles); ctoblog writes its own"))
        return text

    def feed_copies(self, statics: list[str], pages: list[Entry]) -> dict[str, Format]:
        """The old site's feed paths and their formats, for `feeds.also_at`: jekyll-feed's Atom feed
        and the theme's feed templates (found by `text_file`), but not where a file of the site is
        (jekyll-feed leaves such a file alone, and so does the import) nor on the blog's own feeds."""
        found: dict[str, tuple[Format, str]] = {}  # path → format, what wrote it
        plugin = old_feeds.jekyll_feed(self.config)
        if plugin is not None:
            self.report.feed_not_kept += plugin.not_kept
            if plugin.problem:
                self.report.problems.append(plugin.problem)
            if plugin.path is not None:
                found[plugin.path] = ("atom", "jekyll-feed's Atom feed")
        found |= {path: (fmt, f"the {NAMES[fmt]} feed of the template {rel}") for path, (fmt, rel) in self.feed_templates.items()}
        taken = {*statics, *(p.url for p in pages)}
        copies: dict[str, Format] = {}
        for path, (fmt, what) in sorted(found.items()):
            main = old_feeds.MAIN_FEEDS.get(path)
            if path.lstrip("/") in taken:
                self.report.problems.append(f"{path}: a file of the site (copied as it is), so no feed is written there")
            elif main is not None and main != fmt:
                self.report.problems.append(f"{path}: {what} is now the blog's {NAMES[main]} feed")
            else:
                if main is None:
                    copies[path] = fmt
                self.report.kept_feeds.append(f"{path}: {what}, now the blog's" + ("" if main else " (feeds.also_at in mkdocs.yml)"))
        return copies

    def skip_static(self, rel: str) -> bool:
        if rel.lower().endswith((".md", ".markdown")):
            self.report.skipped.append((rel, "Markdown without front matter: Jekyll copies it as a plain file"))
            return True
        return False

    # -- planning ----------------------------------------------------------------------------------

    def unique_urls(self, pages: list[Entry], posts: list[Entry]) -> None:
        """Jekyll writes pages, then each collection's documents (posts first) in date order (then
        path), so the last one written on a URL is the one it served there: that one keeps it, the
        others get `-2`, `-3`... with a permalink, and the report says so."""
        order = {name: number for number, name in enumerate(["posts", *self.collections], start=1)}
        oldest = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
        plain_pages = {id(p) for p in pages if p.source.collection is None}

        def written(entry: Entry) -> tuple[int, dt.datetime, str]:
            group = 0 if id(entry) in plain_pages else order.get(entry.source.collection or "posts", 1)
            return group, entry.date or oldest, entry.source.rel

        taken: dict[str, Entry] = {}
        for entry in sorted(pages + posts, key=written, reverse=True):
            key = entry.url.lower()
            if key not in taken:
                taken[key] = entry
                continue
            number = 2
            while entries.suffixed(entry.url, number).lower() in taken:
                number += 1
            new = entries.suffixed(entry.url, number)
            self.report.collisions.append(("/" + entry.url, taken[key].doc, entry.doc, "/" + new))
            entry.url = new
            entry.meta["permalink"] = "/" + new
            taken[new.lower()] = entry

    def liquid_site(self, written: list[Entry], statics: list[str]) -> LiquidSite:
        posts: dict[str, str] = {}
        for entry in written:
            if entry.doc.startswith("blog/posts/"):
                below = entry.source.rel.split("_posts/", 1)[-1].split("_drafts/", 1)[-1]
                posts.setdefault(os.path.splitext(os.path.basename(below))[0], entry.doc)
                posts[os.path.splitext(below)[0]] = entry.doc
        docs = {e.doc: e.url for e in written} | {rel: rel for rel in statics}
        by_source = {e.source.rel: e.doc for e in written} | {rel: rel for rel in statics}
        includes = os.path.join(self.config.source, "_includes")
        return LiquidSite(
            url=(self.config.url or "").rstrip("/"),
            baseurl=self.config.baseurl,
            variables=site_variables(self.config),
            posts=posts,
            docs=frozenset(docs),
            urls={url: doc for doc, url in docs.items()},
            url_of=docs.get,
            source=lambda path: by_source.get(path.strip().lstrip("/")),
            include=lambda name: read_include(includes, name),
            tags=self.tags,
            unknown_as_comment=True,
            evaluator=Evaluator({**jekyll_site(self.config.config_path, self.config.source), **site_variables(self.config)}),
        )

    # -- writing -----------------------------------------------------------------------------------

    def write(self, entry: Entry, site: LiquidSite) -> None:
        result = translate(entry.body, src=entry.doc, page_url=entry.url, site=site, meta=entry.meta)
        for name, count in result.unknown.items():
            self.report.untranslated[name][entry.doc] += count
            if _NEWSLETTER_INCLUDE.match(name):
                self.report.pasted.append((entry.doc, f"newsletter sign-up ({{% {name} %}})"))
        self.report.problems += result.problems
        body, broken = fix_links(result.text, page=_site_file(entry.doc, entry.url), paths=self.paths)
        self.report.broken += [(entry.doc, target) for target in broken]
        if entry.doc.startswith("blog/posts/"):
            self.report.pasted += [(entry.doc, what) for what in inject.pasted_blocks(body)]
        target = os.path.join(self.dest, "docs", entry.doc)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(_document(entry.meta, body))


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


def _document(meta: dict[str, Any], body: str) -> str:
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) if meta else ""
    return f"---\n{front}---\n{body}" if front else body


def _site_file(doc: str, url: str) -> SiteFile:
    """A written post or page as `SitePaths` sees it (`url` is its Jekyll URL)."""
    return SiteFile(doc, url, url + "index.html" if url.endswith("/") or not url else url)
