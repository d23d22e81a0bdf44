"""The README's reference stays complete and in step with the code: options and their defaults,
front-matter keys, `strings` keys, templates and public CSS classes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from mkdocs.config import config_options as c

from mkdocs_ctoblog import theme_keys
from mkdocs_ctoblog.config import DEFAULT_STRINGS, CtoblogConfig

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "mkdocs_ctoblog"
TEMPLATES = PACKAGE / "templates" / "ctoblog"
NO_DEFAULT = object()


def options(config_class: type, prefix: str = "") -> Iterator[tuple[str, object]]:
    """(dotted path, default) of every option; sub-configs (also a dict of them, as `<name>`) through their own options."""
    for name, option in config_class._schema:  # type: ignore[attr-defined]
        if isinstance(option, c.SubConfig):
            yield from options(option.config_class, f"{prefix}{name}.")
            continue
        yield prefix + name, option.default
        item = getattr(option, "option_type", None)
        if isinstance(option, c.DictOfItems) and isinstance(item, c.SubConfig):
            yield from options(item.config_class, f"{prefix}{name}.<name>.")


OPTIONS = dict(options(CtoblogConfig))


def table_rows(first_header: str | None = None, second_header: str | None = None) -> Iterator[list[str]]:
    """The cells of every README table row whose header matches (None: any)."""
    header: list[str] | None = None
    for line in README.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if header is None:
            header = cells
        elif not set(line) <= set("|- :") and (
            (first_header is None or header[0] == first_header) and (second_header is None or header[1:2] == [second_header])
        ):
            yield cells


def ticked(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def option_rows() -> Iterator[tuple[str, str]]:
    """(documented option, documented default) of every option table (second column `default`)."""
    for cells in table_rows(second_header="default"):
        for name in ticked(cells[0]):
            yield name, cells[1]


def default_problem(name: str, default: object, cell: str) -> str | None:
    """Why the documented default `cell` is not the option's `default`, or None when it is."""
    tokens = ticked(cell)
    if default is None:
        if not cell:
            return "empty default: write 'none' or what is used instead"
        if len(tokens) == 1 and cell == f"`{tokens[0]}`" and re.fullmatch(r"[a-z_.]+", tokens[0]):
            ref = tokens[0]
            known = ref in OPTIONS or ref.removeprefix("strings.") in DEFAULT_STRINGS or ref in ("site_name", "theme.language")
            return None if known else f"default {cell} names no option, `strings` key or MkDocs setting"
        return None
    if not tokens:
        return f"documented default {cell!r}, expected {default!r}"
    first = tokens[0]
    documented = first.strip('"') if isinstance(default, str) else yaml.safe_load(first)
    return None if documented == default else f"documented default {first!r}, the code's is {default!r}"


def test_every_option_is_in_the_reference_with_its_default():
    documented: dict[str, list[str]] = {}
    for name, cell in option_rows():
        documented.setdefault(name, []).append(cell)
    problems = [f"{name}: not in the README" for name in OPTIONS if name not in documented]
    problems += [f"{name}: documented but not an option" for name in documented if name not in OPTIONS]
    for name, cells in documented.items():
        for cell in cells:
            problem = default_problem(name, OPTIONS.get(name), cell) if name in OPTIONS else None
            if problem:
                problems.append(f"{name}: {problem}")
    assert problems == []


@pytest.mark.parametrize(
    ("default", "cell", "ok"),
    [
        (True, "`true`", True),
        (True, "`false`", False),
        (3.0, "`3.0`", True),
        ("{slug}", '`"{slug}"`', True),
        (["navigation", "toc"], "`[navigation, toc]`", True),
        (["navigation"], "`[navigation, toc]`", False),
        (None, "", False),
        (None, "`strings.newsletter_title`", True),
        (None, "`strings.no_such_key`", False),
        (None, "`theme.language`, else `en`", True),
    ],
)
def test_default_comparison(default, cell, ok):
    """The comparison itself: a wrong documented default is caught."""
    assert (default_problem("x", default, cell) is None) == ok


def front_matter_keys_read() -> set[str]:
    """Front-matter keys the plugin reads (`meta.get("key")`, `meta["key"]`, `fields.x(meta, "key")`,
    a loop over a tuple of keys read from `meta`) and the theme keys it checks; the Jekyll import's
    own reading of Jekyll files aside."""
    keys = set(theme_keys.CHECKS)
    for path in PACKAGE.rglob("*.py"):
        if "jekyll" in path.relative_to(PACKAGE).parts:
            continue
        source = path.read_text(encoding="utf-8")
        keys.update(re.findall(r"meta(?:\.get\(|\[|, )\"([a-z_]+)\"", source))
        for loop in re.findall(r"for \w+ in \(((?:\"[a-z_]+\",? ?)+)\)[^\n]*(?:\n[^\n]*)?meta", source):
            keys.update(re.findall(r"\"([a-z_]+)\"", loop))
    return keys - {"ctoblog"}  # written for themes, not read


