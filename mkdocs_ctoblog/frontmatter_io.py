"""Split a post into front matter and body with python-frontmatter, tolerant of real Jekyll files."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

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
        """The front matter, read with `load_yaml`: a mapping, or RejectedFrontMatter (keys given
        twice are added to the list `duplicates=`, when given)."""
        duplicates = kwargs.get("duplicates")
        data = load_yaml(fm, duplicates if isinstance(duplicates, list) else None)
        if data is not None and not isinstance(data, dict):
            kind = "text" if isinstance(data, str) else "list" if isinstance(data, list) else type(data).__name__
            raise RejectedFrontMatter(f"is YAML {kind}, not a mapping of keys to values")
        return data


def load_yaml(text: str, duplicates: list[str] | None = None) -> Any:
    """A YAML document read with a safe loader; its node graph is measured before any value is
    built, so anchors and aliases cannot expand a few bytes into gigabytes (RejectedFrontMatter).
    Top-level keys given twice (YAML keeps the last) are added to `duplicates`."""
    loader = _TolerantLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if duplicates is not None and isinstance(node, yaml.MappingNode):
            keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
            duplicates.extend(sorted(key for key, count in Counter(keys).items() if count > 1))
        if _expanded_size(node) > NODE_BUDGET:
            raise RejectedFrontMatter(
                f"has more than {NODE_BUDGET:,} values once its aliases (*name) are expanded (or an alias inside itself)"
            )
        if _depth(node) > MAX_DEPTH:
            raise RejectedFrontMatter(f"nests lists or mappings more than {MAX_DEPTH} levels deep")
        return loader.construct_document(node)
    finally:
        loader.dispose()


NODE_BUDGET = 10_000
"""Values a post's front matter or the authors file may hold, aliases expanded (a long post's front
matter holds ~100)."""


MAX_DEPTH = 50
"""Levels of lists and mappings inside each other (code that walks the values stays far from
Python's recursion limit)."""


class RejectedFrontMatter(yaml.YAMLError):
    """Front matter that is valid YAML but not read: too large once expanded, or not a mapping."""


def _may_exceed_budget(fm: str) -> bool:
    """False when the text cannot hold NODE_BUDGET values: no alias (`*name`) to expand, and
    too short (`? ? ?` holds the most values per character, about one; twice that is the bound)."""
    return "*" in fm or len(fm) * 2 >= NODE_BUDGET


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _expanded_size(root: yaml.Node) -> float:
    """How many nodes the document holds with every alias expanded (infinite for a recursive
    alias), counted without expanding anything: each shared node's size is computed once."""
    sizes: dict[int, float] = {}
    visiting: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            visiting.discard(key)
            sizes[key] = total = 1 + sum(sizes[id(child)] for child in _children(node))
            if total > NODE_BUDGET:
                return total
            continue
        if key in sizes:
            continue
        if key in visiting:  # an alias inside its own anchor
            return float("inf")
        visiting.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    return sizes[id(root)]


def _depth(root: yaml.Node) -> int:
    """How deeply lists and mappings nest, without recursion (each node is visited once; called
    after `_expanded_size`, so there is no alias inside itself)."""
    depths: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        if finished:
            depths[id(node)] = 1 + max((depths[id(child)] for child in _children(node)), default=0)
        elif id(node) not in depths:
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node) if id(child) not in depths)
    return depths[id(root)]


_HANDLER = JekyllYAMLHandler()


@dataclass(frozen=True)
class SplitPost:
    """Front matter (a mapping, possibly empty), body, and the YAML problem if any."""

    meta: dict[str, Any]
    body: str
    error: str | None = None
    duplicates: tuple[str, ...] = ()


def split_post(text: str) -> SplitPost:
    """Read front matter and body; broken YAML gives an empty mapping, the body, and the error."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    duplicates: list[str] = []
    try:
        meta, body = _parse(text, duplicates)
    except RejectedFrontMatter as exc:
        return SplitPost({}, _body_after_front_matter(text), str(exc))
    except yaml.YAMLError as exc:
        return SplitPost({}, _body_after_front_matter(text), describe_yaml_error(exc, first_line=2))
    if not isinstance(meta, dict):
        return SplitPost({}, _body_after_front_matter(text), "front matter is not a mapping of keys to values")
    if text.startswith("---") and body == text.strip():
        # A lone `---` without a closing line: no front matter at all.
        return SplitPost({}, body)
    return SplitPost({str(k): v for k, v in meta.items()}, body, duplicates=tuple(duplicates))


def _parse(text: str, duplicates: list[str]) -> tuple[Any, str]:
    """`frontmatter.parse` with our handler, collecting the keys given twice."""
    text = text.strip()
    try:
        fm, body = _HANDLER.split(text)
    except ValueError:
        return {}, text
    return _HANDLER.load(fm, duplicates=duplicates) or {}, body.strip()


def raw_scalar(text: str, key: str) -> str | None:
    """The literal text of a top-level scalar in the front matter (`yes` rather than True)."""
    node = _value_node(text, key)
    return str(node.value) if isinstance(node, yaml.ScalarNode) else None


def raw_items(text: str, key: str) -> list[str | None]:
    """The literal text of each scalar in a top-level list of the front matter (`[True, yes]`
    rather than [True, True]); None for an item that is not a scalar, [] when `key` is no list."""
    node = _value_node(text, key)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [str(item.value) if isinstance(item, yaml.ScalarNode) else None for item in node.value]


def _value_node(text: str, key: str) -> yaml.Node | None:
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    try:
        fm, _ = _HANDLER.split(text.strip())
        node = yaml.compose(fm, Loader=_TolerantLoader)
    except (ValueError, yaml.YAMLError):
        return None
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if key_node.value == key:
            return value_node
    return None


def _body_after_front_matter(text: str) -> str:
    try:
        return _HANDLER.split(text.strip())[1].strip()
    except ValueError:
        return text.strip()


def describe_yaml_error(exc: yaml.YAMLError, *, first_line: int = 1) -> str:
    """One line for a YAML error: the problem and its line in the file (`first_line` is the file's
    line of the YAML's first line: 2 for front matter after its opening `---`)."""
    if isinstance(exc, RejectedFrontMatter):
        return str(exc)
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is not None:
        return f"invalid YAML at line {mark.line + first_line}: {problem}"
    return f"invalid YAML: {problem}"
