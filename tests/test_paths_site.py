"""Output paths: nothing written outside site_dir, no page silently replaced, nothing lost silently."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import post, write_tree
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort

from mkdocs_ctoblog import outpaths
from mkdocs_ctoblog.plugin import CtoblogPlugin
from mkdocs_ctoblog.urlmap import PathCollision, UnsafeOutput, UrlMap

DEEP_SITE = "/".join(["deep"] * 12) + "/site"  # so a `..` that escaped would still land inside tmp_path


def files_outside_site(tmp_path: Path) -> set[str]:
    """Every file under tmp_path that is not in a site folder, mkdocs.yml or docs/."""
    found = set()
    for path in tmp_path.rglob("*"):
        rel = path.relative_to(tmp_path).as_posix()
        parts = rel.split("/")
        if path.is_dir() or parts[1:2] in (["docs"], ["mkdocs.yml"]) or rel.split("/", 1)[-1].startswith(DEEP_SITE + "/"):
            continue
        found.add(rel)
    return found


def assert_docs_unchanged(site_root: Path, docs: dict[str, str]) -> None:
    on_disk = {p.relative_to(site_root / "docs").as_posix(): p.read_text("utf-8") for p in (site_root / "docs").rglob("*") if p.is_file()}
    expected = {"index.md": "# Home\n", **{k: textwrap.dedent(v).lstrip("\n") for k, v in docs.items()}}
    assert on_disk == expected


def errors_of(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]


# -- the guard itself ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected", "above_root"),
    [
        ("/%2e%2e/%2e%2e/baddie.html", "baddie.html", True),
        ("../../../../x", "x", True),
        ("..\\..\\x", "x", True),
        ("%5C..%5C..%5Cx", "x", True),
        ("%2E%2e%2Fx", "x", True),
        ("．．/．．/x", "x", True),  # full-width dots
        ("‥/x", "x", True),  # two-dot leader
        (".. /.. /x", "x", True),  # trailing space, as Windows drops it
        ("a/../../x", "x", True),
        ("....//x", "x", False),
        ("a/b/../c", "a/c", False),
        ("a/./b//c/", "a/b/c", False),
        ("blog/x./", "blog/x", False),
        ("a%2Fb", "a/b", False),
        ("a%252e%252e/x", "a%2e%2e/x", False),  # decoded once, as browsers do
    ],
)
def test_normalise_resolves_parents_the_way_browsers_and_windows_do(path, expected, above_root):
    found = outpaths.normalise(path, url=True)
    assert (found.path, found.above_root) == (expected, above_root)


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("C:\\x", "drive letter"),
        ("/c:/x/", "drive letter"),
        ("a/%00b", "control character"),
        ("a/\x00b", "control character"),
        ("a/\x1fb", "control character"),
        ("/a%3Fb/", "'?'"),
        ("/%ff/", "not UTF-8"),
        ("/\udcff/", "lone surrogate"),
        ("/a<b>/", "'<'"),
        ("/x/ab:c/", "':'"),
        ("/a%23b/", "'#'"),
        ("/" + "a" * 256 + "/", "longer than 255 bytes"),
        ("/" + "é" * 128 + "/", "longer than 255 bytes"),
        ("/".join(["abcdefgh"] * 200), "longer than 1024 bytes"),
    ],
)
def test_what_cannot_be_made_safe_is_refused(path, reason):
    with pytest.raises(outpaths.UnsafePath, match=reason):
        outpaths.normalise(path, url=True)


def test_site_file_refuses_paths_out_of_the_site(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "outside").mkdir()
    os.symlink(tmp_path / "outside", tmp_path / "site" / "link")
    assert outpaths.site_file(str(tmp_path / "site"), "blog/feed.xml") == str(tmp_path / "site" / "blog" / "feed.xml")
    for bad in ("../x", "link/feed.xml", "", "C:/x"):
        with pytest.raises(outpaths.UnsafePath):
            outpaths.site_file(str(tmp_path / "site"), bad)


def test_url_map_compares_normalised_case_folded_paths():
    url_map = UrlMap()
    url_map.reserve("about/index.html", "the page 'about.md'")
    url_map.reserve("ABOUT/index.html", "the page 'ABOUT.md'")  # others' clashes are MkDocs' business
    assert url_map.claim("/blog/x/", "'a.md'") == "blog/x/index.html"
    assert url_map.owner("Blog/X/index.html") == "'a.md'"
    for path in ("blog/x/index.html", "/Blog/X/", "blog/./x/", "blog\\x\\index.html", "blog/x/index.html/y", "blog"):
        with pytest.raises(PathCollision, match="'a.md' and 'b.md'"):
            url_map.claim(path, "'b.md'")
    with pytest.raises(PathCollision, match="the page 'about.md' and 'c.md'"):
        url_map.claim("About/", "'c.md'")
    with pytest.raises(UnsafeOutput, match="leaves the site folder"):
        url_map.claim("../x", "'d.md'")
    url_map.claim("blog/y/", "'e.md'")
    url_map.claim("caf\u00e9/", "'nfc.md'")
    with pytest.raises(PathCollision, match="'nfc.md' and 'nfd.md'"):
        url_map.claim("cafe\u0301/", "'nfd.md'")
    assert url_map.owner("blog/z/") is None


# -- posts whose URL leaves the site ------------------------------------------------------


@pytest.mark.parametrize(
    ("permalink", "url"),
    [
        ("../../../../x", "x/"),
        ("../docs/planted.html", "docs/planted.html"),
        ("/%2e%2e/%2e%2e/baddie.html", "baddie.html"),
        ("..\\..\\..\\win", "win/"),
        ("%5C..%5C..%5Cwin2/", "win2/"),
        ("/．．/．．/full-width/", "full-width/"),
        ("/.. /.. /spaces/", "spaces/"),
        ("/%2E%2E%2F%2E%2E%2Fslashes/", "slashes/"),
    ],
)
def test_a_permalink_above_the_root_is_clamped_with_one_warning(build_site, warnings_of, tmp_path, permalink, url):
    docs = {"blog/posts/2023-01-01-escape.md": post(f"title: Escape\npermalink: '{permalink}'")}
    site = build_site(docs, site_dir=DEEP_SITE)
    assert site.exists(url)
    assert "Escape" in site.soup(url).select_one("h1").get_text()
    matching = [w for w in warnings_of() if w.startswith("blog/posts/2023-01-01-escape.md: 'permalink'")]
    assert len(matching) == 1 and "'..' is dropped" in matching[0], warnings_of()
    assert files_outside_site(tmp_path) == set()
    assert_docs_unchanged(site.root, docs)
    with pytest.raises(Abort):
        build_site(docs, site_dir=DEEP_SITE, strict=True)


@pytest.mark.parametrize(
    ("permalink", "reason"),
    [
        ("C:\\x", "contains a drive letter"),
        ("/blog/c:/x/", "contains a drive letter"),
        ("/a/%00b/", "contains a control character"),
        ("/" + "long" * 70 + "/", "longer than 255 bytes"),
    ],
)
def test_a_permalink_that_cannot_be_made_safe_leaves_the_post_out(build_site, warnings_of, tmp_path, permalink, reason):
    docs = {
        "blog/posts/2023-01-01-unsafe.md": post(f"title: Unsafe\npermalink: '{permalink}'"),
        "blog/posts/2023-01-02-fine.md": post("title: Fine"),
    }
    site = build_site(docs, site_dir=DEEP_SITE)
    assert [a.get_text() for a in site.soup("blog/").select(".ctoblog-card__link")] == ["Fine"]
    matching = [w for w in warnings_of() if w.startswith("blog/posts/2023-01-01-unsafe.md: 'permalink'")]
    assert len(matching) == 1 and reason in matching[0] and "the post is left out" in matching[0], warnings_of()
    assert files_outside_site(tmp_path) == set()


def test_names_too_long_for_a_file_name_are_cut_with_a_warning(build_site, warnings_of):
    long_name = "word " * 60
    site = build_site({"blog/posts/2023-01-01-x.md": post(f"title: T\nslug: {long_name}\ncategories: ['{long_name}']")})
    hrefs = [a["href"] for a in site.soup("blog/").select(".ctoblog-card__link")]
    assert len(hrefs) == 1 and len(hrefs[0].strip("/").split("/")[-1]) <= 240
    assert site.exists("blog/" + hrefs[0])
    lines = warnings_of()
    assert sum(w.startswith("blog/posts/2023-01-01-x.md: 'slug' expected at most 240 characters") for w in lines) == 1, lines
    assert sum(w.startswith("blog/posts/2023-01-01-x.md: 'categories' expected a name of at most 240") for w in lines) == 1


# -- config values that leave the site -----------------------------------------------------


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ({"blog_dir": "../outside"}, "blog_dir"),
        ({"blog_dir": "blog/../../x"}, "blog_dir"),
        ({"blog_dir": "%2e%2e/x"}, "blog_dir"),
        ({"blog_dir": "..\\x"}, "blog_dir"),
        ({"blog_dir": "C:\\x"}, "blog_dir"),
        ({"post_url_format": "../../x/{slug}"}, "post_url_format"),
        ({"post_url_format": "/../{slug}"}, "post_url_format"),
        ({"posts_dir": "../posts"}, "posts_dir"),
        ({"authors_file": "../../etc/passwd"}, "authors_file"),
        ({"authors_file": "{blog_dir}/../../a.yml"}, "authors_file"),
    ],
)
def test_config_paths_out_of_the_site_are_config_errors(config, key):
    errors, _warnings = CtoblogPlugin().load_config(config)
    assert [name for name, _error in errors] == [key]
    assert "Expected a path inside the site" in str(errors[0][1])


def test_config_folders_are_normalised():
    plugin = CtoblogPlugin()
    errors, _warnings = plugin.load_config({"blog_dir": "notes\\blog\\", "posts_dir": "./notes//blog/posts/"})
    assert errors == []
    assert (plugin.config.blog_dir, plugin.config.posts_dir) == ("notes/blog", "notes/blog/posts")


def test_command_line_config_error_names_the_key_and_writes_nothing(tmp_path):
    write_tree(tmp_path / "docs", {"index.md": "# Home\n", "blog/posts/2023-01-01-a.md": post("title: A")})
    (tmp_path / "mkdocs.yml").write_text("site_name: S\nsite_dir: a/b/site\nplugins:\n  - ctoblog:\n      blog_dir: ../../outside\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1
    assert "blog_dir" in result.stderr and "Expected a path inside the site" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "a").exists() and not (tmp_path / "outside").exists()


# -- one URL map: no page silently replaced -------------------------------------------------


COLLISIONS = [
    ("/blog/", {}, "'blog/index.md'"),
    ("/blog/category/ops/", {"blog/posts/2023-01-02-ops.md": post("title: Ops\ncategories: [Ops]")}, "'blog/category/ops/index.md'"),
    ("/blog/page/2/", {f"blog/posts/2023-01-0{n}-p{n}.md": post(f"title: P{n}") for n in range(2, 5)}, "'blog/page/2/index.md'"),
    ("/404.html", {}, "the theme's '404.html'"),
    ("/blog/../index.html", {}, "'blog/index.md'"),  # Jekyll turns `..` into `/`: the blog index
    ("/blog/%2e%2e/index.html", {}, "the page 'index.md'"),
    ("/%2e%2e/%2E%2E/index.html", {}, "the page 'index.md'"),
    ("/sitemap.xml", {}, "the theme's 'sitemap.xml'"),
    ("/sitemap.xml.gz", {}, "the theme's 'sitemap.xml.gz'"),
    ("/blog/feed.xml", {}, "'blog/feed.xml'"),
    ("/BLOG/Feed.XML", {}, "'blog/feed.xml'"),
    ("/blog/feed.xml/", {}, "'blog/feed.xml'"),
    ("/blog%2Ffeed.json", {}, "'blog/feed.json'"),
    ("/blog/sitemap.xml", {}, "the folder sitemap 'blog/sitemap.xml'"),
    ("/search/search_index.json", {}, "search plugin's 'search/search_index.json'"),
    ("/about/", {"about.md": "# About\n"}, "the page 'about.md'"),
    ("/About/", {"about.md": "# About\n"}, "the page 'about.md'"),
    ("/assets/images/favicon.png", {}, "the file 'assets/images/favicon.png'"),
    ("/blog/other/", {"blog/posts/2023-01-02-other.md": post("title: Other")}, "'blog/posts/2023-01-02-other.md'"),
    ("/blog/Other/index.html", {"blog/posts/2023-01-02-other.md": post("title: Other")}, "'blog/posts/2023-01-02-other.md'"),
]


@pytest.mark.parametrize(("permalink", "extra", "other"), COLLISIONS)
def test_a_post_over_another_page_stops_the_build_naming_both(build_site, caplog, tmp_path, permalink, extra, other):
    docs = {"blog/posts/2023-01-01-intruder.md": post(f"title: Intruder\npermalink: '{permalink}'"), **extra}
    with pytest.raises(Abort):
        build_site(docs, plugin={"pagination": 1}, site_dir=DEEP_SITE)
    matching = [e for e in errors_of(caplog) if "would both be written to" in e]
    assert len(matching) == 1, errors_of(caplog)
    assert other in matching[0] and "'blog/posts/2023-01-01-intruder.md'" in matching[0]
    assert files_outside_site(tmp_path) == set()


@pytest.mark.parametrize(
    ("permalink", "extra", "other"),
    [c for c in COLLISIONS if c[0] in ("/blog/", "/blog/page/2/", "/404.html", "/blog/feed.xml/")]
    + [("/About.html", {"about.md": "# About\n"}, "the page 'about.md'"), ("/blog/other", {"blog/posts/2023-01-02-other.md": post("title: Other")}, "'blog/posts/2023-01-02-other.md'")],
)
def test_collisions_without_directory_urls(build_site, caplog, permalink, extra, other):
    docs = {"blog/posts/2023-01-01-intruder.md": post(f"title: Intruder\npermalink: '{permalink}'"), **extra}
    with pytest.raises(Abort):
        build_site(docs, plugin={"pagination": 1}, use_directory_urls=False)
    matching = [e for e in errors_of(caplog) if "would both be written to" in e]
    assert len(matching) == 1 and other in matching[0], errors_of(caplog)


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_case_variants_of_two_posts_collide(build_site, caplog, use_directory_urls):
    docs = {
        "blog/posts/2023-01-01-a.md": post("title: A\npermalink: /Same/"),
        "blog/posts/2023-01-02-b.md": post("title: B\npermalink: /same/index.html"),
    }
    with pytest.raises(Abort):
        build_site(docs, use_directory_urls=use_directory_urls)
    assert any("'blog/posts/2023-01-01-a.md' and 'blog/posts/2023-01-02-b.md'" in e for e in errors_of(caplog))


def test_without_directory_urls_a_permalink_meets_a_slug(build_site, caplog):
    docs = {
        "blog/posts/2023-01-01-x.md": post("title: X"),
        "blog/posts/2023-01-02-y.md": post("title: Y\npermalink: /blog/x"),
    }
    with pytest.raises(Abort):
        build_site(docs, use_directory_urls=False)
    assert any("would both be written to 'blog/x.html'" in e for e in errors_of(caplog)), errors_of(caplog)


def test_the_map_is_public_on_the_plugin(build_site):
    site = build_site({"blog/posts/2023-01-01-a.md": post("title: A")})
    url_map = site.config.plugins["ctoblog"].url_map
    assert url_map.owner("blog/a/") == "'blog/posts/2023-01-01-a.md'"
    assert url_map.owner("blog/") == "'blog/index.md'"
    assert url_map.owner("404.html") == "the theme's '404.html'"


def test_command_line_collision_exits_1_without_traceback(tmp_path):
    docs = {"index.md": "# Home\n", "blog/posts/2023-01-01-a.md": post("title: A\npermalink: /404.html")}
    write_tree(tmp_path / "docs", docs)
    (tmp_path / "mkdocs.yml").write_text("site_name: S\nsite_url: https://example.com/\nplugins: [ctoblog]\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "the theme's '404.html' and 'blog/posts/2023-01-01-a.md' would both be written to '404.html'" in result.stderr


# -- nothing lost silently ------------------------------------------------------------------


def test_names_without_letters_get_pages_of_their_own(build_site, warnings_of):
    docs = {
        "blog/posts/2023-01-01-a.md": post("title: A\ncategories: ['🚀']\ntags: ['!!!']\nauthor: '🦊'"),
        "blog/posts/2023-01-02-b.md": post("title: B\ncategories: ['🎉']\nauthor: '🐻'"),
    }
    site = build_site(docs)
    authors = {a.get_text(): a["href"] for a in site.soup("blog/a/").select(".ctoblog-post-header a[href*='author/']")}
    other = {a.get_text(): a["href"] for a in site.soup("blog/b/").select(".ctoblog-post-header a[href*='author/']")}
    assert authors and other and set(authors.values()).isdisjoint(other.values())
    categories = site.soup("blog/a/").select(".ctoblog-post-header a[href*='category/']")
    assert [a.get_text() for a in categories] == ["🚀"]
    assert site.exists("blog/category/" + categories[0]["href"].rstrip("/").rsplit("/", 1)[-1] + "/")
    lines = warnings_of()
    for key, name in (("categories", "🚀"), ("tags", "!!!"), ("author", "🦊"), ("categories", "🎉"), ("author", "🐻")):
        assert sum(f"'{key}' expected a name with letters or digits, received '{name}'" in w for w in lines) == 1, lines


def test_a_title_of_only_emoji_gets_a_hash_slug_with_a_warning(build_site, warnings_of):
    site = build_site({"blog/posts/2023-01-01-🎉.md": post("title: '🎉'"), "blog/posts/2023-01-02-🎈.md": post("title: '🎈'")})
    hrefs = [a["href"] for a in site.soup("blog/").select(".ctoblog-card__link")]
    assert len(set(hrefs)) == 2
    assert sum("'file name' expected letters or digits for the URL" in w for w in warnings_of()) == 2


def test_a_missing_posts_dir_is_named(build_site, warnings_of):
    build_site({"blog/posts/2023-01-01-a.md": post("title: A")}, plugin={"posts_dir": "blog/postz"})
    assert "posts_dir 'blog/postz' does not exist in docs_dir: no posts are read" in " ".join(warnings_of())


def test_posts_in_the_blog_folder_without_posts_dir_are_named(build_site, warnings_of):
    build_site({"blog/2023-01-01-a.md": post("title: A")})
    assert "posts_dir 'blog/posts' does not exist in docs_dir: no posts are read" in " ".join(warnings_of())


def test_a_site_without_a_blog_yet_builds_without_warnings(build_site, warnings_of):
    build_site({"about.md": "# About\n"}, strict=True)
    assert warnings_of() == []


def test_a_page_permalink_goes_through_the_guard_and_the_map(build_site, warnings_of, caplog, tmp_path):
    docs = {"about.md": "---\npermalink: /../%2e%2e/../about-us/\n---\n# About\n"}
    site = build_site(docs, site_dir=DEEP_SITE)
    assert site.exists("about-us/")
    assert sum(w.startswith("about.md: 'permalink' expected a site path without '..'") for w in warnings_of()) == 1
    assert files_outside_site(tmp_path) == set()
    with pytest.raises(Abort):
        build_site({"about.md": "---\npermalink: /Search/Search_Index.json\n---\n# About\n"})
    assert any("'about.md' would both be written to" in e for e in errors_of(caplog)), errors_of(caplog)


def test_serve_cache_sees_an_edit_that_keeps_mtime_and_size(tmp_path):
    """`cp -p` / `rsync -t`: same size, same modification time, new content."""
    from mkdocs_ctoblog.cache import PostCache
    from mkdocs_ctoblog.posts import ReadResult

    source = tmp_path / "2023-01-01-a.md"
    source.write_text("title: one\n")
    stat = source.stat()
    cache, loads = PostCache(), []

    def load() -> ReadResult:
        loads.append(source.read_text())
        return ReadResult(None, ())

    settings = object()
    cache.read("a.md", str(source), settings, load)  # type: ignore[arg-type]
    cache.read("a.md", str(source), settings, load)  # type: ignore[arg-type]
    assert loads == ["title: one\n"]
    source.write_text("title: two\n")
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert source.stat().st_size == stat.st_size and source.stat().st_mtime_ns == stat.st_mtime_ns
    cache.read("a.md", str(source), settings, load)  # type: ignore[arg-type]
    assert loads == ["title: one\n", "title: two\n"]


@pytest.mark.parametrize("permalink", ["../docs/planted.html", "..\\..\\..\\..\\x\\", "/%2e%2e/%2e%2e/baddie.html"])
def test_command_line_escape_writes_inside_the_site_and_fails_strict(tmp_path, permalink):
    docs = {"index.md": "# Home\n", "blog/posts/2023-01-01-a.md": post(f"title: A\npermalink: '{permalink}'")}
    write_tree(tmp_path / "docs", docs)
    (tmp_path / "mkdocs.yml").write_text(f"site_name: S\nsite_url: https://example.com/\nsite_dir: {DEEP_SITE}\nplugins: [ctoblog]\n")
    before = {p: p.read_bytes() for p in (tmp_path / "docs").rglob("*") if p.is_file()}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1 and "blog/posts/2023-01-01-a.md: 'permalink'" in warnings[0], warnings
    assert {p: p.read_bytes() for p in (tmp_path / "docs").rglob("*") if p.is_file()} == before
    outside = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()} - {"mkdocs.yml"}
    assert all(p.startswith(("docs/", DEEP_SITE + "/")) for p in outside), outside


_PIECES = ["..", ".", "", "...", "....", "%2e%2e", "%2E.", ".%2e", "．．", "‥", "…", "\\", "%5C", "%2F", "/", "%252e",
           " ", ". ", ".. ", "a", "B", "é", "e\u0301", "C:", "c:x", "%00", "\x00", "\t", "?", "#", "index.html"]


@settings(max_examples=int(os.environ.get("CTOBLOG_HYPOTHESIS_EXAMPLES", "300")), deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=12), st.booleans())
def test_normalised_paths_never_leave_the_site(pieces, url):
    """Any mix of separators, dots, encodings and look-alikes: refused, or a plain relative path inside the site."""
    raw = "".join(pieces)
    try:
        found = outpaths.normalise(raw, url=url)
    except outpaths.UnsafePath:
        return
    segments = found.path.split("/") if found.path else []
    assert not found.path.startswith("/") and "\\" not in found.path
    assert all(s and s.rstrip(" .") == s and set(s) != {"."} for s in segments)
    assert not any(ord(c) < 0x20 for c in found.path)
    root = os.path.realpath("/tmp/paths-root")
    target = os.path.realpath(os.path.join(root, *segments))
    assert os.path.commonpath([root, target]) == root
