"""Share links under a post: plain links to each service's own "share" page, carrying the post's
canonical URL and title, percent-encoded. No third-party script and no request until a reader
clicks; "copy link" is a button run by the plugin's own `ctoblog/ctoblog.js`.

Share URL formats, as each service documents them:

- LinkedIn: `https://www.linkedin.com/sharing/share-offsite/?url=<url>` (LinkedIn reads the
  title and image from the page's Open Graph tags);
- X: the post web intent, `https://x.com/intent/tweet?url=<url>&text=<title>`
  (https://docs.x.com/x-for-websites/post-button/guides/web-intent);
- Bluesky: `https://bsky.app/intent/compose?text=<title url>`
  (https://docs.bsky.app/docs/advanced-guides/intent-links);
- Hacker News: its submit form, `https://news.ycombinator.com/submitlink?u=<url>&t=<title>`;
- email: `mailto:?subject=<title>&body=<url>` (RFC 6068).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from mkdocs_ctoblog.posts import Post

SCRIPT = "ctoblog/ctoblog.js"
_SERVICE_NAMES = {"linkedin": "LinkedIn", "x": "X", "bluesky": "Bluesky", "hackernews": "Hacker News"}


@dataclass(frozen=True)
class ShareLink:
    """One service: `text` is shown, `label` is the accessible name, `url` the share page
    (for `copy`, the post's own URL)."""

    service: str
    text: str
    label: str
    url: str


@dataclass(frozen=True)
class ShareView:
    """`ctoblog/share.html`: the heading, the post's canonical URL, the links in configured order."""

    title: str
    url: str
    copied: str
    links: tuple[ShareLink, ...]


def share_url(service: str, url: str, title: str) -> str:
    """The address of `service`'s share page for `url` and `title` (every value percent-encoded)."""
    u, t = quote(url, safe=""), quote(title, safe="")
    if service == "linkedin":
        return f"https://www.linkedin.com/sharing/share-offsite/?url={u}"
    if service == "x":
        return f"https://x.com/intent/tweet?url={u}&text={t}"
    if service == "bluesky":
        return f"https://bsky.app/intent/compose?text={quote(f'{title} {url}', safe='')}"
    if service == "hackernews":
        return f"https://news.ycombinator.com/submitlink?u={u}&t={t}"
    if service == "email":
        return f"mailto:?subject={t}&body={u}"
    raise ValueError(f"unknown share service {service!r}")


class ShareLinks:
    """The share block of posts: shown when services are configured and `site_url` is set
    (a share link needs the post's absolute URL), unless the post says `share: false`."""

    def __init__(
        self, services: Sequence[str], absolute: Callable[[str], str | None], strings: Mapping[str, str]
    ) -> None:
        self.services = tuple(services)
        self.absolute = absolute
        self.strings = strings

    def shown(self, post: Post) -> bool:
        return bool(self.services) and post.share is not False and self.absolute("") is not None

    def view(self, post: Post, base: str) -> ShareView:
        url = self.absolute(base) or ""
        return ShareView(
            title=self.strings["share"],
            url=url,
            copied=self.strings["link_copied"],
            links=tuple(self._link(service, url, post.title) for service in self.services),
        )

    def _link(self, service: str, url: str, title: str) -> ShareLink:
        strings = self.strings
        if service == "copy":
            return ShareLink(service, strings["copy_link"], strings["copy_link"], url)
        if service == "email":
            return ShareLink(service, strings["email"], strings["share_email"], share_url(service, url, title))
        name = _SERVICE_NAMES[service]
        return ShareLink(service, name, strings["share_on"].format(service=name), share_url(service, url, title))
