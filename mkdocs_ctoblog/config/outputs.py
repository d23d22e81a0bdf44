"""Config of what the build adds around posts: feeds, social meta, redirect pages."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_ctoblog.config.feed_copies import FeedCopies
from mkdocs_ctoblog.config.options import PositiveInt, PostUrlFormat, SafeUrl, StrictConfig
from mkdocs_ctoblog.shown import shown


class FeedsConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Write feeds (needs `site_url`)."""
    rss = c.Type(bool, default=True)
    """Write `feed.xml` (RSS 2.0)."""
    atom = c.Type(bool, default=True)
    """Write `atom.xml` (Atom 1.0)."""
    json = c.Type(bool, default=True)
    """Write `feed.json` (JSON Feed 1.1)."""
    per_category = c.Type(bool, default=True)
    """Also write the feeds of each category under its page's folder."""
    limit = PositiveInt(20)
    """Entries per feed."""
    full_content = c.Type(bool, default=True)
    """Put each post's full HTML in the feeds (else only the summary)."""
    logo = c.Optional(SafeUrl())
    """Channel logo/icon (site path or URL)."""
    also_at = FeedCopies()
    """The blog's feed of a format, or a category's (`{format: atom, category: news}`), also written at these
    site paths (`{"/feed.xml": atom}`: an old site's feed URL)."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        if not failed:
            for path, copy in self.also_at.items():
                if not self[copy.format]:
                    off, fix = copy.format, "a format that is on"
                elif copy.category is not None and not self.per_category:
                    off, fix = "per_category", "a format only (the blog's feed)"
                else:
                    continue
                failed.append(("also_at", base.ValidationError(
                    f"Expected paths of feeds this site writes, but received {shown(path)}: {copy.shown()} "
                    f"while 'feeds.{off}' is false (turn it on, or map the path to {fix})"
                )))
        return failed, warnings


class MetaConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Write Open Graph, Twitter, canonical and JSON-LD meta on blog pages."""
    publisher = c.Optional(c.Type(str))
    """JSON-LD publisher name; default `site_name`."""
    publisher_logo = c.Optional(SafeUrl())
    """JSON-LD publisher logo (site path or URL)."""


class RedirectsConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Write redirect pages to posts from their `redirect_from` paths and earlier URLs."""
    previous_post_url_formats = c.ListOfItems(PostUrlFormat(), default=[])
    """Earlier `post_url_format`s (either syntax): each post's URL under them redirects to its URL now."""
