"""Blocks after posts, built into real sites: read next, newsletter, calls to action, comments,
`latest` markers, pasted-block detection, template overrides and bad input under --strict."""

from __future__ import annotations

import json
import logging
import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import MATERIAL, post
from mkdocs.exceptions import Abort

MKDOCS_THEME = {"name": "mkdocs", "highlightjs": False}
THEMES = {"material": MATERIAL, "mkdocs": MKDOCS_THEME}

CATEGORIES = {
    "fCTO": ("fractional", "retainer", "founders"),
    "Hiring": ("interviews", "first-hire", "offers"),
    "Architecture": ("monolith", "cloud", "databases"),
    "Delivery": ("estimates", "on-call", "planning"),
}

SERVICES = """\
---
title: Services
description: Three ways to work together.
image: assets/services.png
---
# Services

Retainers, hiring audits and due diligence.
"""

CONTACT = "# Contact\n\nWrite to hello@example.com.\n"

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def path_of(category: str, i: int) -> str:
    """Source path of the i-th post of a category (slug `<category>-note-<i>`), dates spread over 2024."""
    n = list(CATEGORIES).index(category) * 8 + i + 1
    return f"blog/posts/2024-{1 + n % 12:02d}-{1 + (n * 7) % 27:02d}-{category.lower()}-note-{i}.md"


def blog(extra: dict[str, str | bytes] | None = None) -> dict[str, str | bytes]:
    """32 published posts in four categories (8 each), a draft and a scheduled post, services and contact pages."""
    docs: dict[str, str | bytes] = {"services.md": SERVICES, "contact.md": CONTACT, "assets/services.png": PNG}
    for category, tags in CATEGORIES.items():
        for i in range(8):
            docs[path_of(category, i)] = post(
                f"""
                title: "{category} note {i}"
                description: "About {category.lower()} and {tags[i % 3]}, number {i}."
                category: {category}
                tags: [{tags[i % 3]}, {tags[(i + 1) % 3]}]
                """
            )
    docs["blog/posts/2024-06-01-draft-hiring.md"] = post('title: "Draft hiring"\ncategory: Hiring\ndraft: true')
    docs["blog/posts/2030-01-01-scheduled-hiring.md"] = post('title: "Scheduled hiring"\ncategory: Hiring')
    docs.update(extra or {})
    return docs


def article(site, url: str) -> BeautifulSoup:
    """The page's content column: Material's article, the mkdocs theme's main column."""
    soup = site.soup(url)
    return soup.select_one("article.md-content__inner") or soup.select_one('[role="main"]')


def resolves(site, page_url: str, href: str) -> bool:
    """Whether a relative link on the page at `page_url` leads to a file of the built site."""
    assert not href.startswith(("/", "http:", "https:")), href
    base = page_url if page_url.endswith("/") or page_url == "" else posixpath.dirname(page_url) + "/"
    target = posixpath.normpath(posixpath.join(base, href.split("#")[0]))
    path = site.site_dir / target
    return (path / "index.html").is_file() if path.is_dir() else path.is_file()


def post_urls(site) -> list[str]:
    urls = []
    for path in sorted((site.site_dir / "blog").glob("*/index.html")):
        if path.parent.name not in ("category", "tag", "author", "archive", "page"):
            urls.append(f"blog/{path.parent.name}/")
    return urls


# -- read next ----------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", list(THEMES))
def test_every_post_has_read_next_cards_that_resolve(build_site, theme):
    site = build_site(blog(), theme=THEMES[theme])
    urls = post_urls(site)
    assert len(urls) == 32
    assert not site.exists("blog/draft-hiring/") and not site.exists("blog/scheduled-hiring/")
    for url in urls:
        cards = article(site, url).select(".ctoblog-read-next .ctoblog-card a.ctoblog-card__link")
        hrefs = [a["href"] for a in cards]
        assert len(hrefs) == 3, url
        assert all(resolves(site, url, href) for href in hrefs), (url, hrefs)
        targets = {posixpath.normpath(posixpath.join(url, h)) for h in hrefs}
        assert posixpath.normpath(url) not in targets
        assert not {t for t in targets if "draft" in t or "scheduled" in t}


