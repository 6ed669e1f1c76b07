"""The fast paths give exactly what the plain code they replace gives.

Each speed-up of the evidence pass and the scorer keeps a plain reference
beside it: every ``shapes`` pattern tried in turn (`shape_reason_plain`),
each tree walked from its root (`Model.reference_margin`). These properties
hold the two equal on generated lines and feature vectors.
"""

from __future__ import annotations

import random

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from cleannews.evidence import DECORATION
from cleannews.model import Block
from cleannews.rules import FLAGS, ShapeScreen, default_rules, pattern_width, shape_reason_plain
from cleannews.scorer import Model, compile_margin, default_model
from cleannews.steps.base import _measure_text, measure_block
from tests import strategies

RULES = default_rules()
#: The words of the shipped shapes, so generated lines come close to matching them.
SHAPE_WORDS = sorted(
    {w for ps in RULES.shapes.values() for p in ps for w in regex.findall(r"[a-z]{2,}", p.pattern)}
)
#: Characters where case-insensitive matching and lower-casing part ways, and other odd ones.
ODD = [
    "K",
    "ſ",
    "İ",
    "ı",
    "ß",
    "Σ",
    "ς",
    "ﬁ",
    "\u00a0",
    "\u200b",
    "©",
    "@",
    "#",
    "/",
    "(",
    ")",
    "|",
    ":",
    "1",
    "2024",
]

residue_lines = strategies.residue.map(lambda piece: piece.text)
shape_like = st.lists(st.sampled_from(SHAPE_WORDS + ODD), min_size=0, max_size=12).map(" ".join)
lines = st.one_of(
    residue_lines,
    shape_like,
    st.builds(lambda a, b: a + b, shape_like, st.text(max_size=30)),
    st.text(max_size=60),
    st.integers(0, 900).map(lambda n: "kata " * n),
)


def folded_forms(text: str) -> list[str]:
    """The texts `cleannews.evidence.certain_rule` gives the shapes: the line
    folded, and without its decoration when that differs."""
    folded = " ".join(text.split()).lower()
    bare = folded.strip(DECORATION)
    return [folded, bare] if bare != folded else [folded]


@given(lines)
@example("Getty Images")
@example("ſponsored")
@example("\u212aomentar")
@example("")
@example("12 komentar")
@example("oleh karena itu")
@example("oleh: Andi Saputra")
@example("- Foto: Andi/detikcom -")
@example("x" * 5000)
def test_the_shape_screen_gives_what_trying_every_pattern_gives(text: str) -> None:
    texts = folded_forms(text)
    assert RULES.shape_reason(*texts) == shape_reason_plain(RULES.shapes, texts)


@given(lines)
@example("12 komentar")
def test_a_fullmatch_is_never_outside_the_width_read_for_its_pattern(text: str) -> None:
    for folded in folded_forms(text):
        for patterns in RULES.shapes.values():
            for pattern in patterns:
                if pattern.fullmatch(folded):
                    low, high = pattern_width(pattern)
                    assert low <= len(folded) and (high is None or len(folded) <= high), pattern.pattern


def test_patterns_whose_width_cannot_be_read_are_tried_at_every_length() -> None:
    """A POSIX class, a fuzzy count and a lookahead keep a pattern off the screens."""
    posix, fuzzy = regex.compile("[[:alpha:]]+x", FLAGS), regex.compile("(?:iklan){e<=1}", FLAGS)
    ahead = regex.compile(r"(?=\w{3})iklan", FLAGS)
    screen = ShapeScreen.of({"ad": (posix, fuzzy, ahead)})
    assert pattern_width(posix) == pattern_width(fuzzy) == (0, None)
    assert screen.reason(["ab1x"]) is None and screen.reason(["abx"]) == "ad"
    assert screen.reason(["iklam"]) == "ad" and screen.reason(["iklan"]) == "ad"


def test_rules_patterns_are_read_once_and_handed_out_as_new_lists() -> None:
    first = RULES.patterns("related.inline", "labels")
    first.clear()
    assert (
        RULES.patterns("related.inline", "labels") == list(RULES.patterns("related.inline", "labels")) != []
    )


@given(st.text(max_size=80))
@example("\\n")
def test_a_remembered_measure_of_a_block_is_the_measure_of_its_text(text: str) -> None:
    assert measure_block(Block(text)) == _measure_text(text)


MODEL = default_model()
#: Every threshold a split of the shipped model uses: values that sit on a split.
THRESHOLDS = sorted({node[1] for tree in MODEL.trees for node in tree if node[0] >= 0})
values = st.one_of(
    st.sampled_from(THRESHOLDS),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6),
    st.sampled_from([0.0, 1.0, -1.0, 10.0]),
)


@given(st.lists(values, min_size=len(MODEL.features), max_size=len(MODEL.features)))
def test_the_compiled_trees_give_the_float_the_tree_walk_gives(row: list[float]) -> None:
    assert MODEL.margin(row) == MODEL.reference_margin(row)


def random_model(seed: int, features: int = 4) -> Model:
    """A model of random trees (each node split on a random feature)."""
    rng = random.Random(seed)
    trees = []
    for _ in range(rng.randint(1, 6)):
        nodes: list[tuple[int, float, int, int, float]] = []

        def grow(depth: int, nodes: list[tuple[int, float, int, int, float]] = nodes) -> int:
            at = len(nodes)
            nodes.append((-1, 0.0, 0, 0, rng.uniform(-2, 2)))
            if depth and rng.random() < 0.7:
                left, right = grow(depth - 1), grow(depth - 1)
                nodes[at] = (rng.randrange(features), rng.uniform(-1, 1), left, right, rng.uniform(-1, 1))
            return at

        grow(rng.randint(0, 5))
        trees.append(tuple(nodes))
    names = tuple(f"f{i}" for i in range(features))
    return Model(names, tuple(trees), rng.uniform(-1, 1), 0.5)


@given(st.integers(0, 10_000), st.lists(st.floats(-1.5, 1.5), min_size=4, max_size=4))
def test_any_model_compiles_to_its_tree_walk(seed: int, row: list[float]) -> None:
    model = random_model(seed)
    assert compile_margin(model)(row) == model.reference_margin(row) == model.margin(row)
