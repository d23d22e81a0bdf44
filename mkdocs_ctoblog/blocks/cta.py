"""The call-to-action block: its view, with the button's link and the Markdown text rendered for the page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from mkdocs_ctoblog.blocks.links import CheckedLinks
    from mkdocs_ctoblog.config import CtaConfig
    from mkdocs_ctoblog.markdown_text import MarkdownText


@dataclass(frozen=True)
class ButtonView:
    label: str
    url: str


@dataclass(frozen=True)
class CtaView:
    """`ctoblog/cta.html`: `html` is the block's Markdown text, rendered (safe to print)."""

    name: str
    title: str
    html: Markup
    button: ButtonView | None


def cta_view(cfg: CtaConfig, name: str, base: str, *, links: CheckedLinks, text: MarkdownText) -> CtaView:
    """The view of call to action `name` for the page at `base`."""
    block = cfg.blocks[name]
    button = None
    url = links.resolve(block.button.url, base, f"mkdocs.yml: 'cta.blocks.{name}.button.url'") if block.button.url else None
    if block.button.label and url:
        button = ButtonView(block.button.label, url)
    html = text.html(name, block.text, base) if block.text else Markup("")
    return CtaView(name=name, title=block.title, html=html, button=button)
