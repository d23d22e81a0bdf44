"""`ctoblog import-jekyll` on a blog of another shape (tests/fixtures/jekyll-dated): Jekyll's
default `date` URLs with categories and `.html`, a `baseurl`, no `timezone`, a draft, a far
future post, a folder category, and two collection documents on one URL."""

from __future__ import annotations

import contextlib
import io
import posixpath
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from conftest import mkdocs_cli_build

from mkdocs_ctoblog.__main__ import main

FIXTURE = Path(__file__).parent / "fixtures" / "jekyll-dated"
# What Debian's Jekyll 4.3.1 publishes, on a machine in UTC (`benchmarks/jekyll_compare.py`):
PUBLISHED = {
    "ops/release notes/2021/05/01/late-evening.html": "Late evening",  # 23:30 -0700 on the 30th is the 1st in UTC
    "ops/2019/01/01/folder-category.html": "A post in a folder",
    "2021/06/01/tool-1-2-released.html": "Tool 1.2 released",
}
HIDDEN = ["2040/01/01/far-future.html", "2020/06/01/unpublished.html", "blog/work-in-progress/", "2020/07/01/notes-without-a-dash.html"]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("import-dated")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["import-jekyll", str(FIXTURE), str(root / "project")]) == 0
    return root / "project", mkdocs_cli_build(root / "project" / "mkdocs.yml", root / "site")


def page(site: Path, url: str) -> BeautifulSoup:
    target = site / url / "index.html" if url.endswith("/") else site / url
    return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")


def test_posts_at_jekylls_urls_hidden_ones_not_built(imported) -> None:
    _, site = imported
    for url, title in PUBLISHED.items():
        assert page(site, url).select_one("article h1").get_text(strip=True) == title
    for url in HIDDEN:
        assert not (site / url).exists(), url


def test_of_two_documents_on_one_url_the_later_keeps_it(imported) -> None:
    _, site = imported
    assert "Slides, revised." in page(site, "scaling-teams/").select_one("article").get_text()
    assert "Slides." in page(site, "scaling-teams-2/").select_one("article").get_text()


def test_liquid_translated_highlight_is_code_links_resolve(imported) -> None:
    _, site = imported
    url = "ops/release notes/2021/05/01/late-evening.html"
    article = page(site, url).select_one("article")
    assert any('puts "{{ not liquid }}"' in pre.get_text() for pre in article.select("pre"))  # {% highlight %}
    body = [e for e in article.select("a[href], img[src]") if not e.find_parent(["header", "section"])]  # not the blocks
    targets = [e.get("href") or e.get("src") for e in body]
    resolved = {posixpath.normpath(posixpath.join(posixpath.dirname(url), unquote(t))) for t in targets}
    assert resolved == {"ops/2019/01/01/folder-category.html", "assets/img/chart.png"}
    for element in article.select("pre, code"):
        element.decompose()
    assert "{{" not in article.get_text() and "{%" not in article.get_text()
    assert "Dated Notes keeps" in article.get_text()
    folder = page(site, "ops/2019/01/01/folder-category.html").select_one("article")
    hrefs = {a.get_text(): a["href"] for a in folder.select("a[href]") if not a.find_parent(["header", "section"])}
    assert hrefs == {"the talks": "../../../../scaling-teams/", "sitemap": "../../../../sitemap.xml"}
    assert folder.select_one("p.note") is not None  # a static include, inlined


