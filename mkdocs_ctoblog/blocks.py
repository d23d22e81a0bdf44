"""The blocks after a post: which ones a page gets, and the small views their templates receive.

- which call to action, newsletter form and comments apply to a page (front matter, then the rules
  of SPEC §5), and which pages "read next" shows (pinned, included, then ranked by `related.py`);
- links of blocks resolved for the page they are on (site-absolute `/contact/`, doc paths
  `contact.md`, any `site_url` sub-path, with or without directory URLs);

Only plain values come in: posts, config objects, and maps of doc paths to URLs.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

from markupsafe import Markup
from mkdocs.plugins import get_plugin_logger

from mkdocs_ctoblog import safe_urls
from mkdocs_ctoblog.markdown_text import MarkdownText
from mkdocs_ctoblog.newsletter import newsletter_form, newsletter_shown, newsletter_view
from mkdocs_ctoblog.related import Pick, Related
from mkdocs_ctoblog.safe_urls import safe_url
from mkdocs_ctoblog.urls import slugify
from mkdocs_ctoblog.views import EXTERNAL_URL, CardView, ImageView, rel, relative_card, tone

if TYPE_CHECKING:
    from mkdocs_ctoblog.config import CommentsConfig, CtaConfig, CtoblogConfig
    from mkdocs_ctoblog.images import SizeOf
    from mkdocs_ctoblog.posts import Post

log = get_plugin_logger(__name__)

TargetKind = Literal["post", "page"]
_SPLIT = re.compile(r"^([^?#]*)(.*)$", re.DOTALL)
_PAGE_EXTENSIONS = (".md", ".markdown")


# -- what a page asks for ---------------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    """What the block rules look at: a post's, or any page's, front matter and terms."""

    src_uri: str
    is_post: bool
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    newsletter: bool | None = None
    comments: bool | None = None
    cta: str | Literal[False] | None = None
    read_next: tuple[str, ...] | Literal[False] | None = None


def post_subject(post: Post) -> Subject:
    return Subject(
        src_uri=post.src_uri,
        is_post=True,
        categories=post.category_slugs,
        tags=post.tag_slugs,
        newsletter=post.newsletter,
        comments=post.comments,
        cta=post.cta,
        read_next=post.read_next,
    )


def page_subject(src_uri: str, meta: Mapping[str, Any]) -> Subject:
    """A page that is not a post: its front matter `newsletter`, `comments`, `cta` (validated)."""

    def flag(key: str) -> bool | None:
        value = meta.get(key)
        if value is None or isinstance(value, bool):
            return value
        log.warning("%s: '%s' expected true or false, received %r", src_uri, key, value)
        return None

    cta = meta.get("cta")
    if cta is True:
        cta = None
    elif cta is not None and cta is not False and not (isinstance(cta, str) and cta.strip()):
        log.warning("%s: 'cta' expected a call-to-action block name, or false, received %r", src_uri, cta)
        cta = None
    return Subject(
        src_uri=src_uri,
        is_post=False,
        newsletter=flag("newsletter"),
        comments=flag("comments"),
        cta=cta.strip() if isinstance(cta, str) else cta,
    )


def choose_cta(subject: Subject, cfg: CtaConfig) -> str | None:
    """The call to action of a page (SPEC §5): front matter, else the most specific matching block
    (more matched categories first, then more matched tags; ties by config order), else the default."""
    if not cfg.enabled or subject.cta is False:
        return None
    if isinstance(subject.cta, str):
        if subject.cta in cfg.blocks:
            return subject.cta
        names = ", ".join(cfg.blocks) or "none are configured"
        fallback = "using the automatic choice" if subject.is_post else "no call to action is shown"
        log.warning(
            "%s: 'cta' expected one of the cta.blocks names (%s), received '%s'; %s",
            subject.src_uri,
            names,
            subject.cta,
            fallback,
        )
    if not subject.is_post:
        return None
    best: tuple[int, int] = (0, 0)
    chosen = None
    for name, block in cfg.blocks.items():
        by_category = len({slugify(c) for c in block.categories} & set(subject.categories))
        by_tag = len({slugify(t) for t in block.tags} & set(subject.tags))
        if (by_category, by_tag) > best:
            best, chosen = (by_category, by_tag), name
    return chosen or cfg.default


def comments_shown(subject: Subject, cfg: CommentsConfig, unconfigured: dict[str, None]) -> bool:
    """Front matter wins; otherwise posts follow `comments.default` and other pages show none.
    A page asking for comments while no provider is configured goes into `unconfigured`."""
    if not cfg.enabled or subject.comments is False:
        return False
    if subject.comments is True and cfg.provider is None:
        unconfigured[subject.src_uri] = None
        return False
    return subject.comments is True or (subject.is_post and cfg.default)


# -- views handed to the templates ------------------------------------------------------------


@dataclass(frozen=True)
class ButtonView:
    label: str
    url: str


@dataclass(frozen=True)
class CtaView:
    """`ctoblog/cta.html`: `html` is the block's Markdown text, rendered (safe to print)."""

    name: str
    title: str
    html: Markup
    button: ButtonView | None


