"""The generated Jekyll-style posts as Material for MkDocs' blog plugin wants them.

Material's blog reads `date` (a date, or `{created, updated}`), `categories` (a list) and
`authors` (ids defined in `blog/.authors.yml`); it does not read Jekyll's date strings with
offsets, `category`, space-separated `categories` or `author`. So each post keeps its title,
description and body, gets `date` from its file name, its categories as a list and its author as
an id, and an excerpt separator (`<!-- more -->`) after its first paragraph, as Material's docs
recommend (without one, Material's index pages carry every post in full).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import yaml

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _names(value: object, *, split: bool) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, str):
        return value.split() if split else [value]
    return []


def convert(docs: Path, out: Path) -> int:
    """Copy `docs` to `out` with every post's front matter converted; returns the post count."""
    shutil.copytree(docs, out, dirs_exist_ok=True)
    authors: dict[str, dict[str, str]] = {}
    posts = sorted((out / "blog" / "posts").glob("*.md"))
    for path in posts:
        text = path.read_text(encoding="utf-8")
        match = _FRONT.match(text)
        meta = yaml.safe_load(match[1]) if match else {}
        body = text[match.end():] if match else text
        categories = _names(meta.get("category"), split=False) + _names(meta.get("categories"), split=True)
        new: dict[str, object] = {"title": str(meta.get("title") or path.stem[11:]), "date": dt.date.fromisoformat(path.stem[:10])}
        if meta.get("description"):
            new["description"] = str(meta["description"])
        if categories:
            new["categories"] = list(dict.fromkeys(categories))
        if meta.get("author"):
            name = str(meta["author"])
            authors[_slug(name)] = {"name": name, "description": "Author", "avatar": "https://example.com/avatar.png"}
            new["authors"] = [_slug(name)]
        paragraphs = body.lstrip("\n").split("\n\n", 1)
        body = paragraphs[0] + "\n\n<!-- more -->\n\n" + (paragraphs[1] if len(paragraphs) > 1 else "")
        path.write_text("---\n" + yaml.safe_dump(new, allow_unicode=True, sort_keys=False) + "---\n\n" + body,
                        encoding="utf-8")
    (out / "blog" / ".authors.yml").write_text(yaml.safe_dump({"authors": authors}), encoding="utf-8")
    return len(posts)