def test_same_category_picks_first_and_the_log_explains(build_site, caplog):
    caplog.set_level(logging.DEBUG, logger="mkdocs.plugins.mkdocs_ctoblog")
    site = build_site(blog())
    chips = article(site, "blog/hiring-note-0/").select(".ctoblog-read-next .ctoblog-card__categories a")
    assert [a.get_text() for a in chips] == ["Hiring", "Hiring", "Hiring"]
    explained = [r.getMessage() for r in caplog.records if "read next for blog/posts/" in r.getMessage()]
    assert len(explained) == 32
    line = next(m for m in explained if "hiring-note-0.md:" in m)
    assert "1. blog/posts/" in line and "category Hiring" in line


def test_pinned_picks_first_then_ranked_and_false_turns_it_off(build_site):
    docs = blog(
        {
            "blog/posts/2024-03-03-pinning.md": post(
                """
                title: Pinning
                category: Delivery
                read_next: [fcto-note-1, PATH, /services/]
                """
            ),
            "blog/posts/2024-03-04-no-read-next.md": post("title: None\ncategory: Delivery\nread_next: false"),
        }
    )
    docs["blog/posts/2024-03-03-pinning.md"] = docs["blog/posts/2024-03-03-pinning.md"].replace("PATH", path_of("Hiring", 0))
    site = build_site(docs)
    titles = [a.get_text() for a in article(site, "blog/pinning/").select(".ctoblog-read-next .ctoblog-card__link")]
    assert titles[:3] == ["fCTO note 1", "Hiring note 0", "Services"]
    assert len(titles) == 3  # three pins fill read_next.count
    assert article(site, "blog/no-read-next/").select(".ctoblog-read-next") == []


def test_included_page_card_on_every_post(build_site):
    site = build_site(blog(), plugin={"read_next": {"include": ["services.md"], "count": 2}})
    for url in ("blog/hiring-note-3/", "blog/delivery-note-1/"):
        cards = article(site, url).select(".ctoblog-read-next .ctoblog-card")
        assert len(cards) == 3
        page_card = cards[0]
        assert page_card.select_one(".ctoblog-card__link").get_text() == "Services"
        assert page_card.select_one(".ctoblog-card__summary").get_text() == "Three ways to work together."
        image = page_card.select_one("img")
        assert image is not None and resolves(site, url, image["src"])
        assert resolves(site, url, page_card.select_one(".ctoblog-card__link")["href"])


def test_read_next_in_serve_mode_never_picks_a_draft(build_site):
    site = build_site(blog(), command="serve")
    assert site.exists("blog/draft-hiring/")
    for url in ("blog/hiring-note-1/", "blog/draft-hiring/"):
        hrefs = [a["href"] for a in article(site, url).select(".ctoblog-read-next .ctoblog-card__link")]
        assert len(hrefs) == 3 and not [h for h in hrefs if "draft" in h or "scheduled" in h]


def test_block_text_is_not_in_the_search_index(build_site):
    plugin = {
        "newsletter": {"default": True, "provider": "buttondown", "username": "me"},
        "cta": {"default": "svc", "blocks": {"svc": {"title": "Zanzibar offer", "text": "Quetzal consulting."}}},
    }
    site = build_site(blog(), plugin=plugin)
    assert article(site, "blog/hiring-note-1/").select(".ctoblog-cta, .ctoblog-newsletter, .ctoblog-read-next")
    index = json.loads(site.text("search/search_index.json"))
    text = " ".join(doc["text"] + doc["title"] for doc in index["docs"])
    assert "Zanzibar" not in text and "Quetzal" not in text
    assert "Subscribe to the newsletter" not in text and "Read next" not in text
    assert "ctoblog:" not in text


