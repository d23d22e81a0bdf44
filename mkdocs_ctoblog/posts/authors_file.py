"""The authors file (`.authors.yml`): author ids with name, description, avatar, url, bio and links."""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog import urls
from mkdocs_ctoblog.posts.fields import text_or_none
from mkdocs_ctoblog.posts.model import Author, AuthorLink
from mkdocs_ctoblog.safe_urls import safe_url
from mkdocs_ctoblog.shown import shown

log = get_plugin_logger(__name__)


def load_authors(data: object, source: str) -> dict[str, Author]:
    """Authors file (`{authors: {id: {...}}}` as Material writes it, or `{id: {...}}`); `bio` is
    Markdown, `links` a list of `{name, url}`. A URL that is not relative, http(s) or mailto is
    left out with a warning."""
    if isinstance(data, Mapping) and isinstance(data.get("authors"), Mapping):
        data = data["authors"]
    if not isinstance(data, Mapping):
        log.warning("%s: expected a mapping of author ids to {name, description, avatar, url, bio, links}", source)
        return {}
    authors: dict[str, Author] = {}
    for key, value in data.items():
        if not (isinstance(value, Mapping) and isinstance(value.get("name"), str)):
            log.warning("%s: author %s expected a mapping with 'name', received %s", source, shown(key), shown(value))
            continue
        if urls.is_fallback_slug(value["name"]):
            log.warning(
                "%s: author %s expected a name with letters or digits, received %s; its page uses the slug '%s'",
                source, shown(key), shown(value["name"]), urls.slugify(value["name"]),
            )

        authors[str(key)] = Author(
            key=str(key),
            name=value["name"],
            url=_author_url(value.get("url"), source, str(key), "url"),
            avatar=_author_url(value.get("avatar"), source, str(key), "avatar"),
            description=text_or_none(value.get("description")),
            bio=text_or_none(value.get("bio")),
            links=_author_links(value.get("links"), source, str(key)),
        )
    return authors


def _author_url(value: object, source: str, key: str, field: str) -> str | None:
    text = text_or_none(value)
    if text is not None and safe_url(text) is None:
        log.warning(
            "%s: author %s '%s' expected a relative, http(s) or mailto URL, received %s; left out",
            source,
            shown(key),
            field,
            shown(text),
        )
        return None
    return safe_url(text) if text is not None else None


def _author_links(value: object, source: str, key: str) -> tuple[AuthorLink, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    links = []
    for item in items:
        if isinstance(item, Mapping) and isinstance(item.get("name"), str) and isinstance(item.get("url"), str):
            checked = _author_url(item["url"], source, key, "links")
            if checked is not None:
                links.append(AuthorLink(item["name"].strip(), checked))
        else:
            log.warning("%s: author %s 'links' expected a list of {name, url}, received %s", source, shown(key), shown(item))
    return tuple(links)
