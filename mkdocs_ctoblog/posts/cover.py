"""A post's cover image: `image` (a path, URL or mapping), its alt text and focal point, found in docs_dir."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from typing import Any

from mkdocs_ctoblog import safe_urls
from mkdocs_ctoblog.posts.fields import Fields, text_or_none
from mkdocs_ctoblog.posts.model import Image
from mkdocs_ctoblog.safe_urls import safe_url
from mkdocs_ctoblog.shown import shown

_POSITION_WORD = re.compile(r"left|center|right|top|bottom|(\d{1,3}(?:\.\d+)?)%")


def image(fields: Fields, meta: Mapping[str, Any]) -> Image | None:
    value = meta.get("image")
    alt = fields.text_value(meta, "image_alt")
    if value is None or value == "":
        return None
    if isinstance(value, Mapping):
        src = next(
            (value[k] for k in ("path", "feature", "src", "url", "thumbnail") if isinstance(value.get(k), str)),
            None,
        )
        alt = text_or_none(value.get("alt")) or alt
        if src is None:
            fields.warn("image", value, "a path, or a mapping with 'path' and 'alt'")
            return None
    elif isinstance(value, str):
        src = value
    else:
        fields.warn("image", value, "a path, or a mapping with 'path' and 'alt'")
        return None
    checked = safe_url(src)
    if checked is None:
        fields.warn("image", src, safe_urls.EXPECTED, "; left out")
        return None
    src = checked
    position = image_position(fields, meta)
    if safe_urls.is_external(src):
        return Image(src=src, alt=alt or "", local=False, position=position)
    doc_path = local_image_path(fields, src)
    if doc_path is None:
        fields.problem(f"'image' file not found in docs_dir: {shown(src)}")
        return None
    return Image(src=doc_path, alt=alt or "", local=True, position=position)


def image_position(fields: Fields, meta: Mapping[str, Any]) -> str | None:
    """`image_position` (or `image: {position}`): one or two of left, center, right, top, bottom, N%."""
    value = meta.get("image_position")
    image = meta.get("image")
    if value is None and isinstance(image, Mapping):
        value = image.get("position")
    if value is None or value == "":
        return None
    position = css_position(value)
    if position is not None:
        return position
    fields.warn("image_position", value, "one or two of left, center, right, top, bottom or a percentage (e.g. '50% 30%')")
    return None


def local_image_path(fields: Fields, src: str) -> str | None:
    """Doc path of a site-absolute (`/assets/x.png`) or relative image; relative to the post first."""
    path = src.split("#")[0].split("?")[0]
    if path.startswith("/"):
        candidates = [path.lstrip("/")]
    else:
        here = posixpath.dirname(fields.src_uri)
        candidates = [posixpath.normpath(posixpath.join(here, path)), posixpath.normpath(path)]
    return next((c for c in candidates if c in fields.settings.doc_paths), None)


def css_position(value: object) -> str | None:
    """A safe CSS `object-position`: one or two keywords or percentages (0-100%), else None."""
    words = value.lower().split() if isinstance(value, str) else []
    matches = [_POSITION_WORD.fullmatch(word) for word in words]
    if not 1 <= len(words) <= 2 or not all(matches):
        return None
    if any(m[1] is not None and float(m[1]) > 100 for m in matches if m):
        return None
    return " ".join(words)
