"""Front-matter keys that Material and the mkdocs theme read from `page.meta`, with the type each
theme expects. Another type raises in the theme (`"toc" in page.meta.hide` with a number,
`page.meta.search.get(...)` with text) or prints a Python repr, so a post's value of the wrong
type is left out of `page.meta`, with a warning."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

_ICON = re.compile(r"[a-z0-9_-]+(?:/[a-z0-9_.-]+)*", re.IGNORECASE)


def _names(value: object) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _date_text(value: object) -> str | dt.date | None:
    return value if isinstance(value, (str, dt.date)) else None


def _icon(value: object) -> str | None:
    return value if isinstance(value, str) and _ICON.fullmatch(value) and ".." not in value else None


def _search(value: object) -> dict[str, Any] | None:
    if not isinstance(value, Mapping):
        return None
    exclude, boost = value.get("exclude", False), value.get("boost", 1)
    if not isinstance(exclude, bool) or isinstance(boost, bool) or not isinstance(boost, (int, float)):
        return None
    return {key: item for key, item in value.items() if key in ("exclude", "boost")}


CHECKS: Mapping[str, tuple[Callable[[object], Any], str]] = {
    "hide": (_names, "a list of names such as [toc, navigation]"),
    "source": (_names, "a list of file names"),
    "search": (_search, "a mapping such as {exclude: true} or {boost: 2}"),
    "icon": (_icon, "an icon name such as material/rocket-launch"),
    "status": (_text, "a name such as new or deprecated"),
    "subtitle": (_text, "text"),
    "revision_date": (_date_text, "a date"),
    "git_revision_date_localized": (_date_text, "a date"),
    "git_creation_date_localized": (_date_text, "a date"),
}
"""Key: (check returning the value as the theme takes it, or None; what was expected)."""


def theme_value(key: str, value: object) -> tuple[bool, Any]:
    """(True, the value as the theme takes it) or (False, None) when it has the wrong type."""
    if key not in CHECKS or value is None:
        return True, value
    checked = CHECKS[key][0](value)
    return checked is not None, checked


def wrong_types(meta: Mapping[str, Any]) -> list[tuple[str, object, str]]:
    """(key, value, expected) for each theme key of `meta` with a value of the wrong type."""
    return [(key, meta[key], CHECKS[key][1]) for key in CHECKS if key in meta and not theme_value(key, meta[key])[0]]
