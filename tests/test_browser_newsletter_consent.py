"""The example site's sign-up form with its required consent checkbox, in Chromium, with and
without JavaScript: nothing is sent until the box is ticked; then the provider gets the field."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

import pytest
from tools.axe import format_violations, run_axe
from tools.browser import new_page
from tools.example import MODES, PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("mode", "javascript"), [("material-light", True), ("material-phone-dark", True), ("mkdocs", True), ("material-light", False)])
def test_consent_is_required_before_the_form_posts(chromium_browser, example_servers, mode, javascript):
    theme, context = MODES[mode]
    page = new_page(chromium_browser, **context, java_script_enabled=javascript)
    try:
        response = page.goto(example_servers[theme].url + PAGES["post"], wait_until="networkidle")
        assert response is not None and response.status == 200
        form = page.locator(".ctoblog-newsletter form")
        box = form.locator(".ctoblog-newsletter__consent input[type=checkbox]")
        assert box.count() == 1 and box.is_visible() and box.evaluate("b => b.required && b.labels.length === 1")
        assert form.locator("a.ctoblog-newsletter__privacy-link").get_attribute("href") == "../../privacy/"
        sent: list[Any] = []

        def capture(route: Any) -> None:
            sent.append(route.request)
            route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>ok</title><p>Thanks</p>")

        page.context.route(form.evaluate("f => f.action"), capture)
        form.locator("input[type=email]").fill("reader@example.org")
        form.locator("button[type=submit]").click()
        page.wait_for_timeout(300)
        assert sent == [] and box.evaluate("b => !b.validity.valid")  # the browser stops it: box not ticked
        box.check()
        form.locator("button[type=submit]").click()
        for _ in range(50):
            if sent:
                break
            page.wait_for_timeout(100)
        assert len(sent) == 1
        fields = dict(parse_qsl(sent[0].post_data or "", keep_blank_values=True))
        assert fields["email"] == "reader@example.org" and fields["consent"] == "yes"
    finally:
        page.context.close()


@pytest.mark.parametrize("mode", ["material-light", "material-dark", "mkdocs"])
def test_consent_checkbox_is_axe_clean(chromium_browser, example_servers, mode):
    theme, context = MODES[mode]
    page = new_page(chromium_browser, **context)
    try:
        page.goto(example_servers[theme].url + PAGES["post"], wait_until="networkidle")
        violations = run_axe(page, include=(".ctoblog-newsletter__consent",))
        assert not violations, format_violations(violations)
    finally:
        page.context.close()
