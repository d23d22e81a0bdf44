"""Where the post header goes in a post's rendered HTML."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from typing import TypeVar

from markupsafe import Markup

_FIRST_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)

View = TypeVar("View")


def add_post_header(content: str, title: str, render: Callable[..., str], view: View) -> str:
    """Put the header after the content's own title `<h1>`, or on top with the title as `<h1>`.

    The content's first `<h1>` is the post's title when its text equals the title (an MkDocs-style
    post, or a title taken from the heading); otherwise, as in a Jekyll layout, the front-matter
    title is the page's `<h1>` and the content's headings stay below it.
    """
    match = _FIRST_H1.search(content)
    if match and _text(match[1]) == " ".join(title.split()):
        if not content[: match.start()].strip():
            return content[: match.end()] + render(view, with_title=False) + content[match.end() :]
        return render(view, with_title=False) + content
    return render(view, with_title=True) + content


def _text(fragment: str) -> str:
    """Visible text of an HTML fragment (Material's permalink `¶` anchors removed)."""
    fragment = re.sub(r'<a\b[^>]*class="headerlink"[^>]*>.*?</a>', "", fragment, flags=re.DOTALL)
    return " ".join(html_lib.unescape(Markup(fragment).striptags()).split())
