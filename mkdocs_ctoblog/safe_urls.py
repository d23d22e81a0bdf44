"""The one check every URL the plugin writes goes through (links, images, avatars, logos, form actions).

A URL is first normalised as browsers do (WHATWG URL parser): leading and trailing C0 control
characters and spaces are stripped, tabs and newlines removed anywhere. What is left may be a
relative URL or an `http`, `https` or `mailto` URL. A value starting with two slashes or
backslashes (`//host`, `/\\host`, `\\\\host`) names another host for a browser, so it is only
accepted as part of a full `http(s)://` URL.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https", "mailto")
EXPECTED = "a relative URL, a site path or an http(s) or mailto URL"

_C0_AND_SPACE = "".join(chr(n) for n in range(0x21))
_TAB_NEWLINE = re.compile("[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_NETWORK_PATH = re.compile(r"[/\\]{2}")
_FULL_WEB_URL = re.compile(r"https?://[^/\\?#\s]", re.IGNORECASE)


def normalise(value: str) -> str:
    """`value` as a browser reads it: C0 controls and spaces stripped at both ends, tab/CR/LF removed."""
    return _TAB_NEWLINE.sub("", value.strip(_C0_AND_SPACE))


def safe_url(value: object) -> str | None:
    """The normalised URL when it is safe to write into a page or feed, else None."""
    if not isinstance(value, str):
        return None
    url = normalise(value)
    if not url:
        return None
    scheme = _SCHEME.match(url)
    if scheme is not None:
        name = scheme[1].lower()
        if name not in ALLOWED_SCHEMES:
            return None
        if name in ("http", "https"):
            return url if _FULL_WEB_URL.match(url) and _has_host(url) else None
        return url
    if _NETWORK_PATH.match(url):
        return None
    return url


def is_external(url: str) -> bool:
    """Whether a (safe) URL has a scheme, i.e. leaves the site: `https://…`, `mailto:…`."""
    return _SCHEME.match(normalise(url)) is not None


def _has_host(url: str) -> bool:
    try:
        return bool(urlsplit(url).hostname)
    except ValueError:  # e.g. an invalid IPv6 literal
        return False
