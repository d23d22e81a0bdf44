"""Compare a real Jekyll blog built by Jekyll with the same blog imported by `ctoblog import-jekyll`.

    python benchmarks/jekyll_compare.py SRC WORK [--plugins jekyll-feed,jekyll-paginate]

SRC is only read: Jekyll builds a copy of it in WORK/jekyll-src (with one extra page that lists
`site.posts`), the import writes WORK/project, MkDocs builds WORK/mkdocs-site. With
`--plugin-only` there is no import: WORK/project gets the posts (each `_posts` folder's files below
`docs/blog/posts/`) and the files Jekyll copies as they are, and a `mkdocs.yml` whose ctoblog
reads the blog's `_config.yml` (`jekyll_config`), as README's "Without the import" says. Printed counts:
posts Jekyll publishes and how many are reachable at their Jekyll URL in the MkDocs build, posts
built that Jekyll hides, built posts with Liquid visible outside code, cards and meta descriptions
with Liquid, `{% highlight %}` blocks
against code blocks, and body links and images that resolve (and, of those that do not, how many
Jekyll's own build misses too), and the feeds Jekyll writes that have a feed at their path in the
MkDocs build. Needs Debian's `jekyll` (and the plugins the blog uses).
"""

from __future__ import annotations

import argparse
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

LISTING = """---
layout: null
permalink: /ctoblog-compare-posts.json
---
[{% for post in site.posts %}{"url": {{ post.url | jsonify }}, "path": {{ post.path | jsonify }}}{% unless forloop.last %},{% endunless %}{% endfor %}]
"""
STUB = """# Stands in for a plugin the comparison build lacks: the block's content, as code.
class CtoblogCompareStub < Liquid::Raw
  def ensure_valid_markup(tag_name, markup, parse_context); end

  def render(context)
    "<pre>" + CGI.escapeHTML(super) + "</pre>"
  end
end
class CtoblogCompareTagStub < Liquid::Tag
  def render(context)
    ""
  end
end
%s
"""
_HIGHLIGHT = re.compile(r"\{%-?\s*highlight\b")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("src")
    parser.add_argument("work")
    parser.add_argument("--plugins", default="", help="the plugins to keep for Jekyll's build (comma-separated)")
    parser.add_argument("--tags", help="the import's --tags file (the blog's own Liquid tags)")
    parser.add_argument("--stub-blocks", default="", help="block tags of missing plugins, rendered as code (comma-separated)")
    parser.add_argument("--stub-tags", default="", help="tags of missing plugins, rendered as nothing (comma-separated)")
    parser.add_argument("--plugin-only", action="store_true", help="no import: the posts copied, ctoblog reading _config.yml")
    args = parser.parse_args()
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    jekyll_site = jekyll_build(Path(args.src), work, args.plugins, args.stub_blocks, args.stub_tags)
    published = json.loads((jekyll_site / "ctoblog-compare-posts.json").read_text(encoding="utf-8"))
    project = work / "project"
    tags = ["--tags", args.tags] if args.tags else []
    if args.plugin_only:
        plugin_project(Path(args.src), project, args.tags)
    else:
        run([sys.executable, "-m", "mkdocs_ctoblog", "import-jekyll", *tags, args.src, str(project)], work / "import.log")
    build = run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(work / "mkdocs-site")], work / "mkdocs.log")
    warnings = [line for line in build.splitlines() if line.startswith("WARNING")]
    counts = compare(Path(args.src), published, jekyll_site, work / "mkdocs-site")
    counts["mkdocs build warnings"] = len(warnings)
    for key, value in counts.items():
        print(f"{key}: {value}")
    return 0


def run(command: list[str], log: Path) -> str:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    log.write_text(result.stdout + result.stderr, encoding="utf-8")
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed, see {log}")
    return result.stdout + result.stderr


