"""The example site's three-part series in Chromium (Material light, dark, phone; mkdocs theme):
the box under the header is one line ("Part N of 3", previous and next part) that opens on every
part and the series page, with and without JavaScript; axe finds nothing in it, and nothing
scrolls sideways."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from tools.axe import format_violations, run_axe
from tools.browser import new_page
from tools.example import MODES

pytestmark = pytest.mark.browser

PARTS = [
    "blog/scaling-the-team-from-five-to-fifteen/",
    "blog/scaling-the-team-your-first-engineering-managers/",
    "blog/scaling-the-team-when-one-team-becomes-three/",
]
SERIES_PAGE = "blog/series/scaling-the-team/"


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("mode", ["material-light", "material-dark", "material-phone", "mkdocs"])
def test_series_box_and_its_links(chromium_browser, example_servers, mode, javascript):
    theme, context = MODES[mode]
    server = example_servers[theme]
    page = new_page(chromium_browser, **context, java_script_enabled=javascript)
    try:
        response = page.goto(server.url + PARTS[1], wait_until="networkidle")
        assert response is not None and response.status == 200
        box = page.locator("nav.ctoblog-series")
        assert box.is_visible()
        title = box.locator("summary.ctoblog-series__title")
        assert title.inner_text() == "Part 2 of 3 in Scaling the team"
        header = page.locator(".ctoblog-post-header").bounding_box()
        first_paragraph = page.locator(".ctoblog-series ~ p").first.bounding_box()
        closed = box.bounding_box()
        assert header["y"] < closed["y"] < first_paragraph["y"]  # under the header, above the text
        # compact while closed: one line on a desktop (title, previous, next), two on a phone
        font = float(box.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
        assert closed["height"] <= (6.5 if "phone" in mode else 3.2) * font, (closed, font)
        steps = box.locator(".ctoblog-series__steps a")
        assert [steps.nth(i).get_attribute("rel") for i in range(2)] == ["prev", "next"]
        assert [urljoin(page.url, steps.nth(i).get_attribute("href")) for i in range(2)] == [
            server.url + PARTS[0], server.url + PARTS[2]]
        assert page.get_by_role("link", name="Next part: Scaling the team, part 3: when one team becomes three").count() == 1
        parts = box.locator(".ctoblog-series__parts")
        assert not parts.is_visible()  # the list is behind the summary
        title.click()
        assert parts.is_visible()
        assert box.bounding_box()["height"] > closed["height"]
        links = box.locator("details a")
        hrefs = [urljoin(page.url, links.nth(i).get_attribute("href")) for i in range(links.count())]
        assert hrefs == [server.url + p for p in PARTS] + [server.url + SERIES_PAGE]
        assert box.locator('[aria-current="page"]').inner_text() == "Scaling the team, part 2: your first engineering managers"
        for url in hrefs:
            assert page.request.get(url).status == 200, url
        assert page.evaluate("document.scrollingElement.scrollWidth") <= page.evaluate("innerWidth")
        violations = run_axe(page, include=(".ctoblog-series",)) if javascript else []
        assert not violations, format_violations(violations)
        with page.expect_navigation():
            page.get_by_role("link", name="Next part: Scaling the team, part 3: when one team becomes three").click()
        assert page.url == server.url + PARTS[2]
        assert page.locator(".ctoblog-series__title").inner_text() == "Part 3 of 3 in Scaling the team"
        assert page.locator(".ctoblog-series__steps a").count() == 1  # the last part: only "previous"
        assert not page.watch.problems(), page.watch.problems()
    finally:
        page.context.close()


@pytest.mark.parametrize("mode", ["material-light", "mkdocs"])
def test_series_page_lists_the_parts_in_order(chromium_browser, example_servers, mode):
    theme, context = MODES[mode]
    page = new_page(chromium_browser, **context)
    try:
        response = page.goto(example_servers[theme].url + SERIES_PAGE, wait_until="networkidle")
        assert response is not None and response.status == 200
        titles = page.locator(".ctoblog-card__link").all_inner_texts()
        assert [t.split(":")[0] for t in titles] == [f"Scaling the team, part {n}" for n in (1, 2, 3)]
        violations = run_axe(page, include=('[class^="ctoblog-"]',))
        assert not violations, format_violations(violations)
    finally:
        page.context.close()
