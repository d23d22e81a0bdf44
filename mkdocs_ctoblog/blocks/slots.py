"""Each page's blocks in the page HTML: placeholders left in `on_page_content` (so the search
index never holds them), swapped for the rendered blocks in `on_post_page`."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from mkdocs_ctoblog import block_patch, inject
from mkdocs_ctoblog.blocks.page_blocks import Blocks, Plan
from mkdocs_ctoblog.blocks.rules import page_subject, post_subject
from mkdocs_ctoblog.blocks.site import page_info

if TYPE_CHECKING:
    from mkdocs_ctoblog.images import SizeOf
    from mkdocs_ctoblog.posts import Post
    from mkdocs_ctoblog.rebuilds import Rebuilds


class BlockSlots:
    """The blocks of the pages of one build: planned when a page's HTML is made, rendered after."""

    def __init__(
        self,
        blocks: Blocks,
        *,
        render: Callable[[str, Any], str],
        latest_posts: Sequence[Post],
        cta_position: str,
        image_size: SizeOf,
        pasted: dict[str, tuple[str, ...]],
        rebuilds: Rebuilds | None,
    ) -> None:
        """`render(block name, view)` renders a block's template; `pasted` (kept across rebuilds)
        records the hand-pasted blocks found in posts; `rebuilds` records what each page shows."""
        self.blocks = blocks
        self.render = render
        self.latest_posts = latest_posts
        self.cta_position = cta_position
        self.image_size = image_size
        self.pasted = pasted
        self.rebuilds = rebuilds
        self.plans: dict[str, Plan] = {}
        self.latest: dict[str, list[inject.LatestRequest]] = {}

    def place(
        self,
        content: str,
        *,
        src: str,
        url: str,
        meta: Mapping[str, Any],
        page_title: object,
        section: str | None,
        post: Post | None,
    ) -> str:
        """Decide the page's blocks and leave placeholders for them (and for `latest` markers);
        keep the page's card values (its front-matter `title` first) for "read next"."""
        subject = post_subject(post) if post is not None else page_subject(src, meta)
        self.plans[src] = plan = self.blocks.plan(subject)
        content, self.latest[src] = inject.find_latest(content, src)
        title = meta.get("title") if isinstance(meta.get("title"), str) else page_title
        self.blocks.site.pages[src] = page_info(
            src,
            url,
            html.unescape(str(title or "")),
            meta,
            self.blocks.site.doc_urls,
            section=section,
            warn=post is None,
            image_size=self.image_size,
        )
        if post is not None:
            self.pasted[src] = inject.pasted_blocks(post.body)
        self._record(src, plan, tuple(self.latest[src]))
        return inject.add_slots(content, plan.blocks, cta_position=self.cta_position)

    def fill(self, output: str, *, src: str, url: str) -> str:
        """Render the page's blocks into their placeholders (after the search index was built)."""
        plan, requests = self.plans.get(src), self.latest.get(src)
        if plan is None or not (plan.blocks or requests):
            return output
        rendered = self._rendered(plan, src, url, requests or ())
        if self.rebuilds is None:
            return inject.fill_slots(output, rendered)
        output, spans = block_patch.fill(output, rendered)
        self.rebuilds.filled[src] = (plan.blocks, spans)
        return output

    def patch(self, post: Post, *, url: str, path: str) -> bool:
        """`mkdocs serve --dirty`: give a post that is not built again its blocks as they are now, in
        its output file at `path`; False when that cannot be done (the page must be built)."""
        assert self.rebuilds is not None
        src = post.src_uri
        recorded = self.rebuilds.filled.get(src)
        if recorded is None or self.rebuilds.latest_requests.get(src):
            return False
        plan = self.blocks.plan(post_subject(post))
        if plan.blocks != recorded[0]:  # other placeholders in the page: build it
            return False
        # only "read next" shows other posts: the other blocks of an unchanged post stay as they are
        views = self.blocks.views(plan, url, only=("read_next",))
        spans = block_patch.patch(path, recorded[1], {name: self.render(name, view) for name, view in views.items()})
        if spans is None:
            return False
        self.rebuilds.filled[src] = (plan.blocks, spans)
        self._record(src, plan, ())
        return True

    def _rendered(self, plan: Plan, src: str, url: str, requests: Sequence[inject.LatestRequest]) -> dict[str, str]:
        rendered = {name: self.render(name, view) for name, view in self.blocks.views(plan, url).items()}
        for number, request in enumerate(requests):
            view = self.blocks.latest_cards(self.latest_posts, request, url, exclude={src})
            rendered[f"latest:{number}"] = self.render("latest", view)
        return rendered

    def _record(self, src: str, plan: Plan, latest: tuple[object, ...]) -> None:
        """`mkdocs serve --dirty`: what the page's blocks show, for the next rebuild's decision."""
        if self.rebuilds is not None:
            picks = tuple(pick.post.src_uri for pick in plan.picks) if "read_next" in plan.blocks else None
            pinned = tuple(target.src_uri for target in plan.pinned)
            self.rebuilds.rendered(src, pinned=pinned, picks=picks, wanted=plan.wanted, latest=latest)

    def latest_now(self) -> dict[str, object]:
        """What the `latest` blocks of the pages recorded by `rebuilds` show now (site-root cards)."""
        assert self.rebuilds is not None
        return {
            src: tuple(self.blocks.latest_cards(self.latest_posts, request, "", exclude={src}) for request in requests)
            for src, requests in self.rebuilds.latest_requests.items()
        }
