"""The "read next" ranking on its own: plain Post objects, no build."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from mkdocs_ctoblog.posts import Post
from mkdocs_ctoblog.related import Related, Weights, significant_words

DAY = dt.timedelta(days=1)
START = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


def make_post(
    slug: str,
    *,
    days: int = 0,
    categories: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
    title: str | None = None,
    description: str | None = None,
    status: str = "published",
) -> Post:
    return Post(
        src_uri=f"blog/posts/{slug}.md",
        dest_uri=f"blog/{slug}/index.html",
        slug=slug,
        title=title or slug.replace("-", " ").title(),
        date=START + days * DAY,
        updated=None,
        description=description,
        excerpt="",
        body="",
        categories=categories,
        tags=tags,
        authors=(),
        image=None,
        status=status,  # type: ignore[arg-type]
        pin=False,
        words=100,
        reading_minutes=1,
        newsletter=None,
        comments=None,
        cta=None,
        read_next=None,
        meta={},
    )


def slugs(picks) -> list[str]:
    return [pick.post.slug for pick in picks]


def test_never_the_post_itself_and_best_shared_first():
    me = make_post("me", days=10, categories=("Hiring",), tags=("interviews", "loops"))
    posts = [
        me,
        make_post("same-category-and-tag", days=1, categories=("Hiring",), tags=("interviews",)),
        make_post("same-category", days=9, categories=("Hiring",)),
        make_post("same-tag-only", days=9, categories=("Delivery",), tags=("loops",)),
        make_post("nothing-shared", days=9, categories=("Budgets",)),
    ]
    picks = Related(posts).picks(me, 3)
    assert slugs(picks) == ["same-category-and-tag", "same-category", "same-tag-only"]
    assert all(pick.how == "ranked" for pick in picks)
    assert [round(p.score, 2) for p in picks] == sorted((round(p.score, 2) for p in picks), reverse=True)


def test_categories_and_tags_match_by_slug():
    me = make_post("me", categories=("fCTO",), tags=("Due Diligence",))
    other = make_post("other", days=-5, categories=("fcto",), tags=("due-diligence",))
    (pick,) = Related([me, other]).picks(me, 1, explain=True)
    assert pick.post is other
    assert pick.score == pytest.approx(3.0 + 2.0 + 0.5 * 0.5 ** (5 / 365.25))
    assert pick.reasons == ("category fCTO", "tags Due Diligence")


def test_ties_break_by_newer_then_title():
    me = make_post("me", days=50, categories=("Hiring",))
    posts = [
        me,
        make_post("older", days=1, categories=("Hiring",)),
        make_post("b-newer", days=20, categories=("Hiring",), title="B newer"),
        make_post("a-newer", days=20, categories=("Hiring",), title="A newer"),
    ]
    assert slugs(Related(posts, Weights(recency=0)).picks(me, 3)) == ["a-newer", "b-newer", "older"]
    assert slugs(Related(posts).picks(me, 3)) == ["a-newer", "b-newer", "older"]


def test_recency_breaks_equal_shares_but_never_beats_a_shared_feature():
    me = make_post("me", days=3000, categories=("Hiring",), tags=("loops",))
    posts = [
        me,
        make_post("old-with-tag", days=0, categories=("Hiring",), tags=("loops",)),
        make_post("new-without-tag", days=2999, categories=("Hiring",)),
    ]
    assert slugs(Related(posts).picks(me, 2)) == ["old-with-tag", "new-without-tag"]


def test_rare_words_count_more_than_common_ones_and_stop_words_not_at_all():
    me = make_post("me", days=100, title="Kubernetes migration for the monolith")
    posts = [me] + [make_post(f"monolith-{i}", days=i, title=f"Monolith notes {i}") for i in range(6)]
    posts.append(make_post("kubernetes", days=0, title="Kubernetes is not a strategy"))
    posts.append(make_post("the-for", days=99, title="For the record"))
    picks = Related(posts).picks(me, 2, explain=True)
    assert slugs(picks)[0] == "kubernetes"
    assert picks[0].reasons == ("words kubernete",)  # the light plural-folding stem
    assert "the-for" not in slugs(picks)


def test_significant_words():
    assert significant_words("The Teams' policies: hiring, hire and the CTO's plans") == {
        "team",
        "policy",
        "hiring",
        "hire",
        "cto",
        "plan",
    }


def test_fill_with_the_same_category_then_the_newest_posts():
    me = make_post("me", days=5, categories=("Hiring",))
    posts = [
        me,
        make_post("hiring-old", days=1, categories=("Hiring",)),
        make_post("hiring-new", days=2, categories=("Hiring",)),
        make_post("newest-elsewhere", days=9, categories=("Budgets",)),
        make_post("older-elsewhere", days=0, categories=("Budgets",)),
    ]
    picks = Related(posts, Weights(category=0)).picks(me, 3)
    assert slugs(picks) == ["hiring-new", "hiring-old", "newest-elsewhere"]
    assert [p.how for p in picks] == ["same category", "same category", "newest"]
    assert picks[0].reasons == ("newest in Hiring",)


def test_a_post_that_shares_nothing_gets_the_newest_posts():
    me = make_post("me", days=5, categories=("Alone",))
    posts = [me, make_post("a", days=1), make_post("b", days=3), make_post("c", days=2)]
    picks = Related(posts).picks(me, 2)
    assert slugs(picks) == ["b", "c"]
    assert {p.how for p in picks} == {"newest"}


def test_excluded_posts_are_never_picked():
    me = make_post("me", days=5, categories=("Hiring",))
    posts = [me, make_post("pinned", days=4, categories=("Hiring",)), make_post("other", days=1, categories=("Hiring",))]
    assert slugs(Related(posts).picks(me, 2, exclude={"blog/posts/pinned.md"})) == ["other"]


def test_only_published_posts_are_candidates_and_a_draft_can_ask():
    draft = make_post("draft", days=9, categories=("Hiring",), status="draft")
    published = [make_post("a", days=1, categories=("Hiring",)), make_post("b", days=2, categories=("Delivery",))]
    related = Related(published)
    assert slugs(related.picks(draft, 2)) == ["a", "b"]
    assert "blog/posts/draft.md" not in related.position


def test_two_shared_categories_beat_one():
    me = make_post("me", days=10, categories=("Hiring", "Leadership"))
    posts = [
        me,
        make_post("one", days=9, categories=("Hiring",)),
        make_post("both", days=1, categories=("Leadership", "Hiring")),
        make_post("other-one", days=8, categories=("Leadership",)),
    ]
    assert slugs(Related(posts).picks(me, 3)) == ["both", "one", "other-one"]


def test_common_tags_still_bring_candidates_and_count():
    me = make_post("me", days=100, tags=("everywhere",))
    posts = [me] + [make_post(f"p{i}", days=i, tags=("everywhere",)) for i in range(40)]
    posts.append(make_post("unrelated", days=99))
    related = Related(posts)
    assert len(related.by_tag["everywhere"]) > related.common
    picks = related.picks(me, 3, explain=True)
    assert slugs(picks) == ["p39", "p38", "p37"]
    assert picks[0].reasons == ("tags everywhere",)


def test_ranking_many_posts_stays_fast():
    posts = [
        make_post(
            f"p{i}",
            days=i,
            categories=(f"c{i % 12}",),
            tags=(f"t{i % 97}", f"t{i % 31}"),
            title=f"Post {i} about w{i % 500} and w{i % 43}",
        )
        for i in range(3000)
    ]
    start = time.process_time()
    related = Related(posts)
    for post in posts:
        assert len(related.picks(post, 3)) == 3
    assert time.process_time() - start < 3.0  # about 0.2 s on a laptop; the benchmark has the real figure


def test_ranking_inputs_change_with_the_excerpt_that_gives_a_post_without_description_its_words():
    """A post's words come from its title and summary (description, else excerpt): an edit to the
    first paragraph must rank again under `mkdocs serve`, as a fresh build would."""
    from dataclasses import replace

    before = [make_post("kafka-notes"), make_post("queues", days=1)]
    after = [replace(before[0], excerpt="Partition rebalancing in consumer groups"), before[1]]
    assert significant_words(after[0].summary) != significant_words(before[0].summary)
    assert Related.inputs(after, Weights()) != Related.inputs(before, Weights())
