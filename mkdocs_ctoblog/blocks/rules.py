"""Which blocks a page asks for: its front matter and terms as a `Subject`, and the rules (SPEC §5)
that choose its call to action and whether it shows comments."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog.shown import shown
from mkdocs_ctoblog.urls import slugify

if TYPE_CHECKING:
    from mkdocs_ctoblog.config import CommentsConfig, CtaConfig
    from mkdocs_ctoblog.posts import Post

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class Subject:
    """What the block rules look at: a post's, or any page's, front matter and terms."""

    src_uri: str
    is_post: bool
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    newsletter: bool | None = None
    comments: bool | None = None
    cta: str | Literal[False] | None = None
    read_next: tuple[str, ...] | Literal[False] | None = None


def post_subject(post: Post) -> Subject:
    return Subject(
        src_uri=post.src_uri,
        is_post=True,
        categories=post.category_slugs,
        tags=post.tag_slugs,
        newsletter=post.newsletter,
        comments=post.comments,
        cta=post.cta,
        read_next=post.read_next,
    )


def page_subject(src_uri: str, meta: Mapping[str, Any]) -> Subject:
    """A page that is not a post: its front matter `newsletter`, `comments`, `cta` (validated)."""

    def flag(key: str) -> bool | None:
        value = meta.get(key)
        if value is None or isinstance(value, bool):
            return value
        log.warning("%s: '%s' expected true or false, received %r", src_uri, key, value)
        return None

    cta = meta.get("cta")
    if cta is True:
        cta = None
    elif cta is not None and cta is not False and not (isinstance(cta, str) and cta.strip()):
        log.warning("%s: 'cta' expected a call-to-action block name, or false, received %r", src_uri, cta)
        cta = None
    return Subject(
        src_uri=src_uri,
        is_post=False,
        newsletter=flag("newsletter"),
        comments=flag("comments"),
        cta=cta.strip() if isinstance(cta, str) else cta,
    )


def choose_cta(subject: Subject, cfg: CtaConfig) -> str | None:
    """The call to action of a page (SPEC §5): front matter, else the most specific matching block
    (more matched categories first, then more matched tags; ties by config order), else the default."""
    if not cfg.enabled or subject.cta is False:
        return None
    if isinstance(subject.cta, str):
        if subject.cta in cfg.blocks:
            return subject.cta
        names = ", ".join(cfg.blocks) or "none are configured"
        fallback = "using the automatic choice" if subject.is_post else "no call to action is shown"
        log.warning(
            "%s: 'cta' expected one of the cta.blocks names (%s), received %s; %s",
            subject.src_uri,
            names,
            shown(subject.cta),
            fallback,
        )
    if not subject.is_post:
        return None
    best: tuple[int, int] = (0, 0)
    chosen = None
    for name, block in cfg.blocks.items():
        by_category = len({slugify(c) for c in block.categories} & set(subject.categories))
        by_tag = len({slugify(t) for t in block.tags} & set(subject.tags))
        if (by_category, by_tag) > best:
            best, chosen = (by_category, by_tag), name
    return chosen or cfg.default


def comments_shown(subject: Subject, cfg: CommentsConfig, unconfigured: dict[str, None]) -> bool:
    """Front matter wins; otherwise posts follow `comments.default` and other pages show none.
    A page asking for comments while no provider is configured goes into `unconfigured`."""
    if not cfg.enabled or subject.comments is False:
        return False
    if subject.comments is True and cfg.provider is None:
        unconfigured[subject.src_uri] = None
        return False
    return subject.comments is True or (subject.is_post and cfg.default)
