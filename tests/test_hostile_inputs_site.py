"""Red-team variants of issue 10's classes: each is one warning line naming file and key (a config
error for mkdocs.yml), `--strict` fails, no traceback, nothing outside the site, docs/ unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import post
from test_safety_site import ALIAS_BOMB, cli_build, warning_lines

POST = "blog/posts/2024-01-01-p.md"
AUTHORS = "blog/.authors.yml"


def docs_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root / "docs").as_posix(): p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}


def assert_one_warning(result, *parts: str) -> str:
    warnings = warning_lines(result)
    assert result.returncode == 1, result.stderr[-2000:]
    assert len(warnings) == 1, warnings
    for part in parts:
        assert part in warnings[0], warnings
    return warnings[0]


# -- the authors file: the same guard as front matter --------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (ALIAS_BOMB + "\nann: {name: Ann}\n", "authors file has more than 10,000 values once its aliases"),
        ("a: &a [*a]\nann: {name: Ann}\n", "authors file has more than 10,000 values"),
        (b"\xff\xfe\x00ann: {name: Ann}\n", "authors file: expected UTF-8 text (invalid start byte at byte 0)"),
        ("ann:\n  name: Ann\n   bad: [\n", "authors file invalid YAML at line 3: mapping values are not allowed"),
        ("ann: !!python/object:os.system {name: Ann}\n", "authors file invalid YAML at line 1: could not determine a constructor"),
    ],
)
def test_authors_file_is_bounded_and_one_line(tmp_path, content, expected):
    docs = {POST: post("title: T\nauthor: ann"), AUTHORS: content}
    result = cli_build(tmp_path, docs)
    line = assert_one_warning(result, f"{AUTHORS}: {expected}", "no authors read")
    assert len(line) < 400
    assert (tmp_path / "site/blog/p/index.html").is_file()
