"""Whole builds: both themes, MkDocs and ProperDocs, rebuilds with one plugin, reproducibility."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import post, write_tree
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).parent.parent

DOCS = {
    "index.md": "# Home\n",
    "blog/posts/2023-01-01-one.md": post("title: One\ncategory: Ops\ntags: [a]"),
    "blog/posts/2023-02-01-two.md": post("title: Two\ncategory: Ops"),
    "blog/posts/2023-03-01-three.md": post("title: Three\ncategory: Hiring"),
}


@pytest.mark.parametrize("theme", ["mkdocs", {"name": "material", "font": False}])
def test_both_themes(build_site, theme):
    site = build_site(DOCS, theme=theme)
    soup = site.soup("blog/")
    assert [a.get_text() for a in soup.select(".ctoblog-card__link")] == ["Three", "Two", "One"]
    assert len(soup.select("h1")) == 1
    stylesheet = soup.select_one('link[href$="ctoblog/ctoblog.css"]')
    assert stylesheet is not None
    assert (site.site_dir / "ctoblog" / "ctoblog.css").is_file()
    post_page = site.soup("blog/one/")
    assert post_page.select_one("h1").get_text().strip("¶") == "One"
    assert post_page.select_one(".ctoblog-post-header time")["datetime"] == "2023-01-01T00:00:00+00:00"


def _cli_build(command: list[str], tmp_path: Path) -> Path:
    write_tree(tmp_path / "docs", DOCS)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: CLI\nsite_url: https://example.com/\ntheme: mkdocs\nplugins: [search, ctoblog]\n"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([*command, "build", "--strict"], cwd=tmp_path, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert "3 posts built" in result.stderr
    return tmp_path / "site"


@pytest.mark.parametrize("command", ["mkdocs", "properdocs"])
def test_command_line_mkdocs_and_properdocs(tmp_path, command):
    executable = shutil.which(command, path=str(Path(sys.executable).parent))
    assert executable, f"{command} must be installed (pip install -e '.[test]')"
    site_dir = _cli_build([executable], tmp_path)
    soup = BeautifulSoup((site_dir / "blog" / "category" / "ops" / "index.html").read_text(), "html.parser")
    assert [a.get_text() for a in soup.select(".ctoblog-card__link")] == ["Two", "One"]


def test_two_builds_with_one_plugin_instance(tmp_path):
    """What `mkdocs serve` does: the same plugin object rebuilds after an edit."""
    write_tree(tmp_path / "docs", DOCS)
    (tmp_path / "mkdocs.yml").write_text("site_name: Serve\ntheme: mkdocs\nplugins: [search, ctoblog]\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
        (tmp_path / "docs" / "blog" / "posts" / "2023-04-01-four.md").write_text(post("title: Four\ncategory: Ops"))
        config = load_config(str(tmp_path / "mkdocs.yml"))
        build(config)
        build(config)
    finally:
        config.plugins.on_shutdown()
    soup = BeautifulSoup((tmp_path / "site" / "blog" / "index.html").read_text(), "html.parser")
    assert [a.get_text() for a in soup.select(".ctoblog-card__link")] == ["Four", "Three", "Two", "One"]
    assert len(soup.select('link[href$="ctoblog/ctoblog.css"]')) == 1
    category = BeautifulSoup((tmp_path / "site" / "blog" / "category" / "ops" / "index.html").read_text(), "html.parser")
    assert [a.get_text() for a in category.select(".ctoblog-card__link")] == ["Four", "Two", "One"]


def _diff_trees(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    problems = [f"{left.name}: only on one side: {n}" for n in comparison.left_only + comparison.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    problems += [str(left / n) for n in mismatch + errors]
    for sub in comparison.common_dirs:
        problems += _diff_trees(left / sub, right / sub)
    return problems


def test_example_site_builds_byte_identical_twice(tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795564800"}
    config_file = ROOT / "example-site" / "mkdocs.yml"
    for name in ("a", "b"):
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(tmp_path / name)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    assert _diff_trees(tmp_path / "a", tmp_path / "b") == []


def test_serve_rebuilds_read_only_changed_posts(tmp_path, monkeypatch, caplog):
    import mkdocs_ctoblog.sources as sources_module

    read = []
    original = sources_module.read_post
    monkeypatch.setattr(sources_module, "read_post", lambda src, *a: read.append(src) or original(src, *a))
    docs = {**DOCS, "blog/posts/2023-05-01-bad.md": post("title: Bad\ndate: 2023-02-30")}
    write_tree(tmp_path / "docs", docs)
    (tmp_path / "mkdocs.yml").write_text("site_name: Serve\ntheme: mkdocs\nplugins: [ctoblog]\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
        assert len(read) == 4
        edited = tmp_path / "docs" / "blog" / "posts" / "2023-02-01-two.md"
        edited.write_text(post("title: Two, edited\ncategory: Ops"))
        os.utime(edited, ns=(1, 1))  # a different modification time, whatever the clock's resolution
        read.clear()
        caplog.clear()
        build(load_config(str(tmp_path / "mkdocs.yml")))
    finally:
        config.plugins.on_shutdown()
    assert read == ["blog/posts/2023-02-01-two.md"]
    # a cached post's warning is repeated on every rebuild, so it is never lost
    assert sum("2023-05-01-bad.md: 'date'" in r.getMessage() for r in caplog.records) == 1
    soup = BeautifulSoup((tmp_path / "site" / "blog" / "index.html").read_text(), "html.parser")
    assert "Two, edited" in [a.get_text() for a in soup.select(".ctoblog-card__link")]


def test_serve_rebuilds_rank_again_only_when_ranking_inputs_change(tmp_path, monkeypatch):
    import mkdocs_ctoblog.related as related_module

    indexes_built = []
    original = related_module.Related.__init__

    def counting_init(self, *args, **kwargs):
        indexes_built.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(related_module.Related, "__init__", counting_init)
    ranked = []
    original_pick = related_module.Related._pick
    monkeypatch.setattr(related_module.Related, "_pick", lambda self, post, *a: ranked.append(post.src_uri) or original_pick(self, post, *a))
    write_tree(tmp_path / "docs", DOCS)
    (tmp_path / "mkdocs.yml").write_text("site_name: Serve\ntheme: mkdocs\nplugins: [ctoblog]\n")
    edited = tmp_path / "docs" / "blog" / "posts" / "2023-02-01-two.md"
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
        assert (len(indexes_built), len(ranked)) == (1, 3)
        # a new paragraph after the first (the excerpt, which gives the post words, stays)
        edited.write_text(post("title: Two\ncategory: Ops", "Some text for the body.\n\nA new paragraph, same title.\n"))
        os.utime(edited, ns=(1, 1))
        ranked.clear()
        build(load_config(str(tmp_path / "mkdocs.yml")))
        assert (len(indexes_built), ranked) == (1, [])  # nothing ranked again
        edited.write_text(post("title: Two, renamed\ncategory: Ops"))
        os.utime(edited, ns=(2, 2))
        build(load_config(str(tmp_path / "mkdocs.yml")))
        assert (len(indexes_built), len(ranked)) == (2, 3)
    finally:
        config.plugins.on_shutdown()
    soup = BeautifulSoup((tmp_path / "site" / "blog" / "one" / "index.html").read_text(), "html.parser")
    assert "Two, renamed" in [a.get_text() for a in soup.select(".ctoblog-read-next .ctoblog-card__link")]
