"""Typed configuration of the `ctoblog` plugin: `CtoblogConfig` and its sub-configs."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Mapping
from typing import Literal

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_ctoblog import outpaths, safe_urls
from mkdocs_ctoblog.jekyll import permalink
from mkdocs_ctoblog.jekyll.site_config import DEFAULT_EXCERPT_SEPARATOR, SiteConfigError, read_site_config
from mkdocs_ctoblog.safe_urls import safe_url
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
}


STRING_PLACEHOLDERS: dict[str, dict[str, object]] = {
    "min_read": {"minutes": 5},
    "page": {"number": 2, "total": 3},
    "share_on": {"service": "Mastodon"},
}
"""The strings filled with `str.format`, and a sample of what each receives."""


class StrictConfig(base.Config):
    """A config whose unknown keys are errors (MkDocs only warns), so typos never pass silently."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        unknown = [(key, w) for key, w in warnings if str(w).startswith("Unrecognised configuration name")]
        failed += [(key, base.ValidationError(str(w))) for key, w in unknown]
        return failed, [item for item in warnings if item not in unknown]


class Number(c.Type):
    """A non-negative number; ints are accepted where floats are meant."""

    def __init__(self, default: float) -> None:
        super().__init__((int, float), default=default)

    def run_validation(self, value: object) -> float:
        value = super().run_validation(value)
        if isinstance(value, bool) or value < 0:  # type: ignore[operator]
            raise base.ValidationError(f"Expected a number of 0 or more, but received: {value!r}")
        return float(value)  # type: ignore[arg-type]


class PositiveInt(c.Type):
    """A whole number of 1 or more."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        value = super().run_validation(value)
        if isinstance(value, bool) or value < 1:  # type: ignore[operator]
            raise base.ValidationError(f"Expected a whole number of 1 or more, but received: {value!r}")
        return value  # type: ignore[return-value]


_TOKENS = re.compile(r"\{[a-z_]+\}|:[a-z_]+")


class SitePath(c.Type):
    """A path inside docs_dir or the site (`blog`, `{slug}`): no `..`, drive letter or control
    character, also when percent-encoded or written with backslashes. `placeholders` are
    filled with sample values before the check; a `folder` is returned normalised (`./blog\\`
    → `blog`, `/` → ``)."""

    def __init__(
        self,
        default: str | None = None,
        *,
        placeholders: dict[str, str] | None = None,
        folder: bool = False,
        formatted: bool = False,
    ) -> None:
        super().__init__(str, default=default)
        self.placeholders = placeholders or {}
        self.folder = folder
        self.formatted = formatted
        """Filled with `str.format`: only the `placeholders` may appear (checked)."""

    def sample(self, text: str) -> str:
        """The value with its placeholders filled."""
        for name, example in self.placeholders.items():
            text = text.replace("{" + name + "}", example)
        return text

    def run_validation(self, value: object) -> str:
        text: str = super().run_validation(value)
        if self.formatted:
            check_placeholders(text, self.placeholders)
        try:
            found = outpaths.normalise(self.sample(text), url=True)
        except outpaths.UnsafePath as exc:
            raise base.ValidationError(f"Expected a path inside the site, but received: {text!r}, which {exc}") from None
        if found.has_parent:
            raise base.ValidationError(f"Expected a path inside the site, without '..', but received: {text!r}")
        return outpaths.normalise(text).path if self.folder else text


def check_placeholders(text: str, samples: Mapping[str, object]) -> None:
    """Raise a ValidationError unless `text.format(**samples)` works and uses only their names
    (no positional `{}`, no `{name.attribute}` or `{name[index]}`)."""
    allowed = ", ".join("{" + name + "}" for name in samples) or "none"
    try:
        names = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
    except ValueError as exc:
        raise base.ValidationError(f"Expected text with placeholders {allowed} ({exc}), but received: {shown(text)}") from None
    for name in names:
        if name not in samples:
            raise base.ValidationError(
                f"Expected only the placeholders {allowed}, but received {shown(text)} with {{{name[:40]}}}"
            )
    try:
        text.format(**samples)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise base.ValidationError(f"Expected text with placeholders {allowed} ({exc}), but received: {shown(text)}") from None


class DateFormat(c.Type):
    """A Babel date format: `short`, `medium`, `long`, `full` or a pattern like `d MMMM y`."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        from babel.dates import format_date

        text: str = super().run_validation(value)
        try:
            format_date(dt.date(2024, 1, 31), format=text, locale="en")
        except (ValueError, AttributeError, KeyError, TypeError) as exc:
            raise base.ValidationError(
                f"Expected a Babel date format such as 'medium' or 'd MMMM y' ({exc}), but received: {shown(text)}"
            ) from None
        return text


