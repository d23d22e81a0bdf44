"""The output-path guard: every path the plugin writes is normalised and stays inside `site_dir`.

Pure functions, no MkDocs. A path is normalised the same way on every platform, so the file
system only ever sees the normalised form: backslashes are separators (as on Windows); each
segment loses trailing dots and spaces (as Windows drops them: `.. ` is `..`, `a.` is `a`);
segments of dots only are `.` (`...` too) or `..`; characters that Unicode compatibility
folds to `.`, `/` or `\\` (full-width `．．／`, the dot leaders) count as those; empty segments
are dropped. A URL (a permalink, a post URL) is percent-decoded once first, as Jekyll and
browsers do. What cannot be made safe raises `UnsafePath`: a control character (NUL…), a drive
letter (`C:`), a character Windows forbids in file names (`<>:"|?*`) or `#`, a segment longer
than a file name may be, an absurdly long path.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote

MAX_SEGMENT_BYTES = 255  # a file name on ext4, APFS, NTFS
MAX_PATH_BYTES = 1024  # under site_dir; PATH_MAX is 4096 and site_dir needs its share

_SEPARATORS = {"/", "\\"}
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"|?*#]')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Segments of letters, digits, `_` and `-`, with single dots inside: nothing above to change or refuse.
_PLAIN = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*(?:/[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)*/?")


class UnsafePath(ValueError):
    """A path that cannot be written safely; the message says why (`contains a drive letter`)."""


@dataclass(frozen=True)
class Normalised:
    """A path inside the site (`blog/x/index.html`, no leading slash); `has_parent` when it had a
    `..` segment, `above_root` when one went above the root and was dropped; `folder` when it
    named a folder (`blog/x/`)."""

    path: str
    above_root: bool
    folder: bool
    has_parent: bool = False


def normalise(path: str, *, url: bool = False) -> Normalised:
    """`path` normalised (see the module docstring); a `url` is percent-decoded once first."""
    if len(path) <= MAX_SEGMENT_BYTES and _PLAIN.fullmatch(path):  # most paths: already normal
        folder = path.endswith("/")
        return Normalised(path[:-1] if folder else path, above_root=False, folder=folder)
    if url:
        _check_characters(path)
        try:
            path = unquote(path, errors="strict")
        except UnicodeDecodeError:
            raise UnsafePath("is not UTF-8 once percent-decoded") from None
    _check_characters(path)
    path = _fold_lookalikes(path).replace("\\", "/")
    kept: list[str] = []
    above_root = has_parent = False
    segments = path.split("/")
    for segment in segments:
        trimmed = segment.rstrip(" ")
        if trimmed and set(trimmed) == {"."}:
            if trimmed == "..":
                has_parent = True
                if kept:
                    kept.pop()
                else:
                    above_root = True
            continue
        name = segment.rstrip(" .")
        if not name:
            continue
        if len(name) >= 2 and name[1] == ":" and name[0].isascii() and name[0].isalpha():
            raise UnsafePath(f"contains a drive letter ('{name[:2]}')")
        reserved = _NOT_IN_FILE_NAMES.search(name)
        if reserved is not None:
            raise UnsafePath(f"contains '{reserved[0]}', which Windows does not allow in file names (and '?' or '#' ends a URL's path)")
        if len(name.encode("utf-8")) > MAX_SEGMENT_BYTES:
            raise UnsafePath(f"has a path segment longer than {MAX_SEGMENT_BYTES} bytes")
        kept.append(name)
    result = "/".join(kept)
    if len(result.encode("utf-8")) > MAX_PATH_BYTES:
        raise UnsafePath(f"is longer than {MAX_PATH_BYTES} bytes")
    last = segments[-1].rstrip(" ")
    folder = not last or set(last) == {"."}
    return Normalised(result, above_root, folder, has_parent)


def inside(path: str, *, url: bool = False) -> str:
    """`path` normalised; `UnsafePath` when it leaves the site folder (a `..` above the root)."""
    found = normalise(path, url=url)
    if found.above_root:
        raise UnsafePath("leaves the site folder ('..' above the root)")
    return found.path


def collision_key(path: str) -> str:
    """What two paths that are one file on some file system share: the normalised path,
    composed (NFC, as macOS compares names) and case-folded (as macOS and Windows do)."""
    return unicodedata.normalize("NFC", inside(path)).casefold()


def site_file(site_dir: str, path: str) -> str:
    """Absolute path to write `path` (site-relative) to; `UnsafePath` unless it lies inside
    `site_dir` once symbolic links are followed. The last defence before a file is written."""
    root = os.path.realpath(site_dir)
    target = os.path.realpath(os.path.join(root, *inside(path).split("/")))
    if target == root or os.path.commonpath([root, target]) != root:
        raise UnsafePath(f"'{path}' resolves outside the site folder '{site_dir}'")
    return target


def _check_characters(path: str) -> None:
    bad = _CONTROL.search(path)
    if bad is not None:
        raise UnsafePath(f"contains a control character ({bad[0]!r})")
    if _SURROGATE.search(path):
        raise UnsafePath("contains a lone surrogate (not text)")


def _fold_lookalikes(path: str) -> str:
    """Characters that NFKC folds to `.`, `/` or `\\` (`．` U+FF0E, `／` U+FF0F, `‥` U+2025) as those."""
    if path.isascii():
        return path
    return "".join(_lookalike(ch) if ord(ch) > 0x7F else ch for ch in path)


def _lookalike(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if folded and set(folded) <= {".", *_SEPARATORS} else ch
