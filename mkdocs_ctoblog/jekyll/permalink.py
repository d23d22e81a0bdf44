"""Jekyll 4.3 post URLs: permalink styles, `:placeholders` and slugs, as Jekyll computes them.

Usage::

    from mkdocs_ctoblog.jekyll import permalink

    template = permalink.style_to_template("pretty")  # '/:categories/:year/:month/:day/:title/'
    facts = permalink.PostFacts(date=date, basename="2019-05-02-Hello-World", slug="Hello-World",
                                categories=("Ops",), path="/2019-05-02-Hello-World")
    permalink.expand(template, permalink.placeholders(facts))  # '/ops/2019/05/02/Hello-World/'

Sources: jekyll 4.3 `lib/jekyll/url.rb`, `drops/url_drop.rb`, `utils.rb` (`slugify`), `document.rb`
and `configuration.rb` (`STYLE_TO_PERMALINK`); checked against Debian's jekyll 4.3.1.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# configuration.rb STYLE_TO_PERMALINK
STYLES = {
    "none": "/:categories/:title:output_ext",
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
}
# The methods of drops/url_drop.rb: the placeholders a post's permalink may use.
PLACEHOLDERS = frozenset(
    ["collection", "name", "title", "slug", "categories", "slugified_categories", "year", "month", "day", "hour", "minute", "second", "i_day", "i_month", "short_month", "long_month", "short_year", "w_year", "week", "w_day", "short_day", "long_day", "y_day", "output_ext", "path"]
)
_TOKEN = re.compile(r":([a-z_]+)")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_PRETTY_KEEP = frozenset("._~!$&'()+,;=@")


class UnknownPlaceholder(ValueError):
    """A `:name` that Jekyll's URL drop does not have (Jekyll stops the build on it)."""


@dataclass(frozen=True)
class PostFacts:
    """What a post's URL is made of, as Jekyll sees the post.

    `date` is in the site's time zone; `basename` is the file name without its extension
    (date prefix included); `slug` is front matter `slug`, else the file name's slug with
    trailing dots removed; `categories` as `categories()` returns them; `path` is the file's
    path below the posts folder, from `/`, without its extension.
    """

    date: dt.datetime
    basename: str
    slug: str
    categories: Sequence[str]
    path: str


def style_to_template(value: str) -> str:
    """A permalink style name (`pretty`, `date`, …) as its template; any other value as it is."""
    return STYLES.get(value.strip(), value.strip())


def is_template(value: str) -> bool:
    """Whether a URL format is written in Jekyll's syntax (a style name or a `:placeholder`)."""
    return value.strip() in STYLES or any(_known(m[1]) for m in _TOKEN.finditer(value))


def unknown_placeholders(template: str) -> list[str]:
    """The `:names` of a template that Jekyll would stop on."""
    return [f":{m[1]}" for m in _TOKEN.finditer(style_to_template(template)) if not _known(m[1])]


def slugify(text: str, *, mode: str = "default", cased: bool = False) -> str:
    """Jekyll's `Utils.slugify` in its `default` and `pretty` modes.

    Runs of anything but letters, marks and digits (and, in `pretty`, ``._~!$&'()+,;=@``) become
    one `-`; one leading and one trailing `-` go; the result is lower-cased unless `cased`.
    """
    keep = _PRETTY_KEEP if mode == "pretty" else frozenset()
    out: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if category[0] in "LM" or category == "Nd" or char in keep:
            out.append(char)
        elif not out or out[-1] != "-":
            out.append("-")
    slug = "".join(out)
    slug = slug.removeprefix("-")
    slug = slug.removesuffix("-")
    return slug if cased else slug.lower()


def file_slug(stem: str) -> str:
    """The slug Jekyll takes from a file name's part after the date: trailing dots removed."""
    return stem.rstrip(".")


def categories(meta: Mapping[str, Any]) -> list[str]:
    """A post's categories in Jekyll's order: `categories` (a string is split on spaces),
    then `category`; as text, duplicates dropped."""
    given = meta.get("categories")
    found = given.split() if isinstance(given, str) else _as_list(given)
    found += _as_list(meta.get("category"))
    unique: list[str] = []
    for value in (_text(v) for v in found):
        if value not in unique:
            unique.append(value)
    return unique


def placeholders(facts: PostFacts, *, title: str | None = None) -> dict[str, str]:
    """The value of every placeholder for one post; `title` replaces Jekyll's cased pretty slug."""
    date = facts.date
    iso_year, iso_week, iso_day = date.isocalendar()
    lowered = _unique(c.lower() for c in facts.categories)
    return {
        "collection": "posts",
        "name": slugify(facts.basename),
        "title": title if title is not None else slugify(facts.slug, mode="pretty", cased=True),
        "slug": slugify(facts.slug),
        "categories": "/".join(lowered),
        "slugified_categories": "/".join(_unique(slugify(c) for c in facts.categories)),
        "year": f"{date.year:04d}",
        "month": f"{date.month:02d}",
        "day": f"{date.day:02d}",
        "hour": f"{date.hour:02d}",
        "minute": f"{date.minute:02d}",
        "second": f"{date.second:02d}",
        "i_day": str(date.day),
        "i_month": str(date.month),
        "short_month": _MONTHS[date.month - 1][:3],
        "long_month": _MONTHS[date.month - 1],
        "short_year": f"{date.year % 100:02d}",
        "w_year": str(iso_year),
        "week": f"{iso_week:02d}",
        "w_day": str(iso_day),
        "short_day": _DAYS[iso_day - 1][:3],
        "long_day": _DAYS[iso_day - 1],
        "y_day": f"{date.timetuple().tm_yday:03d}",
        "output_ext": ".html",
        "path": facts.path,
    }


def expand(template: str, values: Mapping[str, str]) -> str:
    """The site path (unescaped, from `/`) of a template or style, as `URL#to_s` makes it."""

    def replace(match: re.Match[str]) -> str:
        name = match[1]
        for key in (name, name[:-1]) if name.endswith("_") else (name,):
            if key in values:
                return values[key] + match[0][len(key) + 1 :]
        raise UnknownPlaceholder(f":{name}")

    url = _TOKEN.sub(replace, style_to_template(template))
    url = ("/" + url).replace("..", "/").replace("./", "")
    return re.sub(r"/+", "/", url)


def _known(name: str) -> bool:
    return name in PLACEHOLDERS or (name.endswith("_") and name[:-1] in PLACEHOLDERS)


def _unique(values: Any) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def _as_list(value: object) -> list[object]:
    """Ruby's `Array(value)` without nils."""
    items = value if isinstance(value, list) else [value]
    return [item for item in items if item is not None]


def _text(value: object) -> str:
    """Ruby's `to_s` of a YAML scalar (`true`, `3.0`), which is how Jekyll names a category."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
