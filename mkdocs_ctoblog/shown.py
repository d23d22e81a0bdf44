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


# Characters that end a line (`str.splitlines`): written as escapes, so a message stays one line.
_LINE_BREAKS = {ord(c): c.encode("unicode_escape").decode() for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


def shown(value: object) -> str:
    """`'text'` for strings (line breaks as `\\n`), a bounded `repr` otherwise; at most `LIMIT`
    characters, one line."""
    if isinstance(value, str):
        text = "'" + value[: LIMIT - 5].translate(_LINE_BREAKS) + ("..." if len(value) > LIMIT - 5 else "") + "'"
    else:
        text = _REPR.repr(value)
    return text if len(text) <= LIMIT else text[: LIMIT - 3] + "..."
