"""The scorer: small gradient-boosted trees that weigh a block's evidence and
give the probability that it is residue.

The weights are data (``cleannews/weights/*.json``), written by
``benchmarks/train.py`` from the labelled corpora it names in the file; they
are evaluated here by plain Python, so cleaning needs neither scikit-learn
nor LightGBM nor numpy.

A model file holds the feature names it was trained on (`FEATURES` of
`cleannews.evidence` when it was made), the trees, the threshold chosen for
the content loss it allows, and where it came from::

    {"format": 1, "features": [...], "trees": [[node, ...], ...],
     "base": -1.2, "threshold": 0.85, "trained_on": [...], ...}

A node is ``[feature, threshold, left, right, value]``: a split sends a
block left when its feature is at most the threshold (missing values do not
occur); a leaf has ``feature == -1`` and its ``value`` is added to the sum.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

WEIGHTS = Path(__file__).resolve().parent / "weights"
FORMAT = 1


class ModelError(ValueError):
    """A model file that cannot be read or does not fit the evidence pass."""


@dataclass(frozen=True)
class Model:
    """Trees over named features, and the threshold their score is used at."""

    features: tuple[str, ...]
    trees: tuple[tuple[tuple[int, float, int, int, float], ...], ...] = field(repr=False)
    base: float
    threshold: float
    info: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    #: `margin` compiled to Python code on first use (see `compile_margin`).
    _compiled: list[Callable[[Sequence[float]], float]] = field(
        default_factory=list, init=False, compare=False, repr=False
    )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model:
        if data.get("format") != FORMAT:
            raise ModelError(f"model format {data.get('format')!r} is not {FORMAT}")
        trees = tuple(
            tuple((int(f), float(t), int(a), int(b), float(v)) for f, t, a, b, v in tree)
            for tree in data["trees"]
        )
        info = {k: v for k, v in data.items() if k not in ("trees", "features", "base", "threshold")}
        return cls(tuple(data["features"]), trees, float(data["base"]), float(data["threshold"]), info)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.info,
            "format": FORMAT,
            "features": list(self.features),
            "base": self.base,
            "threshold": self.threshold,
            "trees": [[list(node) for node in tree] for tree in self.trees],
        }

    def __getstate__(self) -> dict[str, Any]:
        # The compiled function cannot be pickled (engines send steps to
        # workers): it is left out, and made again on first use there.
        return {**self.__dict__, "_compiled": []}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def margin(self, row: Sequence[float]) -> float:
        """The summed leaf values for one feature vector (log-odds of residue):
        `reference_margin`, run as the Python code the trees compile to (once
        per model): the same comparisons and the same sum in the same order,
        so the same float, without walking 300 trees node by node."""
        if not self._compiled:
            self._compiled.append(compile_margin(self))
        return self._compiled[0](row)

    def reference_margin(self, row: Sequence[float]) -> float:
        """`margin` by walking each tree from its root: the plain reference
        the compiled code is tested against."""
        total = self.base
        for tree in self.trees:
            node = tree[0]
            while node[0] >= 0:
                node = tree[node[2] if row[node[0]] <= node[1] else node[3]]
            total += node[4]
        return total

    def probability(self, row: Sequence[float]) -> float:
        """The probability that a block with these features is residue."""
        return 1.0 / (1.0 + math.exp(-self.margin(row)))

    def contributions(self, row: Sequence[float]) -> dict[str, float]:
        """How much each feature moved this block's log-odds, summed over the
        trees (the change of the node's mean value at each split it passed):
        what the audit shows as the evidence that decided."""
        out: dict[str, float] = {}
        for tree in self.trees:
            node = tree[0]
            while node[0] >= 0:
                child = tree[node[2] if row[node[0]] <= node[1] else node[3]]
                name = self.features[node[0]]
                out[name] = out.get(name, 0.0) + child[4] - node[4]
                node = child
        return out


def compile_margin(model: Model) -> Callable[[Sequence[float]], float]:
    """A function computing ``model.reference_margin``: each tree becomes
    nested ``if``s over the row, adding its leaf's value to the total in tree
    order. Floats are written with `repr`, which reads back the same float.

    >>> m = Model(("x",), (((0, 0.5, 1, 2, 0.0), (-1, 0.0, 0, 0, -1.0), (-1, 0.0, 0, 0, 2.0)),), 0.25, 0.5)
    >>> compile_margin(m)([0.1]), compile_margin(m)([0.9]), m.reference_margin([0.9])
    (-0.75, 2.25, 2.25)
    """
    # The row unpacked into locals once: a local is read faster than an item.
    names = ", ".join(f"x{i}" for i in range(len(model.features)))
    lines = ["def margin(row):", f"    {names}, = row", f"    total = {model.base!r}"]
    for tree in model.trees:
        lines += _tree_lines(tree, 0, "    ")
    lines.append("    return total")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), "<cleannews.scorer trees>", "exec"), namespace)
    function: Callable[[Sequence[float]], float] = namespace["margin"]
    return function


def _tree_lines(tree: tuple[tuple[int, float, int, int, float], ...], at: int, indent: str) -> list[str]:
    """The code of one tree from node ``at``: a leaf adds its value, a split
    goes left when the feature is at most the threshold (as `reference_margin`)."""
    feature, threshold, left, right, value = tree[at]
    if feature < 0:
        return [f"{indent}total += {value!r}"]
    inner = indent + "    "
    return [
        f"{indent}if x{feature} <= {threshold!r}:",
        *_tree_lines(tree, left, inner),
        f"{indent}else:",
        *_tree_lines(tree, right, inner),
    ]


def read_model(path: str | Path) -> Model:
    """The model in a JSON file written by ``benchmarks/train.py``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"cannot read model file {path}: {error}") from error
    return Model.from_dict(data)


@cache
def default_model() -> Model:
    """The model shipped with cleannews for text (read once per process)."""
    return read_model(WEIGHTS / "text.json")
