"""Posts and pages of a Jekyll site as they will be written: doc path, Jekyll's URL, front matter, body."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from mkdocs_ctoblog import dates
from mkdocs_ctoblog.frontmatter_io import split_post
from mkdocs_ctoblog.jekyll import permalink
from mkdocs_ctoblog.jekyll.site_config import SiteConfig
from mkdocs_ctoblog.jekyll.tree import SourceFile, post_name

# Front-matter defaults that mean something to ctoblog; others (layout, comments...) stay behind.
INHERITED = ("author", "authors", "categories", "category", "tags", "image", "description", "published", "permalink")
_LISTING = re.compile(r"\{%-?\s*for\s+\w+\s+in\s+(paginator\.posts|site\.posts|site\.categories|site\.tags)")


@dataclass
class Entry:
    """One post or page: `doc` is its path below docs/, `url` the site path Jekyll gave it (no
    leading `/`), `meta` the front matter to write."""

    source: SourceFile
    doc: str
    url: str
    meta: dict[str, Any]
    body: str
    problem: str | None = None
    date: dt.datetime | None = None  # a post's, as the plugin reads it


def read_entry(config: SiteConfig, file: SourceFile, doc: str, kind: str) -> Entry:
    """A file's front matter (Jekyll's defaults for its path merged under it) and body."""
    with open(os.path.join(config.source, file.rel), encoding="utf-8-sig") as f:
        split = split_post(f.read())
    defaults = config.defaults_for(file.rel, kind)
    meta = {key: value for key, value in defaults.items() if key in INHERITED}
    meta.update(split.meta)
    problem = f"{file.rel}: front matter {split.error}; imported without it, as Jekyll reads it" if split.error else None
    return Entry(file, doc, "", meta, split.body, problem)


def with_cover_path(meta: dict[str, Any]) -> None:
    """Theme-shaped covers (`image: {feature: x.jpg, thumbnail: ...}` of So Simple and Minimal
    Mistakes, `{src: ...}`) as ctoblog's `{path, alt}`."""
    image = meta.get("image")
    if not isinstance(image, dict) or isinstance(image.get("path"), str):
        return
    path = next((image[k] for k in ("feature", "src", "teaser", "thumbnail", "og_image") if isinstance(image.get(k), str)), None)
    if path is None:
        return
    alt = image.get("alt") or image.get("caption")
    meta["image"] = {"path": path, "alt": alt} if isinstance(alt, str) else {"path": path}


def media_subpath(meta: Mapping[str, Any]) -> str | None:
    """Chirpy's `media_subpath` (`img_path` before Chirpy 6.3) as a site folder (`/assets/img/x/`):
    where its relative image paths are."""
    base = meta.get("media_subpath", meta.get("img_path"))
    if not isinstance(base, str) or not base.strip() or "://" in base:
        return None
    return "/" + base.strip().strip("/") + "/"


def with_media_subpath(meta: dict[str, Any]) -> None:
    """A relative cover path below Chirpy's `media_subpath`, as Chirpy shows it."""
    base = media_subpath(meta)
    image = meta.get("image")
    if base is None:
        return
    if isinstance(image, dict) and isinstance(image.get("path"), str) and _relative(image["path"]):
        meta["image"] = {**image, "path": posixpath.join(base, image["path"])}
    elif isinstance(image, str) and _relative(image):
        meta["image"] = posixpath.join(base, image)


def _relative(path: str) -> bool:
    return bool(path.strip()) and "://" not in path and not path.startswith(("/", "data:"))


def post_doc(file: SourceFile) -> str:
    """Where a post goes: `blog/posts/`, then the folders above `_posts` (its categories), then its
    path below `_posts`, as `.md`; drafts under `blog/posts/drafts/`."""
    special = "_posts" if file.kind == "post" else "_drafts"
    below = file.rel.split(special + "/", 1)[1] if f"{special}/" in file.rel else file.rel
    folders = "/".join(file.categories)
    stem = posixpath.splitext(below)[0]
    parts = ["blog/posts", "drafts" if file.kind == "draft" else "", folders, stem + ".md"]
    return "/".join(part for part in parts if part)


