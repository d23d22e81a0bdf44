"""`mkdocs serve --dirty` for real: after every edit of a scripted sequence (bodies, titles, a new
post, categories, dates, a draft, a renamed and a deleted post, mkdocs.yml), the folder the server
serves from equals, file for file and byte for byte, a fresh build of the same sources (the search
index aside: MkDocs only indexes the pages a dirty build renders). And a body edit rebuilds that
post alone among the pages.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import MATERIAL, post, write_tree
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from test_serve import _free_port, _get, _stop

BODY = "First paragraph of {name}, the summary.\n\nA second paragraph with more words in it.\n"
DOCS = {
    "index.md": "# Home\n\n<!-- ctoblog:latest count=2 -->\n",
    "services.md": "---\ndescription: Three ways to work together.\n---\n# Services\n\nWhat I do.\n",
    "blog/posts/2024-01-10-alpha.md": post("title: Alpha\ncategory: Ops\ntags: [a]", BODY.format(name="alpha")),
    "blog/posts/2024-02-10-beta.md": post("title: Beta\ncategory: Ops\ntags: [a, b]", BODY.format(name="beta")),
    "blog/posts/2024-03-10-gamma.md": post("title: Gamma\ncategory: Hiring", BODY.format(name="gamma")),
    "blog/posts/2023-04-10-epsilon.md": post("title: Epsilon\ncategory: Hiring\ntags: [b]\nauthor: ana", BODY.format(name="eps")),
    "blog/posts/2023-05-10-zeta.md": post("title: Zeta\ncategory: Ops\nauthor: bo", BODY.format(name="zeta")),
    # a bio linking to a post not written yet: once it is, every page with Ana's bio links to it
    "blog/.authors.yml": "authors:\n  ana:\n    name: Ana\n    bio: See [Delta](blog/posts/2024-05-10-delta.md).\n"
                         "  bo:\n    name: Bo\n",
}
PLUGIN = {"pagination": 2, "read_next": {"count": 2, "include": ["services.md"]},
          # copies of the blog's Atom feed and of two category feeds, kept up to date too
          "feeds": {"also_at": {"/feed.xml": "atom", "/feed/ops.xml": {"format": "atom", "category": "Ops"},
                                "/feed/hiring.xml": {"format": "rss", "category": "hiring"}}}}
CONFIG = {"site_name": "Dirty serve", "site_url": "https://example.com/", "theme": MATERIAL,
          "plugins": ["search", {"ctoblog": PLUGIN}]}

# (what is edited, file, new text or None to delete)
EDITS = [
    ("a body's first paragraph", "blog/posts/2024-01-10-alpha.md",
     post("title: Alpha\ncategory: Ops\ntags: [a]", "A new summary for alpha.\n\nMore.\n")),
    ("a paragraph added (the word count in the blog index's JSON-LD)", "blog/posts/2024-03-10-gamma.md",
     post("title: Gamma\ncategory: Hiring", BODY.format(name="gamma") + "\nA third paragraph, words to count.\n")),
    ("a title", "blog/posts/2024-02-10-beta.md",
     post("title: Beta, renamed\ncategory: Ops\ntags: [a, b]", BODY.format(name="beta"))),
    # the cards of posts by Ana (index, category, tag and author pages) must not be the last build's
    ("an author's name in the authors file", "blog/.authors.yml",
     "authors:\n  ana:\n    name: Ana Maria\n    bio: See [Delta](blog/posts/2024-05-10-delta.md).\n  bo:\n    name: Bo\n"),
    ("a new post", "blog/posts/2024-05-10-delta.md",
     post("title: Delta is new\ncategory: Hiring\ntags: [a]", BODY.format(name="delta"))),
    ("a category", "blog/posts/2024-03-10-gamma.md",
     post("title: Gamma\ncategory: Ops", BODY.format(name="gamma"))),
    ("a date (another archive year)", "blog/posts/2024-01-10-alpha.md",
     post("title: Alpha\ndate: 2022-06-01\ncategory: Ops\ntags: [a]", "A new summary for alpha.\n\nMore.\n")),
    ("a draft", "blog/posts/2023-05-10-zeta.md",
     post("title: Zeta\ncategory: Ops\ndraft: true", BODY.format(name="zeta"))),
    ("a slug (the post moves)", "blog/posts/2024-02-10-beta.md",
     post("title: Beta, renamed\nslug: beta-two\ncategory: Ops\ntags: [a, b]", BODY.format(name="beta"))),
    ("a page shown as a card", "services.md",
     "---\ndescription: Two ways now.\n---\n# Services\n\nWhat I do.\n"),
    ("a deleted post", "blog/posts/2024-05-10-delta.md", None),
    ("mkdocs.yml", "../mkdocs.yml", None),
    ("the date format in mkdocs.yml (every card's date)", "../mkdocs.yml",
     {"plugins": ["search", {"ctoblog": {**PLUGIN, "date_format": "yyyy-MM-dd"}}]}),
]


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "search_index.json"
    }


def _mtimes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def _fresh_build(root: Path, serve_url: str, out: Path) -> Path:
    """What `mkdocs serve` (without --dirty) writes for the sources as they are now, by a new plugin
    instance (MkDocs keeps one per process for all configs: it would bring what it kept from the
    last build, the very caches under test)."""
    MkDocsConfig.plugins.plugin_cache.clear()
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(out))
    config.site_url = serve_url
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url=serve_url)
    finally:
        config.plugins.on_shutdown()
    return out


class DirtyServer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp = root / "tmp"
        self.tmp.mkdir()
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = root / "serve.log"
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{self.port}",
                 "-f", str(root / "mkdocs.yml")],
                cwd=root, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(self.tmp)},
            )

    def builds(self) -> int:
        """Builds finished: the first, then one "Reloading browsers" after each rebuild (MkDocs drops a
        repeated "Documentation built in 0.46 seconds" line as a duplicate, so that is not counted)."""
        return 1 + self.text().count("Reloading browsers") if "Documentation built in" in self.text() else 0

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for_build(self, after: int, timeout: float = 60) -> None:
        """Until a build after the `after`-th has finished and no other one started for a second."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.text()[-3000:]
            done = self.builds()
            if done > after and self.text().count("Building documentation") == done:
                time.sleep(1.0)
                if self.builds() == done and self.text().count("Building documentation") == done:
                    return
            time.sleep(0.1)
        raise AssertionError(f"no rebuild within {timeout}s\n{self.text()[-3000:]}")

    def site_dir(self) -> Path:
        (found,) = self.tmp.glob("mkdocs_*")
        return found


