"""Share links and author bios after posts, built into real sites (both themes)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import MATERIAL, post
from mkdocs.exceptions import Abort

from mkdocs_ctoblog.config import SHARE_SERVICES

MKDOCS_THEME = {"name": "mkdocs", "highlightjs": False}
THEMES = {"material": MATERIAL, "mkdocs": MKDOCS_THEME}

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)

AUTHORS = """\
authors:
  maya:
    name: Maya Okafor
    description: Fractional CTO
    avatar: assets/maya.png
    url: /about/
    bio: Twice a CTO. Read about [my services](services.md) or *write to me*.
    links:
      - {name: LinkedIn, url: "https://www.linkedin.com/in/maya"}
      - {name: Email, url: "mailto:maya@example.com"}
  sam:
    name: Sam Lee
    description: Staff engineer
    bio: Sam writes about on-call.
  quiet:
    name: Quiet Person
"""

TITLE = 'Hiring & firing: "the" hard part'


def docs(extra: dict[str, str | bytes] | None = None) -> dict[str, str | bytes]:
    return {
        "about.md": "# About\n",
        "services.md": "# Services\n",
        "assets/maya.png": PNG,
        "blog/.authors.yml": AUTHORS,
        "blog/posts/2024-05-01-hiring.md": post(f"title: '{TITLE}'\nauthors: [maya, sam]"),
        "blog/posts/2024-05-02-solo.md": post("title: Solo\nauthor: maya"),
        "blog/posts/2024-05-03-no-bio.md": post("title: No bio\nauthor: maya\nauthor_bio: false"),
        "blog/posts/2024-05-04-quiet.md": post("title: Quiet\nauthor: quiet"),
        **(extra or {}),
    }


def article(site, url: str):
    soup = site.soup(url)
    return soup.select_one("article.md-content__inner") or soup.select_one('[role="main"]')


# -- share links --------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", list(THEMES))
def test_share_links_carry_the_encoded_canonical_url_and_title(build_site, theme):
    site = build_site(docs(), theme=THEMES[theme], site_url="https://example.com/sub/")
    share = article(site, "blog/hiring/").select_one(".ctoblog-share")
    canonical = site.soup("blog/hiring/").select_one('link[rel="canonical"]')["href"]
    assert canonical == "https://example.com/sub/blog/hiring/"
    items = share.select(".ctoblog-share__item")
    assert [li["class"][1].removeprefix("ctoblog-share__item--") for li in items] == list(SHARE_SERVICES)
    links = {a.get_text(strip=True): a for a in share.select("a.ctoblog-share__link")}
    assert {name: a["aria-label"] for name, a in links.items()} == {
        "LinkedIn": "Share on LinkedIn",
        "X": "Share on X",
        "Bluesky": "Share on Bluesky",
        "Hacker News": "Share on Hacker News",
        "Email": "Share by email",
    }
    encoded_url = "https%3A%2F%2Fexample.com%2Fsub%2Fblog%2Fhiring%2F"
    encoded_title = "Hiring%20%26%20firing%3A%20%22the%22%20hard%20part"
    assert links["LinkedIn"]["href"] == f"https://www.linkedin.com/sharing/share-offsite/?url={encoded_url}"
    assert links["X"]["href"] == f"https://x.com/intent/tweet?url={encoded_url}&text={encoded_title}"
    assert links["Bluesky"]["href"] == f"https://bsky.app/intent/compose?text={encoded_title}%20{encoded_url}"
    assert links["Hacker News"]["href"] == f"https://news.ycombinator.com/submitlink?u={encoded_url}&t={encoded_title}"
    assert links["Email"]["href"] == f"mailto:?subject={encoded_title}&body={encoded_url}"
    query = parse_qs(urlsplit(links["X"]["href"]).query)
    assert query == {"url": [canonical], "text": [TITLE]}
    copy = share.select_one("button.ctoblog-share__copy")
    assert copy["type"] == "button" and copy["data-url"] == canonical and copy.get_text(strip=True) == "Copy link"
    assert copy["data-copied"] == "Link copied"
    status = share.select_one(".ctoblog-share__status")
    assert status["role"] == "status" and status["aria-live"] == "polite"
    # no third-party script: only the theme's and our own, local
    scripts = [s["src"] for s in site.soup("blog/hiring/").select("script[src]")]
    assert any(src.endswith("ctoblog/ctoblog.js") for src in scripts)
    assert not [src for src in scripts if src.startswith(("http:", "https:", "//"))]
    assert site.exists("ctoblog/ctoblog.js")


def test_share_list_and_order_come_from_config(build_site):
    site = build_site(docs(), plugin={"share": ["email", "hackernews"]})
    items = article(site, "blog/solo/").select(".ctoblog-share__item")
    assert [li["class"][1] for li in items] == ["ctoblog-share__item--email", "ctoblog-share__item--hackernews"]
    # without "copy" the script is not added to the site's pages
    assert not [s for s in site.soup("blog/solo/").select("script[src]") if "ctoblog.js" in s["src"]]


def test_share_false_turns_the_block_off(build_site):
    site = build_site(docs(), plugin={"share": False})
    assert article(site, "blog/solo/").select(".ctoblog-share") == []
    assert not [s for s in site.soup("blog/solo/").select("script[src]") if "ctoblog.js" in s["src"]]


def test_share_links_only_on_posts_and_only_with_site_url(build_site):
    site = build_site(docs())
    assert article(site, "about/").select(".ctoblog-share") == []
    assert article(site, "blog/").select(".ctoblog-share") == []
    assert len(article(site, "blog/solo/").select(".ctoblog-share")) == 1
    without = build_site(docs(), site_url="")
    assert article(without, "blog/solo/").select(".ctoblog-share") == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (["linkedin", "myspace"], "Expected false or a list out of linkedin, x, bluesky, hackernews, email, copy, but received: 'myspace'"),
        (["x", "x"], "Expected each share service once"),
        ("x", "Expected false or a list out of linkedin, x, bluesky, hackernews, email, copy, but received: 'x'"),
    ],
)
def test_bad_share_config_is_a_config_error(value, message):
    from mkdocs_ctoblog.plugin import CtoblogPlugin

    errors, _ = CtoblogPlugin().load_config({"share": value})
    assert len(errors) == 1
    assert message in str(errors[0][1])


# -- author bio ---------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", list(THEMES))
def test_one_bio_box_per_author_with_a_bio(build_site, theme):
    site = build_site(docs(), theme=THEMES[theme])
    boxes = article(site, "blog/hiring/").select(".ctoblog-author-bio .ctoblog-author-bio__author")
    assert [b.select_one(".ctoblog-author-bio__name").get_text(strip=True) for b in boxes] == ["Maya Okafor", "Sam Lee"]
    maya, sam = boxes
    assert maya.select_one(".ctoblog-author-bio__role").get_text() == "Fractional CTO"
    assert maya.select_one(".ctoblog-author-bio__name a")["href"] == "../../about/"
    avatar = maya.select_one("img.ctoblog-author-bio__avatar")
    assert avatar["src"] == "../../assets/maya.png" and site.exists("assets/maya.png")
    assert (avatar["width"], avatar["height"], avatar["alt"], avatar["loading"]) == ("96", "96", "", "lazy")
    text = maya.select_one(".ctoblog-author-bio__text")
    assert text.select_one("em").get_text() == "write to me"  # Markdown, rendered
    assert text.select_one("a")["href"] == "../../services/"  # a doc path, relative to the post
    assert [(a.get_text(), a["href"]) for a in maya.select(".ctoblog-author-bio__links a")] == [
        ("LinkedIn", "https://www.linkedin.com/in/maya"),
        ("Email", "mailto:maya@example.com"),
    ]
    assert sam.select("img") == [] and sam.select(".ctoblog-author-bio__links") == []
    assert sam.select_one(".ctoblog-author-bio__text").get_text(strip=True) == "Sam writes about on-call."


def test_bio_off_by_front_matter_config_or_without_a_bio(build_site):
    site = build_site(docs())
    assert len(article(site, "blog/solo/").select(".ctoblog-author-bio__author")) == 1
    assert article(site, "blog/no-bio/").select(".ctoblog-author-bio") == []
    assert article(site, "blog/quiet/").select(".ctoblog-author-bio") == []
    off = build_site(docs(), plugin={"author_bio": {"enabled": False}})
    assert article(off, "blog/solo/").select(".ctoblog-author-bio") == []


def test_default_order_share_then_bio_then_the_other_blocks(build_site):
    plugin = {"newsletter": {"default": True, "provider": "buttondown", "username": "me"}}
    site = build_site(docs(), plugin=plugin)
    blocks = article(site, "blog/solo/").select(".ctoblog-share, .ctoblog-author-bio, .ctoblog-newsletter, .ctoblog-read-next")
    assert [b["class"][0] for b in blocks] == ["ctoblog-share", "ctoblog-author-bio", "ctoblog-newsletter", "ctoblog-read-next"]
    reordered = build_site(docs(), plugin={**plugin, "blocks_order": ["newsletter", "author_bio"]})
    blocks = article(reordered, "blog/solo/").select(".ctoblog-share, .ctoblog-author-bio, .ctoblog-newsletter")
    assert [b["class"][0] for b in blocks] == ["ctoblog-newsletter", "ctoblog-author-bio"]


def test_bio_text_is_not_in_the_search_index(build_site):
    site = build_site(docs())
    index = (site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Twice a CTO" not in index and "Share on LinkedIn" not in index


def test_unsafe_author_urls_are_one_warning_each_and_left_out(build_site, warnings_of):
    authors = """\
    authors:
      maya:
        name: Maya
        avatar: "javascript:alert(1)"
        bio: Hi.
        links:
          - {name: Site, url: " java\tscript:alert(1)"}
          - {name: Home, url: "https://example.com/"}
          - LinkedIn
    """
    with pytest.raises(Abort):
        build_site(docs({"blog/.authors.yml": authors}), strict=True)
    assert warnings_of() == [
        "blog/.authors.yml: author 'maya' 'avatar' expected a relative, http(s) or mailto URL, received 'javascript:alert(1)'; left out",
        "blog/.authors.yml: author 'maya' 'links' expected a relative, http(s) or mailto URL, received 'java\tscript:alert(1)'; left out",
        "blog/.authors.yml: author 'maya' 'links' expected a list of {name, url}, received 'LinkedIn'",
    ]
    site = build_site(docs({"blog/.authors.yml": authors}))
    box = article(site, "blog/solo/").select_one(".ctoblog-author-bio")
    assert box.select("img") == []
    assert [a["href"] for a in box.select(".ctoblog-author-bio__links a")] == ["https://example.com/"]


def test_bio_link_or_avatar_naming_a_missing_file_is_one_warning_each(build_site, warnings_of):
    authors = "authors:\n  maya:\n    name: Maya\n    avatar: nope.png\n    bio: See [my notes](notes.md).\n"
    with pytest.raises(Abort):
        build_site(docs({"blog/.authors.yml": authors}), strict=True)
    assert warnings_of() == [
        "blog/.authors.yml: author 'maya' 'avatar' expected a page or file of the site, a site path or a URL, received 'nope.png'",
        "blog/.authors.yml: author 'maya' 'bio' expected a page or file of the site, a site path or a URL, received 'notes.md'",
    ]
