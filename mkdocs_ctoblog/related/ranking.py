"""The "read next" ranking index over the published posts of one build.

A candidate's score for a post is the sum of

- `weights.category` for each category the two share,
- `weights.tag` for each tag they share,
- `weights.words` times the share of the post's significant words (title and description,
  stop-words removed, IDF-weighted so that common words count little) the candidate also has,
- and, only when one of the above is positive, a recency bonus of at most `weights.recency`
  that halves with every year the candidate is older than the newest post.

Ties are broken by the newer post, then by title. Candidates are found through inverted
indexes, so a post is never compared with posts that share nothing with it:

- tags and words: each posting list is walked once. A tag or word carried by more than
  `max(24, 1/400 of the posts)` posts is *common*: a common word does not count at all (its
  IDF is small anyway); a common tag still counts for every candidate, but brings in only its
  newest posts as candidates (so an old post that shares only common tags can be missed; while
  no tag is common, the ranking is exact);
- categories: every post with the same set of categories shares one category ranking (shared
  categories plus recency), merged lazily and read only as far as needed.

`benchmarks/bench_ranking.py` ranks 10,000 synthetic posts, every one against all the others.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from itertools import chain

from mkdocs_ctoblog.posts import Post
from mkdocs_ctoblog.related.picks import Pick, Weights, newest_first_key
from mkdocs_ctoblog.related.postings import Stream, postings
from mkdocs_ctoblog.related.words import significant_words
from mkdocs_ctoblog.urls import slugify

_QUERY_WORDS = 8  # a post's most specific words that count
_COMMON_MIN = 24  # a tag or word on more posts than this (or 1/400 of them) is common
_COMMON_SHARE = 400
_SECONDS_PER_YEAR = 365.25 * 24 * 3600


class Related:
    """The ranking index over the published posts of one build.

    Positions (`i`) number the posts newest first, so a lower position is a newer post and
    sorting `(-score, position)` gives the promised order: score, then newer, then title.
    """

    def __init__(self, posts: Iterable[Post], weights: Weights | None = None) -> None:
        self.weights = weights or Weights()
        self.posts: list[Post] = sorted(posts, key=newest_first_key)
        self.position = {post.src_uri: i for i, post in enumerate(self.posts)}
        self._slugs: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._stems: dict[str, str] = {}
        self._terms: dict[tuple[str, ...], frozenset[str]] = {}
        self.categories = [self._term_slugs(p.categories) for p in self.posts]
        self.tags = [self._term_slugs(p.tags) for p in self.posts]
        self.words = [self._words(p) for p in self.posts]
        self.by_category = postings(self.categories)
        self.by_tag = postings(self.tags)
        self.by_word = postings(self.words)
        total = len(self.posts)
        self.df = {word: len(ids) for word, ids in self.by_word.items()}
        self.idf = {word: math.log(total / df) for word, df in self.df.items()}
        self.common = max(_COMMON_MIN, total // _COMMON_SHARE)
        newest = self.posts[0].date if self.posts else None
        self.recency = [
            self.weights.recency * 0.5 ** ((newest - p.date).total_seconds() / _SECONDS_PER_YEAR) if newest else 0.0
            for p in self.posts
        ]
        self._members: dict[tuple[str, str], frozenset[int]] = {}
        self._category_streams: dict[frozenset[str], Stream] = {}
        self._picked: dict[tuple[str, int, frozenset[str], bool], list[Pick]] = {}

    @staticmethod
    def inputs(posts: Iterable[Post], weights: Weights) -> tuple[object, ...]:
        """Everything the ranking reads: equal inputs give equal picks, so an index can be reused
        across `mkdocs serve` rebuilds (an edit to a post's body changes none of it, unless it changes
        the excerpt of a post without a description: its summary gives it words)."""
        features = sorted((p.src_uri, p.title, p.summary, p.categories, p.tags, p.date) for p in posts)
        return (weights, tuple(features))

    def refresh(self, posts: Iterable[Post]) -> None:
        """Swap in this build's `Post` objects (same ranking inputs, maybe a new body or excerpt)."""
        fresh = {post.src_uri: post for post in posts}
        self.posts = [fresh[post.src_uri] for post in self.posts]
        self._picked = {
            key: [replace(pick, post=fresh[pick.post.src_uri]) for pick in picks] for key, picks in self._picked.items()
        }

    # -- public -------------------------------------------------------------------------

    def picks(self, post: Post, count: int, *, exclude: Collection[str] = (), explain: bool = False) -> list[Pick]:
        """Up to `count` other published posts for `post`: the best ranked, then the fill.

        `exclude` holds source paths never to pick (the pinned ones); `explain` fills
        `Pick.reasons` (only needed for the `--verbose` log).
        """
        if count <= 0:
            return []
        key = (post.src_uri, count, frozenset(exclude), explain)
        if key not in self._picked:
            self._picked[key] = self._pick(post, count, exclude, explain)
        return self._picked[key]

    def _pick(self, post: Post, count: int, exclude: Collection[str], explain: bool) -> list[Pick]:
        own = self.position.get(post.src_uri)
        skip = {self.position[src] for src in exclude if src in self.position}
        if own is not None:
            skip.add(own)
            cats, tags, words = self.categories[own], self.tags[own], self.words[own]
        else:
            cats, tags, words = self._term_slugs(post.categories), self._term_slugs(post.tags), self._words(post)
        chosen = self._query_words(words, least=2 if own is not None else 1)
        scored = self._ranked(cats, tags, chosen, count, skip)
        picks = [
            Pick(self.posts[i], score, self._reasons(i, cats, tags, chosen) if explain else ())
            for score, i in scored
        ]
        if len(picks) < count:
            picks += self._fill(cats, count - len(picks), skip | {i for _, i in scored})
        return picks

    # -- ranking ------------------------------------------------------------------------

    def _ranked(
        self, cats: frozenset[str], tags: frozenset[str], chosen: dict[str, float], count: int, skip: set[int]
    ) -> list[tuple[float, int]]:
        w = self.weights
        tag_weight, category_weight = w.tag, w.category
        acc: dict[int, float] = {}
        get = acc.get
        popular: list[str] = []
        if tag_weight > 0:
            for tag in tags:
                ids = self.by_tag.get(tag, ())
                if len(ids) > self.common:
                    popular.append(tag)
                    continue
                for i in ids:
                    acc[i] = get(i, 0.0) + tag_weight
        if w.words > 0:
            by_word = self.by_word
            for word, share in chosen.items():
                for i in by_word[word]:
                    acc[i] = get(i, 0.0) + share
        for i in skip:
            acc.pop(i, None)
        # Categories and common tags bring in only their best few posts as candidates ...
        category_members: list[frozenset[int]] = []
        if cats and category_weight > 0:
            self._take(self._category_stream(cats), count, acc, skip)
            category_members = [self._member_set("category", slug) for slug in cats]
        popular.sort()
        for tag in popular:
            self._take(self.by_tag[tag], count, acc, skip)
        tag_members = [self._member_set("tag", tag) for tag in popular]
        # ... and every candidate counts all it shares.
        for members in category_members:
            for i in members.intersection(acc):
                acc[i] += category_weight
        for members in tag_members:
            for i in members.intersection(acc):
                acc[i] += tag_weight
        # Recency adds at most `weights.recency`: a post that far below the count-th best cannot catch up.
        floor = 0.0
        if len(acc) > count:
            floor = max(0.0, sorted(acc.values(), reverse=True)[count - 1] - w.recency)
        recency = self.recency
        best = sorted([(-(score + recency[i]), i) for i, score in acc.items() if score > 0 and score >= floor])
        return [(-neg_score, i) for neg_score, i in best[:count]]

    def _query_words(self, words: set[str], *, least: int) -> dict[str, float]:
        """The post's most specific words that other posts share, each with its share of `weights.words`."""
        df, common = self.df, self.common
        usable = [word for word in words if least <= df.get(word, 0) <= common]
        if not usable:
            return {}
        usable.sort(key=lambda word: (-self.idf[word], word))
        usable = usable[:_QUERY_WORDS]
        total = sum(self.idf[word] for word in usable)
        if total <= 0:
            return {}
        return {word: self.weights.words * self.idf[word] / total for word in usable}

    @staticmethod
    def _take(stream: Iterable[int], count: int, acc: dict[int, float], skip: set[int]) -> None:
        """Add the first `count` new posts of a stream of positions (best first) to the candidates."""
        taken = 0
        for i in stream:
            if i in acc or i in skip:
                continue
            acc[i] = 0.0
            taken += 1
            if taken >= count:
                return

    def _member_set(self, kind: str, key: str) -> frozenset[int]:
        members = self._members.get((kind, key))
        if members is None:
            postings = self.by_category if kind == "category" else self.by_tag
            members = self._members[(kind, key)] = frozenset(postings.get(key, ()))
        return members

    def _category_stream(self, cats: frozenset[str]) -> Iterable[int]:
        """Positions of the posts sharing a category in `cats`, by shared categories plus recency."""
        if len(cats) == 1:
            return self.by_category.get(next(iter(cats)), ())  # newest first is best first
        stream = self._category_streams.get(cats)
        if stream is None:
            w, recency = self.weights.category, self.recency
            if len(cats) == 2:
                first, second = sorted(cats)
                both = self._member_set("category", first) & self._member_set("category", second)
                either = heapq.merge(self.by_category.get(first, ()), self.by_category.get(second, ()))
                levels = [
                    ((-(2 * w + recency[i]), i) for i in sorted(both)),
                    ((-(w + recency[i]), i) for i in either if i not in both),
                ]
            else:
                shared = Counter(chain.from_iterable(self.by_category.get(slug, ()) for slug in cats))
                grouped: dict[int, list[int]] = {}
                for i, m in shared.items():
                    grouped.setdefault(m, []).append(i)
                levels = [((-(w * m + recency[i]), i) for i in sorted(ids)) for m, ids in grouped.items()]
            stream = self._category_streams[cats] = Stream(i for _, i in heapq.merge(*levels))
        return stream

    def _fill(self, cats: frozenset[str], missing: int, taken: set[int]) -> list[Pick]:
        """Newest posts of the same categories, then the newest posts overall."""
        found: list[Pick] = []
        same = heapq.merge(*[self.by_category.get(slug, ()) for slug in sorted(cats)])
        for i in same:
            if len(found) >= missing:
                return found
            if i not in taken:
                names = ", ".join(self._names[s] for s in sorted(self.categories[i] & cats))
                found.append(Pick(self.posts[i], 0.0, (f"newest in {names}",), "same category"))
                taken.add(i)
        for i in range(len(self.posts)):
            if len(found) >= missing:
                break
            if i not in taken:
                found.append(Pick(self.posts[i], 0.0, ("newest post",), "newest"))
                taken.add(i)
        return found

    # -- helpers ------------------------------------------------------------------------

    def _term_slugs(self, names: Sequence[str]) -> frozenset[str]:
        key = tuple(names)
        found = self._terms.get(key)
        if found is None:
            found = self._terms[key] = self._slugs_of(key)
        return found

    def _slugs_of(self, names: Sequence[str]) -> frozenset[str]:
        slugs = []
        for name in names:
            slug = self._slugs.get(name)
            if slug is None:
                slug = self._slugs[name] = slugify(name)
                self._names.setdefault(slug, name)
            slugs.append(slug)
        return frozenset(slugs)

    def _words(self, post: Post) -> set[str]:
        return significant_words(f"{post.title} {post.summary}", self._stems)

    def _reasons(self, i: int, cats: frozenset[str], tags: frozenset[str], chosen: dict[str, float]) -> tuple[str, ...]:
        reasons = []
        shared_cats = sorted(self.categories[i] & cats)
        if shared_cats and self.weights.category > 0:
            reasons.append("category " + ", ".join(self._names[s] for s in shared_cats))
        shared_tags = sorted(self.tags[i] & tags)
        if shared_tags and self.weights.tag > 0:
            reasons.append("tags " + ", ".join(self._names[s] for s in shared_tags))
        shared_words = sorted(self.words[i] & chosen.keys(), key=lambda w: (-chosen[w], w))
        if shared_words:
            reasons.append("words " + ", ".join(shared_words))
        return tuple(reasons)
