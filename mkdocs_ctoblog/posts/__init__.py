"""Posts: read, normalise and validate Jekyll-style front matter into a frozen `Post` (no MkDocs objects)."""

from __future__ import annotations

from mkdocs_ctoblog.posts.authors_file import load_authors
from mkdocs_ctoblog.posts.model import Author, Post, ReadResult, ReadSettings
from mkdocs_ctoblog.posts.reader import read_post, schedule

__all__ = [
    "Author",
    "Post",
    "ReadResult",
    "ReadSettings",
    "load_authors",
    "read_post",
    "schedule",
]