def with_folder_categories(meta: dict[str, Any], categories: tuple[str, ...]) -> None:
    """Jekyll adds the folders above `_posts` to a post's `categories`, after its own."""
    if not categories:
        return
    given = meta.get("categories")
    listed = given.split() if isinstance(given, str) else list(given) if isinstance(given, list) else [] if given is None else [given]
    meta["categories"] = listed + [c for c in categories if c not in listed]


def draft_date(config: SiteConfig, file: SourceFile, tz: dt.tzinfo) -> str:
    """Jekyll dates a draft without a date by its file's modification time."""
    stamp = os.path.getmtime(os.path.join(config.source, file.rel))
    return dt.datetime.fromtimestamp(stamp, tz).strftime("%Y-%m-%d %H:%M:%S %z")


def page_url(config: SiteConfig, rel: str, meta: dict[str, Any], collection: tuple[str, str | None] | None = None) -> str:
    """The URL Jekyll gives a page (`Page#template`, `Collection#url_template` and
    `Utils.add_permalink_suffix` of 4.3), without its leading `/`; `collection` is the name and
    `permalink` of the collection a document belongs to."""
    folder, name = posixpath.split(rel)
    basename = posixpath.splitext(name)[0]
    given = meta.get("permalink")
    values = {"path": "/" + folder, "basename": basename, "output_ext": ".html", "name": name}
    if collection is not None:
        values |= _document_values(config, rel, meta, collection[0])
    if isinstance(given, str) and given.strip():
        template = given.strip()
    elif collection is not None and collection[1]:
        template = collection[1]
    elif basename == "index" and collection is None:
        template = "/:path/"
    else:
        template = _with_suffix("/:collection/:path" if collection is not None else "/:path/:basename", config.permalink)
    url = re.sub(r":([a-z_]+)", lambda m: values.get(m.group(1), m.group(0)), template)
    url = re.sub(r"/+", "/", "/" + url)
    return url.lstrip("/")


def _document_values(config: SiteConfig, rel: str, meta: dict[str, Any], collection: str) -> dict[str, str]:
    """The placeholders of a collection document (Jekyll's `UrlDrop`): its slug and date come
    from a `YYYY-MM-DD-slug` file name as a post's do (`Document#populate_title`)."""
    below = rel.split("/", 1)[1]  # the path inside `_<collection>/`
    basename = posixpath.splitext(posixpath.basename(rel))[0]
    named = post_name(posixpath.basename(rel))
    given = meta.get("slug")
    slug = str(given) if given not in (None, "") else permalink.file_slug(named.group(2) if named else basename)
    tz = ZoneInfo(config.timezone or "UTC")
    date = document_date(rel, meta, tz)
    facts = permalink.PostFacts(
        date=(date or dates.now()).astimezone(tz), basename=basename, slug=slug,
        categories=permalink.categories(meta), path="/" + posixpath.splitext(below)[0],
    )
    return permalink.placeholders(facts) | {"collection": collection}


def document_date(rel: str, meta: dict[str, Any], tz: ZoneInfo) -> dt.datetime | None:
    """A collection document's date: front matter `date`, else its file name's, else None."""
    try:
        if meta.get("date") is not None:
            return dates.parse_date(meta["date"], tz)
    except dates.DateError:
        pass
    file_date, _, _ = dates.split_filename(posixpath.splitext(posixpath.basename(rel))[0])
    return dates.to_aware(file_date, tz) if file_date is not None else None


def _with_suffix(template: str, style: str) -> str:
    """`Utils.add_permalink_suffix`: what the site's permalink style puts after a page's path."""
    if style == "pretty" or (style not in ("date", "ordinal", "none", "weekdate") and style.endswith("/")):
        return template + "/"
    if style in ("date", "ordinal", "none", "weekdate") or style.endswith(":output_ext"):
        return template + ":output_ext"
    return template


def mkdocs_url(doc: str) -> str:
    """The URL MkDocs gives a doc with directory URLs."""
    stem = posixpath.splitext(doc)[0]
    if posixpath.basename(stem) in ("index", "README"):
        folder = posixpath.dirname(stem)
        return folder + "/" if folder else ""
    return stem + "/"


def is_listing(body: str) -> bool:
    """A page that lists posts with a Liquid loop (a home page, an archive): the plugin's lists replace it."""
    return _LISTING.search(body) is not None


def dest_url(dest_uri: str) -> str:
    """The URL of an output file with directory URLs: `x/index.html` → `x/`."""
    return dest_uri.removesuffix("index.html")
