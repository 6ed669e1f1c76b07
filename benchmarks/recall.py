"""Where clean_html loses article text that trafilatura or readability-lxml keep, per page.

    python benchmarks/recall.py [DATA] [--sets NAME ...] [--sample N] [--margin 0.05] [--show 5]

For every page of each set (or a fixed sample, as `benchmarks/extraction.py`
draws it), clean_html's recall of the gold's word 4-gram shingles is compared
with that of trafilatura (``favor_recall``, no comments, as the reader asks it)
and readability-lxml. On each page where a peer's recall is ahead by more than
``--margin``, each gold shingle the peer has and clean_html lacks is put down
to one cause:

- ``step:<reason>``: the reader read it and a step dropped it for ``reason``;
- ``reader:trafilatura-cut``: trafilatura did not keep it and readability was
  not asked (or its reading was not taken);
- ``reader:fallback``: trafilatura found no article, and the page body's
  blocks the reader fell back on lack it;
- ``reader:other``: the reader had it in no block for another reason (split
  across blocks, a title chosen over it, ...).

The counts are of pages (a page counts for its main cause: the one with the
most shingles) and of shingles. Page ids only: no text is printed.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction import DEFAULT_DATA, SETS, load, run_readability, run_trafilatura, shingles


def recall(truth: Counter, prediction: Counter) -> float:
    total = sum(truth.values())
    return sum((truth & prediction).values()) / total if total else 1.0


def causes(html: str, missing: Counter) -> Counter[str]:
    """Each missing shingle's cause, counted (see the module's docstring)."""
    import cleannews
    from cleannews.readers.html import article_segments, parse_page, read_html

    blocks, _ = read_html(html)
    read = shingles("\n".join(b.text for b in blocks))
    article = cleannews.clean_html(html)
    tree = parse_page(html)
    extracted = article_segments(tree) if tree is not None else []
    by_reason = {}
    for removed in article.removed:
        for shingle in shingles(removed.text):
            by_reason.setdefault(shingle, removed.reason)
    out: Counter[str] = Counter()
    for shingle, count in missing.items():
        if shingle in by_reason:
            out[f"step:{by_reason[shingle]}"] += count
        elif shingle in read:
            out["step:cut-inline-or-repaired"] += count
        elif len(extracted) <= 1:
            out["reader:fallback"] += count
        elif not all(b.page is None or b.page.trafilatura for b in blocks):
            out["reader:other"] += count
        else:
            out["reader:trafilatura-cut"] += count
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS))
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--margin", type=float, default=0.05)
    parser.add_argument("--show", type=int, default=5, help="page ids shown per cause")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    import cleannews

    for name in args.sets:
        bench = load(args.data.resolve(), name, args.sample)
        pages: Counter[str] = Counter()
        counts: Counter[str] = Counter()
        examples: dict[str, list[str]] = {}
        behind = 0
        for key, html in bench.pages.items():
            truth = shingles(bench.truths[key])
            article = cleannews.clean_html(html)
            ours = shingles(article.render() if SETS[name] else article.text)
            peers = [
                shingles(run_trafilatura(html, favor_recall=True, include_comments=False)[0]),
                shingles(run_readability(html)[0]),
            ]
            best = max(peers, key=lambda p: recall(truth, p))
            if recall(truth, best) - recall(truth, ours) <= args.margin:
                continue
            behind += 1
            found = causes(html, (truth & best) - ours)
            counts.update(found)
            if found:
                main_cause = found.most_common(1)[0][0]
                pages[main_cause] += 1
                examples.setdefault(main_cause, []).append(key)
        lead = f"{behind} where a peer's recall leads by > {args.margin}"
        print(f"\n### {name}: {len(bench.pages)} pages, {lead}\n")
        print("| cause | pages (main cause) | shingles | example ids |")
        print("|---|---|---|---|")
        for cause, n in counts.most_common():
            shown = ", ".join(examples.get(cause, [])[: args.show])
            print(f"| {cause} | {pages[cause]} | {n} | {shown} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
