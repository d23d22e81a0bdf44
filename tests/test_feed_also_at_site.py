"""`feeds.also_at`: the blog's feed of a format, or a category's, also written at an old site's feed
path (a Jekyll blog's `/feed.xml`, jekyll-feed's `/feed/<category>.xml`), checked like the main
feeds (feedparser, the Atom RELAX NG schema, the JSON Feed schema); the path in the one URL map (a
collision is an error naming both), bad values config errors, a category no post has a warning."""

from __future__ import annotations

import json

import feedparser
import jsonschema
import pytest
from conftest import post
from mkdocs.exceptions import Abort
from test_feeds_site import DOCS, NEWEST_FIRST, SITES
from tools import JSONFEED_SCHEMA
from tools.vnu import ATOM_RNC, jing

from mkdocs_ctoblog.plugin import CtoblogPlugin

ALSO_AT = {"/feed.xml": "atom", "old/rss.xml": "rss", "/legacy feed.json": "json"}
COPIES = {"atom": ("feed.xml", "blog/atom.xml"), "rss": ("old/rss.xml", "blog/feed.xml"),
          "json": ("legacy feed.json", "blog/feed.json")}
SELF = {"atom": "feed.xml", "rss": "old/rss.xml", "json": "legacy%20feed.json"}


@pytest.fixture(params=SITES)
def copied(request, build_site):
    site_url, directory_urls = request.param
    return build_site(DOCS, site_url=site_url, use_directory_urls=directory_urls, plugin={"feeds": {"also_at": ALSO_AT}})


