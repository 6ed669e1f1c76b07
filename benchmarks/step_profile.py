"""CPU time of each default step over the throughput corpus.

    python benchmarks/step_profile.py [--megabytes 2] [--runs 3] [--top 40]

Reads every corpus text with `read_text`, then times each step of
`default_steps()` over all articles (each step gets the output of the one
before, as `clean_text` runs them), median of ``--runs`` runs; also
`read_text` and `Article.from_blocks`. Prints each one's share of the whole,
then the floor of this design: `read_text`, as many steps as the default
pipeline has that each look at every kept block and change nothing, and
`Article.from_blocks`.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import corpus

sys.path.insert(0, str(corpus.REPO))
from cleannews import Article, default_steps
from cleannews.model import Block
from cleannews.readers.text import read_text
from cleannews.steps import drop_where, run, step_name


def keep(block: Block) -> str | None:
    """A filter that drops nothing."""
    return None


def design_floor(texts: Sequence[str], runs: int) -> float:
    """Median CPU seconds of read_text, a pipeline of do-nothing steps as
    long as the default one, and Article.from_blocks, over every text."""
    steps = [drop_where(keep) for _ in default_steps()]
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        for text in texts:
            Article.from_blocks(run(read_text(text), steps))
        times.append(time.process_time() - start)
    return statistics.median(times)


def one_run(texts: Sequence[str]) -> dict[str, float]:
    """Seconds per stage over every text, in pipeline order."""
    steps = default_steps()
    spent = {"read_text": 0.0, **{step_name(s): 0.0 for s in steps}, "Article.from_blocks": 0.0}
    gc.collect()
    for text in texts:
        start = time.process_time()
        blocks = read_text(text)
        spent["read_text"] += time.process_time() - start
        for step in steps:
            start = time.process_time()
            blocks = step(blocks)
            spent[step_name(step)] += time.process_time() - start
        start = time.process_time()
        Article.from_blocks(blocks)
        spent["Article.from_blocks"] += time.process_time() - start
    return spent


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=corpus.DEFAULT_DATA)
    parser.add_argument("--megabytes", type=float, default=2)
    parser.add_argument("--typographic", type=float, default=0.25)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    docs = corpus.build(args.data, megabytes=args.megabytes, typographic=args.typographic)
    texts = [d.text for d in docs]
    runs = [one_run(texts) for _ in range(args.runs)]
    median = {name: statistics.median(r[name] for r in runs) for name in runs[0]}
    total = sum(median.values())
    blocks = sum(len(read_text(t)) for t in texts)
    megabytes = corpus.size_mb(texts)
    print(
        f"{len(texts)} articles, {blocks} blocks, {megabytes:.1f} MB: {total:.3f} CPU s "
        f"({megabytes / total:.1f} MB/s, {total / blocks * 1e6:.1f} µs a block), median of {args.runs} runs\n"
    )
    print("| stage | ms | share | µs a block |")
    print("|---|---:|---:|---:|")
    for name, seconds in sorted(median.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"| {name} | {seconds * 1e3:.0f} | {seconds / total:.1%} | {seconds / blocks * 1e6:.2f} |")
    floor = design_floor(texts, args.runs)
    print(
        f"\nFloor of the design (read_text, {len(default_steps())} do-nothing steps, Article.from_blocks): "
        f"{floor:.3f} CPU s ({megabytes / floor:.1f} MB/s, {floor / blocks * 1e6:.1f} µs a block), "
        f"{floor / total:.1%} of the default pipeline's time."
    )


if __name__ == "__main__":
    main()