# A hook that rewrites the read-next block after ctoblog filled it (as a minifier would).
HOOK = """
def on_post_page(output, page, config):
    return output.replace('class="ctoblog-read-next', 'data-hooked="yes" class="ctoblog-read-next')
"""


@pytest.fixture
def server(tmp_path: Path, request: pytest.FixtureRequest):
    write_tree(tmp_path / "docs", DOCS)
    config = CONFIG
    if getattr(request, "param", None) == "hooked":
        (tmp_path / "hooks.py").write_text(HOOK, encoding="utf-8")
        config = {**CONFIG, "hooks": ["hooks.py"]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    served = DirtyServer(tmp_path)
    try:
        served.wait_for_build(0, timeout=90)
        assert _get(served.url)[0] == 200
        yield served
    finally:
        _stop(served.process)
    assert not list(served.tmp.iterdir()), "mkdocs serve or ctoblog left a temporary folder behind"


def _save(root: Path, rel: str, text: str | dict | None) -> None:
    """Save as editors do (atomically), or delete; mkdocs.yml gets the keys given (by default a new
    site name)."""
    target = (root / "docs" / rel).resolve()
    if rel == "../mkdocs.yml":
        config = yaml.safe_load(target.read_text(encoding="utf-8"))
        text = yaml.safe_dump({**config, **(text or {"site_name": "Dirty serve, renamed"})})
    if text is None:
        target.unlink()
        return
    scratch = root / f".{target.name}.saving"
    scratch.write_text(text, encoding="utf-8")
    os.replace(scratch, target)


def test_served_site_equals_a_fresh_build_after_each_edit(server, tmp_path):
    for step, (what, rel, text) in enumerate(EDITS):
        before = server.builds()
        _save(tmp_path, rel, text)
        server.wait_for_build(before)
        served = _tree(server.site_dir())
        fresh = _tree(_fresh_build(tmp_path, server.url, tmp_path / f"fresh-{step}"))
        assert sorted(served) == sorted(fresh), what
        differing = [name for name in fresh if served[name] != fresh[name]]
        if differing:  # keep the served tree next to the fresh one, to diff them
            shutil.copytree(server.site_dir(), tmp_path / f"served-{step}")
        assert differing == [], what
    log = server.text()
    assert "Traceback" not in log and "ERROR" not in log, log[-3000:]


def test_a_body_edit_rebuilds_that_post_its_blog_index_page_and_no_other_page(server, tmp_path):
    site = server.site_dir()
    before, times = server.builds(), _mtimes(site)
    _save(tmp_path, "blog/posts/2023-04-10-epsilon.md",
          post("title: Epsilon\ncategory: Hiring\ntags: [b]\nauthor: ana", BODY.format(name="eps") + "\nA last line.\n"))
    server.wait_for_build(before)
    after = _mtimes(site)
    written = sorted(name for name, mtime in after.items() if times.get(name) != mtime)
    pages = [name for name in written if name.endswith(".html")]
    # and the blog index page listing it: its JSON-LD gives the post's word count
    assert pages == ["404.html", "blog/epsilon/index.html", "blog/page/3/index.html"]
    assert b"A last line." in (site / "blog/epsilon/index.html").read_bytes()
    # the other files written: MkDocs' sitemaps and search index, and the feeds that carry the post
    # (not the Ops feeds, nor the folder sitemaps: their sitemap entries did not change)
    assert {n for n in written if not n.endswith(".html")} == {
        "sitemap.xml", "sitemap.xml.gz", "search/search_index.json",
        *(f"blog/{folder}{f}" for folder in ("", "category/hiring/") for f in ("feed.xml", "atom.xml", "feed.json")),
        "feed.xml", "feed/hiring.xml",  # feeds.also_at: the blog's Atom feed, Hiring's RSS feed (not Ops')
    }


def _read_next_titles(site: Path) -> dict[str, list[str]]:
    """Post page → the titles its read-next block shows."""
    found = {}
    for page in sorted(site.glob("blog/*/index.html")):
        block = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(".ctoblog-read-next")
        if block is not None:
            found[str(page.relative_to(site))] = [h.get_text(" ", strip=True) for h in block.select("h3")]
    return found


def _indexed(site: Path) -> set[str]:
    """Pages in the search index: under --dirty MkDocs indexes only the pages it built."""
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    return {doc["location"].partition("#")[0] for doc in index["docs"]}


def test_a_title_edit_swaps_the_read_next_blocks_that_show_it_without_building_those_pages(server, tmp_path):
    site = server.site_dir()
    showing = [page for page, titles in _read_next_titles(site).items() if "Beta" in titles]
    assert showing, _read_next_titles(site)
    before = server.builds()
    _save(tmp_path, "blog/posts/2024-02-10-beta.md",
          post("title: Beta, renamed\ncategory: Ops\ntags: [a, b]", BODY.format(name="beta")))
    server.wait_for_build(before)
    now = _read_next_titles(site)
    for page in showing:
        assert "Beta, renamed" in now[page] and "Beta" not in now[page], page
        assert page.removesuffix("index.html") not in _indexed(site), f"{page} was built, not patched"
    assert "blog/beta/" in _indexed(site)  # the post itself is built


@pytest.mark.parametrize("server", ["hooked"], indirect=True)
def test_a_block_another_plugin_rewrote_is_built_again_not_swapped(server, tmp_path):
    site = server.site_dir()
    showing = [page for page, titles in _read_next_titles(site).items() if "Beta" in titles]
    assert showing
    before = server.builds()
    _save(tmp_path, "blog/posts/2024-02-10-beta.md",
          post("title: Beta, renamed\ncategory: Ops\ntags: [a, b]", BODY.format(name="beta")))
    server.wait_for_build(before)
    for page in showing:
        assert page.removesuffix("index.html") in _indexed(site), f"{page} was patched, not built"
        assert 'data-hooked="yes"' in (site / page).read_text(encoding="utf-8")
    served = _tree(site)
    fresh = _tree(_fresh_build(tmp_path, server.url, tmp_path / "fresh"))
    assert [name for name in fresh if served.get(name) != fresh[name]] == []
