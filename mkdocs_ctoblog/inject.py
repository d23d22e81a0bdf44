"""Slot placeholders in page HTML, their replacement, `latest` markers, and pasted-block detection.

Blocks are placed in two steps. In `on_page_content` a page's content gets placeholders such as
`<!-- ctoblog:newsletter -->` inside the article; MkDocs' search plugin then indexes the content
(comments are not indexed); in `on_post_page` the placeholders become the rendered blocks. So a
sign-up form or a call to action never shows up in search results.

An author may write a placeholder into a page to place that block there; the plugin then does not
add another one.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog.fences import strip_fences
from mkdocs_ctoblog.shown import shown

log = get_plugin_logger(__name__)

SLOT = re.compile(r"<!--\s*ctoblog:(series|share|author_bio|cta|newsletter|read_next|comments|latest:\d+)\s*-->")
# A marker's opening; its end (`-->`) is found with str.find, once (a lazy `.*?-->` would rescan the
# rest of the page from every unclosed marker).
_LATEST_START = re.compile(r"(?:<p>\s*)?<!--\s*ctoblog:latest\b")
_CLOSING_P = re.compile(r"\s*</p>")
_LEADING_H1 = re.compile(r"^\s*<h1\b[^>]*>.*?</h1>", re.DOTALL)
LATEST_ARGS = ("count", "category", "tag", "title")


def slot(name: str) -> str:
    return f"<!-- ctoblog:{name} -->"


def add_slots(html: str, blocks: Sequence[str], *, cta_position: str = "bottom") -> str:
    """Add a placeholder for each block: the CTA where `cta.position` says, the others at the end.

    Call it before the post header is added: `top` goes after the content's leading `<h1>`, so
    the header still lands right under the title. A placeholder the author wrote stays the only one.
    """
    present = {m[1] for m in SLOT.finditer(html)}
    bottom = [name for name in blocks if name not in present]
    if "cta" in bottom and cta_position != "bottom":
        bottom.remove("cta")
        html = _insert_cta(html, cta_position)
    if "series" in bottom:  # always on top: under the post header
        bottom.remove("series")
        html = _insert_top(html, "series")
    if bottom:
        html = html.rstrip("\n") + "\n" + "\n".join(slot(name) for name in bottom) + "\n"
    return html


def _insert_top(html: str, name: str) -> str:
    """The placeholder after the content's leading `<h1>` (where the post header goes too)."""
    heading = _LEADING_H1.match(html)
    at = heading.end() if heading else 0
    return html[:at] + "\n" + slot(name) + "\n" + html[at:]


def _insert_cta(html: str, position: str) -> str:
    if position == "top":
        return _insert_top(html, "cta")
    end = paragraph_end(html, int(position.split(":", 1)[1]))
    if end is None:  # fewer paragraphs than N: the end of the content
        return html.rstrip("\n") + "\n" + slot("cta") + "\n"
    return html[:end] + "\n" + slot("cta") + html[end:]


