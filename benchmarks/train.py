"""Train the scorer's weights (``cleannews/weights/text.json``) from the
labelled corpora, and the leave-one-corpus-out models that measure them.

    python benchmarks/train.py [DATA] [--out cleannews/weights/text.json]
                               [--loco-dir benchmarks/models] [--target-loss 0.01]

``DATA`` defaults to ``../shared/benchmarks``. Needs the ``train`` extra
(``pip install -e ".[train]"``: LightGBM, numpy). Deterministic: the same
data and versions give the same file.

What it does:

1. Runs every labelled document through cleannews up to the scorer (the
   reader, repairs, the evidence pass and the steps before `drop_scored`),
   places the blocks again among those still kept (`regather`, as
   `drop_scored` does), and keeps, for every block still kept, its feature
   vector and the label of its input line. Lines a certain rule already
   dropped are not trained on.
2. For each corpus, trains a model on the other trainable corpora and
   scores this one with it (leave one corpus out).
3. Chooses the threshold: the lowest probability at which the left-out
   content loss stays within ``--target-loss`` on every news corpus
   (scrapinghub-text, cleanportaleval-text and the Indonesian sets, with the
   headline counted as kept when it is the article's title; the
   CleanEval and Dragnet golds keep credits and captions as content, so
   they do not set it: see their READMEs).
4. Trains the shipped model on every trainable corpus and writes it with
   that threshold and the corpora it was trained on. Dragnet is AGPLv3: it is
   measured, never trained on (see ``MEASURE_ONLY`` in corpora.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import corpora  # noqa: E402
import quality  # noqa: E402

from cleannews.evidence import FEATURES, regather  # noqa: E402
from cleannews.model import Block  # noqa: E402
from cleannews.pipeline import clean_blocks  # noqa: E402
from cleannews.readers.text import read_text  # noqa: E402
from cleannews.scorer import FORMAT  # noqa: E402
from cleannews.steps import default_steps, run, step_name  # noqa: E402

LABEL = {"junk": 1, "content": 0, "heading": 0}
#: Corpora whose left-out content loss sets the threshold.
THRESHOLD_CORPORA = ("scrapinghub-text", "cleanportaleval-text", "indonesian-dev", "indonesian-raw")
#: The weight of each corpus in training, relative to the others (each
#: corpus's lines share its weight). CleanEval is "all running text", not
#: news: its conventions weigh less.
CORPUS_WEIGHT = {"cleaneval-text": 0.3}
PARAMS = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 15,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "seed": 20261202,
    "deterministic": True,
    "force_row_wise": True,
    "num_threads": 1,
    "verbose": -1,
}
ROUNDS = 300
GRID = [round(0.5 + 0.02 * i, 2) for i in range(25)]


@dataclass
class Prepared:
    """One document up to the scorer: its blocks, the rows to score and their labels."""

    document: corpora.Document
    blocks: list[Block]
    at: list[int]  # positions of the blocks the scorer sees
    rows: list[tuple[float, ...]]
    labels: list[int | None]  # None: not trained on (title, ignore)


def before_scoring() -> list:
    steps = default_steps()
    names = [step_name(s) for s in steps]
    return steps[: names.index("drop_scored")]


def prepare(document: corpora.Document, steps: Sequence) -> Prepared:
    # Placed again among the blocks still kept, as `drop_scored` weighs them.
    blocks = regather(run(clean_blocks(read_text(document.raw), steps=[]), steps))
    at, rows, labels = [], [], []
    for i, block in enumerate(blocks):
        if not block.kept or block.kind != "paragraph" or block.evidence is None:
            continue
        at.append(i)
        rows.append(block.evidence.features)
        labels.append(LABEL.get(document.labels.get(block.line - 1, "ignore")))
    return Prepared(document, blocks, at, rows, labels)


def output(prepared: Prepared, drop: Sequence[bool]) -> quality.Output:
    """What cleannews returns for the document when the scorer drops ``drop``."""
    dropped = {i for i, d in zip(prepared.at, drop, strict=True) if d}
    title = next((b.text for b in prepared.blocks if b.kept and b.kind == "title"), None)
    kept = [b for i, b in enumerate(prepared.blocks) if b.kept and b.kind != "title" and i not in dropped]
    return quality.Output(title, [b.text for b in kept], [b.text for b in kept if b.kind == "heading"])


def loss_and_recall(name: str, prepared: list[Prepared], probabilities: list, threshold: float) -> dict:
    outs = [
        output(p, [x >= threshold for x in probs]) for p, probs in zip(prepared, probabilities, strict=True)
    ]
    return quality.score_outputs(name, [p.document for p in prepared], outs)


def matrix(prepared: list[Prepared], weight: float):
    import numpy as np

    rows = [r for p in prepared for r, y in zip(p.rows, p.labels, strict=True) if y is not None]
    ys = [y for p in prepared for y in p.labels if y is not None]
    x = np.array(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))
    return x, np.array(ys), np.full(len(ys), weight / max(len(ys), 1))


def fit(data: dict[str, list[Prepared]], names: Sequence[str]):
    import lightgbm
    import numpy as np

    parts = [matrix(data[n], CORPUS_WEIGHT.get(n, 1.0)) for n in names]
    x = np.concatenate([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    w = np.concatenate([p[2] for p in parts])
    dataset = lightgbm.Dataset(x, y, weight=w / w.mean(), feature_name=list(FEATURES), free_raw_data=False)
    return lightgbm.train(PARAMS, dataset, num_boost_round=ROUNDS)


def predict(booster, prepared: list[Prepared]) -> list[list[float]]:
    import numpy as np

    return [
        list(booster.predict(np.array(p.rows, dtype=np.float64).reshape(len(p.rows), len(FEATURES))))
        if p.rows
        else []
        for p in prepared
    ]


def export(booster, threshold: float, trained_on: Sequence[str], extra: dict) -> dict:
    """The booster as the scorer's JSON format (see `cleannews.scorer`)."""
    dumped = booster.dump_model()
    if dumped["feature_names"] != list(FEATURES):
        raise SystemExit("the booster's features are not the evidence pass's")
    trees = [_flatten(t["tree_structure"]) for t in dumped["tree_info"]]
    return {
        "format": FORMAT,
        "features": list(FEATURES),
        "base": 0.0,
        "threshold": threshold,
        "trees": trees,
        "trained_on": list(trained_on),
        "measure_only": sorted(corpora.MEASURE_ONLY),
        "params": {**PARAMS, "rounds": ROUNDS, "corpus_weight": CORPUS_WEIGHT},
        "made_by": "benchmarks/train.py",
        **extra,
    }


