"""A post's rendered HTML as feed content (our slots, header and permalinks left out; links made
absolute, since feed readers have no base URL), and the media type of a cover image."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Mapping
from urllib.parse import urljoin

from mkdocs_ctoblog.htmlscan import first_element

IMAGE_TYPES: Mapping[str, str] = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".svg": "image/svg+xml",
}


# Every pattern stops at the next `<` (`[^<>]`), so each scans only one tag: linear in the page.
_PLACEHOLDER = re.compile(r"<!--\s*/?ctoblog:[^<>]*-->\s*")
_EMPTY_P = re.compile(r"<p>\s*</p>\n?")  # left by a `<p><!-- ctoblog:latest --></p>` an author wrote
_POST_HEADER_CLASS = re.compile(r"\sclass=\"[^\"]*\bctoblog-post-header\b")
_HEADERLINK = re.compile(r"<a\s[^<>]*class=\"[^\"<>]*\bheaderlink\b[^\"<>]*\"[^<>]*>[^<]*</a>")
_LEADING_H1 = re.compile(r"^\s*<h1[\s>].*?</h1>", re.DOTALL)
_TAG = re.compile(r"<[A-Za-z](?:[^<>\"']|\"[^\"<]*\"|'[^'<]*')*>")
_URL_ATTR = re.compile(r"(\s(?:href|src|poster|cite|data-src)\s*=\s*)(\"[^\"]*\"|'[^']*')", re.IGNORECASE)
_SRCSET_ATTR = re.compile(r"(\s(?:srcset|data-srcset)\s*=\s*)(\"[^\"]*\"|'[^']*')", re.IGNORECASE)


def absolute_url(value: str, *, base: str, site_root: str) -> str:
    """`value` made absolute: relative to `base` (the page's URL); `/x` from the site root."""
    if value.startswith("/") and not value.startswith("//"):
        return site_root.rstrip("/") + value
    return urljoin(base, value)


def absolutize(html_text: str, *, base: str, site_root: str) -> str:
    """Every relative `href`/`src`/`srcset` in `html_text` made absolute (feed readers have no base)."""

    def fix(value: str) -> str:
        return html.escape(absolute_url(html.unescape(value), base=base, site_root=site_root))

    def fix_srcset(value: str) -> str:
        candidates = []
        for candidate in html.unescape(value).split(","):
            parts = candidate.strip().split(maxsplit=1)
            if parts:
                parts[0] = absolute_url(parts[0], base=base, site_root=site_root)
                candidates.append(" ".join(parts))
        return html.escape(", ".join(candidates))

    def attr(match: re.Match[str], fixer: Callable[[str], str]) -> str:
        quoted = match[2]
        return f"{match[1]}{quoted[0]}{fixer(quoted[1:-1])}{quoted[0]}"

    def tag(match: re.Match[str]) -> str:
        text = _URL_ATTR.sub(lambda m: attr(m, fix), match[0])
        return _SRCSET_ATTR.sub(lambda m: attr(m, fix_srcset), text)

    return _TAG.sub(tag, html_text)


def entry_html(page_html: str, *, title: str, url: str, site_root: str) -> str:
    """A post's rendered HTML as feed content: without our slots, the post header, a leading
    `<h1>` that repeats the title (the entry has its own) and heading permalinks; links absolute."""
    text = _EMPTY_P.sub("", _PLACEHOLDER.sub("", page_html))
    header = first_element(text, "header", where=_POST_HEADER_CLASS.search)
    if header:
        text = text[: header.start] + text[header.end :]
    text = _HEADERLINK.sub("", text)
    leading = _LEADING_H1.match(text)
    if leading and _plain(leading[0]) == " ".join(title.split()):
        text = text[leading.end() :]
    return absolutize(text.strip(), base=url, site_root=site_root)


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", fragment)).split())


def image_type(path: str) -> str | None:
    """Media type of an image from its file name (`cover.webp` → `image/webp`)."""
    return IMAGE_TYPES.get(posixpath.splitext(path.split("?")[0].split("#")[0])[1].lower())
