"""Split a post into front matter and body with python-frontmatter, tolerant of real Jekyll files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _TolerantLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """PyYAML's safe loader, except that an impossible timestamp (`2023-02-30`) stays a string.

    PyYAML raises ValueError while constructing such a value, which would lose the whole
    front matter; as a string it reaches our date parser, which names the key in a warning.
    """


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_TolerantLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


class JekyllYAMLHandler(YAMLHandler):
    """YAML front matter opened by `---` and closed by `---` or `...` (YAML's document end)."""

    FM_BOUNDARY = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)

    def detect(self, text: str) -> bool:
        return text.startswith("---")

    def split(self, text: str) -> tuple[str, str]:
        if not self.detect(text):
            raise ValueError("no front matter")
        return super().split(text)

    def load(self, fm: str, **kwargs: object) -> Any:
        return yaml.load(fm, Loader=_TolerantLoader)  # a safe loader


_HANDLER = JekyllYAMLHandler()


@dataclass(frozen=True)
class SplitPost:
    """Front matter (a mapping, possibly empty), body, and the YAML problem if any."""

    meta: dict[str, Any]
    body: str
    error: str | None = None


def split_post(text: str) -> SplitPost:
    """Read front matter and body; broken YAML gives an empty mapping, the body, and the error."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    try:
        meta, body = frontmatter.parse(text, handler=_HANDLER)
    except yaml.YAMLError as exc:
        return SplitPost({}, _body_after_front_matter(text), _describe_yaml_error(exc))
    if not isinstance(meta, dict):
        return SplitPost({}, _body_after_front_matter(text), "front matter is not a mapping of keys to values")
    if text.startswith("---") and body == text.strip():
        # A lone `---` without a closing line: no front matter at all.
        return SplitPost({}, body)
    return SplitPost({str(k): v for k, v in meta.items()}, body)


def raw_scalar(text: str, key: str) -> str | None:
    """The literal text of a top-level scalar in the front matter (`yes` rather than True)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    try:
        fm, _ = _HANDLER.split(text.strip())
        node = yaml.compose(fm, Loader=_TolerantLoader)
    except (ValueError, yaml.YAMLError):
        return None
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if key_node.value == key and isinstance(value_node, yaml.ScalarNode):
            return str(value_node.value)
    return None


def _body_after_front_matter(text: str) -> str:
    try:
        return _HANDLER.split(text.strip())[1].strip()
    except ValueError:
        return text.strip()


def _describe_yaml_error(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is not None:
        # +2: the opening `---` is line 1 of the file, and marks count from 0.
        return f"invalid YAML at line {mark.line + 2}: {problem}"
    return f"invalid YAML: {problem}"