@dataclass(frozen=True)
class CommentsView:
    """`ctoblog/comments.html`: the giscus settings, as `data-*` attributes of its script."""

    provider: str
    title: str
    repo: str
    attributes: tuple[tuple[str, str], ...]
    theme_light: str
    theme_dark: str


@dataclass(frozen=True)
class CardsView:
    """`ctoblog/read_next.html` and `ctoblog/latest.html`: a heading (or none) and cards."""

    title: str | None
    cards: tuple[CardView, ...]


# -- links ------------------------------------------------------------------------------------


class UrlResolver:
    """Turns the URLs an author writes in config or front matter into URLs relative to a page.

    - full URLs (`https://…`, `mailto:…`) and fragments (`#top`) stay as they are;
    - doc paths (`contact.md`, `/contact.md`, `assets/x.pdf`), relative to docs_dir, become
      the file's URL;
    - site-absolute paths (`/contact/`, `/contact`) become the URL of the page that would have
      that path with directory URLs, so they still work with `use_directory_urls: false`;
      other site paths are kept, relative to the site root.
    """

    def __init__(self, doc_urls: Mapping[str, str]) -> None:
        self.doc_urls = doc_urls
        self.page_urls: dict[str, str] = {}
        for src, url in doc_urls.items():
            if src.endswith(_PAGE_EXTENSIONS):
                self.page_urls.setdefault(_directory_form(url), url)
                self.page_urls.setdefault(url, url)

    def site_url(self, url: str) -> str | None:
        """The site URL (`contact/`) of an author's link, or None when it leaves the site or is unknown."""
        path = _SPLIT.match(url)[1]  # type: ignore[index]
        if not path or EXTERNAL_URL.match(url):
            return None
        if path.startswith("/"):
            target = path.lstrip("/")
            if target in self.doc_urls:
                return self.doc_urls[target]
            return self.page_urls.get(target) or self.page_urls.get(_directory_form(target))
        normal = posixpath.normpath(path)
        return self.doc_urls.get(normal)

    def resolve(self, url: str, base: str) -> tuple[str, bool]:
        """`url` relative to the page at `base`, and whether it was found on the site."""
        path, rest = _SPLIT.match(url.strip()).groups()  # type: ignore[union-attr]
        if not path or EXTERNAL_URL.match(url.strip()):
            return url, True
        found = self.site_url(path)
        if found is not None:
            return rel(found, base) + rest, True
        if path.startswith("/"):
            return rel(path.lstrip("/"), base) + rest, True  # a path of the site we do not build
        return url, False


def _directory_form(url: str) -> str:
    """`contact.html` → `contact/`, `index.html` → ``, `blog/index.html` → `blog/`, `contact` → `contact/`."""
    path = url.split("#")[0].split("?")[0]
    if path in ("", "index.html"):
        return ""
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    if path.endswith(".html"):
        return path[: -len(".html")] + "/"
    return path if path.endswith("/") else path + "/"


# -- read next targets ------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A pinned "read next" card: a post or any page of the site, by source path."""

    kind: TargetKind
    src_uri: str


@dataclass(frozen=True)
class PageInfo:
    """What a page card shows: plain values taken from a page after it was rendered."""

    src_uri: str
    url: str
    title: str
    description: str | None
    image: ImageView | None
    label: str | None = None


@dataclass
class Plan:
    """The blocks of one page, decided in `on_page_content`, rendered in `on_post_page`."""

    src_uri: str = ""
    blocks: tuple[str, ...] = ()
    cta: str | None = None
    pinned: tuple[Target, ...] = ()
    picks: tuple[Pick, ...] = ()
    wanted: int = 0  # how many picks were asked for

