#!/usr/bin/env python3
"""Generate N realistic Jekyll-style blog posts for benchmarks (deterministic, standard library only).

    python benchmarks/generate_posts.py N OUTDIR [--seed 42] [--force]

Writes ``OUTDIR/blog/posts/YYYY-MM-DD-slug.md`` (N files), ``OUTDIR/index.md``,
``OUTDIR/blog/index.md`` and a few small PNGs under ``OUTDIR/assets/images/``. The same N and
seed always give byte-identical files.

The front matter has the shapes real Jekyll blogs have: ``layout: post``; ``category`` (one
string, spaces allowed) or ``categories`` (flow list, block list, or a space-separated string);
``tags`` as a list or a space-separated string (60+ distinct, a few differing only in case);
``date`` as ``2013-09-14 20:46:50 -0400``, ``2016-12-10 00:30``, a YAML datetime, a date only,
a quoted string, or missing (the file name's date then); ``image`` as a site-absolute path, a
``{path, alt}`` mapping, or with ``image_alt``; ``author``; ``description`` mostly. Bodies have
600-1,500 words of prose with ``##``/``###`` headings, fenced code, lists, some images, tables,
quotes and links to earlier posts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import struct
import sys
import time
import zlib
from pathlib import Path


def _words(text: str) -> list[str]:
    return text.split()


CATEGORIES = [
    "Engineering Leadership", "fCTO", "Architecture", "DevOps", "Hiring", "Product", "Security",
    "Cloud Costs", "Startups", "Data", "AI", "Career", "Remote Work", "Über-Engineering", "Due Diligence",
]
# single-word categories, usable in a Jekyll space-separated `categories:` string
WORD_CATEGORIES = ["fCTO", "fcto", "Architecture", "DevOps", "Hiring", "Product", "Security", "Startups",
                   "Data", "AI", "Career", "devops"]
TAGS = [
    "python", "go", "rust", "typescript", "java", "kotlin", "postgres", "mysql", "redis", "kafka",
    "kubernetes", "docker", "terraform", "aws", "gcp", "azure", "serverless", "microservices", "monolith",
    "ci", "cd",
    "testing", "tdd", "observability", "logging", "tracing", "sre", "on-call", "incidents", "postmortems",
    "security", "gdpr", "soc2", "iso27001", "budgeting", "finops", "hiring", "interviews", "onboarding",
    "1on1s", "okrs", "roadmaps", "estimates", "scrum", "kanban", "tech-debt", "refactoring", "api-design",
    "graphql", "rest", "event-sourcing", "ddd", "llm", "mlops", "data-engineering", "dbt", "analytics",
    "fundraising", "board", "due-diligence", "vendors", "outsourcing", "remote", "culture", "mentoring",
    "Python", "AWS", "Kubernetes",
]
AUTHORS = ["Jane Doe", "Alex Martin", "Priya Natarajan", "Jörg Müller"]
COVERS = [f"cover-{i}.png" for i in range(1, 7)]
FIGURES = [f"figure-{i}.png" for i in range(1, 5)]

WORDS = _words("""the a of and to in is that for it as with on be this by are we you not or have from at
but can your our was they will their more when what which about team teams there one all so if
would do make than most some time work people because into how them first only also after other
just need really over like very then even any where much those these new way good well many should
could might every while before without still each both such through during against between""")
TECH = _words("""deployment pipeline latency throughput backlog roadmap architecture service database cache queue
contract budget runway hiring interview onboarding incident postmortem migration monolith platform
cluster container release sprint estimate stakeholder board investor vendor audit compliance
encryption token schema index replica shard partition observability dashboard alert runbook
on-call retrospective velocity refactoring prototype customer revenue churn funnel experiment
feature flag rollout rollback canary staging production outage dependency framework library
upgrade tooling automation review mentoring strategy headcount budget forecast cost invoice
scalability reliability availability resilience security threat privacy retention analytics
warehouse model inference embedding prompt evaluation dataset pipeline governance""")
VERBS = _words("""ship measure hire scale reduce automate migrate rewrite split simplify document review plan
test monitor deploy refactor negotiate prioritise delegate communicate estimate audit secure""")
TITLE_TEMPLATES = [
    "How we {verb} the {tech} at a {stage} startup",
    "{n} lessons from {n2} years of {tech}",
    "Why your {tech} is not the problem",
    "The {adj} guide to {tech} for founders",
    "What a fractional CTO does in the first {n} days",
    "Stop trying to {verb} your {tech}",
    "{tech} vs {tech2}: a decision record",
    "When to {verb} the {tech} (and when not to)",
    "A {adj} checklist for {tech} reviews",
    "Notes on {tech}: {adj} patterns",
    "Scaling {tech} from {n} to {n3} engineers",
    "Ask the CTO: should we {verb} our {tech}?",
]
ADJ = _words("""practical pragmatic boring honest minimal opinionated realistic short complete small hard
simple costly quiet""")
STAGES = ["seed-stage", "Series A", "Series B", "bootstrapped", "scale-up", "50-person", "pre-revenue"]
LANGS = {
    "python": ["import os", "from dataclasses import dataclass", "", "@dataclass", "class {C}:",
               "    name: str", "    retries: int = 3", "", "def {f}(items):",
               "    return [i for i in items if i.{f2}()]"],
    "bash": ["set -euo pipefail", "export ENV=staging", "kubectl rollout status deploy/{f} --timeout=120s",
             "terraform plan -out plan.bin && terraform apply plan.bin"],
    "yaml": ["service: {f}", "replicas: 3", "resources:", "  limits: {{cpu: 500m, memory: 512Mi}}",
             "alerts:", "  - name: {C}Latency", "    threshold_ms: 250"],
    "sql": ["SELECT team, count(*) AS deploys", "FROM deployments",
            "WHERE created_at > now() - interval '30 days'",
            "GROUP BY team ORDER BY deploys DESC;"],
    "go": ["package main", "", "import \"fmt\"", "", "func {f}(n int) int {{", "\treturn n * 2", "}}", "",
           "func main() {{ fmt.Println({f}(21)) }}"],
}


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A small valid PNG (RGB, horizontal gradient of ``rgb``), made with zlib only."""
    rows = b"".join(b"\x00" + b"".join(bytes(min(255, c * (x + width) // (2 * width)) for c in rgb)
                                       for x in range(width)) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(rows, 9))
            + chunk(b"IEND", b""))


def slugify(text: str) -> str:
    text = text.replace("ü", "u").replace("Ü", "U").replace("ö", "o")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def yaml_str(s: str, rng: random.Random) -> str:
    """Quote like people do: double quotes mostly, single quotes sometimes, bare when safe."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 ,.'()-]*[A-Za-z0-9.)]", s) and rng.random() < 0.3 and "'" not in s:
        return s
    if rng.random() < 0.2:
        return "'" + s.replace("'", "''") + "'"
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def word(self) -> str:
        return self.rng.choice(TECH) if self.rng.random() < 0.22 else self.rng.choice(WORDS)

    def sentence(self) -> str:
        words = [self.word() for _ in range(self.rng.randint(6, 18))]
        if self.rng.random() < 0.15:
            words.insert(self.rng.randrange(len(words)), f"`{self.rng.choice(TECH)}`")
        if self.rng.random() < 0.1:
            i = self.rng.randrange(len(words))
            words[i] = f"**{words[i]}**"
        s = " ".join(words)
        return s[0].upper() + s[1:] + self.rng.choice([".", ".", ".", "?", "!"])

    def paragraph(self, words: int) -> tuple[str, int]:
        out, n = [], 0
        while n < words:
            s = self.sentence()
            out.append(s)
            n += len(s.split())
        return " ".join(out), n

    def title(self) -> str:
        r = self.rng
        t = r.choice(TITLE_TEMPLATES).format(
            verb=r.choice(VERBS), tech=r.choice(TECH), tech2=r.choice(TECH), adj=r.choice(ADJ),
            stage=r.choice(STAGES), n=r.randint(3, 12), n2=r.randint(5, 20), n3=r.randint(20, 200))
        return t[0].upper() + t[1:]

    def code(self) -> str:
        lang = self.rng.choice(sorted(LANGS))
        body = "\n".join(LANGS[lang]).format(C=self.rng.choice(TECH).title().replace("-", ""),
                                             f=self.rng.choice(VERBS), f2=self.rng.choice(VERBS))
        return f"```{lang}\n{body}\n```"


def front_matter(rng: random.Random, w: Writer, title: str, when: dt.datetime,
                 image_dir: str) -> tuple[str, list[str], list[str]]:
    """The YAML block, the tags and the categories it names."""
    cats: list[str] = []
    lines = ["---", "layout: post", f"title: {yaml_str(title, rng)}"]
    if rng.random() < 0.8:
        lines.append(f"description: {yaml_str(w.sentence().rstrip('.?!'), rng)}")
    r = rng.random()
    off = rng.choice(["-0400", "-0500", "+0100", "+0200", "+0000", "-0800", "+0530"])
    if r < 0.30:
        lines.append(f"date: {when:%Y-%m-%d %H:%M:%S} {off}")          # Jekyll's default shape
    elif r < 0.50:
        lines.append(f"date: {when:%Y-%m-%d %H:%M}")                   # string, not a YAML timestamp
    elif r < 0.62:
        lines.append(f"date: {when:%Y-%m-%d %H:%M:%S}")                # YAML datetime (naive)
    elif r < 0.70:
        lines.append(f"date: {when:%Y-%m-%dT%H:%M:%S}Z")               # YAML datetime (UTC)
    elif r < 0.88:
        lines.append(f"date: {when:%Y-%m-%d}")                         # YAML date
    elif r < 0.95:
        lines.append(f'date: "{when:%Y-%m-%d %H:%M:%S} {off}"')        # quoted string
    # else: no date: the file name's date applies
    if rng.random() < 0.9:
        lines.append(f"author: {yaml_str(rng.choice(AUTHORS), rng)}")
    r = rng.random()
    if r < 0.35:
        cats = [rng.choice(CATEGORIES)]
        lines.append(f"category: {cats[0]}")
    elif r < 0.58:
        cats = rng.sample(CATEGORIES, rng.randint(1, 3))
        lines.append("categories: [" + ", ".join(cats) + "]")
    elif r < 0.78:
        cats = rng.sample(CATEGORIES, rng.randint(1, 3))
        lines.append("categories:")
        lines += [f"  - {c}" for c in cats]
    elif r < 0.95:
        cats = list(dict.fromkeys(rng.sample(WORD_CATEGORIES, rng.randint(1, 3))))
        lines.append("categories: " + " ".join(cats))
    tags = list(dict.fromkeys(rng.sample(TAGS, rng.randint(2, 6))))
    r = rng.random()
    if r < 0.3:
        lines.append("tags: [" + ", ".join(tags) + "]")
    elif r < 0.5:
        lines.append("tags:")
        lines += [f"  - {t}" for t in tags]
    elif r < 0.8:
        lines.append("tags: " + " ".join(tags))
    else:
        tags = []
    r = rng.random()
    cover = f"{image_dir}/{rng.choice(COVERS)}"
    if r < 0.40:
        lines.append(f"image: {cover}")
    elif r < 0.55:
        lines += ["image:", f"  path: {cover}", f"  alt: {yaml_str('Cover: ' + title, rng)}"]
    elif r < 0.65:
        lines += [f"image: {cover}", f"image_alt: {yaml_str('Illustration for ' + title, rng)}"]
    if rng.random() < 0.2:
        lines.append(f"comments: {rng.choice(['true', 'false'])}")
    lines.append("---")
    return "\n".join(lines), tags, cats


def body(rng: random.Random, w: Writer, earlier: list[str]) -> tuple[str, int]:
    """Markdown body and its count of prose words (code excluded)."""
    target = rng.randint(620, 1400)    # paragraphs overshoot a little: ends within 600-1,500
    parts: list[str] = []
    words = 0
    intro, n = w.paragraph(rng.randint(50, 90))
    parts.append(intro)
    words += n
    if rng.random() < 0.5:
        parts.append("<!-- more -->")
    sections = rng.randint(3, 6)
    per_section = max(60, (target - words) // sections)
    for s in range(sections):
        heading = w.sentence().rstrip(".?!")
        parts.append(f"## {' '.join(heading.split()[:rng.randint(3, 7)])}")
        budget = per_section if s < sections - 1 else max(0, target - words)
        while budget > 0:
            kind = rng.random()
            if kind < 0.12:
                items = [w.sentence() for _ in range(rng.randint(3, 6))]
                numbered = rng.random() < 0.4
                parts.append("\n".join(f"{i + 1}. {t}" if numbered else f"- {t}"
                                       for i, t in enumerate(items)))
                n = sum(len(t.split()) for t in items)
            elif kind < 0.20:
                parts.append(w.code())
                n = 0
                budget -= 25       # code counts a little, so long sections still end
            elif kind < 0.25:
                fig = rng.choice(FIGURES)
                parts.append(f"![{w.sentence().rstrip('.?!')}](../../assets/images/{fig})")
                n = 0
                budget -= 20
            elif kind < 0.28:
                q, n = w.paragraph(25)
                parts.append("> " + q)
            elif kind < 0.30:
                rows = [f"| {rng.choice(TECH)} | {rng.randint(1, 99)} | {rng.choice(ADJ)} |"
                        for _ in range(4)]
                parts.append("| Area | Score | Verdict |\n| --- | ---: | --- |\n" + "\n".join(rows))
                n = 0
                budget -= 20
            elif kind < 0.33 and earlier:
                link = rng.choice(earlier[-200:])
                p, n = w.paragraph(40)
                parts.append(f"{p} See also [an earlier post]({link}).")
            elif kind < 0.36:
                parts.append(f"### {' '.join(w.sentence().rstrip('.?!').split()[:4])}")
                n = 0
                budget -= 5
            else:
                p, n = w.paragraph(min(budget, rng.randint(40, 120)) or 40)
                parts.append(p)
            words += n
            budget -= n
    while words < 600:
        p, n = w.paragraph(40)
        parts.append(p)
        words += n
    return "\n\n".join(parts) + "\n", words


def generate(n: int, outdir: Path | str, seed: int = 42, force: bool = False) -> dict:
    """Write ``n`` posts into ``outdir``; return a summary dict (counts, words, seconds)."""
    t0 = time.perf_counter()
    outdir = Path(outdir)
    posts = outdir / "blog" / "posts"
    if posts.is_dir() and any(posts.glob("*.md")):
        if not force:
            raise SystemExit(f"{posts} already has posts; pass --force to replace them")
        for p in posts.glob("*.md"):
            p.unlink()
    posts.mkdir(parents=True, exist_ok=True)
    images = outdir / "assets" / "images"
    images.mkdir(parents=True, exist_ok=True)
    palette = [(200, 60, 60), (60, 140, 200), (60, 170, 90), (220, 160, 40), (130, 80, 190), (40, 160, 160)]
    for i, name in enumerate(COVERS):
        (images / name).write_bytes(png(120, 63, palette[i % len(palette)]))
    for i, name in enumerate(FIGURES):
        (images / name).write_bytes(png(80, 48, palette[(i + 2) % len(palette)]))

    rng = random.Random(seed)
    w = Writer(rng)
    start, end = dt.datetime(2010, 1, 4, 8, 0), dt.datetime(2025, 6, 30, 18, 0)
    span = (end - start).total_seconds()
    stamps = sorted(start + dt.timedelta(seconds=rng.uniform(0, span)) for _ in range(n))
    seen: set[str] = set()
    earlier: list[str] = []
    total_words, min_words, max_words = 0, 10**9, 0
    tags_used: set[str] = set()
    cats_used: set[str] = set()
    for when in stamps:
        when = when.replace(microsecond=0)
        title = w.title()
        slug = base = slugify(title)[:60].strip("-")
        k = 2
        while slug in seen:
            slug = f"{base}-{k}"
            k += 1
        seen.add(slug)
        name = f"{when:%Y-%m-%d}-{slug}.md"
        fm, tags, cats = front_matter(rng, w, title, when, "/assets/images")
        text, words = body(rng, w, earlier)
        (posts / name).write_text(fm + "\n\n" + text, encoding="utf-8")
        earlier.append(name)
        total_words += words
        min_words, max_words = min(min_words, words), max(max_words, words)
        tags_used.update(t.lower() for t in tags)
        cats_used.update(slugify(c) for c in cats)

    (outdir / "index.md").write_text(
        "# Benchmark blog\n\nA generated site for timing builds: "
        f"{n} posts under [the blog](blog/index.md).\n", encoding="utf-8")
    (outdir / "blog" / "index.md").write_text(
        "# Blog\n\nNotes on engineering leadership, architecture and running technology for startups.\n",
        encoding="utf-8")
    return {"posts": n, "words": total_words, "avg_words": round(total_words / max(n, 1)),
            "min_words": min_words if n else 0, "max_words": max_words,
            "distinct_tags": len(tags_used), "categories": len(cats_used),
            "seconds": round(time.perf_counter() - t0, 2), "dir": str(outdir)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of posts")
    ap.add_argument("outdir", type=Path, help="docs dir to write into (posts go to OUTDIR/blog/posts/)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--force", action="store_true", help="replace posts already in OUTDIR/blog/posts/")
    args = ap.parse_args(argv)
    s = generate(args.n, args.outdir, args.seed, args.force)
    print(f"{s['posts']} posts, {s['words']} prose words (avg {s['avg_words']}, {s['min_words']}-"
          f"{s['max_words']}), {s['distinct_tags']} distinct tags, {s['categories']} categories "
          f"-> {s['dir']} in {s['seconds']}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