# -- newsletter ---------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", list(THEMES))
def test_newsletter_where_front_matter_or_default_says(build_site, theme):
    docs = blog(
        {
            "blog/posts/2024-05-05-asks.md": post("title: Asks\ncategory: Hiring\nnewsletter: true"),
            "blog/posts/2024-05-06-refuses.md": post("title: Refuses\ncategory: Hiring\nnewsletter: false"),
            "plain.md": "# Plain page\n\nNo front matter.\n",
            "asking-page.md": "---\nnewsletter: true\n---\n# Asking page\n",
        }
    )
    plugin = {"newsletter": {"provider": "buttondown", "username": "northbound"}}
    site = build_site(docs, plugin=plugin, theme=THEMES[theme])
    form = article(site, "blog/asks/").select_one(".ctoblog-newsletter form")
    assert form["method"] == "post"
    assert form["action"] == "https://buttondown.com/api/emails/embed-subscribe/northbound"
    email = form.select_one('input[type="email"]')
    assert email["name"] == "email" and email.has_attr("required")
    assert form.select_one(f'label[for="{email["id"]}"]').get_text(strip=True) == "Email address"
    assert form.select_one('button[type="submit"]').get_text(strip=True) == "Subscribe"
    assert form.select_one('input[type="hidden"][name="embed"]')["value"] == "1"
    assert form.select_one('input[name="website"][tabindex="-1"]') is not None
    assert article(site, "blog/asks/").select_one(".ctoblog-newsletter__privacy").get_text(strip=True)
    assert article(site, "blog/refuses/").select(".ctoblog-newsletter") == []
    assert article(site, "blog/hiring-note-1/").select(".ctoblog-newsletter") == []  # default: false
    assert article(site, "plain/").select(".ctoblog-newsletter") == []
    assert len(article(site, "asking-page/").select(".ctoblog-newsletter form")) == 1

    site = build_site(docs, plugin={"newsletter": {**plugin["newsletter"], "default": True}}, theme=THEMES[theme])
    assert article(site, "blog/hiring-note-1/").select(".ctoblog-newsletter form")
    assert article(site, "blog/refuses/").select(".ctoblog-newsletter") == []
    assert article(site, "plain/").select(".ctoblog-newsletter") == []


@pytest.mark.parametrize(
    ("settings", "action", "email", "honeypot", "hidden"),
    [
        ({"provider": "buttondown", "username": "nb"}, "https://buttondown.com/api/emails/embed-subscribe/nb", "email", "website", {"embed": "1"}),
        (
            {"provider": "mailchimp", "list_url": "https://x.us21.list-manage.com/subscribe/post-json?u=abc&id=def"},
            "https://x.us21.list-manage.com/subscribe/post?u=abc&id=def",
            "EMAIL",
            "b_abc_def",
            {},
        ),
        ({"provider": "kit", "form_id": 1234567}, "https://app.kit.com/forms/1234567/subscriptions", "email_address", "website", {}),
        ({"provider": "substack", "username": "northbound"}, "https://northbound.substack.com/api/v1/free?nojs=true", "email", "website", {}),
        (
            {"action": "https://forms.example.com/s", "email_field": "addr", "honeypot_field": "hp", "hidden_fields": {"list": "blog"}},
            "https://forms.example.com/s",
            "addr",
            "hp",
            {"list": "blog"},
        ),
    ],
)
def test_newsletter_provider_presets(build_site, settings, action, email, honeypot, hidden):
    site = build_site(blog(), plugin={"newsletter": {"default": True, **settings}})
    form = article(site, "blog/fcto-note-0/").select_one(".ctoblog-newsletter form")
    assert form["action"] == action
    assert form.select_one('input[type="email"]')["name"] == email
    assert form.select_one(".ctoblog-newsletter__trap input")["name"] == honeypot
    assert {i["name"]: i["value"] for i in form.select('input[type="hidden"]')} == hidden


# -- calls to action ----------------------------------------------------------------------------

CTA_BLOCKS = {
    "services": {
        "title": "Need a fractional CTO?",
        "text": "I help teams. See [services](services.md) or [write](/contact/).",
        "button": {"label": "Book a call", "url": "/contact/"},
    },
    "hiring": {"title": "Hiring?", "text": "The hiring audit.", "button": {"label": "Audit", "url": "contact.md"}, "categories": ["hiring"]},
    "hiring-loops": {"title": "Interview loops", "text": "Loops.", "categories": ["Hiring"], "tags": ["interviews"]},
    "cloud": {"title": "Cloud bill?", "text": "Cloud.", "tags": ["cloud"]},
    "delivery-a": {"title": "Delivery A", "categories": ["Delivery"]},
    "delivery-b": {"title": "Delivery B", "categories": ["Delivery"]},
}


def cta_name(site, url: str) -> str | None:
    found = article(site, url).select(".ctoblog-cta")
    assert len(found) <= 1
    return found[0]["data-ctoblog-cta"] if found else None


