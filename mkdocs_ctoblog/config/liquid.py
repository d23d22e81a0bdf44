"""Config of the Liquid and kramdown translation of post bodies."""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_ctoblog.config.options import StrictConfig


class LiquidTemplates(c.Type):
    """`{tag name: Jinja template}`; each template must parse."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, str]:
        from mkdocs_ctoblog.jekyll.tags import check_template

        templates: dict[object, object] = super().run_validation(value)
        for name, source in templates.items():
            if not isinstance(name, str) or not re.fullmatch(r"[\w-]+", name) or not isinstance(source, str):
                raise base.ValidationError(f"Expected tag names mapped to Jinja templates, but received: {name!r}: {source!r}")
            problem = check_template(source)
            if problem:
                raise base.ValidationError(f"Expected a Jinja template for tag {name!r}, but it fails at {problem}")
        return templates  # type: ignore[return-value]


class LiquidConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Translate Jekyll's Liquid tags and kramdown attributes in post bodies at build time."""
    tags = LiquidTemplates()
    """Your theme's tags: `{name: Jinja template}` (sees `args`, `kw`, `body`, `site`, `page`, `url()`)."""
