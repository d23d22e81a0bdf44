"""Compiled Jinja templates kept across the rebuilds of one `mkdocs serve`.

MkDocs makes a new Jinja environment for every build, so without this each rebuild parses and
compiles the theme's templates again (Material's: about a quarter of a second). Jinja's own
bytecode cache API keeps the compiled code: an entry is used only for the same file with the same
source (Jinja compares a checksum of the source) and the same environment settings (below).
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping

import jinja2
from jinja2.bccache import Bucket


class TemplateCache(jinja2.BytecodeCache):
    """An in-memory `jinja2.BytecodeCache`; give it to an environment as its `bytecode_cache`."""

    def __init__(self) -> None:
        self._code: dict[tuple[object, str], bytes] = {}
        self._settings: weakref.WeakKeyDictionary[jinja2.Environment, tuple[object, ...]] = weakref.WeakKeyDictionary()

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get((self._settings_of(bucket.environment), bucket.key))
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it when the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[(self._settings_of(bucket.environment), bucket.key)] = bucket.bytecode_to_string()

    def _settings_of(self, env: jinja2.Environment) -> tuple[object, ...]:
        settings = self._settings.get(env)
        if settings is None:
            settings = self._settings[env] = _settings(env)
        return settings


def _settings(env: jinja2.Environment) -> tuple[object, ...]:
    """What the compiled code of a template depends on besides its source: syntax and whitespace
    options, extensions, and which filters and tests exist and what they are passed."""
    autoescape = env.autoescape if isinstance(env.autoescape, bool) else id(env.autoescape)

    def passed(functions: Mapping[str, object]) -> tuple[tuple[str, object], ...]:
        return tuple(sorted((name, str(getattr(f, "jinja_pass_arg", ""))) for name, f in functions.items()))

    return (
        passed(env.filters), passed(env.tests), env.is_async,
        tuple(sorted(env.extensions)),
        env.block_start_string, env.block_end_string,
        env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        env.optimized, autoescape,
    )
