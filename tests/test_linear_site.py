"""Bounded work over a post's HTML: thousands of unclosed tags or markers cost what MkDocs spends.

Each body below survives Markdown as raw HTML and made one of the plugin's patterns rescan the rest
of the page from every unclosed tag (quadratic): 14 s to minutes for a few hundred kilobytes,
against 1-3 s for MkDocs itself. The check compares the CPU time of the build with the same site
built without the plugin, so it holds on a busy machine and fails on a quadratic path.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import timed_cli_build

from mkdocs_ctoblog import feeds, inject, placement, sitemaps

POST = "blog/posts/2024-01-01-p.md"


def timed_build(root: Path, body: str, *, plugin: bool) -> tuple[float, subprocess.CompletedProcess[str]]:
    docs = {"index.md": "# Home\n", POST: "---\ntitle: T\ndate: 2024-01-01\n---\n" + body}
    return timed_cli_build(root, docs, plugin=plugin)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("<div>\n" + "<h1 " * 100_000 + "\n</div>\n", id="h1-without-end"),  # was 35 s
        pytest.param("<div>\n" + "<h1>x" * 50_000 + "\n</div>\n", id="h1-unclosed"),  # was 14 s
        pytest.param("<div>\n" + "<!-- ctoblog:latest " * 20_000 + "\n</div>\n", id="latest-unclosed"),  # was > 100 s
        pytest.param("Text.\n\n" * 3 + "i offer " * 20_000 + "[x](y)\n", id="cta-phrase"),  # was 52 s
        pytest.param("{::comment}" * 50_000 + "\n", id="kramdown-comment-unclosed"),  # Liquid translation: was 14 s CPU
    ],
)
def test_unclosed_tags_cost_what_mkdocs_costs(tmp_path, body):
    plain_time, _ = timed_build(tmp_path / "plain", body, plugin=False)
    ours_time, result = timed_build(tmp_path / "ours", body, plugin=True)
    assert "Traceback" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert all("kramdown attributes" in line for line in warnings), warnings  # {::comment}: the attr_list hint
    assert ours_time < 2 * plain_time + 2, (ours_time, plain_time)  # CPU seconds


# -- the helpers: same answer as before on real pages, one pass on hostile ones ---------------

HEADER = '<header class="md-typeset ctoblog-post-header"><h1 id="t">T</h1></header>'


def test_post_header_and_heading_found_as_before():
    page = HEADER + '\n<p>Body <a class="headerlink" href="#x">¶</a></p>\n<h1>Later</h1>'
    assert feeds.entry_html(page, title="T", url="https://e.com/p/", site_root="https://e.com/") == "<p>Body </p>\n<h1>Later</h1>"
    seen = {}
    out = placement.add_post_header('<h1 id="t">T<a class="headerlink" href="#t">¶</a></h1>\n<p>x</p>', "T",
                                    lambda view, **kw: seen.update(kw) or "[H]", None)
    assert out == "[H]\n<p>x</p>" and str(seen["title_html"]).startswith('<h1 id="t">T')
    assert placement.add_post_header("<p>x</p><h1>T</h1>", "T", lambda view, **kw: f"[{kw}]", None).startswith("[{'with_title': False}]")
    assert placement.add_post_header("<h1>T" * 5, "T", lambda view, **kw: f"[{kw}]", None).startswith("[{'with_title': True}]")


def test_latest_markers_as_before():
    html, requests = inject.find_latest('<p><!-- ctoblog:latest count=2 tag=x --></p>\n<p>a</p><!-- ctoblog:latest -->', "p.md")
    assert html == "<!-- ctoblog:latest:0 -->\n<p>a</p><!-- ctoblog:latest:1 -->"
    assert [(r.count, r.tag) for r in requests] == [(2, "x"), (3, None)]
    assert inject.find_latest("<!-- ctoblog:latest count=2", "p.md") == ("<!-- ctoblog:latest count=2", [])


def test_folder_sitemap_as_before():
    site_map = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                "    <url>\n         <loc>https://e.com/</loc>\n    </url>\n"
                "    <url>\n         <loc> https://e.com/blog/x/ </loc>\n         <lastmod>2024-01-01</lastmod>\n    </url>\n"
                "</urlset>")
    assert sitemaps.folder_sitemap(site_map, "https://e.com/blog/") == (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "<url>\n         <loc> https://e.com/blog/x/ </loc>\n         <lastmod>2024-01-01</lastmod>\n    </url>\n"
        "</urlset>")
    assert sitemaps.folder_sitemap("<url>" * 1000, "x") is None


def test_an_excerpt_converts_a_bounded_part_of_a_huge_post(monkeypatch):
    """A post of one huge paragraph, or with `<!-- more -->` at its end, was converted by Markdown
    a second time in full for its excerpt (twice more with Liquid: 3x plain MkDocs)."""
    from mkdocs_ctoblog import excerpts

    converted: list[int] = []
    real = excerpts.markdown_to_text
    monkeypatch.setattr(excerpts, "markdown_to_text", lambda source: converted.append(len(source)) or real(source))
    for body in ("word *em* `c` " * 100_000, ("word *em* " * 700 + "\n\n") * 200 + "<!-- more -->\nrest\n"):
        text = excerpts.excerpt(body, None)
        assert converted[-1] <= excerpts.MAX_SOURCE
        assert text.startswith("word em") and len(text) > 10_000  # still longer than a feed summary keeps
