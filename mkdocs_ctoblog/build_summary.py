"""The one info line a build logs (posts, drafts, scheduled, categories, pasted blocks left), and
the per-post detail behind it at debug level."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog.plural import counted

if TYPE_CHECKING:
    from mkdocs_ctoblog.blog import Blog
    from mkdocs_ctoblog.posts import Post

log = get_plugin_logger(__name__)


def log_summary(
    posts: Mapping[str, Post], blog: Blog, pasted: Mapping[str, tuple[str, ...]], *, show_unpublished: bool
) -> None:
    """`pasted`: the hand-pasted blocks ("read next", "call to action") found in each post."""
    counts = {s: sum(p.status == s for p in posts.values()) for s in ("published", "draft", "scheduled")}
    still_pasted = sorted(src for src, found in pasted.items() if found)
    log.info(
        "%s built, %s and %d scheduled %s, %s%s",
        counted(counts["published"], "post"),
        counted(counts["draft"], "draft"),
        counts["scheduled"],
        "shown as such" if show_unpublished else "left out",
        counted(len(blog.terms.get("category", ())), "category", "categories"),
        f"; {counted(len(still_pasted), 'post')} still {'contains' if len(still_pasted) == 1 else 'contain'} a pasted 'Read next' list or call to action, which the "
        "blocks now add (mkdocs build --verbose names them)"
        if still_pasted
        else "",
    )
    for src in still_pasted:
        log.debug("%s: pasted %s found; delete it, the plugin adds this block", src, " and ".join(pasted[src]))


def log_unpublished(posts: Mapping[str, Post], *, show_unpublished: bool) -> None:
    """One debug line per draft or scheduled post, oldest first."""
    for post in sorted((p for p in posts.values() if p.status != "published"), key=lambda p: (p.date, p.src_uri)):
        shown = "shown" if show_unpublished else "left out"
        log.debug("%s: %s post dated %s, %s", post.src_uri, post.status, post.date.isoformat(), shown)