@pytest.mark.parametrize("theme", list(THEMES))
def test_each_post_gets_the_cta_its_rules_select(build_site, theme):
    docs = blog(
        {
            "blog/posts/2024-07-01-named.md": post("title: Named\ncategory: Hiring\ncta: cloud"),
            "blog/posts/2024-07-02-none.md": post("title: Without\ncategory: Hiring\ncta: false"),
            "page-asking.md": "---\ncta: hiring\n---\n# Page asking\n",
        }
    )
    site = build_site(docs, plugin={"cta": {"default": "services", "blocks": CTA_BLOCKS}}, theme=THEMES[theme])
    assert cta_name(site, "blog/named/") == "cloud"  # front matter
    assert cta_name(site, "blog/none/") is None  # front matter false
    assert cta_name(site, "blog/hiring-note-1/") == "hiring"  # category (its tags: first-hire, offers)
    assert cta_name(site, "blog/hiring-note-0/") == "hiring-loops"  # category and tag beat category alone
    assert cta_name(site, "blog/architecture-note-1/") == "cloud"  # tag
    assert cta_name(site, "blog/delivery-note-0/") == "delivery-a"  # a tie: config order
    assert cta_name(site, "blog/fcto-note-0/") == "services"  # default
    assert cta_name(site, "page-asking/") == "hiring"  # pages only when asked
    assert cta_name(site, "services/") is None
    cta = article(site, "blog/fcto-note-0/").select_one(".ctoblog-cta")
    assert cta.select_one(".ctoblog-cta__title").get_text() == "Need a fractional CTO?"
    assert cta.select_one(".ctoblog-cta__button").get_text() == "Book a call"


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_cta_links_resolve_under_a_sub_path(build_site, use_directory_urls):
    site = build_site(
        blog({"blog/posts/2024-09-09-deep.md": post("title: Deep\ncategory: fCTO\npermalink: /notes/2024/deep/")}),
        plugin={"cta": {"default": "services", "blocks": CTA_BLOCKS}},
        site_url="https://example.com/consulting/",
        use_directory_urls=use_directory_urls,
    )
    pages = ["blog/fcto-note-2/", "notes/2024/deep/"] if use_directory_urls else ["blog/fcto-note-2.html", "notes/2024/deep/index.html"]
    for url in pages:
        cta = article(site, url).select_one(".ctoblog-cta")
        links = {a.get_text(): a["href"] for a in cta.select("a")}
        assert set(links) == {"services", "write", "Book a call"}
        for text, href in links.items():
            assert resolves(site, url, href), (url, text, href)
            target = posixpath.normpath(posixpath.join(url if url.endswith("/") else posixpath.dirname(url) + "/", href))
            expected = {"services": "services", "write": "contact", "Book a call": "contact"}[text]
            assert target.startswith(expected), (url, text, href)
    hiring = article(site, pages[0].replace("fcto-note-2", "hiring-note-1")).select_one(".ctoblog-cta__button")
    assert resolves(site, pages[0], hiring["href"])


@pytest.mark.parametrize(("position", "after"), [("top", None), ("after_paragraph:2", "Second."), ("after_paragraph:9", "Fourth.")])
def test_cta_position(build_site, position, after):
    body = "# Positioned\n\nFirst.\n\n- a list item\n\nSecond.\n\n> quoted\n\nThird.\n\nFourth.\n"
    site = build_site(
        blog({"blog/posts/2024-08-08-positioned.md": post("category: Hiring\ncta: cloud", body)}),
        plugin={"cta": {"position": position, "blocks": CTA_BLOCKS}},
    )
    content = article(site, "blog/positioned/")
    cta = content.select_one(".ctoblog-cta")
    previous = cta.find_previous_sibling()
    if after is None:
        assert previous.name == "header" and "ctoblog-post-header" in previous["class"]
        assert content.select_one("h1").get_text(strip=True).startswith("Positioned")
    else:
        assert previous.name == "p" and previous.get_text() == after
    assert cta.find_next_sibling(class_="ctoblog-read-next") is not None or position != "after_paragraph:9"


