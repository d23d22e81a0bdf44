"""The example site in a real browser: Debian's Chromium through Playwright.

The site is built once per session (Material, and the built-in mkdocs theme) and served on
127.0.0.1; every other host is aborted. Each page of `tools.example.PAGES` is looked at in each
mode of `MODES` (Material light, dark, phone; mkdocs theme): no horizontal scroll, card images
inside their cards and loaded, the plugin's blocks visible and inside the article column, no
console error and no request for a file the site lacks. Full-page screenshots go to
`test-artifacts/screenshots/<mode>-<page>.png`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urljoin

import pytest
from tools import ROOT
from tools.browser import new_page
from tools.example import ARTICLE, BLOCKS, MODES, PAGES, expected_blocks

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


def _open(browser: Any, server: Any, url: str, context: dict[str, Any]) -> Any:
    page = new_page(browser, **context)
    response = page.goto(server.url + url, wait_until="networkidle")
    assert response is not None and response.status == 200, (url, response and response.status)
    return page


def _load_images(page: Any, selector: str) -> None:
    """Scroll each (lazy) image into view and wait until the browser is done with it."""
    for img in page.locator(selector).element_handles():
        img.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete", arg=img, timeout=10_000)
    page.evaluate("window.scrollTo(0, 0)")


def _inside(inner: dict[str, float], outer: dict[str, float], slack: float = 1.0) -> bool:
    return (inner["x"] >= outer["x"] - slack and inner["y"] >= outer["y"] - slack
            and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
            and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack)


def _problems_of(page: Any, server: Any, first_request: int) -> list[str]:
    return page.watch.problems() + [f"server: {code} {path}" for code, path in server.misses[first_request:]]


@pytest.mark.parametrize("page_name", list(PAGES))
@pytest.mark.parametrize("mode", list(MODES))
def test_page_looks_right(chromium_browser, example_servers, mode, page_name):
    theme, context = MODES[mode]
    server = example_servers[theme]
    first_request = len(server.misses)
    page = _open(chromium_browser, server, PAGES[page_name], context)
    try:
        if theme == "material":
            scheme = "slate" if context["color_scheme"] == "dark" else "default"
            assert page.get_attribute("body", "data-md-color-scheme") == scheme

        _load_images(page, ".ctoblog-card img, .ctoblog-post-header img")
        width = page.evaluate("innerWidth")
        scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
        assert scroll_width <= width, f"horizontal scroll: content is {scroll_width}px wide in a {width}px window"

        cards = page.locator(".ctoblog-card")
        for i in range(cards.count()):
            card = cards.nth(i)
            title = card.locator(".ctoblog-card__link").inner_text()
            card_box = card.bounding_box()
            assert card_box and card_box["width"] > 0, f"card {title!r} is not rendered"
            for img in card.locator("img").all():
                assert img.evaluate("i => i.naturalWidth") > 0, f"card {title!r}: image {img.get_attribute('src')} not loaded"
                # alt="" (decorative: the title next to it names the card) unless the post gives image_alt
                assert img.get_attribute("alt") is not None, f"card {title!r}: image without an alt attribute"
                img_box = img.bounding_box()
                assert img_box and _inside(img_box, card_box), f"card {title!r}: image {img_box} outside card {card_box}"
        for img in page.locator(".ctoblog-post-header img").all():
            assert img.evaluate("i => i.naturalWidth") > 0, f"cover {img.get_attribute('src')} not loaded"

        column = page.locator(ARTICLE[theme])
        assert column.count() == 1, f"no article column {ARTICLE[theme]!r}"
        column_box = column.bounding_box()
        for selector in expected_blocks(page_name):
            block = page.locator(selector)
            assert block.count() >= 1, f"{selector} missing on {page_name}"
            for i in range(block.count()):
                assert block.nth(i).is_visible(), f"{selector} is not visible"
                box = block.nth(i).bounding_box()
                assert box and _inside({**box, "y": column_box["y"], "height": 0}, column_box), (
                    f"{selector} at x={box['x']:.0f}..{box['x'] + box['width']:.0f} sticks out of the article "
                    f"column x={column_box['x']:.0f}..{column_box['x'] + column_box['width']:.0f}")

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{mode}-{page_name}.png"), full_page=True)
        assert not _problems_of(page, server, first_request), _problems_of(page, server, first_request)
    finally:
        page.context.close()


def _form_fields(post_data: str | None, content_type: str) -> dict[str, str]:
    assert post_data is not None, "the form sent no body"
    if content_type.startswith("application/x-www-form-urlencoded"):
        return dict(parse_qsl(post_data, keep_blank_values=True))
    raise AssertionError(f"unexpected form encoding {content_type!r}")


@pytest.mark.parametrize("mode", ["material-light", "material-phone-dark", "mkdocs"])
def test_newsletter_form_submits(chromium_browser, example_servers, mode):
    theme, context = MODES[mode]
    server = example_servers[theme]
    page = _open(chromium_browser, server, PAGES["post"], context)
    try:
        form = page.locator(f"{BLOCKS['newsletter']} form, form{BLOCKS['newsletter']}")
        assert form.count() == 1
        assert (form.get_attribute("method") or "").lower() == "post"
        action = form.evaluate("f => f.action")
        email = form.locator('input[type="email"]')
        assert email.count() == 1 and email.is_visible()
        # the field is named by a <label> (or aria-label), which a screen reader reads
        assert email.evaluate("e => e.labels.length > 0 || !!e.getAttribute('aria-label')")
        for consent in form.locator('input[type="checkbox"][required]').all():  # newsletter.consent
            consent.check()
        expected = dict(form.evaluate("f => Array.from(new FormData(f).entries()).map(([k, v]) => [k, String(v)])"))
        email_name = email.get_attribute("name")
        assert email_name, "the email field has no name: its value would not be sent"

        sent: list[Any] = []

        def capture(route: Any) -> None:
            sent.append(route.request)
            route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>ok</title><p>Thanks</p>")

        page.context.route(action, capture)   # after the context's catch-all abort, so it wins (also in a popup)
        email.fill("reader@example.org")
        submit = form.locator('button[type="submit"], input[type="submit"], button:not([type])').first
        assert submit.is_visible()
        submit.click()
        page.wait_for_timeout(200)
        for _ in range(50):
            if sent:
                break
            page.wait_for_timeout(100)
        assert len(sent) == 1, f"no POST to {action}"
        request = sent[0]
        assert request.method == "POST"
        fields = _form_fields(request.post_data, request.headers.get("content-type", ""))
        assert fields[email_name] == "reader@example.org"
        assert {k: v for k, v in fields.items() if k != email_name} == {
            k: v for k, v in expected.items() if k != email_name}
    finally:
        page.context.close()


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
@pytest.mark.parametrize("block", ["read_next", "cta"])
def test_block_links_navigate_to_real_pages(chromium_browser, example_servers, theme, block):
    server = example_servers[theme]
    page = _open(chromium_browser, server, PAGES["post"], MODES["mkdocs" if theme == "mkdocs" else "material-light"][1])
    try:
        links = page.locator(f"{BLOCKS[block]} a[href]")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert hrefs, f"no links in {BLOCKS[block]}"
        for href in hrefs:
            url = urljoin(page.url, href)
            assert url.startswith(server.url), f"{href!r} leaves the site ({url})"
            response = page.request.get(url)
            assert response.status == 200, f"{href!r} -> {url}: HTTP {response.status}"
        with page.expect_navigation() as navigation:
            links.first.click()
        assert navigation.value.status == 200
        assert page.url == urljoin(server.url + PAGES["post"], hrefs[0])
        assert not page.watch.problems(), page.watch.problems()
    finally:
        page.context.close()