def test_every_front_matter_key_is_in_the_reference():
    section = README.split("### Front matter reference", 1)[1].split("\n## ", 1)[0]
    documented = {key for cells in table_rows("key") for key in ticked(cells[0])} | set(ticked(section))
    read = front_matter_keys_read()
    assert {"title", "date", "author", "authors", "kicker", "label", "hide", "read_next"} <= read
    assert sorted(read - documented) == []


def test_every_string_key_is_in_the_readme():
    strings_section = README.split("`strings` keys", 1)[1].split("\n\n", 1)[0]
    listed = {token for token in ticked(strings_section) if re.fullmatch(r"[a-z_]+", token)}
    assert sorted(set(DEFAULT_STRINGS) - listed) == []
    assert sorted(listed - set(DEFAULT_STRINGS)) == []


def test_every_template_is_in_a_templates_table():
    shipped = {f"ctoblog/{p.relative_to(TEMPLATES).as_posix()}" for p in TEMPLATES.rglob("*") if p.is_file()}
    tabled = {name for cells in table_rows("template") for name in ticked(cells[0])}
    mentioned = set(re.findall(r"`(ctoblog/[\w/.-]+\.(?:html|css|js|md))`", README))
    html = {name for name in shipped if name.endswith(".html") and name != "ctoblog/share_icons.html"}
    assert sorted(html - tabled) == []
    assert sorted(shipped - mentioned - {name for name in shipped if name.startswith("ctoblog/liquid/")}) == []
    assert sorted((tabled | mentioned) - shipped) == []


def template_classes() -> set[str]:
    """`ctoblog-*` classes in the templates' class attributes; `{{ expression }}` becomes `<x>`."""
    found: set[str] = set()
    for path in TEMPLATES.glob("*.html"):
        for value in re.findall(r'class="([^"]*)"', path.read_text(encoding="utf-8")):
            value = re.sub(r"\{\{.*?\}\}", "<x>", re.sub(r"\{%.*?%\}", " ", value))
            found.update(name for name in value.split() if name.startswith("ctoblog-"))
    return found


def readme_classes() -> set[str]:
    """Classes the README documents: `.ctoblog-x` and its `(`__part`, `--modifier`)` list."""
    found: set[str] = set()
    for base, parts in re.findall(r"`\.(ctoblog-[a-z0-9-]+)`(?: \(((?:[^()]|\([^()]*\))*)\))?", README):
        found.add(base)
        found.update(base + part for part in ticked(parts) if part.startswith(("__", "--")) and not part.startswith("--ctoblog-"))
    return found


def pattern(name: str) -> re.Pattern[str]:
    """A class name with `<x>`/`<service>` parts as a pattern."""
    return re.compile("".join(".+" if part.startswith("<") else re.escape(part) for part in re.split(r"(<[a-z]+>)", name)))


def test_every_template_class_is_documented():
    documented = readme_classes()
    undocumented = [name for name in template_classes() if not any(pattern(name).fullmatch(doc) or pattern(doc).fullmatch(name) for doc in documented)]
    assert sorted(undocumented) == []


def test_every_documented_class_is_used():
    used = template_classes()
    assets = (TEMPLATES / "ctoblog.css").read_text(encoding="utf-8") + (TEMPLATES / "ctoblog.js").read_text(encoding="utf-8")
    stale = [
        doc for doc in readme_classes()
        if not any(pattern(name).fullmatch(doc) or pattern(doc).fullmatch(name) for name in used)
        and not re.search(re.escape(doc) + r"(?![\w-])", assets)
    ]
    assert sorted(stale) == []


def test_ci_runs_the_readme_test_command():
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    last_line = [line for line in ci_run.splitlines() if line.strip() and not line.startswith("#")][-1].strip()
    assert last_line in README


def heading_anchors() -> set[str]:
    """GitHub's anchors of the README's headings (fenced code skipped; a repeated heading gets `-1`, `-2`)."""
    anchors: set[str] = set()
    fenced = False
    for line in README.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (match := re.match(r"#{1,6} (.+)", line)):
            slug = re.sub(r"[^\w\- ]", "", match.group(1).strip().lower()).replace(" ", "-")
            anchor, n = slug, 0
            while anchor in anchors:
                n += 1
                anchor = f"{slug}-{n}"
            anchors.add(anchor)
    return anchors


def test_every_readme_link_to_a_section_resolves():
    anchors = heading_anchors()
    assert "previewing-a-big-blog-mkdocs-serve---dirty" in anchors and "templates-1" in anchors
    assert sorted(set(re.findall(r"\]\(#([^)]+)\)", README)) - anchors) == []


