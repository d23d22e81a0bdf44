"""axe-core (WCAG 2.0/2.1 A and AA) on the plugin's own markup of the example site, in Chromium.

The check is scoped to what the plugin writes (`[class^=ctoblog-], [class*=" ctoblog-"]`), in
Material light and dark and in the mkdocs theme; every rule stays on. What belongs to a theme is
left out by selector only, in `THEME_OWNED`, with the reason.
"""

from __future__ import annotations

import pytest
from tools.axe import format_violations, run_axe
from tools.browser import new_page
from tools.example import BLOCKS, MODES, OURS, PAGES

pytestmark = pytest.mark.browser

# Theme markup that can sit inside ours, left out of the scan. Comments widgets load a third-party
# iframe (blocked in the tests, and not ours to fix).
THEME_OWNED: tuple[str, ...] = (".ctoblog-comments iframe", ".giscus", ".giscus-frame")


def _scan(chromium_browser, server, url: str, context: dict) -> list[dict]:
    page = new_page(chromium_browser, **context)
    try:
        response = page.goto(server.url + url, wait_until="networkidle")
        assert response is not None and response.status == 200
        present = [s for s in THEME_OWNED if page.locator(s).count()]
        return run_axe(page, include=OURS, exclude=present)
    finally:
        page.context.close()


@pytest.mark.parametrize("page_name", list(PAGES))
@pytest.mark.parametrize("mode", ["material-light", "material-dark", "mkdocs"])
def test_no_axe_violation_in_plugin_markup(chromium_browser, example_servers, mode, page_name):
    theme, context = MODES[mode]
    violations = _scan(chromium_browser, example_servers[theme], PAGES[page_name], context)
    assert not violations, format_violations(violations)


def test_axe_sees_a_broken_newsletter_label(chromium_browser, example_servers):
    """The scan is not blind: a newsletter field without its label is a `label` violation."""
    page = new_page(chromium_browser, **MODES["material-light"][1])
    try:
        page.goto(example_servers["material"].url + PAGES["post"], wait_until="networkidle")
        page.evaluate(f"""() => {{
            const form = document.querySelector('{BLOCKS["newsletter"]}');
            form.querySelectorAll('label').forEach(l => l.remove());
            form.querySelectorAll('input').forEach(i => {{ i.removeAttribute('aria-label'); i.removeAttribute('title');
                                                           i.removeAttribute('placeholder'); }});
            document.querySelectorAll('.ctoblog-card img').forEach(i => i.removeAttribute('alt'));
        }}""")
        ids = {v["id"] for v in run_axe(page, include=OURS)}
        assert {"label", "image-alt"} <= ids, ids
    finally:
        page.context.close()
