"""`ctoblog import-jekyll`: a small Jekyll blog (tests/fixtures/jekyll-blog) imported, built with
`mkdocs build --strict`, and every post found at the URL Jekyll gives it."""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import mkdocs_cli_build

from mkdocs_ctoblog.__main__ import main
from mkdocs_ctoblog.jekyll.importer import import_jekyll

FIXTURE = Path(__file__).parent / "fixtures" / "jekyll-blog"
PUBLISHED = {  # what Debian's Jekyll 4.3.1 publishes, at these URLs (collections.posts.permalink: /wrote/:title/)
    "wrote/Why-We-Left-Kubernetes/": "Why We Left Kubernetes",
    "wrote/on_call_rotations/": "On-call rotations for teams of four",
    "wrote/Hiring-Your-First-CTO/": "Hiring your first CTO",
    "wrote/weekly-notes/": "Weekly notes, January 17",  # Jekyll wrote both there; the later won
}
HIDDEN = ["wrote/someday-a-book/", "wrote/pricing-retainers/", "wrote/old-announcement/", "wrote/notes-on-estimates/"]


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(str(path.relative_to(root)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The fixture imported (once) and built with `mkdocs build --strict`; and the printed report."""
    import contextlib
    import io

    root = tmp_path_factory.mktemp("import")
    before = tree_hash(FIXTURE)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["import-jekyll", str(FIXTURE), str(root / "project")]) == 0
    assert tree_hash(FIXTURE) == before, "the import changed the Jekyll site"
    site = mkdocs_cli_build(root / "project" / "mkdocs.yml", root / "site")
    return root / "project", site, out.getvalue()


def page(site: Path, url: str) -> BeautifulSoup:
    target = site / url / "index.html" if url.endswith("/") or not url else site / url
    return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")


def test_every_published_post_is_at_its_jekyll_url_and_hidden_ones_are_not_built(imported) -> None:
    _, site, _ = imported
    for url, title in PUBLISHED.items():
        assert page(site, url).select_one("article h1").get_text(strip=True) == title, url
    # Jekyll served one of two posts on /wrote/weekly-notes/; the import keeps the other too
    assert page(site, "wrote/weekly-notes-2/").select_one("article h1").get_text(strip=True) == "Weekly notes, January 10"
    for url in HIDDEN:
        assert not (site / url).exists(), url
    assert page(site, "about/").select_one("article img") is not None
    assert (site / "services.html").is_file()
    assert page(site, "talks/scaling-teams/").select_one("article a[href='../../wrote/Hiring-Your-First-CTO/']")


def test_posts_show_no_liquid_outside_code_and_highlight_is_code(imported) -> None:
    _, site, _ = imported
    for url in [*PUBLISHED, "wrote/weekly-notes-2/", "about/", "services.html", ""]:
        article = page(site, url).select_one("article")
        code = [c.get_text() for c in article.select("pre, code")]
        for element in article.select("pre, code"):
            element.decompose()
        assert "{%" not in article.get_text() and "{{" not in article.get_text(), url
        if url == "wrote/Why-We-Left-Kubernetes/":
            assert any('image: "{{ registry }}/api:latest"' in text for text in code)
            assert any("{% if user %}Hello{% endif %}" in text for text in code)  # raw markers gone, code kept


def test_body_links_and_images_resolve(imported) -> None:
    _, site, _ = imported
    for url in PUBLISHED:
        for element in page(site, url).select("article a[href], article img[src]"):
            target = element.get("href") or element.get("src")
            if target.startswith(("http", "#", "mailto:")) or "headerlink" in element.get("class", []):
                continue
            resolved = posixpath.normpath(posixpath.join(url, target.split("#")[0]))
            path = site / resolved
            assert path.is_file() or (path / "index.html").is_file(), f"{url}: {target}"
    links = [a["href"] for a in page(site, "wrote/Why-We-Left-Kubernetes/").select("article a[href]")]
    assert "../on_call_rotations/" in links and "../../assets/files/first-week.txt" in links


def test_the_project_and_the_report(imported) -> None:
    project, _, printed = imported
    report = (project / "import-report.txt").read_text(encoding="utf-8")
    assert "posts published: 5" in report and "parked (dated more than a year ahead" in report
    assert "2099-01-01  blog/posts/2099-01-01-someday-a-book.md" in report
    assert "2027-02-01 00:00 +0100  blog/posts/2027-02-01-pricing-retainers.md" in report
    assert "blog/posts/2020-01-17-weekly-notes.md keeps it, blog/posts/2020-01-10-weekly-notes.md is now at /wrote/weekly-notes-2/" in report
    assert "gist: 1 in 1 file (blog/posts/2021-03-14-Why-We-Left-Kubernetes.md)" in report
    assert "include card.html: 1 in 1 file (" in report  # an include with parameters is not static
    assert "blog/posts/2023-04-02-Hiring-Your-First-CTO.md: call to action" in report
    assert "feed.xml: a Liquid template" in report and "your _config.yml had disqus" in report
    assert "404.md: a 404 page: the theme's is used" in report
    assert "1 post or page said 'comments: true' (left out until then)" in report
    assert printed.startswith("Imported ") and "import-report.txt" in printed
    notes = (project / "docs/blog/posts/2020-01-10-weekly-notes.md").read_text(encoding="utf-8")
    assert "image:\n  path: /assets/img/Team-Chart.png\n" in notes  # a theme's {feature: ...} cover
    parked = (project / "docs/blog/posts/2099-01-01-someday-a-book.md").read_text(encoding="utf-8")
    assert "draft: true" in parked
    kubernetes = (project / "docs/blog/posts/2021-03-14-Why-We-Left-Kubernetes.md").read_text(encoding="utf-8")
    assert "<!-- {% gist 5f1a9c %} -->" in kubernetes and '<p class="note">' in kubernetes


@pytest.mark.parametrize(
    ("posts", "expected"),
    [
        (1, ["gist: 1 in 1 file (", "1 post or page said 'comments: true'"]),
        (2, ["gist: 2 in 2 files (", "2 posts and pages said 'comments: true'"]),
    ],
)
def test_report_counts_agree_with_their_nouns(tmp_path: Path, posts: int, expected: list[str]) -> None:
    source = tmp_path / "old"
    (source / "_posts").mkdir(parents=True)
    (source / "_config.yml").write_text("title: Small\n", encoding="utf-8")
    for day in range(1, posts + 1):
        (source / f"_posts/2020-01-0{day}-note.md").write_text(
            f"---\ntitle: Note {day}\ncomments: true\n---\nText.\n\n{{% gist {day} %}}\n", encoding="utf-8"
        )
    report = import_jekyll(str(source), str(tmp_path / "new")).text()
    assert f"posts published: {posts}" in report
    for line in expected:
        assert line in report
    assert not re.search(r"\b1 (posts|files|pages)\b", report)


def test_the_destination_must_be_new_or_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "kept.txt").write_text("mine", encoding="utf-8")
    assert main(["import-jekyll", str(FIXTURE), str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"ctoblog import-jekyll: {tmp_path}: expected a new or empty folder\n"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.txt"]


def test_theme_tags_translated_with_a_tags_file(tmp_path: Path) -> None:
    tags = tmp_path / "tags.yml"
    tags.write_text("gist: '[Gist {{ args[0] }}](https://gist.github.com/{{ args[0] }})'\n", encoding="utf-8")
    assert main(["import-jekyll", "--tags", str(tags), str(FIXTURE), str(tmp_path / "project")]) == 0
    post = (tmp_path / "project/docs/blog/posts/2021-03-14-Why-We-Left-Kubernetes.md").read_text(encoding="utf-8")
    assert "[Gist 5f1a9c](https://gist.github.com/5f1a9c)" in post and "gist:" not in (tmp_path / "project/import-report.txt").read_text()
    tags.write_text("gist: '{% if %}'\n", encoding="utf-8")
    assert main(["import-jekyll", "--tags", str(tags), str(FIXTURE), str(tmp_path / "other")]) == 2


def test_the_old_feed_url_is_kept(imported) -> None:
    """The fixture's feed.xml template (jekyll-feed, also listed, leaves it alone) wrote Atom at
    /feed.xml: the blog's Atom feed is written there too."""
    import feedparser
    import yaml

    project, site, printed = imported
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"][1]["ctoblog"]["feeds"] == {"also_at": {"/feed.xml": "atom"}}
    assert "  feed URL kept: /feed.xml: the Atom feed of the template feed.xml, now the blog's (feeds.also_at in mkdocs.yml)\n" in printed
    assert "Missing images and broken links" not in printed and "validation" not in config  # /feed.xml is not broken
    old, main = (feedparser.parse((site / path).read_bytes()) for path in ("feed.xml", "blog/atom.xml"))
    assert not old.bozo and old.version == "atom10"
    assert [e.link for e in old.entries] == [e.link for e in main.entries] and len(old.entries) == 5
    assert [link.href for link in old.feed.links if link.rel == "self"] == ["https://steadystate.example/feed.xml"]
    feed_link = page(site, "wrote/weekly-notes/").select_one("article a[href$='feed.xml']")  # a body link to it
    assert feed_link["href"] == "../../feed.xml"


def test_pages_follow_the_readers_light_or_dark_setting(imported) -> None:
    _, site, _ = imported
    schemes = {
        toggle["data-md-color-media"]: toggle["data-md-color-scheme"]
        for toggle in page(site, "wrote/weekly-notes/").select("input[data-md-color-media]")
    }
    assert schemes == {"(prefers-color-scheme: light)": "default", "(prefers-color-scheme: dark)": "slate"}
