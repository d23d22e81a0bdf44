"""Index pages and the post header as a blog, in the built HTML: sidebars hidden on index pages,
generated covers for cards without an image, the cover's real size and focal point, intro pages
with their title, text and call to action, and labelled page cards."""

from __future__ import annotations

import io

import pytest
from conftest import MATERIAL, post
from PIL import Image


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def test_post_without_cover_gets_a_generated_one_in_its_category_colour(build_site):
    site = build_site({
        "blog/posts/2024-01-01-a.md": post("title: A\ncategory: Hiring"),
        "blog/posts/2024-01-02-b.md": post("title: B\ncategory: Hiring"),
        "blog/posts/2024-01-03-c.md": post("title: C\ncategory: Budgets"),
    })
    covers = {
        card.select_one(".ctoblog-card__link").get_text(): card.select_one(".ctoblog-card__cover")
        for card in site.soup("blog/").select(".ctoblog-card")
    }
    assert all(cover is not None and cover["aria-hidden"] == "true" for cover in covers.values())
    assert covers["A"].get_text(strip=True) == "Hiring"
    tone = [c for c in covers["A"]["class"] if c.startswith("ctoblog-tone-")]
    assert tone and tone == [c for c in covers["B"]["class"] if c.startswith("ctoblog-tone-")]
    assert site.soup("blog/").select(".ctoblog-card img") == []


@pytest.mark.parametrize(("position", "expected"), [("50% 20%", "50% 20%"), ("Top", "top"), ("left bottom", "left bottom")])
def test_cover_carries_its_size_and_focal_point(build_site, warnings_of, position, expected):
    site = build_site({
        "assets/cover.png": _png(300, 200),
        "blog/posts/2024-01-01-a.md": post(f"title: A\nimage: /assets/cover.png\nimage_position: '{position}'"),
    }, strict=True)
    for url, selector in (("blog/a/", ".ctoblog-post-header__image"), ("blog/", ".ctoblog-card__image")):
        img = site.soup(url).select_one(selector)
        assert (img["width"], img["height"]) == ("300", "200")
        assert img["style"] == f"object-position: {expected}"
    assert warnings_of() == []


@pytest.mark.parametrize("position", ["url(x.png)", "50% 20%; color: red", "150%", "left top center", "10px"])
def test_unsafe_or_unknown_image_position_is_one_warning(build_site, warnings_of, position):
    site = build_site({
        "assets/cover.png": _png(300, 200),
        "blog/posts/2024-01-01-a.md": post(f"title: A\nimage: /assets/cover.png\nimage_position: '{position}'"),
    })
    assert not site.soup("blog/a/").select_one(".ctoblog-post-header__image").has_attr("style")
    assert [w for w in warnings_of() if "image_position" in w] == [
        (f"blog/posts/2024-01-01-a.md: 'image_position' expected one or two of left, center, right, top, bottom "
        f"or a percentage (e.g. '50% 30%'), received '{position}'")
    ]


def test_index_pages_hide_materials_sidebars_unless_told(build_site):
    docs = {
        "blog/posts/2024-01-01-a.md": post("title: A\ncategory: Hiring"),
        "blog/category/hiring.md": "---\nhide: [toc]\n---\n# Hiring\n\nIntro.\n",
    }
    site = build_site(docs)
    blog = site.soup("blog/")
    assert blog.select_one('[data-md-type="navigation"]').has_attr("hidden")
    assert blog.select_one('[data-md-type="toc"]').has_attr("hidden")
    hiring = site.soup("blog/category/hiring/")  # the page's own `hide` wins
    assert not hiring.select_one('[data-md-type="navigation"]').has_attr("hidden")
    kept = build_site(docs, plugin={"index_hide": []}).soup("blog/")
    assert not kept.select_one('[data-md-type="navigation"]').has_attr("hidden")
    a = site.soup("blog/a/")  # posts hide the navigation (one link)
    assert a.select_one('[data-md-type="navigation"]').has_attr("hidden")


def test_posts_hide_what_post_hide_says_and_their_own_hide_wins(build_site):
    docs = {
        "blog/posts/2024-01-01-a.md": post("title: A\ncategory: Hiring"),
        "blog/posts/2024-01-02-b.md": post("title: B\nhide: [toc]"),
    }
    site = build_site(docs, plugin={"post_hide": ["navigation", "toc"]})
    a = site.soup("blog/a/")
    assert a.select_one('[data-md-type="navigation"]').has_attr("hidden")
    assert a.select_one('[data-md-type="toc"]').has_attr("hidden")
    b = site.soup("blog/b/")
    assert not b.select_one('[data-md-type="navigation"]').has_attr("hidden")
    assert b.select_one('[data-md-type="toc"]').has_attr("hidden")
    kept = build_site(docs, plugin={"post_hide": []}).soup("blog/a/")
    assert not kept.select_one('[data-md-type="navigation"]').has_attr("hidden")
    wrong = build_site({"blog/posts/2024-01-03-c.md": post("title: C\nhide: 5")}).soup("blog/c/")
    assert wrong.select_one('[data-md-type="navigation"]').has_attr("hidden")  # a bad `hide`: post_hide applies


