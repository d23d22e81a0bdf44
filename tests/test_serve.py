"""`mkdocs serve` for real: a child process on 127.0.0.1 (livereload on, as users run it) over a
temporary copy of a small blog. Drafts and scheduled posts show there, badged; an edited title
and a new post appear after the rebuild; several rebuilds duplicate no card, page or feed entry;
`mkdocs build` of the same sources leaves the drafts out. The server is always stopped.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import MATERIAL, post, write_tree

POSTS = {
    "blog/posts/2024-01-10-alpha.md": post("title: Alpha\ncategory: Ops\ntags: [a]"),
    "blog/posts/2024-02-10-beta.md": post("title: Beta\ncategory: Ops"),
    "blog/posts/2024-03-10-gamma.md": post("title: Gamma\ncategory: Hiring"),
    "blog/posts/2024-04-10-secret.md": post("title: Secret draft\ncategory: Ops\ndraft: true"),
    "blog/posts/2030-01-01-later.md": post("title: Scheduled later\ncategory: Ops"),   # after SOURCE_DATE_EPOCH
}
DOCS = {"index.md": "# Home\n\n<!-- ctoblog:latest count=2 -->\n", **POSTS}
CONFIG = {
    "site_name": "Serve test",
    "site_url": "https://example.com/",
    "theme": MATERIAL,
    "plugins": ["search", {"ctoblog": {"pagination": 20, "newsletter": {"default": False}}}],
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


@dataclass
class Served:
    root: Path
    url: str
    log: Path
    process: subprocess.Popen

    def get(self, path: str) -> tuple[int, str]:
        assert self.process.poll() is None, f"mkdocs serve exited ({self.process.returncode}):\n{self.tail()}"
        return _get(self.url + path)

    def soup(self, path: str) -> BeautifulSoup:
        status, text = self.get(path)
        assert status == 200, (path, status, self.tail())
        return BeautifulSoup(text, "html.parser")

    def wait_for(self, path: str, check: Callable[[str], bool], timeout: float = 60) -> str:
        """Poll `path` until `check(html)` holds (a rebuild finished); return that HTML."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, text = self.get(path)
            if status == 200 and check(text):
                return text
            time.sleep(0.25)
        raise AssertionError(f"{path}: not rebuilt within {timeout}s\n{self.tail()}")

    def tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGINT)          # our own session: mkdocs serve and nothing else
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("serve")
    write_tree(root / "docs", DOCS)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(CONFIG), encoding="utf-8")
    port = _free_port()
    log = root / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(root / "mkdocs.yml")],
            cwd=root, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    server = Served(root, f"http://127.0.0.1:{port}/", log, process)
    try:
        server.wait_for("blog/", lambda html: "ctoblog-card" in html, timeout=90)
        yield server
    finally:
        _stop(process)
    assert not (root / "site").exists(), "mkdocs serve wrote into the project folder"


def _titles(soup: BeautifulSoup, selector: str = ".ctoblog-index .ctoblog-card__link") -> list[str]:
    return [a.get_text() for a in soup.select(selector)]


def _badged(soup: BeautifulSoup) -> dict[str, str]:
    return {card.select_one(".ctoblog-card__link").get_text(): card.select_one(".ctoblog-badge").get_text()
            for card in soup.select(".ctoblog-index .ctoblog-card") if card.select_one(".ctoblog-badge:not(.ctoblog-badge--pinned)")}


def test_drafts_and_scheduled_posts_shown_and_badged(served):
    index = served.soup("blog/")
    assert _titles(index) == ["Scheduled later", "Secret draft", "Gamma", "Beta", "Alpha"]
    assert _badged(index) == {"Secret draft": "Draft", "Scheduled later": "Scheduled"}
    draft = served.soup("blog/secret/")
    assert draft.select_one(".ctoblog-post-header .ctoblog-badge").get_text() == "Draft"
    assert served.soup("blog/later/").select_one(".ctoblog-post-header .ctoblog-badge").get_text() == "Scheduled"