@dataclass
class Site:
    """What the blocks need to know about the site being built (plain values)."""

    posts: Mapping[str, Post]  # every post read, published or not, by source path
    doc_urls: Mapping[str, str]  # every file's URL by source path
    posts_dir: str
    show_unpublished: bool = False
    pages: dict[str, PageInfo] = field(default_factory=dict)
    next_parts: Mapping[str, str] = field(default_factory=dict)  # a series part → the next part

    def __post_init__(self) -> None:
        self.by_slug: dict[str, str] = {}
        for src, post in sorted(self.posts.items()):
            self.by_slug.setdefault(post.slug, src)
        self.resolver = UrlResolver(self.doc_urls)
        self.src_by_url = {url: src for src, url in self.doc_urls.items() if src.endswith(_PAGE_EXTENSIONS)}


class PostBlock(Protocol):
    """A block shown after posts only, each in its own module (share links, author bio)."""

    def shown(self, post: Post) -> bool: ...

    def view(self, post: Post, base: str) -> Any: ...


class Blocks:
    """Decides and renders the blocks of each page during one build."""

    def __init__(
        self,
        cfg: CtoblogConfig,
        site: Site,
        *,
        related: Related,
        card: Callable[[Post, str], CardView],
        cta_text: MarkdownText,
        locale: str,
        post_blocks: Mapping[str, PostBlock],
    ) -> None:
        self.cfg = cfg
        self.site = site
        self.related = related
        self.card = card
        self.cta_text = cta_text
        self.locale = locale
        self.post_blocks = post_blocks
        self.form = newsletter_form(cfg.newsletter, locale)
        self._warned: set[tuple[str, str]] = set()
        self._includes: list[Target] | None = None
        # Pages whose `comments: true` / `newsletter: true` (often inherited from Jekyll layouts)
        # cannot be honoured: one warning per build for each, not one per page.
        self.unconfigured: dict[str, dict[str, None]] = {"comments": {}, "newsletter": {}}

    def warn_unconfigured(self) -> None:
        """One warning per switch that pages turned on while nothing is configured to show it."""
        fixes = {
            "comments": (
                "no comments provider is configured (comments.provider: giscus, with repo, repo_id, category "
                "and category_id); no comments are shown. Configure one, or set comments: {enabled: false}"
            ),
            "newsletter": (
                "newsletter.action is not set (provider 'generic'); the form is left out. Set it or choose a "
                "provider, or set newsletter: {enabled: false}"
            ),
        }
        for key, pages in self.unconfigured.items():
            if pages:
                names = list(pages)
                more = f" and {len(names) - 3} more" if len(names) > 3 else ""
                log.warning(
                    "'%s: true' in %d %s (%s%s), but %s",
                    key,
                    len(names),
                    "page" if len(names) == 1 else "pages",
                    ", ".join(names[:3]),
                    more,
                    fixes[key],
                )

    # -- deciding -----------------------------------------------------------------------

    def plan(self, subject: Subject, *, explain: bool = False) -> Plan:
        """Which blocks the page gets, in `blocks_order`; for posts also the read-next picks."""
        shown = {
            "cta": (cta := choose_cta(subject, self.cfg.cta)) is not None,
            "newsletter": newsletter_shown(subject, self.cfg.newsletter, self.unconfigured["newsletter"])
            and self.form is not None,
            "read_next": subject.is_post and self.cfg.read_next.enabled and subject.read_next is not False,
            "comments": comments_shown(subject, self.cfg.comments, self.unconfigured["comments"]),
        }
        post = self.site.posts[subject.src_uri] if subject.is_post else None
        for name, block in self.post_blocks.items():
            shown[name] = post is not None and block.shown(post)
        plan = Plan(subject.src_uri, blocks=tuple(name for name in self.cfg.blocks_order if shown[name]), cta=cta)
        if "read_next" in plan.blocks:
            self._plan_read_next(subject, plan, explain=explain)
            if not plan.pinned and not plan.picks:
                plan.blocks = tuple(name for name in plan.blocks if name != "read_next")
        return plan

    def _plan_read_next(self, subject: Subject, plan: Plan, *, explain: bool) -> None:
        # Front-matter picks take the first of `count` places; `read_next.include` adds cards.
        pinned: list[Target] = []
        next_part = self.site.next_parts.get(subject.src_uri)
        if next_part is not None and next_part in self.related.position:  # a series: the next part first
            pinned.append(Target("post", next_part))
        for value in subject.read_next or ():
            target = self.target(value, subject.src_uri, key="read_next", where=subject.src_uri)
            if target is not None and target not in pinned and target.src_uri != subject.src_uri:
                pinned.append(target)
        wanted = max(0, self.cfg.read_next.count - len(pinned))
        for target in self.includes():
            if target not in pinned and target.src_uri != subject.src_uri:
                pinned.append(target)
        post = self.site.posts[subject.src_uri]
        picks = self.related.picks(post, wanted, exclude={t.src_uri for t in pinned}, explain=explain)
        plan.pinned, plan.picks, plan.wanted = tuple(pinned), tuple(picks), wanted
        if explain:
            parts = [f"pinned {t.src_uri}" for t in pinned]
            parts += [f"{n}. {pick.explain()}" for n, pick in enumerate(picks, start=1)]
            log.debug("read next for %s: %s", subject.src_uri, "; ".join(parts) or "none")

    def includes(self) -> list[Target]:
        """`read_next.include`, resolved (and warned about) once per build."""
        if self._includes is None:
            found = (self.target(v, "", key="read_next.include", where="mkdocs.yml") for v in self.cfg.read_next.include)
            self._includes = [t for t in found if t is not None]
        return self._includes

    def target(self, value: str, src_uri: str, *, key: str, where: str, quiet: bool = False) -> Target | None:
        """A `read_next` value (post path, slug, page path or site path) as a published post or a page."""
        site = self.site
        text = value.strip()
        here = posixpath.dirname(src_uri)
        candidates = []
        if text.startswith("/"):
            url = site.resolver.site_url(text)
            if url is not None and url in site.src_by_url:
                candidates.append(site.src_by_url[url])
        else:
            path = text.split("#")[0]
            for joined in (posixpath.join(here, path), path, posixpath.join(site.posts_dir, path)):
                candidates.append(posixpath.normpath(joined))
        for src in candidates:
            if src in site.posts:
                return self._post_target(src, value, where, quiet)
            if src in site.doc_urls and src.endswith(_PAGE_EXTENSIONS):
                return Target("page", src)
        slug_src = site.by_slug.get(slugify(text))
        if slug_src is not None:
            return self._post_target(slug_src, value, where, quiet)
        if not quiet:
            log.warning(
                "%s: '%s' expected post paths, post slugs or page paths of this site, received '%s'",
                where,
                key,
                value,
            )
        return None

    def _post_target(self, src: str, value: str, where: str, quiet: bool) -> Target | None:
        post = self.site.posts[src]
        if post.status != "published" or src not in self.related.position:
            if not quiet:
                log.debug("%s: read_next '%s' is a %s post; it is left out", where, value, post.status)
            return None
        return Target("post", src)

    # -- rendering ----------------------------------------------------------------------

    def views(self, plan: Plan, base: str) -> dict[str, Any]:
        """The view of each planned block, for the page at `base`."""
        views: dict[str, Any] = {}
        for name in plan.blocks:
            if name == "cta" and plan.cta is not None:
                views[name] = self.cta_view(plan.cta, base)
            elif name == "newsletter" and self.form is not None:
                privacy = self.cfg.newsletter.consent.privacy_url
                privacy_url = self._resolve(privacy, base, "newsletter.consent.privacy_url") if privacy else None
                views[name] = newsletter_view(self.cfg.newsletter, self.cfg.strings, self.form, privacy_url)
            elif name == "read_next":
                views[name] = CardsView(self.cfg.strings["read_next"], self.read_next_cards(plan, base))
            elif name == "comments":
                views[name] = self.comments_view()
            elif name in self.post_blocks:
                views[name] = self.post_blocks[name].view(self.site.posts[plan.src_uri], base)
        return views

    def cta_view(self, name: str, base: str) -> CtaView:
        block = self.cfg.cta.blocks[name]
        button = None
        url = self._resolve(block.button.url, base, f"cta.blocks.{name}.button.url") if block.button.url else None
        if block.button.label and url:
            button = ButtonView(block.button.label, url)
        html = self.cta_text.html(name, block.text, base) if block.text else Markup("")
        return CtaView(name=name, title=block.title, html=html, button=button)

    def resolve(self, url: str, base: str) -> str | None:
        """A link inside call-to-action text (warned about once if it names no file of the site)."""
        return self._resolve(url, base, "cta text")

    def _resolve(self, url: str, base: str, key: str) -> str | None:
        checked = safe_url(url)
        if checked is None:
            if (key, url) not in self._warned:
                self._warned.add((key, url))
                log.warning("mkdocs.yml: '%s' expected %s, received '%s'; left out", key, safe_urls.EXPECTED, url[:80])
            return None
        url = checked
        resolved, found = self.site.resolver.resolve(url, base)
        if not found and (key, url) not in self._warned:
            self._warned.add((key, url))
            log.warning("mkdocs.yml: '%s' expected a page of the site, a site path or a URL, received '%s'", key, url)
        return resolved

    def comments_view(self) -> CommentsView:
        cfg = self.cfg.comments
        lang = cfg.lang or _giscus_lang(self.locale)
        attributes = (
            ("data-repo", cfg.repo or ""),
            ("data-repo-id", cfg.repo_id or ""),
            ("data-category", cfg.category or ""),
            ("data-category-id", cfg.category_id or ""),
            ("data-mapping", cfg.mapping),
            ("data-strict", "1"),
            ("data-reactions-enabled", "1" if cfg.reactions else "0"),
            ("data-emit-metadata", "0"),
            ("data-input-position", cfg.input_position),
            ("data-lang", lang),
            ("data-loading", "lazy"),
        )
        return CommentsView(
            provider=cfg.provider or "giscus",
            title=self.cfg.strings["comments"],
            repo=cfg.repo or "",
            attributes=attributes,
            theme_light=cfg.theme_light,
            theme_dark=cfg.theme_dark,
        )

    def read_next_cards(self, plan: Plan, base: str) -> tuple[CardView, ...]:
        cards = []
        for target in plan.pinned:
            card = self.target_card(target, base)
            if card is not None:
                cards.append(card)
        cards += [self.card(pick.post, base) for pick in plan.picks]
        return tuple(cards)

    def target_card(self, target: Target, base: str) -> CardView | None:
        if target.kind == "post":
            return self.card(self.site.posts[target.src_uri], base)
        page = self.site.pages.get(target.src_uri)
        if page is None:
            return None
        site_card = CardView(
            title=page.title,
            url=page.url,
            summary=page.description or "",
            date=None,
            updated=None,
            reading=None,
            image=page.image,
            categories=(),
            tags=(),
            authors=(),
            badge=None,
            pinned=False,
            kind="page",
            label=page.label,
            tone=tone(page.label or page.title),
        )
        return relative_card(site_card, base)

    def latest_cards(
        self, posts: Sequence[Post], request: Any, base: str, *, exclude: Collection[str] = ()
    ) -> CardsView:
        """The newest posts (of a category or tag) for a `<!-- ctoblog:latest -->` marker."""
        chosen = []
        for post in posts:
            if post.src_uri in exclude:
                continue
            if request.category and slugify(request.category) not in post.category_slugs:
                continue
            if request.tag and slugify(request.tag) not in post.tag_slugs:
                continue
            chosen.append(self.card(post, base))
            if len(chosen) >= request.count:
                break
        return CardsView(request.title, tuple(chosen))


