"""`mkdocs serve --dirty`: after a save, rebuild only the pages whose ctoblog content changed.

MkDocs rebuilds a page under `--dirty` when its source is newer than its output, and always when
the file's content is in memory (as generated index pages are). `Rebuilds` remembers what the
previous build of one `mkdocs serve --dirty` showed where, and decides for this build:

- index pages whose posts and cards did not change get a stable, old source file, so MkDocs leaves
  them alone; the others keep in-memory content and are built;
- posts and pages whose blocks show a changed card (read next, latest posts), or whose read-next
  picks changed, get their output's time set back, so MkDocs builds them again;
- output of files that are gone (a deleted post, an index page that no longer exists) is deleted;
- when something every page shows changed (mkdocs.yml, the authors file, a page that is not a post, a post's
  URL), the output folder is emptied and everything is built, as `mkdocs build` would.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog.block_patch import Span

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """What this build shows, as plain values (computed in `on_files`)."""

    key: str  # digest of what every page shows: a change rebuilds everything
    post_urls: Mapping[str, str]  # every shown post's URL
    cards: Mapping[str, object]  # every shown post's card (site-root URLs)
    listings: Mapping[str, tuple[Any, ...]]  # every index page: title, page numbers, its posts last
    latest: Mapping[str, object]  # pages with `latest` markers: what those blocks show now


@dataclass
class Decision:
    """What to do before MkDocs builds: empty the output, delete stale files, rebuild pages."""

    wipe: bool = False
    stale: set[str] = field(default_factory=set)  # absolute output paths to delete
    rebuild: set[str] = field(default_factory=set)  # source paths of pages to build again
    blocks_only: set[str] = field(default_factory=set)  # of those, pages where only their blocks changed
    unchanged_listings: set[str] = field(default_factory=set)  # index pages MkDocs may skip


@dataclass
class _Shown:
    """The read-next block of one post in the last build that rendered it."""

    pinned: tuple[str, ...]
    picks: tuple[str, ...]
    wanted: int


class Rebuilds:
    """State kept across the rebuilds of one `mkdocs serve --dirty`."""

    def __init__(self) -> None:
        self._folder = tempfile.mkdtemp(prefix="ctoblog-serve-")
        self.stable_source = os.path.join(self._folder, "unchanged.md")
        with open(self.stable_source, "w", encoding="utf-8"):
            pass
        os.utime(self.stable_source, (0, 0))  # older than any output: "not modified"
        self.previous: Snapshot | None = None
        self.dests: set[str] = set()
        self.read_next: dict[str, _Shown] = {}  # post source path -> its read-next block
        self.shows: dict[str, frozenset[str]] = {}  # page source path -> post/page sources its blocks show
        self.latest_requests: dict[str, tuple[object, ...]] = {}  # page source path -> its `latest` markers
        self.titles: dict[str, str | None] = {}  # page source path -> its title in the last build
        self.filled: dict[str, tuple[tuple[str, ...], tuple[Span, ...]]] = {}  # page -> its blocks, where they are
        self.links_missed = False  # a block's link named a file the last build lacked

    def close(self) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)

    # -- during a build ---------------------------------------------------------------------

    def rendered(self, src: str, *, pinned: tuple[str, ...], picks: tuple[str, ...] | None, wanted: int,
                 latest: tuple[object, ...]) -> None:
        """Record what the blocks of a page built now show."""
        if picks is not None:
            self.read_next[src] = _Shown(pinned, picks, wanted)
        else:
            self.read_next.pop(src, None)
        self.shows[src] = frozenset(pinned + (picks or ()))
        if latest:
            self.latest_requests[src] = latest
        else:
            self.latest_requests.pop(src, None)

    def finish(self, latest: Mapping[str, object], *, links_missed: bool) -> None:
        """After the build: what the `latest` blocks of the pages built so far show, and whether a
        link in a block (call to action, bio) named a page or file the site lacked."""
        self.links_missed = links_missed
        if self.previous is not None:
            self.previous = replace(self.previous, latest=latest)

    # -- before MkDocs builds ---------------------------------------------------------------

    def decide(
        self,
        now: Snapshot,
        *,
        dests: set[str],
        modified_pages: set[str],
        picks_now: Mapping[str, tuple[str, ...]] | None,
    ) -> Decision:
        """Compare this build with the previous one.

        `modified_pages`: pages (not posts) whose source changed (their titles are in every page's
        navigation, and they may be shown as cards: everything is built again); `picks_now`: when the read-next
        ranking changed, the picks as they are now of the recorded posts whose picks may have changed
        (the others' are the same; None: all are)."""
        before, self.previous = self.previous, now
        decision = Decision(stale={d for d in self.dests - dests})
        self.dests = dests
        if before is None:
            return decision
        moved = any(now.post_urls.get(src) != url for src, url in before.post_urls.items() if src in now.post_urls)
        gone = any(src not in now.post_urls for src in before.post_urls)
        added = self.links_missed and any(src not in before.post_urls for src in now.post_urls)  # it may be the target
        if before.key != now.key or moved or gone or added or modified_pages:
            decision.wipe = True
            self.read_next.clear()
            self.shows.clear()
            self.latest_requests.clear()
            self.filled.clear()
            return decision
        changed = {src for src in now.cards.keys() | before.cards.keys() if now.cards.get(src) != before.cards.get(src)}
        own = {src for src in changed if src in now.cards}  # a post's own header
        for src, shown in self.shows.items():
            if shown & changed:
                decision.rebuild.add(src)
        if picks_now is not None:
            decision.rebuild |= {src for src, picks in picks_now.items() if self.read_next[src].picks != picks}
        for src, latest in now.latest.items():
            if src in before.latest and before.latest[src] != latest:
                decision.rebuild.add(src)
        decision.blocks_only = decision.rebuild - own
        decision.rebuild |= own
        for src, signature in now.listings.items():
            if before.listings.get(src) == signature and changed.isdisjoint(signature[-1]):
                decision.unchanged_listings.add(src)
        return decision


def digest(*parts: object) -> str:
    """A short digest of values (their repr) and files (their bytes; missing ones count as empty)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def file_bytes(path: str | None) -> bytes:
    if not path:
        return b""
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return b""


def delete_outputs(paths: Iterable[str], site_dir: str) -> None:
    """Delete stale output files (and the folders they leave empty) inside `site_dir`."""
    root = os.path.realpath(site_dir)
    for path in paths:
        real = os.path.realpath(path)
        if not real.startswith(root + os.sep):
            continue
        with contextlib.suppress(FileNotFoundError):
            os.remove(real)
        folder = os.path.dirname(real)
        while folder != root and folder.startswith(root + os.sep):
            try:
                os.rmdir(folder)
            except OSError:
                break
            folder = os.path.dirname(folder)


def mark_for_rebuild(path: str) -> None:
    """Set an output file's time back, so that MkDocs' `--dirty` check builds its page again."""
    with contextlib.suppress(FileNotFoundError):
        os.utime(path, (0, 0))


def empty_folder(site_dir: str) -> None:
    """Remove everything in the output folder (what a build without `--dirty` does first)."""
    from mkdocs.utils import clean_directory

    clean_directory(site_dir)
