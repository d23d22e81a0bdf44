"""Test tooling for mkdocs-ctoblog (not tests): real-client checkers the test modules call.

- ``sitelinks``  offline internal link + #anchor checker for a built site (stdlib)
- ``vnu``        Nu Html Checker (vnu.jar) over built pages; Jing + ``atom.rnc`` for Atom feeds
- ``axe``        axe-core WCAG 2.1 A/AA checks inside a Playwright page
- ``browser``    Debian Chromium via Playwright, a local HTTP server for a built site, hermetic pages
- ``atom.rnc``   RELAX NG compact schema of Atom 1.0 (RFC 4287 Appendix B)
- ``jsonfeed.schema.json``  JSON Schema of JSON Feed 1.1

Import as ``from tools.vnu import run_vnu`` (pytest puts ``tests/`` on ``sys.path`` when
``tests/`` has no ``__init__.py``) or ``from tests.tools.vnu import run_vnu`` when it does.
External tools come from ``bash .ci/install.sh``; a missing one raises ``ToolMissing``, never a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CI_TOOLS = Path(os.environ.get("CI_TOOLS") or ROOT / ".ci-tools")
JSONFEED_SCHEMA = Path(__file__).with_name("jsonfeed.schema.json")
ATOM_RNC = Path(__file__).with_name("atom.rnc")


class ToolMissing(RuntimeError):
    """A checker the suite needs is not installed (run ``bash .ci/install.sh``)."""
