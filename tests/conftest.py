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


# -- The example site, built once per session, and one Chromium for the browser tests ---------------

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SITE = ROOT / "example-site"


def mkdocs_cli_build(config_file: Path, site_dir: Path) -> Path:
    """`mkdocs build --strict` in a child process (the command users run); returns `site_dir`."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        capture_output=True, text=True, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, f"mkdocs build -f {config_file} failed:\n{result.stderr[-4000:]}"
    return site_dir


def timed_cli_build(root: Path, docs: dict[str, str], *, plugin: bool) -> tuple[float, Any]:
    """`mkdocs build --strict` of `docs` in a child process, with ctoblog or without (search only):
    the CPU seconds it used (not stretched by other processes on a busy machine) and the finished
    process."""
    import sys

    from tools.cputime import run_child

    write_tree(root / "docs", docs)
    plugins = ["search", "ctoblog"] if plugin else ["search"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump({"site_name": "S", "site_url": "https://example.com/",
                                                     "theme": "mkdocs", "plugins": plugins}), encoding="utf-8")
    return run_child([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, capture_output=True,
                     text=True, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """example-site/ built with its own mkdocs.yml (Material) into a temp dir."""
    return mkdocs_cli_build(EXAMPLE_SITE / "mkdocs.yml", tmp_path_factory.mktemp("example-material") / "site")


@pytest.fixture(scope="session")
def example_site_mkdocs_theme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """example-site/ with `theme: mkdocs` (the rest of its mkdocs.yml inherited)."""
    root = tmp_path_factory.mktemp("example-mkdocs")
    config = root / "mkdocs.yml"
    config.write_text(
        yaml.safe_dump({"INHERIT": str(EXAMPLE_SITE / "mkdocs.yml"), "docs_dir": str(EXAMPLE_SITE / "docs"),
                        # the site highlights code with pymdownx; the theme's highlight.js would come from a CDN
                        "theme": {"name": "mkdocs", "highlightjs": False}}),
        encoding="utf-8",
    )
    return mkdocs_cli_build(config, root / "site")


@pytest.fixture(scope="session")
def chromium_browser() -> Any:
    """Debian's Chromium through Playwright, once per session (a missing one fails, never skips)."""
    from tools.browser import chromium

    with chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def example_servers(example_site: Path, example_site_mkdocs_theme: Path) -> Any:
    """Both example builds served on 127.0.0.1 (`{"material": SiteServer, "mkdocs": SiteServer}`)."""
    from tools.browser import serve_site

    with serve_site(example_site) as material, serve_site(example_site_mkdocs_theme) as mkdocs:
        yield {"material": material, "mkdocs": mkdocs}
