"""Typed configuration of the `ctoblog` plugin: `CtoblogConfig` and its sub-configs, one module per feature."""

from __future__ import annotations

from mkdocs_ctoblog.config.blocks import SHARE_SERVICES
from mkdocs_ctoblog.config.comments import CommentsConfig
from mkdocs_ctoblog.config.cta import CtaConfig
from mkdocs_ctoblog.config.ctoblog import CtoblogConfig
from mkdocs_ctoblog.config.listings import ListingConfig
from mkdocs_ctoblog.config.newsletter import NewsletterConfig
from mkdocs_ctoblog.config.strings import DEFAULT_STRINGS

__all__ = [
    "DEFAULT_STRINGS",
    "SHARE_SERVICES",
    "CommentsConfig",
    "CtaConfig",
    "CtoblogConfig",
    "ListingConfig",
    "NewsletterConfig",
]
