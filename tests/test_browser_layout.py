"""The example site's layout in Chromium: index pages as a blog, the post header, distinct panels.

Material light and dark, the mkdocs theme (1280×900) and a 390-px phone: three cards a row on the
blog index and a category page (one on a phone); the first paragraph of a post with a cover above
the fold, the cover's space reserved before it loads (images held until after the first paint, so
any shift shows every time); the call to action and the newsletter in different colours, the
call-to-action button the strongest contrast on its panel; page cards labelled and the cards of a
row without large blank areas; axe on the index pages the other browser tests do not open (a
category intro with a call to action, an archive list).
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import MATERIAL, post
from tools.axe import format_violations, run_axe
from tools.browser import new_page, serve_site
from tools.example import ARTICLE, MODES, OURS, PAGES

pytestmark = pytest.mark.browser

DESKTOP_MODES = ["material-light", "material-dark", "mkdocs"]

# Any CSS colour (rgb(), color(srgb …) from color-mix, transparent) as [r, g, b, a] 0-255, via a canvas.
RGBA = """css => { const c = document.createElement("canvas").getContext("2d");
  c.clearRect(0, 0, 1, 1); c.fillStyle = css; c.fillRect(0, 0, 1, 1); return [...c.getImageData(0, 0, 1, 1).data]; }"""

# The colour an element is painted on: its own background, else the nearest ancestor's that is not transparent.
BACKGROUND = """el => { for (let e = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg !== "rgba(0, 0, 0, 0)" && bg !== "transparent") return bg;
  } return "rgb(255, 255, 255)"; }"""


def _open(browser: Any, server: Any, url: str, context: dict[str, Any]) -> Any:
    page = new_page(browser, **context)
    response = page.goto(server.url + url, wait_until="networkidle")
    assert response is not None and response.status == 200, url
    return page


def _luminance(rgba: list[int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgba[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: list[int], b: list[int]) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _over(fg: list[int], bg: list[int]) -> list[int]:
    """`fg` (possibly translucent) painted over the opaque `bg`."""
    alpha = fg[3] / 255
    return [round(f * alpha + b * (1 - alpha)) for f, b in zip(fg[:3], bg[:3])] + [255]


def _colour(page: Any, css: str) -> list[int]:
    return page.evaluate(RGBA, css)


def _row_sizes(boxes: list[dict[str, float]]) -> list[int]:
    """How many boxes share each top edge (within 2 px), in order: a grid's cards per row."""
    rows: list[list[float]] = []
    for box in boxes:
        if rows and abs(rows[-1][0] - box["y"]) <= 2:
            rows[-1].append(box["y"])
        else:
            rows.append([box["y"]])
    return [len(row) for row in rows]


@pytest.mark.parametrize("page_name", ["blog", "category"])
@pytest.mark.parametrize("mode", [*DESKTOP_MODES, "material-phone", "mkdocs-phone"])
def test_cards_three_a_row_on_a_desktop_one_on_a_phone(chromium_browser, example_servers, mode, page_name):
    theme, context = MODES[mode]
    page = _open(chromium_browser, example_servers[theme], PAGES[page_name], context)
    try:
        boxes = [card.bounding_box() for card in page.locator(".ctoblog-index .ctoblog-card").all()]
        assert len(boxes) >= 3, f"{len(boxes)} cards on {page_name}"
        rows = _row_sizes(boxes)
        expected = 1 if "phone" in mode else 3
        assert rows[0] == expected, f"{mode} {page_name}: cards per row {rows}"
        assert all(size <= expected for size in rows), rows
        # no empty column beside the cards: they span the content column (Material's sidebars are hidden)
        column = page.locator(ARTICLE[theme]).bounding_box()
        right = max(box["x"] + box["width"] for box in boxes)
        assert right - boxes[0]["x"] >= column["width"] - 80, (boxes[0]["x"], right, column)
        if theme == "material" and "phone" not in mode:
            for sidebar in ("navigation", "toc"):
                assert not page.locator(f'[data-md-type="{sidebar}"]').is_visible(), f"{sidebar} sidebar shown"
    finally:
        page.context.close()


