"""The new project's `mkdocs.yml`, the `site.*` variables bodies use, and the next steps to report."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

import yaml

from mkdocs_ctoblog.jekyll.site_config import DEFAULT_EXCERPT_SEPARATOR, SiteConfig
from mkdocs_ctoblog.plural import counted

# What the translated bodies use (attr_list: kramdown attributes; md_in_html: figures;
# admonition: notices; superfences: fenced code inside lists and `linenums`), and kramdown's own
# footnotes, definition lists and abbreviations.
MARKDOWN_EXTENSIONS: list[Any] = [
    "attr_list", "md_in_html", "admonition", "footnotes", "def_list", "abbr", "tables",
    {"toc": {"permalink": True}}, "pymdownx.highlight", "pymdownx.superfences",
]
# Material's light and dark schemes, following the reader's system setting, with a toggle.
READER_PALETTE = [
    {"media": "(prefers-color-scheme: light)", "scheme": "default",
     "toggle": {"icon": "material/weather-night", "name": "Switch to dark mode"}},
    {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
     "toggle": {"icon": "material/weather-sunny", "name": "Switch to light mode"}},
]

# Files the new project's theme and search plugin write (body links to them are not broken).
WRITTEN_BY_OTHERS = frozenset({"sitemap.xml", "sitemap.xml.gz", "404.html", "search/search_index.json"})
_NEWSLETTER_KEYS = ("mailchimp", "newsletter", "convertkit", "buttondown", "substack", "mailerlite", "tinyletter")
_COMMENT_KEYS = ("disqus", "comments", "giscus", "utterances", "staticman", "commento", "remark42")


def raw_config(config: SiteConfig) -> Mapping[str, Any]:
    """`_config.yml` as YAML gives it (`{}` when there is none or it is not a mapping)."""
    try:
        with open(config.config_path, encoding="utf-8-sig") as f:
            data = yaml.safe_load(f)
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, Mapping) else {}


def output_collections(config: SiteConfig) -> dict[str, str | None]:
    """The collections (other than posts) that Jekyll writes out, with their `permalink` if set."""
    given = raw_config(config).get("collections")
    if not isinstance(given, Mapping):
        return {}
    found: dict[str, str | None] = {}
    for name, settings in given.items():
        if str(name) in ("posts", "drafts") or not isinstance(settings, Mapping) or settings.get("output") is not True:
            continue
        permalink = settings.get("permalink")
        found[str(name)] = permalink if isinstance(permalink, str) and permalink.strip() else None
    return found


def fallback_url(config: SiteConfig) -> tuple[str, str] | None:
    """(site address, where it came from) when `_config.yml` has no `url`: Jekyll-Bootstrap's
    `production_url`, else `https://<domain>` from the `CNAME` file GitHub Pages serves the site at."""
    production = raw_config(config).get("production_url")
    if isinstance(production, str) and re.match(r"https?://[^/\s]+/?$", production.strip()):
        return production.strip().rstrip("/"), "_config.yml's 'production_url'"
    try:
        with open(os.path.join(config.source, "CNAME"), encoding="utf-8") as f:
            domain = f.readline().strip().strip("/")
    except (OSError, UnicodeDecodeError):
        return None
    if domain and "/" not in domain and " " not in domain:
        return f"https://{domain}", "the CNAME file"
    return None


def site_variables(config: SiteConfig) -> dict[str, object]:
    """`site.*` as bodies read it: the top-level text and numbers of `_config.yml`."""
    found = {str(k): v for k, v in raw_config(config).items() if isinstance(v, (str, int, float)) and not isinstance(v, bool)}
    return {**found, "baseurl": config.baseurl, "url": config.url or ""}


def mkdocs_yml(config: SiteConfig, *, broken_links: bool, feed_copies: Mapping[str, object] | None = None) -> str:
    """The project's configuration: Material, search, and ctoblog set to give posts Jekyll's URLs
    and to write its feeds at the old site's feed paths too (`feed_copies`: path → format or {format, category})."""
    author = config.author.get("name") if isinstance(config.author, Mapping) else config.author
    ctoblog: dict[str, Any] = {"post_url_format": config.post_permalink, "slug_case": "keep"}
    ctoblog["timezone"] = config.timezone or "UTC"  # without one, Jekyll used the building machine's
    if config.future:
        ctoblog["future"] = True
    if config.excerpt_separator != DEFAULT_EXCERPT_SEPARATOR:
        ctoblog["excerpt_separator"] = config.excerpt_separator
    if config.paginate:
        ctoblog["pagination"] = config.paginate
    if feed_copies:
        ctoblog["feeds"] = {"also_at": dict(feed_copies)}
    ctoblog["liquid"] = {"enabled": False}  # the import wrote the translation into the files
    settings: dict[str, Any] = {"site_name": config.title or "My blog"}
    url = config.url or (fallback[0] if (fallback := fallback_url(config)) else None)
    if url:
        settings["site_url"] = url.rstrip("/") + (config.baseurl or "") + "/"
    if config.description:
        settings["site_description"] = config.description
    if isinstance(author, str) and author:
        settings["site_author"] = author
    settings |= {
        "theme": {"name": "material", "palette": READER_PALETTE},
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "plugins": ["search", {"ctoblog": ctoblog}],
    }
    if broken_links:
        settings["validation"] = {"links": {"not_found": "info"}}
    header = "# Written by `python -m mkdocs_ctoblog import-jekyll`; see import-report.txt.\n"
    if broken_links:
        header += (
            "# The Jekyll site had links to files it lacks (listed in import-report.txt): MkDocs reports\n"
            "# them as info lines. Fix them, then delete `validation:` so that --strict catches new ones.\n"
        )
    return header + yaml.safe_dump(settings, sort_keys=False, allow_unicode=True)


def next_steps(config: SiteConfig, dest: str, switches: Mapping[str, int]) -> list[str]:
    """What to configure next, from what `_config.yml` shows the old site had and the `comments: true`
    / `newsletter: true` the import left out of posts (`switches`: how many)."""
    raw = raw_config(config)
    steps = [f"Preview: mkdocs serve -f {os.path.join(dest, 'mkdocs.yml')}"]
    had_newsletter = [str(key) for key in raw if any(name in str(key).lower() for name in _NEWSLETTER_KEYS)]
    had_comments = [str(key) for key in raw if any(name in str(key).lower() for name in _COMMENT_KEYS)]
    steps.append(
        "Newsletter: configure ctoblog's 'newsletter' (provider, and 'default: true' to show it on every post)"
        + (f"; your _config.yml had {', '.join(had_newsletter)}" if had_newsletter else "")
        + (f"; {counted(switches['newsletter'], 'post or page', 'posts and pages')} said 'newsletter: true' (left out until then)" if switches.get("newsletter") else "")
    )
    steps.append(
        "Comments: configure ctoblog's 'comments' (giscus, then 'default: true')"
        + (f"; your _config.yml had {', '.join(had_comments)}" if had_comments else "")
        + (f"; {counted(switches['comments'], 'post or page', 'posts and pages')} said 'comments: true' (left out until then)" if switches.get("comments") else "")
    )
    steps.append("Calls to action: add 'cta.blocks' (README: Calls to action)")
    fallback = None if config.url else fallback_url(config)
    if fallback:
        steps.append(f"site_url: {fallback[0]}/ from {fallback[1]} (_config.yml had no 'url'); check it in mkdocs.yml")
    elif not config.url:
        steps.append("site_url: set it in mkdocs.yml (feeds and social meta need it; _config.yml had no 'url')")
    return steps
