"""Clean the first pages of the public sets, once, and exit: a whole process
to time before and after a speed change (with ``/usr/bin/time -v``, the runs
of the two trees alternated so that drift on a shared machine hits both).

    python benchmarks/clean_pages.py [DATA] [--text CORPUS ...] [--html SET] [--pages 200]

``--text`` runs `clean_text` on the ``input_lines`` of the first ``--pages``
pages of each ``*-text`` corpus named; ``--html`` runs `clean_html` on the
first ``--pages`` pages of an HTML set (its ``html/*.html.gz`` in name order).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from itertools import islice
from pathlib import Path

import corpus

sys.path.insert(0, str(corpus.REPO))
import cleannews


def text_pages(data: Path, name: str, pages: int) -> list[str]:
    """The ``input_lines`` of the first ``pages`` pages of the text corpus ``name``."""
    with open(data / name / "pages.jsonl", encoding="utf-8") as lines:
        return [json.loads(line)["input_lines"] for line in islice(lines, pages)]


def html_pages(data: Path, name: str, pages: int) -> list[bytes]:
    """The first ``pages`` pages of the HTML set ``name``, decompressed."""
    return [gzip.decompress(p.read_bytes()) for p in sorted((data / name / "html").iterdir())[:pages]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=corpus.DEFAULT_DATA)
    parser.add_argument("--text", nargs="*", default=[])
    parser.add_argument("--html")
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    for name in args.text:
        for raw in text_pages(args.data, name, args.pages):
            cleannews.clean_text(raw)
    if args.html:
        for page in html_pages(args.data, args.html, args.pages):
            cleannews.clean_html(page)


if __name__ == "__main__":
    main()
