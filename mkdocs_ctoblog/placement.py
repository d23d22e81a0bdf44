"""Where the post header goes in a post's rendered HTML."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from typing import TypeVar

from markupsafe import Markup

from mkdocs_ctoblog.htmlscan import first_element

_HEADERLINK = re.compile(r'<a\b[^<>]*class="headerlink"[^<>]*>[^<]*</a>')  # stops at the next "<": linear

View = TypeVar("View")


def add_post_header(content: str, title: str, render: Callable[..., str], view: View) -> str:
    """Put the header on top, holding the title: the content's own leading `<h1>`, or a new one.

    The content's first `<h1>` is the post's title when its text equals the title (an MkDocs-style
    post, or a title taken from the heading): leading the content, it moves into the header as it is
    (id and permalink kept); further down, it stays and the header has no title. Otherwise, as in a
    Jekyll layout, the front-matter title is the page's `<h1>` and the content's headings stay below it.
    """
    match = first_element(content, "h1")
    if match and _text(content[match.inner_start : match.inner_end]) == " ".join(title.split()):
        if not content[: match.start].strip():
            own_title = Markup(content[match.start : match.end])  # HTML that came out of Markdown
            return render(view, with_title=False, title_html=own_title) + content[match.end :]
        return render(view, with_title=False) + content
    return render(view, with_title=True) + content


def add_index_header(content: str, render: Callable[..., str], view: View) -> str:
    """An index page's header (kicker and title) and intro (the page's own text, in a readable measure).

    The header holds the content's leading `<h1>` if it has one; a page with an `<h1>` further down
    keeps its content as it is and gets no header.
    """
    match = first_element(content, "h1")
    if match and content[: match.start].strip():
        return content
    own_title = Markup(content[match.start : match.end]) if match else ""  # HTML that came out of Markdown
    intro = content[match.end :] if match else content
    return render(view, title_html=own_title, intro_html=Markup(intro) if intro.strip() else "")


def _text(fragment: str) -> str:
    """Visible text of an HTML fragment (Material's permalink `¶` anchors removed)."""
    fragment = _HEADERLINK.sub("", fragment)
    return " ".join(html_lib.unescape(Markup(fragment).striptags()).split())