def test_blocks_order(build_site):
    plugin = {
        "blocks_order": ["read_next", "cta", "comments"],
        "newsletter": {"default": True, "provider": "buttondown", "username": "me"},
        "cta": {"default": "services", "blocks": CTA_BLOCKS},
        "comments": {"default": True, "provider": "giscus", "repo": "me/blog", "repo_id": "R_1", "category": "Comments", "category_id": "DIC_1"},
    }
    site = build_site(blog(), plugin=plugin)
    blocks = article(site, "blog/fcto-note-3/").select(".ctoblog-read-next, .ctoblog-cta, .ctoblog-newsletter, .ctoblog-comments")
    assert [b["class"][0] for b in blocks] == ["ctoblog-read-next", "ctoblog-cta", "ctoblog-comments"]


def test_default_order_after_the_content(build_site):
    plugin = {
        "newsletter": {"default": True, "provider": "buttondown", "username": "me"},
        "cta": {"default": "services", "blocks": CTA_BLOCKS},
        "comments": {"default": True, "provider": "giscus", "repo": "me/blog", "repo_id": "R_1", "category": "Comments", "category_id": "DIC_1"},
    }
    site = build_site(blog(), plugin=plugin, theme=MKDOCS_THEME)
    content = article(site, "blog/fcto-note-3/")
    blocks = content.select(".ctoblog-cta, .ctoblog-newsletter, .ctoblog-read-next, .ctoblog-comments")
    assert [b["class"][0] for b in blocks] == ["ctoblog-cta", "ctoblog-newsletter", "ctoblog-read-next", "ctoblog-comments"]


# -- comments -----------------------------------------------------------------------------------


def test_giscus_comments_where_asked(build_site, warnings_of):
    giscus = {"provider": "giscus", "repo": "me/blog", "repo_id": "R_1", "category": "Comments", "category_id": "DIC_1"}
    docs = blog(
        {
            "blog/posts/2024-10-01-talk.md": post("title: Talk\ncategory: Hiring\ncomments: true"),
            "blog/posts/2024-10-02-quiet.md": post("title: Quiet\ncategory: Hiring\ncomments: false"),
        }
    )
    site = build_site(docs, plugin={"comments": giscus, "locale": "de_CH"})
    widget = article(site, "blog/talk/").select_one(".ctoblog-comments .giscus")
    assert widget["data-repo"] == "me/blog" and widget["data-category-id"] == "DIC_1"
    assert widget["data-mapping"] == "pathname" and widget["data-loading"] == "lazy" and widget["data-lang"] == "de"
    assert widget["data-theme-light"] == "light" and widget["data-theme-dark"] == "dark"
    script = article(site, "blog/talk/").select_one(".ctoblog-comments script").get_text()
    assert "IntersectionObserver" in script and "data-md-color-scheme" in script and "setConfig" in script
    assert article(site, "blog/talk/").select_one('.ctoblog-comments script[src]') is None  # loaded only when near
    assert article(site, "blog/quiet/").select(".ctoblog-comments") == []
    assert article(site, "blog/hiring-note-1/").select(".ctoblog-comments") == []
    site = build_site(docs, plugin={"comments": {**giscus, "default": True}})
    assert article(site, "blog/hiring-note-1/").select(".ctoblog-comments")
    assert article(site, "blog/quiet/").select(".ctoblog-comments") == []
    assert warnings_of() == []


# -- latest posts anywhere ----------------------------------------------------------------------


@pytest.mark.parametrize("theme", list(THEMES))
def test_latest_marker_on_any_page(build_site, theme):
    home = "# Home\n\n## Latest\n\n<!-- ctoblog:latest count=2 category=fcto -->\n\n<!-- ctoblog:latest tag=cloud title=\"On the cloud\" -->\n"
    site = build_site(blog({"index.md": home}), theme=THEMES[theme])
    sections = article(site, "").select(".ctoblog-latest")
    assert len(sections) == 2
    first = [a for a in sections[0].select(".ctoblog-card__link")]
    assert len(first) == 2 and all(resolves(site, "", a["href"]) for a in first)
    assert [c.get_text() for c in sections[0].select(".ctoblog-card__categories a")] == ["fCTO", "fCTO"]
    assert sections[0].select_one(".ctoblog-latest__title") is None
    assert sections[1].select_one(".ctoblog-latest__title").get_text() == "On the cloud"
    assert len(sections[1].select(".ctoblog-card")) == 3
    assert "ctoblog:latest" not in site.text("index.html")


# -- pasted blocks ------------------------------------------------------------------------------

