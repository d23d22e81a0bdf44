"""axe-core (npm ``axe-core``) accessibility checks in a Playwright page.

    from tools.axe import run_axe, format_violations
    page.goto(url)
    v = run_axe(page, include=".ctoblog-read-next")         # WCAG 2.0/2.1 A + AA, scoped
    assert not v, format_violations(v)

``axe.min.js`` is ``$CI_TOOLS/node_modules/axe-core/axe.min.js`` (``CI_TOOLS`` defaults to the
repo's ``.ci-tools/``). A missing file raises ``ToolMissing``. An ``include`` selector that matches
nothing raises ``AssertionError``: a scoped check must never pass by checking nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import CI_TOOLS, ToolMissing

__all__ = ["AXE_JS", "WCAG21_AA", "ToolMissing", "format_violations", "run_axe"]

AXE_JS = CI_TOOLS / "node_modules/axe-core/axe.min.js"
WCAG21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def _selectors(sel: str | Sequence[str] | None) -> list[str]:
    if sel is None:
        return []
    return [sel] if isinstance(sel, str) else list(sel)


def run_axe(page: Any, include: str | Sequence[str] | None = None, exclude: str | Sequence[str] = (),
            tags: Sequence[str] = WCAG21_AA, disable_rules: Sequence[str] = ()) -> list[dict]:
    """Run axe on the loaded ``page``; return its violations (``[]`` = clean).

    ``include``: CSS selector(s) to check (default: whole document); each must match at least one
    element. ``exclude``: selector(s) left out (e.g. ``(".md-search", ".md-footer-meta")`` for
    Material's own widgets). ``tags``: axe rule tags (default WCAG 2.1 A/AA). ``disable_rules``:
    rule ids switched off (e.g. ``"color-contrast"``).
    """
    if not AXE_JS.is_file():
        raise ToolMissing(f"axe.min.js not found at {AXE_JS} (CI_TOOLS={CI_TOOLS}); run: bash .ci/install.sh")
    inc, exc = _selectors(include), _selectors(exclude)
    for sel in inc:
        n = page.locator(sel).count()
        assert n > 0, f"axe include selector {sel!r} matches no element on {page.url}"
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    context: dict[str, Any] = {"exclude": [[s] for s in exc]}
    if inc:
        context["include"] = [[s] for s in inc]
    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"],
               "rules": {r: {"enabled": False} for r in disable_rules}}
    result = page.evaluate("([ctx, opts]) => axe.run(ctx, opts)", [context, options])
    return result["violations"]


def format_violations(violations: Sequence[dict]) -> str:
    """One line per violation and node: ``rule [impact] help: target -> failure summary``."""
    lines = []
    for v in violations:
        for node in v.get("nodes", []):
            summary = " ".join((node.get("failureSummary") or "").split())
            target = node.get("target")
            lines.append(f"{v['id']} [{v.get('impact')}] {v['help']}: {target} -> {summary[:300]}")
    return "\n".join(lines)
