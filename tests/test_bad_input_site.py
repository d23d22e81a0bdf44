"""Bad input: one clear line naming file, key, value and expectation; never a traceback."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import post, write_tree
from mkdocs.exceptions import Abort

from mkdocs_ctoblog.plugin import CtoblogPlugin


def card_titles(site):
    return [a.get_text() for a in site.soup("blog/").select(".ctoblog-card__link")]


@pytest.mark.parametrize(
    ("text", "expected_warning"),
    [
        ("title: [a, b]", "blog/posts/2023-01-01-bad.md: 'title' expected text, received ['a', 'b']"),
        ("title: T\ndate: 2023-02-30", "blog/posts/2023-01-01-bad.md: 'date' expected a real calendar date"),
        ("title: T\ndate: soon", "blog/posts/2023-01-01-bad.md: 'date' expected a date like 2023-07-27"),
        ("title: T\nimage: 'javascript:alert(1)'", "'image' expected a relative URL, a site path or an http(s) or mailto URL, received 'javascript:alert(1)'; left out"),
        ("title: T\nimage: 'data:image/png;base64,AAAA'", "'image' expected a relative URL, a site path or an http(s) or mailto URL, received 'data:"),
        ("title: T\nimage: /missing.png", "blog/posts/2023-01-01-bad.md: 'image' file not found in docs_dir: '/missing.png'"),
        ("title: T\ndraft: maybe", "'draft' expected true or false, received 'maybe'"),
        ("title: T\ncategories: {a: 1}", "'categories' expected a name or a list of names, received {'a': 1}"),
        ("title: T\ncategory: Unlisted", "'categories' expected one of the categories_allowed, received 'Unlisted'"),
    ],
)
def test_bad_values_warn_and_strict_fails(build_site, warnings_of, text, expected_warning):
    docs = {"blog/posts/2023-01-01-bad.md": post(text)}
    site = build_site(docs, plugin={"categories_allowed": ["Ops"]})
    matching = [w for w in warnings_of() if expected_warning in w]
    assert len(matching) == 1, warnings_of()
    assert "\n" not in matching[0]
    assert card_titles(site)  # the post itself still builds, from what was usable
    with pytest.raises(Abort):
        build_site(docs, plugin={"categories_allowed": ["Ops"]}, strict=True)


def test_broken_yaml_falls_back_to_the_file_name(build_site, warnings_of):
    site = build_site({"blog/posts/2023-05-06-broken-yaml.md": "---\ntitle: [unclosed\ndate: x\n---\nBody text.\n"})
    assert card_titles(site) == ["Broken Yaml"]
    assert site.soup("blog/broken-yaml/").select_one(".ctoblog-post-header time")["datetime"].startswith("2023-05-06")
    assert any(
        w.startswith("blog/posts/2023-05-06-broken-yaml.md: front matter invalid YAML at line") for w in warnings_of()
    )
    assert "title: [unclosed" not in site.text("blog/broken-yaml/")


def test_post_without_a_date_is_left_out(build_site, warnings_of):
    site = build_site({"blog/posts/notes.md": post("title: Notes"), "blog/posts/2023-01-01-ok.md": post("title: Ok")})
    assert card_titles(site) == ["Ok"]
    assert not site.exists("blog/notes/")
    assert any("blog/posts/notes.md: no usable date" in w for w in warnings_of())


def test_two_posts_on_one_url_stop_the_build(build_site, caplog):
    docs = {
        "blog/posts/2023-01-01-same.md": post("title: A"),
        "blog/posts/2024-01-01-same.md": post("title: B"),
    }
    with pytest.raises(Abort):
        build_site(docs)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any("'blog/posts/2023-01-01-same.md' and 'blog/posts/2024-01-01-same.md'" in e for e in errors), errors


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"pagination": 0}, "Expected a whole number of 1 or more, but received: 0"),
        ({"pagination": "ten"}, "Expected type: <class 'int'> but received: <class 'str'>"),
        ({"timezone": "Mars/Base"}, "Expected an IANA time zone name such as 'Europe/London', but received: 'Mars/Base'"),
        ({"no_such_option": 1}, "Unrecognised configuration name: no_such_option"),
        ({"strings": {"read_nxt": "x"}}, "Unknown key 'read_nxt'"),
        ({"cta": {"position": "middle"}}, "Expected 'bottom', 'top' or 'after_paragraph:N', but received: 'middle'"),
    ],
)
def test_config_errors(config, message):
    errors, _warnings = CtoblogPlugin().load_config(config)
    assert any(message in str(error) for _name, error in errors), errors


def test_command_line_bad_blog_has_no_traceback_and_changes_no_source(tmp_path: Path):
    docs = {
        "index.md": "# Home\n",
        "blog/posts/2023-02-30-impossible.md": post("title: [x"),
        "blog/posts/undated.md": post("title: Undated"),
        "blog/posts/2023-01-01-bad-date.md": post("date: 2023-02-30\nimage: 'javascript:x'\ndescription: yes"),
        "blog/posts/2023-01-02-fine.md": post("title: Fine"),
    }
    write_tree(tmp_path / "docs", docs)
    # site_url set: without it the feeds' "site_url is not set" warning would be a seventh line.
    (tmp_path / "mkdocs.yml").write_text("site_name: Bad\nsite_url: https://example.com/\ntheme: mkdocs\nplugins: [ctoblog]\n")
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (tmp_path / "docs").rglob("*") if p.is_file()}
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    # The impossible file-name date with broken YAML gives two lines: the YAML, then no usable date.
    assert len(warnings) == 6, warnings
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (tmp_path / "docs").rglob("*") if p.is_file()}
    assert after == before
