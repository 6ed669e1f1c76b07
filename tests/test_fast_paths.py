"""The fast paths give exactly what the plain code they replace gives.

Each speed-up of the evidence pass and the scorer keeps a plain reference
beside it: every ``shapes`` pattern tried in turn (`shape_reason_plain`),
each tree walked from its root (`Model.reference_margin`). These properties
hold the two equal on generated lines and feature vectors.
"""

from __future__ import annotations

import dataclasses
import random
from collections import Counter

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from cleannews.evidence import (
    _RAW_TOKEN,
    DECORATION,
    _has_time,
    char_counts,
    folded_tokens,
    gather,
    language_of,
    measure,
)
from cleannews.lexicon import tokens
from cleannews.model import Block, PageEvidence
from cleannews.rules import FLAGS, default_rules
from cleannews.rules.screen import (
    CASE_TWINS,
    ShapeScreen,
    _held,
    _may_hold,
    pattern_literals,
    pattern_width,
    shape_reason_plain,
)
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
    assert measure_block(Block(text)) == _measure_text(text, RULES)


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


def counts_char_by_char(text: str) -> tuple[int, int, int, int]:
    """Letters, upper-case letters, digits and marks, one character at a time."""
    letters = uppers = digits = marks = 0
    for char in text:
        if char.isalpha():
            letters += 1
            uppers += char.isupper()
        elif char.isdigit():
            digits += 1
        elif not char.isspace():
            marks += 1
    return letters, uppers, digits, marks


def time_char_by_char(text: str) -> bool:
    """A digit, ``:`` or ``.``, two digits, looked for at every position."""
    return any(
        text[i] in ":." and text[i - 1].isdigit() and text[i + 1 : i + 3].isdigit()
        for i in range(1, len(text) - 2)
    )


texts = st.one_of(lines, st.text(alphabet=st.sampled_from("09:. a²①٣\x1c\t"), max_size=12))


@given(texts)
@example("Ia, 12 KALI!\x1f")
@example("²:34")
def test_the_shape_counts_are_the_counts_char_by_char(text: str) -> None:
    assert char_counts(text) == counts_char_by_char(text)
    assert _has_time(text) == time_char_by_char(text)
    assert folded_tokens(text, _RAW_TOKEN.findall(text)) == tokens(text)


@given(st.lists(texts, max_size=8))
def test_the_language_is_the_one_whose_stopwords_the_blocks_use_most(blocks: list[str]) -> None:
    shapes = [measure(t, RULES) for t in blocks]
    counts: Counter[str] = Counter()
    for shape in shapes:
        for code, words in RULES.stopwords.items():
            counts[code] += sum(1 for t in shape.tokens if t in words)
    best = counts.most_common(1)
    assert language_of(shapes, RULES) == (best[0][0] if best and best[0][1] else None)


def test_only_the_case_twins_match_ascii_case_insensitively_without_being_ascii() -> None:
    """The literal screen lower-cases ASCII; these four are the exceptions it steps around."""
    ascii_char = regex.compile(r"[\x00-\x7f]", FLAGS)
    twins = {chr(c) for c in range(128, 0x110000) if ascii_char.fullmatch(chr(c))}
    assert twins == CASE_TWINS


@given(lines)
@example("ap photo")
def test_every_fullmatch_holds_one_of_the_literals_read_for_its_pattern(text: str) -> None:
    for folded in folded_forms(text):
        for patterns in RULES.shapes.values():
            for pattern in patterns:
                literals = pattern_literals(pattern)
                if pattern.fullmatch(folded) and literals and not CASE_TWINS.intersection(folded):
                    assert any(a in folded.lower() for a in literals), pattern.pattern


def test_a_model_whose_trees_were_compiled_still_pickles() -> None:
    """Engines send steps (and a model given to `drop_scored`) to workers."""
    import pickle

    model = random_model(3)
    model.margin([0.0] * 4)
    again = pickle.loads(pickle.dumps(model))
    assert again == model and again.margin([0.5] * 4) == model.reference_margin([0.5] * 4)


@given(lines)
@example("Foto: AP/Getty Images")
@example("\u212aomentar ap")
def test_a_plan_lets_through_the_candidates_whose_literals_the_text_holds(text: str) -> None:
    """The literals held, looked for once per text, pass what `_may_hold` passes candidate by candidate."""
    screen = ShapeScreen.of(RULES.shapes)
    for folded in folded_forms(text):
        plan = screen.plan(folded)
        held = _held(folded, plan.literals)
        plain = tuple((at, c) for at, c in plan.tries if _may_hold(folded.lower(), c.needs))
        assert held is None or plan.let_through(held) == plain


def every_field(value: object) -> tuple[object, ...]:
    """All fields of a dataclass value, those left out of equality too."""
    return tuple(getattr(value, f.name) for f in dataclasses.fields(value))  # type: ignore[arg-type]


def test_the_written_out_copies_are_the_generic_ones() -> None:
    """`Block.with_evidence` and `Evidence.placed` copy every field, as `dataclasses.replace` does."""
    block = gather([Block("Baca juga: Harga beras naik", line=4, start=1, end=28, repairs=("entity",))])[0]
    block = dataclasses.replace(block, meta=(("a", "b"),), why="w", level=2, page=PageEvidence(linked=0.5))
    evidence = block.evidence
    assert evidence is not None and evidence.shape is not None and evidence.counted is not None
    assert every_field(block.with_evidence(None)) == every_field(dataclasses.replace(block, evidence=None))
    again = evidence.placed((1.0,), evidence.shape, evidence.counted)
    plain = dataclasses.replace(evidence, features=(1.0,), shape=evidence.shape, counted=evidence.counted)
    assert every_field(again) == every_field(plain)


def find_token_by_token(words: list[str]) -> list[tuple[str, str, int, int]]:
    """Every phrase of the shipped lexicon at every place, one token at a time."""
    found = []
    for start, word in enumerate(words):
        for phrase in RULES.lexicon.index.get(word, ()):
            end = start + len(phrase.tokens)
            if tuple(words[start:end]) == phrase.tokens:
                found.append((phrase.reason, phrase.key, start, end))
    return found


#: Every phrase of the shipped lexicon, as tokens, and a few tokens that start none.
PHRASES = sorted({p.tokens for phrases in RULES.lexicon.index.values() for p in phrases})
pieces = st.one_of(st.sampled_from(PHRASES), st.sampled_from(["0", "harga", "the", "x"]).map(lambda w: (w,)))


@given(st.lists(pieces, max_size=12).map(lambda ps: [t for p in ps for t in p]))
@example(["baca", "juga"])
def test_the_lexicon_finds_what_looking_at_every_token_finds(words: list[str]) -> None:
    hits = RULES.lexicon.find(words)
    assert [(h.reason, h.key, h.start, h.end) for h in hits] == find_token_by_token(words)
