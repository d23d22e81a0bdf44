"""The walk over a Markdown body that finds Jekyll's Liquid and kramdown and leaves code alone (no
MkDocs imports).

One pass over the text: lines for the blocks (code fences, indented code, `{% highlight %}`, math),
`str.find` for the ends of tags, so the work stays linear in the size of the body. Code, inline
code and math are copied as they are; only the `{% raw %}` markers that Jekyll would have removed
inside code go. What a Liquid tag or output becomes is the subclass's to say (`liquid.py`).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod

from mkdocs_ctoblog.jekyll import kramdown

_FENCE_OPEN = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_CODE_TAG = re.compile(r"([ \t]*)\{%-?[ \t]*(highlight|codeblock)\b([^%\n]*)%\}")
_MATH_OPEN = re.compile(r"[ \t]{0,3}(\$\$|\\\[)")
_LIST_ITEM = re.compile(r"[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")
_RAW_MARK = re.compile(r"\{%-?[ \t]*(?:end)?raw[ \t]*-?%\}")
_RAW_OPEN = re.compile(r"\{%-?[ \t]*raw[ \t]*-?%\}")
RAW_CLOSE = re.compile(r"\{%-?[ \t]*endraw[ \t]*-?%\}")
_INLINE = re.compile(r"`+|\{%|\{\{|\{::|\{:/|\$\$?|\\\(")


def strip_raw(code: str) -> str:
    """Code with Jekyll's `{% raw %}` markers removed (Jekyll shows only what is between them)."""
    return _RAW_MARK.sub("", code) if "raw" in code else code


