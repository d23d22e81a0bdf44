"""Fenced code blocks of a Markdown body, found in one pass (a regex with a lazy `.*?` up to the
closing fence rescans the rest of the body for every unclosed fence: quadratic)."""

from __future__ import annotations

import bisect
import re

_OPENER = re.compile(r"(```|~~~)")
_CLOSER = re.compile(r"(```|~~~)[ \t]*")


def strip_fences(text: str, replacement: str = "") -> str:
    """`text` with each block from a line starting with three backticks (or tildes) to the next line
    holding only that fence replaced by `replacement`; an unclosed fence is left as it is."""
    lines = text.split("\n")
    closers: dict[str, list[int]] = {"```": [], "~~~": []}
    for number, line in enumerate(lines):
        closing = _CLOSER.fullmatch(line)
        if closing:
            closers[closing[1]].append(number)
    kept: list[str] = []
    number = 0
    while number < len(lines):
        line = lines[number]
        opening = _OPENER.match(line)
        if opening:
            candidates = closers[opening[1]]
            at = bisect.bisect_right(candidates, number)
            if at < len(candidates):
                kept.append(replacement)
                number = candidates[at] + 1
                continue
        kept.append(line)
        number += 1
    return "\n".join(kept)
