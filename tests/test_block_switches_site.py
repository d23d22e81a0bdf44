"""Front matter switches every block after a post off the same way: `<block>: false` drops that
block and nothing else (README "Post blocks" table); a non-boolean is one warning naming the file."""

from __future__ import annotations

import pytest
from conftest import post
from tools import example

AUTHORS = """\
authors:
  maya:
    name: Maya Okafor
    bio: Twice a CTO.
"""

PLUGIN = {
    "newsletter": {"default": True, "provider": "buttondown", "username": "me"},
    "cta": {"default": "svc", "blocks": {"svc": {"title": "Hire me", "text": "Two days a month."}}},
    "comments": {
        "default": True, "provider": "giscus", "repo": "me/comments", "repo_id": "R_1",
        "category": "Comments", "category_id": "DIC_1",
    },
}

# front matter key -> the block's CSS class (the latest-posts block has no switch: it is a marker)
BLOCKS = {"series": ".ctoblog-series", **{key: css for key, css in example.BLOCKS.items() if key != "latest"}}
SWITCHES = [key for key in BLOCKS if key != "series"]  # a series box goes with `series:` itself


def docs(front_matter: str) -> dict[str, str]:
    pages = {"blog/.authors.yml": AUTHORS}
    for n in (1, 2, 3):
        pages[f"blog/posts/2024-05-0{n}-part-{n}.md"] = post(f"title: Part {n}\nauthor: maya\nseries: Trio")
    pages["blog/posts/2024-05-04-subject.md"] = post(f"title: Subject\nauthor: maya\nseries: Trio\n{front_matter}")
    return pages


def shown(site, url: str) -> set[str]:
    article = site.soup(url).select_one("article.md-content__inner")
    return {key for key, css in BLOCKS.items() if article.select(css)}


@pytest.mark.parametrize("key", SWITCHES)
def test_false_drops_that_block_only(build_site, key):
    site = build_site(docs(f"{key}: false"), plugin=PLUGIN)
    assert shown(site, "blog/part-1/") == set(BLOCKS)  # the same post without the switch: every block
    assert shown(site, "blog/subject/") == set(BLOCKS) - {key}


def test_every_switch_false_leaves_the_post_alone(build_site):
    site = build_site(docs("\n".join(f"{key}: false" for key in SWITCHES)), plugin=PLUGIN)
    assert shown(site, "blog/subject/") == {"series"}
    article = site.soup("blog/subject/").select_one("article.md-content__inner")
    ours = [el["class"][0] for el in article.find_all(recursive=False) if el.get("class", [""])[0].startswith("ctoblog-")]
    assert ours == ["ctoblog-post-header", "ctoblog-series"]
    assert article.find_all("p", recursive=False)[-1].get_text() == "Some text for the body."


@pytest.mark.parametrize("key", ["share", "author_bio", "newsletter", "comments"])
def test_a_value_that_is_not_true_or_false_is_one_warning(build_site, warnings_of, key):
    site = build_site(docs(f"{key}: [linkedin]"), plugin=PLUGIN)
    lines = [w for w in warnings_of() if f"'{key}'" in w]
    assert len(lines) == 1 and "2024-05-04-subject.md" in lines[0] and "true or false" in lines[0], lines
    assert shown(site, "blog/subject/") == set(BLOCKS)  # ignored: the configured default applies
