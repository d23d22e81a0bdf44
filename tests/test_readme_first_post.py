"""The README's "A first post" works as written: its three files build with `mkdocs build --strict`
into the pages and feeds the README names."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import mkdocs_cli_build

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


SECTION = re.split(r"\n#{2,3} ", README.split("### A first post", 1)[1])[0]


def first_post_files() -> dict[str, str]:
    """The section's code blocks, each named by the backticked path just before it."""
    files = {}
    parts = re.split(r"^```\w*\n(.*?)^```\n", SECTION, flags=re.MULTILINE | re.DOTALL)
    for prose, code in zip(parts[0::2], parts[1::2]):
        files[re.findall(r"`([\w./-]+\.(?:yml|md))`", prose)[-1]] = code
    return files


def test_the_first_post_builds_as_the_readme_says(tmp_path):
    files = first_post_files()
    assert sorted(files) == ["docs/blog/posts/2024-05-02-first-post.md", "docs/index.md", "mkdocs.yml"]
    for name, code in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(code, encoding="utf-8")
    site = mkdocs_cli_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    for path in ["/blog/first-post/", "/blog/", "/blog/feed.xml"]:
        assert f"`{path}`" in SECTION
    post = BeautifulSoup((site / "blog/first-post/index.html").read_text(encoding="utf-8"), "html.parser")
    assert post.select_one(".ctoblog-post-header__title").get_text(strip=True) == "My first post"
    for page in ["blog/index.html", "blog/category/notes/index.html", "blog/tag/writing/index.html",
                 "blog/archive/2024/index.html", "blog/feed.xml", "blog/atom.xml", "blog/feed.json"]:
        assert (site / page).is_file(), page
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a.get_text(strip=True) for a in home.select(".ctoblog-latest .ctoblog-card__title")] == ["My first post"]
