"""Posts: read, normalise and validate Jekyll-style front matter into a frozen `Post` (no MkDocs objects)."""

from __future__ import annotations

from mkdocs_ctoblog.posts.authors_file import load_authors
from mkdocs_ctoblog.posts.model import Author, AuthorLink, Image, Post, ReadResult, ReadSettings, Status
from mkdocs_ctoblog.posts.reader import read_post, schedule

__all__ = [
    "Author",
    "AuthorLink",
    "Image",
    "Post",
    "ReadResult",
    "ReadSettings",
    "Status",
    "load_authors",
    "read_post",
    "schedule",
]
