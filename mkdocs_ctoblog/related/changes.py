"""Which posts' read-next picks an edit can change: between two rankings of the same posts, only
the posts that share something with a changed post (`mkdocs serve --dirty` ranks those alone).

A post's picks read the ranking through its own categories, tags and significant words: the
posting lists of those, the document frequency of its words, the common threshold (the number
of posts), the recency of each candidate (its date and the newest date) and the order of the
posts. When one post's features change, the picks of a post P can change only if P shares a
category, tag or counted word with it, before or after; or if P may be filled with the newest
posts of the blog (it has too few posts in its categories), where the changed post may come or
go. Anything else (another number of posts, another newest date, other weights) may change
every post's picks.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs_ctoblog.related.ranking import Related

MayChange = Callable[[str, int, int], bool]
"""`may_change(src, count, excluded)`: whether the post's picks of `count` posts (with `excluded`
pinned posts left out) may differ from the old ranking's."""


def picks_may_change(new: Related, old: Related) -> MayChange | None:
    """A test for the posts whose picks in `new` may differ from those in `old`; None when any
    post's may."""
    if (
        new.weights != old.weights
        or new.position.keys() != old.position.keys()
        or new.common != old.common
        or (new.posts and new.posts[0].date != old.posts[0].date)  # recency counts from the newest post
    ):
        return None
    changed = [src for src, i in new.position.items() if _features(new, i) != _features(old, old.position[src])]
    touched = set(changed)
    for src in changed:
        for ranking in (new, old):
            i = ranking.position[src]
            near: list[list[int]] = [ranking.by_category.get(slug, []) for slug in ranking.categories[i]]
            near += [ranking.by_tag.get(tag, []) for tag in ranking.tags[i]]
            near += [
                ranking.by_word.get(word, [])
                for word in ranking.words[i]
                if min(new.df.get(word, 0), old.df.get(word, 0)) <= new.common  # counted in one of them
            ]
            for positions in near:
                touched.update(ranking.posts[j].src_uri for j in positions)

    def may_change(src: str, count: int, excluded: int) -> bool:
        i = new.position.get(src)
        if i is None or src in touched:  # a draft is not ranked: its features are not compared
            return True
        if not changed:
            return False
        # `_fill` takes the newest posts of the blog only when its categories hold too few others
        biggest = max((len(new.by_category.get(slug, ())) for slug in new.categories[i]), default=0)
        return biggest < count + 1 + excluded

    return may_change


def _features(ranking: Related, i: int) -> tuple[object, ...]:
    post = ranking.posts[i]
    return (ranking.categories[i], ranking.tags[i], ranking.words[i], post.date, post.title)
