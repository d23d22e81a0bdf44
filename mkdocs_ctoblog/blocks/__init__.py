"""The blocks around a post or page (call to action, newsletter, read next, comments, share links,
author bio, series, latest posts): which ones a page gets and the small views their templates
receive. Only plain values come in: posts, config objects, and maps of doc paths to URLs."""

from __future__ import annotations

from mkdocs_ctoblog.blocks.page_blocks import Blocks, Plan, PostBlock
from mkdocs_ctoblog.blocks.rules import Subject, page_subject, post_subject
from mkdocs_ctoblog.blocks.site import PageInfo, Site, page_info

__all__ = ["Blocks", "PageInfo", "Plan", "PostBlock", "Site", "Subject", "page_info", "page_subject", "post_subject"]
