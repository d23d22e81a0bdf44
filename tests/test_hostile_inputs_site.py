"""Red-team variants of issue 10's classes: each is one warning line naming file and key (a config
error for mkdocs.yml), `--strict` fails, no traceback, nothing outside the site, docs/ unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import MATERIAL, post, write_tree
from test_safety_site import ALIAS_BOMB, warning_lines

POST = "blog/posts/2024-01-01-p.md"
AUTHORS = "blog/.authors.yml"


def cli_build(root: Path, docs: dict[str, str | bytes], plugin: dict | None = None, *, theme: str = "mkdocs",
              **config: object) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` (with the search plugin) in a child process; docs/ is kept as written."""
    write_tree(root / "docs", {"index.md": "# Home\n", **docs})
    config = {"site_name": "Safety", "site_url": "https://example.com/", "theme": MATERIAL if theme == "material" else theme,
              "plugins": ["search", {"ctoblog": plugin or {}}], **config}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, capture_output=True, text=True,
                          check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=120)


def docs_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root / "docs").as_posix(): p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}


def assert_one_warning(result, *parts: str) -> str:
    warnings = warning_lines(result)
    assert result.returncode == 1, result.stderr[-2000:]
    assert len(warnings) == 1, warnings
    for part in parts:
        assert part in warnings[0], warnings
    return warnings[0]


# -- the authors file: the same guard as front matter --------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (ALIAS_BOMB + "\nann: {name: Ann}\n", "authors file has more than 10,000 values once its aliases"),
        ("a: &a [*a]\nann: {name: Ann}\n", "authors file has more than 10,000 values"),
        (b"\xff\xfe\x00ann: {name: Ann}\n", "authors file: expected UTF-8 text (invalid start byte at byte 0)"),
        ("ann:\n  name: Ann\n   bad: [\n", "authors file invalid YAML at line 3: mapping values are not allowed"),
        ("ann: !!python/object:os.system {name: Ann}\n", "authors file invalid YAML at line 1: could not determine a constructor"),
    ],
)
def test_authors_file_is_bounded_and_one_line(tmp_path, content, expected):
    docs = {POST: post("title: T\nauthor: ann"), AUTHORS: content}
    result = cli_build(tmp_path, docs)
    line = assert_one_warning(result, f"{AUTHORS}: {expected}", "no authors read")
    assert len(line) < 400
    assert (tmp_path / "site/blog/p/index.html").is_file()


# -- every page.meta key Material and the mkdocs theme print --------------------------------------

HOSTILE = '"><img src=x onerror=alert(5)><b>x</b>'
# The keys the templates of both themes read (`grep -o 'page.meta.[a-z_]*'`, nav_item.meta.*).
THEME_KEYS = ["title", "description", "author", "tags", "image", "hide", "source", "search", "icon", "status", "subtitle",
              "revision_date", "git_revision_date_localized", "git_creation_date_localized", "location", "template"]


def front_matter_with(make) -> str:
    return yaml.safe_dump({key: make(key) for key in THEME_KEYS if key != "template"}, allow_unicode=True)


def assert_no_markup_from_front_matter(site) -> None:
    for path in site.site_dir.rglob("*.html"):
        soup = site.soup(path.relative_to(site.site_dir).as_posix())
        assert soup.find("img", attrs={"onerror": True}) is None, path
        assert soup.find("b", string="x") is None, path
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                assert name != "onerror" and "javascript:" not in str(value), (path, tag.name, name)


