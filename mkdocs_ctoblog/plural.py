"""Counts in messages with the noun agreeing: `1 post`, `2 posts`."""

from __future__ import annotations


def counted(number: int, one: str, many: str = "") -> str:
    """`1 post`, `2 posts`; `many` for irregular plurals (`category`, `categories`)."""
    return f"{number} {one if number == 1 else many or one + 's'}"
