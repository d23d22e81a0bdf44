#!/usr/bin/env python3
"""Time `mkdocs build` of a generated blog with and without the ctoblog plugin.

    .venv/bin/python benchmarks/run.py                   # N = 1000 and 10000, 3 runs a side
    .venv/bin/python benchmarks/run.py 1000 --runs 5
    .venv/bin/python benchmarks/run.py 200 --plugin none # plain side only (no plugin needed)
    .venv/bin/python benchmarks/run.py 1000 --profile    # mkdocs -v; summarise `ctoblog timing:` lines
    .venv/bin/python benchmarks/run.py 1000 --serve-edits 3   # + `mkdocs serve`: edit a post, time the rebuild

For each N it generates N posts (benchmarks/generate_posts.py) into a temporary docs dir and writes
two configs with the same theme (material, ``font: false``), Markdown extensions, nav and search
plugin: A "plain" (posts are ordinary pages, left out of the nav) and B "ctoblog" (``- ctoblog``
added). It runs ``mkdocs build`` as a child process, alternating A/B and B/A, each into a fresh
output dir, and takes wall time and peak RSS of that child (``os.wait4``). It prints a markdown
table and writes JSON + markdown to benchmarks/results/ (gitignored).

With ``--serve-edits K`` it also starts ``mkdocs serve`` (livereload on, as users run it) for each
side, waits for the first build, then K times appends a line to the newest post and times how long
until the served page of that post shows it: the wait an author has after saving. The post is
restored afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate_posts import generate
from material_side import convert

RESULTS = HERE / "results"
SOURCE_DATE_EPOCH = "1767225600"   # 2026-01-01T00:00:00Z: every generated post is in the past
TIMING_RE = re.compile(r"ctoblog:? timing:\s*(?P<name>.+?)\s+(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>ms|s)\b")

CONFIG = """\
site_name: Benchmark blog
site_url: https://example.com/
docs_dir: docs
theme:
  name: material
  font: false
markdown_extensions:
  - admonition
  - attr_list
  - tables
  - toc:
      permalink: true
  - pymdownx.highlight
  - pymdownx.superfences
nav:
  - Home: index.md
  - Blog: blog/index.md
plugins:
  - search
