"""Every internal href/src/srcset and #anchor of a built site resolves (tests/tools/sitelinks.py).

Checked as a browser would resolve them from each page's URL: the example site in both themes, and
again served under a sub-path (`site_url: https://example.com/sub/`) and with
`use_directory_urls: false`; then a small test blog that uses what the example does not (dated
URLs, permalinks, pagination of categories, tags and authors, a page asking for blocks).
Material's rule is on: every `<link rel="alternate">` folder holds the `sitemap.xml` its
JavaScript fetches. Absolute URLs into the site (canonical, `og:url`, `og:image`) are checked too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLE_SITE, MATERIAL, mkdocs_cli_build, post
from tools.sitelinks import check_site

MKDOCS_THEME = {"name": "mkdocs", "highlightjs": False}


def _example_variant(root: Path, **overrides) -> Path:
    config = root / "mkdocs.yml"
    config.write_text(
        yaml.safe_dump({"INHERIT": str(EXAMPLE_SITE / "mkdocs.yml"), "docs_dir": str(EXAMPLE_SITE / "docs"),
                        **overrides}),
        encoding="utf-8",
    )
    return mkdocs_cli_build(config, root / "site")


def test_example_site(example_site):
    problems = check_site(example_site, site_url="https://example.com/", material=True)
    assert not problems, "\n".join(problems)


def test_example_site_mkdocs_theme(example_site_mkdocs_theme):
    problems = check_site(example_site_mkdocs_theme, site_url="https://example.com/")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("site_url", "directory_urls", "theme"),
    [
        pytest.param("https://example.com/sub/", True, MATERIAL, id="sub-path"),
        pytest.param("https://example.com/", False, MATERIAL, id="no-directory-urls"),
        pytest.param("https://example.com/sub/", False, MATERIAL, id="sub-path-no-directory-urls"),
        pytest.param("https://example.com/sub/", False, MKDOCS_THEME, id="mkdocs-theme-sub-path-no-directory-urls"),
    ],
)
def test_example_site_variants(tmp_path, site_url, directory_urls, theme):
    site = _example_variant(tmp_path, site_url=site_url, use_directory_urls=directory_urls, theme=theme)
    if not directory_urls:
        assert (site / "blog" / "index.html").is_file() and (site / "blog" / "what-a-fractional-cto-actually-does.html").is_file()
    problems = check_site(site, site_url=site_url, material=theme is MATERIAL)
    assert not problems, "\n".join(problems)


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _test_blog() -> dict[str, str | bytes]:
    docs: dict[str, str | bytes] = {
        "index.md": "# Home\n\n<!-- ctoblog:latest count=4 -->\n\nSee the [blog](blog/index.md).\n",
        "services.md": "---\ntitle: Services\nimage: assets/services.png\nnewsletter: true\ncta: services\n---\n# Services\n\nText.\n",
        "contact.md": "# Contact\n\n## Write to me\n\nhello@example.com\n",
        "assets/services.png": PNG,
        "assets/covers/one.png": PNG,
        "blog/index.md": "# Notes\n\nEverything I write.\n",
        "blog/.authors.yml": "authors:\n  jo:\n    name: Jo Doe\n    avatar: /assets/covers/one.png\n    url: /contact/\n",
        "blog/posts/2024/cover.png": PNG,
    }
    for i in range(14):
        category = ["fCTO", "Hiring", "Due Diligence"][i % 3]
        extra = ""
        if i == 0:
            extra = "\nimage: cover.png\nimage_alt: A cover next to the post\npermalink: /notes/:year/:title/"
        elif i == 1:
            extra = "\nimage: /assets/covers/one.png\nread_next: [services.md, contact.md]\ncta: services"
        elif i == 2:
            extra = "\nimage: {path: /assets/services.png, alt: Services}\nupdated: 2024-12-01"
        docs[f"blog/posts/2024/2024-{i % 12 + 1:02d}-{i + 1:02d}-note-{i}.md"] = post(
            f"title: Note {i}\nauthor: jo\ncategory: {category}\ntags: [t{i % 4}, shared]{extra}",
            f"Body of note {i}. [Contact](../../../contact.md#write-to-me), [services](../../../services.md).\n\n"
            "## A section\n\nMore text, see [above](#a-section).\n",
        )
    docs["blog/posts/2024/2024-03-03-draft.md"] = post("title: Draft\ndraft: true\ncategory: fCTO")
    return docs


PLUGIN = {
    "pagination": 4,
    "post_url_format": "{year}/{month}/{slug}",
    "newsletter": {"default": True, "provider": "buttondown", "username": "example"},
    "cta": {"default": "services", "blocks": {
        "services": {"title": "Need help?", "text": "See [services](/services/) or [write](contact.md#write-to-me).",
                     "button": {"label": "Get in touch", "url": "/contact/"}}}},
    "comments": {"provider": "giscus", "repo": "o/r", "repo_id": "R_1", "category": "C", "category_id": "DIC_1"},
}


@pytest.mark.parametrize("theme", [MATERIAL, MKDOCS_THEME], ids=["material", "mkdocs"])
@pytest.mark.parametrize(
    ("site_url", "directory_urls"),
    [("https://example.com/", True), ("https://example.com/sub/", True), ("https://example.com/sub/", False)],
    ids=["root", "sub-path", "sub-path-no-directory-urls"],
)
def test_test_blog(build_site, theme, site_url, directory_urls):
    site = build_site(_test_blog(), plugin=PLUGIN, theme=theme, site_url=site_url,
                      use_directory_urls=directory_urls, strict=True)
    html = sorted(site.site_dir.rglob("*.html"))
    assert len(html) > 30
    assert (site.site_dir / "notes" / "2024" / "note-0" / "index.html").is_file()
    problems = check_site(site.site_dir, site_url=site_url, material=theme is MATERIAL)
    assert not problems, "\n".join(problems)


def test_checker_catches_broken_links(tmp_path, example_site):
    """The checker is not blind: a dead link, a missing anchor and a path above the base fail."""
    import shutil

    site = tmp_path / "site"
    shutil.copytree(example_site, site)
    page = site / "blog" / "index.html"
    text = page.read_text(encoding="utf-8")
    text = text.replace('href="page/2/"', 'href="page/9/"', 1).replace("</body>", '<a href="../#nope">x</a><a href="../../x/">y</a></body>', 1)
    page.write_text(text, encoding="utf-8")
    problems = check_site(site, site_url="https://example.com/", material=True)
    assert any("page/9/" in p for p in problems), problems
    assert any("no id 'nope'" in p for p in problems), problems
    assert any("climbs above" in p for p in problems), problems
