"""Offline internal-link and anchor checker for a built MkDocs site (standard library only).

    from tools.sitelinks import check_site
    problems = check_site(site_dir)                        # site served at "/"
    problems = check_site(site_dir, "/sub/")               # site served under a URL sub-path
    problems = check_site(site_dir, site_url="https://example.com/sub/")  # + absolute URLs into it
    problems = check_site(site_dir, material=True)          # + Material's alternate-link sitemap fetches
    assert not problems, "\\n".join(problems)

    python tests/tools/sitelinks.py SITE_DIR [BASE_PATH_OR_SITE_URL]   # exit 1 on problems

Every ``href``/``src``/``srcset`` in every ``*.html`` under ``site_dir`` must hit a file (a folder
means its ``index.html``) and, when it has a ``#fragment``, an element with that id. A link is
resolved as the browser does from the page's URL ``base_path + path/in/site/``; a link that
climbs above ``base_path`` (``../../x`` from a top-level page, or ``/x`` on a site served under
``/sub/``) is reported even when a root-served copy would happen to work. Absolute URLs starting
with ``site_url`` (canonical, ``og:url``, ``og:image``, ...) are checked the same way. External
URLs are not checked. It also flags protocol-relative URLs to file-like hosts: ``{{ base_url
}}/feed.xml`` renders as ``//feed.xml`` on ``404.html``, which the browser reads as host
``feed.xml``.

``material=True`` adds Material for MkDocs' rule: its JavaScript fetches ``sitemap.xml`` from the
folder of every ``<link rel="alternate">`` href, so that file must exist there.

After shared/recipes/CHECKERS.md Appendix B.
"""

from __future__ import annotations

import html.parser
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

__all__ = ["check_site", "url_to_file"]

_FILE_LIKE_TLDS = {"xml", "html", "htm", "json", "css", "js", "png", "jpg", "jpeg", "gif", "svg", "webp",
                   "avif", "ico", "txt", "gz", "md"}
_META_URL_KEYS = {"og:url", "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:url"}


class _Collect(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str, int]] = []   # (tag, attr, url, line)
        self.ids: set[str] = set()
        self.alternates: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v for k, v in attrs if v is not None}
        line = self.getpos()[0]
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        rel = a.get("rel", "").lower().split()
        for attr in ("href", "src"):
            if attr in a and not (tag == "link" and {"preconnect", "dns-prefetch"} & set(rel)):
                self.links.append((tag, attr, a[attr], line))
        if "srcset" in a:
            for candidate in a["srcset"].split(","):
                if candidate.strip():
                    self.links.append((tag, "srcset", candidate.split()[0], line))
        if tag == "link" and "alternate" in rel and "href" in a:
            self.alternates.append((a["href"], line))
        key = (a.get("property") or a.get("name") or "").lower()
        if tag == "meta" and key in _META_URL_KEYS and a.get("content"):
            self.links.append((tag, f"content[{key}]", a["content"], line))


def _norm_base(base_path: str) -> str:
    return "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"


def _resolve(page_url: str, url: str) -> str | None:
    """URL path of ``url`` seen from ``page_url`` (site-absolute); None when ``..`` climbs above ``/``."""
    path = url if url.startswith("/") else page_url.rsplit("/", 1)[0] + "/" + url
    out: list[str] = []
    segments = path.split("/")[1:]
    for seg in segments:
        if seg == "..":
            if not out:
                return None
            out.pop()
        elif seg not in (".", ""):
            out.append(seg)
    trailing = segments[-1] in ("", ".", "..")
    return "/" + "/".join(out) + ("/" if trailing and out else "")


