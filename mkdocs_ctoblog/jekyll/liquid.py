"""Jekyll's Liquid in a Markdown body, translated to MkDocs Markdown (no MkDocs imports): tags and
`{{ … }}` outputs as `BodyScanner` finds them, links made to work wherever the site is served, and
what nothing translates counted and kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mkdocs_ctoblog.jekyll import tags
from mkdocs_ctoblog.jekyll.evaluate import Evaluator, liquid_page
from mkdocs_ctoblog.jekyll.scanner import RAW_CLOSE, BodyScanner
from mkdocs_ctoblog.jekyll.site import LiquidSite, in_markdown_link, relative_doc, relative_url

_PATH = re.compile(r"/[^\s()\"'<>\[\]{}|]*")
_MAX_TAG = 2000  # longer "tags" are left as text (keeps argument parsing cheap)
_MAX_DEPTH = 8
_MAX_EVALUATIONS = 300  # `{% assign %}` and `{{ name.key }}` evaluated per body; more are left as they are
_MAX_ASSIGNS = 30


@dataclass
class Translation:
    """The translated text; tags left untranslated (name → count); one line per problem; the Markdown
    extensions the text now needs."""

    text: str
    unknown: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    extensions: set[str] = field(default_factory=set)


def translate(
    text: str, *, src: str, page_url: str, site: LiquidSite, meta: Mapping[str, Any] | None = None, date: dt.datetime | None = None
) -> Translation:
    """Translate the body of the doc `src` (written to site path `page_url`; `meta` its front
    matter and `date` its post date, for `page.*`)."""
    if "{%" not in text and "{{" not in text and "{:" not in text:
        return Translation(text)  # nothing of Liquid's or kramdown's: every step would copy the text as it is
    result = Translation("")
    result.text = _Translator(src, page_url, site, liquid_page(meta or {}, date), result).block(text, 0)
    return result


class _Translator(BodyScanner):
    """What each Liquid tag and output of one body becomes; `tags.py` translates them one by one."""

    def __init__(self, src: str, page_url: str, site: LiquidSite, meta: dict, result: Translation) -> None:
        super().__init__(result.extensions)
        self.src, self.page_url, self.site, self.meta, self.result = src, page_url, site, meta, result
        self.rendered: dict[tuple[str, str, str | None, bool], str | None] = {}
        self.assigns: list[str] = []  # `{% assign %}` tags evaluated so far, in order
        self.evaluations = 0  # python-liquid renders for this body (bounded: they cost)

    def tag(self, text: str, start: int, end: int, out: list[str], depth: int) -> int:
        inner = text[start + 2 : end - 2].strip().strip("-").strip()
        name, args = (inner.split(None, 1) + [""])[:2] if inner else ("", "")  # a tag may span lines
        if len(inner) > _MAX_TAG or not name:
            out.append(text[start:end])
            return end
        if name == "raw":
            closed = None if self.missing("endraw", text) else RAW_CLOSE.search(text, end)
            if closed is None:
                self.remember_missing("endraw", text)
                self.unknown(name, text[start:end], out)
                return end
            out.append(text[end : closed.start()])
            return closed.end()
        if name == "assign" and (evaluator := self.evaluator()) and evaluator.assign(self.assigns, text[start:end], self.meta):
            self.assigns.append(text[start:end])  # prints nothing, as in Jekyll
            return end
        body, after = self.tag_body(text, name, end, depth)
        lead = text.rfind("{{", 0, start) if text.endswith("}}", 0, start) else start  # `{{ site.baseurl }}{% … %}`
        rendered = tags.render(name, args.strip(), body, text[max(0, lead - 3) : lead], self)
        if rendered is None:
            self.unknown(tags.report_name(name, args), text[start:end], out)
            return end
        out.append(rendered)
        return after

    def tag_body(self, text: str, name: str, end: int, depth: int) -> tuple[str | None, int]:
        """The translated content of a block tag (`{% name %}…{% endname %}`) and where it ends."""
        if not tags.takes_body(name, self.site) or self.missing("end" + name, text) or depth >= _MAX_DEPTH:
            return None, end
        closed = re.compile(r"\{%-?[ \t]*end" + re.escape(name) + r"[ \t]*-?%\}").search(text, end)
        if closed is None:
            self.remember_missing("end" + name, text)
            return None, end
        inner = text[end : closed.start()]
        return (inner if name == "comment" else self.block(inner, depth + 1)), closed.end()

    def output(self, text: str, start: int, end: int, out: list[str]) -> int:
        """`{{ … }}`: site and page variables, and URLs (`site.baseurl`, `relative_url`…)."""
        expression = text[start + 2 : end - 2].strip().strip("-").strip()
        value = tags.output_value(expression, self)
        if value is None and (evaluator := self.evaluator()):
            value = evaluator.output(self.assigns, text[start:end], self.meta)
        if value is None:
            self.unknown("{{ " + expression.split("|")[0].strip() + " }}", text[start:end], out)
            return end
        if not isinstance(value, tags.SitePath):
            out.append(value)
            return end
        path, after = value.path, end
        while text.startswith("{{", after):  # `{{ site.url }}{{ site.baseurl }}`
            more = text.find("}}", after)
            joined = tags.output_value(text[after + 2 : more].strip(), self) if more > 0 else None
            if not isinstance(joined, tags.SitePath) or joined.path:
                break
            after = more + 2
        if text.startswith("{%", after) and re.match(r"\{%-?\s*(post_url|link)\b", text[after : after + 20]):
            return after  # the tag gives a relative link on its own
        if not path and (following := _PATH.match(text, after)):
            path, after = following.group(), following.end()
        out.append(self.url(path or "/", text[max(0, start - 3) : start], absolute=value.absolute))
        return after

    def url(self, path: str, before: str, *, absolute: bool = False) -> str:
        """A site path (`/about/`, `/assets/x.png`) as a link that works wherever the site is served."""
        if absolute and self.site.url and not in_markdown_link(before):
            base = (self.site.baseurl.strip("/") + "/").lstrip("/")
            return self.site.url.rstrip("/") + "/" + base + path.lstrip("/")
        doc, suffix = self.site.site_path(path)
        if doc is None:
            if in_markdown_link(before):
                return path
            return relative_url(path.split("#")[0].split("?")[0], self.page_url) + suffix
        return self.link(doc, suffix, before)

    def link(self, doc: str, suffix: str, before: str) -> str:
        """A link to a doc: its path in Markdown links (MkDocs makes it the URL, and checks it), its
        page-relative URL elsewhere (raw HTML, text)."""
        url = self.site.url_of(doc)
        if in_markdown_link(before) or url is None:
            return relative_doc(doc, self.src) + suffix
        return relative_url(url, self.page_url) + suffix

    def evaluator(self) -> Evaluator | None:
        """`site.evaluator`, while this body has asked it fewer than `_MAX_EVALUATIONS` times."""
        self.evaluations += 1
        if self.evaluations > _MAX_EVALUATIONS or len(self.assigns) >= _MAX_ASSIGNS:
            return None
        return self.site.evaluator


    def problem(self, message: str) -> None:
        self.result.problems.append(f"{self.src}: {message}")

    def unknown(self, name: str, source: str, out: list[str]) -> None:
        """A tag nothing translates: counted; kept as text (build) or as an HTML comment (import)."""
        if not (name.startswith("end") and name[3:] in self.result.unknown):  # `endif` is counted with `if`
            self.result.unknown[name] += 1
        # `--` would end the comment; `|` would split a Markdown table's cell
        kept = source.replace("--", "- -").replace("|", "&#124;")
        out.append("<!-- " + kept + " -->" if self.site.unknown_as_comment else source)

