"""Debian Chromium through Playwright, a local server for a built site, hermetic pages.

    from tools.browser import serve_site, chromium, new_page

    with serve_site(site_dir, prefix="/sub/") as server, chromium() as browser:
        page = new_page(browser, color_scheme="dark")       # kwargs go to browser.new_context()
        resp = page.goto(server.url + "blog/")               # server.url = "http://127.0.0.1:PORT/sub/"
        assert resp.status == 200
        assert not page.watch.problems(), page.watch.problems()   # console errors, 4xx, failed requests
        page.context.close()
    assert not server.misses                                 # every file the browser asked for existed

- Chromium is Debian's ``/usr/bin/chromium`` (``$CHROMIUM_PATH``), never Playwright's download.
- Each context aborts every request that does not go to 127.0.0.1 (fonts, CDNs, comment widgets,
  analytics); the URLs land in ``page.watch.blocked`` so a test can assert on them.
- The server serves ``site_dir`` under ``prefix`` only (anything else is 404, like a site deployed
  under a sub-path), never lists folders (a folder without ``index.html`` is 404, not a listing),
  and records every request: ``server.requests`` ``[(status, path)]``, ``server.misses`` (>= 400).
- ``page.watch.problems()`` ignores what the test harness causes: aborted non-local requests and
  requests a navigation cancelled (``net::ERR_ABORTED``).
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import ToolMissing

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "NOT_LOCAL", "PageWatch", "SiteServer", "chromium", "launch",
           "new_context", "new_page", "serve_site"]

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Everything that is not the local test server (or an inline scheme) is aborted.
NOT_LOCAL = re.compile(r"^(?!https?://127\.0\.0\.1[:/]|data:|blob:|about:)")


# --------------------------------------------------------------------------- HTTP server

class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"
    log: list[tuple[int, str]]

    def send_head(self):  # type: ignore[no-untyped-def]
        path = urlsplit(self.path).path
        if self.prefix != "/":
            if path == self.prefix[:-1]:
                self.send_response(301)
                self.send_header("Location", self.prefix)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if not path.startswith(self.prefix):
                self.send_error(404, f"outside the site prefix {self.prefix}")
                return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix):]
        return super().translate_path(path)

    def list_directory(self, path):  # type: ignore[no-untyped-def]
        self.send_error(404, "no index.html in this folder")

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.log.append((int(code) if str(code).isdigit() else 0, self.path))

    def log_message(self, format: str, *args: Any) -> None:
        pass


class SiteServer:
    """``ThreadingHTTPServer`` on 127.0.0.1 (free port) serving ``site_dir`` at URL path ``prefix``."""

    def __init__(self, site_dir: Path | str, prefix: str = "/") -> None:
        self.site_dir = Path(site_dir).resolve()
        if not self.site_dir.is_dir():
            raise FileNotFoundError(f"site dir {self.site_dir} does not exist (build the site first)")
        self.prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        self.requests: list[tuple[int, str]] = []
        handler = type("Handler", (_Handler,), {"prefix": self.prefix, "log": self.requests})
        self._httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(self.site_dir)))
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="site-server", daemon=True)
        self.origin = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self.url = self.origin + self.prefix           # always ends with "/"

    @property
    def misses(self) -> list[tuple[int, str]]:
        """Requests answered with a status >= 400, except Chromium's own ``/favicon.ico`` probe (it asks
        for it after showing a page without ``<link rel=icon>``: a 404 page, a feed); see ``requests``."""
        return [(code, path) for code, path in self.requests
                if (code >= 400 or code == 0) and urlsplit(path).path != "/favicon.ico"]

    def start(self) -> SiteServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=10)

    def __enter__(self) -> SiteServer:  # noqa: PYI034 (py3.10: no typing.Self)
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve_site(site_dir: Path | str, prefix: str = "/") -> SiteServer:
    """``with serve_site(site, "/sub/") as server: ... server.url``; or ``.start()`` / ``.stop()``."""
    return SiteServer(site_dir, prefix)


# --------------------------------------------------------------------------- Chromium

def launch(playwright: Any, **kwargs: Any) -> Any:
    """``playwright.chromium.launch`` on Debian's Chromium with the CI flags (extra ``args`` appended)."""
    if not Path(CHROMIUM).exists():
        raise ToolMissing(f"Chromium not found at {CHROMIUM} (CHROMIUM_PATH); run: bash .ci/install.sh")
    args = CHROMIUM_ARGS + list(kwargs.pop("args", []))
    return playwright.chromium.launch(executable_path=CHROMIUM, args=args, **kwargs)


