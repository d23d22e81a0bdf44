"""The head tags of posts and index pages: social meta (Open Graph, Twitter), canonical, feed
alternates and JSON-LD, leaving out any tag the theme or another plugin already wrote."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mkdocs_ctoblog import feeds, images, meta
from mkdocs_ctoblog.posts import Post
from mkdocs_ctoblog.sharing.feed_files import FeedFiles
from mkdocs_ctoblog.sharing.links import SiteLinks
from mkdocs_ctoblog.views import rel

if TYPE_CHECKING:
    from mkdocs_ctoblog.config import CtoblogConfig
    from mkdocs_ctoblog.indexes import Listing

_DESCRIPTION_LENGTH = 300


class HeadTags:
    """Social meta, canonical, feed links and JSON-LD in the head of posts and index pages."""

    def __init__(
        self,
        config: CtoblogConfig,
        links: SiteLinks,
        feed_files: FeedFiles,
        render_head: Callable[[meta.HeadView], str],
    ) -> None:
        self.config = config
        self.links = links
        self.feed_files = feed_files
        self.strings = config.strings
        self.render_head = render_head
        self._image_meta: dict[str, meta.ImageMeta | None] = {}

    def page_meta(self, post: Post, page_meta: dict[str, Any]) -> None:
        """A post with a cover image keeps it as its social image: Material's social plugin is told
        (its documented front matter `social: {cards: false}`) not to write a card and tags for it,
        unless the post's own front matter says something about `social`."""
        if self.config.meta.enabled and post.image is not None and "social" not in post.meta:
            page_meta["social"] = {"cards": False}

    def post_head(self, output: str, post: Post, page_url: str) -> str:
        """`output` with the post's social meta, canonical, feed links and `BlogPosting` in `<head>`."""
        url = self.links.absolute(page_url)
        image = self.image_meta(post)
        found = meta.existing(output)
        tags: tuple[meta.MetaTag, ...] = ()
        json_ld = None
        if self.config.meta.enabled:
            facts = meta.PageFacts(
                type="article",
                title=post.title,
                description=_short(post.summary),
                url=url,
                site_name=self.links.site.site_name,
                locale=self.links.site.locale,
                image=image,
                published=post.date,
                modified=post.updated or post.date,
                section=self.links.names("category", post.categories)[0] if post.categories else None,
                tags=self.links.names("tag", post.tags),
            )
            tags = meta.social_tags(facts)
            json_ld = meta.blog_posting(self.article(post, url, image))
        return self._inject(
            output, found, tags=tags, canonical=url, keys=("",), base=page_url, json_ld=json_ld
        )

    def listing_head(
        self,
        output: str,
        listing: Listing,
        page_url: str,
        *,
        title: str,
        description: str | None,
        kicker: str | None,
    ) -> str:
        """`output` with an index page's meta, canonical, feed links (a category's own first) and,
        on the blog index, JSON-LD `Blog` listing that page's posts. Without a description of its
        own, a term's page says what it is ("Category: Hiring · Site"), the blog index uses the
        site description."""
        url = self.links.absolute(page_url)
        found = meta.existing(output)
        keys = (listing.term.slug, "") if listing.kind == "category" and listing.term else ("",)
        tags: tuple[meta.MetaTag, ...] = ()
        json_ld = None
        if self.config.meta.enabled:
            if not description and kicker and listing.kind != "blog":
                description = f"{kicker}: {title} · {self.links.site.site_name}"
            description = description or self.links.site.site_description
            facts = meta.PageFacts(
                type="website",
                title=title,
                description=_short(description) if description else None,
                url=url,
                site_name=self.links.site.site_name,
                locale=self.links.site.locale,
            )
            tags = meta.social_tags(facts)
            if listing.kind == "blog":
                json_ld = meta.blog(
                    name=title,
                    description=description,
                    url=url,
                    language=meta.language_tag(self.links.site.locale),
                    publisher=self.publisher(),
                    posts=[
                        self.article(p, self.links.absolute(self.links.post_url(p)), self.image_meta(p))
                        for p in listing.posts
                    ],
                )
        return self._inject(
            output, found, tags=tags, canonical=url, keys=keys, base=page_url, json_ld=json_ld
        )

    def _inject(
        self,
        output: str,
        found: meta.Existing,
        *,
        tags: tuple[meta.MetaTag, ...],
        canonical: str | None,
        keys: tuple[str, ...],
        base: str,
        json_ld: dict[str, Any] | None,
    ) -> str:
        view = meta.head_view(
            tags=tags,
            canonical=canonical if self.config.meta.enabled else None,
            alternates=self.alternates(keys, base),
            json_ld=json_ld,
            found=found,
        )
        if not view:
            return output
        return meta.inject(output, self.render_head(view))

    def alternates(self, keys: tuple[str, ...], base: str) -> tuple[meta.AlternateLink, ...]:
        links = []
        for key in keys:
            feed_set = self.feed_files.feed_set(key)
            if feed_set is None:
                continue
            for fmt in feed_set.formats:
                title = f"{feed_set.title} ({self.strings[feeds.STRING_KEYS[fmt]]})"
                links.append(meta.AlternateLink(title, rel(feed_set.path(fmt), base), feeds.MEDIA_TYPES[fmt]))
        return tuple(links)

    def image_meta(self, post: Post) -> meta.ImageMeta | None:
        """The post's cover as an absolute URL, with size and type when the file is ours (once a
        post: the blog index's JSON-LD lists the posts again)."""
        if post.src_uri not in self._image_meta:
            self._image_meta[post.src_uri] = self._read_image_meta(post)
        return self._image_meta[post.src_uri]

    def _read_image_meta(self, post: Post) -> meta.ImageMeta | None:
        image = post.image
        if image is None or not self.links.site.site_url:
            return None
        if not image.local:
            url = self.links.user_url(image.src)
            return meta.ImageMeta(url, image.alt, type=feeds.image_type(image.src)) if url else None
        found = self.links.asset(image.src)
        if found is None:
            return None
        size = images.raster_size(found.src_path or found.dest_path)
        return meta.ImageMeta(
            self.links.absolute(found.url) or found.url,
            image.alt,
            width=size[0] if size else None,
            height=size[1] if size else None,
            type=feeds.image_type(image.src),
        )

    def publisher(self) -> dict[str, Any]:
        cfg = self.config.meta
        logo = self.links.user_url(cfg.publisher_logo or self.config.feeds.logo)
        return meta.organization(cfg.publisher or self.links.site.site_name, logo)

    def authors(self, post: Post) -> tuple[meta.PersonFacts, ...]:
        people = []
        for author in post.authors:
            own = self.links.user_url(author.url)
            page = self.links.author_page(author.name)
            people.append(
                meta.PersonFacts(
                    name=author.name,
                    url=page or own,
                    same_as=(own,) if own and page else (),
                    image=self.links.user_url(author.avatar),
                )
            )
        return tuple(people)

    def article(self, post: Post, url: str | None, image: meta.ImageMeta | None) -> meta.ArticleFacts:
        return meta.ArticleFacts(
            headline=post.title,
            description=_short(post.summary) or None,
            url=url,
            published=post.date,
            modified=post.updated or post.date,
            image=image,
            authors=self.authors(post),
            keywords=self.links.names("tag", post.tags),
            sections=self.links.names("category", post.categories),
            word_count=post.words,
            language=meta.language_tag(self.links.site.locale),
            publisher=self.publisher(),
        )


def _short(text: str | None, limit: int = _DESCRIPTION_LENGTH) -> str:
    """`text` cut at a word boundary to at most `limit` characters (with `…`)."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.-–—")
    return cut + "…"
