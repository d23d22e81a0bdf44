"""kramdown's block attribute lists (`{: .class}` on a line of its own) where Python-Markdown's
attr_list reads them. Span attributes (`[x](y){:target="_blank"}`) are the same in both."""

from __future__ import annotations

import re
from collections.abc import Callable

_LIST_ITEM = re.compile(r"[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")
_HEADER = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_IAL_LINE = re.compile(r"[ \t]{0,3}\{:([^{}\n]*)\}[ \t]*\r?\n?")


def block_attributes(text: str) -> str:
    """kramdown block IALs where attr_list reads them: on a header's line, as a paragraph's last
    line; `{:toc}` (with the list item before it) becomes `[TOC]`; definitions and IALs of code go."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    pending: str | None = None
    for line in lines:
        ial = _IAL_LINE.fullmatch(line)
        if ial is None:
            if pending is not None and not line.strip() and out and out[-1].strip():
                out.append(pending + "\n")
                pending = None
            if pending is not None and _HEADER.match(line):
                line, pending = _append_attrs(line, pending), None
            out.append(line)
            continue
        inner = ial.group(1).strip()
        previous = out[-1] if out else ""
        if inner == "toc":
            if _LIST_ITEM.match(previous):
                out.pop()
            out.append("[TOC]\n")
        elif re.match(r"[\w-]+:", inner) or not inner:  # an attribute list definition: used by name only
            continue
        elif _HEADER.match(previous):
            out[-1] = _append_attrs(previous, "{: " + inner + " }")
        elif previous.strip():
            out.append("{: " + inner + " }\n")
        elif out:  # after a blank line: kramdown gives it to the next block
            pending = "{: " + inner + " }"
    if pending is not None and out and out[-1].strip():
        out.append(("\n" if not out[-1].endswith("\n") else "") + pending + "\n")
    return "".join(out)


def extension_end(text: str, start: int, end: int, find: Callable[[str, int], int] | None = None) -> int:
    """Where kramdown's `{::…}` or `{:/…}` at `start` (up to `end`) ends: `{::options …/}`,
    `{::nomarkdown}` and `{:/}` are invisible there, and so here; `{::comment}…{:/comment}` goes
    with its content. `find(needle, pos)` is `text.find` that does not search again after it
    found nothing (thousands of unclosed comments stay linear)."""
    if text.startswith("{::comment}", start):
        closed = (find or text.find)("{:/", end)
        close_end = text.find("}", closed, closed + 64) if closed >= 0 else -1
        return close_end + 1 if close_end >= 0 else end
    return end


def _append_attrs(line: str, attrs: str) -> str:
    body = line.rstrip("\r\n")
    return body + " " + attrs + line[len(body) :]