_running: list[Any] = []   # the Playwright of this process, while a `chromium()` block holds it


@contextmanager
def chromium(**kwargs: Any) -> Iterator[Any]:
    """``with chromium() as browser:`` starts Playwright (sync API) and Chromium, closes both after.

    Blocks may nest (a session-wide browser fixture and a test's own ``chromium()``): Playwright's
    sync API runs once per process, so an inner block launches its browser from the running one.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - install problem
        raise ToolMissing("playwright is not installed; run: bash .ci/install.sh") from exc
    owner = not _running
    if owner:
        _running.append(sync_playwright().start())
    try:
        browser = launch(_running[0], **kwargs)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        if owner:
            _running.pop().stop()


@dataclass
class PageWatch:
    """What a page did that a clean page should not: filled by listeners ``new_page`` attaches."""
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)    # "404 http://127.0.0.1:.../x"
    failed_requests: list[str] = field(default_factory=list)  # network failures, except blocked ones and
    #                                                           ERR_ABORTED (a navigation cancelled them)
    blocked: list[str] = field(default_factory=list)          # non-local URLs that were aborted

    def problems(self) -> list[str]:
        return ([f"console error: {m}" for m in self.console_errors]
                + [f"page error: {m}" for m in self.page_errors]
                + [f"HTTP {m}" for m in self.bad_responses]
                + [f"request failed: {m}" for m in self.failed_requests])


def new_context(browser: Any, **context_kwargs: Any) -> Any:
    """``browser.new_context(**kwargs)`` that aborts every non-127.0.0.1 request.

    The aborted URLs are in ``context.blocked`` (a list shared with the pages' ``watch.blocked``).
    """
    ctx = browser.new_context(**context_kwargs)
    ctx.blocked = []

    def _abort(route: Any) -> None:
        ctx.blocked.append(route.request.url)
        route.abort()

    ctx.route(NOT_LOCAL, _abort)
    return ctx


def new_page(browser_or_context: Any, **context_kwargs: Any) -> Any:
    """A page in a new hermetic context (given a browser) or in the given context.

    ``page.watch`` (a ``PageWatch``) collects console errors, uncaught exceptions, responses >= 400
    and failed requests; ``page.watch.problems()`` lists them. Close with ``page.context.close()``.
    """
    ctx = browser_or_context
    if hasattr(ctx, "new_context"):            # a Browser: make a hermetic context
        ctx = new_context(ctx, **context_kwargs)
    elif context_kwargs:
        raise TypeError("context options only apply when new_page creates the context")
    page = ctx.new_page()
    watch = PageWatch(blocked=getattr(ctx, "blocked", []))
    page.watch = watch
    def on_console(m: Any) -> None:
        if m.type == "error" and m.location.get("url") not in watch.blocked:
            watch.console_errors.append(m.text)

    def on_response(r: Any) -> None:
        if r.status >= 400:
            watch.bad_responses.append(f"{r.status} {r.url}")

    def on_failed(r: Any) -> None:
        if r.url not in watch.blocked and r.failure != "net::ERR_ABORTED":
            watch.failed_requests.append(f"{r.url} ({r.failure})")

    page.on("console", on_console)
    page.on("pageerror", lambda e: watch.page_errors.append(str(e)))
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    return page
