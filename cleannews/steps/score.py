"""The doubtful residue: what no certain rule decides, weighed by the scorer.

Each kept block's evidence (`cleannews.evidence`) goes through the shipped
model (`cleannews.scorer`); a block whose probability of being residue
reaches the threshold is dropped, with the most likely reason and, in
``why``, the evidence that weighed most ("no sentence end; below the last
paragraph; in a run of 5 short lines").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cleannews.evidence import FAMILIES, FAR, FEATURES, Evidence, gather, regather  # noqa: F401 - gather: doctest
from cleannews.measure import ends_sentence, has_more_words, reads_as_heading
from cleannews.model import Block
from cleannews.reasons import BOILERPLATE, BYLINE, CAPTION, COMMENTS, NAVIGATION, RELATED
from cleannews.scorer import Model, ModelError, default_model
from cleannews.wording import in_words

_AT = {name: i for i, name in enumerate(FEATURES)}
#: How many of the weightiest features ``why`` names.
WHY_FEATURES = 3


def likely_reason(evidence: Evidence) -> str:
    """The reason a scored block most likely is residue for: the family whose
    phrases cover most of it; else what its shape and place say.

    >>> likely_reason(gather([Block("Bagikan artikel ini ke teman")])[0].evidence)
    'share'
    """
    f = evidence.features
    best, cover = None, 0.0
    for family in FAMILIES:
        share = f[_AT[f"{family}_cover"]]
        if share > cover:
            best, cover = family, share
    if best is not None:
        return best
    if f[_AT["name_like"]] or f[_AT["time"]] or (f[_AT["calendar"]] and f[_AT["year"]]):
        return BYLINE
    if f[_AT["since_comments_label"]] < FAR:
        return COMMENTS
    if f[_AT["since_related_label"]] < FAR:
        return RELATED
    if not f[_AT["ends_sentence"]] and f[_AT["capitalised"]] >= 0.6 and evidence.tokens >= 4:
        return RELATED
    if f[_AT["ends_sentence"]]:
        return CAPTION
    return NAVIGATION if evidence.tokens <= 3 else BOILERPLATE


@dataclass(frozen=True)
class drop_scored:  # noqa: N801 - a step, named for what it does
    """Drop kept blocks (not the title, not headings given by the input's
    marks) whose probability of residue reaches ``threshold`` (the model's
    own when ``None``). ``model`` replaces the shipped one (see
    `cleannews.scorer.read_model`). A block without evidence (its text was
    changed after the evidence pass) is not weighed, and stays. The blocks
    are placed again among those still kept (`cleannews.evidence.regather`)
    before they are weighed, and weighed again so after each round that
    drops some, until one drops none (or ``max_rounds``).

    A subheading stays whatever its score: a line that reads as a heading,
    names no residue (`names_residue`), and heads a paragraph of prose (the next kept
    block), as a related headline or a name above a lead rarely does alone.

    With ``above_title_only`` the blocks are weighed only when a kept one
    stands above the title: a lone word `cleannews.steps.structure.find_title`
    passed over after the first weighing was the title then, so it went
    unweighed, and under the title, where the output puts it, it is weighed."""

    threshold: float | None = None
    model: Model | None = None
    #: Rounds of weighing at most: one drop can only lead to the next through
    #: a neighbour, and a crafted page must not make that a chain (law 5).
    max_rounds: int = 6
    above_title_only: bool = False

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        if self.above_title_only and not kept_above_title(blocks):
            return list(blocks)
        model = self.model or default_model()
        if model.features != FEATURES:
            raise ModelError("the model was trained on other features than this evidence pass gives")
        threshold = model.threshold if self.threshold is None else self.threshold
        # The article as the steps before left it: the blocks they dropped
        # are no neighbours, as they are not when its output is cleaned again.
        # For the same reason the blocks are weighed again among those still
        # kept until none more drops: cleaning the output again weighs them so.
        out = regather(blocks)
        for _ in range(self.max_rounds):
            out, dropped = self._weigh(out, model, threshold)
            if not dropped:
                break
            out = regather(out)
        return out

    @staticmethod
    def _weigh(blocks: list[Block], model: Model, threshold: float) -> tuple[list[Block], int]:
        """One weighing of every kept block on the features it has now, and how many it dropped."""
        out, dropped = list(blocks), 0
        for i, block in enumerate(out):
            if not block.kept or block.kind != "paragraph" or block.evidence is None:
                continue
            # The blocks after this one, read lazily: a slice would copy the rest at every block.
            if heads_prose(block, (out[j] for j in range(i + 1, len(out)))):
                continue
            row = block.evidence.features
            probability = model.probability(row)
            if probability >= threshold:
                out[i] = block.drop(likely_reason(block.evidence), why=_why(model, row, probability))
                dropped += 1
        return out, dropped


def kept_above_title(blocks: Sequence[Block]) -> bool:
    """Whether a kept block comes before the title.

    >>> kept_above_title([Block("Kredit"), Block("Judul Berita", "title")])
    True
    >>> kept_above_title([Block("Judul Berita", "title"), Block("Kredit")])
    False
    """
    kept = [b for b in blocks if b.kept]
    return bool(kept) and kept[0].kind != "title" and any(b.kind == "title" for b in kept)


def heads_prose(block: Block, after: Iterable[Block], *, min_words: int = 8) -> bool:
    """Whether ``block`` reads as a subheading that names no residue, and the
    next kept block is a sentence of at least ``min_words`` words.

    >>> prose = Block("Presiden mengatakan harga beras akan diumumkan pada hari Senin depan.")
    >>> heads_prose(gather([Block("Latar Belakang")])[0], [prose])
    True
    >>> heads_prose(gather([Block("Baca Juga")])[0], [prose])
    False
    """
    if block.evidence is None or not reads_as_heading(block.text) or not any(c.isalpha() for c in block.text):
        return False
    if names_residue(block.evidence):
        return False
    following = next((b for b in after if b.kept), None)
    return (
        following is not None
        and ends_sentence(following.text)
        and has_more_words(following.text, min_words - 1)
    )


def names_residue(evidence: Evidence, *, min_cover: float = 0.5) -> bool:
    """Whether a phrase of the rules opens the block or covers ``min_cover``
    of it or more: "Baca Juga", "Next Article", "Read more: ..." name residue;
    a word of a phrase inside a heading ("What Happens Next") does not.

    >>> [names_residue(gather([Block(t)])[0].evidence) for t in ("Next Article", "What Happens Next")]
    [True, False]
    """
    f = evidence.features
    return any(f[_AT[f"{family}_start"]] or f[_AT[f"{family}_cover"]] >= min_cover for family in FAMILIES)


def _why(model: Model, row: Sequence[float], probability: float) -> str:
    """The weightiest evidence for a drop, in words, and the probability."""
    pushes = sorted(model.contributions(row).items(), key=lambda kv: -kv[1])
    named = [in_words(name, row[_AT[name]]) for name, push in pushes[:WHY_FEATURES] if push > 0]
    return "; ".join([*named, f"scored {probability:.2f}"])