class SafeUrl(c.Type):
    """A URL `safe_urls` accepts (relative, site path, http(s), mailto), stored normalised."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        text: str = super().run_validation(value)
        checked = safe_url(text)
        if checked is None:
            raise base.ValidationError(f"Expected {safe_urls.EXPECTED}, but received: {shown(text)}")
        return checked


class Timezone(c.Type):
    """An IANA time zone name such as `Europe/London`."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        name = super().run_validation(value)
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise base.ValidationError(
                f"Expected an IANA time zone name such as 'Europe/London', but received: {name!r}"
            ) from None
        return name


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


MATERIAL_HIDE = ("navigation", "toc", "path", "footer", "tags", "feedback")

BLOCK_NAMES = ("series", "share", "author_bio", "cta", "newsletter", "read_next", "comments")
SHARE_SERVICES = ("linkedin", "x", "bluesky", "hackernews", "email", "copy")


class BlocksOrder(c.Type):
    """A list of block names, each at most once."""

    def __init__(self) -> None:
        super().__init__(list, default=list(BLOCK_NAMES))

    def run_validation(self, value: object) -> list[str]:
        names = super().run_validation(value)
        for name in names:  # type: ignore[attr-defined]
            if name not in BLOCK_NAMES:
                raise base.ValidationError(f"Expected block names out of {', '.join(BLOCK_NAMES)}, but received: {name!r}")
        if len(set(names)) != len(names):  # type: ignore[arg-type]
            raise base.ValidationError(f"Expected each block name once, but received: {names!r}")
        return names  # type: ignore[return-value]


class ShareServices(c.Type):
    """A list of share services, each at most once, or `false` for none."""

    def __init__(self) -> None:
        super().__init__((list, bool), default=list(SHARE_SERVICES))

    def run_validation(self, value: object) -> list[str]:
        if value is True:
            return list(SHARE_SERVICES)
        if value is False:
            return []
        expected = f"Expected false or a list out of {', '.join(SHARE_SERVICES)}, but received: "
        if not isinstance(value, list):
            raise base.ValidationError(expected + repr(value))
        for name in value:
            if name not in SHARE_SERVICES:
                raise base.ValidationError(expected + repr(name))
        if len(set(value)) != len(value):
            raise base.ValidationError(f"Expected each share service once, but received: {value!r}")
        return value


class CtaPosition(c.Type):
    """`bottom`, `top` or `after_paragraph:N`."""

    _pattern = re.compile(r"^after_paragraph\s*:\s*(\d+)$")

    def __init__(self) -> None:
        super().__init__(str, default="bottom")

    def run_validation(self, value: object) -> str:
        if isinstance(value, dict) and set(value) == {"after_paragraph"}:
            value = f"after_paragraph:{value['after_paragraph']}"
        text = str(super().run_validation(value)).strip()
        if text in ("bottom", "top") or self._pattern.match(text):
            return text.replace(" ", "")
        raise base.ValidationError(
            f"Expected 'bottom', 'top' or 'after_paragraph:N', but received: {value!r}"
        )