def url_to_file(site_dir: Path, url: str, base_path: str = "/", site_url: str | None = None,
                page_url: str | None = None) -> tuple[Path | None, str, str | None]:
    """Map a URL as written in a page (or a feed, with ``page_url=None``) to a file of the site.

    Returns ``(file, fragment, problem)``: ``file`` None and ``problem`` None for external URLs;
    ``problem`` set when the URL cannot be served by this site (wrong host form, outside base path).
    ``file`` is where the server would look (it may not exist: the caller checks).
    """
    base = _norm_base(base_path)
    if site_url and url.startswith(site_url.rstrip("/") + "/") or (site_url and url == site_url.rstrip("/")):
        url = base + url[len(site_url.rstrip("/")):].lstrip("/")
    parts = urlsplit(url)
    if url.startswith("//") and ("." not in parts.netloc
                                 or parts.netloc.rsplit(".", 1)[1].lower() in _FILE_LIKE_TLDS):
        return None, "", f"protocol-relative URL to host {parts.netloc!r}"
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "tel:", "javascript:", "data:", "blob:")):
        return None, "", None
    frag = unquote(parts.fragment)
    path = unquote(parts.path)
    if not path:
        if page_url is None:
            return None, "", "empty URL"
        path = page_url
    resolved = _resolve(page_url or base, path)
    if resolved is None:
        return None, frag, "climbs above the server root"
    if not (resolved + "/").startswith(base) :
        return None, frag, f"resolves to {resolved!r}, outside the site's base path {base!r}"
    target = site_dir / resolved[len(base):]
    if resolved.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, frag, None


def _page_url(site_dir: Path, page: Path, base: str) -> str:
    rel = page.relative_to(site_dir).as_posix()
    if rel == "index.html":
        return base
    if rel.endswith("/index.html"):
        return base + rel[: -len("index.html")]
    return base + rel


def check_site(site_dir: Path | str, base_path: str = "/", *, site_url: str | None = None,
               material: bool = False) -> list[str]:
    """Problems found in the built site at ``site_dir`` (empty list = every internal link works).

    ``base_path``: URL path the site is served under (default ``/``; taken from ``site_url``'s path
    when left at ``/`` and ``site_url`` is given). ``site_url``: mkdocs.yml ``site_url``; absolute
    URLs under it are checked as local. ``material``: also require ``sitemap.xml`` next to every
    ``<link rel="alternate">`` target (Material's JavaScript fetches it).
    """
    site_dir = Path(site_dir).resolve()
    if not site_dir.is_dir():
        return [f"{site_dir}: not a directory"]
    if site_url and _norm_base(base_path) == "/":
        base_path = urlsplit(site_url).path or "/"
    base = _norm_base(base_path)
    parsed: dict[Path, _Collect] = {}

    def parse(p: Path) -> _Collect:
        if p not in parsed:
            c = _Collect()
            c.feed(p.read_text(encoding="utf-8", errors="replace"))
            c.close()
            parsed[p] = c
        return parsed[p]

    def rel(t: Path) -> str:
        return t.relative_to(site_dir).as_posix() if t.is_relative_to(site_dir) else str(t)

    problems: list[str] = []
    for page in sorted(site_dir.rglob("*.html")):
        where = rel(page)
        page_url = _page_url(site_dir, page, base)
        c = parse(page)
        for tag, attr, url, line in c.links:
            target, frag, problem = url_to_file(site_dir, url, base, site_url, page_url)
            if problem:
                problems.append(f"{where}:{line}: <{tag} {attr}={url!r}> -> {problem}")
            elif target is None:
                continue
            elif not target.is_file():
                problems.append(f"{where}:{line}: <{tag} {attr}={url!r}> -> missing {rel(target)}")
            elif frag and target.suffix == ".html" and frag not in parse(target).ids:
                problems.append(f"{where}:{line}: <{tag} {attr}={url!r}> -> no id {frag!r} in {rel(target)}")
        if material:
            for href, line in c.alternates:
                # the browser resolves the href against the page first (urljoin of two relative
                # URLs would drop the href's "../")
                sitemap_url = urljoin(urljoin("http://site" + page_url, href), "sitemap.xml")
                if sitemap_url.startswith("http://site/"):
                    sitemap_url = sitemap_url[len("http://site"):]
                target, _, problem = url_to_file(site_dir, sitemap_url, base, site_url, page_url)
                if target is not None and not problem and not target.is_file():
                    problems.append(f"{where}:{line}: <link rel=alternate href={href!r}> -> Material fetches "
                                    f"{sitemap_url!r}: missing {rel(target)}")
    return problems


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: sitelinks.py SITE_DIR [BASE_PATH | SITE_URL]")
    arg = sys.argv[2] if len(sys.argv) > 2 else "/"
    errs = (check_site(sys.argv[1], site_url=arg) if "://" in arg else check_site(sys.argv[1], arg))
    print("\n".join(errs) or "no broken internal links")
    sys.exit(1 if errs else 0)