LAYOUT_SHIFT = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(total), 300);
})"""


SERIES_PART = "blog/scaling-the-team-your-first-engineering-managers/"  # a series box above the text too


def _open_images_late(browser: Any, server: Any, url: str, context: dict[str, Any]) -> Any:
    """The page painted before any of its images arrives (each held until two frames after
    DOMContentLoaded), then every image loaded: the slowest network, every time, so a box that
    only gets its size from a loaded image shows up as a layout shift."""
    page = new_page(browser, **context)
    held: list[Any] = []

    def hold(route: Any) -> None:
        if held and held[0] is None:  # released: the lazy ones below the fold load at once
            route.continue_()
        else:
            held.append(route)

    page.route("**/*.{png,jpg,jpeg,webp,svg}", hold)
    response = page.goto(server.url + url, wait_until="domcontentloaded")
    assert response is not None and response.status == 200, url
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert held, "no image was requested before the first paint"
    waiting, held[:] = list(held), [None]
    for route in waiting:
        route.continue_()
    page.wait_for_load_state("networkidle")
    return page


@pytest.mark.parametrize("url", [PAGES["post"], SERIES_PART])
@pytest.mark.parametrize("mode", [*DESKTOP_MODES, "material-phone"])
def test_post_header_title_cover_and_first_paragraph_above_the_fold(chromium_browser, example_servers, mode, url):
    theme, context = MODES[mode]
    page = _open_images_late(chromium_browser, example_servers[theme], url, context)
    try:
        cover = page.locator(".ctoblog-post-header__image")
        assert cover.count() == 1
        width, height = cover.get_attribute("width"), cover.get_attribute("height")
        assert width and height and int(width) > 0 and int(height) > 0, "cover without width/height attributes"
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=cover.element_handle())
        box = cover.bounding_box()
        ratio = 2.0 if "phone" in mode else 2.4  # a bounded crop
        assert box["width"] / box["height"] == pytest.approx(ratio, rel=0.02), box
        column = page.locator(ARTICLE[theme]).bounding_box()
        assert box["width"] >= column["width"] - 40, f"cover {box['width']}px wide in a {column['width']}px column"
        if theme == "material" and "phone" not in mode:  # no empty sidebar: the navigation (one link) is hidden
            assert not page.locator('[data-md-type="navigation"]').is_visible()
            assert page.locator('[data-md-type="toc"]').is_visible()
            assert column["x"] > 150 and column["width"] <= 760, column  # a readable measure, not the whole row
        assert column["x"] >= 12 and column["x"] + column["width"] <= context["viewport"]["width"] - 12, column  # margins
        # The cover arrived after the first paint: its box was the same size before it came.
        assert page.evaluate(LAYOUT_SHIFT) < 0.01, "the page shifted while its cover loaded"

        first_paragraph = page.locator(f"{ARTICLE[theme]} > p").first
        top = first_paragraph.bounding_box()["y"]
        if "phone" not in mode:
            assert top + 20 < context["viewport"]["height"], f"first paragraph starts at {top}px"

        title = page.locator(".ctoblog-post-header h1")
        assert title.count() == 1
        weight = int(title.evaluate("h => getComputedStyle(h).fontWeight"))
        assert weight >= 700, f"title weight {weight}"
        fg = _colour(page, title.evaluate("h => getComputedStyle(h).color"))
        bg = _colour(page, title.evaluate(BACKGROUND))
        assert _contrast(_over(fg, bg), bg) >= 7, f"title contrast {_contrast(fg, bg):.1f}"
        # the post's own headings go with its title: bold, in the text colour
        heading = page.locator(f"{ARTICLE[theme]} > h2").first
        assert int(heading.evaluate("h => getComputedStyle(h).fontWeight")) >= 700
        assert _colour(page, heading.evaluate("h => getComputedStyle(h).color")) == fg
    finally:
        page.context.close()


@pytest.mark.parametrize("mode", [*DESKTOP_MODES, "material-phone-dark"])
def test_cta_and_newsletter_are_distinct_and_the_cta_button_is_strongest(chromium_browser, example_servers, mode):
    theme, context = MODES[mode]
    page = _open(chromium_browser, example_servers[theme], PAGES["post"], context)
    try:
        cta, newsletter = page.locator(".ctoblog-cta"), page.locator(".ctoblog-newsletter")
        cta_bg = _colour(page, cta.evaluate(BACKGROUND))
        news_bg = _colour(page, newsletter.evaluate(BACKGROUND))
        cta_border = _colour(page, cta.evaluate("e => getComputedStyle(e).borderTopColor"))
        news_border = _colour(page, newsletter.evaluate("e => getComputedStyle(e).borderTopColor"))
        assert (cta_bg, cta_border) != (news_bg, news_border)
        distance = sum((a - b) ** 2 for a, b in zip(cta_bg[:3], news_bg[:3])) ** 0.5
        assert distance >= 80, f"panels alike: {cta_bg} vs {news_bg}"  # far apart, not just a shade

        def strength(button: Any) -> tuple[float, float]:
            """(text contrast on the button, button contrast on its panel)."""
            panel = _colour(page, button.evaluate(f"e => ({BACKGROUND})(e.parentElement)"))
            face = _over(_colour(page, button.evaluate(BACKGROUND)), panel)
            text = _over(_colour(page, button.evaluate("e => getComputedStyle(e).color")), face)
            return _contrast(text, face), _contrast(face, panel)

        cta_text, cta_face = strength(page.locator(".ctoblog-cta__button"))
        _news_text, news_face = strength(page.locator(".ctoblog-newsletter__button"))
        assert cta_text >= 4.5, f"CTA button text contrast {cta_text:.1f}"
        assert cta_face >= 3, f"CTA button against its panel {cta_face:.1f}"
        assert cta_face > news_face, (cta_face, news_face)
        cta_button = page.locator(".ctoblog-cta__button").bounding_box()
        news_button = page.locator(".ctoblog-newsletter__button").bounding_box()
        assert cta_button["height"] >= news_button["height"]
    finally:
        page.context.close()


@pytest.mark.parametrize("mode", ["material-light", "mkdocs"])
def test_read_next_page_card_is_labelled_and_cards_line_up(chromium_browser, example_servers, mode):
    theme, context = MODES[mode]
    page = _open(chromium_browser, example_servers[theme], PAGES["post"], context)
    try:
        page_card = page.locator(".ctoblog-read-next .ctoblog-card--page")
        assert page_card.count() == 1
        assert page_card.locator(".ctoblog-card__label").inner_text().strip().lower() == "work with me"
        cards = page.locator(".ctoblog-read-next .ctoblog-card").all()
        boxes = [card.bounding_box() for card in cards]
        assert _row_sizes(boxes) == [3], "read next: three cards in one row"
        assert len({round(box["height"]) for box in boxes}) == 1, "cards of a row differ in height"
        for card, box in zip(cards, boxes):
            content_bottom = card.locator(".ctoblog-card__body > *").last.bounding_box()
            blank = box["y"] + box["height"] - (content_bottom["y"] + content_bottom["height"])
            assert blank < 0.2 * box["height"], f"{blank:.0f}px blank at the bottom of a {box['height']:.0f}px card"
    finally:
        page.context.close()


@pytest.mark.parametrize("url", ["blog/category/hiring/", "blog/archive/2025/"])
@pytest.mark.parametrize("mode", ["material-light", "material-dark", "mkdocs", "material-phone"])
def test_intro_page_and_compact_list(chromium_browser, example_servers, mode, url):
    theme, context = MODES[mode]
    page = _open(chromium_browser, example_servers[theme], url, context)
    try:
        assert page.locator("h1").count() == 1 and page.locator(".ctoblog-index__header h1").count() == 1
        if "hiring" in url:  # the intro page's text, then the cards, then the call to action it asks for
            intro = page.locator(".ctoblog-index__intro").bounding_box()
            cards = page.locator(".ctoblog-cards").bounding_box()
            cta = page.locator(".ctoblog-cta").bounding_box()
            assert intro["y"] < cards["y"] < cta["y"]
        else:
            assert page.locator(".ctoblog-list__item").count() >= 3
        width = page.evaluate("innerWidth")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width, "horizontal scroll"
        violations = run_axe(page, include=OURS)
        assert not violations, format_violations(violations)
    finally:
        page.context.close()


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_a_post_without_headings_has_no_empty_column(chromium_browser, build_site, theme):
    """On a post without headings Material hides its navigation (`post_hide`) and the empty table of
    contents, the mkdocs theme's empty table-of-contents column makes way: the article is centred."""
    text = "A paragraph long enough to fill a line of the article column and show where it sits. " * 4
    site = build_site({"blog/posts/2024-01-01-a.md": post("title: No headings\ncategory: Hiring", text)},
                      theme=MATERIAL if theme == "material" else {"name": "mkdocs", "highlightjs": False})
    page = new_page(chromium_browser, **MODES["mkdocs" if theme == "mkdocs" else "material-light"][1])
    try:
        with serve_site(site.site_dir) as server:
            page.goto(server.url + "blog/a/", wait_until="networkidle")
            column = page.locator(ARTICLE[theme]).bounding_box()
            sidebars = ".md-sidebar" if theme == "material" else ".col-md-3"
            assert [s.is_visible() for s in page.locator(sidebars).all()] in ([False], [False, False])
            left, right = column["x"], 1280 - column["x"] - column["width"]
            assert abs(left - right) < 40, (left, right)  # centred in the window
            assert column["width"] <= 800, column
    finally:
        page.context.close()


@pytest.mark.parametrize("url", [PAGES["post"], PAGES["blog"]])
def test_hidden_navigation_still_opens_in_the_phone_drawer(chromium_browser, example_servers, url):
    """`post_hide` / `index_hide` hide Material's navigation sidebar on a desktop only: on a phone
    the menu button still opens the site's navigation."""
    page = _open(chromium_browser, example_servers["material"], url, MODES["material-phone"][1])
    try:
        drawer = page.locator('[data-md-type="navigation"]')
        assert drawer.get_attribute("hidden") is not None  # hidden on a desktop
        page.locator('label.md-header__button[for="__drawer"]').click()
        link = drawer.get_by_role("link", name="Services", exact=True)
        link.wait_for(state="visible")  # then the drawer slides in
        page.wait_for_function("a => a.getBoundingClientRect().left >= 0", arg=link.element_handle(), timeout=5000)
        box = link.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 390, box
    finally:
        page.context.close()