def test_a_post_without_headings_hides_its_empty_table_of_contents(build_site):
    site = build_site({
        "blog/posts/2024-01-01-flat.md": post("title: Flat"),
        "blog/posts/2024-01-02-headed.md": post("title: Headed", "Text.\n\n## A part\n\nMore.\n"),
    })
    flat, headed = site.soup("blog/flat/"), site.soup("blog/headed/")
    assert flat.select_one('[data-md-type="toc"]').has_attr("hidden")
    assert flat.select_one('[data-md-type="navigation"]').has_attr("hidden")
    assert not headed.select_one('[data-md-type="toc"]').has_attr("hidden")


@pytest.mark.parametrize("theme", [MATERIAL, "mkdocs"])
def test_intro_page_title_text_then_cards_then_its_call_to_action(build_site, theme, warnings_of):
    site = build_site({
        "contact.md": "# Contact\n",
        "blog/posts/2024-01-01-a.md": post("title: A\ncategory: Hiring"),
        "blog/category/hiring.md": "---\ncta: audit\n---\n# Hiring our first engineers\n\nThe intro.\n",
    }, plugin={"cta": {"blocks": {"audit": {"title": "Hiring?", "button": {"label": "Talk", "url": "contact.md"}}}}},
        theme=theme, strict=True)
    soup = site.soup("blog/category/hiring/")
    assert [h1.get_text(strip=True).rstrip("¶") for h1 in soup.select("h1")] == ["Hiring our first engineers"]
    order = [el for el in soup.select(".ctoblog-index__header, .ctoblog-index__intro, .ctoblog-cards, .ctoblog-cta")]
    assert [el["class"][0] for el in order] == ["ctoblog-index__header", "ctoblog-index__intro", "ctoblog-cards", "ctoblog-cta"]
    assert soup.select_one(".ctoblog-index__intro").get_text(strip=True) == "The intro."
    assert warnings_of() == []  # and no "not in the nav" note for the intro page


def test_post_title_moves_into_the_header_with_its_anchor(build_site):
    site = build_site({"blog/posts/2024-01-01-a.md": post("date: 2024-01-01", "# Own title\n\nText.\n")},
                      markdown_extensions=[{"toc": {"permalink": True}}])
    header = site.soup("blog/a/").select_one("header.ctoblog-post-header")
    h1 = header.select_one("h1")
    assert h1["id"] == "own-title" and h1.select_one("a.headerlink") is not None
    assert header.find_next_sibling("p").get_text() == "Text."


def test_page_card_label_from_kicker_else_its_nav_section(build_site):
    site = build_site({
        "work/services.md": "---\ndescription: Ways to work together.\n---\n# Services\n",
        "work/audit.md": "---\nkicker: One-off\n---\n# Audit\n",
        "blog/posts/2024-01-01-a.md": post("title: A\nread_next: [work/services.md, work/audit.md]"),
    }, nav=[{"Home": "index.md"}, {"Work with me": ["work/services.md", "work/audit.md"]}, {"Blog": "blog/index.md"}])
    labels = {
        card.select_one(".ctoblog-card__link").get_text(): card.select_one(".ctoblog-card__label").get_text()
        for card in site.soup("blog/a/").select(".ctoblog-read-next .ctoblog-card--page")
    }
    assert labels == {"Services": "Work with me", "Audit": "One-off"}


def test_tag_intro_page_above_its_compact_list(build_site, warnings_of):
    site = build_site({
        "blog/posts/2024-01-01-a.md": post("title: A\ntags: [hiring]"),
        "blog/tag/hiring.md": "# Posts on hiring\n\nWhat I learnt hiring.\n",
    }, strict=True)
    soup = site.soup("blog/tag/hiring/")
    assert soup.select_one(".ctoblog-index__header h1").get_text(strip=True).rstrip("¶") == "Posts on hiring"
    intro, items = soup.select_one(".ctoblog-index__intro"), soup.select(".ctoblog-list__item")
    assert intro.get_text(strip=True) == "What I learnt hiring." and len(items) == 1
    assert intro.find_next(class_="ctoblog-list") is not None


def test_index_pages_show_categories_with_counts_and_archive_years(build_site):
    docs = {
        "blog/posts/2023-01-01-a.md": post("title: A\ncategory: Hiring"),
        "blog/posts/2024-01-01-b.md": post("title: B\ncategory: Hiring"),
        "blog/posts/2024-02-01-c.md": post("title: C\ncategory: Budgets"),
    }
    site = build_site(docs)

    def topics(url: str) -> list[list[tuple[str, str, bool]]]:
        return [
            [(a.contents[0].strip(), a.select_one(".ctoblog-topics__count").get_text(), a.has_attr("aria-current"))
             for a in group.select("a.ctoblog-topics__link")]
            for group in site.soup(url).select(".ctoblog-topics__group")
        ]

    assert topics("blog/") == [
        [("Hiring", "2", False), ("Budgets", "1", False)],
        [("2024", "2", False), ("2023", "1", False)],
    ]
    assert topics("blog/category/hiring/")[0][0] == ("Hiring", "2", True)
    assert topics("blog/archive/2023/")[1][1] == ("2023", "1", True)
    link = site.soup("blog/category/hiring/").select_one("a.ctoblog-topics__link")
    assert link["href"] == "./" and site.soup("blog/").select_one("a.ctoblog-topics__link")["href"] == "category/hiring/"
    assert build_site(docs, plugin={"index_topics": False}).soup("blog/").select_one(".ctoblog-topics") is None
