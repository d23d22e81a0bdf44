"""The "read next" block: the pinned cards (the next part of a series, front matter `read_next`,
`read_next.include`), then the posts `related` ranks, and their cards."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog.blocks.cards import page_card
from mkdocs_ctoblog.blocks.links import PAGE_EXTENSIONS
from mkdocs_ctoblog.shown import shown
from mkdocs_ctoblog.urls import slugify

if TYPE_CHECKING:
    from mkdocs_ctoblog.blocks.rules import Subject
    from mkdocs_ctoblog.blocks.site import Site
    from mkdocs_ctoblog.config.blocks import ReadNextConfig
    from mkdocs_ctoblog.posts import Post
    from mkdocs_ctoblog.related import Pick, Related
    from mkdocs_ctoblog.views import CardView

log = get_plugin_logger(__name__)

TargetKind = Literal["post", "page"]


@dataclass(frozen=True)
class Target:
    """A pinned "read next" card: a post or any page of the site, by source path."""

    kind: TargetKind
    src_uri: str


@dataclass(frozen=True)
class Choice:
    """A page's "read next" cards: the pinned ones, then `wanted` ranked picks (or fewer)."""

    pinned: tuple[Target, ...]
    picks: tuple[Pick, ...]
    wanted: int


class ReadNext:
    """Chooses and shows the "read next" cards of posts during one build."""

    def __init__(
        self, cfg: ReadNextConfig, site: Site, related: Related, card: Callable[[Post, str], CardView]
    ) -> None:
        self.cfg = cfg
        self.site = site
        self.related = related
        self.card = card
        self._includes: list[Target] | None = None

    def choose(self, subject: Subject, *, explain: bool) -> Choice:
        """Front-matter picks take the first of `count` places; `read_next.include` adds cards."""
        pinned: list[Target] = []
        next_part = self.site.next_parts.get(subject.src_uri)
        if next_part is not None and next_part in self.related.position:  # a series: the next part first
            pinned.append(Target("post", next_part))
        for value in subject.read_next or ():
            target = self.target(value, subject.src_uri, key="read_next", where=subject.src_uri)
            if target is not None and target not in pinned and target.src_uri != subject.src_uri:
                pinned.append(target)
        wanted = max(0, self.cfg.count - len(pinned))
        for target in self.includes():
            if target not in pinned and target.src_uri != subject.src_uri:
                pinned.append(target)
        post = self.site.posts[subject.src_uri]
        picks = self.related.picks(post, wanted, exclude={t.src_uri for t in pinned}, explain=explain)
        if explain:
            parts = [f"pinned {t.src_uri}" for t in pinned]
            parts += [f"{n}. {pick.explain()}" for n, pick in enumerate(picks, start=1)]
            log.debug("read next for %s: %s", subject.src_uri, "; ".join(parts) or "none")
        return Choice(tuple(pinned), tuple(picks), wanted)

    def includes(self) -> list[Target]:
        """`read_next.include`, resolved (and warned about) once per build."""
        if self._includes is None:
            found = (self.target(v, "", key="read_next.include", where="mkdocs.yml") for v in self.cfg.include)
            self._includes = [t for t in found if t is not None]
        return self._includes

    def target(self, value: str, src_uri: str, *, key: str, where: str, quiet: bool = False) -> Target | None:
        """A `read_next` value (post path, slug, page path or site path) as a published post or a page."""
        site = self.site
        text = value.strip()
        here = posixpath.dirname(src_uri)
        candidates = []
        if text.startswith("/"):
            url = site.resolver.site_url(text)
            if url is not None and url in site.src_by_url:
                candidates.append(site.src_by_url[url])
        else:
            path = text.split("#")[0]
            for joined in (posixpath.join(here, path), path, posixpath.join(site.posts_dir, path)):
                candidates.append(posixpath.normpath(joined))
        for src in candidates:
            if src in site.posts:
                return self._post_target(src, value, where, quiet)
            if src in site.doc_urls and src.endswith(PAGE_EXTENSIONS):
                return Target("page", src)
        slug_src = site.by_slug.get(slugify(text))
        if slug_src is not None:
            return self._post_target(slug_src, value, where, quiet)
        if not quiet:
            log.warning(
                "%s: '%s' expected post paths, post slugs or page paths of this site, received %s",
                where,
                key,
                shown(value),
            )
        return None

    def _post_target(self, src: str, value: str, where: str, quiet: bool) -> Target | None:
        post = self.site.posts[src]
        if post.status != "published" or src not in self.related.position:
            if not quiet:
                log.debug("%s: read_next '%s' is a %s post; it is left out", where, value, post.status)
            return None
        return Target("post", src)

    def cards(self, pinned: tuple[Target, ...], picks: tuple[Pick, ...], base: str) -> tuple[CardView, ...]:
        """The cards of the pinned targets (pages not yet rendered are left out), then of the picks."""
        cards = []
        for target in pinned:
            card = self.target_card(target, base)
            if card is not None:
                cards.append(card)
        cards += [self.card(pick.post, base) for pick in picks]
        return tuple(cards)

    def target_card(self, target: Target, base: str) -> CardView | None:
        if target.kind == "post":
            return self.card(self.site.posts[target.src_uri], base)
        page = self.site.pages.get(target.src_uri)
        return None if page is None else page_card(page, base)
