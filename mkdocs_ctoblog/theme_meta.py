"""A post's `page.meta` as themes see it: no element or attribute from front matter text, ever.

Material and the mkdocs theme print `page.meta` values without escaping (`<meta name="author"
content="{{ page.meta.author }}">`, `page.meta.title`, `description`, nav `subtitle`, `status`,
the mkdocs theme's `source` list, Material's redirect `location`). So for posts every string in
`page.meta` is HTML-escaped; the keys themes print get the value and type they expect, made from
the post (`author` a string of names, `tags` a list of names, `image` and `location` checked URLs)
or checked (`hide`, `search`, `icon`, `status`: `theme_keys`; a wrong type is left out);
and the front matter exactly as written stays available under `page.meta.ctoblog.front_matter`.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from typing import Any

from jinja2 import TemplateNotFound
from markupsafe import escape
from mkdocs.plugins import get_plugin_logger
from mkdocs.theme import Theme

from mkdocs_ctoblog import theme_keys
from mkdocs_ctoblog.posts import Post
from mkdocs_ctoblog.safe_urls import safe_url
from mkdocs_ctoblog.shown import shown

log = get_plugin_logger(__name__)

_SCALARS = (bool, int, float, dt.date, type(None))


def escaped(value: object) -> Any:
    """`value` with every string HTML-escaped, mapping keys too; other types as plain text."""
    if isinstance(value, str):
        return str(escape(value))
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, Mapping):
        return {escaped(str(key)): escaped(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [escaped(item) for item in value]
    return str(escape(str(value)))


def post_page_meta(post: Post, ours: dict[str, Any]) -> dict[str, Any]:
    """The `page.meta` of a post: escaped front matter, the printed keys from the post, and
    `ctoblog` (what `views.Presenter.post_meta` gives, plus `front_matter` as written)."""
    meta = {key: escaped(value) for key, value in post.meta.items() if key != "ctoblog"}
    meta["title"] = str(escape(post.title))
    if post.summary:
        meta["description"] = str(escape(post.summary))
    else:
        meta.pop("description", None)
    meta.pop("authors", None)
    if post.authors:
        meta["author"] = str(escape(", ".join(author.name for author in post.authors)))
    else:
        meta.pop("author", None)
    if "tags" in post.meta or "tag" in post.meta:
        meta["tags"] = [str(escape(tag)) for tag in post.tags]
    if "image" in post.meta:
        meta["image"] = str(escape(post.image.src)) if post.image else None
    if not isinstance(post.meta.get("template", ""), str) or post.meta.get("template") == "":
        meta.pop("template", None)  # MkDocs looks the page's template up by this name
    elif "template" in post.meta:
        meta["template"] = post.meta["template"]  # a name, never printed: not escaped
    for key in theme_keys.CHECKS.keys() & post.meta.keys():
        valid, value = theme_keys.theme_value(key, post.meta[key])
        if valid:
            meta[key] = escaped(value)
        else:
            meta.pop(key)  # the reader warned
    if "location" in post.meta:
        location = safe_url(post.meta["location"])
        meta["location"] = str(escape(location)) if location else None
    return {**meta, "ctoblog": {**ours, "front_matter": post.meta}}


def post_hide(meta: MutableMapping[str, Any], configured: Sequence[str], toc: Iterable[object]) -> None:
    """Material's `hide` for a post: its own front matter wins; else `post_hide`, plus `toc` when the
    post has no headings (an empty table-of-contents column would stand beside the article)."""
    if "hide" in meta:  # the post's own, when it is a list of names (`theme_keys` drops any other)
        return
    hide = list(configured)
    if "toc" not in hide and next(iter(toc), None) is None:
        hide.append("toc")
    meta["hide"] = hide


_THEME_FILES = {
    "template": ("{}", "a template of the theme such as 'main.html'", "; using the default"),
    "icon": (".icons/{}.svg", "an icon of the theme such as material/rocket-launch", "; left out"),
}
"""Keys that name a file of the theme (MkDocs renders with `template`, Material includes
`.icons/<icon>.svg`), the path they name, what was expected and what happens."""


def drop_missing_theme_files(meta: dict[str, Any], src_uri: str, theme: Theme) -> None:
    """A `template` or `icon` the theme does not have is left out, with a warning (MkDocs or
    Material would stop the build with TemplateNotFound)."""
    env = None
    for key, (path, expected, outcome) in _THEME_FILES.items():
        name = meta.get(key)
        if not isinstance(name, str) or (key == "icon" and not any(os.path.isdir(os.path.join(d, ".icons")) for d in theme.dirs)):
            continue  # a theme without icons (mkdocs) does not read `icon`
        env = env or theme.get_env()
        try:
            env.get_template(path.format(html.unescape(name)))
        except TemplateNotFound:
            log.warning("%s: '%s' expected %s, received %s%s", src_uri, key, expected, shown(html.unescape(name)), outcome)
            meta.pop(key)
