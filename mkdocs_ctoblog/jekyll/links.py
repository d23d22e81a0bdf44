"""Markdown links and images of an imported body, made to resolve the way they did under Jekyll."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from mkdocs_ctoblog.jekyll.site import relative_doc

_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
# `](target` of an inline link or image; the target has no spaces or parentheses (linear: no nesting)
_TARGET = re.compile(r"\]\((<?)([^\s()<>]+)(>?)")
_CODE_SPAN = re.compile(r"`[^`\n]*`")


def fix_links(body: str, *, doc: str, url: str, find: Callable[[str], str | None]) -> tuple[str, list[str]]:
    """Point each local link target of `body` (the doc `doc`, which Jekyll served at site path `url`)
    at the file it meant: as MkDocs resolves it (next to the doc), else as the browser did under
    Jekyll (next to the page's URL, then from the site root: the `<base href="/">` case).
    `find` maps a site path (`assets/x.png`, `about/`) to a doc path. Returns the body and the
    targets that resolve nowhere."""
    broken: list[str] = []

    def replace(match: re.Match[str]) -> str:
        target = match.group(2)
        fixed = _resolve(target, doc=doc, url=url, find=find)
        if fixed is None:
            broken.append(target)
            return match.group(0)
        return f"]({match.group(1)}{fixed}{match.group(3)}"

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


def _resolve(target: str, *, doc: str, url: str, find: Callable[[str], str | None]) -> str | None:
    """The target to write (unchanged when it already works), or None when nothing matches."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith(("#", "mailto:")) or not parts.path:
        return target
    suffix = target[len(parts.path) :]
    path = unquote(parts.path)
    if not path.startswith("/"):
        here = posixpath.normpath(posixpath.join(posixpath.dirname(doc), path))
        if find(here) == here:  # a file next to the doc: MkDocs resolves it as it is
            return target
        base = url if url.endswith("/") else posixpath.dirname(url) + "/"
        candidates = [posixpath.normpath(posixpath.join("/" + base.lstrip("/"), path)), "/" + path]
    else:
        candidates = [path]
    for candidate in candidates:
        site_path = candidate.lstrip("/")
        if path.endswith("/") and site_path and not site_path.endswith("/"):
            site_path += "/"
        found = find(site_path)
        if found is not None:
            return relative_doc(found, doc) + suffix
    return None
