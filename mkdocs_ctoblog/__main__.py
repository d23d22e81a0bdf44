"""`python -m mkdocs_ctoblog import-jekyll SRC DEST` (also the `ctoblog` command)."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ctoblog", description="Tools for mkdocs-ctoblog sites.")
    commands = parser.add_subparsers(dest="command", required=True)
    jekyll = commands.add_parser(
        "import-jekyll",
        help="write a ready MkDocs project from a Jekyll site (the Jekyll site is only read)",
        description="Write a ready MkDocs project from a Jekyll site: posts at their Jekyll URLs, pages, "
        "assets, Liquid and kramdown translated. SRC is only read.",
    )
    jekyll.add_argument("src", metavar="SRC", help="folder of the Jekyll site (with _config.yml)")
    jekyll.add_argument("dest", metavar="DEST", help="new or empty folder for the MkDocs project")
    jekyll.add_argument(
        "--tags", metavar="FILE", help="YAML file translating your theme's Liquid tags: {name: Jinja template} (as liquid.tags)"
    )
    args = parser.parse_args(argv)

    from mkdocs_ctoblog.jekyll.importer import ImportError_, import_jekyll, read_tags

    try:
        tags = read_tags(args.tags) if args.tags else {}
        report = import_jekyll(args.src, args.dest, tags=tags, progress=lambda line: print(line, file=sys.stderr))
    except ImportError_ as exc:
        print(f"ctoblog import-jekyll: {exc}", file=sys.stderr)
        return 2
    print(report.text(limit=10), end="")
    print(f"\nThe whole report: {args.dest}/import-report.txt. Next: mkdocs build --strict -f {args.dest}/mkdocs.yml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
