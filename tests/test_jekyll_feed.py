"""The feeds of a Jekyll site whose URLs the import keeps (`feeds.also_at`): jekyll-feed (found in
`plugins:`, `gems:` or the Gemfile; its path from `feed: path:` or `feed: collections: posts:
path:`; its category feeds `/feed/<category>.xml` from `feed: categories` or `feed: collections:
posts: categories`) and the theme's feed templates (format from their text, path from `permalink`)."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
import yaml
from conftest import mkdocs_cli_build, post, write_tree

from mkdocs_ctoblog.jekyll.importer import import_jekyll
from mkdocs_ctoblog.jekyll.old_feeds import JekyllFeed, feed_template, jekyll_feed
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
        pytest.param({"_config.yml": "theme: minima\n"}, JekyllFeed("/feed.xml"), id="theme-minima"),
        pytest.param({"_includes/head.html": "<head>{%- feed_meta -%}</head>\n"}, JekyllFeed("/feed.xml"), id="feed-meta"),
        pytest.param({"_layouts/default.html": "<head>{{ feed_meta }}</head>\n"}, None, id="not-the-tag"),
        pytest.param({"_config.yml": "plugins: [jekyll-feed]\nfeed:\n  path: atom.xml\n"}, JekyllFeed("/atom.xml"), id="path"),
        pytest.param({"_config.yml": "plugins: [jekyll-feed]\nfeed:\n  path: /feed.xml\n  collections:\n"
                                     "    posts:\n      path: /blog.atom\n"}, JekyllFeed("/blog.atom"), id="posts-path"),
        pytest.param({"_config.yml": "plugins: [jekyll-feed]\nfeed:\n  categories: [news]\n  tags: true\n"},
                     JekyllFeed("/feed.xml", ("feed: tags",), categories=("news",)), id="tags-not-kept"),
        pytest.param({"_config.yml": "plugins: [jekyll-feed]\nfeed:\n  tags:\n    only: [ruby]\n  collections:\n"
                                     "    posts:\n      categories: [Release Notes, 2019, news, news]\n    talks: {}\n"},
                     JekyllFeed("/feed.xml", ("feed: tags", "feed: collections"), categories=("Release Notes", "2019", "news")),
                     id="posts-categories"),
        pytest.param({"_config.yml": "plugins: [jekyll-feed]\nfeed:\n  categories: [news]\n  collections:\n"
                                     "    posts:\n      categories: [releases]\n"},
                     JekyllFeed("/feed.xml", categories=("releases",)), id="posts-categories-win"),
        pytest.param({"_config.yml": "plugins: [jekyll-feed]\nfeed:\n  categories: [news]\n  collections: [posts]\n"},
                     JekyllFeed("/feed.xml", categories=("news",)), id="collections-list"),
        pytest.param({"_config.yml": "plugins: [jekyll-feed]\nfeed:\n  path: ../../x.xml\n"},
                     JekyllFeed(None, (), "_config.yml feed: path: '../../x.xml' is not a file path inside the site; "
                                          "the feed's URL is not kept"), id="unsafe-path"),
    ],
)
def test_jekyll_feed_found(tmp_path: Path, files: dict[str, str], expected: JekyllFeed | None) -> None:
    write_tree(tmp_path, {"_config.yml": "title: T\n", **files})
    assert jekyll_feed(read_site_config(str(tmp_path / "_config.yml"))) == expected


@pytest.mark.parametrize(
    ("rel", "text", "expected"),
    [
        pytest.param("atom.xml", '---\nlayout: null\n---\n<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
                     "{% for post in site.posts %}<entry/>{% endfor %}</feed>\n", ("/atom.xml", "atom"), id="atom"),
        pytest.param("feeds/rss.xml", "---\npermalink: /rss/feed.rss\n---\n<rss version=\"2.0\">{% for p in site.posts %}"
                     "{% endfor %}</rss>\n", ("/rss/feed.rss", "rss"), id="rss-permalink"),
        pytest.param("feed.json", '---\n---\n{"version": "https://jsonfeed.org/version/1", "items": []}\n',
                     ("/feed.json", "json"), id="json"),
        pytest.param("sitemap.xml", "---\n---\n<urlset>{% for p in site.pages %}{% endfor %}</urlset>\n", None, id="no-feed"),
        pytest.param("atom.xml", "---\npermalink: /feed/\n---\n<feed></feed>\n", None, id="folder-permalink"),
    ],
)
def test_feed_templates(tmp_path: Path, rel: str, text: str, expected: tuple[str, str] | None) -> None:
    write_tree(tmp_path, {rel: text})
    assert feed_template(str(tmp_path), rel) == expected


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
    assert "/feed.xml: a file of the site (copied as it is), so no feed is written there" in report.text()
    site = mkdocs_cli_build(tmp_path / "project/mkdocs.yml", tmp_path / "site")
    assert (site / "feed.xml").read_text(encoding="utf-8") == "<feed>mine</feed>\n"


def test_a_feed_on_the_blogs_own_feed_path_is_no_copy(tmp_path: Path) -> None:
    """An old feed at the path of the blog's own feed of that format needs no copy."""
    write_tree(tmp_path / "src", {
        "_config.yml": "title: T\nurl: https://t.example\nplugins: [jekyll-feed]\nfeed:\n  path: /blog/atom.xml\n",
        "_posts/2024-01-02-hello.md": post("title: Hello"),
        "rss.xml": "---\npermalink: /blog/feed.json\n---\n<rss>{% for p in site.posts %}{% endfor %}</rss>\n",
    })
    report = import_jekyll(str(tmp_path / "src"), str(tmp_path / "project")).text()
    config = yaml.safe_load((tmp_path / "project/mkdocs.yml").read_text(encoding="utf-8"))
    assert "feeds" not in config["plugins"][1]["ctoblog"]
    assert "  feed URL kept: /blog/atom.xml: jekyll-feed's Atom feed, now the blog's\n" in report
    assert "/blog/feed.json: the RSS feed of the template rss.xml is now the blog's JSON Feed feed" in report


