"""Which posts' read-next picks an edit can change (`mkdocs serve --dirty` ranks only those): every
post whose picks differ after a random edit is among them, and most posts are not."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest
from test_related import make_post

from mkdocs_ctoblog.related import Related
from mkdocs_ctoblog.related.changes import picks_may_change

WORDS = [f"w{i}" for i in range(40)] + ["kafka", "hiring", "roadmap", "the", "and"]


def _blog(rng: random.Random, size: int) -> list:
    return [
        make_post(
            f"p{i}",
            days=rng.randrange(400),
            categories=tuple(rng.sample(["ops", "hiring", "cloud", "tiny"], rng.choice([0, 1, 1, 2]))),
            tags=tuple(rng.sample([f"t{k}" for k in range(12)], rng.randrange(3))),
            title=" ".join(rng.sample(WORDS, 4)),
        )
        for i in range(size)
    ]


def _edit(rng: random.Random, post):
    what = rng.choice(["title", "categories", "tags", "date", "description"])
    if what == "title":
        return replace(post, title=" ".join(rng.sample(WORDS, 4)))
    if what == "categories":
        return replace(post, categories=tuple(rng.sample(["ops", "hiring", "cloud", "tiny"], rng.randrange(3))))
    if what == "tags":
        return replace(post, tags=tuple(rng.sample([f"t{k}" for k in range(12)], rng.randrange(3))))
    if what == "date":
        return replace(post, date=post.date - dt.timedelta(days=rng.randrange(1, 300)))
    return replace(post, description=" ".join(rng.sample(WORDS, 6)))


@pytest.mark.parametrize("seed", range(60))
def test_every_post_whose_picks_change_is_flagged(seed):
    rng = random.Random(seed)
    before = _blog(rng, rng.choice([12, 40, 120]))
    after = list(before)
    for _ in range(rng.choice([1, 1, 2])):
        k = rng.randrange(len(after))
        after[k] = _edit(rng, after[k])
    old, new = Related(before), Related(after)
    may_change = picks_may_change(new, old)
    if may_change is None:  # another newest date: every post may change
        assert max(p.date for p in after) != max(p.date for p in before)
        return
    flagged = 0
    for post_before, post_after in zip(before, after):
        for count, pinned in ((3, ()), (2, (before[0].src_uri,)), (8, ())):
            exclude = set(pinned) - {post_after.src_uri}
            old_picks = [p.post.src_uri for p in old.picks(post_before, count, exclude=exclude)]
            new_picks = [p.post.src_uri for p in new.picks(post_after, count, exclude=exclude)]
            flag = may_change(post_after.src_uri, count, len(exclude))
            flagged += flag
            if old_picks != new_picks:
                assert flag, (post_after.src_uri, count, old_picks, new_picks)
    if len(before) == 120:  # an edit does not send every post to be ranked again
        assert flagged < 3 * len(before)


def test_nothing_flagged_when_no_ranked_feature_changed():
    """An edit to the excerpt of a post with a description changes no word the ranking reads."""
    posts = [make_post(f"p{i}", days=i, categories=("ops",), description=f"w{i} kafka") for i in range(30)]
    after = [*posts[:3], replace(posts[3], excerpt="a new first paragraph"), *posts[4:]]
    may_change = picks_may_change(Related(after), Related(posts))
    assert may_change is not None
    assert [p.src_uri for p in posts if may_change(p.src_uri, 3, 0)] == []
    assert may_change("blog/posts/a-draft.md", 3, 0)  # not ranked: its picks are made again


def test_any_post_may_change_when_the_number_of_posts_or_the_newest_date_changes():
    posts = [make_post(f"p{i}", days=i, categories=("ops",)) for i in range(10)]
    assert picks_may_change(Related(posts[:-1]), Related(posts)) is None
    newer = replace(posts[0], date=posts[-1].date.replace(year=2030))
    assert picks_may_change(Related([newer, *posts[1:]]), Related(posts)) is None


def test_a_word_that_becomes_common_changes_the_picks_of_the_posts_that_counted_it():
    """24 posts share "kafka" (counted: at most 24 posts), which puts them above newer posts of their
    category; a 25th post with it, in another category, makes it common (not counted)."""
    posts = [make_post(f"k{i}", days=i, categories=("a",), title=f"kafka x{i} y{i}") for i in range(24)]
    posts += [make_post(f"n{i}", days=100 + i, categories=("a",), title=f"newer v{i}") for i in range(5)]
    posts += [make_post(f"o{i}", days=30 + i, categories=("b",), title=f"other z{i}") for i in range(20)]
    after = [*posts[:-1], replace(posts[-1], title="kafka z19")]
    old, new = Related(posts), Related(after)
    may_change = picks_may_change(new, old)
    assert may_change is not None
    changed = [p.src_uri for p, q in zip(posts, after) if [x.post.src_uri for x in old.picks(p, 3)] != [x.post.src_uri for x in new.picks(q, 3)]]
    assert "blog/posts/k0.md" in changed
    assert all(may_change(src, 3, 0) for src in changed)
