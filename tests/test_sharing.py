"""Unit tests of the pure parts of feeds, meta and sitemaps (no build)."""

from __future__ import annotations

import json

import pytest
from PIL import Image

from mkdocs_ctoblog import feeds, images, meta, sitemaps


def test_entry_html_strips_our_markup_and_makes_links_absolute():
    page = (
        '<h1 id="t">T &amp; U<a class="headerlink" href="#t" title="Permanent link">¶</a></h1>'
        '<header class="ctoblog-post-header"><p>date, authors</p></header>'
        "<!-- ctoblog:cta --><p>See <a href='../y/#z'>y</a>, <a href=\"/c/\">c</a>, "
        '<a href="https://o.example/?a=1&amp;b=2">o</a>, <a href="#h">h</a>.</p>'
        '<img alt="a > b" src="a.png" srcset="a.png 1x, /b.png 2x"><!-- /ctoblog:cta -->'
        '<pre><code>&lt;a href="x"&gt;</code></pre>'
    )
    out = feeds.entry_html(page, title="T & U", url="https://e.com/s/blog/x/", site_root="https://e.com/s/")
    assert out == (
        "<p>See <a href='https://e.com/s/blog/y/#z'>y</a>, <a href=\"https://e.com/s/c/\">c</a>, "
        '<a href="https://o.example/?a=1&amp;b=2">o</a>, <a href="https://e.com/s/blog/x/#h">h</a>.</p>'
        '<img alt="a > b" src="https://e.com/s/blog/x/a.png" '
        'srcset="https://e.com/s/blog/x/a.png 1x, https://e.com/s/b.png 2x">'
        '<pre><code>&lt;a href="x"&gt;</code></pre>'
    )


def test_entry_html_keeps_a_heading_that_is_not_the_title():
    out = feeds.entry_html(
        "<h1>Another heading</h1><p>x</p>", title="Title", url="https://e.com/", site_root="https://e.com/"
    )
    assert out.startswith("<h1>Another heading</h1>")


def test_script_json_cannot_break_out():
    text = meta.script_json({"headline": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"headline": "</script><!-- & \u2028"}


@pytest.mark.parametrize(
    ("locale", "expected"), [("en", "en_US"), ("de_CH", "de_CH"), ("pt", "pt_BR"), ("fr-CA", "fr_CA")]
)
def test_og_locale(locale, expected):
    assert meta.og_locale(locale) == expected


@pytest.mark.parametrize("suffix", [".png", ".jpg", ".gif", ".webp"])
def test_raster_size_of_common_formats(tmp_path, suffix):
    path = tmp_path / f"cover{suffix}"
    Image.new("RGB", (640, 480), "teal").save(path)
    assert images.raster_size(str(path)) == (640, 480)


def test_raster_size_leaves_out_svg_and_unreadable_files(tmp_path):
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a png")
    assert images.raster_size(str(svg)) is None
    assert images.raster_size(str(broken)) is None
    assert images.raster_size(str(tmp_path / "missing.png")) is None


def test_head_view_leaves_out_what_the_page_has():
    found = meta.existing(
        '<html><head><meta property="og:title" content="x"><meta property=og:image content=y>'
        '<meta property="twitter:card" content="summary"><link rel=canonical href=/x>'
        '<script type="application/ld+json">{"@type": "BlogPosting"}</script></head><body></body></html>'
    )
    tags = (
        meta.MetaTag("property", "og:title", "A"),
        meta.MetaTag("property", "og:image", "B"),
        meta.MetaTag("property", "og:image:width", "1"),
        meta.MetaTag("property", "og:url", "C"),
        meta.MetaTag("name", "twitter:card", "summary"),
    )
    view = meta.head_view(
        tags=tags, canonical="https://e.com/x", alternates=(), found=found, json_ld={"@type": "BlogPosting"}
    )
    assert view.tags == (meta.MetaTag("property", "og:url", "C"),)
    assert view.canonical is None and view.json_ld is None


def test_folder_sitemap_keeps_urls_under_the_folder():
    site_map = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "    <url>\n         <loc>https://e.com/</loc>\n    </url>\n"
        "    <url>\n         <loc>https://e.com/blog/x/</loc>\n         <lastmod>2024-01-01</lastmod>\n    </url>\n"
        "</urlset>\n"
    )
    out = sitemaps.folder_sitemap(site_map, "https://e.com/blog/")
    assert out is not None and "https://e.com/blog/x/" in out and "<loc>https://e.com/</loc>" not in out
    assert out.startswith('<?xml version="1.0"') and out.rstrip().endswith("</urlset>")
