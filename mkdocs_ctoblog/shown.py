"""Values as warnings and errors show them: cut before they are formatted, so a huge or deeply
nested front-matter value costs no more to report than a short one."""

from __future__ import annotations

import reprlib

LIMIT = 80

_REPR = reprlib.Repr()
_REPR.maxstring = LIMIT
_REPR.maxother = LIMIT
_REPR.maxlist = _REPR.maxtuple = _REPR.maxset = _REPR.maxfrozenset = _REPR.maxdict = 4
_REPR.maxlevel = 2


def shown(value: object) -> str:
    """`'text'` for strings, a bounded `repr` otherwise; at most `LIMIT` characters."""
    text = "'" + value[: LIMIT - 5] + ("..." if len(value) > LIMIT - 5 else "") + "'" if isinstance(value, str) else _REPR.repr(value)
    return text if len(text) <= LIMIT else text[: LIMIT - 3] + "..."
