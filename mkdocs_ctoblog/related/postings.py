"""The inverted indexes of the ranking: posting lists, and lazily merged rankings read again from the start."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator


class Stream:
    """A lazily merged ranking, kept as far as it has been read, to be read again from the start."""

    def __init__(self, source: Iterator[int]) -> None:
        self._source = source
        self._seen: list[int] = []

    def __iter__(self) -> Iterator[int]:
        yield from self._seen
        for i in self._source:
            self._seen.append(i)
            yield i


def postings(features: list[frozenset[str]] | list[set[str]]) -> dict[str, list[int]]:
    """Feature → positions of the posts that have it, newest first."""
    index: defaultdict[str, list[int]] = defaultdict(list)
    for i, values in enumerate(features):
        for value in values:
            index[value].append(i)
    return dict(index)
