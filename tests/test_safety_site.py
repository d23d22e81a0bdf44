"""Hostile or careless input (issue 10): unsafe URLs, values that used to raise, fuzzy dates.

Each bad value is one warning line naming the file and key (a config error naming the key for
mkdocs.yml), `mkdocs build --strict` exits non-zero, and nothing prints a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
import yaml
from conftest import post, timed_cli_build, write_tree

from mkdocs_ctoblog.plugin import CtoblogPlugin
from mkdocs_ctoblog.safe_urls import safe_url

POST = "blog/posts/2024-01-01-bad.md"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.com/x", "https://example.com/x"),
        (" \x01https://example.com/x\x1f ", "https://example.com/x"),
        ("HTTP://EXAMPLE.COM", "HTTP://EXAMPLE.COM"),
        ("mailto:me@example.com", "mailto:me@example.com"),
        ("/contact/", "/contact/"),
        ("assets/logo.png", "assets/logo.png"),
        ("../up.png", "../up.png"),
        ("#top", "#top"),
        ("?page=2", "?page=2"),
        ("https://exa\nmple.com/a\tb", "https://example.com/ab"),
        ("javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("\x01javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("jav\nascript:alert(1)", None),
        ("data:image/png;base64,AAAA", None),
        ("vbscript:x", None),
        ("file:///etc/passwd", None),
        ("//evil.example/", None),
        ("/\\evil.example/", None),
        ("\\\\evil.example/", None),
        ("\\/evil.example/", None),
        ("/\t/evil.example/", None),
        ("http:evil.example", None),
        ("https:/\\evil.example", None),
        ("https://", None),
        ("https://[::1", None),
        ("", None),
        ("\x00\x01 ", None),
    ],
)
def test_safe_url(value, expected):
    assert safe_url(value) == expected


@pytest.mark.parametrize(
    ("config", "key", "message"),
    [
        ({"cta": {"blocks": {"x": {"button": {"label": "Go", "url": "java\tscript:alert(1)"}}}}}, "cta", "'url': Expected a relative URL"),
        ({"cta": {"blocks": {"x": {"button": {"label": "Go", "url": "\x01javascript:alert(1)"}}}}}, "cta", "'url': Expected a relative URL"),
        ({"newsletter": {"action": "/\\evil.example/"}}, "newsletter", "'action': Expected a relative URL"),
        ({"newsletter": {"action": "//evil.example/"}}, "newsletter", "'action': Expected a relative URL"),
        ({"feeds": {"logo": "javascript:alert(1)"}}, "feeds", "'logo': Expected a relative URL"),
        ({"meta": {"publisher_logo": "data:image/svg+xml,<svg/>"}}, "meta", "'publisher_logo': Expected a relative URL"),
        ({"strings": {"min_read": "{} min"}}, "strings", "'min_read': Expected only the placeholders {minutes}"),
        ({"strings": {"min_read": "{minutes.__class__}"}}, "strings", "'min_read': Expected only the placeholders {minutes}"),
        ({"strings": {"page": "Page {nummer}"}}, "strings", "'page': Expected only the placeholders {number}, {total}"),
        ({"strings": {"page": "Page {number"}}, "strings", "'page': Expected text with placeholders {number}, {total}"),
        ({"strings": {"page": "{number:%Y}"}}, "strings", "'page': Expected text with placeholders"),
        ({"authors_file": "{blog}/.authors.yml"}, "authors_file", "Expected only the placeholders {blog_dir}"),
        ({"date_format": "qqqqqq"}, "date_format", "Expected a Babel date format"),
        ({"date_format": "d MMMM y 'oops"}, "date_format", None),
    ],
)
def test_config_mistakes_are_errors_naming_the_key(config, key, message):
    errors, _warnings = CtoblogPlugin().load_config(config)
    if message is None:  # Babel accepts it: no error, and formatting it later must not fail either
        assert errors == []
        return
    assert [name for name, _ in errors] == [key], errors
    assert message in str(errors[0][1])


def test_config_urls_are_stored_normalised():
    plugin = CtoblogPlugin()
    errors, _ = plugin.load_config({"feeds": {"logo": " \x01https://example.com/logo.png\n"}})
    assert errors == []
    assert plugin.config.feeds.logo == "https://example.com/logo.png"


def cli_build(tmp_path: Path, docs: dict[str, str], plugin: dict | None = None) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a small site, in a child process (what users run)."""
    write_tree(tmp_path / "docs", {"index.md": "# Home\n", **docs})
    config = {"site_name": "Safety", "site_url": "https://example.com/", "theme": "mkdocs", "plugins": [{"ctoblog": plugin or {}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path, capture_output=True, text=True, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
    )


def warning_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-3000:]
    return [line for line in result.stderr.splitlines() if line.startswith("WARNING")]


@pytest.mark.parametrize(
    ("front_matter", "body", "expected"),
    [
        ("title: T\nauthor: {name: Ann, url: 'java\tscript:alert(1)'}", "Text.", f"{POST}: 'author.url' expected a relative URL"),
        ("title: T\nauthor: {name: Ann, avatar: '//evil.example/a.png'}", "Text.", f"{POST}: 'author.avatar' expected a relative URL"),
        ("title: T\nimage: \"\\x01javascript:alert(1)\"", "Text.", f"{POST}: 'image' expected a relative URL"),
        ("title: T\nimage: '/\\evil.example/x.png'", "Text.", f"{POST}: 'image' expected a relative URL"),
        ("title: \"a\\x01b\"", "Body\x0cwith a form feed.", f"{POST}: 2 characters that XML does not allow"),
        ("title: T\ndate: 0001-01-01 00:30:00 +0100", "Text.", f"{POST}: 'date' expected a date between the years 2 and 9998"),
        ("title: T\ndate: 9999-12-31 23:00:00 -0500", "Text.", f"{POST}: 'date' expected a date between the years 2 and 9998"),
        ("title: T\ndate: Friday", "Text.", f"{POST}: 'date' expected a date like 2023-07-27"),
        ("title: T\ndate: '10:30'", "Text.", f"{POST}: 'date' expected a date like 2023-07-27"),
        ("title: T\ndate: March", "Text.", f"{POST}: 'date' expected a date like 2023-07-27"),
        ("title: T\nupdated: '2024'", "Text.", f"{POST}: 'updated' expected a date like 2023-07-27"),
    ],
)
def test_bad_values_are_one_warning_line_and_strict_fails(tmp_path, front_matter, body, expected):
    result = cli_build(tmp_path, {POST: post(front_matter, body + "\n")})
    warnings = warning_lines(result)
    assert result.returncode == 1
    assert len(warnings) == 1 and expected in warnings[0], warnings
    # The post is still built (from its file name's date when its own is unusable), feeds too.
    assert (tmp_path / "site/blog/bad/index.html").is_file()
    feed = feedparser.parse((tmp_path / "site/blog/feed.xml").read_bytes())
    assert not feed.bozo and len(feed.entries) == 1


def test_unsafe_urls_never_reach_the_output(tmp_path):
    docs = {
        POST: post("title: T\nauthor: {name: Ann, url: 'javascript:alert(1)', avatar: ' java\tscript:x'}\nimage: 'vbscript:x'"),
        "blog/.authors.yml": "ann2: {name: Bo, url: 'javascript:alert(2)', avatar: 'data:image/png,AA'}\n",
        "blog/posts/2024-01-02-two.md": post("title: Two\nauthor: ann2"),
        "about.md": "---\nimage: 'javascript:alert(3)'\n---\n# About\n",
    }
    plugin = {"cta": {"default": "x", "blocks": {"x": {"title": "T", "text": "[call](javascript:alert(4)) or [mail](mailto:a@b.c)"}}}}
    result = cli_build(tmp_path, docs, plugin)
    assert result.returncode == 1
    warnings = warning_lines(result)
    assert any(
        w.endswith("mkdocs.yml: 'cta.blocks.x.text' expected a relative URL, a site path or an http(s) or mailto URL, "
                   "received 'javascript:alert(4)'; left out")
        for w in warnings
    ), warnings
    written = [p for p in (tmp_path / "site").rglob("*") if p.suffix in (".html", ".xml", ".json")]
    assert written
    for path in written:
        text = path.read_text(encoding="utf-8").lower()
        for bad in ("javascript:", "vbscript:", "data:image/png"):
            assert bad not in text.replace("\t", ""), (path, bad)
    assert "mailto:a@b.c" in (tmp_path / "site/blog/bad/index.html").read_text(encoding="utf-8")


def test_post_too_large_for_a_feed_entry_gets_its_summary(tmp_path):
    paragraph = "word " * 2000 + "\n\n"
    result = cli_build(tmp_path, {POST: post("title: Big\ndescription: Short summary.", paragraph * 1200)})
    warnings = warning_lines(result)
    assert result.returncode == 1
    assert len(warnings) == 1 and f"{POST}: " in warnings[0] and "too large for a feed entry" in warnings[0], warnings
    feed = feedparser.parse((tmp_path / "site/blog/atom.xml").read_bytes())
    assert not feed.bozo
    assert feed.entries[0].summary == "Short summary."
    assert "content" not in feed.entries[0]


# -- theme-facing meta ----------------------------------------------------------------------------

HOSTILE = '"><img src=x onerror=alert(5)>'


@pytest.mark.parametrize("theme", [{"name": "material", "font": False}, "mkdocs"])
@pytest.mark.parametrize(
    "front_matter",
    [
        f"title: T\nauthor: '{HOSTILE}'",
        f"title: T\nauthor: ['{HOSTILE}', Bo]",
        f"title: T\nauthor: {{name: '{HOSTILE}'}}",
        f"title: '{HOSTILE}'\ndescription: '{HOSTILE}'\nsubtitle: '{HOSTILE}'\nstatus: '{HOSTILE}'",
        f"title: T\ntags: ['{HOSTILE}', '<b>x</b>']\nsource: ['{HOSTILE}']\nextra: {{'{HOSTILE}': ['{HOSTILE}']}}",
    ],
)
def test_front_matter_text_never_becomes_markup(build_site, theme, front_matter):
    site = build_site({POST: post(front_matter)}, theme=theme, plugin={"feeds": {"enabled": False}})
    page = site.soup("blog/bad/")
    assert page.find("img", attrs={"onerror": True}) is None
    assert page.find("b", string="x") is None
    assert not [tag for tag in page.find_all(True) if any(HOSTILE in str(value) for value in tag.attrs)
                and tag.name == "img"]
    author = page.find("meta", attrs={"name": "author"})
    if author is not None and "author" in front_matter:
        assert "[" not in author["content"] and "{" not in author["content"]  # names, not a Python repr
        assert HOSTILE in author["content"]


def test_front_matter_stays_available_to_templates(build_site):
    override = "{% extends 'main.html' %}{% block content %}<p id=raw>{{ page.meta.ctoblog.front_matter.extra.colour | e }}</p>" \
               "<p id=author>{{ page.meta.author }}</p>{{ super() }}{% endblock %}"
    site = build_site(
        {POST: post("title: T\nauthor: [Ann, Bo]\nextra: {colour: '<red>'}\ntemplate: post.html")},
        theme={"name": "mkdocs", "custom_dir": "overrides"},
        root_files={"overrides/post.html": override},
    )
    page = site.soup("blog/bad/")
    assert page.select_one("#raw").get_text() == "<red>"
    assert page.select_one("#author").get_text() == "Ann, Bo"


# -- bounded work ---------------------------------------------------------------------------------

ALIAS_BOMB = "\n".join(
    [f"{name}: &{name} [" + ",".join([f"*{prev}" if prev else "lol"] * 9) + "]" for prev, name in
     [("", "a"), ("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "f")]] + ["tags: [" + ",".join(["*f"] * 9) + "]"]
)


def timed_build(root: Path, text: str, *, plugin: bool) -> tuple[float, subprocess.CompletedProcess[str]]:
    return timed_cli_build(root, {"index.md": "# Home\n", POST: text}, plugin=plugin)


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("---\ndate: 2024-01-01\n---\n# a" + " " * 4000 + "x\n", None),
        ("---\ndate: 2024-01-01\n---\n" + " " * 32000 + "\n", None),
        ("---\ndate: 2024-01-01\n---\nx\n" + "\n" * 40000 + "<!-- more -->\nrest\n", None),
        ("---\ndate: 2024-01-01\n---\n" + "```\n" * 16000, None),
        ("---\ndate: 2024-01-01\n---\n" + "```a\n" * 16000, None),  # its excerpt: from the first 20,000 characters
        ("---\ndate: 2024-01-01\ndescription: '" + "word " * 3000 + "'\n---\nb\n", "summary longer than 10,000 characters: cut in its feed entry"),
        ("---\ndate: 2024-01-01\n---\n" + " \n" * 20000 + "x\n", None),
        ("---\ntitle: T\ndate: 2024-01-01\n" + ALIAS_BOMB + "\n---\nbody\n", "front matter has more than 10,000 values"),
        ("---\ntitle: T\ndate: 2024-01-01\na: &a [*a]\n---\nbody\n", "front matter has more than 10,000 values"),
        ("---\n- a\n- b\n---\nbody\n", "front matter is YAML list, not a mapping"),
        ("---\njust text\n---\nbody\n", "front matter is YAML text, not a mapping"),
        ("---\ntitle: T\ndate: 2024-01-01\ncategories: [" + ",".join(f"c{i}" for i in range(1000)) + "]\n---\nb\n",
         "'categories' expected at most 50 names, received 1000; using the first 50"),
        ("---\ntitle: T\ndate: 2024-01-01\ntags: " + " ".join(f"t{i}" for i in range(500)) + "\n---\nb\n",
         "'tags' expected at most 50 names, received 500"),
    ],
)
def test_hostile_posts_build_about_as_fast_as_without_the_plugin(tmp_path, text, warning):
    plain_time, _plain = timed_build(tmp_path / "plain", text, plugin=False)
    ours_time, result = timed_build(tmp_path / "ours", text, plugin=True)
    warnings = warning_lines(result)
    if warning is None:
        assert result.returncode == 0, warnings
    else:
        assert result.returncode == 1
        assert len(warnings) == 1 and f"{POST}: {warning}" in warnings[0], warnings
    # CPU seconds, so other processes on the machine do not count; the slow paths took 20 s to hours.
    assert ours_time < 2 * plain_time + 2, (ours_time, plain_time)