CATEGORY_SITE = {
    "_config.yml": "title: T\nurl: https://t.example\nplugins: [jekyll-feed]\nfeed:\n"
                   "  categories: [news, releases, agents, drafted, ../up]\n  tags: true\n",
    "_posts/2024-01-02-hello.md": post("title: Hello\ncategories: news"),
    "_posts/2024-01-05-second.md": post("title: Second\ncategory: news"),
    "releases/_posts/2024-01-03-one-point-oh.md": post("title: One point oh"),  # a folder category
    "_posts/2024-01-04-other.md": post("title: Other\ncategory: opinion"),
    "_drafts/wip.md": post("title: Work in progress\ncategory: drafted"),
}


def test_jekyll_feeds_category_feeds_are_the_categorys_feed_at_their_old_path(tmp_path: Path) -> None:
    """jekyll-feed's `/feed/<category>.xml` becomes a copy of that category's Atom feed; a category
    no published post has (Jekyll wrote its feed empty), one whose path leaves the site, and the tag
    feeds are reported as not kept; the project builds with --strict."""
    write_tree(tmp_path / "src", CATEGORY_SITE)
    report = import_jekyll(str(tmp_path / "src"), str(tmp_path / "project")).text()
    config = yaml.safe_load((tmp_path / "project/mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"][1]["ctoblog"]["feeds"] == {"also_at": {
        "/feed.xml": "atom",
        "/feed/news.xml": {"format": "atom", "category": "news"},
        "/feed/releases.xml": {"format": "atom", "category": "releases"},
    }}
    for name in ("news", "releases"):
        assert (f"  feed URL kept: /feed/{name}.xml: jekyll-feed's Atom feed of category '{name}', now the category's "
                "(feeds.also_at in mkdocs.yml)\n") in report
    assert "/feed/agents.xml: jekyll-feed's Atom feed of category 'agents' is not kept: no published post has that category" in report
    assert "/feed/drafted.xml: jekyll-feed's Atom feed of category 'drafted' is not kept" in report
    assert "_config.yml feed: categories: '../up': /feed/../up.xml is not a file path inside the site; not kept" in report
    assert "jekyll-feed's other feeds (feed: tags) are not kept" in report
    site = mkdocs_cli_build(tmp_path / "project/mkdocs.yml", tmp_path / "site")
    for name, titles in (("news", ["Second", "Hello"]), ("releases", ["One point oh"])):
        copy, main = (feedparser.parse((site / path).read_bytes()) for path in (f"feed/{name}.xml", f"blog/category/{name}/atom.xml"))
        assert not copy.bozo and [e.title for e in copy.entries] == [e.title for e in main.entries] == titles
        assert [link.href for link in copy.feed.links if link.rel == "self"] == [f"https://t.example/feed/{name}.xml"]
    assert sorted(p.name for p in (site / "feed").iterdir()) == ["news.xml", "releases.xml"]
