"""Jekyll's Liquid and kramdown in a Markdown body, translated to MkDocs Markdown (no MkDocs imports).

One pass over the text: lines for the blocks (code fences, indented code, `{% highlight %}`, math),
`str.find` for the ends of tags, so the work stays linear in the size of the body. Code, inline
code, math and `{% raw %}` content are copied as they are; only the `{% raw %}` markers that Jekyll
would have removed inside code go.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from mkdocs_ctoblog.jekyll import kramdown, tags
from mkdocs_ctoblog.jekyll.evaluate import Evaluator
from mkdocs_ctoblog.jekyll.site import LiquidSite, relative_doc, relative_url

_FENCE_OPEN = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_CODE_TAG = re.compile(r"([ \t]*)\{%-?[ \t]*(highlight|codeblock)\b([^%\n]*)%\}")
_MATH_OPEN = re.compile(r"[ \t]{0,3}(\$\$|\\\[)")
_LIST_ITEM = re.compile(r"[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")
_RAW_MARK = re.compile(r"\{%-?[ \t]*(?:end)?raw[ \t]*-?%\}")
_RAW_OPEN = re.compile(r"\{%-?[ \t]*raw[ \t]*-?%\}")
_RAW_CLOSE = re.compile(r"\{%-?[ \t]*endraw[ \t]*-?%\}")
_INLINE = re.compile(r"`+|\{%|\{\{|\{::|\{:/|\$\$?|\\\(")
_PATH = re.compile(r"/[^\s()\"'<>\[\]{}|]*")
_MAX_TAG = 2000  # longer "tags" are left as text (keeps argument parsing cheap)
_MAX_DEPTH = 8
_MAX_EVALUATIONS = 300  # `{% assign %}` and `{{ name.key }}` evaluated per body; more are left as they are
_MAX_ASSIGNS = 30


@dataclass
class Translation:
    """The translated text; tags left untranslated (name → count); one line per problem; the Markdown
    extensions the text now needs."""

    text: str
    unknown: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    extensions: set[str] = field(default_factory=set)


def strip_raw(code: str) -> str:
    """Code with Jekyll's `{% raw %}` markers removed (Jekyll shows only what is between them)."""
    return _RAW_MARK.sub("", code) if "raw" in code else code


def translate(text: str, *, src: str, page_url: str, site: LiquidSite, meta: dict | None = None) -> Translation:
    """Translate the body of the doc `src` (written to site path `page_url`)."""
    if "{%" not in text and "{{" not in text and "{:" not in text:
        return Translation(text)  # nothing of Liquid's or kramdown's: every step would copy the text as it is
    result = Translation("")
    result.text = _Translator(src, page_url, site, meta or {}, result).block(text, 0)
    return result


