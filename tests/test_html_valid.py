"""The Nu Html Checker (vnu.jar) on every page of the example site, in both themes.

No message is ignored by its wording. Each error is sorted by where it is: inside the plugin's
markup (an element with a `ctoblog-*` class and everything in it; the tags the plugin writes into
`<head>`) it fails the test; anywhere else it is the theme's, and stays out. Material has two such
errors (`autocomplete` on its hidden checkboxes; a TOC `<label for="__toc">` on pages outside the
nav, which every post is) and a plain MkDocs build shows them too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tools.vnu import errors, format_messages, located_in, markup_lines, run_vnu


def is_plugin_markup(tag: str, attrs: dict[str, str]) -> bool:
    """What the plugin writes: `ctoblog-*` elements, its stylesheet link and its `<head>` tags."""
    if any(c.startswith("ctoblog-") for c in attrs.get("class", "").split()):
        return True
    if tag == "meta":
        key = attrs.get("property") or attrs.get("name") or ""
        return key.startswith(("og:", "article:", "twitter:"))
    if tag == "link" and attrs.get("href", "").endswith("ctoblog/ctoblog.css"):
        return True
    rel = attrs.get("rel", "").lower().split()
    return (tag == "link" and ("canonical" in rel or "alternate" in rel)) or (
        tag == "script" and attrs.get("type") == "application/ld+json")


def split_by_owner(site: Path, messages: list[dict]) -> tuple[list[dict], list[dict], dict[str, list]]:
    """(errors in plugin markup, errors elsewhere, plugin line ranges per page)."""
    ranges: dict[str, list] = {}
    ours, theirs = [], []
    for message in errors(messages):
        url = message.get("url", "")
        path = Path(url.removeprefix("file:")) if url.startswith("file:") else None
        if path is None or not path.is_file():
            ours.append(message)                     # not about a page: a vnu failure
            continue
        key = str(path)
        if key not in ranges:
            ranges[key] = markup_lines(path.read_text(encoding="utf-8"), is_plugin_markup)
        (ours if located_in(message, ranges[key]) else theirs).append(message)
    return ours, theirs, ranges


@pytest.fixture(scope="module")
def vnu_example(example_site: Path, example_site_mkdocs_theme: Path) -> dict[str, tuple[Path, list[dict]]]:
    """vnu's messages for every page of both example builds, one JVM each."""
    return {
        name: (site, run_vnu(sorted(site.rglob("*.html")), ignore=()))
        for name, site in (("material", example_site), ("mkdocs", example_site_mkdocs_theme))
    }


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_no_html_error_in_plugin_markup(vnu_example, theme):
    site, messages = vnu_example[theme]
    ours, _theirs, _ranges = split_by_owner(site, messages)
    assert not ours, "\n" + format_messages(ours, root=site)


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_every_generated_page_and_post_was_checked(vnu_example, theme):
    """The location filter cannot pass by finding no plugin markup: every blog page has some, in
    its body and its head, and vnu read every page."""
    site, messages = vnu_example[theme]
    assert not [m for m in messages if m.get("type") == "non-document-error"], messages[:3]
    blog_pages = sorted((site / "blog").rglob("index.html"))
    assert len(blog_pages) > 40
    for page in blog_pages + [site / "index.html"]:
        text = page.read_text(encoding="utf-8")
        lines = markup_lines(text, is_plugin_markup)
        head_end = text[: text.index("</head>")].count("\n") + 1
        assert any(end <= head_end for _, end in lines), f"{page}: no plugin tags in <head>"
        assert any(start > head_end for start, _ in lines), f"{page}: no plugin markup in <body>"


def test_theme_errors_stay_theme_errors(vnu_example):
    """What is left out is Material's own markup, at Material's own lines (a sanity check of the
    filter, not a list of ignored messages)."""
    site, messages = vnu_example["material"]
    _ours, theirs, _ranges = split_by_owner(site, messages)
    for message in theirs:
        extract = message.get("extract", "")
        assert "ctoblog" not in extract, format_messages([message], root=site)
        assert 'class="md-' in extract or "__toc" in extract or "md-toggle" in extract, format_messages(
            [message], root=site)
