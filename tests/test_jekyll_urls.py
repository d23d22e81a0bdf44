"""Jekyll's URLs in the plugin: `post_url_format` in Jekyll's syntax, `jekyll_config`, `slug_case`.

The expected paths below were recorded from Debian's jekyll 4.3.1 (`jekyll build`) on the same five
posts with `timezone: Europe/Berlin`, one run per permalink; they are literal results, not computed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import post

from mkdocs_ctoblog.jekyll import permalink
from mkdocs_ctoblog.plugin import CtoblogPlugin

POSTS = {
    "blog/posts/2019-05-02-Hello-World.md": post('title: Hello\ncategories: [Ops, "Big Ideas"]'),
    "blog/posts/2019-12-30-under_score.dots.v2..md": post(
        "title: Underscore\ncategory: News\ncategories: tech\ndate: 2019-12-30 23:30:00 -0500"
    ),
    "blog/posts/sub/2020-02-29-Über Café!.md": post("title: Unicode\nslug: Custom Slug_Here\ncategories: [Dev]"),
    "blog/posts/2020-03-01-Über Café (draft) +1.md": post("title: Cafe"),
    "blog/posts/2021-01-03-plain.md": post("title: Plain\ncategories: CTO cto"),
}

# `find . -name '*.html'` in Jekyll's _site, per `permalink:` of _config.yml.
JEKYLL_BUILT = {
    "pretty": [
        "2020/03/01/Über-Café-(draft)-+1/index.html",
        "cto/2021/01/03/plain/index.html",
        "dev/2020/02/29/Custom-Slug_Here/index.html",
        "ops/big ideas/2019/05/02/Hello-World/index.html",
        "tech/news/2019/12/31/under_score.dots.v2/index.html",
    ],
    "date": [
        "2020/03/01/Über-Café-(draft)-+1.html",
        "cto/2021/01/03/plain.html",
        "dev/2020/02/29/Custom-Slug_Here.html",
        "ops/big ideas/2019/05/02/Hello-World.html",
        "tech/news/2019/12/31/under_score.dots.v2.html",
    ],
    "ordinal": [
        "2020/061/Über-Café-(draft)-+1.html",
        "cto/2021/003/plain.html",
        "dev/2020/060/Custom-Slug_Here.html",
        "ops/big ideas/2019/122/Hello-World.html",
        "tech/news/2019/365/under_score.dots.v2.html",
    ],
    "none": [
        "Über-Café-(draft)-+1.html",
        "cto/plain.html",
        "dev/Custom-Slug_Here.html",
        "ops/big ideas/Hello-World.html",
        "tech/news/under_score.dots.v2.html",
    ],
    "weekdate": [
        "2020/W09/Sun/Über-Café-(draft)-+1.html",
        "cto/2021/W53/Sun/plain.html",
        "dev/2020/W09/Sat/Custom-Slug_Here.html",
        "ops/big ideas/2019/W18/Thu/Hello-World.html",
        "tech/news/2019/W01/Tue/under_score.dots.v2.html",
    ],
    "/wrote/:title/": [
        "wrote/Custom-Slug_Here/index.html",
        "wrote/Hello-World/index.html",
        "wrote/plain/index.html",
        "wrote/under_score.dots.v2/index.html",
        "wrote/Über-Café-(draft)-+1/index.html",
    ],
    "/x/:slug/:name/:path/:title/": [
        "x/custom-slug-here/2020-02-29-über-café/sub/2020-02-29-Über Café!/Custom-Slug_Here/index.html",
        "x/hello-world/2019-05-02-hello-world/2019-05-02-Hello-World/Hello-World/index.html",
        "x/plain/2021-01-03-plain/2021-01-03-plain/plain/index.html",
        "x/under-score-dots-v2/2019-12-30-under-score-dots-v2/2019-12-30-under_score.dots.v2/under_score.dots.v2/index.html",
        "x/über-café-draft-1/2020-03-01-über-café-draft-1/2020-03-01-Über Café (draft) +1/Über-Café-(draft)-+1/index.html",
    ],
    (
        "/:year_:month/:i_day/:i_month/:short_year/:hour:minute:second/:short_month/:long_month/:w_year/:week/"
        ":w_day/:short_day/:long_day/:y_day/:slugified_categories/:collection/:title.html"
    ): [
        "2019_05/2/5/19/000000/May/May/2019/18/4/Thu/Thursday/122/ops/big-ideas/posts/Hello-World.html",
        "2019_12/31/12/19/053000/Dec/December/2020/01/2/Tue/Tuesday/365/tech/news/posts/under_score.dots.v2.html",
        "2020_02/29/2/20/000000/Feb/February/2020/09/6/Sat/Saturday/060/dev/posts/Custom-Slug_Here.html",
        "2020_03/1/3/20/000000/Mar/March/2020/09/7/Sun/Sunday/061/posts/Über-Café-(draft)-+1.html",
        "2021_01/3/1/21/000000/Jan/January/2020/53/7/Sun/Sunday/003/cto/posts/plain.html",
    ],
}


def built_posts(site_dir: Path) -> list[str]:
    """Output files of posts: every HTML file that is not the home page or a ctoblog index."""
    found = sorted(str(p.relative_to(site_dir)) for p in site_dir.rglob("*.html"))
    return [p for p in found if not p.startswith(("blog/", "404.html", "index.html"))]


@pytest.mark.parametrize("style", list(JEKYLL_BUILT))
def test_post_url_format_in_jekyll_syntax_gives_jekylls_paths(build_site, style):
    site = build_site(POSTS, plugin={"post_url_format": style, "timezone": "Europe/Berlin"})
    assert built_posts(site.site_dir) == sorted(JEKYLL_BUILT[style])


def test_jekyll_config_gives_collection_permalink_timezone_and_case(build_site):
    config = "permalink: date\ntimezone: Europe/Berlin\ncollections:\n  posts:\n    permalink: /wrote/:title/\n"
    site = build_site(POSTS, plugin={"jekyll_config": "jekyll/_config.yml"}, root_files={"jekyll/_config.yml": config})
    assert built_posts(site.site_dir) == sorted(JEKYLL_BUILT["/wrote/:title/"])
    # Europe/Berlin from _config.yml: 23:30 at -05:00 is the next morning there.
    assert site.soup("wrote/under_score.dots.v2/").select_one("time[datetime]")["datetime"].startswith("2019-12-31")


def test_jekyll_config_without_timezone_is_utc_with_an_info_line(build_site, caplog):
    caplog.set_level("INFO")
    post_text = post("title: Late\ndate: 2021-04-30 23:30:00 -0700")
    site = build_site({"blog/posts/x.md": post_text}, plugin={"jekyll_config": "_config.yml"}, root_files={"_config.yml": "permalink: date\n"})
    assert site.exists("2021/05/01/x.html")  # the day in UTC, as Jekyll gives it on a machine in UTC
    assert any("sets no 'timezone' (Jekyll used the building machine's): dates are in UTC" in r.getMessage() for r in caplog.records)
    caplog.clear()
    site = build_site({"blog/posts/x.md": post_text}, plugin={"jekyll_config": "_config.yml"}, root_files={"_config.yml": "timezone: America/Los_Angeles\n"})
    assert site.exists("2021/04/30/x.html")
    assert not any("sets no 'timezone'" in r.getMessage() for r in caplog.records)


def test_jekyll_config_is_watched_on_serve(build_site):
    site = build_site({}, plugin={"jekyll_config": "_config.yml"}, root_files={"_config.yml": "permalink: none\n"})
    assert str(site.root / "_config.yml") in site.config.watch


def test_explicit_options_win_over_jekyll_config(build_site):
    config = "permalink: pretty\ntimezone: Europe/Berlin\nfuture: true\n"
    site = build_site(
        {**POSTS, "blog/posts/2099-01-01-later.md": post("title: Later")},
        plugin={"jekyll_config": "_config.yml", "post_url_format": "/wrote/{slug}/", "slug_case": "lower", "future": False},
        root_files={"_config.yml": config},
    )
    assert site.exists("wrote/hello-world/")
    assert not site.exists("wrote/later/")


def test_jekyll_config_future_and_excerpt_separator(build_site):
    config = "future: true\nexcerpt_separator: <!--cut-->\n"
    body = "First part.\n\nStill the excerpt.\n\n<!--cut-->\n\nAfter the cut.\n"
    site = build_site(
        {"blog/posts/2099-01-01-later.md": post("title: Later", body)},
        plugin={"jekyll_config": "_config.yml"},
        root_files={"_config.yml": config},
    )
    # Jekyll's default permalink is `date`: no categories, so `/2099/01/01/later.html`.
    assert site.exists("2099/01/01/later.html")
    summary = site.soup("2099/01/01/later.html").select_one('meta[name="description"]')["content"]
    assert summary == "First part. Still the excerpt."


@pytest.mark.parametrize(
    ("slug_case", "expected"),
    [("lower", "blog/hello-world/"), ("keep", "blog/Hello-World/")],
)
def test_slug_case(build_site, slug_case, expected):
    site = build_site({"blog/posts/2019-05-02-Hello-World.md": post("title: Hello")}, plugin={"slug_case": slug_case})
    assert site.exists(expected)


def test_slug_case_defaults_to_keep_with_jekyll_syntax(build_site):
    site = build_site({"blog/posts/2019-05-02-Hello-World.md": post("title: Hello")}, plugin={"post_url_format": "/:title/"})
    assert site.exists("Hello-World/")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"post_url_format": "/:year/:titel/"}, "Expected Jekyll's placeholders (:title, :year, :categories ...), but received: :titel"),
        ({"post_url_format": "/:year/{slug}/"}, "Expected either {tokens} or Jekyll's :placeholders, not both, but received: '/:year/{slug}/'"),
        ({"slug_case": "upper"}, "Expected one of: ('lower', 'keep') but received: 'upper'"),
    ],
)
def test_bad_url_options_are_config_errors(options, message):
    errors, _ = CtoblogPlugin().load_config(options)
    assert [str(e) for _, e in errors] == [message]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("timezone: Mars/Base\n", "'timezone' expected an IANA time zone name such as 'Europe/London', received 'Mars/Base'"),
        ("permalink: /:year/:nope/\n", "'permalink' expected Jekyll's placeholders, not :nope, received '/:year/:nope/'"),
        ("permalink: [a]\n", "'permalink' expected a style (none, date, ordinal, pretty, weekdate) or a pattern"),
        ("future: soon\n", "'future' expected true or false, received 'soon'"),
        ("title: [\n", "invalid YAML (line 2)"),
    ],
)
def test_bad_jekyll_config_is_a_config_error_naming_file_and_key(tmp_path, config, message):
    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    errors, _ = CtoblogPlugin().load_config({"jekyll_config": "_config.yml"}, str(tmp_path / "mkdocs.yml"))
    assert len(errors) == 1
    key, error = errors[0]
    assert key == "jekyll_config"
    assert str(tmp_path / "_config.yml") in str(error) and message in str(error)


def test_missing_jekyll_config_is_a_config_error(tmp_path):
    errors, _ = CtoblogPlugin().load_config({"jekyll_config": "nope.yml"}, str(tmp_path / "mkdocs.yml"))
    assert [key for key, _ in errors] == ["jekyll_config"]
    assert "nope.yml' isn't an existing file" in str(errors[0][1])


def test_front_matter_permalink_with_an_unknown_placeholder_warns(build_site, warnings_of):
    site = build_site({"blog/posts/2019-05-02-x.md": post("title: X\npermalink: /notes/:titel/")})
    assert site.exists("blog/x/")
    expected = (
        "blog/posts/2019-05-02-x.md: 'permalink' expected Jekyll's placeholders, not :titel, "
        "received '/notes/:titel/'; using post_url_format"
    )
    assert warnings_of() == [expected]


@pytest.mark.parametrize(
    ("text", "mode", "cased", "expected"),
    [
        # Jekyll 4.3 `Utils.slugify` (its own documented examples, and the posts above).
        ("The _config.yml file", "default", False, "the-config-yml-file"),
        ("The _config.yml file", "pretty", False, "the-_config.yml-file"),
        ("The _config.yml file", "pretty", True, "The-_config.yml-file"),
        ("Über Café (draft) +1", "pretty", True, "Über-Café-(draft)-+1"),
        ("--a--b--", "default", False, "a-b"),
    ],
)
def test_jekyll_slugify(text, mode, cased, expected):
    assert permalink.slugify(text, mode=mode, cased=cased) == expected


def test_expand_sanitizes_like_jekyll():
    facts = permalink.PostFacts(
        date=dt.datetime(2019, 5, 2, tzinfo=ZoneInfo("UTC")), basename="2019-05-02-x", slug="x", categories=(), path="/2019-05-02-x"
    )
    values = permalink.placeholders(facts)
    assert permalink.expand("/:categories/../:title/", values) == "/x/"
    assert permalink.expand("blog//:title", values) == "/blog/x"
    with pytest.raises(permalink.UnknownPlaceholder):
        permalink.expand("/:nope/", values)


def test_jekyll_posts_that_are_not_markdown_are_one_warning(build_site, warnings_of):
    build_site({
        "blog/posts/2020-01-01-kept.md": post("title: Kept"),
        "blog/posts/2020-01-02-page.html": post("title: HTML post", "<p>Hi</p>\n"),
        "blog/posts/2020-01-03-old.md.backup": post("title: Backup"),
        "blog/posts/2020-01-04-chart.png": b"\x89PNG\r\n\x1a\n",
    })
    assert warnings_of() == [
        (
            "2 Jekyll posts in posts_dir are not Markdown files, so MkDocs does not read them (first: "
            "blog/posts/2020-01-02-page.html, blog/posts/2020-01-03-old.md.backup): rename them to .md, or move the "
            "blog with 'ctoblog import-jekyll', which does"
        )
    ]
