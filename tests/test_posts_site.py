"""Real Jekyll front matter shapes, built by MkDocs, checked in the HTML."""

from __future__ import annotations

import pytest
from conftest import post


def card_titles(site, url="blog/"):
    return [a.get_text() for a in site.soup(url).select(".ctoblog-card__link")]


def header_datetime(site, url):
    return site.soup(url).select_one(".ctoblog-post-header time")["datetime"]


@pytest.mark.parametrize(
    ("name", "text", "url", "title", "datetime"),
    [
        ("2023-07-27-closed-by-dots.md", "---\ntitle: Dots\ndate: 2023-07-27\n...\nBody\n", "blog/closed-by-dots/", "Dots", "2023-07-27T00:00:00+00:00"),
        ("2023-07-27-no-newline.md", "---\ntitle: Ends here\n---", "blog/no-newline/", "Ends here", "2023-07-27T00:00:00+00:00"),
        ("2023-07-27-bom.md", "\ufeff---\ntitle: BOM\n---\nBody\n", "blog/bom/", "BOM", "2023-07-27T00:00:00+00:00"),
        ("2023-07-27-crlf.md", "---\r\ntitle: CRLF\r\ndate: 2023-07-28 10:00\r\n---\r\nBody\r\n", "blog/crlf/", "CRLF", "2023-07-28T10:00:00+00:00"),
        ("2023-07-27-no-front-matter.md", "Just a body.\n", "blog/no-front-matter/", "No Front Matter", "2023-07-27T00:00:00+00:00"),
        ("2023-07-27-heading.md", "# From the heading\n\nBody\n", "blog/heading/", "From the heading", "2023-07-27T00:00:00+00:00"),
        ("2013-09-14-offset.md", "---\ntitle: Offset\ndate: 2013-09-14 20:46:50 -0400\n---\nB\n", "blog/offset/", "Offset", "2013-09-15T00:46:50+00:00"),
        ("2016-12-10-minutes.md", "---\ntitle: Minutes\ndate: 2016-12-10 00:30\n---\nB\n", "blog/minutes/", "Minutes", "2016-12-10T00:30:00+00:00"),
        ("2023-11-05-zulu.md", "---\ntitle: Zulu\ndate: 2023-11-05T18:45:00Z\n---\nB\n", "blog/zulu/", "Zulu", "2023-11-05T18:45:00+00:00"),
        ("2023-01-29-odd.md", "---\ntitle: Odd\ndate: 2023-01-29 18:30:22 2023 -0800\n---\nB\n", "blog/odd/", "Odd", "2023-01-30T02:30:22+00:00"),
        ("2023-01-29-yaml-datetime.md", "---\ntitle: Yd\ndate: 2023-01-29 10:00:00\n---\nB\n", "blog/yaml-datetime/", "Yd", "2023-01-29T10:00:00+00:00"),
        ("2023-1-5-unpadded.md", "---\ntitle: Unpadded\n---\nB\n", "blog/unpadded/", "Unpadded", "2023-01-05T00:00:00+00:00"),
        ("2023-20-07-day-first.md", "---\ntitle: Day first\ndate: 2023-07-20\n---\nB\n", "blog/day-first/", "Day first", "2023-07-20T00:00:00+00:00"),
        ("nodate-name.md", "---\ntitle: FM date\ndate: '2022-03-02 12:06:00'\n---\nB\n", "blog/nodate-name/", "FM date", "2022-03-02T12:06:00+00:00"),
        ("2023-07-27-mark.markdown", "---\ntitle: Markdown ext\n---\nB\n", "blog/mark/", "Markdown ext", "2023-07-27T00:00:00+00:00"),
        ("sub/dir/2023-07-27-nested.md", "---\ntitle: Nested\n---\nB\n", "blog/nested/", "Nested", "2023-07-27T00:00:00+00:00"),
        ("2023-07-27-with space.md", "---\ntitle: Spaced\n---\nB\n", "blog/with-space/", "Spaced", "2023-07-27T00:00:00+00:00"),
        ("2023-07-27-Über-straße.md", "---\ntitle: Unicode\n---\nB\n", "blog/uber-strasse/", "Unicode", "2023-07-27T00:00:00+00:00"),
        ("2023-07-27-entities.md", "---\ntitle: 'Q&amp;A &lt;live&gt;'\n---\nB\n", "blog/entities/", "Q&A <live>", "2023-07-27T00:00:00+00:00"),
        ("2023-07-27-x.md", "---\ntitle: Slugged\nslug: Custom Slug\n---\nB\n", "blog/custom-slug/", "Slugged", "2023-07-27T00:00:00+00:00"),
        ("2023-07-27-perm.md", "---\ntitle: Perma\ncategories: [Ops]\npermalink: /:categories/:year/:month/:title/\n---\nB\n", "ops/2023/07/perm/", "Perma", "2023-07-27T00:00:00+00:00"),
    ],
)
def test_front_matter_shapes(build_site, name, text, url, title, datetime):
    site = build_site({f"blog/posts/{name}": text})
    assert site.exists(url), sorted(p.relative_to(site.site_dir).as_posix() for p in site.site_dir.rglob("*.html"))
    assert site.soup(url).select_one("h1").get_text() == title
    assert header_datetime(site, url) == datetime
    assert card_titles(site) == [title]


