"""Score the whole cleaning on every labelled corpus, leave one corpus out,
beside line-filter baselines measured in the same run.

    python benchmarks/evaluate.py [DATA] [--shipped] [--rules-only] [--baselines] [--corpus NAME ...]

``DATA`` defaults to ``../shared/benchmarks``. For each corpus, cleannews
runs its default steps with the scorer's weights trained on the *other*
corpora (``benchmarks/models/loco-<corpus>.json``, written by
``benchmarks/train.py``): the number says how the cleaning carries to a
corpus it never saw. ``--shipped`` uses the shipped weights instead (trained
on everything: in-sample, for comparison only). ``--rules-only`` adds the
default steps without the scorer (every `drop_scored` left out): what the
rules do alone, so the row above it says what the held-out scorer adds.
``--baselines`` adds the input as is, a C4-style line filter and jusText
over the same lines.

Metrics are those of ``benchmarks/quality.py`` (each corpus README says how
its gold was made: CleanEval and Dragnet keep credits and captions).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpora  # noqa: E402
import quality  # noqa: E402

import cleannews  # noqa: E402
from cleannews.scorer import read_model  # noqa: E402
from cleannews.steps import default_steps, drop_scored  # noqa: E402

COLUMNS = (
    "junk rec (macro)",
    "junk rec (pooled)",
    "content loss",
    "content loss (title kept)",
    "head R",
    "title EM",
)


def cleannews_with(steps: Sequence) -> Callable[[str, dict], quality.Output]:
    def run(raw: str, record: dict) -> quality.Output:
        art = cleannews.clean_text(raw, steps=steps)
        return quality.Output(art.title, [b.text for b in art.blocks], art.headings)

    return run


def steps_for(corpus: str, *, shipped: bool, models: Path) -> list:
    """The default steps, with the scorer held out from ``corpus`` unless ``shipped``."""
    steps = default_steps()
    if shipped:
        return steps
    model = read_model(models / f"loco-{corpus}.json")
    return [dataclasses.replace(s, model=model) if isinstance(s, drop_scored) else s for s in steps]


def without_scorer() -> list:
    """The default steps without the scorer: the rules alone."""
    return [s for s in default_steps() if not isinstance(s, drop_scored)]


def row(system: str, corpus: str, documents: Sequence, run: Callable) -> list[str]:
    start = time.process_time()
    outputs = [run(d.raw, {**d.record, "lang": d.record.get("lang", "en")}) for d in documents]
    seconds = time.process_time() - start
    scores = quality.score_outputs(corpus, documents, outputs)
    cells = [quality.fmt(scores.get(c)) for c in COLUMNS]
    return [corpus, system, str(len(documents)), *cells, f"{len(documents) / max(seconds, 1e-9):.0f}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "data",
        nargs="?",
        type=Path,
        default=corpora.DEFAULT_DATA,
        help="folder of the labelled corpora (default: shared/benchmarks beside the repository)",
    )
    parser.add_argument("--corpus", action="append", help="only this corpus (repeatable)")
    parser.add_argument("--shipped", action="store_true", help="the shipped weights, not held-out ones")
    parser.add_argument("--rules-only", action="store_true", help="also the default steps without the scorer")
    parser.add_argument("--baselines", action="store_true", help="also identity, C4-style filter, jusText")
    parser.add_argument("--models", type=Path, default=HERE / "models", help="folder of loco-*.json")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"no folder of corpora at {args.data}: give its path as DATA")
    names = args.corpus or corpora.available(args.data)
    head = ["corpus", "system", "docs", *COLUMNS, "docs/s"]
    print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
    for name in names:
        documents = corpora.load(name, args.data)
        label = "cleannews (shipped weights)" if args.shipped else "cleannews (held out)"
        systems = [(label, cleannews_with(steps_for(name, shipped=args.shipped, models=args.models)))]
        if args.rules_only:
            systems.append(("cleannews (rules only, no scorer)", cleannews_with(without_scorer())))
        if args.baselines:
            systems += [("input as is", quality.run_identity), ("C4-style filter", quality.run_c4)]
            systems += [("jusText", quality.run_justext)]
        for system, run in systems:
            print("| " + " | ".join(row(system, name, documents, run)) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
