"""'About the author' boxes after a post: one per author with a `bio` in the authors file.

Each box shows the avatar, the name (linked to the author's `url`), the role (`description`),
the bio (Markdown rendered with the site's own extensions) and the profile `links`. Shown when
`author_bio.enabled` and the post's front matter does not say `author_bio: false`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from mkdocs_ctoblog.shown import shown
from mkdocs_ctoblog.views import Link

if TYPE_CHECKING:
    from mkdocs_ctoblog.blocks.links import CheckedLinks
    from mkdocs_ctoblog.markdown_text import MarkdownText
    from mkdocs_ctoblog.posts import Author, Post

AVATAR_SIZE = 96  # the avatar's width and height attributes (CSS px): no layout shift while it loads


@dataclass(frozen=True)
class AuthorView:
    """One author's box: every URL relative to the page; `bio` is rendered HTML (safe to print)."""

    key: str
    name: str
    url: str | None
    role: str | None
    avatar: str | None
    bio: Markup
    links: tuple[Link, ...]


@dataclass(frozen=True)
class AuthorBioView:
    """`ctoblog/author_bio.html`: the small heading above each box, the boxes, the avatar size."""

    title: str
    authors: tuple[AuthorView, ...]
    avatar_size: int = AVATAR_SIZE


class AuthorBios:
    """The author bio block of posts during one build."""

    def __init__(
        self,
        *,
        enabled: bool,
        text: MarkdownText,
        links: CheckedLinks,
        authors_file: str,
        strings: Mapping[str, str],
    ) -> None:
        self.enabled = enabled
        self.text = text
        self.links = links
        self.authors_file = authors_file
        self.strings = strings

    def shown(self, post: Post) -> bool:
        return self.enabled and post.author_bio is not False and any(a.bio for a in post.authors)

    def view(self, post: Post, base: str) -> AuthorBioView:
        authors = tuple(self._author(author, base) for author in post.authors if author.bio)
        return AuthorBioView(title=self.strings["about_author"], authors=authors)

    def _author(self, author: Author, base: str) -> AuthorView:
        key = author.key
        return AuthorView(
            key=key,
            name=author.name,
            url=self._url(author.url, base, key, "url") if author.url else None,
            role=author.description,
            avatar=self._url(author.avatar, base, key, "avatar") if author.avatar else None,
            bio=self.text.html(key, author.bio or "", base),
            links=tuple(Link(link.name, url) for link in author.links if (url := self._url(link.url, base, key, "links"))),
        )

    def resolve(self, url: str, base: str, key: str) -> str | None:
        """A link in the bio of author `key`, relative to the page (None: left out)."""
        return self._url(url, base, key, "bio")

    def _url(self, url: str, base: str, key: str, field: str) -> str | None:
        """A URL of the authors file relative to the page (see `CheckedLinks`)."""
        return self.links.resolve(url, base, f"{self.authors_file}: author {shown(key)} '{field}'")
