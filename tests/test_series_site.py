"""Series of posts built into real sites: the box under the header, the series page, read next,
feeds and the warnings."""

from __future__ import annotations

import posixpath

import feedparser
import pytest
from conftest import MATERIAL, post
from mkdocs.exceptions import Abort

MKDOCS_THEME = {"name": "mkdocs", "highlightjs": False}


def part(title: str, date: str, order: int | None = None, series: str = "Scaling the team", extra: str = "") -> str:
    lines = [f"title: {title}", f"date: {date}", f"series: {series}", "category: Hiring"]
    if order is not None:
        lines.append(f"series_order: {order}")
    return post("\n".join(lines) + ("\n" + extra if extra else ""))


def docs(**extra: str) -> dict[str, str]:
    return {
        # published out of order: series_order decides
        "blog/posts/2024-03-01-managers.md": part("Managers", "2024-03-01", 2),
        "blog/posts/2024-01-01-five-to-fifteen.md": part("Five to fifteen", "2024-01-01", 1),
        "blog/posts/2024-02-01-three-teams.md": part("Three teams", "2024-02-01", 3),
        # no series_order: by date
        "blog/posts/2024-05-02-b.md": part("Bees two", "2024-05-02", series="Bees"),
        "blog/posts/2024-05-01-a.md": part("Bees one", "2024-05-01", series="Bees"),
        "blog/posts/2024-04-01-hiring.md": post("title: Other hiring\ncategory: Hiring\ndate: 2024-04-01"),
        "blog/posts/2024-04-02-more.md": post("title: More hiring\ncategory: Hiring\ndate: 2024-04-02"),
        **extra,
    }


def article(site, url: str):
    soup = site.soup(url)
    return soup.select_one("article.md-content__inner") or soup.select_one('[role="main"]')


def target(url: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(url, href)) + "/"


@pytest.mark.parametrize("theme", [MATERIAL, MKDOCS_THEME])
def test_series_box_numbers_links_and_current_part(build_site, theme):
    site = build_site(docs(), theme=theme)
    parts = ["blog/five-to-fifteen/", "blog/managers/", "blog/three-teams/"]
    for number, url in enumerate(parts, start=1):
        content = article(site, url)
        box = content.select_one("nav.ctoblog-series")
        # under the post header, before the post's text
        assert content.select_one(".ctoblog-post-header").find_next_sibling() is box
        assert box.select_one(".ctoblog-series__title").get_text() == f"Part {number} of 3 in Scaling the team"
        links = box.select(".ctoblog-series__parts a")
        assert [a.get_text() for a in links] == ["Five to fifteen", "Managers", "Three teams"]
        assert [target(url, a["href"]) for a in links] == parts
        assert all(site.exists(p) for p in parts)
        assert [a.get("aria-current") for a in links] == [("page" if i == number else None) for i in (1, 2, 3)]
        series_link = box.select_one("details .ctoblog-series__page a")
        assert target(url, series_link["href"]) == "blog/series/scaling-the-team/"
        # the summary is the title; the list opens from it, without JavaScript
        assert box.select_one("details > summary") is box.select_one(".ctoblog-series__title")
        steps = {a["rel"][0]: target(url, a["href"]) for a in box.select(".ctoblog-series__steps a")}
        expected = {"prev": parts[number - 2]} if number > 1 else {}
        expected |= {"next": parts[number]} if number < 3 else {}
        assert steps == expected


def test_without_series_order_the_parts_go_by_date(build_site):
    site = build_site(docs())
    box = article(site, "blog/b/").select_one(".ctoblog-series")
    assert box.select_one(".ctoblog-series__title").get_text() == "Part 2 of 2 in Bees"
    assert [a.get_text() for a in box.select("li a")] == ["Bees one", "Bees two"]
    assert article(site, "blog/hiring/").select(".ctoblog-series") == []


def test_series_page_lists_the_parts_in_order(build_site):
    site = build_site(docs())
    page = article(site, "blog/series/scaling-the-team/")
    assert [a.get_text(strip=True) for a in page.select(".ctoblog-card__link")] == ["Five to fifteen", "Managers", "Three teams"]
    assert site.soup("blog/series/scaling-the-team/").title.get_text().startswith("Scaling the team")
    assert site.exists("blog/series/bees/")


def test_read_next_starts_with_the_next_part(build_site):
    site = build_site(docs())
    def picks(url):
        return [a.get_text(strip=True) for a in article(site, url).select(".ctoblog-read-next .ctoblog-card__link")]
    assert picks("blog/five-to-fifteen/")[0] == "Managers"
    assert picks("blog/managers/")[0] == "Three teams"
    assert len(picks("blog/managers/")) == 3
    assert "Five to fifteen" not in picks("blog/three-teams/")[:1]


def test_series_is_a_category_of_feed_entries(build_site):
    site = build_site(docs())
    feed = feedparser.parse(site.text("blog/feed.xml"))
    entry = next(e for e in feed.entries if e.title == "Managers")
    assert "Scaling the team" in [t.term for t in entry.tags]
    other = next(e for e in feed.entries if e.title == "Other hiring")
    assert "Scaling the team" not in [t.term for t in other.tags]


def test_series_off(build_site):
    site = build_site(docs(), plugin={"series": {"enabled": False}})
    assert not site.exists("blog/series/scaling-the-team/")
    assert article(site, "blog/managers/").select(".ctoblog-series") == []


def test_series_box_can_be_left_out_of_blocks_order(build_site):
    site = build_site(docs(), plugin={"blocks_order": ["read_next"]})
    assert article(site, "blog/managers/").select(".ctoblog-series") == []
    assert site.exists("blog/series/scaling-the-team/")


def test_one_post_series_and_clashing_orders_warn(build_site, warnings_of):
    extra = {
        "blog/posts/2024-06-01-lonely.md": part("Lonely", "2024-06-01", series="Solo act"),
        "blog/posts/2024-03-05-clash.md": part("Clash", "2024-03-05", 2),
        "blog/posts/2024-06-02-bad.md": part("Bad order", "2024-06-02", series="Bees", extra="series_order: soon"),
    }
    with pytest.raises(Abort):
        build_site(docs(**extra), strict=True)
    assert sorted(warnings_of()) == [
        ("blog/posts/2024-03-05-clash.md: 'series_order' 2 of series 'Scaling the team' is also given in "
        "blog/posts/2024-03-01-managers.md; expected one number per part (they are ordered by date)"),
        ("blog/posts/2024-06-01-lonely.md: 'series' 'Solo act' has no other post; a series needs two or more parts "
        "(no series box is shown)"),
        ("blog/posts/2024-06-02-bad.md: 'series_order' expected a whole number (the part's place in its series), "
        "received 'soon'"),
    ]
    site = build_site(docs(**extra))
    assert article(site, "blog/lonely/").select(".ctoblog-series") == []
    titles = [a.get_text() for a in article(site, "blog/clash/").select(".ctoblog-series li a")]
    assert titles == ["Five to fifteen", "Managers", "Clash", "Three teams"]
