"""Shared fixtures: build real MkDocs sites from dicts into tmp_path and parse the output."""

from __future__ import annotations

import logging
import os
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# 2026-11-25 00:00 UTC: fixed "now" for every build in the tests (reproducible-builds convention).
os.environ["SOURCE_DATE_EPOCH"] = "1795564800"

MATERIAL = {"name": "material", "font": False}


class Site:
    """A built site: its folders, and helpers to read pages with BeautifulSoup."""

    def __init__(self, root: Path, config: Any) -> None:
        self.root = root
        self.config = config
        self.site_dir = Path(config.site_dir)
        self.docs_dir = Path(config.docs_dir)

    def path(self, url: str) -> Path:
        """The output file of a site URL (`blog/x/` → blog/x/index.html)."""
        target = self.site_dir / url
        return target / "index.html" if url.endswith("/") or url == "" else target

    def exists(self, url: str) -> bool:
        return self.path(url).is_file()

    def soup(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(url).read_text(encoding="utf-8"), "html.parser")

    def text(self, url: str) -> str:
        return self.path(url).read_text(encoding="utf-8")


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8", newline="")


def post(front_matter: str, body: str = "Some text for the body.\n") -> str:
    """A post file from front matter lines (dedented) and a body."""
    return f"---\n{textwrap.dedent(front_matter).strip()}\n---\n{body}"


BuildSite = Callable[..., Site]


@pytest.fixture
def build_site(tmp_path: Path) -> BuildSite:
    """Write mkdocs.yml and docs/ from dicts, build with MkDocs itself, return the `Site`.

    `plugin` is the ctoblog config; `command` is passed to on_startup ("build" or "serve");
    `root_files` are written next to mkdocs.yml (theme overrides).
    """
    counter = {"n": 0}

    def _build(
        docs: dict[str, str | bytes],
        *,
        plugin: dict[str, Any] | None = None,
        theme: dict[str, Any] | str = MATERIAL,
        command: str = "build",
        strict: bool = False,
        root_files: dict[str, str | bytes] | None = None,
        **overrides: Any,
    ) -> Site:
        counter["n"] += 1
        root = tmp_path / f"site{counter['n']}"
        docs = {"index.md": "# Home\n", **docs}
        write_tree(root / "docs", docs)
        write_tree(root, root_files or {})
        plugins: list[Any] = ["search", {"ctoblog": plugin or {}}]
        mkdocs_yml = {
            "site_name": "Test blog",
            "site_url": "https://example.com/",
            "theme": theme,
            "plugins": plugins,
            **{k: v for k, v in overrides.items() if k not in ("config_file",)},
        }
        (root / "mkdocs.yml").write_text(yaml.safe_dump(mkdocs_yml), encoding="utf-8")
        config = load_config(str(root / "mkdocs.yml"), strict=strict)
        config.plugins.on_startup(command=command, dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        return Site(root, config)

    return _build


@pytest.fixture
def warnings_of(caplog: pytest.LogCaptureFixture) -> Callable[[], list[str]]:
    """The warning lines logged so far (what `--strict` counts)."""
    caplog.set_level(logging.INFO)

    def _warnings() -> list[str]:
        return [
            r.getMessage().removeprefix("mkdocs_ctoblog: ")
            for r in caplog.records
            if r.levelno >= logging.WARNING and r.name.startswith("mkdocs")
        ]

    return _warnings