def page_info(
    src_uri: str,
    url: str,
    title: str,
    meta: Mapping[str, Any],
    doc_urls: Mapping[str, str],
    *,
    section: str | None = None,
    image_size: SizeOf = lambda doc_path: None,
    warn: bool = True,
) -> PageInfo:
    """A page card's values from a rendered page: its title, `description` and `image` front matter,
    and its label: `kicker` or `label` front matter, else the title of its nav `section`. An image
    URL `safe_urls` rejects is left out (with a warning when `warn`: posts were warned about)."""
    description = meta.get("description")
    image = None
    value = meta.get("image")
    alt = str(meta.get("image_alt") or "")
    if isinstance(value, Mapping):
        alt = str(value.get("alt") or alt)
        value = value.get("path") or value.get("src")
    src = safe_url(value) if isinstance(value, str) else None
    if warn and isinstance(value, str) and value.strip() and src is None:
        log.warning("%s: 'image' expected %s, received '%s'; left out", src_uri, safe_urls.EXPECTED, value.strip()[:80])
    if src is not None:
        if safe_urls.is_external(src):
            image = ImageView(src, alt)
        else:
            path = src.lstrip("/") if src.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), src))
            if path in doc_urls:
                width, height = image_size(path) or (None, None)
                image = ImageView(doc_urls[path], alt, width, height)
    label = next((meta[k] for k in ("kicker", "label") if isinstance(meta.get(k), str) and meta[k].strip()), section)
    return PageInfo(
        src_uri=src_uri,
        url=url,
        title=title,
        description=description if isinstance(description, str) else None,
        image=image,
        label=label.strip() if label else None,
    )


def _giscus_lang(locale: str) -> str:
    """giscus language codes: `en`, `de`, `pt`, but `zh-CN`, `zh-TW`."""
    language, _, territory = locale.partition("_")
    if language == "zh" and territory:
        return f"zh-{territory}"
    return language