def _flatten(root: dict) -> list[list[float]]:
    """A LightGBM tree as a flat node list, the root first."""
    nodes: list[list[float]] = []

    def add(node: dict) -> int:
        at = len(nodes)
        nodes.append([])
        if "leaf_value" in node:
            nodes[at] = [-1, 0.0, 0, 0, round(node["leaf_value"], 12)]
            return at
        if node["decision_type"] != "<=":
            raise SystemExit(f"unexpected split {node['decision_type']}")
        left, right = add(node["left_child"]), add(node["right_child"])
        value = round(node["internal_value"], 12)
        nodes[at] = [node["split_feature"], float(node["threshold"]), left, right, value]
        return at

    add(root)
    return nodes


def choose_threshold(scores: dict[str, dict[float, dict]], floors: dict[str, float], target: float) -> float:
    """The lowest threshold whose left-out content loss is within ``target``
    on every threshold corpus present; where the steps before the scorer
    already lose more than that (``floors``: a gold that keeps what our
    rules call residue), the scorer may add a fifth of ``target`` to it."""
    judged = [n for n in THRESHOLD_CORPORA if n in scores]
    for t in GRID:
        if all(
            scores[n][t]["content loss (title kept)"] <= max(target, floors[n] + target / 5) for n in judged
        ):
            return t
    return GRID[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=corpora.DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=HERE.parent / "cleannews" / "weights" / "text.json")
    parser.add_argument("--loco-dir", type=Path, default=HERE / "models")
    parser.add_argument("--target-loss", type=float, default=0.01)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    names = corpora.available(args.data)
    steps = before_scoring()
    data = {n: [prepare(d, steps) for d in corpora.load(n, args.data)] for n in names}
    print(
        f"prepared {sum(map(len, data.values()))} documents in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    trainable = [n for n in names if n not in corpora.MEASURE_ONLY]
    loco = {}
    scores: dict[str, dict[float, dict]] = {}
    probabilities = {}
    for held in names:
        booster = fit(data, [n for n in trainable if n != held])
        probabilities[held] = predict(booster, data[held])
        loco[held] = booster
        if held in THRESHOLD_CORPORA:
            scores[held] = {
                t: loss_and_recall(held, data[held], probabilities[held], t) for t in [*GRID, 2.0]
            }
        print(f"left out {held}: trained in {time.perf_counter() - started:.0f} s", flush=True)
    floors = {n: s[2.0]["content loss (title kept)"] for n, s in scores.items()}
    threshold = choose_threshold(scores, floors, args.target_loss)
    summary = {n: loss_and_recall(n, data[n], probabilities[n], threshold) for n in names}
    for n, row in summary.items():
        print(
            f"{n:22s} at {threshold}: " + ", ".join(f"{k} {v:.3f}" for k, v in row.items() if v is not None)
        )
    args.loco_dir.mkdir(parents=True, exist_ok=True)
    for held, booster in loco.items():
        used = [n for n in trainable if n != held]
        model = export(booster, threshold, used, {"left_out": held})
        (args.loco_dir / f"loco-{held}.json").write_text(json.dumps(model), encoding="utf-8")
    final = fit(data, trainable)
    model = export(final, threshold, trainable, {"left_out_scores_at_threshold": summary})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, separators=(",", ":")), encoding="utf-8")
    print(
        f"wrote {args.out} ({len(model['trees'])} trees, threshold {threshold})"
        f" in {time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
