"""What XML can carry: characters XML 1.0 does not allow left out, over-long text cut, and an entry's
HTML dropped for its summary when it is too large, each reported as one line."""

from __future__ import annotations

import re
from dataclasses import fields, replace
from typing import Any

from mkdocs_ctoblog.feeds.model import Enclosure, Entry, Person

# Characters XML 1.0 does not allow (C0 controls but tab and newlines, surrogates, U+FFFE/U+FFFF).
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
MAX_CONTENT = 1_000_000
"""Characters of an entry's HTML: a larger post gets its summary only (libxml2 stops at 10 MB)."""
MAX_TEXT = 10_000
"""Characters of any other text of an entry (title, summary, names)."""


def xml_text(text: str) -> tuple[str, int]:
    """`text` without the characters XML does not allow, and how many were removed."""
    cleaned, count = _XML_INVALID.subn("", text)
    return cleaned, count


def clean_entry(entry: Entry) -> tuple[Entry, list[str]]:
    """`entry` as every feed format can carry it, and one line per problem found."""
    removed = 0
    cut: list[str] = []

    def clean(value: Any, name: str) -> Any:
        nonlocal removed
        if name == "content" and isinstance(value, str) and len(value) > MAX_CONTENT:
            return value  # dropped below: not worth a pass over megabytes
        if isinstance(value, str):
            value, count = xml_text(value)
            removed += count
            if name != "content" and len(value) > MAX_TEXT:
                cut.append(name)
                value = value[: MAX_TEXT - 1] + "…"
            return value
        if isinstance(value, tuple):
            return tuple(clean(item, name) for item in value)
        if isinstance(value, (Entry, Person, Enclosure)):
            return replace(value, **{f.name: clean(getattr(value, f.name), f.name) for f in fields(value)})
        return value

    cleaned: Entry = clean(entry, "entry")
    problems = []
    if removed:
        problems.append(f"{removed} characters that XML does not allow (control characters) left out of its feed entry")
    if cut:
        problems.append(f"{', '.join(sorted(set(cut)))} longer than {MAX_TEXT:,} characters: cut in its feed entry")
    if cleaned.content is not None and len(cleaned.content) > MAX_CONTENT:
        problems.append(
            f"{len(cleaned.content):,} characters of HTML is too large for a feed entry "
            f"(at most {MAX_CONTENT:,}): the entry carries its summary"
        )
        cleaned = replace(cleaned, content=None)
    return cleaned, problems
