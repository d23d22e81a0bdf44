"""jekyll-feed found in a Jekyll site (`plugins:`, `gems:`, the Gemfile) and the path of its Atom
feed (`feed: path:`, `feed: collections: posts: path:`), which the import keeps (`feeds.also_at`)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import mkdocs_cli_build, post, write_tree

from mkdocs_ctoblog.jekyll.feed_plugin import JekyllFeed, jekyll_feed
from mkdocs_ctoblog.jekyll.importer import import_jekyll
from mkdocs_ctoblog.jekyll.site_config import read_site_config


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param({}, None, id="none"),
        pytest.param({"_config.yml": "plugins: [jekyll-seo-tag]\n"}, None, id="other-plugin"),
        pytest.param({"Gemfile": '# gem "jekyll-feed"\ngem "jekyll"\n'}, None, id="commented-gem"),
        pytest.param({"_config.yml": "plugins: [jekyll-feed]\n"}, JekyllFeed("/feed.xml"), id="plugins"),
        pytest.param({"_config.yml": "gems:\n  - jekyll-feed\n"}, JekyllFeed("/feed.xml"), id="gems"),
        pytest.param({"Gemfile": 'group :jekyll_plugins do\n  gem "jekyll-feed", "~> 0.12"\nend\n'},
                     JekyllFeed("/feed.xml"), id="gemfile"),
        pytest.param({"_config.yml": "plugins: [jekyll-feed]\nfeed:\n  path: atom.xml\n"}, JekyllFeed("/atom.xml"), id="path"),
        pytest.param({"_config.yml": "plugins: [jekyll-feed]\nfeed:\n  path: /feed.xml\n  collections:\n"
                                     "    posts:\n      path: /blog.atom\n"}, JekyllFeed("/blog.atom"), id="posts-path"),
        pytest.param({"_config.yml": "plugins: [jekyll-feed]\nfeed:\n  categories: [news]\n  tags: true\n"},
                     JekyllFeed("/feed.xml", ("feed: categories", "feed: tags")), id="not-kept"),
        pytest.param({"_config.yml": "plugins: [jekyll-feed]\nfeed:\n  path: ../../x.xml\n"},
                     JekyllFeed(None, (), "_config.yml feed: path: '../../x.xml' is not a file path inside the site; "
                                          "the feed's URL is not kept"), id="unsafe-path"),
    ],
)
def test_jekyll_feed_found(tmp_path: Path, files: dict[str, str], expected: JekyllFeed | None) -> None:
    write_tree(tmp_path, {"_config.yml": "title: T\n", **files})
    assert jekyll_feed(read_site_config(str(tmp_path / "_config.yml"))) == expected


def test_a_file_of_the_site_at_the_feeds_path_is_left_alone(tmp_path: Path) -> None:
    """jekyll-feed does not write over a file of the site; the import copies that file and sets no copy."""
    write_tree(tmp_path / "src", {
        "_config.yml": "title: T\nurl: https://t.example\nplugins: [jekyll-feed]\n",
        "_posts/2024-01-02-hello.md": post("title: Hello"),
        "feed.xml": "<feed>mine</feed>\n",
    })
    report = import_jekyll(str(tmp_path / "src"), str(tmp_path / "project"))
    config = yaml.safe_load((tmp_path / "project/mkdocs.yml").read_text(encoding="utf-8"))
    assert "feeds" not in config["plugins"][1]["ctoblog"]
    assert "jekyll-feed: /feed.xml is a file of the site (copied as it is), so no feed is written there" in report.text()
    site = mkdocs_cli_build(tmp_path / "project/mkdocs.yml", tmp_path / "site")
    assert (site / "feed.xml").read_text(encoding="utf-8") == "<feed>mine</feed>\n"