class PostUrlFormat(SitePath):
    """A URL pattern with `{tokens}`, or one in Jekyll's syntax (placeholders checked as Jekyll does)."""

    def __init__(self) -> None:
        super().__init__("{slug}")

    def run_validation(self, value: object) -> str:
        text = str(c.Type.run_validation(self, value)).strip()
        if permalink.is_template(text):
            unknown = permalink.unknown_placeholders(text)
            if unknown:
                raise base.ValidationError(
                    f"Expected Jekyll's placeholders (:title, :year, :categories ...), but received: {', '.join(unknown)}"
                )
            if "{" in text:
                raise base.ValidationError(f"Expected either {{tokens}} or Jekyll's :placeholders, not both, but received: {text!r}")
        return super().run_validation(text)

    def sample(self, text: str) -> str:
        """The pattern with its tokens and placeholders as plain names (their values are made safe per post)."""
        return _TOKENS.sub("x", text)


class ReadNextWeights(StrictConfig):
    category = Number(3.0)
    """Score for each category a post shares."""
    tag = Number(2.0)
    """Score for each tag a post shares."""
    words = Number(1.0)
    """Multiplier of the IDF-weighted words of title and description a post shares."""
    recency = Number(0.5)
    """Largest bonus for a recent post; it halves every year of age."""


class ReadNextConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Show "read next" cards after each post."""
    count = PositiveInt(3)
    """How many post cards to show."""
    include = c.ListOfItems(c.Type(str), default=[])
    """Pages (doc paths such as `services.md`) added as a card to every post."""
    weights = c.SubConfig(ReadNextWeights)
    """How much each shared feature counts in the ranking."""


class ButtonConfig(StrictConfig):
    label = c.Optional(c.Type(str))
    """Button text."""
    url = c.Optional(SafeUrl())
    """Site-absolute path (`/contact/`), doc path (`contact.md`) or full URL."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        if not failed and (self.label is None) != (self.url is None):
            failed.append(("button", base.ValidationError("Expected both 'label' and 'url', or neither")))
        return failed, warnings


class CtaBlockConfig(StrictConfig):
    title = c.Type(str, default="")
    """Heading of the block."""
    text = c.Type(str, default="")
    """Markdown body, rendered with the site's Markdown extensions."""
    button = c.SubConfig(ButtonConfig)
    """Optional button: `{label, url}`."""
    categories = c.ListOfItems(c.Type(str), default=[])
    """Posts in any of these categories get this block."""
    tags = c.ListOfItems(c.Type(str), default=[])
    """Posts with any of these tags get this block."""


class CtaConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Insert calls to action."""
    default = c.Optional(c.Type(str))
    """Block name for posts that match no other block."""
    position = CtaPosition()
    """`bottom`, `top`, or `after_paragraph:N`."""
    blocks = c.DictOfItems(c.SubConfig(CtaBlockConfig), default={})
    """Named blocks: `{title, text, button: {label, url}, categories, tags}`."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        if not failed and self.default is not None and self.default not in self.blocks:
            names = ", ".join(self.blocks) or "none are configured"
            failed.append(
                ("default", base.ValidationError(f"Expected the name of a block in 'blocks' ({names}), but received: {self.default!r}"))
            )
        return failed, warnings


class ConsentConfig(StrictConfig):
    enabled = c.Optional(c.Type(bool))
    """Add a required consent checkbox to the form; default: on for `brevo`, off for the others."""
    text = c.Optional(c.Type(str))
    """The checkbox's label; default from `strings.newsletter_consent`."""
    privacy_url = c.Optional(SafeUrl())
    """Link to the privacy page next to the checkbox (doc path, site path or URL)."""
    field = c.Optional(c.Type(str))
    """Name of the checkbox field; default `OPT_IN` for Brevo, else `consent`."""
    value = c.Optional(c.Type(str))
    """Value sent when it is ticked; default `1` for Brevo, else `yes`."""


class NewsletterConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Insert the sign-up form where asked."""
    default = c.Type(bool, default=False)
    """Show the form on every post unless its front matter says `newsletter: false`."""
    provider = c.Choice(("buttondown", "mailchimp", "kit", "substack", "brevo", "generic"), default="generic")
    """Preset for the form's action URL and field names."""
    username = c.Optional(c.Type(str))
    """Buttondown user name, or Substack publication name (`<name>.substack.com`)."""
    form_id = c.Optional(c.Type((str, int)))
    """Kit (ConvertKit) form id: the number in the form's embed `action`."""
    list_url = c.Optional(SafeUrl())
    """Mailchimp: the `action` URL of your embedded form (`https://<dc>.list-manage.com/subscribe/post?u=…&id=…`)."""
    action = c.Optional(SafeUrl())
    """Generic: the URL the form posts to; Brevo: the `action` of your embedded form (`https://<id>.sibforms.com/serve/<token>`)."""
    email_field = c.Type(str, default="email")
    """Generic: name of the e-mail field."""
    honeypot_field = c.Type(str, default="website")
    """Generic: name of the hidden anti-spam field."""
    hidden_fields = c.DictOfItems(c.Type(str), default={})
    """Generic: extra hidden fields sent with the form."""
    title = c.Optional(c.Type(str))
    """Heading; default from `strings.newsletter_title`."""
    text = c.Optional(c.Type(str))
    """Text above the form; default from `strings.newsletter_text`."""
    button = c.Optional(c.Type(str))
    """Button label; default from `strings.subscribe`."""
    privacy = c.Optional(c.Type(str))
    """Privacy note under the form; default from `strings.newsletter_privacy`."""
    consent = c.SubConfig(ConsentConfig)
    """A required consent checkbox: `{enabled, text, privacy_url, field, value}`."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        if not failed:
            problem = _newsletter_problem(self)
            if problem is not None:
                failed.append(problem)
        return failed, warnings


class CommentsConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Insert comments where asked."""
    default = c.Type(bool, default=False)
    """Show comments on every post unless its front matter says `comments: false`."""
    provider = c.Optional(c.Choice(("giscus",)))
    """Comment system; only `giscus` today."""
    repo = c.Optional(c.Type(str))
    """giscus: `owner/name` of the GitHub repository."""
    repo_id = c.Optional(c.Type(str))
    """giscus: repository id."""
    category = c.Optional(c.Type(str))
    """giscus: discussion category name."""
    category_id = c.Optional(c.Type(str))
    """giscus: discussion category id."""
    mapping = c.Choice(("pathname", "url", "title", "og:title"), default="pathname")
    """giscus: how a page maps to a discussion."""
    lang = c.Optional(c.Type(str))
    """giscus: interface language; default the site's locale."""
    reactions = c.Type(bool, default=True)
    """giscus: show reactions to the page."""
    input_position = c.Choice(("bottom", "top"), default="bottom")
    """giscus: comment box above (`top`) or below the comments."""
    theme_light = c.Type(str, default="light")
    """giscus theme with a light palette."""
    theme_dark = c.Type(str, default="dark")
    """giscus theme with a dark palette (Material's `slate`, the mkdocs theme's dark mode)."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        if failed:
            return failed, warnings
        if self.provider is None and self.default:
            failed.append(("default", base.ValidationError("Expected a 'provider' (giscus) when 'default' is true")))
        if self.provider == "giscus":
            missing = [key for key in ("repo", "repo_id", "category", "category_id") if not self[key]]
            if missing:
                failed.append(
                    ("provider", base.ValidationError(f"Expected {', '.join(repr(k) for k in missing)} for provider 'giscus' (see https://giscus.app)"))
                )
            elif not re.fullmatch(r"[\w.-]+/[\w.-]+", self.repo or ""):
                failed.append(("repo", base.ValidationError(f"Expected 'owner/name' of a GitHub repository, but received: {self.repo!r}")))
        return failed, warnings


class AuthorBioConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Show an "about the author" box after posts whose authors have a `bio` in the authors file."""


class FeedsConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Write feeds (needs `site_url`)."""
    rss = c.Type(bool, default=True)
    """Write `feed.xml` (RSS 2.0)."""
    atom = c.Type(bool, default=True)
    """Write `atom.xml` (Atom 1.0)."""
    json = c.Type(bool, default=True)
    """Write `feed.json` (JSON Feed 1.1)."""
    per_category = c.Type(bool, default=True)
    """Also write the feeds of each category under its page's folder."""
    limit = PositiveInt(20)
    """Entries per feed."""
    full_content = c.Type(bool, default=True)
    """Put each post's full HTML in the feeds (else only the summary)."""
    logo = c.Optional(SafeUrl())
    """Channel logo/icon (site path or URL)."""


class MetaConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Write Open Graph, Twitter, canonical and JSON-LD meta on blog pages."""
    publisher = c.Optional(c.Type(str))
    """JSON-LD publisher name; default `site_name`."""
    publisher_logo = c.Optional(SafeUrl())
    """JSON-LD publisher logo (site path or URL)."""


LAYOUTS = ("cards", "list")


class ListingConfig(StrictConfig):
    """Index pages shown as cards, split into pages (category pages)."""

    enabled = c.Type(bool, default=True)
    """Generate these index pages."""
    layout = c.Choice(LAYOUTS, default="cards")
    """`cards` (cover, summary, date, categories) or `list` (compact: title, date, category)."""
    paginate = c.Type(bool, default=True)
    """Split the posts into pages of `pagination`; `false`: all of them on one page."""


class SeriesListingConfig(ListingConfig):
    """Series pages: the parts in order, as cards, on one page."""

    paginate = c.Type(bool, default=False)


class CompactListingConfig(ListingConfig):
    """Index pages shown as one compact list (tag and archive pages)."""

    layout = c.Choice(LAYOUTS, default="list")
    paginate = c.Type(bool, default=False)


class AuthorListingConfig(ListingConfig):
    """Author pages: only a blog with several authors needs them."""

    min_authors = PositiveInt(2)
    """Generate author pages only when the blog's posts have at least this many authors (`1`: always)."""


class LiquidTemplates(c.Type):
    """`{tag name: Jinja template}`; each template must parse."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, str]:
        from mkdocs_ctoblog.jekyll.tags import check_template

        templates: dict[object, object] = super().run_validation(value)
        for name, source in templates.items():
            if not isinstance(name, str) or not re.fullmatch(r"[\w-]+", name) or not isinstance(source, str):
                raise base.ValidationError(f"Expected tag names mapped to Jinja templates, but received: {name!r}: {source!r}")
            problem = check_template(source)
            if problem:
                raise base.ValidationError(f"Expected a Jinja template for tag {name!r}, but it fails at {problem}")
        return templates  # type: ignore[return-value]


class LiquidConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Translate Jekyll's Liquid tags and kramdown attributes in post bodies at build time."""
    tags = LiquidTemplates()
    """Your theme's tags: `{name: Jinja template}` (sees `args`, `kw`, `body`, `site`, `page`, `url()`)."""


class RedirectsConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Write redirect pages to posts from their `redirect_from` paths and earlier URLs."""
    previous_post_url_formats = c.ListOfItems(PostUrlFormat(), default=[])
    """Earlier `post_url_format`s (either syntax): each post's URL under them redirects to its URL now."""


class CtoblogConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it."""
    blog_dir = SitePath("blog", folder=True)
    """Folder (in docs_dir) of the blog index and generated pages."""
    posts_dir = c.Optional(SitePath(folder=True))
    """Folder (in docs_dir) whose Markdown files are posts; default `<blog_dir>/posts`."""
    post_url_format = PostUrlFormat()
    """Post URL under blog_dir; tokens `{slug} {year} {month} {day} {category}`; a leading `/` is from the site root.
    Or Jekyll's syntax, from the site root: `/wrote/:title/`, `/:categories/:year/:month/:day/:title:output_ext`,
    or a style (`pretty`, `date`, `ordinal`, `weekdate`, `none`)."""
    slug_case = c.Optional(c.Choice(("lower", "keep")))
    """`lower`: slugs are lower-case ASCII; `keep`: Jekyll's `:title`, case kept. Default `lower`, but `keep`
    with `jekyll_config` or a `post_url_format` in Jekyll's syntax."""
    jekyll_config = c.Optional(c.File(exists=True))
    """A Jekyll `_config.yml` (relative to mkdocs.yml) whose `permalink` (or `collections.posts.permalink`),
    `timezone`, `excerpt_separator` and `future` are used where these options are not set here."""
    excerpt_separator = c.Optional(c.Type(str))
    """Text that ends a post's excerpt (also per post in front matter); default `<!-- more -->`, else the first paragraph."""
    timezone = Timezone("UTC")
    """Time zone of naive front-matter times and of displayed dates."""
    future = c.Type(bool, default=False)
    """Build posts dated in the future too."""
    drafts_on_serve = c.Type(bool, default=True)
    """Show drafts and scheduled posts, badged, on `mkdocs serve`."""
    pagination = PositiveInt(10)
    """Cards per index page."""
    date_format = DateFormat("medium")
    """Babel date format: `short`, `medium`, `long`, `full` or a pattern like `d MMMM y`."""
    locale = c.Optional(c.Type(str))
    """Locale of dates and reading time; default `theme.language`, else `en`."""
    authors_file = SitePath("{blog_dir}/.authors.yml", placeholders={"blog_dir": "blog"}, formatted=True)
    """YAML file (in docs_dir) of author ids: `{name, description, avatar, url, bio, links}`."""
    categories_allowed = c.ListOfItems(c.Type(str), default=[])
    """When not empty, any other category is a warning."""
    words_per_minute = PositiveInt(230)
    """Reading speed for the reading time."""
    categories = c.SubConfig(ListingConfig)
    """Category pages `blog/category/<slug>/`."""
    tags = c.SubConfig(CompactListingConfig)
    """Tag pages `blog/tag/<slug>/`."""
    authors = c.SubConfig(AuthorListingConfig)
    """Author pages `blog/author/<slug>/`."""
    archive = c.SubConfig(CompactListingConfig)
    """Archive pages `blog/archive/<year>/`."""
    series = c.SubConfig(SeriesListingConfig)
    """Series pages `blog/series/<slug>/`, the parts in order."""
    index_hide = c.ListOfItems(c.Choice(MATERIAL_HIDE), default=["navigation", "toc"])
    """Material: parts hidden on index pages (their `hide` front matter), so the cards get the full width; `[]` keeps them."""
    index_topics = c.Type(bool, default=True)
    """Index pages show categories (with post counts) and archive years above the posts."""
    strings = Strings()
    """Words shown to readers; see the README for the keys."""
    read_next = c.SubConfig(ReadNextConfig)
    """"Read next" cards."""
    newsletter = c.SubConfig(NewsletterConfig)
    """Newsletter sign-up form."""
    cta = c.SubConfig(CtaConfig)
    """Calls to action."""
    comments = c.SubConfig(CommentsConfig)
    """Comments (giscus)."""
    share = ShareServices()
    """Share links under posts, in this order: any of `linkedin`, `x`, `bluesky`, `hackernews`, `email`, `copy`; `false` for none."""
    author_bio = c.SubConfig(AuthorBioConfig)
    """"About the author" boxes after posts."""
    blocks_order = BlocksOrder()
    """Which blocks a post gets: `series` (always under the post header), then, after the post in this order, any of `share`, `author_bio`, `cta`, `newsletter`, `read_next`, `comments`."""
    feeds = c.SubConfig(FeedsConfig)
    """RSS, Atom and JSON feeds."""
    meta = c.SubConfig(MetaConfig)
    """Social and structured-data meta."""
    liquid = c.SubConfig(LiquidConfig)
    """Jekyll's Liquid and kramdown in post bodies."""
    redirects = c.SubConfig(RedirectsConfig)
    """Redirect pages from old post URLs."""

    def load_dict(self, patch: dict) -> None:  # type: ignore[type-arg]
        """Remember which options the user wrote: those win over `jekyll_config`."""
        self.explicit: frozenset[str] = frozenset(patch)
        super().load_dict(patch)

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        if not failed and self.jekyll_config is not None:
            failed += self._apply_jekyll_config(self.jekyll_config)
        return failed, warnings

    def _apply_jekyll_config(self, path: str) -> base.ConfigErrors:
        """Take the URL, time zone, excerpt and `future` settings of a `_config.yml`."""
        try:
            site = read_site_config(path)
        except SiteConfigError as exc:
            return [("jekyll_config", base.ValidationError(str(exc)))]
        if site.problems:
            return [("jekyll_config", base.ValidationError(site.problems[0]))]
        explicit: frozenset[str] = getattr(self, "explicit", frozenset())
        taken: dict[str, object] = {
            "post_url_format": site.post_permalink,
            "timezone": site.timezone,
            "future": site.future,
            "excerpt_separator": site.excerpt_separator if site.excerpt_separator != DEFAULT_EXCERPT_SEPARATOR else None,
            "slug_case": "keep",
        }
        for key, value in taken.items():
            if key not in explicit and value is not None:
                self[key] = value
        self.jekyll_post_url_format = site.post_permalink
        return []

    def resolved_previous_post_url_formats(self) -> tuple[str, ...]:
        """`redirects.previous_post_url_formats`, plus Jekyll's with `jekyll_config` (so Jekyll's URLs
        keep working when `post_url_format` or `slug_case` is set otherwise); none when redirects are off."""
        if not self.redirects.enabled:
            return ()
        jekyll = getattr(self, "jekyll_post_url_format", None)
        return tuple(dict.fromkeys([*self.redirects.previous_post_url_formats, *([jekyll] if jekyll else [])]))

    def resolved_slug_case(self) -> Literal["lower", "keep"]:
        """slug_case, defaulting to `keep` for Jekyll URLs and `lower` otherwise."""
        if self.slug_case is not None:
            return self.slug_case  # type: ignore[return-value]
        return "keep" if self.jekyll_config is not None or permalink.is_template(self.post_url_format) else "lower"

    def resolved_posts_dir(self) -> str:
        """posts_dir, defaulting to `<blog_dir>/posts`, without slashes at the ends."""
        return (self.posts_dir or f"{self.blog_dir}/posts").strip("/")

    def resolved_authors_file(self) -> str:
        """authors_file with `{blog_dir}` filled in."""
        return self.authors_file.format(blog_dir=self.blog_dir.strip("/"))



