#!/usr/bin/env bash
# Install everything the test suite needs, then prove each client starts.
#
#   bash .ci/install.sh            # from anywhere; works on the repo it lives in
#
# Installs: Debian chromium + chromium-driver (Playwright drives it; never `playwright install`),
# Java 17 and Node/npm when missing, npm axe-core + vnu-jar into $CI_TOOLS (.ci-tools/),
# a venv in $VENV (.venv/) holding the project with its test extras (`pip install -e ".[test]"`).
# Idempotent: a second run only verifies (a few seconds). Quiet on success (one summary line);
# on failure it names the step, prints the log tail and exits 1. Works as root on a fresh
# Debian 12 (or with sudo). Adapted from shared/recipes/ci-install.sh (tested 2026-11-25).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CI_TOOLS="${CI_TOOLS:-$ROOT/.ci-tools}"          # npm tools + install log (gitignored)
VENV="${VENV:-$ROOT/.venv}"                      # venv the tests run in (created if missing)
CI_LIGHTHOUSE="${CI_LIGHTHOUSE:-0}"              # 1 = also install Lighthouse (+185 MB, +11 s)
AXE_CORE_VERSION=4.14.1
VNU_JAR_VERSION=26.9.27
LIGHTHOUSE_VERSION=12.8.2                        # 13.x declares node >=22.19
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" CI_TOOLS

mkdir -p "$CI_TOOLS"
_ci_log="$CI_TOOLS/install.log"
: >"$_ci_log"
_ci_t0=$SECONDS
_ci_sudo=""; [ "$(id -u)" = 0 ] || _ci_sudo="sudo"
_ci_step() {   # usage: _ci_step "what" cmd args...   (one retry: registries can hiccup)
  local what=$1; shift
  echo "== $what: $*" >>"$_ci_log"
  "$@" >>"$_ci_log" 2>&1 && return 0
  echo "== retry $what" >>"$_ci_log"; sleep 5
  "$@" >>"$_ci_log" 2>&1 && return 0
  echo "ci-install: FAILED: $what  (log: $_ci_log)" >&2
  tail -n 60 "$_ci_log" >&2
  exit 1
}
_ci_apt() { $_ci_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; }
_ci_apt_updated=0
_ci_apt_update() { [ "$_ci_apt_updated" = 1 ] || { _ci_step "apt-get update" $_ci_sudo apt-get update -qq; _ci_apt_updated=1; }; }

# 1. Chromium + ChromeDriver from Debian (`playwright install` downloads from a CDN: blocked)
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || [ ! -x "$CHROMIUM_PATH" ]; then
  _ci_apt_update
  _ci_step "apt chromium" _ci_apt chromium chromium-driver
fi
# 2. Java 17+ for vnu.jar (and the Jing inside it)
if ! java -version >/dev/null 2>&1; then
  _ci_apt_update
  _ci_step "apt java" _ci_apt openjdk-17-jre-headless
fi
# 3. Node + npm for axe-core / vnu-jar (fallback: Debian's node 18)
if ! command -v npm >/dev/null; then
  _ci_apt_update
  _ci_step "apt nodejs" _ci_apt ca-certificates nodejs npm
fi
# 4. Python 3.10+ (Debian 12's is 3.11); venv support comes with step 6 when missing
_ci_py="${PYTHON:-python3}"
if ! "$_ci_py" -c 'import sys; assert sys.version_info >= (3, 10)' >/dev/null 2>&1; then
  _ci_apt_update
  _ci_step "apt python3" _ci_apt ca-certificates python3 python3-venv
  _ci_py=/usr/bin/python3
fi