def test_naive_times_are_in_the_site_time_zone(build_site):
    site = build_site(
        {"blog/posts/2023-07-27-tz.md": post("title: TZ\ndate: 2023-07-27 09:13:32")},
        plugin={"timezone": "Europe/London"},
    )
    assert header_datetime(site, "blog/tz/") == "2023-07-27T09:13:32+01:00"
    offset = build_site(
        {"blog/posts/2023-07-27-tz.md": post("title: TZ\ndate: 2023-07-27 09:13:32 -0400")},
        plugin={"timezone": "Europe/London"},
    )
    assert header_datetime(offset, "blog/tz/") == "2023-07-27T14:13:32+01:00"


def test_anchors_aliases_and_yaml_booleans(build_site, warnings_of):
    text = post(
        """
        base: &base
          category: Ops
        title: Anchored
        <<: *base
        description: yes
        """
    )
    site = build_site({"blog/posts/2023-07-27-anchor.md": text})
    card = site.soup("blog/").select_one(".ctoblog-card")
    assert card.select_one(".ctoblog-card__summary").get_text() == "yes"
    assert [a.get_text() for a in card.select(".ctoblog-chip")] == ["Ops"]
    assert any("'description' expected text" in w and "'yes'" in w for w in warnings_of())


def test_words_yaml_reads_as_booleans_stay_names_as_written(build_site, warnings_of):
    """`tags: [True, False, None]` (a post about Python) and `category: yes`: Jekyll keeps them as
    text; so does ctoblog, as the author wrote them, with one warning each."""
    site = build_site({
        "blog/posts/2023-05-01-a.md": post("title: A\ncategory: yes\ntags: [True, False, None]"),
        "blog/posts/2023-06-01-b.md": post("title: B\ntags:\n  - off\n  - Python"),
    })
    assert card_titles(site, "blog/category/yes/") == ["A"]
    assert site.soup("blog/category/yes/").select_one("h1").get_text() == "yes"
    tags = site.soup("blog/a/").select(".ctoblog-post-header a, .ctoblog-tags a")
    assert {"True", "False", "None"} <= {a.get_text(strip=True).lstrip("#") for a in tags}
    assert [a.get_text() for a in site.soup("blog/tag/off/").select(".ctoblog-list__link")] == ["B"]
    warned = warnings_of()
    for word in ("'True'", "'False'", "'off'", "'yes'"):
        assert sum(word in w and "(YAML reads it as bool): quote it" in w for w in warned) == 1, (word, warned)


def test_categories_merge_and_case_variants(build_site):
    site = build_site(
        {
            "blog/posts/2023-01-01-a.md": post("title: A\ncategory: fCTO\ncategories: leadership hiring"),
            "blog/posts/2023-02-01-b.md": post("title: B\ncategory: Due diligence, M&A"),
            "blog/posts/2023-03-01-c.md": post("title: C\ncategories: [fcto, 2023]"),
            "blog/posts/2023-04-01-d.md": post("title: D\ncategory: 42\ncategories:\ntags:"),
        }
    )
    assert card_titles(site, "blog/category/fcto/") == ["C", "A"]
    assert site.soup("blog/category/fcto/").select_one("h1").get_text() == "fCTO"
    assert card_titles(site, "blog/category/due-diligence-m-a/") == ["B"]
    assert card_titles(site, "blog/category/2023/") == ["C"]
    assert card_titles(site, "blog/category/42/") == ["D"]
    assert card_titles(site, "blog/category/hiring/") == ["A"]


