"""Writing the new project: posts and pages (Liquid translated, links fixed), the static and
rendered files, `mkdocs.yml` and the import report. Writes only below the destination folder."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Mapping
from typing import Any

import yaml

from mkdocs_ctoblog import inject
from mkdocs_ctoblog.jekyll import entries, material_meta
from mkdocs_ctoblog.jekyll.entries import Entry
from mkdocs_ctoblog.jekyll.links import fix_links
from mkdocs_ctoblog.jekyll.liquid import translate
from mkdocs_ctoblog.jekyll.plan import site_file
from mkdocs_ctoblog.jekyll.project import mkdocs_yml
from mkdocs_ctoblog.jekyll.report import Report
from mkdocs_ctoblog.jekyll.site import LiquidSite
from mkdocs_ctoblog.jekyll.site_config import SiteConfig
from mkdocs_ctoblog.sitepaths import SitePaths

_NEWSLETTER_INCLUDE = re.compile(r"^include(?:_cached)? .*(newsletter|subscribe|signup|mailchimp)", re.IGNORECASE)


def write_entry(entry: Entry, site: LiquidSite, paths: SitePaths, dest: str, report: Report) -> None:
    """Write a post or page below `dest/docs`; what did not translate, broken links and pasted
    blocks go to the report."""
    result = translate(entry.body, src=entry.doc, page_url=entry.url, site=site, meta=entry.meta, date=entry.date)
    for name, count in result.unknown.items():
        report.untranslated[name][entry.doc] += count
        if _NEWSLETTER_INCLUDE.match(name):
            report.pasted.append((entry.doc, f"newsletter sign-up ({{% {name} %}})"))
    report.problems += result.problems
    media = entries.media_subpath(entry.meta)
    body, broken = fix_links(result.text, page=site_file(entry.doc, entry.url), paths=paths, media=media)
    report.broken += [(entry.doc, target) for target in broken]
    if entry.doc.startswith("blog/posts/"):
        report.pasted += [(entry.doc, what) for what in inject.pasted_blocks(body)]
    report.set_aside += [f"{entry.doc}: {line}" for line in material_meta.set_aside(entry.meta)]
    target = os.path.join(dest, "docs", entry.doc)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as f:
        f.write(document(entry.meta, body))


def copy_files(source: str, dest: str, statics: list[str], rendered: Mapping[str, str]) -> None:
    """Each of `statics` to `dest/docs`: copied from `source`, or the text `rendered` gives it."""
    for rel in statics:
        target = os.path.join(dest, "docs", rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if rel in rendered:
            with open(target, "w", encoding="utf-8") as f:
                f.write(rendered[rel])
        else:
            shutil.copyfile(os.path.join(source, rel), target)


def write_config_and_report(config: SiteConfig, dest: str, report: Report, feed_copies: Mapping[str, object]) -> None:
    """`mkdocs.yml` (`feed_copies`: the old feed paths, for `feeds.also_at`) and `import-report.txt`
    at the top of `dest`."""
    with open(os.path.join(dest, "mkdocs.yml"), "w", encoding="utf-8") as f:
        f.write(mkdocs_yml(config, broken_links=bool(report.broken), feed_copies=feed_copies))
    with open(os.path.join(dest, "import-report.txt"), "w", encoding="utf-8") as f:
        f.write(report.text())


def document(meta: dict[str, Any], body: str) -> str:
    """A Markdown file: YAML front matter (when there is any), then the body."""
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) if meta else ""
    return f"---\n{front}---\n{body}" if front else body
