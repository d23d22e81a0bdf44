"""Pixel sizes of local images, read from the file headers (no decoding), once per file version."""

from __future__ import annotations

import os
from collections.abc import Callable

import imagesize

Size = tuple[int, int]
SizeCache = dict[tuple[str, int], "Size | None"]
SizeOf = Callable[[str], "Size | None"]
RASTER_SUFFIXES = (".png", ".jpg", ".jpeg", ".jpe", ".gif", ".webp")


def image_sizes(abs_path: Callable[[str], str | None], cache: SizeCache) -> SizeOf:
    """`size(doc_path)`: the width and height of the site's image at `doc_path`, or None when the file
    is not a readable image. `cache` (kept across `mkdocs serve` rebuilds) is keyed by path and mtime."""

    def size(doc_path: str) -> Size | None:
        path = abs_path(doc_path)
        if path is None:
            return None
        try:
            key = (path, os.stat(path).st_mtime_ns)
        except OSError:
            return None
        if key not in cache:
            try:
                width, height = imagesize.get(path)
            except (OSError, ValueError):
                width = height = -1
            cache[key] = (int(width), int(height)) if width > 0 and height > 0 else None
        return cache[key]

    return size


def raster_size(path: str) -> Size | None:
    """Width and height of a PNG, JPEG, GIF or WebP file (what `og:image` may be), else None."""
    if not path.lower().endswith(RASTER_SUFFIXES):
        return None
    try:
        width, height = imagesize.get(path)
    except (OSError, ValueError):
        return None
    return (int(width), int(height)) if width > 0 and height > 0 else None