def test_tags_authors_and_images(build_site, tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 64
    site = build_site(
        {
            "assets/cover.png": png,
            "blog/posts/2023-01-01-a.md": post(
                "title: A\ntags: ops scaling\nauthor: jane\nimage: /assets/cover.png\nimage_alt: A cover"
            ),
            "blog/posts/2023-02-01-b.md": post(
                "title: B\ntags: [Ops]\nauthors: [Jane Doe, Bob]\nimage: {path: /assets/cover.png, alt: Mapped}"
            ),
            "blog/posts/2023-03-01-c.md": post("title: C\nauthor: {name: Carol, url: 'https://carol.example'}\nimage:"),
            "blog/.authors.yml": "authors:\n  jane:\n    name: Jane Doe\n    description: CTO\n",
        }
    )
    tag_page = site.soup("blog/tag/ops/")
    assert [a.get_text() for a in tag_page.select(".ctoblog-list__item .ctoblog-list__link")] == ["B", "A"]
    assert tag_page.select_one(".ctoblog-card") is None
    images = site.soup("blog/").select(".ctoblog-card__image")
    assert [(i["src"], i["alt"], i["loading"]) for i in images] == [
        ("../assets/cover.png", "Mapped", "lazy"),
        ("../assets/cover.png", "A cover", "lazy"),
    ]
    assert card_titles(site, "blog/author/jane-doe/") == ["B", "A"]
    authors = site.soup("blog/b/").select(".ctoblog-post-header__authors a")
    assert [a.get_text() for a in authors] == ["Jane Doe", "Bob"]
    assert site.soup("blog/c/").select_one(".ctoblog-post-header__image") is None


def test_excerpts(build_site):
    site = build_site(
        {
            "blog/posts/2023-01-01-a.md": post("title: A", "Intro *one*.\n\n<!-- more -->\n\nRest.\n"),
            "blog/posts/2023-01-02-b.md": post("title: B", "# Heading\n\nFirst para.\n\nSecond para.\n"),
            "blog/posts/2023-01-03-c.md": post("title: C\nexcerpt: Given **text**", "Body.\n"),
            "blog/posts/2023-01-04-d.md": post("title: D\ndescription: Described", "Body.\n"),
            "blog/posts/2023-01-05-e.md": post("title: E", "Before<!--more-->after\n"),
        }
    )
    summaries = {
        c.select_one(".ctoblog-card__link").get_text(): c.select_one(".ctoblog-card__summary").get_text()
        for c in site.soup("blog/").select(".ctoblog-card")
    }
    assert summaries == {"A": "Intro one.", "B": "First para.", "C": "Given text", "D": "Described", "E": "Before"}


def test_unknown_keys_stay_in_page_meta(build_site):
    override = (
        '{% extends "base.html" %}{% block content %}{{ super() }}'
        '{% if page.meta.ctoblog %}<p id="k">{{ page.meta.my_theme_key }}|{{ page.meta.ctoblog.reading_time }}</p>'
        "{% endif %}{% endblock %}"
    )
    site = build_site(
        {"blog/posts/2023-01-01-a.md": post("title: A\nlayout: post\nmy_theme_key: hello")},
        theme={"name": "material", "font": False, "custom_dir": "overrides"},
        root_files={"overrides/main.html": override},
    )
    assert site.soup("blog/a/").select_one("#k").get_text() == "hello|1"


def test_card_template_override_from_custom_dir(build_site):
    site = build_site(
        {"blog/posts/2023-01-01-a.md": post("title: A")},
        theme={"name": "material", "font": False, "custom_dir": "overrides"},
        root_files={"overrides/ctoblog/card.html": '<p class="my-card">{{ card.title }}</p>'},
    )
    assert [p.get_text() for p in site.soup("blog/").select(".my-card")] == ["A"]
    assert site.soup("blog/").select_one(".ctoblog-card") is None


def test_escaping_of_front_matter_text(build_site):
    title = 'Hack <script>alert(1)</script> & "quotes"'
    site = build_site(
        {"blog/posts/2023-01-01-a.md": post(f"title: '{title}'\ndescription: '<img src=x onerror=alert(1)>'\ncategory: '<b>cat</b>'")}
    )
    for url in ("blog/", "blog/a/", "blog/category/b-cat-b/"):
        html = site.text(url)
        assert "<script>alert(1)" not in html
        assert "<img src=x" not in html
        assert "<b>cat</b>" not in html
    assert card_titles(site) == [title]
    assert site.soup("blog/a/").select_one("h1").get_text() == title


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_urls_and_pagination(build_site, use_directory_urls):
    docs = {f"blog/posts/2023-01-{d:02d}-p{d}.md": post(f"title: P{d}\ncategory: Ops") for d in range(1, 6)}
    site = build_site(docs, plugin={"pagination": 2}, use_directory_urls=use_directory_urls)
    suffix = "/" if use_directory_urls else ".html"
    page2 = "blog/page/2/" if use_directory_urls else "blog/page/2/index.html"
    first = "blog/" if use_directory_urls else "blog/index.html"
    assert site.exists("blog/p1" + suffix)
    assert card_titles(site, first) == ["P5", "P4"]
    assert card_titles(site, page2) == ["P3", "P2"]
    older = site.soup(first).select_one(".ctoblog-pagination a[rel=next]")["href"]
    assert older == ("page/2/" if use_directory_urls else "page/2/index.html")
    newer = site.soup(page2).select_one(".ctoblog-pagination a[rel=prev]")["href"]
    assert newer == ("../../" if use_directory_urls else "../../index.html")
    card_href = site.soup(page2).select_one(".ctoblog-card__link")["href"]
    # cards link up to the site root and down again: one card (and its HTML) serves a page depth
    assert card_href == ("../../../blog/p3/" if use_directory_urls else "../../../blog/p3.html")
    cat = "blog/category/ops/" if use_directory_urls else "blog/category/ops/index.html"
    assert len(card_titles(site, cat)) == 2
    assert site.soup("blog/p1" + suffix).select_one(".ctoblog-chip")["href"] == (
        "../../blog/category/ops/" if use_directory_urls else "../blog/category/ops/index.html"
    )


def test_post_url_format_and_root_format(build_site):
    site = build_site(
        {"blog/posts/2023-07-27-hello.md": post("title: Hello\ncategory: fCTO")},
        plugin={"post_url_format": "{year}/{month}/{category}/{slug}"},
    )
    assert site.exists("blog/2023/07/fcto/hello/")
    rooted = build_site(
        {"blog/posts/2023-07-27-hello.md": post("title: Hello")}, plugin={"post_url_format": "/wrote/{slug}"}
    )
    assert rooted.exists("wrote/hello/")
    assert rooted.soup("blog/").select_one(".ctoblog-card__link")["href"] == "../wrote/hello/"


def test_user_blog_index_keeps_its_content(build_site):
    site = build_site(
        {
            "blog/index.md": "# My writing\n\nIntro paragraph.\n",
            "blog/posts/2023-07-27-hello.md": post("title: Hello"),
        }
    )
    soup = site.soup("blog/")
    assert soup.select_one("h1").get_text() == "My writing"
    assert "Intro paragraph." in soup.select_one("article").get_text()
    assert card_titles(site) == ["Hello"]
    # the page's own title moves into the index header (one h1), its text into the intro
    assert [h1["id"] for h1 in soup.select("h1")] == ["my-writing"]
    assert soup.select_one(".ctoblog-index__header h1") is not None
    assert soup.select_one(".ctoblog-index__intro").get_text(strip=True) == "Intro paragraph."


def test_posts_stay_out_of_the_nav_but_the_blog_is_in_it(build_site):
    docs = {f"blog/posts/2023-01-{d:02d}-p{d}.md": post(f"title: Post number {d}") for d in range(1, 4)}
    site = build_site(docs, theme="mkdocs")
    nav_text = site.soup("").select_one("nav, .navbar").get_text()
    assert "Blog" in nav_text
    assert "Post number" not in nav_text
    explicit = build_site({**docs, "about.md": "# About\n"}, nav=[{"Home": "index.md"}, {"About": "about.md"}])
    assert "Blog" not in explicit.soup("").select_one(".md-nav--primary").get_text()


def test_drafts_and_scheduled_absent_from_build(build_site):
    docs = {
        "blog/posts/2023-01-01-live.md": post("title: Live\ncategory: Ops"),
        "blog/posts/2023-01-02-draft.md": post("title: Drafty\ndraft: true\ncategory: Secret"),
        "blog/posts/2023-01-03-unpub.md": post("title: Unpub\npublished: false\ncategory: Ops"),
        "blog/posts/2999-03-02-later.md": post("title: Later\ndate: '2999-03-02 12:06:00'\ncategory: Ops"),
    }
    site = build_site(docs)
    assert card_titles(site) == ["Live"]
    assert card_titles(site, "blog/category/ops/") == ["Live"]
    for url in ("blog/draft/", "blog/unpub/", "blog/later/", "blog/category/secret/"):
        assert not site.exists(url)
    sitemap = (site.site_dir / "sitemap.xml").read_text()
    search = (site.site_dir / "search" / "search_index.json").read_text()
    for word in ("Drafty", "Unpub", "Later", "draft/", "later/"):
        assert word not in sitemap
        assert word not in search


def test_drafts_badged_on_serve(build_site):
    docs = {
        "blog/posts/2023-01-01-live.md": post("title: Live"),
        "blog/posts/2023-01-02-draft.md": post("title: Drafty\ndraft: true"),
        "blog/posts/2999-03-02-later.md": post("title: Later"),
    }
    site = build_site(docs, command="serve")
    cards = {c.select_one(".ctoblog-card__link").get_text(): c for c in site.soup("blog/").select(".ctoblog-card")}
    assert set(cards) == {"Live", "Drafty", "Later"}
    assert cards["Drafty"].select_one(".ctoblog-badge").get_text() == "Draft"
    assert cards["Later"].select_one(".ctoblog-badge").get_text() == "Scheduled"
    assert cards["Live"].select_one(".ctoblog-badge") is None
    assert site.soup("blog/draft/").select_one(".ctoblog-post-header .ctoblog-badge").get_text() == "Draft"
    hidden = build_site(docs, command="serve", plugin={"drafts_on_serve": False})
    assert card_titles(hidden) == ["Live"]


def test_future_true_builds_scheduled_posts(build_site):
    site = build_site({"blog/posts/2999-03-02-later.md": post("title: Later")}, plugin={"future": True})
    assert card_titles(site) == ["Later"]


def test_card_dates_are_formatted_with_babel_in_the_site_locale(build_site):
    site = build_site(
        {"blog/posts/2023-07-27-hello.md": post("title: Hello")},
        theme={"name": "material", "font": False, "language": "de"},
        plugin={"date_format": "long"},
    )
    assert site.soup("blog/").select_one(".ctoblog-card time").get_text() == "27. Juli 2023"


def test_pinned_posts_come_first(build_site):
    site = build_site(
        {
            "blog/posts/2023-01-01-old.md": post("title: Old\npin: true"),
            "blog/posts/2023-06-01-new.md": post("title: New"),
        }
    )
    assert card_titles(site) == ["Old", "New"]


def test_posts_directly_in_blog_dir(build_site):
    site = build_site(
        {
            "blog/index.md": "# Writing\n",
            "blog/2023-01-01-a.md": post("title: A\ncategory: Ops"),
            "blog/category/ops.md": "# Operations\n\nAll about running things.\n",
        },
        plugin={"posts_dir": "blog"},
    )
    assert card_titles(site) == ["A"]
    assert site.soup("blog/").select_one("h1").get_text() == "Writing"
    category = site.soup("blog/category/ops/")
    assert category.select_one("h1").get_text() == "Operations"
    assert "All about running things." in category.get_text()
    assert [a.get_text() for a in category.select(".ctoblog-card__link")] == ["A"]


def test_a_post_that_is_not_utf8_is_left_out_with_a_warning(build_site, warnings_of):
    site = build_site(
        {
            "blog/posts/2023-01-01-latin1.md": "---\ntitle: Caf\xe9\n---\n".encode("latin-1"),
            "blog/posts/2023-01-02-ok.md": post("title: Ok"),
        }
    )
    assert card_titles(site) == ["Ok"]
    assert any(w.startswith("blog/posts/2023-01-01-latin1.md: expected UTF-8 text") for w in warnings_of())


def test_blog_index_title_from_front_matter_is_escaped_once(build_site):
    site = build_site(
        {"blog/index.md": "---\ntitle: Tips & <Tricks>\n---\nIntro.\n", "blog/posts/2023-01-01-a.md": post("title: A")}
    )
    soup = site.soup("blog/")
    assert soup.select_one("h1").get_text() == "Tips & <Tricks>"
    assert "&amp;amp;" not in site.text("blog/")