# 5. npm tools into $CI_TOOLS (one install command: a later `npm install --prefix` would prune the others)
_ci_npm_ver() { node -p "require('$CI_TOOLS/node_modules/$1/package.json').version" 2>/dev/null || true; }
_ci_npm_pkgs=("axe-core@$AXE_CORE_VERSION" "vnu-jar@$VNU_JAR_VERSION")
[ "$CI_LIGHTHOUSE" = 1 ] && _ci_npm_pkgs+=("lighthouse@$LIGHTHOUSE_VERSION")
if [ "$(_ci_npm_ver axe-core)" != "$AXE_CORE_VERSION" ] || [ "$(_ci_npm_ver vnu-jar)" != "$VNU_JAR_VERSION" ] \
   || { [ "$CI_LIGHTHOUSE" = 1 ] && [ "$(_ci_npm_ver lighthouse)" != "$LIGHTHOUSE_VERSION" ]; }; then
  _ci_step "npm tools" npm install --prefix "$CI_TOOLS" --no-audit --no-fund --loglevel=error "${_ci_npm_pkgs[@]}"
fi

# 6. The project + its test extras into the venv. Skipped when pyproject.toml is unchanged since the
#    last successful install and the package still imports (the editable install picks up new modules
#    by itself; only metadata such as dependencies and entry points needs a reinstall).
_ci_venv() {   # a bare Debian 12 python3 lacks ensurepip: add python3-venv and use Debian's python3
  if [ -n "$(ls -A "$VENV" 2>/dev/null)" ] && [ ! -f "$VENV/pyvenv.cfg" ]; then
    echo "ci-install: FAILED: $VENV exists and is not a venv; move it away or set VENV" >&2; exit 1
  fi
  rm -rf "$VENV"
  "$_ci_py" -m venv "$VENV" >>"$_ci_log" 2>&1 && return 0
  rm -rf "$VENV"; _ci_apt_update
  _ci_step "apt python3-venv" _ci_apt ca-certificates python3 python3-venv
  _ci_py=/usr/bin/python3
  _ci_step "venv" "$_ci_py" -m venv "$VENV"
}
"$VENV/bin/python" -m pip --version >/dev/null 2>&1 || _ci_venv
_ci_stamp="$VENV/.ctoblog-install-stamp"
_ci_want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ "$(cat "$_ci_stamp" 2>/dev/null)" != "$_ci_want" ] \
   || ! "$VENV/bin/python" -c 'import mkdocs_ctoblog, playwright, feedparser, jsonschema' >/dev/null 2>&1; then
  rm -f "$_ci_stamp"
  _ci_step "pip install -e .[test]" "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
  echo "$_ci_want" >"$_ci_stamp"
fi

# 7. Smoke test: every client really starts (catches a broken install here, not 40 tests later)
_ci_step "check vnu.jar" java -jar "$CI_TOOLS/node_modules/vnu-jar/build/dist/vnu.jar" --version
_ci_step "check axe.min.js" test -s "$CI_TOOLS/node_modules/axe-core/axe.min.js"
_ci_step "check chromium+playwright" "$VENV/bin/python" -c '
import os
from playwright.sync_api import sync_playwright
with sync_playwright() as p:
    b = p.chromium.launch(executable_path=os.environ["CHROMIUM_PATH"], args=["--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"])
    pg = b.new_page(); pg.set_content("<h1>ok</h1>"); assert pg.inner_text("h1") == "ok"; print("chromium", b.version); b.close()
import feedparser; assert feedparser.parse("<rss version=\"2.0\"><channel><title>t</title></channel></rss>").version == "rss20"
import jsonschema, bs4, mkdocs, mkdocs_ctoblog; print("mkdocs", mkdocs.__version__, "ctoblog", mkdocs_ctoblog.__version__)
'
if [ "$CI_LIGHTHOUSE" = 1 ]; then _ci_step "check lighthouse" "$CI_TOOLS/node_modules/.bin/lighthouse" --version; fi
echo "ci-install: ok in $((SECONDS - _ci_t0))s: $("$CHROMIUM_PATH" --version 2>/dev/null | cut -d' ' -f1-2), axe-core $AXE_CORE_VERSION, vnu $VNU_JAR_VERSION, $("$VENV/bin/python" -m pip show playwright 2>/dev/null | sed -n 's/^Version: /playwright /p')"
