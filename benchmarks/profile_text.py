"""Where `clean_text` spends its time, by cProfile, on the throughput corpus
and on the real pages of the shared text corpora.

    python benchmarks/profile_text.py [--data ../shared/benchmarks] [--megabytes 2]
        [--corpora generated scrapinghub-text indonesian-raw ...] [--top 25]

For each corpus: the CPU seconds of `clean_text` and of `ftfy.fix_text` over
every text (one run each, no profiler), then one profiled run of `clean_text`
with the time grouped into the phases of the flow (reader, repairs and inline
cuts, evidence pass, scorer, the other steps, building the Article) by the
module each function lives in, and the functions with the most own time.
A profiler slows Python calls unevenly, so the shares are a map of where to
look, not a measurement: the unprofiled seconds above them are.

``--floors`` adds, on the same texts and beside ftfy, what the Python side
costs even with a free evidence pass: splitting lines, one `Block` per line,
`read_text`, and `read_text` with as many do-nothing steps as the default
pipeline has and `Article.from_blocks`.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import corpus

sys.path.insert(0, str(corpus.REPO))
import cleannews
from cleannews import Article, default_steps
from cleannews.model import Block
from cleannews.readers.text import read_text
from cleannews.steps import drop_where, run

#: Module path fragments -> the phase of the flow whose time they are.
PHASES = (
    ("cleannews/readers/", "reader (read_text)"),
    ("cleannews/steps/fixes.py", "repairs (fixes, ftfy)"),
    ("ftfy/", "repairs (fixes, ftfy)"),
    ("cleannews/steps/inline.py", "inline cuts"),
    ("cleannews/lexicon.py", "evidence: lexicon"),
    ("cleannews/evidence.py", "evidence: shapes and context"),
    ("cleannews/scorer.py", "scorer trees"),
    ("cleannews/steps/", "other steps"),
    ("cleannews/model.py", "model (Block, Article)"),
    ("cleannews/measure.py", "text predicates (measure)"),
    ("regex/", "regex module"),
)


#: The generated corpus, and the real pages small enough to profile in a minute or two.
DEFAULT_CORPORA = ("generated", "scrapinghub-text", "cleanportaleval-text", "indonesian-raw")


def texts_of(name: str, data: Path, megabytes: float) -> list[str]:
    if name == "generated":
        return [d.text for d in corpus.build(data, megabytes=megabytes)]
    import corpora

    return [d.raw for d in corpora.load(name, data)]


def cpu_seconds(fn: Callable[[str], object], texts: Sequence[str]) -> float:
    gc.collect()
    start = time.process_time()
    for text in texts:
        fn(text)
    return time.process_time() - start


def keep(block: Block) -> str | None:
    """A filter that drops nothing."""
    return None


def floors() -> dict[str, Callable[[str], object]]:
    """What the Python side of the flow costs with no decisions in it."""
    idle = [drop_where(keep) for _ in default_steps()]
    return {
        "str.splitlines": str.splitlines,
        "one Block per non-blank line": lambda text: [Block(t) for t in text.splitlines() if t.strip()],
        "read_text": read_text,
        f"read_text, {len(idle)} do-nothing steps, Article.from_blocks": lambda text: Article.from_blocks(
            run(read_text(text), idle)
        ),
    }


def print_floors(texts: Sequence[str], fix: float) -> None:
    print("\n| floor | CPU s | x ftfy |")
    print("|---|---:|---:|")
    for name, fn in floors().items():
        seconds = min(cpu_seconds(fn, texts) for _ in range(3))
        print(f"| {name} | {seconds:.3f} | {fix / seconds:.1f} |")


def phase_of(filename: str) -> str:
    for fragment, phase in PHASES:
        if fragment in filename:
            return phase
    return "other (stdlib, dataclasses, ...)"


def phase_seconds(stats: dict) -> dict[str, float]:
    """Own time per phase; a builtin's (a regex match, ``str.isalpha``) is
    charged to the phases of its callers, in proportion to what each spent in it."""
    phases: dict[str, float] = {}
    for (filename, _, _), (_, _, own, _, callers) in stats.items():
        if filename != "~" or not callers:
            phase = phase_of(filename)
            phases[phase] = phases.get(phase, 0.0) + own
            continue
        spent = sum(row[2] for row in callers.values()) or 1.0
        for (caller_file, _, _), row in callers.items():
            phase = phase_of(caller_file)
            phases[phase] = phases.get(phase, 0.0) + own * row[2] / spent
    return phases


def profile(texts: Sequence[str], top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        cleannews.clean_text(text)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
    phases = phase_seconds(stats.stats)  # type: ignore[attr-defined]
    print("\n| phase (own time, builtins charged to their callers) | share |")
    print("|---|---:|")
    for phase, seconds in sorted(phases.items(), key=lambda kv: -kv[1]):
        print(f"| {phase} | {seconds / total:.1%} |")
    print(f"\nTop {top} functions by own time (profiled total {total:.2f} s):\n")
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:top]  # type: ignore[attr-defined]
    print("| own s | cum s | calls | function |")
    print("|---:|---:|---:|---|")
    for (filename, line, function), (_, calls, own, cumulative, _) in rows:
        where = filename.split("site-packages/")[-1].split("native/")[-1]
        print(f"| {own:.2f} | {cumulative:.2f} | {calls:,} | {function} ({where}:{line}) |")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=corpus.DEFAULT_DATA, help="shared benchmark folder")
    parser.add_argument("--megabytes", type=float, default=2, help="size of the generated corpus")
    parser.add_argument("--corpora", nargs="*", default=list(DEFAULT_CORPORA))
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--floors", action="store_true", help="also time the Python floors beside ftfy")
    args = parser.parse_args(argv)
    import ftfy

    for name in args.corpora:
        texts = texts_of(name, args.data, args.megabytes)
        if not texts:
            print(f"\n## {name}: no texts (corpus missing)")
            continue
        megabytes = corpus.size_mb(texts)
        cleannews.clean_text(texts[0])  # rules, weights and lexicon are read once per process
        clean = cpu_seconds(cleannews.clean_text, texts)
        fix = cpu_seconds(ftfy.fix_text, texts)
        print(f"\n## {name}: {len(texts)} texts, {megabytes:.1f} MB UTF-8")
        print(
            f"\nclean_text {clean:.2f} s ({megabytes / clean:.2f} MB/s), ftfy.fix_text {fix:.2f} s "
            f"({megabytes / fix:.2f} MB/s): clean_text at {fix / clean:.2f}x ftfy"
        )
        if args.floors:
            print_floors(texts, fix)
        profile(texts, args.top)


if __name__ == "__main__":
    main()