@pytest.mark.parametrize("theme", [{"name": "material", "font": False}, "mkdocs"])
@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda key: HOSTILE, id="text"),
        pytest.param(lambda key: [HOSTILE, "x"], id="list"),
        pytest.param(lambda key: {HOSTILE: HOSTILE, "exclude": HOSTILE}, id="mapping"),
        pytest.param(lambda key: 5, id="number"),
    ],
)
def test_no_theme_key_turns_front_matter_into_markup(build_site, warnings_of, theme, make):
    nav = ["index.md", {"Post": "blog/posts/2024-01-01-p.md"}]  # icon, status, subtitle are printed in the nav
    site = build_site({POST: "---\n" + front_matter_with(make) + "---\nBody.\n"}, theme=theme, nav=nav)
    assert_no_markup_from_front_matter(site)
    assert site.exists("blog/p/")
    for line in warnings_of():
        assert "\n" not in line and len(line) < 400


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("hide: 5", "'hide' expected a list of names such as [toc, navigation], received 5; left out"),
        ("search: 5", "'search' expected a mapping such as {exclude: true} or {boost: 2}, received 5; left out"),
        ("search: {boost: high}", "'search' expected a mapping such as {exclude: true}"),
        ("source: 5", "'source' expected a list of file names, received 5; left out"),
        ("icon: ../../x", "'icon' expected an icon name such as material/rocket-launch"),
        ("status: {a: 1}", "'status' expected a name such as new or deprecated"),
        ("revision_date: [1]", "'revision_date' expected a date, received [1]"),
        ("template: nope.html", "'template' expected a template of the theme such as 'main.html', received 'nope.html'"),
        ("template: ../../../../etc/passwd", "'template' expected a template of the theme"),
    ],
)
@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_theme_keys_of_the_wrong_type_are_one_warning(tmp_path, theme, line, expected):
    result = cli_build(tmp_path, {POST: post(f"title: T\n{line}")}, theme=theme)
    assert_one_warning(result, f"{POST}: {expected}")
    assert (tmp_path / "site/blog/p/index.html").is_file()


# -- names and values in messages: warned like categories, cut before formatting -------------------


def test_series_without_letters_is_warned_and_long_names_are_cut(tmp_path):
    docs = {POST: post("title: T\nseries: '../../..'"), "blog/posts/2024-01-02-q.md": post("title: Q\nseries: '../../..'"),
            "blog/posts/2024-01-03-r.md": post("title: R\nseries: " + "a" * 3000)}
    result = cli_build(tmp_path, docs)
    warnings = warning_lines(result)
    assert result.returncode == 1
    assert f"{POST}: 'series' expected a name with letters or digits, received '../../..'; its pages use the slug" in "\n".join(warnings)
    assert all(len(line) < 500 for line in warnings), [len(line) for line in warnings]
    assert any("'series' 'aaaa" in line and "has no other post" in line for line in warnings), warnings
    assert (tmp_path / "site/blog/p/index.html").is_file()


def test_latest_marker_with_many_unknown_arguments_is_one_line(tmp_path):
    result = cli_build(tmp_path, {"about.md": "# About\n\n<!-- ctoblog:latest " + "x " * 5000 + "-->\n", POST: post("title: T")})
    line = assert_one_warning(result, "about.md: latest posts marker: unknown argument 'x' (and 4999 more); expected count=")
    assert len(line) < 300


# -- Markdown from mkdocs.yml and the authors file: text, never markup --------------------------------


@pytest.mark.parametrize("theme", [{"name": "material", "font": False}, "mkdocs"])
def test_config_and_authors_file_markdown_never_becomes_markup(build_site, theme):
    attrs = '{: onmouseover=alert(1) style="background:url(javascript:x)" }'
    cta = {"default": "x", "blocks": {"x": {"title": HOSTILE, "text": f"{HOSTILE}\n\n<div><script>alert(1)</script></div>\n\n"
                                                                       f"[more](/about/){attrs}", "button": {"label": HOSTILE, "url": "/x/"}}}}
    newsletter = {"enabled": True, "default": True, "action": "https://example.com/sub", "title": HOSTILE, "text": HOSTILE,
                  "button": HOSTILE, "privacy": HOSTILE, "hidden_fields": {HOSTILE: HOSTILE},
                  "consent": {"enabled": True, "text": HOSTILE, "field": HOSTILE, "value": HOSTILE}}
    authors = yaml.safe_dump({"ann": {"name": HOSTILE, "description": HOSTILE, "bio": f"{HOSTILE} Text {attrs}"}})
    site = build_site({POST: post("title: T\nauthor: ann"), AUTHORS: authors, "about.md": "# About\n"}, theme=theme,
                      plugin={"cta": cta, "newsletter": newsletter, "author_bio": {"enabled": True}},
                      markdown_extensions=["attr_list", "md_in_html"])
    assert_no_markup_from_front_matter(site)
    page = site.soup("blog/p/")
    assert page.find("script", string="alert(1)") is None
    assert not [tag for tag in page.find_all(True) if "style" in tag.attrs and "javascript" in tag["style"]]
    assert HOSTILE in page.get_text()  # shown as text


