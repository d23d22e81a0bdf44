#!/usr/bin/env python3
"""Time the "read next" ranking of N synthetic posts (default 10,000), every post against all others.

    .venv/bin/python benchmarks/bench_ranking.py              # 10,000 posts, best of 3 runs
    .venv/bin/python benchmarks/bench_ranking.py 30000 --runs 5 --count 5

The posts are `Post` objects made in memory (no files, no MkDocs build), shaped like a large
professional blog: 24 categories (one or two a post), 600 tags (two to five a post, a few much
more popular than the rest), titles and descriptions drawn from a 4,000-word vocabulary with a
Zipf-like frequency, dates spread over ten years. The seed is fixed, so runs are comparable.
It prints the time to build the index, the time to rank all posts, and the per-post average.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs_ctoblog.posts import Post
from mkdocs_ctoblog.related import Related, Weights

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "bi", "da", "fe", "gu", "ho", "ji", "pa", "qu", "ri", "so", "tu", "wa", "xe", "yo", "zu"]


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _zipf_weights(n: int, s: float) -> list[float]:
    return [1 / (rank**s) for rank in range(1, n + 1)]


def make_posts(n: int, seed: int = 1) -> list[Post]:
    """N published posts with categories, tags, titles and descriptions."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, 4000)
    word_weights = _zipf_weights(len(vocabulary), 1.0)
    categories = [f"Category {i}" for i in range(24)]
    category_weights = _zipf_weights(len(categories), 0.6)
    tags = [f"tag-{i}" for i in range(600)]
    tag_weights = _zipf_weights(len(tags), 0.9)
    start = dt.datetime(2016, 1, 1, tzinfo=dt.timezone.utc)
    posts = []
    for i in range(n):
        title_words = rng.choices(vocabulary, weights=word_weights, k=rng.randint(4, 9))
        description_words = rng.choices(vocabulary, weights=word_weights, k=rng.randint(12, 28))
        post_categories = sorted(set(rng.choices(categories, weights=category_weights, k=rng.choice((1, 1, 2)))))
        post_tags = sorted(set(rng.choices(tags, weights=tag_weights, k=rng.randint(2, 5))))
        posts.append(
            Post(
                src_uri=f"blog/posts/post-{i:05d}.md",
                dest_uri=f"blog/post-{i:05d}/index.html",
                slug=f"post-{i:05d}",
                title=" ".join(title_words).capitalize(),
                date=start + dt.timedelta(minutes=rng.randrange(10 * 365 * 24 * 60)),
                updated=None,
                description=" ".join(description_words).capitalize() + ".",
                excerpt="",
                body="",
                categories=tuple(post_categories),
                tags=tuple(post_tags),
                authors=(),
                image=None,
                status="published",
                pin=False,
                words=800,
                reading_minutes=4,
                newsletter=None,
                comments=None,
                cta=None,
                read_next=None,
                meta={},
            )
        )
    return posts


def run_once(posts: list[Post], count: int) -> tuple[float, float, int, float]:
    """Wall seconds to index and to rank, picks made, and CPU seconds of both (less noisy on busy machines)."""
    cpu = time.process_time()
    start = time.perf_counter()
    related = Related(posts, Weights())
    indexed = time.perf_counter()
    picked = 0
    for post in posts:
        picked += len(related.picks(post, count))
    done = time.perf_counter()
    return indexed - start, done - indexed, picked, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("posts", nargs="?", type=int, default=10_000, help="number of posts (default 10000)")
    parser.add_argument("--runs", type=int, default=3, help="runs; the best is reported (default 3)")
    parser.add_argument("--count", type=int, default=3, help="picks per post, read_next.count (default 3)")
    args = parser.parse_args()
    posts = make_posts(args.posts)
    results = [run_once(posts, args.count) for _ in range(args.runs)]
    index_s = min(r[0] for r in results)
    rank_s = min(r[1] for r in results)
    total = min(r[0] + r[1] for r in results)
    picked = results[0][2]
    print(f"posts: {args.posts}, picks per post: {args.count}, runs: {args.runs} (best shown)")
    print(f"python {sys.version.split()[0]} on {sys.platform}")
    print(f"index build:        {index_s * 1000:8.1f} ms")
    print(f"rank all posts:     {rank_s * 1000:8.1f} ms  ({rank_s / args.posts * 1e6:.1f} µs a post)")
    print(f"total:              {total * 1000:8.1f} ms  (median of runs {statistics.median(r[0] + r[1] for r in results) * 1000:.1f} ms)")
    print(f"total CPU time:     {min(r[3] for r in results) * 1000:8.1f} ms")
    print(f"picks made:         {picked} (every post got {args.count}: {picked == args.posts * args.count})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
