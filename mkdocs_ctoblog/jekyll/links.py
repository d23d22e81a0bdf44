"""Markdown links and images of an imported body, made to resolve the way they did under Jekyll.

Which file a link means is `sitepaths.SitePaths`' job, as at build time; this module only finds
the links in Markdown text (code blocks and inline code left alone) and writes the doc paths.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit, urlunsplit

from mkdocs_ctoblog.sitepaths import SiteFile, SitePaths

_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
# `](target` of an inline link or image; the target has no spaces or parentheses (linear: no nesting)
_TARGET = re.compile(r"\]\((<?)([^\s()<>]+)(>?)")
_CODE_SPAN = re.compile(r"`[^`\n]*`")


def fix_links(body: str, *, page: SiteFile, paths: SitePaths, media: str | None = None) -> tuple[str, list[str]]:
    """Point each local link target of `body` (the doc `page.src_uri`, which Jekyll served at
    `page.url`) at the file it meant: as MkDocs resolves it (next to the doc), else as the browser
    did under Jekyll (next to the page's URL, then from the site root: the `<base href="/">`
    case), else below `media` (Chirpy's `media_subpath`, a site path). Returns the body and the
    targets that resolve nowhere."""
    broken: list[str] = []

    def replace(match: re.Match[str]) -> str:
        target = match.group(2)
        resolved = paths.resolve(target, page)
        if resolved is None and media and not urlsplit(target).scheme and not target.startswith(("/", "#")):
            resolved = paths.resolve(posixpath.join(media, target), page)
        if resolved is not None and resolved[0].src_uri:
            doc = posixpath.relpath(resolved[0].src_uri, posixpath.dirname(page.src_uri) or ".")
            parts = urlsplit(target)
            return f"]({match.group(1)}{urlunsplit(('', '', doc, parts.query, parts.fragment))}{match.group(3)}"
        if resolved is None and paths.is_missing(target, page):
            broken.append(target)
        return match.group(0)

    out: list[str] = []
    fence: str | None = None
    for line in body.splitlines(keepends=True):
        opener = _FENCE.match(line)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence) and not line.strip(fence[0] + " \t\r\n"):
                fence = None
            out.append(line)
        elif opener:
            fence = opener.group(1)
            out.append(line)
        elif line.startswith(("    ", "\t")) or "](" not in line:
            out.append(line)
        else:
            pieces = _CODE_SPAN.split(line)
            spans = _CODE_SPAN.findall(line)
            fixed = [_TARGET.sub(replace, piece) for piece in pieces]
            out.append("".join(p + (spans[i] if i < len(spans) else "") for i, p in enumerate(fixed)))
    return "".join(out), broken