"""


def write_configs(root: Path, ctoblog_options: dict | None) -> dict[str, Path]:
    plain = root / "mkdocs-plain.yml"
    plain.write_text(CONFIG, encoding="utf-8")
    material = root / "mkdocs-material.yml"
    material.write_text(CONFIG.replace("docs_dir: docs", "docs_dir: docs-material") + "  - blog\n", encoding="utf-8")
    ctob = root / "mkdocs-ctoblog.yml"
    if ctoblog_options:
        opts = "".join(f"      {k}: {json.dumps(v)}\n" for k, v in ctoblog_options.items())
        ctob.write_text(CONFIG + "  - ctoblog:\n" + opts, encoding="utf-8")
    else:
        ctob.write_text(CONFIG + "  - ctoblog\n", encoding="utf-8")
    return {"plain": plain, "ctoblog": ctob, "material": material}


def build_once(python: str, config: Path, out: Path, verbose: bool, timeout: float | None) -> dict:
    """One `mkdocs build` child: wall seconds, peak RSS MB, CPU seconds, exit code, log facts."""
    log = out.with_suffix(".log")
    cmd = [python, "-m", "mkdocs", "build", "-f", str(config), "-d", str(out)] + (["-v"] if verbose else [])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    with log.open("wb") as fh:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, env=env)
        deadline = t0 + timeout if timeout else None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG if deadline else 0)
            if pid:
                break
            if time.perf_counter() > deadline:      # type: ignore[operator]
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8", errors="replace")
    timings: dict[str, float] = {}
    for m in TIMING_RE.finditer(text):
        v = float(m["value"]) / (1000 if m["unit"] == "ms" else 1)
        timings[m["name"]] = timings.get(m["name"], 0.0) + v
    pages = sum(1 for _ in out.rglob("*.html")) if out.is_dir() else 0
    result = {
        "wall_s": round(wall, 3),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_mb": round(usage.ru_maxrss / 1024, 1),        # Linux: KiB
        "returncode": proc.returncode,
        "html_pages": pages,
        "warnings": sum(1 for line in text.splitlines() if line.startswith("WARNING")),
        "timings": timings,
    }
    if proc.returncode != 0:
        result["error_tail"] = text[-3000:]
    return result


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _save(path: Path, text: str, scratch: Path) -> None:
    """Save as editors do, atomically: the watcher then sees one complete change, never an empty
    file (a plain write_text truncates first, and `mkdocs serve` may start a rebuild on that)."""
    tmp = scratch / f".{path.name}.saving"          # outside docs_dir: not watched
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _retitle(text: str, marker: str) -> str:
    """The post with `marker` added to its front-matter title (quoted or not)."""
    def add(m: re.Match) -> str:
        value = m[1]
        if value[:1] in "\"'" and value[-1:] == value[:1]:
            return f"title: {value[:-1]} {marker}{value[-1]}"
        return f"title: {value} {marker}"
    return re.sub(r"^title: (.*)$", add, text, count=1, flags=re.MULTILINE)


def serve_rebuilds(python: str, config: Path, docs: Path, side: str, edits: int, timeout: float,
                   dirty: bool = False) -> dict:
    """`mkdocs serve` (with `--dirty` if asked) on `config`: seconds to the first page, then from
    each save of the newest post with a new title until its served page and (ctoblog) the first
    blog index page show the new title."""
    post_file = max((docs / "blog" / "posts").glob("*.md"))
    stem = post_file.stem
    page = f"blog/{stem[11:]}/" if side == "ctoblog" else f"blog/posts/{stem}/"   # YYYY-MM-DD-slug.md
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/{page}"
    index_url = f"http://127.0.0.1:{port}/blog/" if side == "ctoblog" else None
    log = config.with_name(f"serve-{side}.log")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    original = post_file.read_text(encoding="utf-8")

    def wait(check) -> float:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if proc.poll() is not None:
                raise RuntimeError(f"mkdocs serve exited: {log.read_text(errors='replace')[-2000:]}")
            status, text = _get(url)
            if status == 200 and check(text):
                if index_url is None:
                    return time.perf_counter() - start
                status, text = _get(index_url)
                if status == 200 and check(text):
                    return time.perf_counter() - start
            time.sleep(0.05)
        raise TimeoutError(f"{url}: no rebuild within {timeout}s")

    with log.open("wb") as out:
        cmd = [python, "-m", "mkdocs", "serve", *(["--dirty"] if dirty else []), "-a", f"127.0.0.1:{port}",
               "-f", str(config)]
        proc = subprocess.Popen(cmd,
                                stdout=out, stderr=subprocess.STDOUT, env=env, cwd=config.parent,
                                start_new_session=True)
    rebuilds: list[float] = []
    try:
        first = wait(lambda text: True)
        for i in range(edits):
            marker = f"serve-rebuild-marker-{side}-{i}"
            _save(post_file, _retitle(original, marker), config.parent)
            rebuilds.append(round(wait(lambda text, m=marker: m in text), 3))
    finally:
        _save(post_file, original, config.parent)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)      # the session started above: mkdocs serve only
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    return {"page": page, "first_page_s": round(first, 3), "rebuild_s": rebuilds,
            "rebuild_median_s": round(statistics.median(rebuilds), 3) if rebuilds else None}


def summarise(runs: list[dict], key: str) -> dict | None:
    vals = [r[key] for r in runs if r["returncode"] == 0]
    if not vals:
        return None
    return {"median": round(statistics.median(vals), 3), "min": min(vals), "max": max(vals), "n": len(vals)}


def bench(n: int, args: argparse.Namespace) -> dict:
    sides = {"both": ["plain", "ctoblog"], "none": ["plain"], "only": ["ctoblog"]}[args.plugin]
    if args.material:
        sides.append("material")
    work = Path(tempfile.mkdtemp(prefix=f"ctoblog-bench-{n}-", dir=args.workdir))
    try:
        gen = generate(n, work / "docs", seed=args.seed)
        print(f"N={n}: generated {gen['posts']} posts ({gen['avg_words']} words avg) in {gen['seconds']}s",
              file=sys.stderr)
        configs = write_configs(work, json.loads(args.ctoblog_options) if args.ctoblog_options else None)
        if args.material:
            convert(work / "docs", work / "docs-material")
        runs: dict[str, list[dict]] = {s: [] for s in sides}
        for i in range(args.runs):
            order = sides if i % 2 == 0 else sides[::-1]
            for side in order:
                out = work / f"site-{side}-{i}"
                r = build_once(args.python, configs[side], out, args.profile, args.timeout)
                runs[side].append(r)
                status = "ok" if r["returncode"] == 0 else f"FAILED (exit {r['returncode']})"
                print(f"  run {i + 1}/{args.runs} {side:8s} {r['wall_s']:8.2f}s {r['peak_mb']:7.1f} MB "
                      f"{r['html_pages']} pages {status}", file=sys.stderr)
                if r["returncode"] != 0:
                    print("    " + r["error_tail"].strip().splitlines()[-1][:300], file=sys.stderr)
                if args.keep and i == args.runs - 1:
                    continue
                shutil.rmtree(out, ignore_errors=True)
        res: dict = {"n": n, "generated": gen, "runs": runs}
        if args.serve_edits:
            res["serve"] = {}
            modes = {"both": (False, True), "dirty": (True,), "full": (False,)}[args.serve_modes]
            for side in (s for s in sides if s != "material"):
                for dirty in modes:
                    name = f"{side} --dirty" if dirty else side
                    res["serve"][name] = serve_rebuilds(args.python, configs[side], work / "docs", side,
                                                        args.serve_edits, args.timeout or 3600, dirty=dirty)
                    print(f"  serve {name:16s} first page {res['serve'][name]['first_page_s']:.2f}s, rebuilds "
                          f"{res['serve'][name]['rebuild_s']}", file=sys.stderr)
        for side in sides:
            res[side] = {k: summarise(runs[side], k) for k in ("wall_s", "peak_mb", "cpu_s")}
            ok = [r for r in runs[side] if r["returncode"] == 0]
            if ok:
                res[side]["html_pages"] = ok[-1]["html_pages"]
                res[side]["warnings"] = ok[-1]["warnings"]
            names = sorted({k for r in ok for k in r["timings"]})
            res[side]["timings"] = {}
            for k in names:
                vals = [r["timings"].get(k, 0.0) for r in ok]
                res[side]["timings"][k] = {"median_s": round(statistics.median(vals), 4),
                                           "min_s": round(min(vals), 4), "max_s": round(max(vals), 4)}
        return res
    finally:
        if args.keep:
            print(f"  kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def _fmt(s: dict | None, unit: str = "s", digits: int = 2) -> str:
    if not s:
        return "–"
    return f"{s['median']:.{digits}f}{unit} ({s['min']:.{digits}f}–{s['max']:.{digits}f})"


def table(results: list[dict]) -> str:
    """Child CPU time (user + sys: less noisy than wall time on a shared machine) and peak memory."""
    head = ("| N | plain CPU | ctoblog CPU | ctoblog ratio | Material blog CPU | Material ratio | ms/post plain / "
            "ctoblog | peak MB plain / ctoblog / Material | mem ratio ctoblog / Material | pages plain / ctoblog / Material |")
    lines = [head, "|---:|---|---|---:|---|---:|---|---|---|---|"]
    for r in results:
        if not any(r["runs"].values()):
            continue                                   # --runs 0: serve timings only
        cpu = {side: (r.get(side) or {}).get("cpu_s") for side in ("plain", "ctoblog", "material")}
        mem = {side: (r.get(side) or {}).get("peak_mb") for side in ("plain", "ctoblog", "material")}
        pages = " / ".join(str((r.get(side) or {}).get("html_pages", "–")) for side in ("plain", "ctoblog", "material"))

        def ratio(values: dict, side: str) -> str:
            a, b = values.get(side), values.get("plain")
            return f"{a['median'] / b['median']:.2f}×" if a and b else "–"

        per = " / ".join(f"{cpu[s]['median'] / r['n'] * 1000:.1f}" if cpu[s] else "–" for s in ("plain", "ctoblog"))
        mems = " / ".join(f"{mem[s]['median']:.0f}" if mem[s] else "–" for s in ("plain", "ctoblog", "material"))
        lines.append(f"| {r['n']} | {_fmt(cpu['plain'])} | {_fmt(cpu['ctoblog'])} | {ratio(cpu, 'ctoblog')} | "
                     f"{_fmt(cpu['material'])} | {ratio(cpu, 'material')} | {per} | {mems} | "
                     f"{ratio(mem, 'ctoblog')} / {ratio(mem, 'material')} | {pages} |")
    return "\n".join(lines)


def timing_table(results: list[dict]) -> str:
    rows = []
    for r in results:
        c = r.get("ctoblog") or {}
        wall = (c.get("wall_s") or {}).get("median")
        for name, t in sorted((c.get("timings") or {}).items(), key=lambda kv: -kv[1]["median_s"]):
            share = f"{t['median_s'] / wall * 100:.1f}%" if wall else "–"
            rows.append(f"| {r['n']} | {name} | {t['median_s']:.3f}s ({t['min_s']:.3f}–{t['max_s']:.3f}) "
                        f"| {share} |")
    if not rows:
        return "(no `ctoblog timing:` lines in the logs)"
    return "\n".join(["| N | phase | median (min–max) | of ctoblog wall |", "|---:|---|---|---:|", *rows])


def serve_table(results: list[dict]) -> str:
    rows = []
    for r in results:
        serve = r.get("serve") or {}
        for side in serve:
            if side in serve:
                s = serve[side]
                rebuilds = s["rebuild_s"]
                spread = f" ({min(rebuilds):.2f}–{max(rebuilds):.2f})" if rebuilds else ""
                med = f"{s['rebuild_median_s']:.2f}s{spread}" if rebuilds else "–"
                rows.append(f"| {r['n']} | {side} | {s['first_page_s']:.2f}s | {med} | {len(rebuilds)} |")
    if not rows:
        return ""
    return "\n".join(["| N | side | serve: first page | edit → rebuilt page, median (min–max) | edits |",
                      "|---:|---|---:|---|---:|", *rows])


def environment(python: str) -> dict:
    probe = ("import json, importlib.metadata as m\n"
             "def v(d):\n    try: return m.version(d)\n    except Exception: return None\n"
             "print(json.dumps({d: v(d) for d in ['mkdocs', 'mkdocs-material', 'mkdocs-ctoblog', 'Markdown',"
             " 'pymdown-extensions']}))")
    try:
        versions = json.loads(subprocess.run([python, "-c", probe], capture_output=True, text=True,
                                             check=True).stdout)
    except (subprocess.CalledProcessError, json.JSONDecodeError):
        versions = {}
    try:
        commit = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"], check=False,
                                capture_output=True, text=True).stdout.strip() or None
    except OSError:
        commit = None
    return {"python": subprocess.run([python, "-c", "import sys; print(sys.version.split()[0])"],
                                     check=False, capture_output=True, text=True).stdout.strip(),
            "platform": platform.platform(), "cpus": os.cpu_count(), "git_commit": commit, **versions}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 10000],
                    help="post counts (default 1000 10000)")
    ap.add_argument("--runs", type=int, default=3, help="builds per side and N (default 3)")
    ap.add_argument("--plugin", choices=["both", "none", "only"], default="both",
                    help="both sides (default), none = plain side only, only = ctoblog side only")
    ap.add_argument("--profile", action="store_true",
                    help="build with mkdocs -v (both sides); summarise the plugin's `ctoblog timing:` lines")
    ap.add_argument("--ctoblog-options", metavar="JSON", help='plugin options, e.g. \'{"pagination": 20}\'')
    ap.add_argument("--python", default=sys.executable,
                    help="interpreter with mkdocs installed (default: this one)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--timeout", type=float, default=None, help="seconds before a build is killed")
    ap.add_argument("--workdir", default=None, help="where the temporary sites go (default: system temp)")
    ap.add_argument("--keep", action="store_true",
                    help="keep the generated docs and the last build of each side")
    ap.add_argument("--no-save", action="store_true", help="do not write benchmarks/results/")
    ap.add_argument("--material", action="store_true",
                    help="a third side: Material's blog plugin on the same posts (benchmarks/material_side.py)")
    ap.add_argument("--serve-edits", type=int, default=0, metavar="K",
                    help="also time K rebuilds of `mkdocs serve` after editing one post (each side)")
    ap.add_argument("--serve-modes", choices=["both", "dirty", "full"], default="both",
                    help="with --serve-edits: `mkdocs serve` with and without --dirty (default), or one of them")
    args = ap.parse_args(argv)

    env = environment(args.python)
    print(f"mkdocs {env.get('mkdocs')}, material {env.get('mkdocs-material')}, "
          f"ctoblog {env.get('mkdocs-ctoblog')}, python {env.get('python')}, {env['cpus']} CPUs",
          file=sys.stderr)
    results = [bench(n, args) for n in args.sizes]
    md = table(results)
    if args.profile:
        md += "\n\n" + timing_table(results)
    if args.serve_edits:
        md += "\n\n" + serve_table(results)
    print(md)
    failed = any(r["returncode"] for res in results for runs in res["runs"].values() for r in runs)
    if not args.no_save:
        RESULTS.mkdir(exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        payload = {"when": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "env": env,
                   "args": {k: v for k, v in vars(args).items()}, "results": results}
        (RESULTS / f"bench-{stamp}.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        (RESULTS / f"bench-{stamp}.md").write_text(md + "\n", encoding="utf-8")
        print(f"saved {RESULTS / f'bench-{stamp}.json'}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
