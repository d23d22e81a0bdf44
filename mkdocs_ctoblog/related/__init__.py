""""Read next" ranking: pure functions over Posts, with an inverted index (no MkDocs imports)."""

from __future__ import annotations

from mkdocs_ctoblog.related.picks import Pick, Weights
from mkdocs_ctoblog.related.ranking import Related
from mkdocs_ctoblog.related.words import significant_words

__all__ = ["Pick", "Related", "Weights", "significant_words"]
