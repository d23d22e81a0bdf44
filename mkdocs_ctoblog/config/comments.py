"""Config of comments under posts (giscus)."""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_ctoblog.config.options import StrictConfig


class CommentsConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Insert comments where asked."""
    default = c.Type(bool, default=False)
    """Show comments on every post unless its front matter says `comments: false`."""
    provider = c.Optional(c.Choice(("giscus",)))
    """Comment system; only `giscus` today."""
    repo = c.Optional(c.Type(str))
    """giscus: `owner/name` of the GitHub repository."""
    repo_id = c.Optional(c.Type(str))
    """giscus: repository id."""
    category = c.Optional(c.Type(str))
    """giscus: discussion category name."""
    category_id = c.Optional(c.Type(str))
    """giscus: discussion category id."""
    mapping = c.Choice(("pathname", "url", "title", "og:title"), default="pathname")
    """giscus: how a page maps to a discussion."""
    lang = c.Optional(c.Type(str))
    """giscus: interface language; default the site's locale."""
    reactions = c.Type(bool, default=True)
    """giscus: show reactions to the page."""
    input_position = c.Choice(("bottom", "top"), default="bottom")
    """giscus: comment box above (`top`) or below the comments."""
    theme_light = c.Type(str, default="light")
    """giscus theme with a light palette."""
    theme_dark = c.Type(str, default="dark")
    """giscus theme with a dark palette (Material's `slate`, the mkdocs theme's dark mode)."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        if failed:
            return failed, warnings
        if self.provider is None and self.default:
            failed.append(("default", base.ValidationError("Expected a 'provider' (giscus) when 'default' is true")))
        if self.provider == "giscus":
            missing = [key for key in ("repo", "repo_id", "category", "category_id") if not self[key]]
            if missing:
                failed.append(
                    ("provider", base.ValidationError(f"Expected {', '.join(repr(k) for k in missing)} for provider 'giscus' (see https://giscus.app)"))
                )
            elif not re.fullmatch(r"[\w.-]+/[\w.-]+", self.repo or ""):
                failed.append(("repo", base.ValidationError(f"Expected 'owner/name' of a GitHub repository, but received: {self.repo!r}")))
        return failed, warnings
