"""CPU time of each default step over the throughput corpus, or over pages of an HTML set.

    python benchmarks/step_profile.py [--megabytes 2] [--runs 3] [--top 40]
    python benchmarks/step_profile.py --html scrapinghub [--pages 181] [--runs 3]

Reads every corpus text with `read_text`, then times each step of
`default_steps()` over all articles (each step gets the output of the one
before, as `clean_text` runs them), median of ``--runs`` runs; also
`read_text` and `Article.from_blocks`. Prints each one's share of the whole,
then the floor of this design: `read_text`, as many steps as the default
pipeline has that each look at every kept block and change nothing, and
`Article.from_blocks`.

With ``--html SET``, the first ``--pages`` pages of that public HTML set
(``DATA/SET/html/*.html.gz`` in name order) go through `clean_html`'s
stages one by one: the reader (`read_html`), the repairs and inline trims,
the evidence pass (`gather`), each step and `Article.from_blocks`; beside
them, `trafilatura.extract` with its defaults on the same pages, so each
stage reads as a share of trafilatura's own time.
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
from cleannews.pipeline import gather, repair, trim_inline
from cleannews.readers.html import read_html
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


def html_run(pages: Sequence[str]) -> dict[str, float]:
    """Seconds per stage of clean_html over every page, in pipeline order,
    and trafilatura.extract's over the same pages."""
    import trafilatura

    steps = default_steps()
    spent = {"read_html": 0.0, "repair + trim_inline": 0.0, "gather (evidence pass)": 0.0}
    spent |= {step_name(s): 0.0 for s in steps} | {"Article.from_blocks": 0.0}
    gc.collect()
    for page in pages:
        start = time.process_time()
        blocks, _ = read_html(page)
        spent["read_html"] += (now := time.process_time()) - start
        blocks = trim_inline()(repair(blocks))
        spent["repair + trim_inline"] += (then := time.process_time()) - now
        blocks = gather(blocks)
        spent["gather (evidence pass)"] += (now := time.process_time()) - then
        for step in steps:
            blocks = step(blocks)
            spent[step_name(step)] += (then := time.process_time()) - now
            now = then
        Article.from_blocks(blocks)
        spent["Article.from_blocks"] += time.process_time() - now
    start = time.process_time()
    for page in pages:
        trafilatura.extract(page)
    spent["trafilatura.extract (peer)"] = time.process_time() - start
    return spent


def html_main(args: argparse.Namespace) -> None:
    import gzip

    files = sorted((args.data / args.html / "html").iterdir())[: args.pages]
    pages = [gzip.decompress(f.read_bytes()).decode("utf-8", "replace") for f in files]
    html_run(pages[:2])  # warm-up: imports, compiled patterns, the first dateparser call
    runs = [html_run(pages) for _ in range(args.runs)]
    median = {name: statistics.median(r[name] for r in runs) for name in runs[0]}
    peer = median.pop("trafilatura.extract (peer)")
    total = sum(median.values())
    print(f"{args.html}: {len(pages)} pages, clean_html {total:.2f} CPU s, trafilatura.extract {peer:.2f} s")
    print(f"(clean_html pages/s over trafilatura's: {peer / total:.2f}x), median of {args.runs} runs\n")
    print("| stage | s | share | of trafilatura's time |")
    print("|---|---:|---:|---:|")
    for name, seconds in sorted(median.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"| {name} | {seconds:.2f} | {seconds / total:.1%} | {seconds / peer:.2f}x |")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=corpus.DEFAULT_DATA)
    parser.add_argument("--megabytes", type=float, default=2)
    parser.add_argument("--typographic", type=float, default=0.25)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--html", help="an HTML set under --data (scrapinghub, dragnet, cleaneval, ...)")
    parser.add_argument("--pages", type=int, default=181)
    args = parser.parse_args(argv)
    if args.html:
        html_main(args)
        return
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