# -- file-level oddities ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("---\ntitle: A\ntitle: B\ndate: 2024-01-01\ndate: 2023-01-01\n---\nBody.\n",
         ["front matter gives 'date' more than once; using the last value", "front matter gives 'title' more than once"]),
        (b"\xef\xbb\xbf---\r\ntitle: T\r\ndate: 2024-01-01\r\n---\r\nBody.\r\n", []),
        (b"---\rtitle: T\rdate: 2024-01-01\r---\rBody.\r", []),
        (b"---\ntitle: T\n---\n\xff\xfe\x00binary", ["expected UTF-8 text (invalid start byte at byte 17); the post is left out"]),
        ("---\ntitle: T\x00x\n---\nBody\n", ["front matter invalid YAML: unacceptable character #x0000"]),
    ],
)
def test_file_oddities(tmp_path, content, expected):
    result = cli_build(tmp_path, {POST: content})
    warnings = warning_lines(result)
    assert result.returncode == (1 if expected else 0), warnings
    for part in expected:
        assert any(line.startswith(f"WARNING -  mkdocs_ctoblog: {POST}: {part}") for line in warnings), (part, warnings)
    if "left out" not in "".join(expected):
        assert (tmp_path / "site/blog/p/index.html").is_file()
        assert "T" in (tmp_path / "site/blog/p/index.html").read_text(encoding="utf-8")


def test_authors_file_is_always_inside_docs_dir(tmp_path):
    outside = tmp_path / "secret.yml"
    outside.write_text("ann: {name: Leaked Name, bio: leaked}\n", encoding="utf-8")
    root = tmp_path / "root"
    docs = {POST: post("title: T\nauthor: ann"), "x/a.yml": "ann: {name: Ann Inside}\n"}
    result = cli_build(root, docs, {"authors_file": str(outside)})
    assert "Traceback" not in result.stderr
    assert "Leaked Name" not in (root / "site/blog/p/index.html").read_text(encoding="utf-8")
    result = cli_build(tmp_path / "root2", docs, {"authors_file": "/x/a.yml"})  # a path from docs_dir's root
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Ann Inside" in (tmp_path / "root2/site/blog/p/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("x: " + "[" * 900 + "]" * 900, "front matter nests lists or mappings more than 50 levels deep"),  # was a RecursionError
        ("x: " + "{a: " * 60 + "1" + "}" * 60, "front matter nests lists or mappings more than 50 levels deep"),
        ("redirect_from: [" + ",".join(f"/old/{i}/" for i in range(5000)) + "]",
         "'redirect_from' expected at most 100 paths, received 5000; using the first 100"),
    ],
)
def test_absurd_front_matter_is_one_line(tmp_path, front_matter, expected):
    result = cli_build(tmp_path, {POST: post(f"title: T\n{front_matter}")})
    assert_one_warning(result, f"{POST}: {expected}")
    assert (tmp_path / "site/blog/p/index.html").is_file()
    assert len(list((tmp_path / "site").rglob("index.html"))) < 120


def test_read_next_is_capped(tmp_path):
    result = cli_build(tmp_path, {POST: post("title: T\nread_next: [" + ",".join(f"x{i}" for i in range(5000)) + "]")})
    warnings = warning_lines(result)
    assert result.returncode == 1 and len(warnings) == 51, len(warnings)
    assert f"{POST}: 'read_next' expected at most 50 entries, received 5000; using the first 50" in warnings[0]


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("date: \"\\n\"", "'date' expected a date like 2023-07-27 or 2023-07-27 09:13:32 +0100, received '\\n'"),
        ("image: " + "a" * 5000 + ".png", "'image' file not found in docs_dir: 'aaaa"),
        ("permalink: /" + "/".join(f":x{i}" for i in range(2000)), "'permalink' expected Jekyll's placeholders, not :x, received '/:x0/"),
    ],
)
def test_values_in_messages_are_cut_and_one_line(tmp_path, front_matter, expected):
    line = assert_one_warning(cli_build(tmp_path, {POST: post(f"title: T\n{front_matter}")}), f"{POST}: {expected}")
    assert len(line) < 400


