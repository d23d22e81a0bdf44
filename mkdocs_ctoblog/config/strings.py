"""The words readers see (`strings`): their defaults and the option that merges the user's over them."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_ctoblog.config.options import check_placeholders
from mkdocs_ctoblog.shown import shown

DEFAULT_STRINGS: dict[str, str] = {
    "blog": "Blog",
    "read_next": "Read next",
    "subscribe": "Subscribe",
    "email_label": "Email address",
    "email_placeholder": "you@example.com",
    "newsletter_title": "Subscribe to the newsletter",
    "newsletter_text": "New posts in your inbox. No spam; unsubscribe any time.",
    "newsletter_privacy": "Your address is only used to send the newsletter.",
    "latest": "Latest posts",
    "comments": "Comments",
    "comments_noscript": "Comments are hosted on GitHub Discussions and need JavaScript.",
    "newsletter_trap": "Leave this field empty",
    "draft": "Draft",
    "scheduled": "Scheduled",
    "pinned": "Pinned",
    "updated": "Updated",
    "by": "By",
    "min_read": "{minutes} min read",
    "categories": "Categories",
    "category": "Category",
    "tags": "Tags",
    "tag": "Tag",
    "author": "Author",
    "archive": "Archive",
    "newer": "Newer posts",
    "older": "Older posts",
    "page": "Page {number} of {total}",
    "feed_rss": "RSS feed",
    "feed_atom": "Atom feed",
    "feed_json": "JSON feed",
    "share": "Share this post",
    "share_on": "Share on {service}",
    "share_email": "Share by email",
    "email": "Email",
    "copy_link": "Copy link",
    "link_copied": "Link copied",
    "about_author": "About the author",
    "moved": "This page has moved to",
    "newsletter_consent": "I agree to receive the newsletter by email. I can unsubscribe at any time.",
    "privacy_policy": "Privacy policy",
    "series": "Series",
    "series_part": "Part {number} of {total} in {series}",
    "series_previous": "Previous part",
    "series_next": "Next part",
}


STRING_PLACEHOLDERS: dict[str, dict[str, object]] = {
    "min_read": {"minutes": 5},
    "page": {"number": 2, "total": 3},
    "share_on": {"service": "Mastodon"},
    "series_part": {"number": 2, "total": 3, "series": "Scaling the team"},
}
"""The strings filled with `str.format`, and a sample of what each receives."""


class Strings(c.Type):
    """User-visible words, merged over `DEFAULT_STRINGS`; unknown keys are an error."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, str]:
        given: dict[str, object] = super().run_validation(value)
        unknown = sorted(set(given) - set(DEFAULT_STRINGS))
        if unknown:
            raise base.ValidationError(
                f"Unknown key {unknown[0]!r}; expected one of: {', '.join(sorted(DEFAULT_STRINGS))}"
            )
        for key, text in given.items():
            if not isinstance(text, str):
                raise base.ValidationError(f"Expected text for {key!r}, but received: {shown(text)}")
            if key in STRING_PLACEHOLDERS:
                try:
                    check_placeholders(text, STRING_PLACEHOLDERS[key])
                except base.ValidationError as exc:
                    raise base.ValidationError(f"{key!r}: {exc}") from None
        return {**DEFAULT_STRINGS, **given}  # type: ignore[dict-item]