def _newsletter_problem(cfg: NewsletterConfig) -> tuple[str, base.ValidationError] | None:
    """What a newsletter provider preset lacks; the presets themselves are in `newsletter.py`."""
    provider = cfg.provider
    if provider in ("buttondown", "substack"):
        if not cfg.username:
            return "username", base.ValidationError(f"Expected 'username' for provider '{provider}' (your {provider} name)")
        if not re.fullmatch(r"[A-Za-z0-9_-]+", cfg.username):
            return "username", base.ValidationError(f"Expected a {provider} name (letters, digits, '-', '_'), but received: {cfg.username!r}")
    elif provider == "kit":
        if cfg.form_id is None or not re.fullmatch(r"\d+", str(cfg.form_id)):
            return "form_id", base.ValidationError(
                f"Expected 'form_id' for provider 'kit': the number in your form's action (https://app.kit.com/forms/<form_id>/subscriptions), but received: {cfg.form_id!r}"
            )
    elif provider == "brevo":
        if not re.fullmatch(r"https://[A-Za-z0-9-]+\.sibforms\.com/serve/[A-Za-z0-9_=-]+", cfg.action or ""):
            return "action", base.ValidationError(
                "Expected 'action' for provider 'brevo': the action of your embedded form, "
                f"https://<id>.sibforms.com/serve/<token>, but received: {cfg.action!r}"
            )
    elif provider == "mailchimp":
        from urllib.parse import parse_qs, urlsplit

        url = cfg.list_url or ""
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        if parts.scheme != "https" or not parts.netloc.endswith(".list-manage.com") or not query.get("u") or not query.get("id"):
            return "list_url", base.ValidationError(
                "Expected 'list_url' for provider 'mailchimp': the action of your embedded form, "
                f"https://<dc>.list-manage.com/subscribe/post?u=...&id=..., but received: {cfg.list_url!r}"
            )
    elif cfg.action is None and cfg.default:
        return "action", base.ValidationError("Expected 'action' when 'default' is true with provider 'generic' (or choose a provider)")
    elif cfg.action is not None and not re.match(r"^(https?://|/)", cfg.action):
        return "action", base.ValidationError(f"Expected an http(s) URL or a site path for 'action', but received: {cfg.action!r}")
    return None
