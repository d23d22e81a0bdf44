"""The smallest real build: a post becomes a page, the blog index lists it."""

from __future__ import annotations

from conftest import post


def test_post_is_built_and_listed(build_site):
    site = build_site({"blog/posts/2023-07-27-hello.md": post("title: Hello\ncategory: fCTO")})
    assert site.exists("blog/hello/")
    cards = site.soup("blog/").select(".ctoblog-card .ctoblog-card__link")
    assert [a.get_text() for a in cards] == ["Hello"]
    assert cards[0]["href"] == "../blog/hello/"  # up to the root and down: one card serves a page depth
