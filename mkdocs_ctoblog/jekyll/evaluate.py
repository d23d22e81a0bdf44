"""Liquid that reads values: `{% assign %}` and `{{ variable.key | filter }}` over `site.data`, the
page's front matter and earlier assigns, evaluated with python-liquid (a maintained Liquid engine).

Release posts often do `{% assign release = site.data.releases | where: "version", "2.6.5" | first %}`
and then print `{{ release.sha256.gz }}`; the translation writes the values, as Jekyll did. Only
what reads values is evaluated here (no loops, no ranges), in python-liquid's sandbox with its
resource limits; anything undefined or failing is left to the caller (an untranslated tag).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import os
import re
from collections.abc import Mapping
from typing import Any

import yaml

_DATA_EXTENSIONS = (".yml", ".yaml", ".json", ".csv", ".tsv")
_MAX_DATA_BYTES = 5_000_000  # per file: `site.data` is for small tables
_ASSIGN = re.compile(r"\{%-?\s*assign\s+([A-Za-z_][\w-]*)\s*=\s*([^%]*?)\s*-?%\}", re.DOTALL)
_NAME = re.compile(r"\s*([A-Za-z_][\w-]*)")


@functools.cache
def _environments() -> tuple[Any, Any, tuple[type[BaseException], ...]]:
    """python-liquid with small resource limits (posts print a few values), strict and lenient
    about undefined names, and the errors rendering may raise. Imported on first use: most posts
    have nothing to evaluate."""
    from liquid import Environment, StrictUndefined
    from liquid.exceptions import LiquidError

    class Limited(Environment):
        loop_iteration_limit = 1000
        output_stream_limit = 100_000
        local_namespace_limit = 100_000

    return Limited(undefined=StrictUndefined), Limited(), (LiquidError, RecursionError, TypeError, ValueError)


class Evaluator:
    """Evaluates assigns and outputs of one site: `site` holds `data` and the site's variables
    (`_config.yml` as YAML gives it, for `{{ site.license.url }}`)."""

    def __init__(self, site: Mapping[str, Any]) -> None:
        self.site = site

    def assign(self, assigns: list[str], tag: str, page: Mapping[str, Any]) -> bool:
        """Whether `{% assign name = … %}` (after `assigns`) reads only defined values; a range
        (`(1..n)`) is never evaluated."""
        match = _ASSIGN.fullmatch(tag.strip())
        if match is None or "(" in match.group(2):
            return False
        return self._render("".join(assigns) + tag + "{{ " + match.group(1) + " }}", page) is not None

    def output(self, assigns: list[str], output: str, page: Mapping[str, Any]) -> str | None:
        """What `{{ … }}` prints after `assigns`, or None when it reads something undefined or
        fails. Only outputs that start from an assigned name, `site.` or `page.` (the front matter,
        `date` as the post's date) are tried."""
        head = _NAME.match(output.lstrip("{-"))
        names = {m.group(1) for m in (_ASSIGN.fullmatch(a.strip()) for a in assigns) if m}
        if head is not None and head.group(1) in names:  # a key the assigned value lacks prints nothing, as in Jekyll
            return self._render("".join(assigns) + output, page, strict=False)
        if head is None or not output.lstrip("{- ").startswith(("site.", "page.")):
            return None
        return self._render("".join(assigns) + output, page)

    def _render(self, source: str, page: Mapping[str, Any], *, strict: bool = True) -> str | None:
        strict_env, lenient_env, errors = _environments()
        try:
            return (strict_env if strict else lenient_env).from_string(source).render(site=self.site, page=page)
        except errors:
            return None


def liquid_page(meta: Mapping[str, Any], date: dt.datetime | None = None) -> dict[str, Any]:
    """`page` as Liquid in a body reads it: the front matter, with `date` the post's (else the front
    matter's) as a time Jekyll would print (made once a body)."""
    page = dict(meta)
    date = date if date is not None else page.get("date")
    if isinstance(date, dt.datetime) and date.tzinfo is not None:
        page["date"] = _JekyllTime.fromtimestamp(date.timestamp(), date.tzinfo)
    return page


class _JekyllTime(dt.datetime):
    """`page.date` printed as Jekyll prints a Ruby Time (`2020-06-19 09:30:00 +0000`); filters such
    as `date: '%Y/%m'` read it as the datetime it is."""

    def __str__(self) -> str:
        return self.strftime("%Y-%m-%d %H:%M:%S %z")


def jekyll_site(config_path: str, source: str | None = None) -> dict[str, Any]:
    """`site` of a Jekyll site for the evaluator: its `_config.yml` and `data` (`_data/` in
    `source`, else next to the config)."""
    try:
        with open(config_path, encoding="utf-8-sig") as f:
            config = yaml.safe_load(f)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        config = None
    folder = source if source is not None else os.path.dirname(os.path.abspath(config_path))
    return {**(config if isinstance(config, dict) else {}), "data": read_data(os.path.join(folder, "_data"))}


def read_data(folder: str) -> dict[str, Any]:
    """Jekyll's `site.data`: each YAML, JSON, CSV or TSV file below `_data/` by its name without
    extension, folders nested (`_data/team/people.yml` is `site.data.team.people`). Unreadable files
    are left out."""
    data: dict[str, Any] = {}
    if not os.path.isdir(folder):
        return data
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(root, d)))
        rel = os.path.relpath(root, folder)
        here = data
        for part in [] if rel == "." else rel.split(os.sep):
            here = here.setdefault(part, {})
        for name in sorted(names):
            stem, ext = os.path.splitext(name)
            path = os.path.join(root, name)
            if ext.lower() not in _DATA_EXTENSIONS or os.path.islink(path) or os.path.getsize(path) > _MAX_DATA_BYTES:
                continue
            try:
                with open(path, encoding="utf-8-sig") as f:
                    text = f.read()
                here[stem] = _parse(text, ext.lower())
            except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, csv.Error):
                continue
    return data


def _parse(text: str, ext: str) -> Any:
    if ext == ".json":
        return json.loads(text)
    if ext in (".csv", ".tsv"):
        return list(csv.DictReader(io.StringIO(text), delimiter="\t" if ext == ".tsv" else ","))
    return yaml.safe_load(text)
