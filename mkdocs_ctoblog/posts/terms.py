"""Categories, tags and authors of a post: Jekyll's shapes (a list, or a string split on spaces), capped,
checked against `categories_allowed`, and warned about when they make no usable slug."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mkdocs_ctoblog import urls
from mkdocs_ctoblog.frontmatter_io import raw_items, raw_scalar
from mkdocs_ctoblog.posts.fields import Fields, text_or_none
from mkdocs_ctoblog.posts.model import Author

MAX_TERMS = 50
"""Categories, tags or authors one post may have."""


def term_names(fields: Fields, meta: Mapping[str, Any], key: str, *, split_strings: bool = True) -> list[str]:
    """`category`: one value; `categories`/`tags`: a list, or a string split on spaces."""
    value = meta.get(key)
    if value is None or value == "":
        return []
    if isinstance(value, bool):  # `tags: yes`: what the author wrote, as Jekyll keeps it (as text)
        return [_bool_as_text(fields, key, value, raw_scalar(fields.text, key))]
    if isinstance(value, (int, float)):
        return [str(value)]
    if isinstance(value, str):
        return value.split() if split_strings else [value.strip()]
    if isinstance(value, list):
        names: list[str] = []
        literals: list[str | None] | None = None
        for number, item in enumerate(value):
            if isinstance(item, bool):  # `tags: [True, False, None]`: Python's names, not booleans
                literals = raw_items(fields.text, key) if literals is None else literals
                names.append(_bool_as_text(fields, key, item, literals[number] if number < len(literals) else None))
            elif isinstance(item, (str, int, float)) and str(item).strip():
                names.append(str(item).strip())
            elif item is not None:
                fields.warn(key, item, "a name")
        return names
    fields.warn(key, value, "a name or a list of names")
    return []


def _bool_as_text(fields: Fields, key: str, value: bool, literal: str | None) -> str:
    """The word YAML read as a boolean (`True`, `yes`, `off`), kept as a name with one warning."""
    name = literal.strip() if literal and literal.strip() else str(value).lower()
    fields.warn(key, name, "a name", " (YAML reads it as bool): quote it; using it as text")
    return name


def capped(fields: Fields, key: str, names: list[str]) -> list[str]:
    """The first `MAX_TERMS` names; more on one post is a mistake (a warning), and would make
    every index and feed of each of them carry the post."""
    if len(names) > MAX_TERMS:
        fields.problem(f"'{key}' expected at most {MAX_TERMS} names, received {len(names)}; using the first {MAX_TERMS}")
        return names[:MAX_TERMS]
    return names


def check_allowed(fields: Fields, categories: list[str]) -> None:
    allowed = fields.settings.categories_allowed
    for name in categories:
        if allowed and urls.slugify(name) not in allowed:
            fields.warn("categories", name, "one of the categories_allowed")


def fallback_slugs(fields: Fields, key: str, names: list[str]) -> None:
    """One warning per name with no letters or digits (only emoji or punctuation), or too long
    for a file name: its pages get a hash slug, or a cut one."""
    for name in names:
        if urls.is_fallback_slug(name):
            fields.warn(key, name, "a name with letters or digits", f"; its pages use the slug '{urls.slugify(name)}'")
        elif urls.is_cut_slug(name):
            fields.warn(key, name, f"a name of at most {urls.MAX_SLUG} characters", f"; its pages use the slug '{urls.slugify(name)}'")


def authors(fields: Fields, meta: Mapping[str, Any]) -> tuple[Author, ...]:
    found: list[Author] = []
    for key in ("author", "authors"):
        value = meta.get(key)
        items = value if isinstance(value, list) else [value] if value is not None else []
        if len(items) > MAX_TERMS:
            fields.problem(f"'{key}' expected at most {MAX_TERMS} names, received {len(items)}; using the first {MAX_TERMS}")
            items = items[:MAX_TERMS]
        for item in items:
            author = _author(fields, key, item)
            if author and all(a.key != author.key for a in found):
                found.append(author)
    return tuple(found)


def _author(fields: Fields, key: str, value: object) -> Author | None:
    known = fields.settings.authors
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        name = str(value).strip()
        return known.get(name) or Author(key=urls.slugify(name) or name, name=name)
    if isinstance(value, Mapping) and isinstance(value.get("name"), str):
        name = value["name"].strip()
        return Author(
            key=urls.slugify(name) or name,
            name=name,
            url=fields.url(key, "url", value.get("url") or value.get("web") or value.get("website")),
            avatar=fields.url(key, "avatar", value.get("avatar") or value.get("picture")),
            description=text_or_none(value.get("description") or value.get("bio")),
        )
    if value not in (None, ""):
        fields.warn(key, value, "a name, an author id, or {name: ...}")
    return None


def unique_by_slug(names: list[str]) -> list[str]:
    seen: set[str] = set()
    unique = []
    for name in names:
        slug = urls.slugify(name)
        if slug and slug not in seen:
            seen.add(slug)
            unique.append(name)
    return unique