def test_every_readme_file_link_exists():
    prose = re.sub(r"`[^`\n]*`", "", re.sub(r"^```.*?^```", "", README, flags=re.MULTILINE | re.DOTALL))
    targets = {link.split("#")[0] for link in re.findall(r"\]\((?!https?:|#|mailto:)([^)\s]+)\)", prose)}
    assert "screenshots/post-light.png" in targets
    assert sorted(t for t in targets if not (ROOT / t).exists()) == []


def view_fields() -> dict[str, list[type]]:
    """Each template's view classes (what its variables are made of)."""
    from mkdocs_ctoblog import redirects, series, topics
    from mkdocs_ctoblog.blocks import author_bio, cards, comments, cta, newsletter, share_links
    from mkdocs_ctoblog.meta import tags
    from mkdocs_ctoblog.views import cards as card_views
    from mkdocs_ctoblog.views import listing

    card = [card_views.CardView, card_views.ImageView, card_views.DateView, card_views.Link]
    return {
        "ctoblog/card.html": card,
        "ctoblog/index.html": [listing.ListingView, listing.FeedLink],
        "ctoblog/compact_list.html": [listing.ListItemView],
        "ctoblog/index_topics.html": [topics.TopicGroup, topics.TopicLink],
        "ctoblog/cta.html": [cta.CtaView, cta.ButtonView],
        "ctoblog/newsletter.html": [newsletter.NewsletterView, newsletter.NewsletterForm, newsletter.ConsentView],
        "ctoblog/read_next.html": [cards.CardsView],
        "ctoblog/latest.html": [cards.CardsView],
        "ctoblog/comments.html": [comments.CommentsView],
        "ctoblog/series.html": [series.SeriesView, series.SeriesPart],
        "ctoblog/share.html": [share_links.ShareView, share_links.ShareLink],
        "ctoblog/author_bio.html": [author_bio.AuthorBioView, author_bio.AuthorView],
        "ctoblog/meta.html": [tags.HeadView, tags.MetaTag, tags.AlternateLink],
        "ctoblog/redirect.html": [redirects.RedirectView],
    }


def test_every_template_variable_is_in_its_templates_row():
    import dataclasses

    rows = {ticked(cells[0])[0]: cells[1] for cells in table_rows("template")}
    missing = []
    for template, classes in view_fields().items():
        documented = set(re.findall(r"[\w]+", " ".join(ticked(rows[template]))))
        for view in classes:
            missing += [f"{template}: {view.__name__}.{f.name}" for f in dataclasses.fields(view) if f.name not in documented]
    assert missing == []


def test_every_block_marker_argument_share_service_and_provider_is_documented():
    from mkdocs_ctoblog.config.blocks import BLOCK_NAMES, SHARE_SERVICES
    from mkdocs_ctoblog.config.newsletter import NewsletterConfig
    from mkdocs_ctoblog.inject import LATEST_ARGS

    latest = README.split("### Latest posts on any page", 1)[1].split("\n### ", 1)[0]
    share_rows = {ticked(cells[0])[0] for cells in table_rows("service")}
    providers = dict(NewsletterConfig._schema)["provider"].choices  # type: ignore[attr-defined]
    provider_row = next(cells[2] for cells in table_rows("option") if cells[0] == "`newsletter.provider`")
    assert [name for name in BLOCK_NAMES if f"`<!-- ctoblog:{name} -->`" not in README] == []
    assert [arg for arg in LATEST_ARGS if f"`{arg}`" not in latest] == []
    assert sorted(share_rows) == sorted(SHARE_SERVICES)
    assert [p for p in providers if f"`{p}`" not in provider_row] == []


def test_every_url_option_is_named_where_unsafe_urls_are_errors():
    from mkdocs_ctoblog.config.options import SafeUrl

    def url_options(config_class: type, prefix: str = "") -> Iterator[str]:
        for name, option in config_class._schema:  # type: ignore[attr-defined]
            inner = getattr(option, "option", option)  # c.Optional wraps the option
            item = getattr(option, "option_type", None)
            if isinstance(option, c.SubConfig):
                yield from url_options(option.config_class, f"{prefix}{name}.")
            elif isinstance(option, c.DictOfItems) and isinstance(item, c.SubConfig):
                yield from url_options(item.config_class, f"{prefix}{name}.<name>.")
            elif isinstance(inner, SafeUrl):
                yield prefix + name

    row = next(cells[0] for cells in table_rows("input") if cells[0].startswith("the same in `mkdocs.yml`"))
    found = list(url_options(CtoblogConfig))
    assert "feeds.logo" in found
    assert [name for name in found if f"`{name}`" not in row] == []


def test_the_readme_says_how_to_install_and_what_builds_the_site():
    assert "not on PyPI yet: install it from a checkout" in README
    pinned = re.search(r'"(mkdocs>=[^"]*)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))[1]  # type: ignore[index]
    assert pinned.endswith(",<2") and f"`{pinned}`" in README
    assert "Zensical" in README and "does not run MkDocs plugins" in README