PASTED = """\
Some thoughts on hiring.

Another paragraph with the actual content of the post.

## Read next

<ul class="listing">
  <li><a href="/services/">Services</a></li>
</ul>

I offer fractional CTO services. If that sounds useful, [get in touch](/contact/).
"""


def test_pasted_blocks_are_counted_named_and_left_alone(build_site, caplog):
    caplog.set_level(logging.DEBUG, logger="mkdocs.plugins.mkdocs_ctoblog")
    docs = blog({"blog/posts/2024-11-11-pasted.md": post("title: Pasted\ncategory: Hiring", PASTED)})
    site = build_site(docs)
    messages = [r.getMessage() for r in caplog.records]
    summary = next(m for m in messages if "posts built" in m)
    assert "33 posts built, 1 draft and 1 scheduled left out, 4 categories; 1 post still contains a pasted 'Read next' list or call to action" in summary
    assert any("2024-11-11-pasted.md: pasted read next and call to action found" in m for m in messages)
    content = article(site, "blog/pasted/")
    assert content.select_one("ul.listing") is not None and "get in touch" in content.get_text()


# -- template overrides -------------------------------------------------------------------------

OVERRIDES = {
    "read_next.html": '<div class="my-read-next">{{ block.title }}: {{ block.cards | length }}</div>',
    "newsletter.html": '<form class="my-newsletter" action="{{ block.form.action }}"></form>',
    "cta.html": '<div class="my-cta">{{ block.title }}</div>',
    "comments.html": '<div class="my-comments">{{ block.repo }}</div>',
    "latest.html": '<div class="my-latest">{{ block.cards | length }}</div>',
}


@pytest.mark.parametrize("template", list(OVERRIDES))
def test_each_block_template_can_be_overridden(build_site, tmp_path, template):
    plugin = {
        "newsletter": {"default": True, "provider": "buttondown", "username": "me"},
        "cta": {"default": "services", "blocks": CTA_BLOCKS},
        "comments": {"default": True, "provider": "giscus", "repo": "me/blog", "repo_id": "R_1", "category": "Comments", "category_id": "DIC_1"},
    }
    docs = blog({"index.md": "# Home\n\n<!-- ctoblog:latest count=2 -->\n"})
    overrides = tmp_path / "overrides"
    (overrides / "ctoblog").mkdir(parents=True)
    (overrides / "ctoblog" / template).write_text(OVERRIDES[template], encoding="utf-8")
    site = build_site(docs, plugin=plugin, theme={**MATERIAL, "custom_dir": str(overrides)})
    name = template.removesuffix(".html")
    page = "" if name == "latest" else "blog/fcto-note-1/"
    mine = article(site, page).select(f".my-{name.replace('_', '-')}")
    assert len(mine) == 1
    expected = {
        "read_next": "Read next: 3",
        "cta": "Need a fractional CTO?",
        "comments": "me/blog",
        "latest": "2",
        "newsletter": "",
    }[name]
    assert mine[0].get_text() == expected
    assert article(site, page).select(f".ctoblog-{name.replace('_', '-')}") == []


