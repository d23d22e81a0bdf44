"""`feeds.also_at`: the blog's feed of a format also written at an old site's feed path (a Jekyll
blog's `/feed.xml`), checked like the main feeds (feedparser, the Atom RELAX NG schema, the JSON
Feed schema); the path in the one URL map (a collision is an error naming both) and bad values
config errors."""

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


def test_no_copy_without_feeds(build_site):
    site = build_site(DOCS, plugin={"feeds": {"enabled": False, "also_at": {"/feed.xml": "atom"}}})
    assert not (site.site_dir / "feed.xml").exists()
