"""Config of what the build adds around posts: feeds, social meta, redirect pages."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_ctoblog import outpaths
from mkdocs_ctoblog.config.options import PositiveInt, PostUrlFormat, SafeUrl, StrictConfig
from mkdocs_ctoblog.feeds.model import FORMATS
from mkdocs_ctoblog.shown import shown

_EXPECTED_COPIES = "site paths of files mapped to a feed format ('rss', 'atom' or 'json'), such as {'/feed.xml': 'atom'}"


class FeedCopies(c.Type):
    """`{site path: format}`: further paths of the blog's feed of that format, stored normalised
    (`/feed.xml` → `feed.xml`); no folder, no `..`, nothing the output-path guard refuses."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, str]:
        if not isinstance(value, dict):
            raise base.ValidationError(f"Expected {_EXPECTED_COPIES}, but received: {shown(value)}")
        copies: dict[str, str] = {}
        for path, fmt in value.items():
            why = _copy_problem(path, fmt)
            normalised = outpaths.normalise(path, url=True).path if why is None else ""
            if why is None and normalised in copies:
                why = "the same path as another key"
            if why is not None:
                raise base.ValidationError(f"Expected {_EXPECTED_COPIES}, but received {shown(path)}: {shown(fmt)} ({why})")
            copies[normalised] = fmt
        return copies


def _copy_problem(path: object, fmt: object) -> str | None:
    """Why `path: fmt` cannot be a feed copy, or None."""
    if fmt not in FORMATS:
        return "an unknown feed format"
    if not isinstance(path, str):
        return "the path is not text"
    try:
        found = outpaths.normalise(path, url=True)
    except outpaths.UnsafePath as exc:
        return f"a path which {exc}"
    if found.has_parent:
        return "a path with '..': it must stay inside the site"
    if found.folder or not found.path:
        return "a folder: give a file path"
    return None


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
    """The blog's feed of a format also written at these site paths (`{"/feed.xml": atom}`: an old site's feed URL)."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        if not failed:
            for path, fmt in self.also_at.items():
                if not self[fmt]:
                    failed.append(("also_at", base.ValidationError(
                        f"Expected paths of feeds this site writes, but received {shown(path)}: {fmt!r} "
                        f"while 'feeds.{fmt}' is false (turn it on, or map the path to a format that is on)"
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
