"""What `import-jekyll` did, and what is left to do, as plain text."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from mkdocs_ctoblog.plural import counted


@dataclass
class Report:
    """Counts and lists gathered while importing; `text()` writes the report."""

    source: str
    dest: str
    published: int = 0
    pages: int = 0
    static_files: int = 0
    drafts: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)  # `published: false`
    scheduled: list[tuple[str, dt.datetime]] = field(default_factory=list)
    parked: list[tuple[str, dt.datetime]] = field(default_factory=list)
    collisions: list[tuple[str, str, str, str]] = field(default_factory=list)  # url, kept, moved, new url
    redirects_left_out: list[tuple[str, str, str]] = field(default_factory=list)  # path, doc, owner
    set_aside: list[str] = field(default_factory=list)  # "doc: 'key': value ..." (material_meta)
    kept_urls: list[tuple[str, str]] = field(default_factory=list)  # doc, url that lower-case slugs would change
    untranslated: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    problems: list[str] = field(default_factory=list)
    broken: list[tuple[str, str]] = field(default_factory=list)  # doc, target
    pasted: list[tuple[str, str]] = field(default_factory=list)  # doc, what
    listing_pages: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # source path, why
    next_steps: list[str] = field(default_factory=list)
    timezone: str | None = None  # `_config.yml`'s; None: Jekyll used the building machine's, the import UTC
    zone_days: list[tuple[str, dt.datetime, str]] = field(default_factory=list)  # doc, date, URL in UTC
    kept_feeds: list[str] = field(default_factory=list)  # the old site's feed URLs, and what is there now
    feed_not_kept: tuple[str, ...] = ()  # jekyll-feed's other feeds (`feed: tags`, other `collections`)

    def text(self, limit: int | None = None) -> str:
        """The report; with `limit`, each list shows that many lines and counts the rest."""

        def _section(title: str, items: list[str]) -> list[str]:
            if not items:
                return []
            shown = items[:limit] if limit else items
            more = [f"  ... and {len(items) - len(shown)} more"] if len(items) > len(shown) else []
            return ["", f"{title} ({len(items)}):", *(f"  {item}" for item in shown), *more]

        lines = [
            f"Imported {self.source} into {self.dest}",
            f"  posts published: {self.published}",
            f"  drafts: {len(self.drafts)} (from _drafts or draft: true)",
            f"  hidden by 'published: false' (written as drafts): {len(self.hidden)}",
            f"  scheduled (dated later, published on their date): {len(self.scheduled)}",
            f"  parked (dated more than a year ahead, written as drafts, date kept): {len(self.parked)}",
            f"  pages: {self.pages}; static files copied: {self.static_files}",
            f"  time zone: {self.timezone} (from _config.yml)" if self.timezone else
            "  time zone: UTC (_config.yml sets no 'timezone', so Jekyll used the zone of the machine that built "
            "it; set ctoblog's 'timezone' in mkdocs.yml to that zone to get its days)",
        ]
        lines += [f"  feed URL kept: {line}" for line in self.kept_feeds]
        if self.feed_not_kept:
            lines.append(f"  jekyll-feed's other feeds ({', '.join(self.feed_not_kept)}) are not kept: ctoblog writes "
                         "feeds of the blog and of each category (/blog/category/<slug>/feed.xml), not of tags or other collections")
        lines += _section("Scheduled posts", [f"{d:%Y-%m-%d %H:%M %z}  {doc}" for doc, d in sorted(self.scheduled, key=lambda x: x[1])])
        lines += _section("Parked posts", [f"{d:%Y-%m-%d}  {doc}" for doc, d in sorted(self.parked, key=lambda x: x[1])])
        lines += _section(
            "Posts and pages Jekyll wrote to one URL (it served the last one written); all kept",
            [f"{url}: {kept} keeps it, {moved} is now at {new}" for url, kept, moved, new in self.collisions],
        )
        lines += _section("Front-matter keys Material reads with another meaning, kept under another name", self.set_aside)
        lines += _section(
            "redirect_from paths that another file or redirect of the site has (left out of the page)",
            [f"{path}: left out of {doc}, {owner} has it" for path, doc, owner in self.redirects_left_out],
        )
        lines += _section(
            "URLs with upper case, '_', '.' or spaces, kept exactly (slug_case: keep)",
            [f"{url}  {doc}" for doc, url in self.kept_urls],
        )
        lines += _section(
            "Liquid tags not translated (kept as HTML comments: nothing shows, nothing is lost)",
            [
                f"{name}: {sum(files.values())} in {counted(len(files), 'file')} ({', '.join(sorted(files)[:3])}{', ...' if len(files) > 3 else ''})"
                for name, files in sorted(self.untranslated.items(), key=lambda item: -sum(item[1].values()))
            ],
        )
        lines += _section(
            "Posts dated with a UTC offset that fall on another day in UTC: their URL is the UTC day's, "
            "as Jekyll gave it on a machine in UTC",
            [f"{d.isoformat()}  /{url}  {doc}" for doc, d, url in self.zone_days],
        )
        lines += _section("Problems", self.problems)
        lines += _section("Missing images and broken links", [f"{doc}: {target}" for doc, target in self.broken])
        lines += _section(
            "Pasted blocks the plugin now adds (delete them from these posts)", [f"{doc}: {what}" for doc, what in self.pasted]
        )
        lines += _section("Pages whose post lists (Liquid loops) became a latest-posts block", self.listing_pages)
        lines += _section("Not imported", [f"{path}: {why}" for path, why in self.skipped])
        lines += _section("Next", self.next_steps)
        return "\n".join(lines) + "\n"