def test_icon_the_theme_lacks_is_a_warning_not_a_traceback(tmp_path):
    nav = ["index.md", {"P": POST}]  # Material includes .icons/<icon>.svg for pages in the nav
    result = cli_build(tmp_path, {POST: post("title: T\nicon: material/does-not-exist")}, theme="material", nav=nav)
    assert_one_warning(result, f"{POST}: 'icon' expected an icon of the theme such as material/rocket-launch, "
                               "received 'material/does-not-exist'; left out")
    ok = cli_build(tmp_path / "ok", {POST: post("title: T\nicon: material/rocket-launch")}, theme="material", nav=nav)
    assert ok.returncode == 0, ok.stderr[-2000:]
    assert 'class="md-nav__link' in (tmp_path / "ok/site/blog/p/index.html").read_text(encoding="utf-8")
    plain_theme = cli_build(tmp_path / "mkdocs", {POST: post("title: T\nicon: material/rocket-launch")}, nav=nav)
    assert plain_theme.returncode == 0, plain_theme.stderr[-2000:]  # the mkdocs theme has no icons: not checked


@pytest.mark.parametrize("theme", [{"name": "material", "font": False}, "mkdocs"])
def test_page_kicker_label_and_description_on_cards_stay_text(build_site, theme):
    about = f"---\nkicker: '{HOSTILE}'\nlabel: '{HOSTILE}'\ndescription: '{HOSTILE}'\nimage: 'javascript:alert(1)'\n---\n# About\n"
    site = build_site({POST: post("title: T\nread_next: [about.md]"), "about.md": about,
                       "index.md": "# Home\n\n<!-- ctoblog:latest count=3 -->\n"}, theme=theme)
    for url in ("blog/p/", "", "blog/"):
        page = site.soup(url)
        assert page.find("img", attrs={"onerror": True}) is None and page.find("b", string="x") is None, url
        assert not [tag for tag in page.find_all(True) if any("javascript:" in str(v) for v in tag.attrs.values())], url
    assert HOSTILE in site.soup("blog/p/").get_text()  # the card shows the page's label as text


def test_entity_encoded_script_urls_in_config_markdown_are_left_out(build_site, warnings_of):
    """`javascript&#58;x` is `javascript:x` to a browser: the URL is checked as the browser reads it."""
    text = "[a](javascript&#58;alert(1)) [b](&#106;avascript:alert(2)) [c](jav&#x09;ascript:alert(3)) [d](/about/?a=1&amp;b=2)"
    authors = yaml.safe_dump({"ann": {"name": "Ann", "bio": text}})
    site = build_site({POST: post("title: T\nauthor: ann"), AUTHORS: authors, "about.md": "# About\n"}, theme="mkdocs",
                      plugin={"cta": {"default": "x", "blocks": {"x": {"title": "T", "text": text}}}, "author_bio": {"enabled": True}})
    page = site.soup("blog/p/")
    hrefs = [a.get("href", "") for a in page.select(".ctoblog-cta a, .ctoblog-author-bio a")]
    assert not [h for h in hrefs if "script:" in h.replace("\t", "").lower()], hrefs
    assert "../../about/?a=1&b=2" in hrefs
    assert any("received 'javascript:alert(1)'; left out" in line for line in warnings_of())


def test_a_missing_authors_file_named_in_mkdocs_yml_is_one_warning(tmp_path):
    docs = {POST: post("title: T\nauthor: ann")}
    named = cli_build(tmp_path / "named", docs, {"authors_file": "team/people.yml"})
    default = cli_build(tmp_path / "default", docs, {})
    expected = "mkdocs.yml: 'authors_file' names 'team/people.yml', expected a YAML file in docs_dir"
    assert [line for line in named.stderr.splitlines() if line.startswith("WARNING")] == [
        f"WARNING -  mkdocs_ctoblog: {expected}; no authors read"
    ]
    assert [line for line in default.stderr.splitlines() if line.startswith("WARNING")] == []
    assert (tmp_path / "named/site/blog/p/index.html").is_file()
