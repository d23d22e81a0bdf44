"""Markdown written in mkdocs.yml or the authors file, rendered with the site's own Markdown
extensions, its links and images made relative to the page it is shown on.

Unlike a post's body, it never carries markup of its own: raw HTML is escaped (Python-Markdown's
`html_block` and `html` steps are left out) and attributes that run script or restyle the page
(`on*`, `style`, `srcdoc`, `formaction`; attr_list's `{: onclick=... }`) are dropped."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

_DROPPED = frozenset(["style", "srcdoc", "formaction"])


class _LinkRewriter(Treeprocessor):
    def __init__(self, md: markdown.Markdown, rewrite: Callable[[str], str | None]) -> None:
        super().__init__(md)
        self.rewrite = rewrite

    def run(self, root: Element) -> None:
        for element in root.iter():
            for name in [name for name in element.attrib if name.lower().startswith("on") or name.lower() in _DROPPED]:
                del element.attrib[name]
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is None:
                    continue
                rewritten = self.rewrite(html.unescape(value))  # as the browser reads it: `javascript&#58;x`
                if rewritten is None:  # an unsafe URL is left out
                    del element.attrib[attribute]
                else:
                    element.set(attribute, rewritten)


class _LinkExtension(Extension):
    def __init__(self, rewrite: Callable[[str], str | None]) -> None:
        super().__init__()
        self.rewrite = rewrite

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_LinkRewriter(md, self.rewrite), "ctoblog_links", 1)
        for registry, name in ((md.preprocessors, "html_block"), (md.inlinePatterns, "html")):
            if name in registry:
                registry.deregister(name)


class MarkdownText:
    """Markdown from config or the authors file (call-to-action text, author bios) rendered with the site's Markdown extensions, links made relative.

    One converter per build; a block is rendered once per distinct set of resolved link targets,
    so a thousand posts at the same depth share one rendering.
    """

    def __init__(self, extensions: Sequence[Any], configs: Mapping[str, Any], resolve: Callable[[str, str, str], str | None]) -> None:
        self._resolve = resolve
        self._rewrite: Callable[[str], str | None] = lambda url: url
        self.md = markdown.Markdown(
            extensions=[*extensions, _LinkExtension(lambda url: self._rewrite(url))],
            extension_configs=dict(configs),
        )
        self._targets: dict[str, tuple[str, ...]] = {}
        self._rendered: dict[tuple[str, tuple[str | None, ...]], Markup] = {}

    def html(self, name: str, text: str, base: str) -> Markup:
        """`text` as HTML for the page at `base`; `name` (a block name, an author id) identifies the
        text, and each link in it is made relative by `resolve(url, base, name)`."""
        targets = self._targets.get(name)
        if targets is None:
            found: list[str] = []

            def record(url: str) -> str:
                found.append(url)
                return url

            self._rewrite = record
            self._convert(text)
            targets = self._targets[name] = tuple(found)
        key = (name, tuple(self._resolve(url, base, name) for url in targets))
        rendered = self._rendered.get(key)
        if rendered is None:
            self._rewrite = lambda url: self._resolve(url, base, name)
            rendered = self._rendered[key] = Markup(self._convert(text))
        return rendered

    def _convert(self, text: str) -> str:
        self.md.reset()
        return self.md.convert(text)
