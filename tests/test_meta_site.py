"""Head meta of real builds: Open Graph, `article:*`, Twitter card, canonical and JSON-LD, parsed
with BeautifulSoup and json; never a tag twice, with Material's social plugin on and off."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from collections import Counter
from pathlib import Path

import pytest
from conftest import MATERIAL, post
from test_feeds_site import COVER, DOCS

EVIL_TITLE = "Quotes \"double\" & 'single' </script><script>alert(1)</script> <!-- end"

META_DOCS: dict[str, str | bytes] = {
    **DOCS,
    "blog/posts/2023-04-01-evil.md": post(
        f"title: {json.dumps(EVIL_TITLE)}\ncategory: fCTO\ndescription: {json.dumps('A </script> in the description')}",
        "Body.\n",
    ),
}


def head_meta(soup) -> list[tuple[str, str]]:
    """(key, content) of every `<meta property|name>` in the head, in order."""
    found = []
    for tag in soup.head.select("meta[property], meta[name]"):
        found.append(((tag.get("property") or tag.get("name")).lower(), tag.get("content", "")))
    return found


def one(soup, key: str) -> str:
    values = [content for k, content in head_meta(soup) if k == key]
    assert len(values) == 1, (key, values)
    return values[0]


def json_ld(soup) -> list[dict]:
    return [json.loads(s.get_text()) for s in soup.head.select('script[type="application/ld+json"]')]


def assert_no_duplicates(soup) -> None:
    counts = Counter(k for k, _ in head_meta(soup) if not k.startswith("article:tag"))
    assert [k for k, n in counts.items() if n > 1] == []
    assert len(soup.head.select('link[rel="canonical"]')) == 1
    hrefs = [link["href"] for link in soup.head.select('link[rel="alternate"]')]
    assert len(hrefs) == len(set(hrefs))


@pytest.mark.parametrize("theme", [MATERIAL, "mkdocs"])
def test_post_meta_and_blog_posting(build_site, theme):
    # One author: author pages only with `min_authors: 1`, and then the JSON-LD links to it.
    site = build_site(META_DOCS, theme=theme, site_url="https://example.com/sub/", plugin={"authors": {"min_authors": 1}})
    soup = site.soup("blog/alpha/")
    assert_no_duplicates(soup)
    url = "https://example.com/sub/blog/alpha/"
    assert one(soup, "og:type") == "article"
    assert one(soup, "og:title") == "Alpha"
    assert one(soup, "og:url") == url
    assert one(soup, "og:site_name") == "Test blog"
    assert one(soup, "og:locale") == "en_US"
    assert one(soup, "og:image") == "https://example.com/sub/assets/cover.png"
    assert (one(soup, "og:image:width"), one(soup, "og:image:height")) == ("120", "63")
    assert one(soup, "og:image:type") == "image/png"
    assert one(soup, "og:image:alt") == "A grey cover"
    assert one(soup, "og:description").startswith("Read beta")
    assert one(soup, "article:published_time") == "2023-01-10T00:00:00+00:00"
    assert one(soup, "article:modified_time") == "2023-01-10T00:00:00+00:00"
    assert one(soup, "article:section") == "fCTO"
    assert [c for k, c in head_meta(soup) if k == "article:tag"] == ["leadership", "hiring-plans"]
    assert one(soup, "twitter:card") == "summary_large_image"
    assert soup.head.select_one('link[rel="canonical"]')["href"] == url
    (data,) = json_ld(soup)
    assert data["@context"] == "https://schema.org" and data["@type"] == "BlogPosting"
    assert data["headline"] == "Alpha" and data["url"] == url
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["datePublished"] == "2023-01-10T00:00:00+00:00"
    assert data["image"]["url"] == "https://example.com/sub/assets/cover.png"
    assert data["image"]["width"] == 120
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Maya Okafor",
            "url": "https://example.com/sub/blog/author/maya-okafor/",
            "sameAs": ["https://example.com/sub/contact/"],
            "image": "https://example.com/sub/assets/pic.png",
        }
    ]
    assert data["publisher"] == {"@type": "Organization", "name": "Test blog"}
    assert data["keywords"] == ["leadership", "hiring-plans"]
    assert data["articleSection"] == "fCTO"
    assert data["wordCount"] > 5 and data["inLanguage"] == "en"
    # A post without a cover and with an update.
    beta = site.soup("blog/beta/")
    assert_no_duplicates(beta)
    assert one(beta, "og:image") == "https://cdn.example.net/beta.jpg"
    assert one(beta, "article:modified_time") == "2023-03-01T00:00:00+00:00"
    assert one(beta, "og:description") == "The second post."
    gamma = site.soup("blog/gamma/")
    assert "og:image" not in dict(head_meta(gamma))
    assert one(gamma, "twitter:card") == "summary"
    assert json_ld(gamma)[0]["articleSection"] == "Hiring"


def test_script_breaking_title_stays_in_its_string(build_site):
    site = build_site(META_DOCS)
    text = site.text("blog/evil/")
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.DOTALL)
    assert len(scripts) == 1
    data = json.loads(scripts[0])
    assert data["headline"] == EVIL_TITLE
    assert data["description"] == "A </script> in the description"
    assert "<" not in scripts[0] and ">" not in scripts[0] and "&" not in scripts[0]
    soup = site.soup("blog/evil/")
    assert one(soup, "og:title") == EVIL_TITLE
    assert not [s for s in soup.select("script") if s.get_text().strip() == "alert(1)"]
    # The blog index's Blog lists it safely too.
    (blog,) = json_ld(site.soup("blog/"))
    assert blog["blogPost"][0]["headline"] == EVIL_TITLE


def test_index_pages_website_meta_and_blog(build_site):
    site = build_site({**META_DOCS, "blog/index.md": "---\ntitle: My blog\ndescription: Essays on leadership.\n---\n# My blog\n"})
    soup = site.soup("blog/")
    assert_no_duplicates(soup)
    assert one(soup, "og:type") == "website"
    assert one(soup, "og:title") == "My blog"
    assert one(soup, "og:description") == "Essays on leadership."
    assert one(soup, "og:url") == "https://example.com/blog/"
    assert one(soup, "twitter:card") == "summary"
    (data,) = json_ld(soup)
    assert data["@type"] == "Blog" and data["name"] == "My blog" and data["url"] == "https://example.com/blog/"
    headlines = [p["headline"] for p in data["blogPost"]]
    assert headlines == [EVIL_TITLE, "Gamma", "Beta & <friends>", "Alpha"]
    assert all(p["@type"] == "BlogPosting" and p["url"].startswith("https://example.com/blog/") for p in data["blogPost"])
    category = site.soup("blog/category/hiring/")
    assert_no_duplicates(category)
    assert one(category, "og:type") == "website"
    assert one(category, "og:title") == "Hiring"
    assert one(category, "og:description") == "Category: Hiring · Test blog"
    assert json_ld(category) == []


def test_drafts_and_scheduled_in_no_json_ld(build_site):
    site = build_site(META_DOCS)
    for page in site.site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Secret draft" not in text and "Scheduled later" not in text
    assert not site.exists("blog/draft/") and not site.exists("blog/later/")


def test_config_publisher_and_meta_off(build_site):
    site = build_site(META_DOCS, plugin={"meta": {"publisher": "Northbound Ltd", "publisher_logo": "/assets/pic.png"}})
    (data,) = json_ld(site.soup("blog/alpha/"))
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Northbound Ltd",
        "logo": {"@type": "ImageObject", "url": "https://example.com/assets/pic.png"},
    }
    off = build_site(META_DOCS, plugin={"meta": {"enabled": False}})
    soup = off.soup("blog/alpha/")
    assert not [k for k, _ in head_meta(soup) if k.startswith(("og:", "article:", "twitter:"))]
    assert json_ld(soup) == []
    assert len(soup.head.select('link[rel="alternate"]')) == 3  # feeds are still announced


HOOK = '''
from mkdocs.plugins import event_priority


@event_priority(50)  # as Material's social plugin
def on_post_page(output, page, config):
    tags = (
        '<meta property="og:type" content="website">'
        '<meta property="og:title" content="From the other plugin">'
        '<meta property="og:image" content="https://example.com/card.png">'
        '<meta property="og:image:width" content="1200">'
        '<meta property="twitter:card" content="summary_large_image">'
        '<link rel="alternate" type="application/rss+xml" href="../feed.xml">'
    )
    return output.replace("</head>", tags + "</head>", 1)
'''


def test_tags_of_another_plugin_win(build_site, tmp_path):
    """A stand-in for any plugin that writes Open Graph tags (with `property=`, even for Twitter)."""
    hook = tmp_path / "og_hook.py"
    hook.write_text(textwrap.dedent(HOOK))
    site = build_site(META_DOCS, hooks=[str(hook)])
    soup = site.soup("blog/gamma/")
    assert_no_duplicates(soup)
    assert one(soup, "og:type") == "website"
    assert one(soup, "og:title") == "From the other plugin"
    assert one(soup, "og:image") == "https://example.com/card.png"
    assert one(soup, "og:image:width") == "1200"
    assert one(soup, "twitter:card") == "summary_large_image"
    assert one(soup, "og:url") == "https://example.com/blog/gamma/"  # what it left out, we add
    assert one(soup, "article:published_time")
    # A cover does not add a second og:image next to the other plugin's.
    alpha = site.soup("blog/alpha/")
    assert_no_duplicates(alpha)
    assert one(alpha, "og:image") == "https://example.com/card.png"
    assert "og:image:alt" not in dict(head_meta(alpha)) and "twitter:image:alt" not in dict(head_meta(alpha))


@pytest.fixture
def social_cache(tmp_path: Path) -> Path:
    """Material's social plugin downloads its font from Google Fonts: seed its cache with a local
    TrueType font instead (the build is offline)."""
    pytest.importorskip("cairosvg", reason="Material's social plugin needs cairosvg (pip install -e '.[test]')")
    fonts = sorted(Path("/usr/share/fonts").rglob("DejaVuSans.ttf")) + sorted(Path("/usr/share/fonts").rglob("*.ttf"))
    assert fonts, "no TrueType font under /usr/share/fonts for the social cards"
    cache = tmp_path / "social-cache"
    for style in ("Regular", "Bold", "Medium"):
        target = cache / "fonts" / "Roboto" / f"{style}.ttf"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(fonts[0], target)
    return cache


@pytest.mark.parametrize("order", ["social-first", "ctoblog-first"])
def test_material_social_plugin(build_site, social_cache, order):
    social = {"social": {"cache_dir": str(social_cache)}}
    plugins = ["search", social, {"ctoblog": {}}]
    if order == "ctoblog-first":
        plugins = ["search", {"ctoblog": {}}, social]
    site = build_site(META_DOCS, plugins=plugins)
    # No cover: the social card is the image, and nothing is written twice.
    gamma = site.soup("blog/gamma/")
    assert_no_duplicates(gamma)
    card = one(gamma, "og:image")
    assert card == "https://example.com/assets/images/social/blog/gamma.png"
    assert (site.site_dir / "assets/images/social/blog/gamma.png").is_file()
    assert one(gamma, "twitter:card") == "summary_large_image"
    assert one(gamma, "og:type") == "website"  # the social plugin's tag wins (SPEC §4)
    assert one(gamma, "article:published_time") == "2023-03-05T09:30:00-08:00"
    assert json_ld(gamma)[0]["@type"] == "BlogPosting"
    # A cover: the social plugin is told not to make a card, so the cover is the one og:image.
    alpha = site.soup("blog/alpha/")
    assert_no_duplicates(alpha)
    assert one(alpha, "og:image") == "https://example.com/assets/cover.png"
    assert one(alpha, "og:type") == "article"
    assert not (site.site_dir / "assets/images/social/blog/alpha.png").exists()
    # Index pages: the card, with our type and URL where the social plugin has none.
    blog = site.soup("blog/")
    assert_no_duplicates(blog)
    assert one(blog, "og:image").startswith("https://example.com/assets/images/social/")
    assert len(COVER) > 0


def test_head_markup_is_valid_html(build_site):
    from tools.vnu import errors, format_messages, run_vnu

    site = build_site(META_DOCS)
    pages = [site.path(url) for url in ("blog/", "blog/alpha/", "blog/evil/", "blog/category/fcto/")]
    bad = errors(run_vnu(pages))
    assert not bad, format_messages(bad, root=site.site_dir)