class _Translator:
    def __init__(self, src: str, page_url: str, site: LiquidSite, meta: dict, result: Translation) -> None:
        self.src, self.page_url, self.site, self.meta, self.result = src, page_url, site, meta, result
        self.missing_ends: dict[tuple[str, int], str] = {}  # searches that found nothing in a text
        self.rendered: dict[tuple[str, str, str | None, bool], str | None] = {}
        self.assigns: list[str] = []  # `{% assign %}` tags evaluated so far, in order
        self.evaluations = 0  # python-liquid renders for this body (bounded: they cost)

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
            if "{%" in line and (opened := _RAW_OPEN.search(line)) and not _RAW_CLOSE.search(line, opened.end()):
                closed = _RAW_CLOSE.search(text, pos + opened.end())  # raw spans lines: keep them in this chunk
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
        out.append(strip_raw(text[pos:end]))
        return end

    # -- prose: block attribute lines, then inline tokens ----------------------------------------

    def prose(self, text: str, depth: int) -> str:
        if not text:
            return ""
        if "{:" in text:
            self.result.extensions.add("attr_list")
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

    # -- Liquid ------------------------------------------------------------------------------------

    def tag(self, text: str, start: int, end: int, out: list[str], depth: int) -> int:
        inner = text[start + 2 : end - 2].strip().strip("-").strip()
        name, args = (inner.split(None, 1) + [""])[:2] if inner else ("", "")  # a tag may span lines
        if len(inner) > _MAX_TAG or not name:
            out.append(text[start:end])
            return end
        if name == "raw":
            closed = None if self.missing("endraw", text) else _RAW_CLOSE.search(text, end)
            if closed is None:
                self.remember_missing("endraw", text)
                self.unknown(name, text[start:end], out)
                return end
            out.append(text[end : closed.start()])
            return closed.end()
        if name == "assign" and (evaluator := self.evaluator()) and evaluator.assign(self.assigns, text[start:end], self.meta):
            self.assigns.append(text[start:end])  # prints nothing, as in Jekyll
            return end
        body, after = self.tag_body(text, name, end, depth)
        lead = text.rfind("{{", 0, start) if text.endswith("}}", 0, start) else start  # `{{ site.baseurl }}{% … %}`
        rendered = tags.render(name, args.strip(), body, text[max(0, lead - 3) : lead], self)
        if rendered is None:
            self.unknown(tags.report_name(name, args), text[start:end], out)
            return end
        out.append(rendered)
        return after

    def tag_body(self, text: str, name: str, end: int, depth: int) -> tuple[str | None, int]:
        """The translated content of a block tag (`{% name %}…{% endname %}`) and where it ends."""
        if not tags.takes_body(name, self.site) or self.missing("end" + name, text) or depth >= _MAX_DEPTH:
            return None, end
        closed = re.compile(r"\{%-?[ \t]*end" + re.escape(name) + r"[ \t]*-?%\}").search(text, end)
        if closed is None:
            self.remember_missing("end" + name, text)
            return None, end
        inner = text[end : closed.start()]
        return (inner if name == "comment" else self.block(inner, depth + 1)), closed.end()

    def output(self, text: str, start: int, end: int, out: list[str]) -> int:
        """`{{ … }}`: site and page variables, and URLs (`site.baseurl`, `relative_url`…)."""
        expression = text[start + 2 : end - 2].strip().strip("-").strip()
        value = tags.output_value(expression, self)
        if value is None and (evaluator := self.evaluator()):
            value = evaluator.output(self.assigns, text[start:end], self.meta)
        if value is None:
            self.unknown("{{ " + expression.split("|")[0].strip() + " }}", text[start:end], out)
            return end
        if not isinstance(value, tags.SitePath):
            out.append(value)
            return end
        path, after = value.path, end
        while text.startswith("{{", after):  # `{{ site.url }}{{ site.baseurl }}`
            more = text.find("}}", after)
            joined = tags.output_value(text[after + 2 : more].strip(), self) if more > 0 else None
            if not isinstance(joined, tags.SitePath) or joined.path:
                break
            after = more + 2
        if text.startswith("{%", after) and re.match(r"\{%-?\s*(post_url|link)\b", text[after : after + 20]):
            return after  # the tag gives a relative link on its own
        if not path and (following := _PATH.match(text, after)):
            path, after = following.group(), following.end()
        out.append(self.url(path or "/", text[max(0, start - 3) : start], absolute=value.absolute))
        return after

    def url(self, path: str, before: str, *, absolute: bool = False) -> str:
        """A site path (`/about/`, `/assets/x.png`) as a link that works wherever the site is served."""
        if absolute and self.site.url and not _markdown_link(before):
            base = (self.site.baseurl.strip("/") + "/").lstrip("/")
            return self.site.url.rstrip("/") + "/" + base + path.lstrip("/")
        doc, suffix = self.site.site_path(path)
        if doc is None:
            if _markdown_link(before):
                return path
            return relative_url(path.split("#")[0].split("?")[0], self.page_url) + suffix
        return self.link(doc, suffix, before)

    def link(self, doc: str, suffix: str, before: str) -> str:
        """A link to a doc: its path in Markdown links (MkDocs makes it the URL, and checks it), its
        page-relative URL elsewhere (raw HTML, text)."""
        url = self.site.url_of(doc)
        if _markdown_link(before) or url is None:
            return relative_doc(doc, self.src) + suffix
        return relative_url(url, self.page_url) + suffix

    def evaluator(self) -> Evaluator | None:
        """`site.evaluator`, while this body has asked it fewer than `_MAX_EVALUATIONS` times."""
        self.evaluations += 1
        if self.evaluations > _MAX_EVALUATIONS or len(self.assigns) >= _MAX_ASSIGNS:
            return None
        return self.site.evaluator

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

    def problem(self, message: str) -> None:
        self.result.problems.append(f"{self.src}: {message}")

    def unknown(self, name: str, source: str, out: list[str]) -> None:
        """A tag nothing translates: counted; kept as text (build) or as an HTML comment (import)."""
        if not (name.startswith("end") and name[3:] in self.result.unknown):  # `endif` is counted with `if`
            self.result.unknown[name] += 1
        # `--` would end the comment; `|` would split a Markdown table's cell
        kept = source.replace("--", "- -").replace("|", "&#124;")
        out.append("<!-- " + kept + " -->" if self.site.unknown_as_comment else source)


def _markdown_link(before: str) -> bool:
    return before.endswith(("](", "]: ", "]:", "<"))


def _line_end(text: str, pos: int) -> int:
    found = text.find("\n", pos)
    return len(text) if found < 0 else found + 1