class BodyScanner(ABC):
    """Walks a body: blocks, then inline tokens in prose; hands each `{% … %}` to `tag` and each
    `{{ … }}` to `output`; kramdown attributes add to `extensions` the Markdown extension they need."""

    def __init__(self, extensions: set[str]) -> None:
        self.extensions = extensions
        self.missing_ends: dict[tuple[str, int], str] = {}  # searches that found nothing in a text

    @abstractmethod
    def tag(self, text: str, start: int, end: int, out: list[str], depth: int) -> int:
        """Append the translation of the tag `text[start:end]` to `out`; return where the scan goes on."""

    @abstractmethod
    def output(self, text: str, start: int, end: int, out: list[str]) -> int:
        """Append the translation of the output `text[start:end]` to `out`; return where the scan goes on."""

    # -- blocks -----------------------------------------------------------------------------------

    def block(self, text: str, depth: int) -> str:
        out: list[str] = []
        prose_start = pos = 0
        prev_blank, in_list, n = True, False, len(text)
        while pos < n:
            end = _line_end(text, pos)
            line = text[pos:end]
            stripped = line.strip()
            handler = None
            if _FENCE_OPEN.match(line):
                handler = self.fence
            elif "{%" in line and _CODE_TAG.match(line):
                handler = self.code_tag
            elif _MATH_OPEN.match(line):
                handler = self.math
            elif prev_blank and not in_list and line[:1] in (" ", "\t") and line.startswith(("    ", "\t")) and stripped:
                handler = self.indented
            if handler is not None:
                out.append(self.prose(text[prose_start:pos], depth))
                pos = handler(text, pos, out)
                prose_start, prev_blank = pos, False
                continue
            if "{%" in line and (opened := _RAW_OPEN.search(line)) and not RAW_CLOSE.search(line, opened.end()):
                closed = RAW_CLOSE.search(text, pos + opened.end())  # raw spans lines: keep them in this chunk
                end = _line_end(text, closed.end()) if closed else end
            if stripped:
                in_list = bool(_LIST_ITEM.match(line)) or (in_list and line[:1] in (" ", "\t"))
            prev_blank = not stripped
            pos = end
        out.append(self.prose(text[prose_start:], depth))
        return "".join(out)

    def fence(self, text: str, pos: int, out: list[str]) -> int:
        opener = _FENCE_OPEN.match(text, pos)
        assert opener is not None
        mark = opener.group(1)
        end = _line_end(text, pos)
        while end < len(text):
            line_end = _line_end(text, end)
            line = text[end:line_end].strip()
            end = line_end
            if line.startswith(mark[0] * len(mark)) and not line.strip(mark[0]):
                break
        end = self.past_open_raw(text, pos, end)
        out.append(strip_raw(text[pos:end]))
        return end

    def code_tag(self, text: str, pos: int, out: list[str]) -> int:
        """`{% highlight lang [linenos] %}…{% endhighlight %}` (and Octopress' codeblock) → a fence."""
        opener = _CODE_TAG.match(text, pos)
        assert opener is not None
        indent, name, args = opener.groups()
        close = re.compile(r"\{%-?[ \t]*end" + name + r"[ \t]*-?%\}")
        closed = None if self.missing(name, text) else close.search(text, opener.end())
        if closed is None:
            self.remember_missing(name, text)
            end = _line_end(text, pos)
            out.append(self.prose(text[pos:end], 0))
            return end
        code = strip_raw(text[opener.end() : closed.start()]).strip("\r\n")
        words = args.replace("-", " ").split()
        lang = next((w.removeprefix("lang:") for w in words if w != "linenos" and "=" not in w), "")
        mark = "~~~~" if "```" in code else "```"
        # with line numbers, the brace form: read by fenced_code and by pymdownx.superfences
        info = " {" + (f".{lang} " if lang else "") + 'linenums="1"}' if "linenos" in words else lang
        lines = [indent + mark + info]
        lines += [indent + line if line.strip() else line for line in code.split("\n")] + [indent + mark]
        out.append("\n".join(lines))
        end = _line_end(text, closed.end())
        rest = text[closed.end() : end]
        out.append(rest if rest.strip() == "" else "\n" + rest)
        return end

    def math(self, text: str, pos: int, out: list[str]) -> int:
        opener = _MATH_OPEN.match(text, pos)
        assert opener is not None
        close = "$$" if opener.group(1) == "$$" else "\\]"
        end = _line_end(text, pos)
        if close not in text[opener.end() : end]:
            found = text.find(close, end)
            end = len(text) if found < 0 else _line_end(text, found)
        out.append(text[pos:end])
        return end

    def indented(self, text: str, pos: int, out: list[str]) -> int:
        end = pos
        while end < len(text):
            line_end = _line_end(text, end)
            line = text[end:line_end]
            if line.strip() and not line.startswith(("    ", "\t")):
                break
            end = line_end
        end = self.past_open_raw(text, pos, end)
        out.append(strip_raw(text[pos:end]))
        return end

    def past_open_raw(self, text: str, start: int, end: int) -> int:
        """`end`, or past the line of the `{% endraw %}` that closes a `{% raw %}` opened in the code
        `text[start:end]` (Jekyll reads Liquid before Markdown: the raw span holds code and what
        follows it alike)."""
        if "raw" not in text[start:end]:
            return end
        opened = None
        for opened in _RAW_OPEN.finditer(text, start, end):
            pass
        if opened is None or RAW_CLOSE.search(text, opened.end(), end) or self.missing("endraw", text):
            return end
        closed = RAW_CLOSE.search(text, end)
        if closed is None:
            self.remember_missing("endraw", text)
            return end
        return _line_end(text, closed.end())

    # -- prose: block attribute lines, then inline tokens ----------------------------------------

    def prose(self, text: str, depth: int) -> str:
        if not text:
            return ""
        if "{:" in text:
            self.extensions.add("attr_list")
            text = kramdown.block_attributes(text)
        return self.inline(text, depth)

    def inline(self, text: str, depth: int) -> str:
        out: list[str] = []
        pos = 0
        while (token := _INLINE.search(text, pos)) is not None:
            start, mark = token.start(), token.group()
            out.append(text[pos:start])
            end = self.token_end(text, start, mark)
            if end < 0:
                out.append(mark)
                pos = token.end()
                continue
            if mark == "{%":
                end = self.tag(text, start, end, out, depth)
            elif mark == "{{":
                end = self.output(text, start, end, out)
            elif mark in ("{::", "{:/"):
                end = kramdown.extension_end(text, start, end, lambda needle, at: self.find(needle, text, at))
            else:  # code span or math
                out.append(strip_raw(text[start:end]) if mark[0] == "`" else text[start:end])
            pos = end
        out.append(text[pos:])
        return "".join(out)

    def token_end(self, text: str, start: int, mark: str) -> int:
        """Where the construct starting at `start` ends (-1: it does not, leave the mark as text)."""
        if mark[0] == "`":
            closer = re.compile(r"(?<!`)" + mark + r"(?!`)")
            match = None if self.missing(mark, text) else closer.search(text, start + len(mark))
            if match is None:
                self.remember_missing(mark, text)
            return match.end() if match else -1
        if mark == "$":
            after = text[start + 1 : start + 2]
            dollar = text.find("$", start + 1)  # only the next one: the scan stays linear
            ok = after and not after.isspace() and dollar > start + 1 and not text[dollar - 1].isspace()
            return dollar + 1 if ok and "\n" not in text[start:dollar] else -1
        close = {"{%": "%}", "{{": "}}", "{::": "}", "{:/": "}", "$$": "$$", "\\(": "\\)"}[mark]
        found = -1 if self.missing(close, text) else text.find(close, start + len(mark))
        if found < 0:
            self.remember_missing(close, text)
        return found + len(close) if found >= 0 else -1

    def missing(self, closer: str, text: str) -> bool:
        """Whether `closer` was searched for in this very text and not found (a search that found
        nothing is never repeated: that keeps the scan linear)."""
        return self.missing_ends.get((closer, id(text))) is text

    def remember_missing(self, closer: str, text: str) -> None:
        self.missing_ends[(closer, id(text))] = text  # keeps `text` alive, so its id is not reused

    def find(self, needle: str, text: str, at: int) -> int:
        """`text.find(needle, at)` for positions that only grow: after it found nothing, -1 at once."""
        found = -1 if self.missing(needle, text) else text.find(needle, at)
        if found < 0:
            self.remember_missing(needle, text)
        return found


def _line_end(text: str, pos: int) -> int:
    found = text.find("\n", pos)
    return len(text) if found < 0 else found + 1
