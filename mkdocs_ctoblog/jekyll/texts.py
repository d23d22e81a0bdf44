"""Files Jekyll renders with Liquid that are no pages (`robots.txt`, `humans.txt`): written as plain
files when every tag in them translates; feeds and styles that loop over posts are left to ctoblog
and the theme."""

from __future__ import annotations

import os
from dataclasses import replace

from mkdocs_ctoblog.frontmatter_io import split_post
from mkdocs_ctoblog.jekyll.liquid import translate
from mkdocs_ctoblog.jekyll.project import WRITTEN_BY_OTHERS
from mkdocs_ctoblog.jekyll.site import LiquidSite


def translated(source: str, rel: str, site: LiquidSite) -> str | None:
    """The text of the file `rel` below `source`, front matter dropped and Liquid translated; None
    when a tag does not translate, it has a `permalink`, or the new theme writes that file."""
    if rel in WRITTEN_BY_OTHERS or rel.endswith((".scss", ".sass")):
        return None
    try:
        with open(os.path.join(source, rel), encoding="utf-8-sig") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError):
        return None
    split = split_post(text)
    if split.error or split.meta.get("permalink"):
        return None
    body = split.body + ("\n" if text.endswith("\n") and split.body and not split.body.endswith("\n") else "")  # as written
    result = translate(body, src=rel, page_url=rel, site=replace(site, unknown_as_comment=False), meta=split.meta)
    return None if result.unknown or result.problems else result.text
