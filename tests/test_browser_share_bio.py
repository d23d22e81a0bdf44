"""Share links and the author bio of the example site's post in Chromium: Material light, dark and
phone, and the mkdocs theme. No request to a share service while the page loads; the copy button
puts the URL on the clipboard and says so; the avatar loads; nothing scrolls sideways on a phone."""

from __future__ import annotations

import pytest
from tools.axe import format_violations, run_axe
from tools.browser import new_page
from tools.example import MODES, PAGES

pytestmark = pytest.mark.browser

SHARE_HOSTS = ("linkedin.com", "x.com", "twitter.com", "bsky.app", "ycombinator.com")
CANONICAL = "https://example.com/" + PAGES["post"]
BROWSER_MODES = ["material-light", "material-dark", "material-phone", "mkdocs"]


def _open(browser, server, mode, **extra):
    theme, context = MODES[mode]
    page = new_page(browser, **context, **extra)
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    response = page.goto(server[theme].url + PAGES["post"], wait_until="networkidle")
    assert response is not None and response.status == 200
    return page


@pytest.mark.parametrize("mode", BROWSER_MODES)
def test_share_links_load_nothing_and_have_names(chromium_browser, example_servers, mode):
    page = _open(chromium_browser, example_servers, mode)
    try:
        share = page.locator(".ctoblog-share")
        share.scroll_into_view_if_needed()
        assert share.is_visible()
        names = [link.evaluate("a => a.getAttribute('aria-label')") for link in share.locator("a").all()]
        # the example site's order: share: [linkedin, bluesky, x, hackernews, email, copy]
        assert names == ["Share on LinkedIn", "Share on Bluesky", "Share on X", "Share on Hacker News", "Share by email"]
        hrefs = share.locator("a").evaluate_all("links => links.map(a => a.href)")
        assert all("https%3A%2F%2Fexample.com%2Fblog%2Fcto-or-vp-of-engineering%2F" in h for h in hrefs), hrefs
        copy = page.get_by_role("button", name="Copy link")
        assert copy.is_visible()  # ctoblog.js ran
        page.wait_for_timeout(300)
        contacted = [url for url in page.requested if any(host in url for host in SHARE_HOSTS)]
        assert contacted == [], contacted
        assert page.evaluate("document.scrollingElement.scrollWidth") <= page.evaluate("innerWidth")
        violations = run_axe(page, include=(".ctoblog-share", ".ctoblog-author-bio"))
        assert not violations, format_violations(violations)
    finally:
        page.context.close()


@pytest.mark.parametrize("mode", ["material-light", "material-phone-dark", "mkdocs"])
def test_copy_link_puts_the_url_on_the_clipboard_and_says_so(chromium_browser, example_servers, mode):
    page = _open(chromium_browser, example_servers, mode, permissions=["clipboard-read", "clipboard-write"])
    try:
        status = page.locator(".ctoblog-share__status")
        assert status.get_attribute("aria-live") == "polite" and status.inner_text() == ""
        page.get_by_role("button", name="Copy link").click()
        page.wait_for_function("() => document.querySelector('.ctoblog-share__status').textContent !== ''")
        assert status.inner_text() == "Link copied"
        assert page.evaluate("navigator.clipboard.readText()") == CANONICAL
        contacted = [url for url in page.requested if any(host in url for host in SHARE_HOSTS)]
        assert contacted == [], contacted
    finally:
        page.context.close()


def test_without_javascript_the_copy_button_is_hidden(chromium_browser, example_servers):
    page = _open(chromium_browser, example_servers, "material-light", java_script_enabled=False)
    try:
        assert page.locator(".ctoblog-share__copy").is_hidden()
        assert page.locator(".ctoblog-share a").count() == 5
    finally:
        page.context.close()


@pytest.mark.parametrize("mode", BROWSER_MODES)
def test_author_bio_after_the_post_with_a_loaded_avatar(chromium_browser, example_servers, mode):
    page = _open(chromium_browser, example_servers, mode)
    try:
        bio = page.locator(".ctoblog-author-bio")
        assert bio.count() == 1
        bio.scroll_into_view_if_needed()
        assert bio.locator(".ctoblog-author-bio__name").inner_text() == "Maya Okafor"
        assert "Maya has been CTO of two start-ups" in bio.locator(".ctoblog-author-bio__text").inner_text()
        avatar = bio.locator("img.ctoblog-author-bio__avatar")
        page.wait_for_function("img => img.complete", arg=avatar.element_handle(), timeout=10_000)
        assert avatar.evaluate("img => img.naturalWidth") > 0
        box = avatar.bounding_box()
        assert box and 40 <= box["width"] <= 100 and abs(box["width"] - box["height"]) < 1
        # after the content: below the last paragraph of the post, above the newsletter
        content_bottom = page.locator(".ctoblog-share").bounding_box()["y"]
        assert bio.bounding_box()["y"] > content_bottom
        assert page.evaluate("document.scrollingElement.scrollWidth") <= page.evaluate("innerWidth")
    finally:
        page.context.close()
