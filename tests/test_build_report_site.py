"""What a build says about posts' inherited switches and unpublished posts: one line, not one per post."""

from __future__ import annotations

import logging

from conftest import post


def test_comments_and_newsletter_without_provider_are_one_warning_each(build_site, warnings_of):
    docs = {
        f"blog/posts/2024-01-0{n}-p{n}.md": post(f"title: P{n}\ncomments: true\nnewsletter: true") for n in range(1, 6)
    }
    build_site(docs)
    assert warnings_of() == [
        ("'comments: true' in 5 pages (blog/posts/2024-01-01-p1.md, blog/posts/2024-01-02-p2.md, "
        "blog/posts/2024-01-03-p3.md and 2 more), but no comments provider is configured (comments.provider: giscus, "
        "with repo, repo_id, category and category_id); no comments are shown. Configure one, or set comments: "
        "{enabled: false}"),
        ("'newsletter: true' in 5 pages (blog/posts/2024-01-01-p1.md, blog/posts/2024-01-02-p2.md, "
        "blog/posts/2024-01-03-p3.md and 2 more), but newsletter.action is not set (provider 'generic'); the form is "
        "left out. Set it or choose a provider, or set newsletter: {enabled: false}"),
    ]


def test_switched_off_blocks_do_not_warn(build_site, warnings_of):
    docs = {"blog/posts/2024-01-01-p.md": post("title: P\ncomments: true\nnewsletter: true")}
    build_site(docs, plugin={"comments": {"enabled": False}, "newsletter": {"enabled": False}})
    assert warnings_of() == []


def test_verbose_lists_scheduled_and_draft_posts_with_their_dates(build_site, caplog):
    caplog.set_level(logging.DEBUG)
    build_site(
        {
            "blog/posts/2024-01-01-live.md": post("title: Live"),
            "blog/posts/2999-01-01-parked.md": post("title: Parked"),
            "blog/posts/2099-06-01-later.md": post("title: Later\ndate: 2099-06-01 09:30:00 +0000"),
            "blog/posts/2023-05-01-idea.md": post("title: Idea\ndraft: true"),
        }
    )
    lines = [r.getMessage() for r in caplog.records if "post dated" in r.getMessage()]
    assert lines == [
        "mkdocs_ctoblog: blog/posts/2023-05-01-idea.md: draft post dated 2023-05-01T00:00:00+00:00, left out",
        "mkdocs_ctoblog: blog/posts/2099-06-01-later.md: scheduled post dated 2099-06-01T09:30:00+00:00, left out",
        "mkdocs_ctoblog: blog/posts/2999-01-01-parked.md: scheduled post dated 2999-01-01T00:00:00+00:00, left out",
    ]
    assert all(r.levelno == logging.DEBUG for r in caplog.records if "post dated" in r.getMessage())