class _Paragraphs(HTMLParser):
    """Finds where the N-th top-level `</p>` ends (paragraphs in lists, quotes or admonitions do not count)."""

    _VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"])

    def __init__(self, wanted: int) -> None:
        super().__init__(convert_charrefs=False)
        self.wanted = wanted
        self.depth = 0
        self.count = 0
        self.end: tuple[int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in self._VOID:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._VOID:
            return
        self.depth -= 1
        if tag == "p" and self.depth == 0 and self.end is None:
            self.count += 1
            if self.count == self.wanted:
                line, column = self.getpos()
                self.end = (line, column)


def paragraph_end(html: str, number: int) -> int | None:
    """Offset just after the `number`-th top-level paragraph of `html`, or None."""
    parser = _Paragraphs(number)
    parser.feed(html)
    parser.close()
    if parser.end is None:
        return None
    line, column = parser.end
    offset = sum(len(text) for text in html.splitlines(keepends=True)[: line - 1]) + column
    close = html.find(">", offset)
    return close + 1 if close >= 0 else None


def fill_slots(output: str, rendered: Mapping[str, str]) -> str:
    """Replace each placeholder by its rendered block (placeholders without a block disappear)."""
    return SLOT.sub(lambda m: rendered.get(m[1], ""), output)


def strip_slots(html: str) -> str:
    """The content without placeholders (for feeds and other consumers of page.content)."""
    return SLOT.sub("", html)


# -- latest posts markers ---------------------------------------------------------------------


@dataclass(frozen=True)
class LatestRequest:
    """`<!-- ctoblog:latest count=3 category=fCTO tag=hiring title="Recent posts" -->`."""

    count: int = 3
    category: str | None = None
    tag: str | None = None
    title: str | None = None


def find_latest(html: str, src_uri: str) -> tuple[str, list[LatestRequest]]:
    """Turn each `latest` marker into a numbered placeholder; one warning per problem, naming the page."""
    requests: list[LatestRequest] = []
    if "ctoblog:latest" not in html:  # most pages: skip the regex (its optional <p> makes it try every "<")
        return html, requests

    parts, pos = [], 0
    while (start := _LATEST_START.search(html, pos)) is not None:
        end = html.find("-->", start.end())
        if end < 0:
            break
        requests.append(_parse_latest(html[start.end() : end], src_uri))
        after = _CLOSING_P.match(html, end + 3)
        parts += [html[pos : start.start()], slot(f"latest:{len(requests) - 1}")]
        pos = after.end() if after else end + 3
    return "".join(parts) + html[pos:], requests


def _parse_latest(args: str, src_uri: str) -> LatestRequest:
    import html as html_lib

    values: dict[str, str] = {}
    try:
        words = shlex.split(html_lib.unescape(args))
    except ValueError as exc:
        log.warning("%s: latest posts marker: cannot read its arguments (%s): %s", src_uri, exc, shown(args.strip()))
        words = []
    unknown = []
    for word in words:
        key, sep, value = word.partition("=")
        if not sep or key not in LATEST_ARGS:
            unknown.append(word)
            continue
        values[key] = value
    if unknown:  # one line, however many
        log.warning(
            "%s: latest posts marker: unknown argument %s; expected %s",
            src_uri,
            shown(unknown[0]) + (f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""),
            ", ".join(f"{k}=..." for k in LATEST_ARGS),
        )
    count = 3
    if "count" in values:
        if values["count"].isdigit() and int(values["count"]) >= 1:
            count = int(values["count"])
        else:
            log.warning("%s: latest posts marker: 'count' expected a whole number of 1 or more, received %s", src_uri, shown(values["count"]))
    return LatestRequest(
        count=count,
        category=values.get("category") or None,
        tag=values.get("tag") or None,
        title=values.get("title") or None,
    )


# -- pasted blocks ----------------------------------------------------------------------------

_READ_NEXT_HEADING = re.compile(
    r"^[ \t]*(?:(?:#{1,6}|\*\*|__|<h[1-6][^<>\n]*>|<p>[ \t]*<(?:strong|b)>)[ \t]*)?"
    r"(?:read next|read more|related (?:posts|articles|reading)|further reading|more posts|keep reading|"
    r"you (?:might|may) also (?:like|enjoy))\b",
    re.IGNORECASE | re.MULTILINE,
)
_LIST_START = re.compile(r"^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+|<ul\b|<ol\b|<li\b)", re.MULTILINE)
_LISTING_CLASS = re.compile(r"<ul\b[^<>]*class=[\"'][^\"'<>]*\b(?:listing|related|read-next)\b", re.IGNORECASE)
_CTA_PHRASE = re.compile(
    r"\b(?:get in touch|book a (?:call|chat|meeting)|schedule a call|hire me|work with me|contact me|"
    r"let'?s talk|reach out|i offer\b[^.\n]{0,80}?\bservices|fractional cto services)\b",
    re.IGNORECASE,
)
_LINK = re.compile(r"\]\(|<a\s", re.IGNORECASE)


def pasted_blocks(body: str) -> tuple[str, ...]:
    """Which hand-pasted blocks a post's Markdown still contains: "read next" and/or "call to action".

    A "read next" list is a heading or bold line such as "Read next" or "Related posts" followed by
    a list within a few lines, or a `<ul class="listing">`. A call to action is a paragraph in the
    last third of the post with a link and wording such as "get in touch" or "book a call".
    Nothing is changed; the build's summary counts them so the author can delete them.
    """
    text = strip_fences(body)
    found = []
    for match in _READ_NEXT_HEADING.finditer(text):
        following = text[match.end() : match.end() + 400]
        if _LIST_START.search(following):
            found.append("read next")
            break
    else:
        if _LISTING_CLASS.search(text):
            found.append("read next")
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    tail = paragraphs[len(paragraphs) - max(1, len(paragraphs) // 3) :]
    if any(_LINK.search(p) and _CTA_PHRASE.search(p) for p in tail):  # links are rare: looked for first
        found.append("call to action")
    return tuple(found)
