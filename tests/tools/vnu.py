"""Nu Html Checker (vnu.jar, from npm ``vnu-jar``) and the Jing RELAX NG validator inside it.

    from tools.vnu import run_vnu, errors, format_messages, jing, ATOM_RNC
    msgs = run_vnu(sorted(site.rglob("*.html")))          # one JVM for all files (~3 s for 6 pages)
    bad = errors(msgs)
    assert not bad, format_messages(bad, root=site)

    r = jing(ATOM_RNC, site / "blog/atom.xml")             # Atom 1.0 schema, RFC 4287
    assert r.returncode == 0, r.stdout + r.stderr

The jar is ``$CI_TOOLS/node_modules/vnu-jar/build/dist/vnu.jar`` (``CI_TOOLS`` defaults to the
repo's ``.ci-tools/``; ``.ci/install.sh`` puts it there). A missing jar or java raises
``ToolMissing``: these checks never skip.
"""

from __future__ import annotations

import html.parser
import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from . import ATOM_RNC, CI_TOOLS, ToolMissing

__all__ = ["ATOM_RNC", "MATERIAL_NOISE", "VNU_JAR", "ToolMissing", "errors", "format_messages", "jing",
           "located_in", "markup_lines", "run_vnu"]

VNU_JAR = CI_TOOLS / "node_modules/vnu-jar/build/dist/vnu.jar"

# Messages about Material for MkDocs' own markup, which this project does not own (matched
# against "message  extract"): its hidden drawer/search checkboxes carry autocomplete="off", and on
# a page that is not in the nav (every blog post) its TOC title is a <label for="__toc"> whose
# checkbox Material renders only for nav pages (a plain build without the plugin has the same).
MATERIAL_NOISE: tuple[re.Pattern[str], ...] = (
    re.compile(r"Attribute “autocomplete” is only allowed when the input type is"),
    re.compile(r"“for” attribute of the “label” element must be the ID of a non-hidden form control.*"
               r'<label class="md-nav__title" for="__toc">', re.DOTALL),
)


def _java_cmd() -> list[str]:
    if not VNU_JAR.is_file():
        raise ToolMissing(f"vnu.jar not found at {VNU_JAR} (CI_TOOLS={CI_TOOLS}); run: bash .ci/install.sh")
    java = shutil.which("java")
    if not java:
        raise ToolMissing("java not found on PATH (vnu.jar needs Java 11+); run: bash .ci/install.sh")
    return [java, "-Xss8m"]


def run_vnu(paths: Iterable[Path | str], *, ignore: Sequence[re.Pattern[str] | str] = MATERIAL_NOISE,
            css: bool = False, timeout: float = 600) -> list[dict]:
    """Validate HTML files (or folders: their ``*.html``) in one JVM; return vnu's JSON messages.

    Each message is a dict with ``type`` ("error" | "info" | "non-document-error"), optional
    ``subType`` ("warning" | "fatal" | "io"), ``url`` (``file:/...``), ``lastLine``, ``message``,
    ``extract``. Messages whose ``message + "  " + extract`` matches a pattern of ``ignore`` are dropped
    (default: ``MATERIAL_NOISE``; pass ``()`` to keep all). ``css=True`` also checks ``*.css``.
    """
    files = [str(Path(p)) for p in paths]
    if not files:
        raise ValueError("run_vnu: no files given")
    cmd = _java_cmd() + ["-jar", str(VNU_JAR), "--stdout", "--format", "json", "--exit-zero-always",
                         "--also-check-css" if css else "--skip-non-html", *files]
    proc = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=timeout)
    try:
        msgs = json.loads(proc.stdout)["messages"]
    except (json.JSONDecodeError, KeyError) as exc:
        raise RuntimeError(f"vnu.jar gave no JSON (exit {proc.returncode}): {proc.stderr[-2000:]}") from exc
    pats = [re.compile(p) if isinstance(p, str) else p for p in ignore]
    return [m for m in msgs
            if not any(p.search(f"{m.get('message', '')}  {m.get('extract', '')}") for p in pats)]


def errors(messages: Iterable[dict], *, warnings: bool = False) -> list[dict]:
    """Errors, fatal errors and I/O failures (plus warnings when ``warnings=True``)."""
    return [m for m in messages
            if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"
            or (warnings and m.get("subType") == "warning")]


def format_messages(messages: Iterable[dict], root: Path | str | None = None) -> str:
    """One line per message: ``path:line: [type] message  «extract»`` (paths relative to ``root``)."""
    prefix = f"file:{Path(root).resolve()}/" if root else None
    lines = []
    for m in messages:
        url = m.get("url", "?")
        if prefix and url.startswith(prefix):
            url = url[len(prefix):]
        kind = m.get("subType") or m.get("type")
        extract = " ".join((m.get("extract") or "").split())[:120]
        lines.append(f"{url}:{m.get('lastLine', '?')}: [{kind}] {m.get('message', '')}"
                     + (f"  «{extract}»" if extract else ""))
    return "\n".join(lines)


def jing(schema: Path | str, xml: Path | str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Validate ``xml`` against a RELAX NG compact schema (``.rnc``) with the Jing bundled in vnu.jar.

    ``returncode`` 0 = valid; otherwise ``stdout`` lists ``file:line:col: error: ...`` lines.
    """
    cmd = _java_cmd() + ["-cp", str(VNU_JAR), "nu.validator.vendor.thaiopensource.relaxng.util.Driver",
                         "-c", str(schema), str(xml)]
    return subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=timeout)


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Ranges(html.parser.HTMLParser):
    def __init__(self, is_ours: Callable[[str, dict[str, str]], bool]) -> None:
        super().__init__(convert_charrefs=True)
        self.is_ours = is_ours
        self.stack: list[tuple[str, int, bool]] = []     # (tag, start line, starts a range)
        self.ranges: list[tuple[int, int]] = []

    def _inside(self) -> bool:
        return any(ours for _, _, ours in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        ours = not self._inside() and self.is_ours(tag, {k: v or "" for k, v in attrs})
        if tag in _VOID:
            if ours:
                self.ranges.append((line, line + self.get_starttag_text().count("\n")))  # type: ignore[union-attr]
            return
        self.stack.append((tag, line, ours))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        line = self.getpos()[0]
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for _, start, ours in self.stack[i:]:
                    if ours:
                        self.ranges.append((start, line))
                del self.stack[i:]
                return

    def close(self) -> None:
        super().close()
        last = self.getpos()[0]
        self.ranges.extend((start, last) for _, start, ours in self.stack if ours)
        self.stack.clear()


def markup_lines(text: str, is_ours: Callable[[str, dict[str, str]], bool]) -> list[tuple[int, int]]:
    """Line ranges ``(first, last)`` of the elements of an HTML page that ``is_ours(tag, attrs)``
    picks, each with everything inside it (an element inside a picked one is not listed again).

    With ``located_in`` this sorts vnu messages by whose markup they are about, so a check can
    hold one project's markup to zero errors and leave a theme's known errors out by location.
    """
    parser = _Ranges(is_ours)
    parser.feed(text)
    parser.close()
    return sorted(parser.ranges)


def located_in(message: dict, ranges: Iterable[tuple[int, int]]) -> bool:
    """The vnu message's lines (``firstLine``..``lastLine``) overlap one of ``ranges``."""
    last = message.get("lastLine")
    if last is None:
        return False
    first = message.get("firstLine", last)
    return any(first <= end and start <= last for start, end in ranges)
