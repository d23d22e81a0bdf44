"""`mkdocs_ctoblog.jekyll.site_config`: each `_config.yml` key, Jekyll's defaults, bad values."""

from __future__ import annotations

import textwrap

import pytest

from mkdocs_ctoblog.jekyll.site_config import SiteConfigError, read_site_config

FULL = """
    source: src
    permalink: pretty
    collections:
      posts:
        permalink: /wrote/:title/
    timezone: Europe/Berlin
    url: https://example.com
    baseurl: /blog/
    title: Fractional CTO
    description: Notes on engineering leadership
    author: {name: Ann Example, email: ann@example.com}
    excerpt_separator: <!--more-->
    future: true
    paginate: 5
    paginate_path: /posts/page:num/
    exclude: [Gemfile, vendor]
    include: [_redirects]
"""


def read(tmp_path, text):
    path = tmp_path / "_config.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return read_site_config(str(path))


def test_every_key_is_read(tmp_path):
    site = read(tmp_path, FULL)
    assert site.problems == ()
    assert site.source == str(tmp_path / "src")
    assert site.permalink == "pretty"
    assert site.posts_permalink == "/wrote/:title/"
    assert site.post_permalink == "/wrote/:title/"
    assert site.timezone == "Europe/Berlin"
    assert site.url == "https://example.com"
    assert site.baseurl == "/blog"
    assert site.title == "Fractional CTO"
    assert site.description == "Notes on engineering leadership"
    assert site.author == {"name": "Ann Example", "email": "ann@example.com"}
    assert site.excerpt_separator == "<!--more-->"
    assert site.future is True
    assert site.paginate == 5
    assert site.paginate_path == "/posts/page:num/"
    assert site.exclude == ("Gemfile", "vendor")
    assert site.include == ("_redirects",)


def test_jekyll_defaults_when_keys_are_missing(tmp_path):
    site = read(tmp_path, "title: Blog\n")
    assert site.source == str(tmp_path)
    assert site.permalink == "date"
    assert site.post_permalink == "/:categories/:year/:month/:day/:title:output_ext"
    assert (site.timezone, site.url, site.baseurl, site.author) == (None, None, "", None)
    assert site.excerpt_separator == "\n\n"
    assert (site.future, site.paginate) == (False, None)
    assert site.include == (".htaccess",)


def test_an_empty_file_is_all_defaults(tmp_path):
    assert read(tmp_path, "").permalink == "date"


@pytest.mark.parametrize(
    ("style", "template"),
    [
        ("none", "/:categories/:title:output_ext"),
        ("ordinal", "/:categories/:year/:y_day/:title:output_ext"),
        ("weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext"),
        ("/:year/:title", "/:year/:title"),
    ],
)
def test_permalink_style_gives_the_posts_template(tmp_path, style, template):
    assert read(tmp_path, f"permalink: {style}\n").post_permalink == template


# Recorded from Debian's jekyll 4.3.1 with this `defaults:` (and permalink: pretty, collections.posts.permalink:
# /c/:title/): posts in _posts/ were written to /d/<title>/ with layout post, comments true and no author;
# _posts/sub/2020-02-29-… to /sub/Custom-Slug_Here/ with layout post, comments true, author Ann.
DEFAULTS = """
    permalink: pretty
    collections:
      posts:
        permalink: /c/:title/
    defaults:
      - scope: {path: "", type: posts}
        values: {permalink: "/d/:title/", layout: post, comments: true}
      - scope: {path: "_posts/sub", type: posts}
        values: {permalink: "/sub/:title/", author: Ann}
      - scope: {path: "_posts/sub"}
        values: {layout: wide}
"""


def test_front_matter_defaults_merge_as_jekyll_merges_them(tmp_path):
    site = read(tmp_path, DEFAULTS)
    assert site.post_permalink == "/d/:title/"
    assert site.defaults_for("_posts/2019-05-02-Hello-World.md", "posts") == {
        "permalink": "/d/:title/", "layout": "post", "comments": True
    }
    assert site.defaults_for("_posts/sub/2020-02-29-x.md", "posts") == {
        "permalink": "/sub/:title/", "layout": "post", "comments": True, "author": "Ann"
    }
    assert site.defaults_for("_posts/sub/about.md", "pages") == {"layout": "wide"}


def test_glob_scope_and_deprecated_type_names(tmp_path):
    site = read(tmp_path, 'defaults:\n  - scope: {path: "_posts/*/2020", type: post}\n    values: {layout: y}\n')
    assert site.defaults_for("_posts/a/2020/x.md", "posts") == {"layout": "y"}
    assert site.defaults_for("_posts/a/2019/x.md", "posts") == {}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("timezone: Mars/Base\n", "'timezone' expected an IANA time zone name such as 'Europe/London', received 'Mars/Base'"),
        ("future: maybe\n", "'future' expected true or false, received 'maybe'"),
        ("paginate: -1\n", "'paginate' expected a whole number of posts per page, received -1"),
        ("exclude: Gemfile\n", "'exclude' expected a list of file or folder names, received 'Gemfile'"),
        ("excerpt_separator: [1]\n", "'excerpt_separator' expected text such as '<!--more-->', received [1]"),
        ("collections: {posts: {permalink: '/:nope/'}}\n", "'collections.posts.permalink' expected Jekyll's placeholders, not :nope"),
        ("title: [a]\n", "'title' expected text, received ['a']"),
        ("defaults: [{values: 1}]\n", "'defaults' expected {scope: {path, type}, values: {...}}"),
    ],
)
def test_a_bad_value_is_one_problem_line_and_the_default(tmp_path, text, problem):
    site = read(tmp_path, text)
    assert len(site.problems) == 1
    assert site.problems[0].startswith(str(tmp_path / "_config.yml") + ": ")
    assert problem in site.problems[0]
    assert site.problems[0].endswith("; using Jekyll's default")


@pytest.mark.parametrize(("text", "message"), [("a: [\n", "invalid YAML (line 2)"), ("- a\n", "expected a mapping of settings, received list")])
def test_unreadable_config_raises_one_line(tmp_path, text, message):
    with pytest.raises(SiteConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read(tmp_path, text)


def test_missing_file_raises(tmp_path):
    with pytest.raises(SiteConfigError, match="cannot read the file"):
        read_site_config(str(tmp_path / "nope.yml"))
