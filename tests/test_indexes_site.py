"""Which index pages are generated and how they show their posts: cards on the blog index and
category pages, compact lists on tag and archive pages, author pages only for several authors."""

from __future__ import annotations

import json

import pytest
from conftest import post


def _posts(count: int, *, authors: tuple[str, ...] = ("Jo",)) -> dict[str, str]:
    """`count` posts, one a month from January 2023, every one tagged `ops`, in category `Hiring`."""
    docs = {}
    for n in range(count):
        month = n % 12 + 1
        year = 2023 + n // 12
        author = authors[n % len(authors)]
        docs[f"blog/posts/{year}-{month:02d}-01-p{n}.md"] = post(
            f"title: Post {n}\ncategories: [Hiring]\ntags: [ops]\nauthor: {author}"
        )
    return docs


def _list_items(soup) -> list[tuple[str, str, str, list[str]]]:
    return [
        (
            item.select_one("a.ctoblog-list__link").get_text(),
            item.select_one("a.ctoblog-list__link")["href"],
            item.select_one("time.ctoblog-list__date")["datetime"],
            [a.get_text() for a in item.select(".ctoblog-list__category")],
        )
        for item in soup.select("ul.ctoblog-list > li.ctoblog-list__item")
    ]


def test_tag_and_archive_pages_are_compact_lists_on_one_page(build_site):
    site = build_site(_posts(14))  # pagination 10: the blog index and the category have two pages
    tag = site.soup("blog/tag/ops/")
    items = _list_items(tag)
    assert [title for title, *_ in items] == [f"Post {n}" for n in range(13, -1, -1)]
    assert items[0][1:] == ("../../../blog/p13/", "2024-02-01T00:00:00+00:00", ["Hiring"])
    assert tag.select_one(".ctoblog-card, .ctoblog-pagination") is None
    assert not site.exists("blog/tag/ops/page/2/")
    archive = site.soup("blog/archive/2023/")
    assert [title for title, *_ in _list_items(archive)] == [f"Post {n}" for n in range(11, -1, -1)]
    assert _list_items(archive)[0][3] == ["Hiring"]
    assert [title for title, *_ in _list_items(site.soup("blog/archive/2024/"))] == ["Post 13", "Post 12"]
    for url in ("blog/", "blog/category/hiring/"):
        assert len(site.soup(url).select(".ctoblog-index .ctoblog-card")) == 10
        assert site.soup(url).select_one(".ctoblog-list") is None
        assert site.exists(url + "page/2/")


def test_layout_and_pagination_are_configurable(build_site):
    site = build_site(
        _posts(14),
        plugin={"tags": {"layout": "cards", "paginate": True}, "categories": {"layout": "list", "paginate": False}},
    )
    assert len(site.soup("blog/tag/ops/").select(".ctoblog-index .ctoblog-card")) == 10
    assert site.exists("blog/tag/ops/page/2/")
    assert len(_list_items(site.soup("blog/category/hiring/"))) == 14
    assert not site.exists("blog/category/hiring/page/2/")


@pytest.mark.parametrize(("authors", "pages"), [(("Jo",), False), (("Jo", "Sam"), True)])
def test_author_pages_only_with_two_or_more_authors(build_site, authors, pages):
    site = build_site(_posts(3, authors=authors))
    assert site.exists("blog/author/jo/") is pages
    links = site.soup("blog/p0/").select(".ctoblog-post-header__authors a")
    assert bool(links) is pages


def test_min_authors_one_gives_a_single_author_a_page(build_site):
    site = build_site(_posts(3), plugin={"authors": {"min_authors": 1}})
    assert site.exists("blog/author/jo/")


def test_unknown_layout_is_a_config_error():
    from mkdocs_ctoblog.plugin import CtoblogPlugin

    errors, _ = CtoblogPlugin().load_config({"tags": {"layout": "grid"}})
    assert [(key, str(error)) for key, error in errors] == [
        ("tags", "Sub-option 'layout': Expected one of: ('cards', 'list') but received: 'grid'")
    ]


@pytest.mark.parametrize("theme", [{"name": "material", "font": False}, "mkdocs"])
def test_generated_index_pages_are_left_out_of_search(build_site, theme):
    site = build_site(
        {**_posts(2), "blog/index.md": "# Writing\n\nMy own intro to the blog.\n"}, theme=theme
    )
    locations = {doc["location"].partition("#")[0] for doc in json.loads(site.text("search/search_index.json"))["docs"]}
    assert "blog/p0/" in locations and "blog/" in locations  # posts, and the index page the author wrote
    assert not {loc for loc in locations if loc.startswith(("blog/tag/", "blog/archive/", "blog/category/"))}
