"""Links in post bodies written for a site at `/` work under a `site_url` sub-path."""

from __future__ import annotations

import logging
import posixpath

import pytest
from conftest import post

BODY = """\
See ![a](/assets/a.png), [two](/2019/05/03/two/), [contact](/contact/#form), [rel](assets/a.png)
and [gone](/nothing/here/), and `[code](/assets/b.png)`.

<img src="/assets/a.png" alt="raw"> <a href="/sub/contact/">raw contact</a> <img src="assets/a.png" alt="rawrel">

    [indented](/assets/c.png)

```html
<img src="/assets/d.png">
```
"""

DOCS = {
    "assets/a.png": b"PNG",
    "contact.md": "# Contact\n",
    "blog/posts/2019-05-02-one.md": post("title: One", BODY),
    "blog/posts/2019-05-03-two.md": post("title: Two", "Back to [one](/2019/05/02/one/).\n"),
}


def resolve(page_url: str, href: str) -> str:
    """Where a relative link on a page leads, from the site root (a folder's `index.html` dropped)."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname("/" + page_url), href)).lstrip("/")
    return target.removesuffix("/index.html")


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_site_absolute_and_root_relative_links_become_relative(build_site, caplog, warnings_of, use_directory_urls):
    caplog.set_level(logging.DEBUG)
    site = build_site(
        DOCS,
        plugin={"post_url_format": "pretty"},
        site_url="https://example.com/sub/",
        use_directory_urls=use_directory_urls,
    )
    one = "2019/05/02/one/index.html"
    contact = "contact/" if use_directory_urls else "contact.html"
    article = site.soup(one).select_one("article")
    links = {a.get_text(): a["href"] for a in article.select("a[href]")}
    images = {img["alt"]: img["src"] for img in article.select("img[src]")}
    assert resolve(one, links["two"]) == "2019/05/03/two"
    assert resolve(one, links["contact"].split("#")[0]) == contact.rstrip("/")
    assert links["contact"].endswith("#form")
    assert resolve(one, links["raw contact"]) == contact.rstrip("/")
    for href in (links["rel"], images["a"], images["raw"], images["rawrel"]):
        assert resolve(one, href) == "assets/a.png"
    assert links["gone"] == "/nothing/here/"
    # Code is never touched.
    assert article.select_one("p code").get_text() == "[code](/assets/b.png)"
    blocks = [pre.get_text() for pre in article.select("pre")]
    assert any("[indented](/assets/c.png)" in text for text in blocks)
    assert any('<img src="/assets/d.png">' in text for text in blocks)
    # The link back works the same way from the other post.
    two = site.soup("2019/05/03/two/index.html").select_one("article a[href]")
    assert resolve("2019/05/03/two/index.html", two["href"]) == "2019/05/02/one"

    assert warnings_of() == [
        "blog/posts/2019-05-02-one.md: link '/nothing/here/' points to no page or file of this site; it was left as is"
    ]
    messages = [r.getMessage() for r in caplog.records]
    assert not [m for m in messages if "absolute link" in m and "/nothing/here/" not in m]
    infos = [m for m in messages if "only resolved from the site root" in m]
    expected = (
        "mkdocs_ctoblog: 2 relative links in 1 page only resolved from the site root (as under a Jekyll "
        'theme\'s <base href="/">) and were made relative to their page: blog/posts/2019-05-02-one.md'
    )
    assert infos == [expected]
    assert "mkdocs_ctoblog: blog/posts/2019-05-02-one.md: relative link 'assets/a.png' resolved from the site root" in messages


def test_pages_get_relative_links_but_no_missing_target_warnings(build_site, warnings_of):
    site = build_site(
        {
            "assets/a.png": b"PNG",
            "about.md": '# About\n\n![a](/assets/a.png) [api](/api/) <img src="/assets/a.png" alt="raw">\n',
        },
        site_url="https://example.com/sub/",
    )
    article = site.soup("about/")
    assert [img["src"] for img in article.select("img[alt]")] == ["../assets/a.png", "../assets/a.png"]
    assert warnings_of() == []


def test_links_to_files_the_theme_or_another_plugin_writes_are_not_missing(build_site, warnings_of):
    body = '[map](/sitemap.xml), <a href="/search/search_index.json">index</a>, [feed](/blog/feed.xml) and [gone](/feed.xml).\n'
    site = build_site(
        {"blog/posts/2019-05-02-one.md": post("title: One", body)},
        plugin={"post_url_format": "pretty"},
        site_url="https://example.com/sub/",
    )
    page = "2019/05/02/one/index.html"
    links = {a.get_text(): a["href"] for a in site.soup(page).select("article a[href]")}
    assert resolve(page, links["map"]) == "sitemap.xml" and site.exists("sitemap.xml")
    assert resolve(page, links["index"]) == "search/search_index.json" and site.exists("search/search_index.json")
    assert resolve(page, links["feed"]) == "blog/feed.xml" and site.exists("blog/feed.xml")
    assert warnings_of() == [
        "blog/posts/2019-05-02-one.md: link '/feed.xml' points to no page or file of this site; it was left as is"
    ]
