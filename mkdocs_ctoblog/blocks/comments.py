"""The comments block (giscus): the settings its script receives as `data-*` attributes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs_ctoblog.config import CommentsConfig


@dataclass(frozen=True)
class CommentsView:
    """`ctoblog/comments.html`: the giscus settings, as `data-*` attributes of its script."""

    provider: str
    title: str
    repo: str
    attributes: tuple[tuple[str, str], ...]
    theme_light: str
    theme_dark: str


def comments_view(cfg: CommentsConfig, strings: Mapping[str, str], locale: str) -> CommentsView:
    """The giscus script's settings; its language defaults to the site's locale."""
    lang = cfg.lang or _giscus_lang(locale)
    attributes = (
        ("data-repo", cfg.repo or ""),
        ("data-repo-id", cfg.repo_id or ""),
        ("data-category", cfg.category or ""),
        ("data-category-id", cfg.category_id or ""),
        ("data-mapping", cfg.mapping),
        ("data-strict", "1"),
        ("data-reactions-enabled", "1" if cfg.reactions else "0"),
        ("data-emit-metadata", "0"),
        ("data-input-position", cfg.input_position),
        ("data-lang", lang),
        ("data-loading", "lazy"),
    )
    return CommentsView(
        provider=cfg.provider or "giscus",
        title=strings["comments"],
        repo=cfg.repo or "",
        attributes=attributes,
        theme_light=cfg.theme_light,
        theme_dark=cfg.theme_dark,
    )


def _giscus_lang(locale: str) -> str:
    """giscus language codes: `en`, `de`, `pt`, but `zh-CN`, `zh-TW`."""
    language, _, territory = locale.partition("_")
    if language == "zh" and territory:
        return f"zh-{territory}"
    return language
