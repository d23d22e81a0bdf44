"""`CtoblogConfig`: the plugin's options, its sub-configs, and the settings taken from a Jekyll `_config.yml`."""

from __future__ import annotations

from typing import Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog import outpaths
from mkdocs_ctoblog.config.blocks import AuthorBioConfig, BlocksOrder, ReadNextConfig, ShareServices
from mkdocs_ctoblog.config.comments import CommentsConfig
from mkdocs_ctoblog.config.cta import CtaConfig
from mkdocs_ctoblog.config.liquid import LiquidConfig
from mkdocs_ctoblog.config.listings import (
    MATERIAL_HIDE,
    AuthorListingConfig,
    CompactListingConfig,
    ListingConfig,
    SeriesListingConfig,
)
from mkdocs_ctoblog.config.newsletter import NewsletterConfig
from mkdocs_ctoblog.config.options import (
    DateFormat,
    PositiveInt,
    PostUrlFormat,
    SitePath,
    StrictConfig,
    Timezone,
)
from mkdocs_ctoblog.config.outputs import FeedsConfig, MetaConfig, RedirectsConfig
from mkdocs_ctoblog.config.strings import Strings
from mkdocs_ctoblog.jekyll import permalink
from mkdocs_ctoblog.jekyll.site_config import DEFAULT_EXCERPT_SEPARATOR, SiteConfigError, read_site_config
from mkdocs_ctoblog.shown import shown

log = get_plugin_logger(__name__)


DEFAULT_AUTHORS_FILE = "{blog_dir}/.authors.yml"

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
    authors_file = SitePath(DEFAULT_AUTHORS_FILE, placeholders={"blog_dir": "blog"}, formatted=True)
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
    post_hide = c.ListOfItems(c.Choice(MATERIAL_HIDE), default=["navigation"])
    """Material: parts hidden on posts (their `hide` front matter): the navigation sidebar would hold one link."""
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
        if not failed and not self.categories.enabled:
            failed += self._category_feed_copies()
        return failed, warnings

    def _category_feed_copies(self) -> base.ConfigErrors:
        """A `feeds.also_at` copy of a category's feed needs the category pages (their feeds are theirs)."""
        for path, copy in self.feeds.also_at.items():
            if copy.category is not None:
                return [("feeds", base.ValidationError(
                    f"Sub-option 'also_at': Expected paths of feeds this site writes, but received {shown(path)}: "
                    f"{copy.shown()} while 'categories.enabled' is false (turn it on, or map the path to a format only)"
                ))]
        return []

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
        if site.timezone is None and "timezone" not in explicit:
            log.info(
                "%s sets no 'timezone' (Jekyll used the building machine's): dates are in %s; set ctoblog's "
                "'timezone' to the zone the old site was built in to keep its days", path, self.timezone,
            )
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
        """authors_file with `{blog_dir}` filled in, relative to docs_dir (`/x.yml` → `x.yml`: never
        a file outside docs_dir)."""
        return outpaths.normalise(self.authors_file.format(blog_dir=self.blog_dir.strip("/"))).path
