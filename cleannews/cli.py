"""The command line: ``cleannews clean PATH|-``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import cleannews
from cleannews.model import Article

FORMATS = ("text", "markdown", "json")


def render(article: Article, fmt: str) -> str:
    """The article as plain text (title line, then blocks), Markdown or JSON."""
    if fmt == "markdown":
        return article.to_markdown()
    if fmt == "json":
        return json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return article.render() + "\n"


def read_input(path: str) -> str:
    """The text at ``path`` (``-`` for standard input), decoded as UTF-8."""
    if path == "-":
        return sys.stdin.read()
    return Path(path).read_text(encoding="utf-8", errors="replace")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleannews", description=cleannews.__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"cleannews {cleannews.__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    clean = commands.add_parser("clean", help="clean one article and print it")
    clean.add_argument("path", help="a text file, or - for standard input")
    clean.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    clean.add_argument("--title", help="the headline, when known")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        raw = read_input(args.path)
    except OSError as error:
        print(f"cleannews: cannot read {args.path}: {error.strerror or error}", file=sys.stderr)
        return 2
    sys.stdout.write(render(cleannews.clean_text(raw, title=args.title), args.format))
    return 0
