"""Short lines labelled junk on many sites and hardly ever content: candidates
for the phrase lists of ``cleannews/rules/<lang>.toml``.

    python benchmarks/mine_phrases.py [DATA] [--corpora C ...] [--min-sites 3] [--max-words 7]

Reads the labelled ``*-text`` corpora (default: cleaneval-text,
scrapinghub-text and cleanportaleval-text; Dragnet is left out so that its
scores stay a measure of phrases it did not suggest), folds each line
(case, digits to ``0``, spaces, decoration at the ends), and prints every
folded line of at most ``--max-words`` words that is junk on at least
``--min-sites`` distinct sites (the URL's host) and content at most once in
ten times it is junk, with its counts and whether the shipped rules already
remove it as a line of its own (`cleannews.evidence.certain_rule`). Which
candidates enter a rule file, under which reason, is a reader's choice: a
phrase there names a widget or a label, never a site, and says where it was
seen. Nothing is written.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import corpora  # noqa: E402

from cleannews.evidence import gather  # noqa: E402
from cleannews.model import Block  # noqa: E402

DEFAULT_CORPORA = ("cleaneval-text", "scrapinghub-text", "cleanportaleval-text")


def fold(line: str) -> str:
    """A line as the miner counts it.

    >>> fold("  Comments (12) » ")
    'comments (0)'
    """
    folded = re.sub(r"\d+", "0", line.casefold()).strip(" \t|•·-–—»«›‹:>")
    return re.sub(r"\s+", " ", folded)


def mine(data: Path, names: list[str], max_words: int) -> tuple[dict[str, set[str]], Counter, Counter]:
    """Per folded line: the sites it is junk on, and how often it is junk and content."""
    sites: dict[str, set[str]] = defaultdict(set)
    junk: Counter = Counter()
    content: Counter = Counter()
    for name in names:
        for document in corpora.load(name, data):
            lines = document.raw.split("\n")
            for n, label in document.labels.items():
                key = fold(lines[n])
                if not key or len(key.split()) > max_words:
                    continue
                if label == "junk":
                    sites[key].add(document.site or document.id)
                    junk[key] += 1
                elif label in ("content", "heading"):
                    content[key] += 1
    return sites, junk, content


def removed_by_rules(key: str) -> bool:
    """Whether a certain rule of the shipped rules removes the line alone."""
    evidence = gather([Block(key)])[0].evidence
    return evidence is not None and evidence.certain is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=corpora.DEFAULT_DATA)
    parser.add_argument("--corpora", nargs="+", default=list(DEFAULT_CORPORA))
    parser.add_argument("--min-sites", type=int, default=3)
    parser.add_argument("--max-words", type=int, default=7)
    args = parser.parse_args(argv)
    sites, junk, content = mine(args.data, args.corpora, args.max_words)
    found = sorted(
        ((len(s), k) for k, s in sites.items() if len(s) >= args.min_sites and content[k] <= junk[k] // 10),
        reverse=True,
    )
    print("sites\tjunk\tcontent\truled\tline")
    for count, key in found:
        print(f"{count}\t{junk[key]}\t{content[key]}\t{'yes' if removed_by_rules(key) else 'no'}\t{key}")
    print(f"{len(found)} lines on {args.min_sites}+ sites of {', '.join(args.corpora)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
