"""The README's configuration reference stays complete and in step with the config classes."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import config_options as c

from mkdocs_ctoblog.config import DEFAULT_STRINGS, CtoblogConfig

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def option_names(config_class, prefix=""):
    """Dotted names of every option; a sub-config is documented through its own options."""
    for name, option in config_class._schema:
        sub = getattr(option, "config_class", None)
        if isinstance(option, c.SubConfig) and sub is not None:
            yield from option_names(sub, prefix + name + ".")
        else:
            yield prefix + name


def test_every_option_is_in_the_readme():
    documented = set(re.findall(r"^\|\s*`([a-z_.]+)`", README, flags=re.MULTILINE))
    missing = []
    for full in option_names(CtoblogConfig):
        short = full.rsplit(".", 1)[-1]
        if full not in documented and short not in documented:
            missing.append(full)
    assert missing == []


def test_every_string_key_is_in_the_readme():
    strings_section = README.split("`strings` keys", 1)[1].split("\n\n", 1)[0]
    assert [key for key in DEFAULT_STRINGS if f"`{key}`" not in strings_section] == []


def test_ci_runs_the_readme_test_command():
    ci_run = (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    last_line = [line for line in ci_run.splitlines() if line.strip() and not line.startswith("#")][-1].strip()
    assert last_line in README