def test_edit_and_new_post_after_rebuilds_without_duplicates(served):
    posts = served.root / "docs" / "blog" / "posts"
    (posts / "2024-02-10-beta.md").write_text(post("title: Beta, renamed\ncategory: Ops"), encoding="utf-8")
    (posts / "2024-05-10-delta.md").write_text(post("title: Delta is new\ncategory: Hiring\ntags: [a]"), encoding="utf-8")
    served.wait_for("blog/", lambda html: "Beta, renamed" in html and "Delta is new" in html)

    # several more rebuilds: each edit of a body shows on its page before the next one
    for n in range(3):
        marker = f"Rebuild marker {n}."
        (posts / "2024-01-10-alpha.md").write_text(post("title: Alpha\ncategory: Ops\ntags: [a]", marker + "\n"),
                                                     encoding="utf-8")
        served.wait_for("blog/alpha/", lambda html, m=marker: m in html)

    expected = ["Scheduled later", "Delta is new", "Secret draft", "Gamma", "Beta, renamed", "Alpha"]
    assert _titles(served.soup("blog/")) == expected
    assert _titles(served.soup("blog/category/ops/")) == ["Scheduled later", "Secret draft", "Beta, renamed", "Alpha"]
    assert _titles(served.soup("blog/category/hiring/")) == ["Delta is new", "Gamma"]
    assert _titles(served.soup("blog/tag/a/"), ".ctoblog-list__link") == ["Delta is new", "Alpha"]
    assert _titles(served.soup(""), ".ctoblog-latest .ctoblog-card__link") == ["Scheduled later", "Delta is new"]
    assert "Beta" not in _titles(served.soup("blog/"))
    status, feed = served.get("blog/feed.xml")
    assert status == 200 and feed.count("<item>") == 6, feed[:2000]
    assert served.get("blog/page/2/")[0] == 404       # 6 posts, 20 a page: no second page appeared
    assert served.get("blog/beta/")[0] == 200 and served.get("blog/delta/")[0] == 200
    log = served.log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in log and "ERROR" not in log, log
    assert log.count("Building documentation") >= 4, log      # first build + the rebuilds above


def test_mkdocs_build_leaves_drafts_and_scheduled_posts_out(served, tmp_path):
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(served.root / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    index = BeautifulSoup((site / "blog" / "index.html").read_text(encoding="utf-8"), "html.parser")
    titles = _titles(index)
    assert "Secret draft" not in titles and "Scheduled later" not in titles
    assert not index.select(".ctoblog-badge:not(.ctoblog-badge--pinned)")
    assert not (site / "blog" / "secret").exists() and not (site / "blog" / "later").exists()
    assert "Secret draft" not in (site / "blog" / "feed.xml").read_text(encoding="utf-8")
    assert "secret" not in (site / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.browser
def test_badges_visible_in_chromium(served, chromium_browser):
    from tools import ROOT
    from tools.browser import new_page

    page = new_page(chromium_browser, viewport={"width": 1280, "height": 900})
    try:
        for path, shot in (("blog/", "serve-blog"), ("blog/secret/", "serve-draft-post")):
            response = page.goto(served.url + path, wait_until="load")
            assert response is not None and response.status == 200
            badges = page.locator(".ctoblog-badge:not(.ctoblog-badge--pinned)")
            assert badges.count() >= 1
            for i in range(badges.count()):
                badges.nth(i).scroll_into_view_if_needed()
                assert badges.nth(i).is_visible(), badges.nth(i).inner_text()
            (ROOT / "test-artifacts" / "screenshots").mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ROOT / "test-artifacts" / "screenshots" / f"{shot}.png"), full_page=True)
        # livereload is on (the default `mkdocs serve`), and it loads without errors
        assert page.evaluate("Array.from(document.scripts).some(s => s.textContent.includes('livereload'))")
        assert not page.watch.problems(), page.watch.problems()
    finally:
        page.context.close()
