"""Spurious titles: how often cleannews names a title when the text has none.

    python benchmarks/untitled.py [DATA] [--corpus NAME ...] [--show N]

``DATA`` defaults to ``../shared/benchmarks``. Every labelled document that
has a title line is cleaned again with its title line(s) taken out, as a
scraper that lost the headline leaves it, with the scorer held out from its
corpus (``benchmarks/models/loco-<corpus>.json``, as in evaluate.py). Any
title cleannews then gives is counted; the table sorts them by the gold
label of the line taken. ``content`` is spurious for sure (a lead, a
caption, a dateline). ``junk`` is a related headline or a menu line, or,
on the scrapinghub-text and cleanportaleval-text sets, the page's printed
headline, which their gold labels ``junk`` as a repeat of the ``<title>``
line (see their READMEs): a title a reader would want. ``--show N`` prints
the first N spurious titles of each corpus (their text stays on screen,
never in the repository).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpora  # noqa: E402
from evaluate import steps_for  # noqa: E402

import cleannews  # noqa: E402

CORPORA = ("scrapinghub-text", "cleanportaleval-text", "indonesian-dev", "indonesian-raw")


@dataclasses.dataclass
class Tally:
    documents: int = 0
    spurious: int = 0
    labels: Counter[str] = dataclasses.field(default_factory=Counter)
    shown: list[str] = dataclasses.field(default_factory=list)


def without_title(document: corpora.Document) -> list[str] | None:
    """The document's lines without its title lines (``None``: it has none)."""
    lines = document.raw.split("\n")
    kept = [line for n, line in enumerate(lines) if document.labels.get(n) != "title"]
    return kept if len(kept) < len(lines) else None


def tally(name: str, data: Path, show: int) -> Tally:
    steps = steps_for(name, shipped=False, models=HERE / "models")
    out = Tally()
    for document in corpora.load(name, data):
        lines = without_title(document)
        if lines is None:
            continue
        out.documents += 1
        title = cleannews.clean_text("\n".join(lines), steps=steps).title
        if title:
            out.spurious += 1
            labels = {line.strip(): document.labels.get(n) for n, line in enumerate(document.raw.split("\n"))}
            out.labels[labels.get(title.strip()) or "cut from a line"] += 1
            if len(out.shown) < show:
                out.shown.append(f"{document.id}: {title[:100]}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=corpora.DEFAULT_DATA)
    parser.add_argument("--corpus", action="append", choices=CORPORA)
    parser.add_argument(
        "--show", type=int, default=0, help="print the first N spurious titles of each corpus"
    )
    args = parser.parse_args(argv)
    print(
        "| corpus | documents with a title line | spurious titles without it | share | their lines' labels |"
    )
    print("|---|---|---|---|---|")
    for name in args.corpus or CORPORA:
        found = tally(name, args.data, args.show)
        share = found.spurious / found.documents if found.documents else 0.0
        labels = ", ".join(f"{label} {n}" for label, n in found.labels.most_common()) or "–"
        print(f"| {name} | {found.documents} | {found.spurious} | {share:.3f} | {labels} |")
        for line in found.shown:
            print(f"    {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