def test_assign_and_outputs_read_site_data_as_jekyll_did(imported) -> None:
    _, site = imported
    article = page(site, "2021/06/01/tool-1-2-released.html").select_one("article")
    assert article.select_one("a[href='https://downloads.example/tool-1.2.0.tar.gz']").get_text() == "download it"
    items = [li.get_text(strip=True) for li in article.select("li") if not li.find_parent("section")]
    assert items == ["SHA256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "Not in the data:"]
    assert "{{" not in article.get_text() and "{%" not in article.get_text()


def test_report_and_project(imported) -> None:
    project, _ = imported
    report = (project / "import-report.txt").read_text(encoding="utf-8")
    assert "time zone: UTC (_config.yml sets no 'timezone', so Jekyll used the zone of the machine" in report
    assert "2021-04-30T23:30:00-07:00  /ops/release notes/2021/05/01/late-evening.html  blog/posts/2021-04-30-late-evening.md" in report
    assert "/scaling-teams/: talks/2019-05-01-scaling-teams.md keeps it, talks/2018-05-01-scaling-teams.md is now at /scaling-teams-2/" in report
    assert "Missing images and broken links" not in report  # /notes/sitemap.xml is the new theme's
    assert "folder-category.html  blog" not in report  # an `.html` ending is not a dot kept in a slug
    assert "    timezone: UTC\n" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "release.sha512" not in report  # the release has no such key: it prints nothing, as in Jekyll
    assert "assign:" not in report
    assert "feed.xml: a Liquid template of the theme" in report
    assert "_posts/2020-07-01_notes-without-a-dash.md: in _posts without a YYYY-MM-DD- name: Jekyll does not publish it" in report  # it loops over posts: ctoblog writes feeds


def test_a_liquid_text_file_is_written_translated(imported) -> None:
    project, site = imported
    assert (site / "robots.txt").read_text(encoding="utf-8") == "Sitemap: https://notes.example/notes/sitemap.xml\n"  # as Jekyll writes it
    assert not (project / "docs" / "feed.xml").exists()


def test_without_config_the_cname_file_gives_site_url_and_date_urls(tmp_path: Path) -> None:
    source = tmp_path / "old"
    (source / "_posts").mkdir(parents=True)
    (source / "CNAME").write_text("blog.example.org\n", encoding="utf-8")
    (source / "_posts" / "2010-05-11-tomdoc.md").write_text("---\ntitle: TomDoc\n---\nText.\n", encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["import-jekyll", str(source), str(tmp_path / "project")]) == 0
    assert "site_url: https://blog.example.org/\n" in (tmp_path / "project" / "mkdocs.yml").read_text(encoding="utf-8")
    site = mkdocs_cli_build(tmp_path / "project" / "mkdocs.yml", tmp_path / "site")  # --strict: no site_url warning
    assert page(site, "2010/05/11/tomdoc.html").select_one("article h1").get_text(strip=True) == "TomDoc"
    assert (site / "CNAME").is_file()


def test_the_old_feed_urls_are_kept_under_the_sub_path(imported) -> None:
    """jekyll-feed wrote /notes/atom.xml (`feed: path: /atom.xml`), the feed.xml template
    /notes/feed.xml: the blog's Atom feed is at both, each with its own self link."""
    import feedparser

    project, site = imported
    report = (project / "import-report.txt").read_text(encoding="utf-8")
    assert "  feed URL kept: /atom.xml: jekyll-feed's Atom feed, now the blog's (feeds.also_at in mkdocs.yml)\n" in report
    main = feedparser.parse((site / "blog/atom.xml").read_bytes())
    for path in ("atom.xml", "feed.xml"):
        old = feedparser.parse((site / path).read_bytes())
        assert not old.bozo and old.version == "atom10"
        assert [e.id for e in old.entries] == [e.id for e in main.entries] and len(old.entries) == 3
        assert [link.href for link in old.feed.links if link.rel == "self"] == [f"https://notes.example/notes/{path}"]


def test_redirects_to_a_taken_path_are_left_out_and_reported(tmp_path: Path) -> None:
    """Two pages redirecting from one old path (the later written keeps it, as Jekyll served it), a
    redirect from a post's own URL and from a copied file's: the project still builds with --strict."""
    source = tmp_path / "old"
    (source / "_posts").mkdir(parents=True)
    (source / "world" / "2024").mkdir(parents=True)
    (source / "world" / "2025").mkdir(parents=True)
    (source / "_config.yml").write_text("url: https://ex.example\npermalink: /:title/\n", encoding="utf-8")
    (source / "_posts" / "2020-01-02-hello.md").write_text(
        "---\ntitle: Hello\nredirect_from: [/old-hello/, /about/]\n---\nText.\n", encoding="utf-8")
    for year in ("2024", "2025"):
        (source / "world" / year / "conduct.md").write_text(
            f"---\ntitle: Conduct {year}\nredirect_from: /world/conduct\n---\nBe kind.\n", encoding="utf-8")
    (source / "about.md").write_text("---\ntitle: About\npermalink: /about/\nredirect_from:\n  - /hello/\n  - /me/\n"
                                     "  - /logo.png\n---\nMe.\n", encoding="utf-8")
    (source / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["import-jekyll", str(source), str(tmp_path / "project")]) == 0
    site = mkdocs_cli_build(tmp_path / "project" / "mkdocs.yml", tmp_path / "site")
    redirect = page(site, "world/conduct/").find("link", rel="canonical")
    assert redirect is not None and redirect["href"].endswith("/world/2025/conduct/")
    assert page(site, "me/").find("link", rel="canonical")["href"].endswith("/about/")
    assert page(site, "old-hello/").find("link", rel="canonical")["href"].endswith("/hello/")
    assert page(site, "hello/").select_one("article h1").get_text(strip=True) == "Hello"
    assert page(site, "about/").select_one("article h1").get_text(strip=True) == "About"
    assert (site / "logo.png").read_bytes() == b"\x89PNG\r\n\x1a\n"
    report = out.getvalue()
    assert "/world/conduct: left out of world/2024/conduct.md, world/2025/conduct.md has it" in report
    assert "/hello/: left out of about.md, blog/posts/2020-01-02-hello.md has it" in report
    assert "/about/: left out of blog/posts/2020-01-02-hello.md, about.md has it" in report
    assert "/logo.png: left out of about.md, logo.png has it" in report


def test_jekyll_bootstraps_production_url_gives_site_url(tmp_path: Path) -> None:
    source = tmp_path / "old"
    (source / "_posts").mkdir(parents=True)
    (source / "_config.yml").write_text("title: Old\nproduction_url : http://old.example.org\n", encoding="utf-8")
    (source / "CNAME").write_text("other.example.org\n", encoding="utf-8")
    (source / "_posts" / "2013-02-01-hello.md").write_text("---\ntitle: Hello\n---\nText.\n", encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["import-jekyll", str(source), str(tmp_path / "project")]) == 0
    assert "site_url: http://old.example.org/\n" in (tmp_path / "project" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: http://old.example.org/ from _config.yml's 'production_url'" in out.getvalue()
    site = mkdocs_cli_build(tmp_path / "project" / "mkdocs.yml", tmp_path / "site")  # --strict: no site_url warning
    assert (site / "blog" / "feed.xml").is_file()


def test_a_chirpy_blog_media_subpath_and_theme_keys_material_reads_otherwise(tmp_path: Path) -> None:
    """Chirpy: relative images (cover and body) below `media_subpath`, tabs with Font Awesome `icon`s,
    a theme's `hide: true`: the project builds with --strict and every image shows."""
    source = tmp_path / "old"
    write = {
        "_config.yml": "url: https://chirpy.example\npermalink: /posts/:title/\n"
                       "collections:\n  tabs:\n    output: true\n    permalink: /:title/\n",
        "_posts/2024-09-03-radio.md": "---\ntitle: Radio\nmedia_subpath: /assets/img/2024/09/\nimage:\n  path: cover.png\n"
                                      "  alt: A wire\n---\nFirst.\n\n![Cord](cord.png)\n\n```\n![not](code.png)\n```\n",
        "_posts/2024-08-01-old-style.md": "---\ntitle: Old style\nimg_path: assets/img/old\nimage: top.png\n---\nText.\n",
        "_tabs/about.md": "---\nlayout: page\ntitle: About\nicon: fas fa-info-circle\norder: 4\n---\nMe.\n",
        "hidden.md": "---\ntitle: Hidden\nhide: true\npermalink: /hidden/\n---\nHi.\n",
        "assets/img/2024/09/cover.png": "",
        "assets/img/2024/09/cord.png": "",
        "assets/img/old/top.png": "",
    }
    for rel, text in write.items():
        (source / rel).parent.mkdir(parents=True, exist_ok=True)
        (source / rel).write_text(text, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["import-jekyll", str(source), str(tmp_path / "project")]) == 0
    site = mkdocs_cli_build(tmp_path / "project" / "mkdocs.yml", tmp_path / "site")
    radio = page(site, "posts/radio/")
    for img in radio.select("article img"):
        assert (site / "posts" / "radio" / img["src"]).resolve().is_file(), img["src"]
    assert {img["alt"] for img in radio.select("article img")} >= {"A wire", "Cord"}
    assert "![not](code.png)" in radio.select_one("article pre").get_text()
    cover = page(site, "posts/old-style/").select_one("article img")
    assert (site / "posts" / "old-style" / cover["src"]).resolve() == (site / "assets/img/old/top.png").resolve()
    assert page(site, "hidden/").select_one("article h1").get_text(strip=True) == "Hidden"
    assert page(site, "about/").select_one("article h1").get_text(strip=True) == "About"
    report = (tmp_path / "project" / "import-report.txt").read_text(encoding="utf-8")
    assert "'icon': 'fas fa-info-circle' is not what Material reads there" in report and "kept as 'jekyll_icon'" in report
    assert "'hide': True is not what Material reads there" in report


def test_a_link_to_the_404_page_without_its_ending_finds_the_themes(tmp_path: Path) -> None:
    source = tmp_path / "old"
    (source / "_posts").mkdir(parents=True)
    (source / "_config.yml").write_text("url: https://ex.example\n", encoding="utf-8")
    (source / "_posts" / "2020-04-03-hello.md").write_text(
        "---\ntitle: Hello\n---\nSee [the 404 page](/404) and [nothing](/nothing).\n", encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["import-jekyll", str(source), str(tmp_path / "project")]) == 0
    report = (tmp_path / "project" / "import-report.txt").read_text(encoding="utf-8")
    assert "blog/posts/2020-04-03-hello.md: /nothing" in report and ": /404" not in report
    doc = tmp_path / "project" / "docs" / "blog" / "posts" / "2020-04-03-hello.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace(" and [nothing](/nothing)", ""), encoding="utf-8")
    site = mkdocs_cli_build(tmp_path / "project" / "mkdocs.yml", tmp_path / "site")
    post = site / "2020" / "04" / "03" / "hello.html"  # Jekyll's default `date` permalink
    link = BeautifulSoup(post.read_text(encoding="utf-8"), "html.parser").find("a", string="the 404 page")
    assert (post.parent / link["href"]).resolve() == (site / "404.html").resolve()
