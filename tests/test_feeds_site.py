"""Feeds of real builds: RSS 2.0 and Atom read by feedparser, Atom against the RFC 4287 RELAX NG
schema (Jing inside vnu.jar), JSON Feed 1.1 against its JSON Schema; enclosures, absolute links
that resolve to built files, drafts and scheduled posts nowhere, the Material sitemap fetch."""

from __future__ import annotations

import json
import struct
import zlib
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import jsonschema
import pytest
from bs4 import BeautifulSoup
from conftest import post
from mkdocs.exceptions import Abort
from tools import JSONFEED_SCHEMA
from tools.vnu import ATOM_RNC, jing

FOLDERS = ("blog", "blog/category/fcto", "blog/category/hiring")
FILES = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}


def png(width: int, height: int) -> bytes:
    """A valid grey PNG of the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


COVER = png(120, 63)

DOCS: dict[str, str | bytes] = {
    "contact.md": "# Contact\n",
    "assets/cover.png": COVER,
    "assets/pic.png": png(10, 10),
    "blog/.authors.yml": "authors:\n  maya:\n    name: Maya Okafor\n    url: /contact/\n    avatar: assets/pic.png\n",
    "blog/posts/2023-01-10-alpha.md": post(
        "title: Alpha\ncategory: fCTO\ntags: [leadership, hiring-plans]\nimage: /assets/cover.png\n"
        "image_alt: A grey cover\nauthor: maya",
        "# Alpha\n\nRead [beta](2023-02-01-beta.md), [root path](/assets/pic.png), [below](#details),\n"
        "[out](https://other.example/x?a=1&b=2) and [mail](mailto:me@example.com).\n\n"
        "![inline picture](../../assets/pic.png)\n\n## Details\n\nMore text.\n",
    ),
    "blog/posts/2023-02-01-beta.md": post(
        "title: Beta & <friends>\ncategories: [fCTO, Hiring]\nupdated: 2023-03-01\n"
        "image: https://cdn.example.net/beta.jpg\ndescription: The second post.",
        "Beta body with a [link back](2023-01-10-alpha.md).\n",
    ),
    "blog/posts/2023-03-05-gamma.md": post(
        "title: Gamma\ndate: 2023-03-05 09:30:00 -0800\ncategory: Hiring", "Gamma body.\n"
    ),
    "blog/posts/2023-03-10-draft.md": post("title: Secret draft\ncategory: fCTO\ndraft: true", "Draft.\n"),
    "blog/posts/2027-01-01-later.md": post("title: Scheduled later\ncategory: Hiring", "Later.\n"),
}

NEWEST_FIRST = {
    "blog": ["Gamma", "Beta & <friends>", "Alpha"],
    "blog/category/fcto": ["Beta & <friends>", "Alpha"],
    "blog/category/hiring": ["Gamma", "Beta & <friends>"],
}

SITES = [
    pytest.param(("https://example.com/", True), id="root"),
    pytest.param(("https://example.com/sub/path/", False), id="subpath-no-directory-urls"),
]


def local_file(site, url: str) -> Path:
    """The built file an absolute URL of the site points at (its fragment dropped)."""
    site_url = site.config.site_url
    assert url.startswith(site_url), f"{url} is not under {site_url}"
    return site.path(urlsplit(url[len(site_url) :]).path)


def parse(site, folder: str, kind: str):
    return feedparser.parse((site.site_dir / folder / FILES[kind]).read_bytes())


@pytest.fixture(params=SITES)
def feed_site(request, build_site):
    site_url, directory_urls = request.param
    return build_site(DOCS, site_url=site_url, use_directory_urls=directory_urls)


def test_every_feed_parses_newest_first_with_absolute_resolving_links(feed_site):
    site = feed_site
    for folder in FOLDERS:
        for kind, version in (("rss", "rss20"), ("atom", "atom10")):
            d = parse(site, folder, kind)
            assert not d.bozo, (folder, kind, d.get("bozo_exception"))
            assert d.version == version
            assert [e.title for e in d.entries] == NEWEST_FIRST[folder], (folder, kind)
            assert all(e.published_parsed for e in d.entries)
            assert local_file(site, d.feed.link).is_file()
            for entry in d.entries:
                assert local_file(site, entry.link).is_file(), entry.link
                assert entry.id == entry.link
                content = entry.content[0].value
                assert "ctoblog:" not in content and "ctoblog-post-header" not in content
                links = BeautifulSoup(content, "html.parser").select("[href], [src]")
                for node in links:
                    url = node.get("href") or node.get("src")
                    assert urlsplit(url).scheme in ("http", "https", "mailto"), url
                    if url.startswith(site.config.site_url):
                        assert local_file(site, url).is_file(), url


def test_rss_channel_and_items(feed_site):
    site = feed_site
    d = parse(site, "blog", "rss")
    feed = d.feed
    assert feed.title == "Test blog" and feed.description and feed.language == "en"
    assert feed.link == site.config.site_url + ("blog/" if site.config.use_directory_urls else "blog/index.html")
    self_links = [link.href for link in feed.links if link.rel == "self"]
    assert self_links == [site.config.site_url + "blog/feed.xml"]
    # The channel's date is the newest post's, never the build time.
    assert feed.updated_parsed[:6] == (2023, 3, 5, 17, 30, 0)
    gamma, beta, alpha = d.entries
    assert parsedate_to_datetime(gamma.published).isoformat() == "2023-03-05T09:30:00-08:00"
    assert alpha.author == "Maya Okafor"
    assert [t.term for t in beta.tags] == ["fCTO", "Hiring"]
    assert [t.term for t in alpha.tags] == ["fCTO", "leadership", "hiring-plans"]
    assert alpha.guidislink is False or alpha.id == alpha.link
    # Local cover: an enclosure with the file's type and size on disk.
    (enclosure,) = alpha.enclosures
    assert enclosure.href == site.config.site_url + "assets/cover.png"
    assert enclosure.type == "image/png"
    assert int(enclosure.length) == len(COVER) == local_file(site, enclosure.href).stat().st_size
    # A remote cover has no known length: no enclosure rather than length="None".
    assert beta.enclosures == []
    assert "None" not in (site.site_dir / "blog/feed.xml").read_text()


def test_entry_content_links_made_absolute(feed_site):
    site = feed_site
    alpha = parse(site, "blog", "rss").entries[2]
    root = site.config.site_url
    alpha_url = alpha.link
    soup = BeautifulSoup(alpha.content[0].value, "html.parser")
    hrefs = {a.get_text(): a["href"] for a in soup.select("a")}
    assert hrefs["root path"] == root + "assets/pic.png"  # a site-absolute path, from the site root
    assert hrefs["below"] == alpha_url + "#details"
    assert hrefs["out"] == "https://other.example/x?a=1&b=2"
    assert hrefs["mail"] == "mailto:me@example.com"
    beta_path = "blog/beta/" if site.config.use_directory_urls else "blog/beta.html"
    assert hrefs["beta"] == root + beta_path
    assert soup.select_one("img")["src"] == root + "assets/pic.png"
    assert soup.select_one("img")["alt"] == "inline picture"
    # The title is the entry's own: the content does not repeat it, nor carry permalink anchors.
    assert soup.select_one("h1") is None
    assert soup.select_one("a.headerlink") is None
    assert soup.select_one("h2").get_text() == "Details"


def test_atom_is_valid_rfc4287_with_enclosure_links(feed_site):
    site = feed_site
    for folder in FOLDERS:
        result = jing(ATOM_RNC, site.site_dir / folder / "atom.xml")
        assert result.returncode == 0, result.stdout + result.stderr
    d = parse(site, "blog", "atom")
    _gamma, beta, alpha = d.entries
    assert d.feed.updated == "2023-03-05T09:30:00-08:00"
    assert [link.href for link in d.feed.links if link.rel == "self"] == [site.config.site_url + "blog/atom.xml"]
    assert beta.updated == "2023-03-01T00:00:00+00:00" and beta.published == "2023-02-01T00:00:00+00:00"
    assert beta.title == "Beta & <friends>"
    (enclosure,) = [link for link in alpha.links if link.rel == "enclosure"]
    assert enclosure.href == site.config.site_url + "assets/cover.png"
    assert int(enclosure.length) == len(COVER) and enclosure.type == "image/png"
    # feedgen 1.0 drops `rel` from entry links: the enclosure must not become the entry's link.
    assert alpha.link.endswith(("alpha/", "alpha.html"))
    assert [link.type for link in beta.links if link.rel == "enclosure"] == ["image/jpeg"]
    assert alpha.author_detail.name == "Maya Okafor"
    assert alpha.author_detail.href == site.config.site_url + "contact/"
    assert alpha.content[0].type == "text/html"


def test_json_feed_matches_the_schema(feed_site):
    site = feed_site
    validator = jsonschema.Draft202012Validator(json.loads(JSONFEED_SCHEMA.read_text()))
    for folder in FOLDERS:
        data = json.loads((site.site_dir / folder / "feed.json").read_text(encoding="utf-8"))
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
        assert data["feed_url"] == site.config.site_url + folder + "/feed.json"
        assert local_file(site, data["home_page_url"]).is_file()
        assert [item["title"] for item in data["items"]] == NEWEST_FIRST[folder]
        for item in data["items"]:
            assert local_file(site, item["url"]).is_file()
    data = json.loads((site.site_dir / "blog/feed.json").read_text(encoding="utf-8"))
    gamma, beta, alpha = data["items"]
    assert gamma["date_published"] == "2023-03-05T09:30:00-08:00"
    assert beta["date_modified"] == "2023-03-01T00:00:00+00:00"
    assert alpha["image"] == site.config.site_url + "assets/cover.png"
    assert beta["image"] == "https://cdn.example.net/beta.jpg"
    assert alpha["authors"] == [
        {"name": "Maya Okafor", "url": site.config.site_url + "contact/", "avatar": site.config.site_url + "assets/pic.png"}
    ]
    assert beta["tags"] == ["fCTO", "Hiring"] and beta["summary"] == "The second post."
    assert "<h2" in alpha["content_html"]


def test_drafts_and_scheduled_posts_in_no_feed_and_no_sitemap(feed_site):
    site = feed_site
    texts = [p.read_text(encoding="utf-8") for p in site.site_dir.rglob("*") if p.suffix in (".xml", ".json")]
    assert texts
    for text in texts:
        assert "Secret draft" not in text and "blog/draft" not in text
        assert "Scheduled later" not in text and "blog/later" not in text


def test_sitemap_lastmod_of_posts(feed_site):
    site = feed_site
    soup = BeautifulSoup((site.site_dir / "sitemap.xml").read_text(), "xml")
    lastmod = {u.loc.get_text(): u.lastmod.get_text() for u in soup.select("url")}
    root = site.config.site_url
    ext = "/" if site.config.use_directory_urls else ".html"
    assert lastmod[f"{root}blog/alpha{ext}"] == "2023-01-10"
    assert lastmod[f"{root}blog/beta{ext}"] == "2023-03-01"  # updated
    assert lastmod[f"{root}blog/gamma{ext}"] == "2023-03-05"  # in the site's time zone (UTC)


def test_no_page_makes_material_request_a_missing_sitemap(feed_site):
    """Material fetches `sitemap.xml` from the folder of every `<link rel=alternate>` href."""
    site = feed_site
    checked = 0
    for page in site.site_dir.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        page_url = "https://host/" + page.relative_to(site.site_dir).as_posix()
        for link in soup.select('link[rel="alternate"]'):
            target = urljoin(urljoin(page_url, link["href"]), "sitemap.xml")
            assert (site.site_dir / urlsplit(target).path.lstrip("/")).is_file(), (page, link["href"])
            checked += 1
    assert checked > 0
    # The folder sitemaps are valid: only URLs under their own folder.
    text = (site.site_dir / "blog/category/fcto/sitemap.xml").read_text()
    locs = [loc.get_text() for loc in BeautifulSoup(text, "xml").select("loc")]
    assert locs and all(loc.startswith(site.config.site_url + "blog/category/fcto/") for loc in locs)


def test_autodiscovery_and_visible_feed_links(feed_site):
    site = feed_site
    ext = "/" if site.config.use_directory_urls else ".html"

    def alternates(url):
        soup = site.soup(url)
        return [(a["type"], a["title"], a["href"]) for a in soup.select('head link[rel="alternate"]')]

    post_links = alternates(f"blog/alpha{ext}")
    assert [t for t, _, _ in post_links] == ["application/rss+xml", "application/atom+xml", "application/feed+json"]
    assert post_links[0][1] == "Test blog (RSS feed)"
    category_url = "blog/category/fcto/" if site.config.use_directory_urls else "blog/category/fcto/index.html"
    category_links = alternates(category_url)
    assert [title for _, title, _ in category_links][:3] == [
        "Test blog: fCTO (RSS feed)", "Test blog: fCTO (Atom feed)", "Test blog: fCTO (JSON feed)"
    ]
    assert len(category_links) == 6  # then the whole blog's
    page_file = site.path(category_url)
    for _, _, href in category_links:
        assert (page_file.parent / href).resolve().is_file()
    visible = site.soup(category_url).select(".ctoblog-feed-links a.ctoblog-feed-link")
    assert [a.get_text(strip=True) for a in visible] == ["RSS feed", "Atom feed", "JSON feed"]
    for a in visible:
        assert (page_file.parent / a["href"]).resolve() == (site.site_dir / "blog/category/fcto" / Path(a["href"]).name)
        assert a.select_one("svg")["aria-hidden"] == "true"


def test_two_builds_write_identical_feeds(build_site):
    one = build_site(DOCS)
    two = build_site(DOCS)
    for folder in FOLDERS:
        for name in (*FILES.values(), "sitemap.xml"):
            assert (one.site_dir / folder / name).read_bytes() == (two.site_dir / folder / name).read_bytes()
    assert (one.site_dir / "sitemap.xml.gz").read_bytes() == (two.site_dir / "sitemap.xml.gz").read_bytes()


def test_feed_options(build_site):
    site = build_site(
        DOCS,
        plugin={"feeds": {"rss": False, "per_category": False, "limit": 1, "full_content": False,
                          "logo": "assets/pic.png"}},
    )
    assert not (site.site_dir / "blog/feed.xml").exists()
    assert not (site.site_dir / "blog/category/fcto/atom.xml").exists()
    d = feedparser.parse((site.site_dir / "blog/atom.xml").read_bytes())
    assert [e.title for e in d.entries] == ["Gamma"]
    assert "content" not in d.entries[0]
    assert d.feed.logo == "https://example.com/assets/pic.png"
    data = json.loads((site.site_dir / "blog/feed.json").read_text())
    assert "content_html" not in data["items"][0] and data["items"][0]["content_text"]
    assert data["icon"] == "https://example.com/assets/pic.png"
    types = [link["type"] for link in site.soup("blog/").select('head link[rel="alternate"]')]
    assert types == ["application/atom+xml", "application/feed+json"]
    assert jing(ATOM_RNC, site.site_dir / "blog/atom.xml").returncode == 0


def test_feeds_off(build_site):
    site = build_site(DOCS, plugin={"feeds": {"enabled": False}})
    assert not list(site.site_dir.glob("blog/**/feed.*"))
    assert not (site.site_dir / "blog/sitemap.xml").exists()
    assert not site.soup("blog/").select('link[rel="alternate"], .ctoblog-feed-link')


def test_markdown_link_to_a_feed_validates(build_site, warnings_of):
    docs = {**DOCS, "blog/index.md": "# Blog\n\n[Subscribe](feed.xml) or [Atom](atom.xml).\n"}
    site = build_site(docs, strict=True)
    assert not warnings_of()
    assert [a["href"] for a in site.soup("blog/").select("article a[href$='.xml']")][:2] == ["feed.xml", "atom.xml"]
    assert (site.site_dir / "blog/feed.xml").stat().st_size > 0


def test_serve_shows_drafts_marked(build_site):
    site = build_site(DOCS, command="serve")
    titles = [e.title for e in feedparser.parse((site.site_dir / "blog/feed.xml").read_bytes()).entries]
    assert "[Draft] Secret draft" in titles and "[Scheduled] Scheduled later" in titles
    assert titles[0] == "[Scheduled] Scheduled later"


def test_no_site_url_one_warning_and_no_feeds(build_site, warnings_of):
    site = build_site(DOCS, site_url=None)
    warnings = warnings_of()
    assert len(warnings) == 1 and "'site_url' is not set" in warnings[0], warnings
    assert not list(site.site_dir.rglob("feed.*")) and not list(site.site_dir.rglob("atom.xml"))
    for url in ("blog/", "blog/alpha/", "blog/category/fcto/"):
        soup = site.soup(url)
        assert not soup.select('link[rel="alternate"], .ctoblog-feed-link, meta[property="og:url"]')
        assert not soup.select('link[rel="canonical"]')
        for script in soup.select('script[type="application/ld+json"]'):
            assert "example.com" not in script.get_text()


def test_no_site_url_fails_strict(build_site):
    with pytest.raises(Abort):
        build_site(DOCS, site_url=None, strict=True)


@pytest.mark.browser
def test_material_in_chromium_requests_no_missing_file(build_site):
    """Real Material JavaScript: it fetches `sitemap.xml` next to each feed link; all exist."""
    from tools.browser import chromium, new_page, serve_site

    site = build_site(DOCS, site_url="https://example.com/sub/")
    pages = ["blog/", "blog/alpha/", "blog/category/fcto/", "blog/tag/leadership/"]
    with serve_site(site.site_dir, prefix="/sub/") as server, chromium() as browser:
        for url in pages:
            page = new_page(browser)
            response = page.goto(server.url + url, wait_until="networkidle")
            assert response is not None and response.status == 200
            assert not page.watch.problems(), (url, page.watch.problems())
            page.context.close()
    fetched = {path for status, path in server.requests if path.endswith("sitemap.xml")}
    assert {"/sub/blog/sitemap.xml", "/sub/blog/category/fcto/sitemap.xml"} <= fetched
    assert not server.misses, server.misses


def test_files_of_the_author_win(build_site, warnings_of):
    docs = {**DOCS, "blog/feed.xml": "<rss>mine</rss>", "blog/sitemap.xml": "<urlset>mine</urlset>"}
    site = build_site(docs)
    assert (site.site_dir / "blog/feed.xml").read_text() == "<rss>mine</rss>"
    assert (site.site_dir / "blog/sitemap.xml").read_text() == "<urlset>mine</urlset>"
    assert (site.site_dir / "blog/atom.xml").stat().st_size > 1000
    assert [w for w in warnings_of() if "blog/feed.xml" in w] == [
        "blog/feed.xml: a file in docs_dir has the path of a feed; the feed is not written"
    ]


def test_post_blocks_stay_out_of_feed_content(build_site):
    """The newsletter, call to action, read-next and comments blocks are for the site, not the feed."""
    plugin = {
        "newsletter": {"default": True, "provider": "generic", "action": "https://mail.example/subscribe"},
        "cta": {"default": "services", "position": "top",
                "blocks": {"services": {"title": "Hire me", "text": "Fractional CTO work."}}},
        "comments": {"default": True, "provider": "giscus", "repo": "o/r", "repo_id": "R", "category": "C",
                     "category_id": "D"},
    }
    docs = {**DOCS, "blog/posts/2023-03-05-gamma.md": post(
        "title: Gamma\ndate: 2023-03-05 09:30:00 -0800\ncategory: Hiring",
        "Gamma body.\n\n<!-- ctoblog:latest count=2 -->\n\nEnd.\n",
    )}
    site = build_site(docs, plugin=plugin)
    for entry in parse(site, "blog", "atom").entries:
        content = entry.content[0].value
        assert "ctoblog-" not in content and "ctoblog:" not in content and "<form" not in content, content
        assert "Hire me" not in content and "giscus" not in content
    gamma = json.loads((site.site_dir / "blog/feed.json").read_text())["items"][0]["content_html"]
    assert gamma == "<p>Gamma body.</p>\n<p>End.</p>"


def test_rebuilds_with_one_plugin_instance_do_not_grow_the_feeds(tmp_path):
    """`mkdocs serve` keeps one plugin object: each build starts its feeds afresh."""
    from conftest import write_tree
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    write_tree(tmp_path / "docs", {"index.md": "# Home\n", **DOCS})
    (tmp_path / "mkdocs.yml").write_text("site_name: Serve\nsite_url: https://example.com/\nplugins: [ctoblog]\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
        (tmp_path / "docs/blog/posts/2023-04-01-delta.md").write_text(post("title: Delta\ncategory: fCTO"))
        config = load_config(str(tmp_path / "mkdocs.yml"))
        build(config)
        build(config)
    finally:
        config.plugins.on_shutdown()
    titles = [e.title for e in feedparser.parse((tmp_path / "site/blog/category/fcto/feed.xml").read_bytes()).entries]
    assert titles == ["Delta", "[Draft] Secret draft", "Beta & <friends>", "Alpha"]
