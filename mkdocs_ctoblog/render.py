"""The Jinja environment; the only module that knows template names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import jinja2
from markupsafe import Markup
from mkdocs.exceptions import PluginError

TEMPLATES_DIR = Path(__file__).parent / "templates"


class Renderer:
    """Renders `ctoblog/*.html`; a same-named file in the theme's custom_dir wins."""

    def __init__(
        self, theme_dirs: Sequence[str], strings: Mapping[str, str], *, bytecode_cache: jinja2.BytecodeCache | None = None
    ) -> None:
        self.env = jinja2.Environment(
            bytecode_cache=bytecode_cache,
            loader=jinja2.FileSystemLoader(list(theme_dirs)),
            autoescape=True,
            auto_reload=False,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals["strings"] = strings
        self.env.globals["card_html"] = self.card
        self._cards: dict[tuple[Any, str], Markup] = {}

    def _render(self, name: str, **context: Any) -> str:
        try:
            template = self.env.get_template(name)
        except jinja2.TemplateNotFound:
            raise PluginError(f"ctoblog: template '{name}' not found in the theme directories") from None
        except jinja2.TemplateSyntaxError as exc:
            raise PluginError(f"ctoblog: template '{name}' line {exc.lineno}: {exc.message}") from None
        try:
            return template.render(**context)
        except jinja2.TemplateNotFound as exc:
            raise PluginError(f"ctoblog: template '{exc.name}' (used by '{name}') not found") from None
        except jinja2.UndefinedError as exc:
            raise PluginError(f"ctoblog: template '{name}': {exc.message}") from None

    def card(self, card: Any, heading: str) -> Markup:
        """`ctoblog/card.html` for one card; a card shown again (same post, same page depth) is
        rendered once."""
        key = (card, heading)
        html = self._cards.get(key)
        if html is None:
            html = self._cards[key] = Markup(self._render("ctoblog/card.html", card=card, heading=heading))
        return html

    def post_header(self, post: Any, *, with_title: bool, title_html: str = "") -> str:
        return self._render("ctoblog/post_header.html", post=post, with_title=with_title, title_html=title_html)

    def index_header(self, listing: Any, *, title_html: str = "", intro_html: str = "") -> str:
        return self._render("ctoblog/index_header.html", listing=listing, title_html=title_html, intro_html=intro_html)

    def listing(self, listing: Any) -> str:
        return self._render("ctoblog/index.html", listing=listing, heading="h2")

    def head(self, head: Any) -> str:
        return self._render("ctoblog/meta.html", head=head)

    def redirect(self, redirect: Any) -> str:
        return self._render("ctoblog/redirect.html", redirect=redirect)

    # Blocks after a post (and `latest` markers): each receives its view as `block`.
    BLOCK_TEMPLATES: ClassVar[dict[str, str]] = {
        "series": "ctoblog/series.html",
        "share": "ctoblog/share.html",
        "author_bio": "ctoblog/author_bio.html",
        "cta": "ctoblog/cta.html",
        "newsletter": "ctoblog/newsletter.html",
        "read_next": "ctoblog/read_next.html",
        "comments": "ctoblog/comments.html",
        "latest": "ctoblog/latest.html",
    }

    def block(self, name: str, view: Any) -> str:
        return self._render(self.BLOCK_TEMPLATES[name], block=view, heading="h3")
