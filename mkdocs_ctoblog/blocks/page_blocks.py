"""The blocks of each page during one build: which ones it gets, in `blocks_order` (decided in
`on_page_content`), and the view each template receives (in `on_post_page`)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog.blocks import read_next
from mkdocs_ctoblog.blocks.cards import CardsView, latest_cards
from mkdocs_ctoblog.blocks.comments import comments_view
from mkdocs_ctoblog.blocks.cta import cta_view
from mkdocs_ctoblog.blocks.links import CheckedLinks
from mkdocs_ctoblog.blocks.newsletter import newsletter_form, newsletter_shown, newsletter_view
from mkdocs_ctoblog.blocks.rules import Subject, choose_cta, comments_shown

if TYPE_CHECKING:
    from mkdocs_ctoblog.blocks.read_next import Target
    from mkdocs_ctoblog.blocks.site import Site
    from mkdocs_ctoblog.config import CtoblogConfig
    from mkdocs_ctoblog.markdown_text import MarkdownText
    from mkdocs_ctoblog.posts import Post
    from mkdocs_ctoblog.related import Pick, Related
    from mkdocs_ctoblog.views import CardView

log = get_plugin_logger(__name__)

_UNCONFIGURED_FIXES = {
    "comments": (
        "no comments provider is configured (comments.provider: giscus, with repo, repo_id, category "
        "and category_id); no comments are shown. Configure one, or set comments: {enabled: false}"
    ),
    "newsletter": (
        "newsletter.action is not set (provider 'generic'); the form is left out. Set it or choose a "
        "provider, or set newsletter: {enabled: false}"
    ),
}


@dataclass
class Plan:
    """The blocks of one page, decided in `on_page_content`, rendered in `on_post_page`."""

    src_uri: str = ""
    blocks: tuple[str, ...] = ()
    cta: str | None = None
    pinned: tuple[Target, ...] = ()
    picks: tuple[Pick, ...] = ()
    wanted: int = 0  # how many picks were asked for


class PostBlock(Protocol):
    """A block shown after posts only, each in its own module (share links, author bio)."""

    def shown(self, post: Post) -> bool: ...

    def view(self, post: Post, base: str) -> Any: ...


class Blocks:
    """Decides and renders the blocks of each page during one build."""

    def __init__(
        self,
        cfg: CtoblogConfig,
        site: Site,
        *,
        related: Related,
        card: Callable[[Post, str], CardView],
        cta_text: MarkdownText,
        locale: str,
        post_blocks: Mapping[str, PostBlock],
    ) -> None:
        self.cfg = cfg
        self.site = site
        self.related = related
        self.card = card
        self.cta_text = cta_text
        self.locale = locale
        self.post_blocks = post_blocks
        self.form = newsletter_form(cfg.newsletter, locale)
        self.links = CheckedLinks(site.resolver)
        self.read_next = read_next.ReadNext(cfg.read_next, site, related, card)
        # Pages whose `comments: true` / `newsletter: true` (often inherited from Jekyll layouts)
        # cannot be honoured: one warning per build for each, not one per page.
        self.unconfigured: dict[str, dict[str, None]] = {"comments": {}, "newsletter": {}}

    def warn_unconfigured(self) -> None:
        """One warning per switch that pages turned on while nothing is configured to show it."""
        for key, pages in self.unconfigured.items():
            if pages:
                names = list(pages)
                more = f" and {len(names) - 3} more" if len(names) > 3 else ""
                log.warning(
                    "'%s: true' in %d %s (%s%s), but %s",
                    key,
                    len(names),
                    "page" if len(names) == 1 else "pages",
                    ", ".join(names[:3]),
                    more,
                    _UNCONFIGURED_FIXES[key],
                )

    def plan(self, subject: Subject) -> Plan:
        """Which blocks the page gets, in `blocks_order`; for posts also the read-next picks
        (explained in the debug log when it is on)."""
        shown = {
            "cta": (cta := choose_cta(subject, self.cfg.cta)) is not None,
            "newsletter": newsletter_shown(subject, self.cfg.newsletter, self.unconfigured["newsletter"])
            and self.form is not None,
            "read_next": subject.is_post and self.cfg.read_next.enabled and subject.read_next is not False,
            "comments": comments_shown(subject, self.cfg.comments, self.unconfigured["comments"]),
        }
        post = self.site.posts[subject.src_uri] if subject.is_post else None
        for name, block in self.post_blocks.items():
            shown[name] = post is not None and block.shown(post)
        plan = Plan(subject.src_uri, blocks=tuple(name for name in self.cfg.blocks_order if shown[name]), cta=cta)
        if "read_next" in plan.blocks:
            choice = self.read_next.choose(subject, explain=read_next.log.isEnabledFor(logging.DEBUG))
            plan.pinned, plan.picks, plan.wanted = choice.pinned, choice.picks, choice.wanted
            if not plan.pinned and not plan.picks:
                plan.blocks = tuple(name for name in plan.blocks if name != "read_next")
        return plan

    def views(self, plan: Plan, base: str, *, only: Collection[str] | None = None) -> dict[str, Any]:
        """The view of each planned block (or of those named in `only`), for the page at `base`."""
        views: dict[str, Any] = {}
        for name in plan.blocks if only is None else [name for name in plan.blocks if name in only]:
            if name == "cta" and plan.cta is not None:
                views[name] = cta_view(self.cfg.cta, plan.cta, base, links=self.links, text=self.cta_text)
            elif name == "newsletter" and self.form is not None:
                privacy = self.cfg.newsletter.consent.privacy_url
                privacy_url = self.links.resolve(privacy, base, "mkdocs.yml: 'newsletter.consent.privacy_url'") if privacy else None
                views[name] = newsletter_view(self.cfg.newsletter, self.cfg.strings, self.form, privacy_url)
            elif name == "read_next":
                views[name] = CardsView(self.cfg.strings["read_next"], self.read_next.cards(plan.pinned, plan.picks, base))
            elif name == "comments":
                views[name] = comments_view(self.cfg.comments, self.cfg.strings, self.locale)
            elif name in self.post_blocks:
                views[name] = self.post_blocks[name].view(self.site.posts[plan.src_uri], base)
        return views

    def resolve(self, url: str, base: str, name: str) -> str | None:
        """A link inside the text of call to action `name` (see `CheckedLinks`)."""
        return self.links.resolve(url, base, f"mkdocs.yml: 'cta.blocks.{name}.text'")

    def latest_cards(
        self, posts: Sequence[Post], request: Any, base: str, *, exclude: Collection[str] = ()
    ) -> CardsView:
        """The newest posts (of a category or tag) for a `<!-- ctoblog:latest -->` marker."""
        return latest_cards(posts, request, base, card=self.card, exclude=exclude)
