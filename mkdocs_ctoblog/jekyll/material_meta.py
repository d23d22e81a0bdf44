"""Front-matter keys a Jekyll theme used for something else than Material does (Chirpy's
`icon: fas fa-info-circle` on a tab, a theme's `hide: true`): Material would fail on them, so the
import keeps each under `jekyll_<key>` instead, and says so."""

from __future__ import annotations

from typing import Any

from mkdocs_ctoblog import theme_keys
from mkdocs_ctoblog.shown import shown

# Material's icon sets: `icon: material/rocket-launch`; anything else is another theme's icon.
MATERIAL_ICON_SETS = ("material/", "fontawesome/", "octicons/", "simple/")


def set_aside(meta: dict[str, Any]) -> list[str]:
    """Move the keys of `meta` that Material reads but cannot take to `jekyll_<key>`; one line each."""
    moved = []
    for key, value, expected in theme_keys.wrong_types(meta):
        moved.append(_move(meta, key, value, expected))
    icon = meta.get("icon")
    if isinstance(icon, str) and not icon.startswith(MATERIAL_ICON_SETS):
        moved.append(_move(meta, "icon", icon, "an icon of Material such as material/rocket-launch"))
    return moved


def _move(meta: dict[str, Any], key: str, value: object, expected: str) -> str:
    meta[f"jekyll_{key}"] = meta.pop(key)
    return f"'{key}': {shown(value)} is not what Material reads there ({expected}): kept as 'jekyll_{key}'"
