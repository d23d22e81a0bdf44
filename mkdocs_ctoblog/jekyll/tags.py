"""Liquid tags and `{{ … }}` outputs, one translation each; theme tags through (sandboxed) Jinja templates."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from mkdocs_ctoblog.jekyll.site import in_markdown_link
from mkdocs_ctoblog.safe_urls import safe_url

if TYPE_CHECKING:
    from mkdocs_ctoblog.jekyll.liquid import _Translator
    from mkdocs_ctoblog.jekyll.site import LiquidSite

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "ctoblog" / "liquid"
THEME_TAGS = ("figure", "notice", "youtube", "vimeo")  # shipped as templates/ctoblog/liquid/<name>.md
_EXTENSIONS = {"figure": "md_in_html", "gallery": "md_in_html", "notice": "admonition"}
_ARG = re.compile(r"""([\w-]+)\s*[=:]\s*("[^"]*"|'[^']*'|[^\s"']+)|("[^"]*"|'[^']*'|[^\s"']+)""")
_LITERAL = re.compile(r"""\s*("[^"]*"|'[^']*')\s*""")
_VARIABLE = re.compile(r"\s*(site|page)\.([\w-]+)\s*")
_LINK_BREAKOUT = str.maketrans({c: f"%{ord(c):02X}" for c in " ()<>\"'"})


@dataclass(frozen=True)
class SitePath:
    """An output that is a site path (`{{ site.baseurl }}`, `{{ '/x' | relative_url }}`); `absolute`
    when Jekyll gives the full URL (`site.url`, `absolute_url`)."""

    path: str
    absolute: bool


def takes_body(name: str, site: LiquidSite) -> bool:
    """Tags whose content up to `{% endname %}` is theirs."""
    return name in ("comment", "figure", "notice") or name in site.tags


def render(name: str, args: str, body: str | None, before: str, t: _Translator) -> str | None:
    """The translation of `{% name args %}` (with `body` for block tags); None: no translation."""
    if name in t.site.tags or name in THEME_TAGS:
        key = (name, args, body, in_markdown_link(before))  # a body repeats its shortcodes: render each once
        if key not in t.rendered:
            t.rendered[key] = _template(name, args, body, before, t)
        return t.rendered[key]
    if name == "comment":
        return ""
    if name == "post_url":
        doc = t.site.post(args)
        if doc is None:
            t.problem(f"{{% post_url {args} %}}: no post named '{args}'")
            return posixpath.basename(args) + ".md"
        return t.link(doc, "", before)
    if name == "link":
        doc = t.site.source(args.strip())
        if doc is None and "/_posts/" in "/" + args:
            doc = t.site.post(args.split("_posts/", 1)[1])
        if doc is None:
            t.problem(f"{{% link {args} %}}: no file '{args}'")
            return args
        return t.link(doc, "", before)
    if name in ("include", "include_cached"):
        file, _, params = args.partition(" ")
        if posixpath.splitext(file)[0] == "toc":  # a theme's table of contents
            return "[TOC]"
        theme_include = _theme_include(posixpath.splitext(file)[0], _arguments(params)[1], t.meta)
        if theme_include is not None:  # Minimal Mistakes' video and gallery includes
            return _template(theme_include, params, None, before, t)
        text = None if params.strip() else t.site.include(file)
        return text.strip("\n") if text is not None and "{{" not in text and "{%" not in text else None
    return None


def report_name(name: str, args: str) -> str:
    """How an untranslated tag is listed: includes by file, so the report says which to port."""
    return f"{name} {args.split()[0]}" if name in ("include", "include_cached") and args.split() else name


def output_value(expression: str, t: _Translator) -> str | SitePath | None:
    """The value of `{{ expression }}`, or None when it is not one we know."""
    head, *filters = (part.strip() for part in expression.split("|"))
    value: str | SitePath
    if head in ("site.baseurl", "site.url"):
        value = SitePath("", head == "site.url")
    elif literal := _LITERAL.fullmatch(head):
        value = literal.group(1)[1:-1]
    elif variable := _VARIABLE.fullmatch(head):
        scope = t.site.variables if variable.group(1) == "site" else t.meta
        found = scope.get(variable.group(2))
        if not isinstance(found, (str, int, float)) or isinstance(found, bool):
            return None
        value = str(found)
    else:
        return None
    for item in filters:
        name, _, arg = (x.strip() for x in item.partition(":"))
        if isinstance(value, str) and name in ("relative_url", "absolute_url"):
            value = SitePath(value, name == "absolute_url")
        elif isinstance(value, str) and name == "prepend" and arg in ("site.baseurl", "site.url"):
            value = SitePath(value, arg == "site.url")
        else:
            return None
    return value


def _theme_include(name: str, named: Mapping[str, str], meta: Mapping[str, Any]) -> str | None:
    """The shipped template for a theme's include: `video` with `provider="youtube"` (or vimeo) is
    that tag; `gallery` (when the front matter holds its images, under `id` or `gallery`) is ours."""
    if name == "video" and named.get("provider") in ("youtube", "vimeo"):
        return named["provider"]
    items = meta.get(named.get("id") or "gallery")
    if name == "gallery" and isinstance(items, list) and any(isinstance(i, Mapping) and i.get("image_path") for i in items):
        return "gallery"
    return None


def _arguments(args: str) -> tuple[list[str], dict[str, str]]:
    """A tag's positional and named arguments (`x`, `key="value"`, `key:value`), unquoted."""
    positional: list[str] = []
    named: dict[str, str] = {}
    for match in _ARG.finditer(args):
        if match.group(1):
            named[match.group(1)] = _unquote(match.group(2))
        else:
            positional.append(_unquote(match.group(3)))
    return positional, named


def _template(name: str, args: str, body: str | None, before: str, t: _Translator) -> str | None:
    positional, named = _arguments(args)
    try:
        template = _compile(name, t.site.tags.get(name))
        text = template.render(
            name=name, args=positional, kw=named, body=body, site=dict(t.site.variables), page=dict(t.meta),
            url=lambda path, within=None: _url(t, str(path), before, within),
        )
    except Exception as exc:  # noqa: BLE001 - a user's template may raise anything: one line, no traceback
        t.problem(f"{{% {name} %}}: template error: {exc}")
        return None
    if name in _EXTENSIONS and name not in t.site.tags:
        t.result.extensions.add(_EXTENSIONS[name])
    return "\n\n" + text.strip("\n") + "\n\n" if body is not None or "\n" in text.strip() else text


@lru_cache(maxsize=256)
def _compile(name: str, source: str | None) -> jinja2.Template:
    """A user's template (from `liquid.tags`) or the shipped one, in a sandbox: templates come from
    configuration, and the values they see from post bodies."""
    if source is None:
        source = (TEMPLATES / f"{name}.md").read_text(encoding="utf-8")
    return _ENV.from_string(source)


def check_template(source: str) -> str | None:
    """The syntax error of a tag template, or None."""
    try:
        _ENV.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        return f"line {exc.lineno}: {exc.message}"
    return None


def _url(t: _Translator, path: str, before: str, within: str | None) -> str:
    """`url('/x')` in a template: a link that works from the page; `within` is "markdown" (a Markdown
    link in the template) or "html" (an attribute); by default, what surrounds the tag. Templates
    read front matter (`page`): a URL `safe_urls` refuses is "", and what would end a Markdown link
    or an attribute (spaces, parentheses, quotes, angle brackets) is percent-encoded."""
    checked = safe_url(path)
    if checked is None:
        return ""
    if checked.startswith("/"):
        checked = t.url(checked, {"markdown": "](", "html": '="'}.get(within or "", before))
    return checked.translate(_LINK_BREAKOUT)


def _unquote(value: str) -> str:
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" else value


_ENV: Any = ImmutableSandboxedEnvironment(autoescape=False, undefined=jinja2.ChainableUndefined, keep_trailing_newline=False)
