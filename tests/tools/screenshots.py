"""The README's screenshots: build the example site (Material, and the built-in mkdocs theme), open it
in Debian's Chromium and write PNGs into ``screenshots/``.

    .venv/bin/python tests/tools/screenshots.py              # all of them
    .venv/bin/python tests/tools/screenshots.py --out /tmp/shots
    .venv/bin/python tests/tools/screenshots.py --review --out /tmp/shots   # and every other page to look at

Look at every image before committing it: a screenshot is only useful if the page in it looks deliberate.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `tools` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml
from PIL import Image

from tools import ROOT
from tools.browser import chromium, new_page, serve_site

EXAMPLE = ROOT / "example-site"
POST = "blog/scaling-the-team-your-first-engineering-managers/"  # part 2 of a series: every block
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}

# file name -> (theme, page, browser context, what to capture: the window, the whole page, or the blocks
# after the post, all of them or up to a selector's block: "blocks:.ctoblog-newsletter")
SHOTS: dict[str, tuple[str, str, dict[str, Any], str]] = {
    "blog-index-light.png": ("material", "blog/", {**DESKTOP, "color_scheme": "light"}, "window"),
    "blog-index-dark.png": ("material", "blog/", {**DESKTOP, "color_scheme": "dark"}, "window"),
    "post-light.png": ("material", POST, {**DESKTOP, "color_scheme": "light"}, "window"),
    "post-dark.png": ("material", POST, {**DESKTOP, "color_scheme": "dark"}, "window"),
    "post-blocks-light.png": ("material", POST, {**DESKTOP, "color_scheme": "light"}, "blocks"),
    "post-blocks-dark.png": ("material", POST, {**DESKTOP, "color_scheme": "dark"}, "blocks"),
    "phone-index.png": ("material", "blog/", {**PHONE, "color_scheme": "light"}, "window"),
    "phone-post.png": ("material", POST, {**PHONE, "color_scheme": "light"}, "window"),
    "phone-post-blocks-dark.png": ("material", POST, {**PHONE, "color_scheme": "dark"}, "blocks:.ctoblog-newsletter"),
    "mkdocs-theme-index.png": ("mkdocs", "blog/", {**DESKTOP, "color_scheme": "light"}, "window"),
    "mkdocs-theme-post-blocks.png": ("mkdocs", POST, {**DESKTOP, "color_scheme": "light"}, "blocks"),
}

# Not in the README: the other pages and modes to look at before a change to the templates or the
# stylesheet lands (`--review`): every index layout, a post without a cover, both themes, dark, phone.
NO_COVER = "blog/the-one-page-weekly-update/"
REVIEW: dict[str, tuple[str, str, dict[str, Any], str]] = {
    "review-category-light.png": ("material", "blog/category/hiring/", {**DESKTOP, "color_scheme": "light"}, "page"),
    "review-category-dark.png": ("material", "blog/category/hiring/", {**DESKTOP, "color_scheme": "dark"}, "page"),
    "review-tag-light.png": ("material", "blog/tag/scaling/", {**DESKTOP, "color_scheme": "light"}, "window"),
    "review-archive-dark.png": ("material", "blog/archive/2025/", {**DESKTOP, "color_scheme": "dark"}, "window"),
    "review-no-cover-light.png": ("material", NO_COVER, {**DESKTOP, "color_scheme": "light"}, "window"),
    "review-post-dark-full.png": ("material", POST, {**DESKTOP, "color_scheme": "dark"}, "page"),
    "review-phone-category.png": ("material", "blog/category/hiring/", {**PHONE, "color_scheme": "dark"}, "window"),
    "review-phone-archive.png": ("material", "blog/archive/2025/", {**PHONE, "color_scheme": "light"}, "window"),
    "review-phone-post-blocks.png": ("material", POST, {**PHONE, "color_scheme": "light"}, "blocks"),
    "review-mkdocs-post.png": ("mkdocs", POST, {**DESKTOP, "color_scheme": "light"}, "window"),
    "review-mkdocs-post-dark.png": ("mkdocs", POST, {**DESKTOP, "color_scheme": "dark"}, "page"),
    "review-mkdocs-category.png": ("mkdocs", "blog/category/hiring/", {**DESKTOP, "color_scheme": "light"}, "page"),
    "review-mkdocs-tag.png": ("mkdocs", "blog/tag/scaling/", {**DESKTOP, "color_scheme": "light"}, "window"),
    "review-mkdocs-no-cover.png": ("mkdocs", NO_COVER, {**DESKTOP, "color_scheme": "light"}, "window"),
    "review-mkdocs-phone-index.png": ("mkdocs", "blog/", {**PHONE, "color_scheme": "light"}, "window"),
    "review-mkdocs-phone-post.png": ("mkdocs", POST, {**PHONE, "color_scheme": "dark"}, "page"),
}

# Load every image (lazy ones too) before the picture is taken.
LOAD_IMAGES = """async () => {
  for (const img of document.images) { img.loading = "eager"; img.scrollIntoView({block: "center"}); }
  await Promise.all([...document.images].map(img => img.decode().catch(() => null)));
  scrollTo(0, 0);
}"""

# The region after the post's text: the ctoblog blocks that follow its last paragraph (comments left out:
# their widget is a third-party frame, not loaded here), up to the block matching `last` if given.
BLOCKS_REGION = """last => {
  const article = document.querySelector("article.md-content__inner, div[role=main]");
  const ours = el => [...el.classList].some(c => c.startsWith("ctoblog-"));
  const kids = [...article.children].filter(el => el.tagName !== "SCRIPT");
  const text = kids.map(ours).lastIndexOf(false);
  const blocks = kids.slice(text + 1).filter(el => !el.matches(".ctoblog-comments"))
    .filter((el, i, all) => !last || !all.slice(0, i).some(e => e.matches(last)))
    .map(el => el.getBoundingClientRect())
    .map(r => ({top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right}));
  return {x: Math.min(...blocks.map(b => b.left)), y: Math.min(...blocks.map(b => b.top)),
          right: Math.max(...blocks.map(b => b.right)), bottom: Math.max(...blocks.map(b => b.bottom))};
}"""


def build(theme: str, into: Path) -> Path:
    """`mkdocs build --strict` of the example site with `theme` into `into`/site."""
    config = EXAMPLE / "mkdocs.yml"
    if theme == "mkdocs":
        config = into / "mkdocs.yml"
        config.write_text(yaml.safe_dump({
            "INHERIT": str(EXAMPLE / "mkdocs.yml"), "docs_dir": str(EXAMPLE / "docs"),
            "theme": {"name": "mkdocs", "highlightjs": False, "color_mode": "auto"},  # dark follows the browser
        }), encoding="utf-8")
    site = into / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)],
                   check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return site


def optimise(path: Path) -> None:
    """Rewrite the PNG with 256 colours (median cut, dithered) and zlib's best effort: about a third of
    the bytes, and on screenshots of flat UI colours the difference does not show."""
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.FLOYDSTEINBERG)
    small.save(path, optimize=True)


def take(browser: Any, url: str, context: dict[str, Any], capture: str, path: Path) -> None:
    page = new_page(browser, **context)
    try:
        page.goto(url, wait_until="networkidle")
        page.evaluate(LOAD_IMAGES)
        page.wait_for_timeout(800)  # Material's header title fades back after the scroll
        if capture in ("window", "page"):
            page.screenshot(path=str(path), full_page=capture == "page")
            return
        region = page.evaluate(BLOCKS_REGION, capture.partition(":")[2] or None)
        margin = 16
        clip = {"x": max(0, region["x"] - margin), "y": max(0, region["y"] - margin)}
        clip["width"] = min(context["viewport"]["width"], region["right"] + margin) - clip["x"]
        clip["height"] = region["bottom"] + margin - clip["y"]
        page.screenshot(path=str(path), clip=clip, full_page=True)
    finally:
        page.context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder for the PNGs")
    parser.add_argument("--review", action="store_true", help="also the pages the README does not show")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ctoblog-shots-") as tmp:
        sites = {}
        for theme in ("material", "mkdocs"):
            (Path(tmp) / theme).mkdir()
            sites[theme] = build(theme, Path(tmp) / theme)
        with serve_site(sites["material"]) as material, serve_site(sites["mkdocs"]) as mkdocs, chromium() as browser:
            servers = {"material": material, "mkdocs": mkdocs}
            for name, (theme, url, context, capture) in {**SHOTS, **(REVIEW if args.review else {})}.items():
                take(browser, servers[theme].url + url, context, capture, args.out / name)
                optimise(args.out / name)
                print(args.out / name)


if __name__ == "__main__":
    main()
