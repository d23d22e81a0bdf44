"""The index pages of one build while MkDocs renders them: title and meta for the theme, the
header and a slot for the cards in the content, the cards (after search indexing), the head."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from markupsafe import escape

from mkdocs_ctoblog import indexes, placement

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from mkdocs_ctoblog.indexes import Listing
    from mkdocs_ctoblog.render import Renderer
    from mkdocs_ctoblog.sharing import Sharing
    from mkdocs_ctoblog.views import ListingView, Presenter

LISTING_SLOT = "<!-- ctoblog:listing -->"


class IndexPages:
    """`listings` by the source path of their page; `listing_urls`: the site URL of each page."""

    def __init__(
        self,
        listings: Mapping[str, Listing],
        listing_urls: Mapping[str, str],
        *,
        blog_dir: str,
        present: Presenter,
        renderer: Renderer,
        sharing: Sharing,
        hide: Iterable[str],
    ) -> None:
        self.listings = listings
        self.listing_urls = listing_urls
        self.blog_dir = blog_dir
        self.present = present
        self.renderer = renderer
        self.sharing = sharing
        self.hide = list(hide)

    def index_url(self, kind: str, slug: str) -> str | None:
        """Site URL of the first page of the blog index (`kind` "blog") or of a term's index."""
        return self.listing_urls.get(indexes.index_src(self.blog_dir, kind, slug or None, 1))  # type: ignore[arg-type]

    def set_title(self, page: Page, listing: Listing) -> None:
        """The page's title (front matter, else the term's name), kept out of search when generated,
        and the parts of Material's layout hidden on index pages."""
        title = page.meta.get("title") or self.present.listing_title(listing)
        _set_page_text(page, title, page.meta.get("description"))
        if page.file.generated_by:  # they only repeat posts (Material's search reads this)
            page.meta.setdefault("search", {"exclude": True})
        page.meta.setdefault("hide", list(self.hide))

    def add_header(self, content: str, page: Page, listing: Listing) -> str:
        """The header and intro on top, and the slot for the cards after the page's own text."""
        view = self._view(listing, page, with_cards=False)
        return placement.add_index_header(content, self.renderer.index_header, view) + LISTING_SLOT

    def fill(self, output: str, page: Page, listing: Listing) -> str:
        """The cards in their slot."""
        if LISTING_SLOT not in output:
            return output
        return output.replace(LISTING_SLOT, self.renderer.listing(self._view(listing, page)), 1)

    def head(self, output: str, page: Page, listing: Listing) -> str:
        """Social meta, canonical, feed links and JSON-LD in the page's head."""
        description = page.meta.get("description")
        return self.sharing.head.listing_head(
            output,
            listing,
            page.url,
            title=html.unescape(str(page.title or self.present.listing_title(listing))),
            description=html.unescape(description) if isinstance(description, str) else None,
            kicker=self.present.kicker(listing),
        )

    def _view(self, listing: Listing, page: Page, *, with_cards: bool = True) -> ListingView:
        title = html.unescape(str(page.title)) if page.title else None
        return self.present.listing(listing, page.url, title=title, with_cards=with_cards)


def _set_page_text(page: Page, title: str, description: str | None) -> None:
    """Hand the theme escaped text: Material and the mkdocs theme print these unescaped."""
    page.title = str(escape(title))  # type: ignore[assignment]
    page.meta["title"] = page.title
    if description:
        page.meta["description"] = str(escape(description))
