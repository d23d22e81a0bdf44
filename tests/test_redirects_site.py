"""Redirect pages: `redirect_from`, earlier URL formats, Jekyll's URLs; never over a real page."""

from __future__ import annotations

import json
import logging
import posixpath
from xml.etree import ElementTree

import pytest
from conftest import MATERIAL, post
from mkdocs.exceptions import Abort

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
DOCS = {
    "about.md": "# About\n",
    "blog/posts/2019-05-02-hello.md": post("title: Hello & welcome\nredirect_from: /old/hello/"),
    "blog/posts/2019-06-01-two.md": post("title: Two\nredirect_from:\n  - /two.html\n  - /archive/two\n"),
}


def refresh_target(site, path: str) -> str:
    """The site path a redirect file sends the browser to (its meta refresh, resolved)."""
    soup = site.soup(path)
    url = soup.select_one('meta[http-equiv="refresh"]')["content"].split("url=", 1)[1]
    assert soup.select_one("body a")["href"] == url
    target = posixpath.normpath(posixpath.join(posixpath.dirname("/" + path), url)).lstrip("/")
    return target.removesuffix("/index.html").removesuffix("index.html")


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_redirect_from_under_a_sub_path(build_site, use_directory_urls):
    site = build_site(DOCS, site_url="https://example.com/sub/", use_directory_urls=use_directory_urls)
    hello = "blog/hello" if use_directory_urls else "blog/hello.html"
    two = "blog/two" if use_directory_urls else "blog/two.html"
    archive = "archive/two/index.html" if use_directory_urls else "archive/two.html"
    assert refresh_target(site, "old/hello/index.html") == hello
    assert refresh_target(site, "two.html") == two
    assert refresh_target(site, archive) == two
    soup = site.soup("old/hello/index.html")
    canonical = "https://example.com/sub/blog/hello/" if use_directory_urls else "https://example.com/sub/blog/hello.html"
    assert soup.select_one('link[rel="canonical"]')["href"] == canonical
    assert soup.select_one("body").get_text(" ", strip=True) == "This page has moved to Hello & welcome ."
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    # Static files: neither in search nor in the sitemap.
    index = json.loads((site.site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith(("old/", "two", "archive/"))]
    sitemap = ElementTree.parse(site.site_dir / "sitemap.xml")
    locations = [(loc.text or "").removeprefix("https://example.com/sub/") for loc in sitemap.iter(f"{{{SITEMAP_NS}}}loc")]
    assert hello.removesuffix(".html") in [loc.rstrip("/").removesuffix(".html") for loc in locations]
    assert not [loc for loc in locations if loc.startswith(("old/", "two", "archive/"))]


def test_previous_post_url_formats_redirect_to_the_new_url(build_site):
    site = build_site(
        DOCS,
        plugin={"post_url_format": "/wrote/:title/", "redirects": {"previous_post_url_formats": ["{year}/{month}/{slug}", "date"]}},
        site_url="https://example.com/sub/",
    )
    assert refresh_target(site, "blog/2019/05/hello/index.html") == "wrote/hello"
    assert refresh_target(site, "2019/05/02/hello.html") == "wrote/hello"
    assert refresh_target(site, "old/hello/index.html") == "wrote/hello"


def test_jekyll_urls_redirect_when_post_url_format_is_changed(build_site):
    site = build_site(
        DOCS,
        plugin={"jekyll_config": "_config.yml", "post_url_format": "/notes/{slug}/"},
        root_files={"_config.yml": "permalink: pretty\n"},
    )
    assert site.exists("notes/hello/")
    assert refresh_target(site, "2019/05/02/hello/index.html") == "notes/hello"


def test_jekyll_urls_in_upper_case_redirect_to_lower_case_ones(build_site):
    docs = {"blog/posts/2019-05-02-Hello-World.md": post("title: Hello"), "blog/posts/2019-05-03-Two.md": post("title: Two")}
    config = "collections:\n  posts:\n    permalink: /wrote/:title/\n"
    moved = build_site(
        docs, plugin={"jekyll_config": "_config.yml", "post_url_format": "/notes/{slug}/", "slug_case": "lower"},
        root_files={"_config.yml": config},
    )
    assert refresh_target(moved, "wrote/Hello-World/index.html") == "notes/hello-world"
    # Only the case changes: on a case-insensitive disk that is the post's own folder, so no redirect.
    lowered = build_site(docs, plugin={"jekyll_config": "_config.yml", "slug_case": "lower"}, root_files={"_config.yml": config})
    assert sorted(p.relative_to(lowered.site_dir).as_posix() for p in (lowered.site_dir / "wrote").rglob("*.html")) == [
        "wrote/hello-world/index.html", "wrote/two/index.html"
    ]


def test_no_redirects_when_switched_off(build_site):
    site = build_site(DOCS, plugin={"redirects": {"enabled": False, "previous_post_url_formats": ["date"]}})
    assert not site.exists("old/hello/index.html")
    assert not site.exists("2019/05/02/hello.html")


ADVICE = (
    ": move one of them (a post: give it a 'slug' or 'permalink', or put the date in the URLs with "
    "post_url_format: '{year}/{month}/{day}/{slug}')"
)


@pytest.mark.parametrize(
    ("docs", "message"),
    [
        (
            {"blog/posts/2019-05-02-hello.md": post("title: Hello\nredirect_from: /about/")},
            "ctoblog: the page 'about.md' and a redirect to 'blog/posts/2019-05-02-hello.md' would both be written to "
            "'about/index.html'" + ADVICE,
        ),
        (
            {
                "blog/posts/2019-05-02-a.md": post("title: A\nredirect_from: /old/"),
                "blog/posts/2019-05-03-b.md": post("title: B\nredirect_from: [/Old/]"),
            },
            "ctoblog: a redirect to 'blog/posts/2019-05-02-a.md' and a redirect to 'blog/posts/2019-05-03-b.md' would "
            "both be written to 'old/index.html' and 'Old/index.html' (one path on case-insensitive file systems, or a "
            "file and a folder of one name)" + ADVICE,
        ),
        (
            {"blog/posts/2019-05-02-a.md": post("title: A\nredirect_from: /blog/b/"), "blog/posts/2019-05-03-b.md": post("title: B")},
            "ctoblog: 'blog/posts/2019-05-03-b.md' and a redirect to 'blog/posts/2019-05-02-a.md' would both be written "
            "to 'blog/b/index.html'" + ADVICE,
        ),
        (
            {"blog/posts/2019-05-02-a.md": post("title: A\nredirect_from: /404.html")},
            "ctoblog: the theme's '404.html' and a redirect to 'blog/posts/2019-05-02-a.md' would both be written to "
            "'404.html'" + ADVICE,
        ),
    ],
    ids=["over-a-page", "two-redirects-one-in-upper-case", "over-a-post", "over-the-theme-404"],
)
def test_a_redirect_never_replaces_a_real_page(build_site, caplog, docs, message):
    with pytest.raises(Abort):
        build_site({"about.md": "# About\n", **docs})
    assert message in [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize("value", ["https://old.example.com/x/", "/a/../../etc/", "''", "[1]"])
def test_a_bad_redirect_from_is_one_warning(build_site, warnings_of, value):
    site = build_site({"blog/posts/2019-05-02-a.md": post(f"title: A\nredirect_from: {value}")})
    assert site.exists("blog/a/")
    [warning] = warnings_of()
    assert warning.startswith("blog/posts/2019-05-02-a.md: 'redirect_from' expected a site path such as /2019/05/old-name/")


def test_the_redirect_template_can_be_overridden(build_site):
    site = build_site(
        DOCS,
        theme={**MATERIAL, "custom_dir": "overrides"},
        root_files={"overrides/ctoblog/redirect.html": "<p class=gone>{{ redirect.title }} → {{ redirect.target }}</p>\n"},
    )
    assert site.soup("old/hello/index.html").select_one(".gone").get_text() == "Hello & welcome → ../../blog/hello/"


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_pages_redirect_from_too(build_site, warnings_of, use_directory_urls):
    docs = {
        "talks/d8.md": "---\ntitle: Digging into D8\nredirect_from:\n  - /presentation/2018-08-27-droidcon/\n  - /talks/d8.html\n---\nSlides.\n",
        "bad.md": "---\ntitle: Bad\nredirect_from: ../../etc/\n---\nText.\n",
    }
    site = build_site(docs, site_url="https://example.com/sub/", use_directory_urls=use_directory_urls)
    page = "talks/d8" if use_directory_urls else "talks/d8.html"
    assert refresh_target(site, "presentation/2018-08-27-droidcon/index.html") == page
    assert site.soup("presentation/2018-08-27-droidcon/index.html").select_one("body a").get_text() == "Digging into D8"
    assert refresh_target(site, "talks/d8.html") == page if use_directory_urls else site.exists("talks/d8.html")
    assert warnings_of() == [
        "bad.md: 'redirect_from' expected a site path such as /old-name/, received '../../etc/', which contains '..'; left out"
    ]