def plugin_project(src: Path, project: Path, tags_file: str | None) -> None:
    """The blog set up by hand for the plugin alone: posts in docs/blog/posts/, static files at
    their paths, `jekyll_config` pointing at the blog's `_config.yml`."""
    import yaml

    from mkdocs_ctoblog.jekyll import tree
    from mkdocs_ctoblog.jekyll.project import MARKDOWN_EXTENSIONS, cname_url
    from mkdocs_ctoblog.jekyll.site_config import read_site_config

    config = read_site_config(str(src / "_config.yml"))
    for file in tree.scan(config):
        if file.kind == "post":
            target = project / "docs" / "blog" / "posts" / file.rel.split("_posts/", 1)[1]
        elif file.kind == "static" and not file.rel.lower().endswith((".md", ".markdown")):
            target = project / "docs" / file.rel
        else:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(config.source) / file.rel, target)
    ctoblog: dict[str, object] = {"jekyll_config": str((src / "_config.yml").resolve())}
    if tags_file:
        ctoblog["liquid"] = {"tags": yaml.safe_load(Path(tags_file).read_text(encoding="utf-8"))}
    url = config.url or cname_url(config)
    settings = {
        "site_name": config.title or "Blog",
        **({"site_url": url.rstrip("/") + config.baseurl + "/"} if url else {}),
        "theme": {"name": "material"},
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "plugins": ["search", {"ctoblog": ctoblog}],
    }
    (project / "docs").mkdir(parents=True, exist_ok=True)
    (project / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")


def jekyll_build(src: Path, work: Path, plugins: str, stubs: str, tag_stubs: str) -> Path:
    copy = work / "jekyll-src"
    shutil.copytree(src, copy, symlinks=True, ignore=shutil.ignore_patterns(".git", "_site", ".jekyll-cache"))
    (copy / "ctoblog-compare-posts.json").write_text(LISTING, encoding="utf-8")
    if stubs or tag_stubs:
        (copy / "_plugins").mkdir(exist_ok=True)
        register = "\n".join(
            [f"Liquid::Template.register_tag('{name}', CtoblogCompareStub)" for name in stubs.split(",") if name]
            + [f"Liquid::Template.register_tag('{name}', CtoblogCompareTagStub)" for name in tag_stubs.split(",") if name]
        )
        (copy / "_plugins" / "ctoblog_compare_stubs.rb").write_text(STUB % register, encoding="utf-8")
    override = work / "override.yml"
    kept = [p for p in plugins.split(",") if p]
    override.write_text(json.dumps({"plugins": kept, "theme": None, "remote_theme": None, "lsi": False, "destination": str(work / "jekyll-site")}), encoding="utf-8")
    configs = ",".join(str(p) for p in (copy / "_config.yml", override) if p.exists())
    run(["jekyll", "build", "-s", str(copy), "-d", str(work / "jekyll-site"), "--config", configs], work / "jekyll.log")
    return work / "jekyll-site"


def compare(src: Path, published: list[dict[str, str]], jekyll_site: Path, site: Path) -> dict[str, object]:
    posts = {_key(p["url"]): p for p in published}
    built = {}
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8", errors="replace")
        if "ctoblog-post-header" in text:
            url = "/" + str(html.relative_to(site)).replace(os.sep, "/")
            built[_key(url)] = (url, BeautifulSoup(text, "html.parser"))
    reachable = [k for k in posts if k in built]
    hidden_built = [built[k][0] for k in built if k not in posts and not re.search(r"-\d+$", k)]
    summaries = _liquid_in_summaries(site)
    suffixed = [built[k][0] for k in built if k not in posts and re.search(r"-\d+$", k)]
    liquid, highlights, code_blocks, short = [], 0, 0, []
    links_ok, links_broken, broken_in_jekyll_too = 0, 0, 0
    for key, post in posts.items():
        if key not in built:
            continue
        url, soup = built[key]
        article = soup.select_one("article") or soup
        source = (src / post["path"]).read_text(encoding="utf-8", errors="replace")
        wanted = len(_HIGHLIGHT.findall(source))
        found = len(article.select("pre"))
        highlights, code_blocks = highlights + wanted, code_blocks + min(found, wanted)
        if found < wanted:
            short.append(post["path"])
        for element in article.select("a[href], img[src]"):
            target = str(element.get("href") if element.name == "a" else element.get("src"))
            if "headerlink" in (element.get("class") or []) or not target or urlsplit(target).scheme or target.startswith(("#", "//")):
                continue
            if _exists(site, url, target):
                links_ok += 1
            else:
                links_broken += 1
                broken_in_jekyll_too += not _exists(jekyll_site, post["url"], target)
        for element in article.select("pre, code"):
            element.decompose()
        if re.search(r"\{%|%\}|\{\{", article.get_text()):
            liquid.append(url)
    feeds = _feeds(jekyll_site)
    feeds_missing = [path for path in feeds if path not in _feeds(site, only=feeds)]
    return {
        "posts Jekyll publishes": len(posts),
        "reachable at their Jekyll URL": len(reachable),
        "missing": sorted(posts[k]["url"] for k in posts if k not in built)[:10],
        "posts built that Jekyll hides": len(hidden_built),
        "posts Jekyll overwrote, kept under a suffixed URL": len(suffixed),
        "built posts with Liquid outside code": len(liquid),
        "first with Liquid": liquid[:5],
        "pages whose cards or meta description show Liquid": len(summaries),
        "first of those": summaries[:5],
        "{% highlight %} blocks / code blocks for them": f"{highlights} / {code_blocks}",
        "posts with fewer code blocks than highlights": short[:5],
        "body links and images: resolve / broken (broken in Jekyll's build too)": f"{links_ok} / {links_broken} ({broken_in_jekyll_too})",
        "feeds Jekyll writes / a feed at their path in the MkDocs build": f"{len(feeds)} / {len(feeds) - len(feeds_missing)}",
        "feeds missing": feeds_missing[:10],
    }


def _feeds(site: Path, only: list[str] | None = None) -> list[str]:
    """Site paths of the feeds (Atom, RSS, JSON Feed) a build wrote (of `only`, when given)."""
    found = []
    paths = [site / p for p in only] if only is not None else sorted(site.rglob("*"))
    for path in paths:
        if not path.is_file() or path.suffix not in (".xml", ".atom", ".rss", ".json", ""):
            continue
        head = path.read_bytes()[:4000]
        if re.search(rb"<feed[\s>]|<rss[\s>]|jsonfeed\.org/version/", head):
            found.append(str(path.relative_to(site)).replace(os.sep, "/"))
    return found


def _liquid_in_summaries(site: Path) -> list[str]:
    """Pages of the MkDocs build with Liquid in a card's summary or in the meta description."""
    found = []
    for html in site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8", errors="replace"), "html.parser")
        texts = [p.get_text() for p in soup.select(".ctoblog-card__summary")]
        texts += [str(m.get("content", "")) for m in soup.select("meta[name=description], meta[property='og:description']")]
        if any(re.search(r"\{%|%\}|\{\{", text) for text in texts):
            found.append(str(html.relative_to(site)))
    return found


def _key(url: str) -> str:
    """A URL as both builds write it: `/x/`, `/x.html` and `/x` are one page."""
    path = unquote(url).removesuffix("index.html").removesuffix(".html").rstrip("/")
    return path


def _exists(site: Path, page_url: str, target: str) -> bool:
    path = unquote(urlsplit(target).path)
    if not path:
        return True
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    resolved = posixpath.normpath(posixpath.join(base, path)) if not path.startswith("/") else path
    candidate = site / resolved.lstrip("/")
    return candidate.is_file() or (candidate / "index.html").is_file() or Path(f"{candidate}.html").is_file()


if __name__ == "__main__":
    sys.exit(main())