def test_each_copy_is_the_main_feed_with_its_own_self_link(copied):
    site, site_url = copied, copied.config.site_url
    for fmt, (copy, main) in COPIES.items():
        copy_bytes, main_bytes = (site.site_dir / copy).read_bytes(), (site.site_dir / main).read_bytes()
        own, main_url = (site_url + SELF[fmt]).encode(), (site_url + main).encode()
        assert own in copy_bytes and main_url not in copy_bytes, fmt
        assert copy_bytes.replace(own, main_url) == main_bytes, fmt  # the same bytes but for where it is
    for fmt, version in (("atom", "atom10"), ("rss", "rss20")):
        copy, main = (feedparser.parse((site.site_dir / p).read_bytes()) for p in COPIES[fmt])
        assert not copy.bozo and copy.version == version, (fmt, copy.get("bozo_exception"))
        assert [e.title for e in copy.entries] == NEWEST_FIRST["blog"]
        assert [(e.id, e.link) for e in copy.entries] == [(e.id, e.link) for e in main.entries]
        assert [link.href for link in copy.feed.links if link.rel == "self"] == [site_url + SELF[fmt]]
    result = jing(ATOM_RNC, site.site_dir / "feed.xml")
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads((site.site_dir / "legacy feed.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json.loads(JSONFEED_SCHEMA.read_text())).validate(data)
    assert data["feed_url"] == site_url + "legacy%20feed.json"
    assert [item["title"] for item in data["items"]] == NEWEST_FIRST["blog"]


CATEGORY_AT = {
    "/feed/hiring.xml": {"format": "atom", "category": "Hiring"},  # the category's name
    "/feed/fcto.rss": {"format": "rss", "category": "fcto"},  # or its slug
    "/feed/fCTO.json": {"format": "json", "category": "fCTO"},
}
CATEGORY_COPIES = {  # copy, the category feed it copies, the folder its entries are listed under
    "feed/hiring.xml": ("blog/category/hiring/atom.xml", "blog/category/hiring"),
    "feed/fcto.rss": ("blog/category/fcto/feed.xml", "blog/category/fcto"),
    "feed/fCTO.json": ("blog/category/fcto/feed.json", "blog/category/fcto"),
}


@pytest.mark.parametrize("site", SITES)
def test_a_category_copy_is_that_category_feed_with_its_own_self_link(build_site, warnings_of, site):
    site_url, directory_urls = site
    built = build_site(DOCS, site_url=site_url, use_directory_urls=directory_urls, strict=True,
                       plugin={"feeds": {"also_at": {"/feed.xml": "atom", **CATEGORY_AT}}})
    assert not warnings_of()
    for copy, (main, folder) in CATEGORY_COPIES.items():
        copy_bytes, main_bytes = (built.site_dir / copy).read_bytes(), (built.site_dir / main).read_bytes()
        own, main_url = (site_url + copy).encode(), (site_url + main).encode()
        assert own in copy_bytes and main_url not in copy_bytes, copy
        assert copy_bytes.replace(own, main_url) == main_bytes, copy
        if copy.endswith(".json"):
            data = json.loads(copy_bytes)
            jsonschema.Draft202012Validator(json.loads(JSONFEED_SCHEMA.read_text())).validate(data)
            assert data["feed_url"] == site_url + copy
            assert [item["title"] for item in data["items"]] == NEWEST_FIRST[folder]
            continue
        parsed = feedparser.parse(copy_bytes)
        assert not parsed.bozo, (copy, parsed.get("bozo_exception"))
        assert [e.title for e in parsed.entries] == NEWEST_FIRST[folder], copy
        assert [link.href for link in parsed.feed.links if link.rel == "self"] == [site_url + copy]
    result = jing(ATOM_RNC, built.site_dir / "feed/hiring.xml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (built.site_dir / "feed.xml").read_bytes() != (built.site_dir / "feed/hiring.xml").read_bytes()


def test_a_category_no_post_has_is_one_warning_each_and_no_file(build_site, warnings_of):
    docs = {**DOCS, "blog/posts/2023-04-01-wip.md": post("title: Work in progress\ncategory: Drafted\ndraft: true")}
    site = build_site(docs, plugin={"feeds": {"also_at": {
        "/feed/news.xml": {"format": "atom", "category": "News"},
        "/feed/drafted.xml": {"format": "atom", "category": "Drafted"},  # only a draft has it
    }}})
    assert sorted(warnings_of()) == [
        f"mkdocs.yml: 'feeds.also_at' 'feed/{slug}.xml': {{'format': 'atom', 'category': '{name}'}} names a category "
        "no post has; no feed is written there"
        for slug, name in (("drafted", "Drafted"), ("news", "News"))
    ]
    assert not (site.site_dir / "feed").exists()


def test_head_links_once_per_feed_never_to_a_copy(copied):
    for url, count in (("blog/", 3), ("blog/category/fcto/", 6)):
        page = copied.path(url)
        hrefs = [link["href"] for link in copied.soup(url).select('head link[rel="alternate"]')]
        targets = [(page.parent / href).resolve().relative_to(copied.site_dir.resolve()).as_posix() for href in hrefs]
        assert len(targets) == len(set(targets)) == count, (url, targets)
        assert all(target.startswith("blog/") for target in targets), (url, targets)


def test_a_markdown_link_to_a_copy_validates(build_site, warnings_of):
    docs = {**DOCS, "contact.md": "# Contact\n\n[Old feed](feed.xml)\n"}
    build_site(docs, strict=True, plugin={"feeds": {"also_at": {"/feed.xml": "atom"}}})
    assert not warnings_of()


@pytest.mark.parametrize(
    ("extra", "other"),
    [
        pytest.param({"blog/posts/2023-05-01-clash.md": post("title: Clash\npermalink: /feed.xml")},
                     "'blog/posts/2023-05-01-clash.md'", id="post"),
        pytest.param({"feed.xml": "<feed>mine</feed>"}, "the file 'feed.xml'", id="file"),
        pytest.param({"Feed.xml.md": "# A page\n"}, "the page 'Feed.xml.md'", id="page-case"),
    ],
)
def test_a_collision_is_an_error_naming_both(build_site, caplog, extra, other):
    with pytest.raises(Abort):
        build_site({**DOCS, **extra}, plugin={"feeds": {"also_at": {"/feed.xml": "atom"}}})
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any(other in e and "the blog's Atom feed also at 'feed.xml' (feeds.also_at)" in e for e in errors), errors
    assert all("Traceback" not in e for e in errors)


def test_a_category_copy_collision_is_an_error_naming_both(build_site, caplog):
    with pytest.raises(Abort):
        build_site({**DOCS, "feed/hiring.xml": "<feed>mine</feed>"},
                   plugin={"feeds": {"also_at": {"/feed/hiring.xml": {"format": "atom", "category": "hiring"}}}})
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    owner = "the Atom feed of category 'Hiring' also at 'feed/hiring.xml' (feeds.also_at)"
    assert any("the file 'feed/hiring.xml'" in e and owner in e for e in errors), errors
    assert all("Traceback" not in e for e in errors)


def test_a_copy_on_a_main_feed_is_an_error(build_site, caplog):
    with pytest.raises(Abort):
        build_site(DOCS, plugin={"feeds": {"also_at": {"/blog/feed.xml": "atom"}}})
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any("'blog/feed.xml' and the blog's Atom feed also at 'blog/feed.xml'" in e for e in errors), errors


@pytest.mark.parametrize(
    ("also_at", "message"),
    [
        ({"../x.xml": "atom"}, "received '../x.xml': 'atom' (a path with '..': it must stay inside the site)"),
        ({"/%2e%2e/x.xml": "atom"}, "received '/%2e%2e/x.xml': 'atom' (a path with '..'"),
        ({"/feed.xml": "atomic"}, "received '/feed.xml': 'atomic' (an unknown feed format)"),
        ({"/feed.xml": ["atom"]}, "received '/feed.xml': ['atom'] (an unknown feed format)"),
        ({"/feeds/": "rss"}, "received '/feeds/': 'rss' (a folder: give a file path)"),
        ({7: "rss"}, "received 7: 'rss' (the path is not text)"),
        ({"C:/feed.xml": "rss"}, "received 'C:/feed.xml': 'rss' (a path which contains a drive letter ('C:'))"),
        ({"feed.xml": "rss", "/feed.xml": "atom"}, "received '/feed.xml': 'atom' (the same path as another key)"),
        ("/feed.xml", "such as {'/feed.xml': 'atom'}, but received: '/feed.xml'"),
        ({"/feed/news.xml": {"format": "atom", "tag": "news"}},
         "received '/feed/news.xml': {'format': 'atom', 'tag': 'news'} (unknown key 'tag': expected 'format' and 'category')"),
        ({"/feed/news.xml": {"category": "news"}}, "received '/feed/news.xml': {'category': 'news'} (an unknown feed format)"),
        ({"/feed/news.xml": {"format": "atom", "category": ""}}, "('category' expected a category name)"),
        ({"/feed/news.xml": {"format": "atom", "category": ["news"]}}, "('category' expected a category name)"),
        ({"../news.xml": {"format": "atom", "category": "news"}}, "(a path with '..': it must stay inside the site)"),
    ],
)
def test_bad_values_are_one_config_error_naming_key_and_value(also_at, message):
    errors, _warnings = CtoblogPlugin().load_config({"feeds": {"also_at": also_at}})
    (text,) = [str(error) for name, error in errors if name == "feeds"]
    assert text.startswith("Sub-option 'also_at': Expected site paths of files mapped to a feed format"), text
    assert message in text and "\n" not in text


def test_a_format_that_is_off_is_a_config_error():
    errors, _warnings = CtoblogPlugin().load_config({"feeds": {"atom": False, "also_at": {"/feed.xml": "atom"}}})
    expected = (
        "Sub-option 'also_at': Expected paths of feeds this site writes, but received 'feed.xml': 'atom' while 'feeds.atom' "
        "is false (turn it on, or map the path to a format that is on)"
    )
    assert [str(e) for _name, e in errors] == [expected]


@pytest.mark.parametrize(
    ("plugin", "off"),
    [
        pytest.param({"feeds": {"per_category": False}}, "'feeds.per_category'", id="per-category"),
        pytest.param({"categories": {"enabled": False}}, "'categories.enabled'", id="category-pages"),
    ],
)
def test_a_category_copy_without_category_feeds_is_a_config_error(plugin, off):
    also_at = {"/feed/news.xml": {"format": "atom", "category": "news"}}
    feeds = {**plugin.get("feeds", {}), "also_at": also_at}
    errors, _warnings = CtoblogPlugin().load_config({**plugin, "feeds": feeds})
    expected = (
        "Sub-option 'also_at': Expected paths of feeds this site writes, but received 'feed/news.xml': "
        f"{{'format': 'atom', 'category': 'news'}} while {off} is false (turn it on, or map the path to a format only"
    )
    assert len(errors) == 1 and str(errors[0][1]).startswith(expected), errors


def test_no_copy_without_feeds(build_site):
    site = build_site(DOCS, plugin={"feeds": {"enabled": False, "also_at": {"/feed.xml": "atom"}}})
    assert not (site.site_dir / "feed.xml").exists()
