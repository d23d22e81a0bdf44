"""Site URLs of posts, images and index pages, from the build's files."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mkdocs_ctoblog.blog import TermKind
from mkdocs_ctoblog.posts import Post
from mkdocs_ctoblog.views.cards import ImageView


@dataclass
class Linker:
    """Site URLs (relative to the site root) of posts, pages, images and index pages."""

    post_urls: Mapping[str, str]
    doc_url: Callable[[str], str | None]
    term_urls: Mapping[tuple[TermKind, str], str]
    image_size: Callable[[str], tuple[int, int] | None] = lambda doc_path: None

    def post(self, post: Post) -> str:
        return self.post_urls[post.src_uri]

    def term(self, kind: TermKind, slug: str) -> str | None:
        return self.term_urls.get((kind, slug))

    def image(self, post: Post) -> ImageView | None:
        """The cover: a full URL as it is, or the site URL of the image file."""
        image = post.image
        if image is None:
            return None
        if not image.local:
            return ImageView(image.src, image.alt, position=image.position)
        url = self.doc_url(image.src)
        if url is None:
            return None
        width, height = self.image_size(image.src) or (None, None)
        return ImageView(url, image.alt, width, height, image.position)
