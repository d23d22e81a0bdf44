"""Find one element in HTML in a single pass.

A pattern such as `<h1\\b[^>]*>.*?</h1>` rescans the rest of the page from every opening tag that
has no `>` or no closing tag after it, so a post with thousands of them costs minutes (quadratic).
Here an opening tag stops at the next `<` and the closing tag is found once with `str.find`: when
it is missing after the first candidate it is missing after every later one too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import NamedTuple


class Element(NamedTuple):
    """Offsets of `<tag ...>inner</tag>` in a text."""

    start: int
    inner_start: int
    inner_end: int
    end: int


@functools.cache
def _opening(tag: str) -> re.Pattern[str]:
    return re.compile(rf"<{tag}\b[^<>]*>")


def first_element(html: str, tag: str, *, where: Callable[[str], object] | None = None, pos: int = 0) -> Element | None:
    """The first `<tag ...>...</tag>` at or after `pos` whose opening tag passes `where`, or None."""
    opening = _opening(tag)
    while (found := opening.search(html, pos)) is not None:
        if where is None or where(found[0]):
            close = html.find(f"</{tag}>", found.end())
            if close < 0:
                return None
            return Element(found.start(), found.end(), close, close + len(tag) + 3)
        pos = found.end()
    return None
