"""A file of the build by its doc path, without MkDocs' path parsing for paths already in its form."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.structure.files import File, Files

# No empty, `.` segment or leading, trailing or doubled `/`: `PurePath(path).as_posix()` is `path`.
_PLAIN = re.compile(r"(?!\.(?:/|$))[^/]+(?:/(?!\.(?:/|$))[^/]+)*")


def file_at(files: Files, path: str) -> File | None:
    """`files.get_file_from_path(path)`; a plain path is looked up directly (MkDocs makes a
    `PurePath` of each: at 10,000 posts, tens of thousands a build)."""
    if _PLAIN.fullmatch(path):
        return files.src_uris.get(path)
    return files.get_file_from_path(path)
