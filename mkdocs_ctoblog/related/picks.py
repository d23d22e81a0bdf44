"""What the ranking is given and gives: the weights of shared features, and each pick with its reasons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mkdocs_ctoblog.posts import Post

How = Literal["ranked", "same category", "newest"]


@dataclass(frozen=True)
class Weights:
    """How much each shared feature counts (`read_next.weights`)."""

    category: float = 3.0
    tag: float = 2.0
    words: float = 1.0
    recency: float = 0.5


@dataclass(frozen=True)
class Pick:
    """One "read next" post, its score and why it was picked (for `--verbose`)."""

    post: Post
    score: float
    reasons: tuple[str, ...]
    how: How = "ranked"

    def explain(self) -> str:
        why = "; ".join(self.reasons) if self.reasons else self.how
        return f"{self.post.src_uri} ({self.score:.2f}: {why})"


def newest_first_key(post: Post) -> tuple[float, str, str]:
    """Sort key: newest first, then by title, then by source path."""
    return (-post.date.timestamp(), post.title.casefold(), post.src_uri)