# -- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("docs", "plugin", "expected"),
    [
        (
            {"blog/posts/2024-12-01-bad-cta.md": post("title: Bad\ncategory: Hiring\ncta: sevrices")},
            {"cta": {"blocks": CTA_BLOCKS}},
            ("blog/posts/2024-12-01-bad-cta.md: 'cta' expected one of the cta.blocks names (cloud, delivery-a, delivery-b, "
            "hiring, hiring-loops, services), received 'sevrices'; using the automatic choice"),
        ),
        (
            {"blog/posts/2024-12-02-bad-pin.md": post("title: Bad\ncategory: Hiring\nread_next: [no-such-post]")},
            {},
            ("blog/posts/2024-12-02-bad-pin.md: 'read_next' expected post paths, post slugs or page paths of this site, "
            "received 'no-such-post'"),
        ),
        (
            {},
            {"read_next": {"include": ["servces.md"]}},
            "mkdocs.yml: 'read_next.include' expected post paths, post slugs or page paths of this site, received 'servces.md'",
        ),
        (
            {"index.md": "# Home\n\n<!-- ctoblog:latest count=3 categroy=fCTO -->\n"},
            {},
            "index.md: latest posts marker: unknown argument 'categroy=fCTO'; expected count=..., category=..., tag=..., title=...",
        ),
        (
            {"blog/posts/2024-12-03-talk.md": post("title: Talk\ncategory: Hiring\ncomments: true")},
            {},
            ("'comments: true' in 1 page (blog/posts/2024-12-03-talk.md), but no comments provider is configured "
            "(comments.provider: giscus, with repo, repo_id, category and category_id); no comments are shown. "
            "Configure one, or set comments: {enabled: false}"),
        ),
        (
            {"asks.md": "---\nnewsletter: true\n---\n# Asks\n"},
            {},
            ("'newsletter: true' in 1 page (asks.md), but newsletter.action is not set (provider 'generic'); the form "
            "is left out. Set it or choose a provider, or set newsletter: {enabled: false}"),
        ),
        (
            {},
            {"cta": {"default": "x", "blocks": {"x": {"title": "X", "button": {"label": "Go", "url": "contcat.md"}}}}},
            "mkdocs.yml: 'cta.blocks.x.button.url' expected a page or file of the site, a site path or a URL, received 'contcat.md'",
        ),
    ],
    ids=["unknown-cta", "unknown-read-next", "unknown-include", "unknown-marker-arg", "comments-no-provider", "newsletter-no-action", "cta-url"],
)
def test_bad_input_is_one_warning_and_strict_fails(build_site, warnings_of, docs, plugin, expected):
    with pytest.raises(Abort):
        build_site(blog(docs), plugin=plugin, strict=True)
    assert warnings_of() == [expected]


@pytest.mark.parametrize(
    ("plugin", "message"),
    [
        ({"newsletter": {"provider": "buttondown"}}, "Expected 'username' for provider 'buttondown' (your buttondown name)"),
        ({"newsletter": {"provider": "substack", "username": "a b"}}, "Expected a substack name (letters, digits, '-', '_'), but received: 'a b'"),
        ({"newsletter": {"provider": "kit"}}, "Expected 'form_id' for provider 'kit'"),
        ({"newsletter": {"provider": "mailchimp", "list_url": "https://example.com/x"}}, "Expected 'list_url' for provider 'mailchimp'"),
        ({"newsletter": {"default": True}}, "Expected 'action' when 'default' is true with provider 'generic'"),
        ({"comments": {"provider": "giscus", "repo": "me/blog"}}, "Expected 'repo_id', 'category', 'category_id' for provider 'giscus'"),
        ({"comments": {"default": True}}, "Expected a 'provider' (giscus) when 'default' is true"),
        ({"cta": {"default": "nope"}}, "Expected the name of a block in 'blocks' (none are configured), but received: 'nope'"),
        ({"blocks_order": ["cta", "footer"]}, "Expected block names out of series, share, author_bio, cta, newsletter, read_next, comments, but received: 'footer'"),
    ],
)
def test_bad_provider_settings_are_config_errors(plugin, message):
    from mkdocs_ctoblog.plugin import CtoblogPlugin

    errors, _ = CtoblogPlugin().load_config(plugin)
    assert len(errors) == 1
    assert message in str(errors[0][1])


def test_bad_provider_settings_stop_the_build(build_site):
    with pytest.raises(Abort):
        build_site(blog(), plugin={"newsletter": {"provider": "buttondown"}})


def test_two_builds_with_one_plugin_keep_one_set_of_blocks(tmp_path):
    import yaml
    from conftest import write_tree
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    write_tree(tmp_path / "docs", {"index.md": "# Home\n\n<!-- ctoblog:latest count=2 -->\n", **blog()})
    (tmp_path / "mkdocs.yml").write_text(
        yaml.safe_dump(
            {
                "site_name": "Twice",
                "theme": MKDOCS_THEME,
                "plugins": ["search", {"ctoblog": {"cta": {"default": "services", "blocks": CTA_BLOCKS}}}],
            }
        ),
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
        build(config)
    finally:
        config.plugins.on_shutdown()
    page = BeautifulSoup((Path(config.site_dir) / "blog/fcto-note-1/index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(page.select(".ctoblog-cta")) == 1 and len(page.select(".ctoblog-read-next .ctoblog-card")) == 3
    home = BeautifulSoup((Path(config.site_dir) / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(home.select(".ctoblog-latest .ctoblog-card")) == 2
